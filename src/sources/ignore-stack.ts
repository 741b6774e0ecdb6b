/**
 * Cascading ignore files: `.gitignore` and `.finta-guardignore` at every level,
 * each anchored to its own directory, plus `.git/info/exclude` at a repository
 * root. Semantics follow git: the deepest file with a matching rule decides
 * (so a deeper `!pattern` re-includes), and nothing below an ignored directory
 * is looked at (the walker prunes it), so a file under an ignored directory
 * cannot be re-included.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";

export const IGNORE_FILES = [".gitignore", ".finta-guardignore"] as const;

interface Level {
  /** Directory of the ignore file, relative to the walk root, `/`-separated, "" for the root. */
  readonly dir: string;
  readonly rules: Ignore;
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
    let rules: Ignore | undefined;
    const files = [...extraFiles, ...IGNORE_FILES.filter((f) => names.has(f)).map((f) => join(absDir, f))];
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue; // An unreadable ignore file ignores nothing; the scan still covers the files.
      }
      rules ??= ignore({ allowRelativePaths: true });
      rules.add(text);
    }
    return rules ? new IgnoreStack([...this.#levels, { dir: relDir, rules }]) : this;
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
