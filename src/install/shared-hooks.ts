/**
 * Is the hooks folder git would run this repository's hooks from shared with
 * other repositories? With `core.hooksPath` set in the global (or system)
 * configuration to an absolute folder, a hook written there runs in every
 * repository of the user: `install` must not do that by accident (it would
 * block commits everywhere, with this repository's configuration). A
 * relative path resolves inside each repository, and a path set in the
 * repository's own configuration is that repository's choice: neither is
 * shared.
 */
import { isAbsolute, relative } from "node:path";
import { runGit, type GitContext } from "../git/exec.js";
import type { RepoInfo } from "../git/repo.js";

export interface SharedHooks {
  /** Where `core.hooksPath` was set: `global`, `system` or `command` (git -c / GIT_CONFIG_* variables). */
  readonly scope: string;
  /** The folder, absolute. */
  readonly folder: string;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** The shared hooks folder install would write into, or undefined when the folder is this repository's own. */
export async function sharedHooksFolder(ctx: GitContext, repo: RepoInfo): Promise<SharedHooks | undefined> {
  if (repo.hooksPathConfigured === undefined) return undefined;
  const result = await runGit(ctx, ["config", "--show-scope", "--get", "core.hooksPath"], { okExitCodes: [0, 1] });
  if (result.exitCode !== 0) return undefined;
  const scope = result.stdout.toString("utf8").split("\t")[0] ?? "";
  if (scope === "local" || scope === "worktree") return undefined;
  if (inside(repo.root, repo.hooksPath) || inside(repo.commonDir, repo.hooksPath) || inside(repo.gitDir, repo.hooksPath)) return undefined;
  return { scope, folder: repo.hooksPath };
}
