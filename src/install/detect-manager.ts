/**
 * Where the pre-commit hook goes: husky's `.husky/pre-commit` when the
 * repository uses husky (a `.husky/` folder, `core.hooksPath` into it, or
 * husky in package.json), otherwise a plain hook in git's hooks directory,
 * which honours `core.hooksPath` and is shared by all worktrees.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { GitContext } from "../git/exec.js";
import { repoInfo, type RepoInfo } from "../git/repo.js";

export type HookManager = "husky" | "plain";

export interface HookPlan {
  readonly manager: HookManager;
  readonly repo: RepoInfo;
  /** The file install writes (`.husky/pre-commit` or `<hooks path>/pre-commit`). */
  readonly hookFile: string;
  /** husky only: is husky active (core.hooksPath set into .husky)? If not, `npx husky` activates it. */
  readonly huskyActive: boolean;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function packageUsesHusky(root: string): boolean {
  const file = join(root, "package.json");
  if (!existsSync(file)) return false;
  try {
    const pkg = JSON.parse(readFileSync(file, "utf8")) as Record<string, Record<string, unknown> | undefined>;
    return Boolean(pkg.devDependencies?.husky ?? pkg.dependencies?.husky);
  } catch {
    return false;
  }
}

export function isHuskyHooksPath(configured: string | undefined): boolean {
  return configured !== undefined && /^(?:\.\/)?\.husky(?:\/_)?\/?$/.test(configured.replace(/\\/g, "/"));
}

export async function planHook(ctx: GitContext): Promise<HookPlan> {
  const repo = await repoInfo(ctx);
  const huskyActive = isHuskyHooksPath(repo.hooksPathConfigured);
  const husky = huskyActive || isDirectory(join(repo.root, ".husky")) || packageUsesHusky(repo.root);
  return {
    manager: husky ? "husky" : "plain",
    repo,
    hookFile: husky ? join(repo.root, ".husky", "pre-commit") : join(repo.hooksPath, "pre-commit"),
    huskyActive,
  };
}
