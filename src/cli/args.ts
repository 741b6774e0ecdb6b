/**
 * Raw command-line arguments ("lowargs"): node:util parseArgs over the whole
 * option table of spec/cli.md plus our extensions. Unknown options, missing
 * values and bad enumerations are UsageErrors (exit 2, one line).
 */
import { parseArgs } from "node:util";
import { UsageError } from "../errors.js";

export const COMMANDS = [
  "scan", "rules", "audit", "baseline", "install", "uninstall", "help", "version",
  // Integrations (issue 14): CI entry point and shard-report merging.
  "ci", "merge",
] as const;
export type Command = (typeof COMMANDS)[number];

const OPTIONS = {
  format: { type: "string" },
  output: { type: "string", short: "o" },
  config: { type: "string" },
  "config-from": { type: "string" },
  baseline: { type: "string" },
  "fail-on": { type: "string" },
  "no-redact": { type: "boolean" },
  // The default, accepted so that scripts written for peers (`--redact`) run unchanged.
  redact: { type: "boolean" },
  "exit-zero": { type: "boolean" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  // baseline --staged / --add / --import (commands/baseline-*.ts).
  add: { type: "string", multiple: true },
  reason: { type: "string" },
  import: { type: "string" },
  "no-ignore": { type: "boolean" },
  jobs: { type: "string", short: "j" },
  staged: { type: "boolean" },
  history: { type: "boolean" },
  "all-lines": { type: "boolean" },
  include: { type: "string", multiple: true },
  exclude: { type: "string", multiple: true },
  verbose: { type: "boolean", short: "v" },
  quiet: { type: "boolean", short: "q" },
  "audit-log": { type: "string" },
  "no-inline-allow": { type: "boolean" },
  "report-unused": { type: "boolean" },
  "fail-on-unused": { type: "boolean" },
  prune: { type: "boolean" },
  progress: { type: "boolean" },
  "no-progress": { type: "boolean" },
  force: { type: "boolean" },
  // scan --verify (src/verify/): live verification of Finta keys.
  verify: { type: "boolean" },
  "only-live": { type: "boolean" },
  "verify-timeout": { type: "string" },
  global: { type: "boolean" },
  // Integrations (issue 14): stdin scans and sharded CI runs.
  "stdin-name": { type: "string" },
  shard: { type: "string" },
  "sarif-output": { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" },
} as const;

export type OptionName = keyof typeof OPTIONS;

export interface CliArgs {
  readonly command: Command | undefined;
  readonly positionals: readonly string[];
  readonly values: {
    readonly [K in OptionName]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K]["type"] extends "string" ? string : boolean;
  };
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorOf(error as Error & { code?: string }, argv);
  }
  const [first, ...rest] = parsed.positionals;
  let command: Command | undefined;
  let positionals = parsed.positionals;
  if (first !== undefined) {
    if (!(COMMANDS as readonly string[]).includes(first)) {
      throw new UsageError(`${first}: unknown command (expected one of: ${COMMANDS.join(", ")})`, { hint: "finta-guard help lists the commands" });
    }
    command = first as Command;
    positionals = rest;
  }
  return { command, positionals, values: parsed.values as CliArgs["values"] };
}

/**
 * parseArgs' messages in the tool's pattern (`<what>: <why>`, a hint line):
 * `--bogus: unknown option` rather than node's multi-line advice.
 */
function usageErrorOf(error: Error & { code?: string }, argv: readonly string[]): UsageError {
  const first = error.message.split("\n")[0] ?? "bad arguments";
  const command = argv.find((a) => (COMMANDS as readonly string[]).includes(a));
  const help = `finta-guard ${command !== undefined && command !== "help" && command !== "version" ? `${command} ` : ""}--help lists the options`;
  const name = /^Unknown option '([^']+)'/.exec(first)?.[1];
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && name !== undefined) return new UsageError(`${name}: unknown option`, { cause: error, hint: help });
  const missing = /^Option '(-\w, )?(--[\w-]+) <value>' argument missing/.exec(first)?.[2];
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && missing !== undefined) return new UsageError(`${missing}: expects a value`, { cause: error, hint: help });
  return new UsageError(first.replace(/\. To specify a positional argument.*$/, ""), { cause: error });
}
