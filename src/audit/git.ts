/**
 * The audit's questions to git (ls-files, check-ignore, the index's copy of a
 * file, the hooks path), asked through src/git/exec.ts like every other git
 * call: NUL-separated output (`-z`) so paths holding spaces or newlines
 * survive, no optional locks, failures as one-line GitErrors (exit 2).
 * Results every check needs (tracked, staged, visible files) are computed
 * once per run. Must not: write to the repository or its index.
 */
import { GitError } from "../errors.js";
import { STABLE_OUTPUT_CONFIG, runGit, splitNul, type GitContext, type GitEnv } from "../git/exec.js";

/** The repository's top-level directory for `cwd`; not a repository → GitError (exit 2). */
export async function findRepoRoot(cwd: string, env: GitEnv = process.env): Promise<string> {
  let root: string;
  try {
    root = (await runGit({ cwd, env }, ["rev-parse", "--show-toplevel"])).stdout.toString("utf8").replace(/\r?\n$/, "");
  } catch (error) {
    throw new GitError(`audit: ${cwd} is not inside a git work tree`, { cause: error });
  }
  if (!root) throw new GitError(`audit: ${cwd} is not inside a git work tree (bare repository?)`);
  return root;
}

/** Which ignore rule decided for one path (git check-ignore -v). */
export interface IgnoreMatch {
  /** File holding the rule, as git names it (repository-relative, or absolute for global excludes). */
  readonly source: string;
  readonly line: number;
  /** The pattern; a leading `!` means the path is re-included, i.e. not ignored. */
  readonly pattern: string;
  readonly ignored: boolean;
}

export class AuditGit {
  readonly #ctx: GitContext;
  #tracked: Promise<string[]> | undefined;
  #staged: Promise<string[]> | undefined;
  #visible: Promise<string[]> | undefined;

  /** `env`: git's whole environment (the CLI passes its own; library callers default to the process's). */
  constructor(repoRoot: string, env: GitEnv = process.env) {
    this.#ctx = { cwd: repoRoot, env };
  }

  async #fields(args: readonly string[]): Promise<string[]> {
    return splitNul((await runGit(this.#ctx, [...STABLE_OUTPUT_CONFIG, ...args])).stdout.toString("utf8"));
  }

  /** Files in the index (`git ls-files -z`), repository-relative. */
  trackedFiles(): Promise<string[]> {
    this.#tracked ??= this.#fields(["ls-files", "-z", "--full-name"]);
    return this.#tracked;
  }

  /**
   * Files added, copied, modified or renamed in the index relative to HEAD
   * (`git diff --cached --name-only -z`); works on an unborn HEAD.
   */
  stagedFiles(): Promise<string[]> {
    this.#staged ??= this.#fields(["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", "--no-renames"]);
    return this.#staged;
  }

  /** Tracked files plus untracked files the ignore rules do not exclude: the code a team works on. */
  visibleFiles(): Promise<string[]> {
    this.#visible ??= this.#fields(["ls-files", "-z", "--full-name", "--cached", "--others", "--exclude-standard"]).then((files) => [...new Set(files)]);
    return this.#visible;
  }

  /**
   * For each path, the ignore rule that decides it, or undefined when no rule
   * matches. `--no-index`: the question is what the repository's ignore rules
   * (.gitignore files, .git/info/exclude, core.excludesFile) say about the
   * name, whether or not the file is tracked: a tracked `.env` is the
   * env-files-untracked check's failure, and must not hide a missing rule.
   */
  async checkIgnore(paths: readonly string[]): Promise<Map<string, IgnoreMatch | undefined>> {
    const answer = new Map<string, IgnoreMatch | undefined>();
    if (paths.length === 0) return answer;
    const result = await runGit(this.#ctx, ["check-ignore", "-z", "-v", "-n", "--no-index", "--stdin"], {
      input: paths.map((p) => p + "\0").join(""),
      okExitCodes: [0, 1],
    });
    // Records of four fields: source, line number, pattern, path (empty fields for no match).
    const fields = splitNul(result.stdout.toString("utf8"));
    for (let i = 0; i + 3 < fields.length; i += 4) {
      const [source = "", line = "", pattern = "", path = ""] = fields.slice(i, i + 4);
      answer.set(path, source === "" ? undefined : { source, line: Number(line), pattern, ignored: !pattern.startsWith("!") });
    }
    return answer;
  }

  /** The text of a file as the index holds it (what the next commit would contain). */
  async indexText(path: string): Promise<string> {
    const result = await runGit(this.#ctx, ["cat-file", "blob", `:${path}`]);
    return result.stdout.toString("utf8").replace(/^\uFEFF/, "");
  }

  /** The directory git runs hooks from (honours core.hooksPath), relative to the repository root or absolute. */
  async hooksPath(): Promise<string> {
    const result = await runGit(this.#ctx, ["rev-parse", "--git-path", "hooks"]);
    return result.stdout.toString("utf8").replace(/\r?\n$/, "");
  }
}
