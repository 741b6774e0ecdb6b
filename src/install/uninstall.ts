/**
 * `finta-guard uninstall`: removes what install added and nothing else.
 *
 * husky: the marked block in `.husky/pre-commit` (the file too, when nothing
 * else is left in it). Plain git: our hook file (recognised by its marker
 * line), with the chained hook moved back into place. Both places are
 * checked, whichever manager the repository uses now. Idempotent.
 */
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, UsageError } from "../errors.js";
import { escapeControls } from "../report/escape.js";
import { writeFileSafely } from "../report/safe-write.js";
import type { GitContext } from "../git/exec.js";
import { repoInfo } from "../git/repo.js";
import { CHAINED_HOOK_SUFFIX, HUSKY_BEGIN, HUSKY_END, PLAIN_HOOK_MARKER } from "./hook-text.js";
import { sharedHooksFolder } from "./shared-hooks.js";

export interface UninstallOutcome {
  /** The work tree's top directory (for showing paths). */
  readonly root: string;
  /** Files changed or removed. */
  readonly changed: readonly string[];
  /** Hook moved back into place. */
  readonly restored?: string;
}

/** `text` without our marked block(s); other lines untouched. */
export function withoutHuskyBlock(text: string): string {
  const lines = text.split("\n");
  const kept: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (!inside && line.trimEnd() === HUSKY_BEGIN) inside = true;
    else if (inside && line.trimEnd() === HUSKY_END) inside = false;
    else if (!inside) kept.push(line);
  }
  return kept.join("\n");
}

function guard<T>(path: string, what: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw new ConfigError(path, "", `cannot ${what}: ${(error as Error).message}`, { cause: error });
  }
}

export async function uninstallHook(ctx: GitContext, options: { readonly global?: boolean } = {}): Promise<UninstallOutcome> {
  const repo = await repoInfo(ctx);
  const changed: string[] = [];
  let restored: string | undefined;

  // The plain hook's place is checked first: a refusal must leave everything as it was.
  const plain = join(repo.hooksPath, "pre-commit");
  const chained = plain + CHAINED_HOOK_SUFFIX;
  const text = existsSync(plain) ? guard(plain, "read", () => readFileSync(plain, "utf8")) : undefined;
  const ours = text?.includes(PLAIN_HOOK_MARKER) === true;
  if (ours) {
    const shared = await sharedHooksFolder(ctx, repo);
    if (shared && options.global !== true) {
      throw new UsageError(
        `core.hooksPath is set in the ${shared.scope} git configuration to ${escapeControls(shared.folder)}, a folder every repository uses: removing the hook there affects all of them; run \`finta-guard uninstall --global\` to do that`,
      );
    }
  }

  const husky = join(repo.root, ".husky", "pre-commit");
  if (existsSync(husky)) {
    const huskyText = guard(husky, "read", () => readFileSync(husky, "utf8"));
    if (huskyText.includes(HUSKY_BEGIN)) {
      const rest = withoutHuskyBlock(huskyText);
      if (rest.trim() === "") guard(husky, "remove", () => rmSync(husky));
      // Never through a link: the file is the repository's (report/safe-write.ts).
      else writeFileSafely({ path: husky, root: repo.root, fromRepository: true, describe: (why) => `${husky}: cannot write: ${why}` }, rest);
      changed.push(husky);
    }
  }

  if (ours) {
    guard(plain, "remove", () => rmSync(plain));
    changed.push(plain);
    if (existsSync(chained)) {
      guard(chained, "restore", () => renameSync(chained, plain));
      restored = plain;
    }
  }
  return { root: repo.root, changed, ...(restored !== undefined ? { restored } : {}) };
}
