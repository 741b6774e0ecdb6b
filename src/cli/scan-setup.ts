/**
 * What every scanning command shares: the rules in force and the filters
 * (configuration file, allowlists, inline allows, baseline).
 */
import type { FindingFilter } from "../filter/types.js";
import { builtinRules } from "../rules/index.js";
import type { RuleSpec } from "../rules/types.js";
import type { CliArgs } from "./args.js";
import type { CliIo } from "./io.js";

export interface ScanSetup {
  readonly rules: readonly RuleSpec[];
  readonly filter?: FindingFilter;
}

export async function loadScanSetup(_args: CliArgs, _io: CliIo): Promise<ScanSetup> {
  return { rules: builtinRules };
}
