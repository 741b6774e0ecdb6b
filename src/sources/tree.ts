/**
 * Working-tree source: turns the PATH arguments of `finta-guard scan` into
 * file targets.
 *
 * Directories are walked depth-first with one readdir per directory, pruning
 * ignored directories as they are met: a nested `.gitignore` can only be
 * honoured by a walker that reads it before descending, which fast-glob's
 * static ignore list cannot do. fast-glob expands PATH arguments that are glob
 * patterns (`'src/**\/*.ts'`), micromatch applies `--include`/`--exclude`.
 * Symbolic links are not followed (as git and ripgrep do), so link loops
 * cannot trap the walk; `.git` folders are always skipped.
 *
 * In a git repository, `.gitignore` and `.git/info/exclude` hide untracked
 * files only: a tracked file is scanned whatever they say (git tracks it, so
 * it is the repository's content, and a force-added `.env` is exactly what a
 * scan must see). `.finta-guardignore` hides tracked files too. Every path an
 * ignore file hides is counted against that file for the report.
 */
import { lstatSync, readdirSync, type Dirent } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import fg from "fast-glob";
import micromatch from "micromatch";
import { InputError } from "../errors.js";
import { describeFsError } from "./fs-error.js";
import type { ScanError } from "../findings/types.js";
import { readTrackedPaths, type TrackedPaths } from "../git/tracked-paths.js";
import { IGNORE_FILES, IgnoreStack, familyOf, type IgnoreFileText } from "./ignore-stack.js";
import type { FileTarget } from "./types.js";

export interface TreeOptions {
  readonly cwd: string;
  /** `--no-ignore`: do not honour .gitignore / .finta-guardignore. */
  readonly noIgnore?: boolean;
  /** micromatch globs on the reported path; when set, only matching files are scanned. */
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /**
   * `--config-from REV`: the ignore files (`.gitignore`, `.finta-guardignore`)
   * committed in REV, by repository-relative path, used instead of the working
   * tree's; `rev` prefixes their names in reports.
   */
  readonly ignoreFiles?: { readonly rev: string; readonly texts: ReadonlyMap<string, string> };
}

export interface TreeListing {
  readonly targets: FileTarget[];
  /** Directories that could not be read: the run must exit 2, not skip them silently. */
  readonly errors: ScanError[];
  /**
   * Paths (files, or folders pruned whole) each ignore file hid, keyed by the
   * ignore file relative to the repository root (`.finta-guardignore`,
   * `sub/.gitignore`, `.git/info/exclude`).
   */
  readonly ignored: ReadonlyMap<string, number>;
  /**
   * Paths named on the command line that are not regular files (a symbolic
   * link, a FIFO, a device, a socket): not read, and not an error; the
   * command says so on stderr (`skipped, not a regular file`).
   */
  readonly skipped: SkippedPath[];
}

export interface SkippedPath {
  /** As reports show it (relative to the current directory when under it). */
  readonly path: string;
  /** What it is instead: "a symbolic link", "a FIFO", "a device", "a socket". */
  readonly kind: string;
}

/** What a non-regular, non-directory entry is, in a notice's words. */
function specialKind(stat: { isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stat.isSymbolicLink()) return "a symbolic link";
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  return "not a file or folder";
}

/** The path as reports show it: relative to cwd when under it, else absolute; `/` separators. */
export function displayPath(absPath: string, cwd: string): string {
  const rel = relative(cwd, absPath);
  const shown = rel === "" ? "." : !rel.startsWith("..") && !isAbsolute(rel) ? rel : absPath;
  return sep === "/" ? shown : shown.split(sep).join("/");
}

const GLOB_CHARS = /[*?[\]{}]/;

export function listTreeTargets(paths: readonly string[], options: TreeOptions): TreeListing {
  const targets: FileTarget[] = [];
  const errors: ScanError[] = [];
  const ignored = new Map<string, number>();
  const skipped: SkippedPath[] = [];
  const seen = new Set<string>();
  const add = (absPath: string) => {
    if (seen.has(absPath)) return;
    seen.add(absPath);
    const path = displayPath(absPath, options.cwd);
    if (options.include?.length && !micromatch.isMatch(path, options.include as string[], { dot: true })) return;
    if (options.exclude?.length && micromatch.isMatch(path, options.exclude as string[], { dot: true })) return;
    targets.push({ kind: "file", path, absPath });
  };

  for (const arg of paths.length ? paths : ["."]) {
    const abs = resolve(options.cwd, arg);
    let stat;
    try {
      stat = lstatSync(abs);
    } catch (error) {
      if (GLOB_CHARS.test(arg)) {
        const matches = fg.sync(arg, { cwd: options.cwd, dot: true, onlyFiles: true, followSymbolicLinks: false, absolute: true, ignore: ["**/.git/**"] });
        if (matches.length === 0) throw new InputError(`no file matches ${arg}`);
        for (const m of matches.sort()) add(resolve(m));
        continue;
      }
      throw new InputError(`${arg}: ${describeFsError(error)}`, { cause: error });
    }
    if (stat.isDirectory()) {
      const levels = levelEntry(options.ignoreFiles);
      const { base, stack, root } = options.noIgnore ? { base: abs, stack: undefined, root: undefined } : ancestorStack(abs, levels);
      let tracked: TrackedPaths | undefined;
      const walker: Walker = {
        add,
        errors,
        cwd: options.cwd,
        // Asked only once an ignore rule of git's hides something, so a repository without ignored paths pays nothing.
        tracked: () => (tracked ??= root ? readTrackedPaths(root) : { has: () => false, holdsTracked: () => false }),
        hidden: (by) => ignored.set(by, (ignored.get(by) ?? 0) + 1),
        enter: levels,
      };
      walk(abs, toSlash(relative(base, abs)), stack, walker);
    } else if (stat.isFile()) {
      // A file named on the command line is scanned even when ignored, as rg does.
      add(abs);
    } else {
      // Links are not followed and FIFOs, devices and sockets are not content
      // (a FIFO would block the read forever): all skipped alike, with a notice.
      skipped.push({ path: displayPath(abs, options.cwd), kind: specialKind(stat) });
    }
  }
  return { targets, errors, ignored, skipped };
}

