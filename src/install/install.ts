/**
 * `finta-guard install`: adds the pre-commit scan, never clobbering.
 *
 * husky: appends a marked block to `.husky/pre-commit` (creating the file
 * when missing) and keeps every other line. Plain git: writes hooks/pre-commit
 * into the hooks directory; a hook already there is moved aside to
 * `pre-commit.pre-finta-guard` and run first by ours (chained, not replaced).
 * Running it again changes nothing (the plain hook is refreshed in place).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { ConfigError } from "../errors.js";
import type { GitContext } from "../git/exec.js";
import { planHook, type HookPlan } from "./detect-manager.js";
import { CHAINED_HOOK_SUFFIX, HUSKY_BEGIN, HUSKY_BLOCK, PLAIN_HOOK_MARKER, plainHookText } from "./hook-text.js";

export interface InstallOutcome {
  readonly plan: HookPlan;
  /** "installed", "already" (nothing to do) or "updated" (our plain hook refreshed). */
  readonly status: "installed" | "already" | "updated";
  /** The hook that was there before, now run first by ours (plain installs). */
  readonly chained?: string;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new ConfigError(path, "", `cannot read: ${(error as Error).message}`, { cause: error });
  }
}

function write(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    chmodSync(path, 0o755);
  } catch (error) {
    throw new ConfigError(path, "", `cannot write: ${(error as Error).message}`, { cause: error });
  }
}

/** `.husky/pre-commit` with our block appended (the other lines kept as they are). */
export function withHuskyBlock(existing: string | undefined): string {
  if (existing === undefined || existing.trim() === "") return HUSKY_BLOCK + "\n";
  return existing + (existing.endsWith("\n") ? "" : "\n") + HUSKY_BLOCK + "\n";
}

export async function installHook(ctx: GitContext): Promise<InstallOutcome> {
  const plan = await planHook(ctx);
  const existing = readIfExists(plan.hookFile);

  if (plan.manager === "husky") {
    if (existing?.includes(HUSKY_BEGIN)) return { plan, status: "already" };
    write(plan.hookFile, withHuskyBlock(existing));
    return { plan, status: "installed" };
  }

  const hook = plainHookText();
  if (existing?.includes(PLAIN_HOOK_MARKER)) {
    if (existing === hook) return { plan, status: "already" };
    write(plan.hookFile, hook);
    return { plan, status: "updated" };
  }
  let chained: string | undefined;
  if (existing !== undefined) {
    chained = plan.hookFile + CHAINED_HOOK_SUFFIX;
    if (existsSync(chained)) {
      throw new ConfigError(plan.hookFile, "", `a hook is already chained as ${chained}; move one of them away and run install again`);
    }
    try {
      renameSync(plan.hookFile, chained);
    } catch (error) {
      throw new ConfigError(plan.hookFile, "", `cannot move the existing hook aside: ${(error as Error).message}`, { cause: error });
    }
  }
  write(plan.hookFile, hook);
  return { plan, status: "installed", ...(chained !== undefined ? { chained } : {}) };
}
