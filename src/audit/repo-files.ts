/**
 * Reading repository files for the audit: repository-relative paths in,
 * text or raw findings out. Only regular files are read (a tracked symlink
 * may point outside the repository), and a file listed by git but missing
 * from the working tree is simply absent.
 */
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DetectionEngine } from "../detect/engine.js";
import { InputError } from "../errors.js";
import type { RawFinding } from "../findings/types.js";
import { builtinRules } from "../rules/index.js";
import { scanFile } from "../scan/read-file.js";

/** Text files larger than this are not read by the code heuristics (minified bundles, data). */
export const MAX_CODE_FILE_BYTES = 2 * 1024 * 1024;

function isRegularFile(absPath: string, maxBytes?: number): boolean {
  try {
    const st = lstatSync(absPath);
    return st.isFile() && (maxBytes === undefined || st.size <= maxBytes);
  } catch {
    return false;
  }
}

/** The file's text, or undefined when it is not a readable regular file (or is larger than maxBytes). */
export function readRepoText(repoRoot: string, path: string, maxBytes?: number): string | undefined {
  const abs = join(repoRoot, path);
  if (!isRegularFile(abs, maxBytes)) return undefined;
  try {
    return readFileSync(abs, "utf8").replace(/^\uFEFF/, "");
  } catch {
    return undefined;
  }
}

export function existsAsFile(repoRoot: string, path: string): boolean {
  return isRegularFile(join(repoRoot, path));
}

/**
 * Raw findings in one working-tree file (streamed, binary files skipped); []
 * when it is not a regular file. A file that exists but cannot be read is an
 * InputError (exit 2): an audit that skipped it could pass a leaking repository.
 */
export function scanRepoFile(repoRoot: string, path: string, engine: DetectionEngine): RawFinding[] {
  const abs = join(repoRoot, path);
  if (!isRegularFile(abs)) return [];
  try {
    return scanFile(abs, engine).findings;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return [];
    throw new InputError(`audit: ${path}: cannot read (${code ?? (error as Error).message})`, { cause: error });
  }
}

let fintaEngine: DetectionEngine | undefined;
let allEngine: DetectionEngine | undefined;

/** The built-in rules limited to Finta credentials (`finta-*` ids). */
export function fintaCredentialEngine(): DetectionEngine {
  fintaEngine ??= DetectionEngine.fromSpecs(builtinRules.filter((r) => r.id.startsWith("finta-")));
  return fintaEngine;
}

/** Every built-in rule: an env template may leak any kind of credential. */
export function anyCredentialEngine(): DetectionEngine {
  allEngine ??= DetectionEngine.fromSpecs(builtinRules);
  return allEngine;
}

/** Line number (1-based) of a string offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}
