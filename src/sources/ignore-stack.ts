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
 *
 * Two families are kept apart. Git's own (`.gitignore`, `.git/info/exclude`)
 * only hides files git does not track: the walker scans a tracked file
 * whatever they say, as git itself does. `.finta-guardignore` is
 * finta-guard's suppression and hides tracked files too. Each verdict names
 * the ignore file that decided, so a report can say what each one hid.
 */
import { readRegularFileSync } from "./open-regular.js";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";

export const IGNORE_FILES = [".gitignore", ".finta-guardignore"] as const;

export type IgnoreFamily = "git" | "finta";

/** An ignore file's family: `.finta-guardignore` is finta-guard's own, the rest are git's. */
export function familyOf(fileName: string): IgnoreFamily {
  return fileName === ".finta-guardignore" ? "finta" : "git";
}

interface FileRules {
  /** The ignore file, relative to the walk root (`sub/.gitignore`), for reports. */
  readonly shown: string;
  readonly rules: Ignore;
}

interface FamilyRules {
  /** The files' contents, in the order added (kept to derive `namedRoot` stacks). */
  readonly texts: readonly string[];
  readonly files: readonly FileRules[];
  /** All the files' rules together: the last matching rule of the level decides. */
  readonly rules: Ignore;
}

interface Level {
  /** Directory of the ignore files, relative to the walk root, `/`-separated, "" for the root. */
  readonly dir: string;
  readonly families: Partial<Record<IgnoreFamily, FamilyRules>>;
}

/** An ignore file to read at a level: its absolute path and its name in reports. */
export interface IgnoreFileRef {
  readonly abs: string;
  readonly shown: string;
}

/** An ignore file's text, its name in reports and its family. */
export interface IgnoreFileText {
  readonly shown: string;
  readonly family: IgnoreFamily;
  readonly text: string;
}

/** Which ignore files hide a path, per family (undefined: that family does not). */
export interface IgnoreVerdict {
  readonly git?: string;
  readonly finta?: string;
}

function compile(texts: readonly string[]): Ignore {
  const rules = ignore({ allowRelativePaths: true });
  for (const text of texts) rules.add(text);
  return rules;
}

function familyRules(texts: readonly string[], shown: readonly string[]): FamilyRules {
  return { texts, files: texts.map((t, i) => ({ shown: shown[i] ?? "", rules: compile([t]) })), rules: compile(texts) };
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
  enter(absDir: string, relDir: string, names: ReadonlySet<string>, extraFiles: readonly IgnoreFileRef[] = []): IgnoreStack {
    const files: IgnoreFileText[] = [];
    const refs = [
      ...extraFiles.map((f) => ({ ...f, family: "git" as const })),
      ...IGNORE_FILES.filter((f) => names.has(f)).map((f) => ({ abs: join(absDir, f), shown: relDir === "" ? f : `${relDir}/${f}`, family: familyOf(f) })),
    ];
    for (const ref of refs) {
      try {
        // As git (2.32+): an ignore file that is a link is not followed; a FIFO must not block the walk.
        files.push({ shown: ref.shown, family: ref.family, text: readRegularFileSync(ref.abs) });
      } catch {
        // An unreadable ignore file ignores nothing; the scan still covers the files.
      }
    }
    return this.enterTexts(relDir, files);
  }

  /** The stack for a directory whose ignore files are given (read from a git revision, `--config-from`), in order. */
  enterTexts(relDir: string, files: readonly IgnoreFileText[]): IgnoreStack {
    const families: Partial<Record<IgnoreFamily, FamilyRules>> = {};
    for (const family of ["git", "finta"] as const) {
      const mine = files.filter((f) => f.family === family);
      if (mine.length) families[family] = familyRules(mine.map((f) => f.text), mine.map((f) => f.shown));
    }
    return families.git || families.finta ? new IgnoreStack([...this.#levels, { dir: relDir, families }]) : this;
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
    const levels = this.#levels.map((level): Level => {
      const depth = level.dir === "" ? 0 : level.dir.split("/").length;
      if (level.dir !== "" && !relDir.startsWith(level.dir + "/")) return level;
      const reincluded: string[] = [];
      for (let i = depth + 1; i <= parts.length; i++) reincluded.push(`!/${literalPattern(parts.slice(depth, i).join("/"))}/`);
      const families: Partial<Record<IgnoreFamily, FamilyRules>> = {};
      for (const family of ["git", "finta"] as const) {
        const f = level.families[family];
        if (!f) continue;
        const texts = [...f.texts, reincluded.join("\n")];
        // The re-inclusion belongs to the level's last file: it must come after every rule.
        families[family] = { texts, files: f.files.map((file, i) => (i === f.files.length - 1 ? { shown: file.shown, rules: compile([...f.texts.slice(i), reincluded.join("\n")]) } : file)), rules: compile(texts) };
      }
      return { dir: level.dir, families };
    });
    return new IgnoreStack(levels);
  }

  /** Is `relPath` (relative to the walk root, `/`-separated) ignored by either family? Directories: pass `isDir`. */
  ignores(relPath: string, isDir: boolean): boolean {
    const verdict = this.verdict(relPath, isDir);
    return verdict.git !== undefined || verdict.finta !== undefined;
  }

  /** Which ignore file of each family hides `relPath` (the deepest level with a matching rule decides). */
  verdict(relPath: string, isDir: boolean): IgnoreVerdict {
    let git: string | undefined;
    let finta: string | undefined;
    for (const level of this.#levels) {
      const rel = level.dir === "" ? relPath : relPath.startsWith(level.dir + "/") ? relPath.slice(level.dir.length + 1) : undefined;
      if (rel === undefined || rel === "") continue;
      const path = isDir ? rel + "/" : rel;
      if (level.families.git) git = decide(level.families.git, path, git);
      if (level.families.finta) finta = decide(level.families.finta, path, finta);
    }
    return { ...(git !== undefined ? { git } : {}), ...(finta !== undefined ? { finta } : {}) };
  }
}

/** The verdict after one level: `before` kept when the level says nothing about `path`. */
function decide(family: FamilyRules, path: string, before: string | undefined): string | undefined {
  const result = family.rules.test(path);
  if (result.unignored) return undefined;
  if (!result.ignored) return before;
  // Name the file holding the rule that decided: the last file of the level that ignores the path alone.
  for (let i = family.files.length - 1; i >= 0; i--) if (family.files[i]!.rules.ignores(path)) return family.files[i]!.shown;
  return family.files[family.files.length - 1]?.shown;
}
