/**
 * Paths that come from the scanned repository (its configuration file, its
 * default file names) name files finta-guard writes. The repository is
 * untrusted, so such a path must stay inside it: relative, no `..` segment,
 * nothing under `.git/` (hooks and config there run code), no control
 * character. Only a path given on the command line may point elsewhere.
 * Pure: the text alone decides; links on disk are checked when the file is
 * opened (report/safe-write.ts).
 */
import { posix, win32 } from "node:path";
import { hasControls, quoteShort } from "../report/escape.js";

/** Why `value` may not name a file inside the repository, or undefined when it may. */
export function repositoryPathProblem(value: string): string | undefined {
  const shown = quoteShort(value);
  if (hasControls(value)) return `must not contain control characters, got ${shown}`;
  if (posix.isAbsolute(value) || win32.isAbsolute(value) || /^[a-z]:/i.test(value)) {
    return `must be a path inside the repository, got the absolute path ${shown} (name a file elsewhere with the command-line option instead)`;
  }
  const segments = value.split(/[\\/]+/);
  if (segments.includes("..")) return `must stay inside the repository, got ${shown} (".." is not allowed)`;
  if (segments.some((s) => s.toLowerCase() === ".git")) return `must not point into .git/, got ${shown}`;
  if (segments.every((s) => s === "" || s === ".")) return `must name a file, got ${shown}`;
  return undefined;
}
