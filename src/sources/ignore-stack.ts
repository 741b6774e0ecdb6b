/**
 * Cascading ignore files: `.gitignore` and `.finta-guardignore` at every level,
 * each anchored to its own directory, plus `.git/info/exclude` at a repository
 * root. Semantics follow git: the deepest file with a matching rule decides
 * (so a deeper `!pattern` re-includes), and nothing below an ignored directory
 * is looked at (the walker prunes it), so a file under an ignored directory
 * cannot be re-included.
 *
 * A directory named on the command line is the exception, as in ripgrep: it
 * is walked even when it (or one of its parents) is ignored, and the rules
 * still apply to what lies inside it (`namedRoot`).
 */
import { readRegularFileSync } from "./open-regular.js";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";

export const IGNORE_FILES = [".gitignore", ".finta-guardignore"] as const;

interface Level {
  /** Directory of the ignore file, relative to the walk root, `/`-separated, "" for the root. */
  readonly dir: string;
  /** The ignore files' contents, in the order added (kept to derive `namedRoot` stacks). */
  readonly texts: readonly string[];
  readonly rules: Ignore;
}

function compile(texts: readonly string[]): Ignore {
  const rules = ignore({ allowRelativePaths: true });
  for (const text of texts) rules.add(text);
  return rules;
}

/** A path as a gitignore pattern that matches only itself. */
function literalPattern(path: string): string {
  return path.replace(/[\\*?[\]]/g, (c) => `\\${c}`);
}

export class IgnoreStack {
  readonly #levels: readonly Level[];

  private constructor(levels: readonly Level[]) {
    this.#levels = levels;
  }

  static empty(): IgnoreStack {
    return new IgnoreStack([]);
  }

  /**
   * The stack for a directory entered during a walk: this stack plus the
   * ignore files found in `absDir` (named in `names`, the directory's entries).
   */
  enter(absDir: string, relDir: string, names: ReadonlySet<string>, extraFiles: readonly string[] = []): IgnoreStack {
    const texts: string[] = [];
    const files = [...extraFiles, ...IGNORE_FILES.filter((f) => names.has(f)).map((f) => join(absDir, f))];
    for (const file of files) {
      try {
        // As git (2.32+): an ignore file that is a link is not followed; a FIFO must not block the walk.
        texts.push(readRegularFileSync(file));
      } catch {
        // An unreadable ignore file ignores nothing; the scan still covers the files.
      }
    }
    return texts.length ? new IgnoreStack([...this.#levels, { dir: relDir, texts, rules: compile(texts) }]) : this;
  }

  /**
   * The stack for a walk of `relDir`, a directory named on the command line,
   * from the stack of its ancestors: `relDir` and the directories above it are
   * never ignored, so a named folder inside an ignored one is scanned (as rg
   * does), while every rule still applies to the paths below it. Each level
   * gets, after its own rules, one `!/dir/` per directory from it down to
   * `relDir`: the last matching rule decides, and such a rule matches that
   * directory alone, never a path inside it.
   */
  namedRoot(relDir: string): IgnoreStack {
    if (relDir === "") return this;
    const parts = relDir.split("/");
    const levels = this.#levels.map((level) => {
      const depth = level.dir === "" ? 0 : level.dir.split("/").length;
      if (level.dir !== "" && !relDir.startsWith(level.dir + "/")) return level;
      const reincluded = [];
      for (let i = depth + 1; i <= parts.length; i++) reincluded.push(`!/${literalPattern(parts.slice(depth, i).join("/"))}/`);
      const texts = [...level.texts, reincluded.join("\n")];
      return { dir: level.dir, texts, rules: compile(texts) };
    });
    return new IgnoreStack(levels);
  }

  /** Is `relPath` (relative to the walk root, `/`-separated) ignored? Directories: pass `isDir`. */
  ignores(relPath: string, isDir: boolean): boolean {
    let ignored = false;
    for (const level of this.#levels) {
      const rel = level.dir === "" ? relPath : relPath.startsWith(level.dir + "/") ? relPath.slice(level.dir.length + 1) : undefined;
      if (rel === undefined || rel === "") continue;
      const result = level.rules.test(isDir ? rel + "/" : rel);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}
