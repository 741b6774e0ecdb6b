/**
 * Raw command-line arguments ("lowargs"): node:util parseArgs over the whole
 * option table of spec/cli.md plus our extensions. Unknown options, missing
 * values and bad enumerations are UsageErrors (exit 2, one line).
 */
import { parseArgs } from "node:util";
import { UsageError } from "../errors.js";

export const COMMANDS = [
  "scan", "rules", "audit", "baseline", "install", "uninstall",
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
    // parseArgs messages are multi-line with hints; keep the first line.
    const message = (error as Error).message.split("\n")[0] ?? "bad arguments";
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/, ""), { cause: error });
  }
  const [first, ...rest] = parsed.positionals;
  let command: Command | undefined;
  let positionals = parsed.positionals;
  if (first !== undefined) {
    if (!(COMMANDS as readonly string[]).includes(first)) {
      throw new UsageError(`unknown command "${first}" (expected one of: ${COMMANDS.join(", ")})`);
    }
    command = first as Command;
    positionals = rest;
  }
  return { command, positionals, values: parsed.values as CliArgs["values"] };
}
