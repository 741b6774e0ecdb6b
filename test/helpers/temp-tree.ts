/** Temporary directory trees for end-to-end tests; removed by the caller's `cleanup()`. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface TempTree {
  readonly root: string;
  write(path: string, content: string | Uint8Array): string;
  cleanup(): void;
}

export function makeTempTree(files: Record<string, string | Uint8Array> = {}, prefix = "finta-guard-test-"): TempTree {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const write = (path: string, content: string | Uint8Array) => {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    return abs;
  };
  for (const [path, content] of Object.entries(files)) write(path, content);
  return { root, write, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
