/**
 * `finta-guard install`: adds the pre-commit scan, never clobbering.
 *
 * husky: puts a marked block at the top of `.husky/pre-commit` (after a
 * `#!` line, creating the file when missing) and keeps every other line. At
 * the top, because a user's line such as `exit 0` would otherwise end the
 * file before the scan (and install would report success for a hook that
 * never runs); a block left lower down by an older install is moved up.
 * Plain git: writes hooks/pre-commit into the hooks directory; a hook
 * already there is moved aside to `pre-commit.pre-finta-guard` and run first
 * by ours (chained, not replaced). A hooks folder shared by every repository
 * (a global `core.hooksPath`) is written only with `--global`. Running it
 * again changes nothing (the plain hook is refreshed in place).
 *
 * Files are written through report/safe-write.ts: never through a link (a
 * cloned repository may commit `.husky/pre-commit` as a link to any file).
 */
import { existsSync, readFileSync, renameSync } from "node:fs";
import { ConfigError, UsageError } from "../errors.js";
import { escapeControls } from "../report/escape.js";
import { writeFileSafely } from "../report/safe-write.js";
import type { GitContext } from "../git/exec.js";
import { planHook, type HookPlan } from "./detect-manager.js";
import { CHAINED_HOOK_SUFFIX, HUSKY_BEGIN, HUSKY_BLOCK, PLAIN_HOOK_MARKER, plainHookText } from "./hook-text.js";
import { sharedHooksFolder } from "./shared-hooks.js";
import { withoutHuskyBlock } from "./uninstall.js";

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

/** Writes an executable hook; `fromRepository`: the path lies in the work tree (husky's), confined to it. */
function write(path: string, text: string, root: string, fromRepository: boolean): void {
  writeFileSafely({ path, root, fromRepository, createFolders: true, fileMode: 0o755, forceMode: true, describe: (why) => `${path}: cannot write: ${why}` }, text);
}

/** `.husky/pre-commit` with our block first (after a `#!` line); every other line kept as it was. */
export function withHuskyBlock(existing: string | undefined): string {
  const rest = existing === undefined ? "" : withoutHuskyBlock(existing);
  if (rest.trim() === "") return HUSKY_BLOCK + "\n";
  const newline = rest.indexOf("\n");
  if (rest.startsWith("#!")) {
    const shebang = newline < 0 ? rest : rest.slice(0, newline);
    const after = newline < 0 ? "" : rest.slice(newline + 1);
    return shebang + "\n" + HUSKY_BLOCK + "\n" + after + (after === "" || after.endsWith("\n") ? "" : "\n");
  }
  return HUSKY_BLOCK + "\n" + rest + (rest.endsWith("\n") ? "" : "\n");
}

export interface InstallOptions {
  /** `--global`: a hooks folder shared by every repository may be written. */
  readonly global?: boolean;
}

export async function installHook(ctx: GitContext, options: InstallOptions = {}): Promise<InstallOutcome> {
  const plan = await planHook(ctx);
  const existing = readIfExists(plan.hookFile);

  if (plan.manager === "husky") {
    if (existing?.includes(HUSKY_BEGIN)) {
      // Already there; moved to the top when an older install left it below the user's lines.
      const wanted = withHuskyBlock(existing);
      if (wanted === existing) return { plan, status: "already" };
      write(plan.hookFile, wanted, plan.repo.root, true);
      return { plan, status: "updated" };
    }
    write(plan.hookFile, withHuskyBlock(existing), plan.repo.root, true);
    return { plan, status: "installed" };
  }

  const shared = await sharedHooksFolder(ctx, plan.repo);
  if (shared && options.global !== true) {
    throw new UsageError(
      `core.hooksPath is set in the ${shared.scope} git configuration to ${escapeControls(shared.folder)}, a folder every repository uses: a hook there would run in all of them; run \`finta-guard install --global\` to install it there, or give this repository its own hooks folder (git config core.hooksPath .git/hooks) and run install again`,
    );
  }

  const hook = plainHookText();
  if (existing?.includes(PLAIN_HOOK_MARKER)) {
    if (existing === hook) return { plan, status: "already" };
    write(plan.hookFile, hook, plan.repo.root, false);
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
  write(plan.hookFile, hook, plan.repo.root, false);
  return { plan, status: "installed", ...(chained !== undefined ? { chained } : {}) };
}
