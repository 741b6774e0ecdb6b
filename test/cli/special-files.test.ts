/**
 * A path named on the command line that is not a regular file — a symbolic
 * link (not followed), a FIFO (reading it would block), a device, a socket —
 * is skipped with the same notice on stderr, and does not change the exit
 * code: the other paths decide it. Built binary, real links and FIFOs.
 */
import { execFileSync } from "node:child_process";
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runBin } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";

let tree: TempTree | undefined;
afterEach(() => tree?.cleanup());

function setup(): TempTree {
  tree = makeTempTree({ "key.ts": `const key = "${fake.liveKey(11)}";\n`, "clean.ts": "const a = 1;\n" });
  symlinkSync(join(tree.root, "key.ts"), join(tree.root, "link.ts"));
  execFileSync("mkfifo", [join(tree.root, "pipe")]);
  return tree;
}

describe("paths that are not regular files", () => {
  it.each([
    ["link.ts", "link.ts: skipped, not a regular file (a symbolic link)"],
    ["pipe", "pipe: skipped, not a regular file (a FIFO)"],
    ["/dev/null", "/dev/null: skipped, not a regular file (a device)"],
  ])("%s alone: a notice, exit 0, nothing scanned", (path, notice) => {
    const t = setup();
    const out = runBin(["scan", path, "--format", "json"], t.root);
    expect([out.code, out.stderr]).toEqual([0, `finta-guard: ${notice}\n`]);
    expect(JSON.parse(out.stdout).stats.files).toBe(0);
  });

  it("next to regular files: the same notices, and the exit code is theirs", () => {
    const t = setup();
    const withKey = runBin(["scan", "link.ts", "key.ts", "pipe"], t.root);
    expect(withKey.code).toBe(1);
    expect(withKey.stdout).toContain("key.ts:1:14  critical  finta-secret-key-live");
    expect(withKey.stderr).toBe("finta-guard: link.ts: skipped, not a regular file (a symbolic link)\nfinta-guard: pipe: skipped, not a regular file (a FIFO)\n");
    const clean = runBin(["scan", "clean.ts", "link.ts"], t.root);
    expect([clean.code, clean.stderr]).toEqual([0, "finta-guard: link.ts: skipped, not a regular file (a symbolic link)\n"]);
  });

  it("inside a folder they are skipped silently, as git and rg skip them", () => {
    const t = setup();
    const out = runBin(["scan", ".", "--format", "json"], t.root);
    expect([out.code, out.stderr]).toEqual([1, ""]);
    expect(JSON.parse(out.stdout).findings.map((f: { file: string }) => f.file)).toEqual(["key.ts"]);
  });
});
