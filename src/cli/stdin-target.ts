/**
 * `finta-guard scan -`: the text to scan comes from standard input (editors,
 * `git show … | finta-guard scan -`, lint-staged-like tools). `--stdin-name
 * PATH` names it: findings carry that path, and path allowlists, per-rule
 * paths and the baseline match it as they would the file at PATH (relative to
 * the current folder, as for a tree scan). Without it the path is `<stdin>`.
 */
import { resolve } from "node:path";
import { UsageError } from "../errors.js";
import { shownPath } from "../config/load.js";
import type { StreamTarget } from "../sources/types.js";
import type { CliArgs } from "./args.js";
import type { CliIo } from "./io.js";

export const STDIN_PATH = "<stdin>";

/** True when the command line asks for standard input (`scan -`); checks the combinations. */
export function wantsStdin(args: CliArgs): boolean {
  const dash = args.positionals.includes("-");
  if (dash && args.positionals.length > 1) throw new UsageError(`"-" (standard input) cannot be combined with other paths`);
  if (dash && (args.values.staged || args.values.history)) throw new UsageError(`"-" (standard input) cannot be combined with --${args.values.staged ? "staged" : "history"}`);
  if (!dash && args.values["stdin-name"] !== undefined) throw new UsageError(`--stdin-name applies to "scan -" only`);
  return dash;
}

export function stdinTarget(args: CliArgs, io: CliIo): StreamTarget {
  const stdin = io.stdin;
  if (stdin === undefined) throw new UsageError("standard input is not available");
  const name = args.values["stdin-name"];
  if (name === "") throw new UsageError("--stdin-name: expected a path, got an empty string");
  return {
    kind: "stream",
    path: name === undefined ? STDIN_PATH : shownPath(resolve(io.cwd, name), io.cwd),
    open: () => stdin,
  };
}