function toSlash(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

/** The enclosing repository's root (a folder holding `.git`), if any. */
function findRepoRoot(dir: string): string | undefined {
  for (let d = dir; ; ) {
    try {
      lstatSync(join(d, ".git"));
      return d;
    } catch {
      const parent = resolve(d, "..");
      if (parent === d) return undefined;
      d = parent;
    }
  }
}

/**
 * Ignore rules that apply to a walk starting at `dir`: those of its ancestors
 * up to the repository root (as git and rg apply them), with `.git/info/exclude`.
 * Paths inside the stack are relative to `base`, the repository root. `dir`
 * was named on the command line, so those rules never exclude `dir` itself
 * (ripgrep's rule): only what lies inside it.
 */
/** How the walk reads a folder's ignore files: from disk, or from the trusted revision's texts. */
type EnterLevel = (stack: IgnoreStack, absDir: string, relDir: string, names: ReadonlySet<string>) => IgnoreStack;

function levelEntry(fromRevision: TreeOptions["ignoreFiles"]): EnterLevel {
  if (!fromRevision) return (stack, absDir, relDir, names) => stack.enter(absDir, relDir, names);
  return (stack, _absDir, relDir) => {
    const files: IgnoreFileText[] = [];
    for (const name of IGNORE_FILES) {
      const path = relDir === "" ? name : `${relDir}/${name}`;
      const text = fromRevision.texts.get(path);
      if (text !== undefined) files.push({ shown: `${fromRevision.rev}:${path}`, family: familyOf(name), text });
    }
    return stack.enterTexts(relDir, files);
  };
}

function ancestorStack(dir: string, enterLevel: EnterLevel): { base: string; stack: IgnoreStack; root?: string } {
  const root = findRepoRoot(dir);
  if (!root) return { base: dir, stack: IgnoreStack.empty() };
  let stack = IgnoreStack.empty().enter(root, "", new Set(), [{ abs: join(root, ".git", "info", "exclude"), shown: ".git/info/exclude" }]);
  const rel = toSlash(relative(root, dir));
  if (rel === "") return { base: root, stack, root };
  const parts = rel.split("/");
  // Ancestors strictly above `dir` (the walk enters `dir` itself).
  for (let i = 0; i < parts.length; i++) {
    const relDir = parts.slice(0, i).join("/");
    const absDir = join(root, ...parts.slice(0, i));
    let names: Set<string>;
    try {
      names = new Set(readdirSync(absDir));
    } catch {
      names = new Set();
    }
    stack = enterLevel(stack, absDir, relDir, names);
  }
  return { base: root, stack: stack.namedRoot(rel), root };
}

interface Walker {
  readonly add: (absPath: string) => void;
  readonly errors: ScanError[];
  readonly cwd: string;
  /** The repository's tracked paths (relative to the walk's base, the root). */
  readonly tracked: () => TrackedPaths;
  /** Count one path hidden by the ignore file `by`. */
  readonly hidden: (by: string) => void;
  readonly enter: EnterLevel;
}

/**
 * Is the entry hidden? `.finta-guardignore` hides anything; git's ignore
 * files hide what git does not track (for a folder: unless it holds tracked
 * paths, which the walk then enters, still hiding its untracked ones).
 */
function hides(stack: IgnoreStack, rel: string, isDir: boolean, walker: Walker): boolean {
  const verdict = stack.verdict(rel, isDir);
  const by = verdict.finta ?? (verdict.git !== undefined && !(isDir ? walker.tracked().holdsTracked(rel) : walker.tracked().has(rel)) ? verdict.git : undefined);
  if (by === undefined) return false;
  walker.hidden(by);
  return true;
}

function walk(absDir: string, relDir: string, stack: IgnoreStack | undefined, walker: Walker): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(absDir, { withFileTypes: true });
  } catch (error) {
    walker.errors.push({ file: displayPath(absDir, walker.cwd), message: describeFsError(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = new Set(entries.map((e) => e.name));
  const here = stack ? walker.enter(stack, absDir, relDir, names) : undefined;
  for (const entry of entries) {
    const rel = relDir === "" ? entry.name : `${relDir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name === ".git") continue;
      if (here && hides(here, rel, true, walker)) continue;
      walk(join(absDir, entry.name), rel, here, walker);
    } else if (entry.isFile()) {
      if (here && hides(here, rel, false, walker)) continue;
      walker.add(join(absDir, entry.name));
    }
    // Symbolic links, sockets, FIFOs and devices are not content: skipped.
  }
}

// Re-exported: its home is fs-error.ts (see there why).
export { describeFsError };
