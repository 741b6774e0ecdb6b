/**
 * The audit's questions to git, each one `git` child process with NUL-separated
 * output (`-z`), so paths holding spaces or newlines survive. Results that every
 * check needs (tracked files, staged files) are computed once per run.
 *
 * Why a module of the audit's own: the audit asks a handful of read-only
 * questions (ls-files, check-ignore, rev-parse) that the scan pipeline does not;
 * keeping them here keeps `src/git/` free to evolve for staged/history scans.
 * Must not: write to the repository or its index.
 */
import { spawn } from "node:child_process";
import { GitError } from "../errors.js";

export interface GitRunOptions {
  /** Bytes written to git's standard input. */
  readonly input?: string;
  /** Exit codes that are answers, not failures (check-ignore exits 1 for "none ignored"). */
  readonly okExitCodes?: readonly number[];
}

export interface GitRunResult {
  readonly stdout: string;
  readonly exitCode: number;
}

/** Run `git args…` in `cwd`; a failure is a GitError naming the command and git's first stderr line. */
export function runGit(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<GitRunResult> {
  const ok = options.okExitCodes ?? [0];
  return new Promise((resolvePromise, reject) => {
    // GIT_OPTIONAL_LOCKS=0: the audit only reads; it must not take the index lock.
    const child = spawn("git", [...args], { cwd, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" }, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (error) => reject(new GitError(`cannot run git ${args[0] ?? ""}: ${error.message}`, { cause: error })));
    child.on("close", (code) => {
      const exitCode = code ?? -1;
      if (!ok.includes(exitCode)) {
        const first = Buffer.concat(err).toString("utf8").split("\n").find((l) => l.trim() !== "") ?? `exit code ${exitCode}`;
        reject(new GitError(`git ${args.join(" ")}: ${first.trim()}`));
        return;
      }
      resolvePromise({ stdout: Buffer.concat(out).toString("utf8"), exitCode });
    });
    // A git that exits before reading its input must not crash us with EPIPE.
    child.stdin.on("error", () => {});
    child.stdin.end(options.input ?? "");
  });
}

/** Split NUL-terminated output into its fields. */
export function splitNul(output: string): string[] {
  const fields = output.split("\0");
  if (fields.length > 0 && fields[fields.length - 1] === "") fields.pop();
  return fields;
}

/** The repository's top-level directory for `cwd`; not a repository → GitError (exit 2). */
export async function findRepoRoot(cwd: string): Promise<string> {
  let result: GitRunResult;
  try {
    result = await runGit(cwd, ["rev-parse", "--show-toplevel"]);
  } catch (error) {
    throw new GitError(`audit: ${cwd} is not inside a git work tree`, { cause: error });
  }
  const root = result.stdout.replace(/\r?\n$/, "");
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
  readonly #root: string;
  #tracked: Promise<string[]> | undefined;
  #staged: Promise<string[]> | undefined;
  #visible: Promise<string[]> | undefined;

  constructor(repoRoot: string) {
    this.#root = repoRoot;
  }

  /** Files in the index (`git ls-files -z`), repository-relative. */
  trackedFiles(): Promise<string[]> {
    this.#tracked ??= runGit(this.#root, ["ls-files", "-z", "--full-name"]).then((r) => splitNul(r.stdout));
    return this.#tracked;
  }

  /**
   * Files added, copied, modified or renamed in the index relative to HEAD
   * (`git diff --cached --name-only -z`); works on an unborn HEAD.
   */
  stagedFiles(): Promise<string[]> {
    this.#staged ??= runGit(this.#root, ["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", "--no-renames"]).then((r) =>
      splitNul(r.stdout),
    );
    return this.#staged;
  }

  /** Tracked files plus untracked files the ignore rules do not exclude: the code a team works on. */
  visibleFiles(): Promise<string[]> {
    this.#visible ??= runGit(this.#root, ["ls-files", "-z", "--full-name", "--cached", "--others", "--exclude-standard"]).then((r) => [
      ...new Set(splitNul(r.stdout)),
    ]);
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
    const result = await runGit(this.#root, ["check-ignore", "-z", "-v", "-n", "--no-index", "--stdin"], {
      input: paths.map((p) => p + "\0").join(""),
      okExitCodes: [0, 1],
    });
    // Records of four fields: source, line number, pattern, path (empty fields for no match).
    const fields = splitNul(result.stdout);
    for (let i = 0; i + 3 < fields.length; i += 4) {
      const [source = "", line = "", pattern = "", path = ""] = fields.slice(i, i + 4);
      answer.set(
        path,
        source === "" ? undefined : { source, line: Number(line), pattern, ignored: !pattern.startsWith("!") },
      );
    }
    return answer;
  }

  /** The text of a file as the index holds it (what the next commit would contain). */
  async indexText(path: string): Promise<string> {
    const result = await runGit(this.#root, ["cat-file", "blob", `:${path}`]);
    return result.stdout.replace(/^\uFEFF/, "");
  }

  /** The directory git runs hooks from (honours core.hooksPath), relative to the repository root or absolute. */
  async hooksPath(): Promise<string> {
    const result = await runGit(this.#root, ["rev-parse", "--git-path", "hooks"]);
    return result.stdout.replace(/\r?\n$/, "");
  }
}
