/**
 * `ci` and `merge` run as plain modules beside the bundled program
 * (scripts/build-bin.mjs says why), so their FintaGuardError class is not the
 * bundle's and run.ts's `instanceof` would call their usage and input errors
 * internal errors. They report their own: one line, exit 2, as run.ts does.
 */
import { FintaGuardError } from "../../errors.js";
import type { CliArgs } from "../args.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";

export function reportingOwnErrors(command: (args: CliArgs, io: CliIo) => Promise<number>): (args: CliArgs, io: CliIo) => Promise<number> {
  return async (args, io) => {
    try {
      return await command(args, io);
    } catch (error) {
      if (!(error instanceof FintaGuardError)) throw error;
      io.stderr(`finta-guard: ${error.message}\n`);
      return ExitCode.error;
    }
  };
}
