/**
 * `finta-guard install` / `finta-guard uninstall`: the CLI side of
 * src/install/: check the arguments, run, and say in one or two lines what
 * changed and where.
 */
import { relative, isAbsolute } from "node:path";
import { UsageError } from "../../errors.js";
import { escapeControls } from "../../report/escape.js";
import { installHook } from "../../install/install.js";
import { uninstallHook } from "../../install/uninstall.js";
import type { CliArgs } from "../args.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";

function checkArgs(args: CliArgs, command: string): void {
  if (args.positionals.length) throw new UsageError(`${command} takes no arguments (got "${args.positionals[0]}")`);
  const allowed = new Set(["quiet", "verbose", "global"]);
  for (const [name, value] of Object.entries(args.values)) {
    if (value !== undefined && !allowed.has(name)) throw new UsageError(`--${name} does not apply to "${command}"`);
  }
}

/** A path as the user wants to read it: relative to the repository root when inside it. */
function shown(root: string, path: string): string {
  const rel = relative(root, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split("\\").join("/") : path;
}

export async function installCommand(args: CliArgs, io: CliIo): Promise<number> {
  checkArgs(args, "install");
  const outcome = await installHook({ cwd: io.cwd, env: io.env }, { global: args.values.global === true });
  const { plan } = outcome;
  const file = shown(plan.repo.root, plan.hookFile);
  const say = (text: string) => void (args.values.quiet ? undefined : io.stdout(text + "\n"));
  if (outcome.status === "already") say(`finta-guard: the pre-commit hook is already installed (${escapeControls(file)})`);
  else if (outcome.status === "updated") say(`finta-guard: updated the pre-commit hook (${escapeControls(file)})`);
  else say(`finta-guard: installed the pre-commit hook (${plan.manager === "husky" ? "husky, " : ""}${escapeControls(file)})`);
  if (outcome.chained) say(`  the hook that was there is kept as ${escapeControls(shown(plan.repo.root, outcome.chained))} and runs first`);
  if (plan.manager === "husky" && !plan.huskyActive) say("  husky is not active in this clone yet: run `npx husky` (or `npm install`, whose prepare script runs it)");
  return ExitCode.clean;
}

export async function uninstallCommand(args: CliArgs, io: CliIo): Promise<number> {
  checkArgs(args, "uninstall");
  const outcome = await uninstallHook({ cwd: io.cwd, env: io.env }, { global: args.values.global === true });
  const say = (text: string) => void (args.values.quiet ? undefined : io.stdout(text + "\n"));
  if (outcome.changed.length === 0) {
    say("finta-guard: no finta-guard hook is installed; nothing to remove");
    return ExitCode.clean;
  }
  for (const file of outcome.changed) say(`finta-guard: removed the finta-guard hook from ${escapeControls(shown(outcome.root, file))}`);
  if (outcome.restored) say(`  restored the previous hook as ${escapeControls(shown(outcome.root, outcome.restored))}`);
  return ExitCode.clean;
}
