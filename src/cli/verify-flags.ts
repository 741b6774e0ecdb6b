/**
 * The verification flags, read without loading src/verify/: a scan that does
 * not ask for verification loads none of it (the pre-commit hook's path).
 */
import { UsageError } from "../errors.js";
import type { CliArgs } from "./args.js";

export const VERIFY_OPTIONS = ["verify", "only-live", "verify-timeout"] as const;

/** True when the command line asks for anything verification does (cli/verify.ts checks the combination). */
export function wantsVerify(args: CliArgs): boolean {
  return VERIFY_OPTIONS.some((name) => args.values[name] !== undefined);
}

/** Verification belongs to `scan`: other commands refuse the flags rather than ignore them. */
export function rejectVerifyOutsideScan(args: CliArgs): void {
  if (args.command === "scan") return;
  for (const name of VERIFY_OPTIONS) {
    if (args.values[name] !== undefined) throw new UsageError(`--${name} applies to "scan" only`);
  }
}
