/**
 * The one way finta-guard opens a file for writing (report `--output`, the
 * audit log, the baseline, installed hooks). The repository being scanned is
 * untrusted: it can commit a symbolic link where finta-guard will write
 * (`report.sarif -> ~/.bashrc`, a dangling `.finta-guard-baseline.json`, a
 * `.finta-guard/` folder linking anywhere), so:
 *
 * - the file itself is opened with O_NOFOLLOW (and checked with lstat first,
 *   for systems without it): a link there is refused, never followed;
 * - every folder between the repository root and the file is checked with
 *   lstat: a link there is refused too (folders finta-guard must create are
 *   created one at a time, each checked);
 * - a path that came from the repository (`fromRepository`) must also lie
 *   inside the root, lexically (config/repo-path.ts), and be a regular file:
 *   nothing the repository names can reach a device, a FIFO or `.git/`.
 *
 * A path given on the command line may point anywhere (the user chose it)
 * and may be a device or a FIFO (`--output /dev/null`), but its final
 * component is still never followed as a link. Refusals are InputErrors
 * (exit 2) with a one-line reason. What remains is a race with a process
 * that swaps folders while finta-guard writes; the repository's content
 * cannot do that.
 */
import { closeSync, constants, fchmodSync, fstatSync, ftruncateSync, lstatSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import { repositoryPathProblem } from "../config/repo-path.js";
import { InputError } from "../errors.js";
import { describeFsError } from "../sources/fs-error.js";

export interface WriteDestination {
  /** Absolute path of the file. */
  readonly path: string;
  /** The repository root: folders below it on the way to the file are checked not to be links. */
  readonly root?: string;
  /** The path came from the repository (its configuration or a default name): confined to `root`, regular files only. */
  readonly fromRepository?: boolean;
  /** Create missing folders (each one checked) instead of failing. */
  readonly createFolders?: boolean;
  /** Permission bits of a file created (default 0644). */
  readonly fileMode?: number;
  /** Set `fileMode` on the file even when it existed (on the open descriptor, not through the path). */
  readonly forceMode?: boolean;
  /** How a refusal reads: default `${label}: ${why}`. */
  readonly describe: (why: string) => string;
}

/** Every refusal or failure is an InputError whose message is the destination's `describe(why)`; marked to pass through. */
const REFUSALS = new WeakSet<Error>();
const isRefusal = (error: unknown): boolean => error instanceof Error && REFUSALS.has(error);

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;
export const LINK_REFUSED = "refusing to write through a symbolic link";

function insideRoot(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  if (rel === "" || rel === ".." || rel.startsWith(".." + sep) || isAbsolute(rel)) return undefined;
  return rel;
}

function whyOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOTDIR" || code === "EEXIST") return "a parent is not a directory";
  if (code === "ENOSPC") return "no space left on device";
  if (code === "ENXIO") return "not a regular file (a FIFO with no reader)";
  return describeFsError(error);
}

/**
 * Checks (and with `createFolders` creates) each folder from `root` down to
 * the file's folder: none may be a link. Folders above the root, and all of
 * them for a path outside the root, are the user's and are not checked.
 */
function checkFolders(dest: WriteDestination, fail: (why: string, cause?: unknown) => never): void {
  const folder = dirname(dest.path);
  const rel = dest.root !== undefined ? insideRoot(dest.root, folder) : undefined;
  if (rel === undefined) {
    if (dest.createFolders) {
      try {
        mkdirSync(folder, { recursive: true });
      } catch (error) {
        fail(whyOf(error), error);
      }
    }
    return;
  }
  let at = dest.root as string;
  for (const part of rel.split(sep)) {
    at = join(at, part);
    let stat;
    try {
      stat = lstatSync(at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || !dest.createFolders) fail(whyOf(error), error);
      try {
        mkdirSync(at, { mode: 0o755 });
      } catch (mkdirError) {
        fail(whyOf(mkdirError), mkdirError);
      }
      continue;
    }
    if (stat.isSymbolicLink()) fail(`${LINK_REFUSED} (${relative(dest.root as string, at).split(sep).join("/")} is one)`);
    if (!stat.isDirectory()) fail("a parent is not a directory");
  }
}

/** Opens `dest` for writing as described above; the caller closes the descriptor. */
function openChecked(dest: WriteDestination, append: boolean, fail: (why: string, cause?: unknown) => never): number {
  if (dest.fromRepository) {
    if (dest.root === undefined) fail("no repository root to confine the path to");
    const rel = insideRoot(dest.root as string, dest.path);
    const problem = rel === undefined ? "must stay inside the repository" : repositoryPathProblem(rel);
    if (problem !== undefined) fail(problem);
  }
  checkFolders(dest, fail);
  try {
    if (lstatSync(dest.path).isSymbolicLink()) fail(LINK_REFUSED);
  } catch (error) {
    if (isRefusal(error)) throw error;
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") fail(whyOf(error), error);
  }
  // No O_TRUNC: the type is checked before anything is cut. O_NONBLOCK keeps a
  // FIFO the repository could not have made anyway from hanging the open.
  const flags = constants.O_WRONLY | constants.O_CREAT | NOFOLLOW | (append ? constants.O_APPEND : 0) | (dest.fromRepository ? NONBLOCK : 0);
  let fd: number;
  try {
    fd = openSync(dest.path, flags, dest.fileMode ?? 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP" || code === "EMLINK") {
      let link = false;
      try {
        link = lstatSync(dest.path).isSymbolicLink();
      } catch {
        // Gone again: report the open's own error.
      }
      if (link) fail(LINK_REFUSED, error);
    }
    fail(whyOf(error), error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isFile()) {
      if (!append) ftruncateSync(fd, 0);
      if (dest.forceMode && dest.fileMode !== undefined) fchmodSync(fd, dest.fileMode);
    } else if (dest.fromRepository) {
      fail("not a regular file");
    }
    return fd;
  } catch (error) {
    closeSync(fd);
    if (isRefusal(error)) throw error;
    fail(whyOf(error), error);
  }
}

function failer(dest: WriteDestination): (why: string, cause?: unknown) => never {
  return (why, cause) => {
    const error = new InputError(dest.describe(why), cause !== undefined ? { cause } : undefined);
    REFUSALS.add(error);
    throw error;
  };
}

/** Replaces the file's content with `data` (created when missing). */
export function writeFileSafely(dest: WriteDestination, data: string | Uint8Array): void {
  const fail = failer(dest);
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const fd = openChecked(dest, false, fail);
  try {
    for (let done = 0; done < bytes.length; ) {
      done += writeSync(fd, bytes, done, bytes.length - done);
    }
  } catch (error) {
    fail(whyOf(error), error);
  } finally {
    closeSync(fd);
  }
}

/**
 * Appends `data` in one write(2) on an O_APPEND descriptor: lines written by
 * concurrent runs never interleave. A short write is an error, not a retry
 * (a retried tail could land after another process's line).
 */
export function appendFileSafely(dest: WriteDestination, data: string | Uint8Array): void {
  const fail = failer(dest);
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const fd = openChecked(dest, true, fail);
  try {
    const written = writeSync(fd, bytes, 0, bytes.length);
    if (written !== bytes.length) fail(`short write (${written} of ${bytes.length} bytes)`);
  } catch (error) {
    if (isRefusal(error)) throw error;
    fail(whyOf(error), error);
  } finally {
    closeSync(fd);
  }
}
