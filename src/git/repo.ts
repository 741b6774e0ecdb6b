/**
 * Facts about the repository around a directory, asked of git (never guessed
 * from the file system): the work-tree root, the git dir (a worktree has its
 * own, next to the common one), the hooks directory (honouring
 * `core.hooksPath`), and whether HEAD points at a commit yet.
 */
import { isAbsolute, resolve } from "node:path";
import { GitError } from "../errors.js";
import { GitCommandError, runGit, type GitContext } from "./exec.js";

export interface RepoInfo {
  /** Absolute path of the work tree's top directory. */
  readonly root: string;
  /** Absolute git dir of this work tree (`.git`, or `.git/worktrees/<name>` in a linked worktree). */
  readonly gitDir: string;
  /** Absolute common git dir (shared by all worktrees). */
  readonly commonDir: string;
  /** Absolute directory git runs hooks from (`core.hooksPath` or `<common dir>/hooks`). */
  readonly hooksPath: string;
  /** Whether `core.hooksPath` is set (then the hooks directory may be shared, e.g. husky's). */
  readonly hooksPathConfigured: string | undefined;
}

/** Repository facts for `ctx.cwd`; outside a work tree → GitError (exit 2). */
export async function repoInfo(ctx: GitContext): Promise<RepoInfo> {
  let out: string;
  try {
    out = (await runGit(ctx, ["rev-parse", "--show-toplevel", "--absolute-git-dir", "--git-common-dir", "--git-path", "hooks"])).stdout.toString("utf8");
  } catch (error) {
    const line = error instanceof GitCommandError ? error.stderrLine : (error as Error).message;
    throw new GitError(`not a git repository (${ctx.cwd}): ${line.replace(/^fatal: /, "")}`, {
      cause: error,
      hint: "run it inside a git repository (git init creates one)",
    });
  }
  const [root = "", gitDir = "", common = "", hooks = ""] = out.split("\n");
  if (root === "") throw new GitError(`not inside a git work tree: ${ctx.cwd}`);
  // --git-common-dir and --git-path answer relative to the current directory.
  const commonDir = isAbsolute(common) ? common : resolve(ctx.cwd, common);
  const hooksPath = isAbsolute(hooks) ? hooks : resolve(ctx.cwd, hooks);
  const configured = await gitConfig(ctx, "core.hooksPath");
  return { root, gitDir, commonDir, hooksPath, hooksPathConfigured: configured };
}

/** Does HEAD resolve to a commit? False on a branch with no commit yet. */
export async function hasHeadCommit(ctx: GitContext): Promise<boolean> {
  const result = await runGit(ctx, ["rev-parse", "--verify", "-q", "HEAD^{commit}"], { okExitCodes: [0, 1] });
  return result.exitCode === 0;
}

/** A config value, or undefined when unset. */
export async function gitConfig(ctx: GitContext, key: string): Promise<string | undefined> {
  const result = await runGit(ctx, ["config", "--get", key], { okExitCodes: [0, 1] });
  if (result.exitCode !== 0) return undefined;
  return result.stdout.toString("utf8").replace(/\r?\n$/, "");
}
