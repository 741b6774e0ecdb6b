/**
 * run(argv, io) → exit code. Parses arguments, dispatches to one command,
 * and turns every FintaGuardError into one line on stderr and exit 2. Any
 * other error is a bug: still exit 2 (a commit is never let through by a
 * crash), with the stack only when FINTA_GUARD_DEBUG=1.
 */
import { FintaGuardError } from "../errors.js";
import { escapeControls } from "../report/escape.js";
import { parseCliArgs, type CliArgs, type Command } from "./args.js";
import { ExitCode } from "./exit-codes.js";
import { HELP } from "./help.js";
import type { CliIo } from "./io.js";
import { rejectVerifyOutsideScan } from "./verify-flags.js";
import { toolVersion } from "./version.js";

type CommandRunner = (args: CliArgs, io: CliIo) => Promise<number>;

// Commands load lazily: `scan --staged` in a pre-commit hook pays only for what it uses.
const commands: Record<Command, () => Promise<CommandRunner>> = {
  scan: async () => (await import("./commands/scan.js")).scanCommand,
  rules: async () => (await import("./commands/rules.js")).rulesCommand,
  audit: async () => (await import("./commands/audit.js")).auditCommandFromArgs,
  baseline: async () => (await import("./commands/baseline.js")).baselineCommand,
  install: async () => (await import("./commands/install.js")).installCommand,
  uninstall: async () => (await import("./commands/install.js")).uninstallCommand,
  // Integrations (issue 14).
  ci: async () => (await import("./commands/ci.js")).ciCommand,
  merge: async () => (await import("./commands/merge.js")).mergeCommand,
};

/**
 * An error message as stderr shows it: messages carry paths and keys from the
 * repository, so control characters are shown escaped. A message of several
 * problems joins them with "\nfinta-guard: " (config/load.ts); only that
 * separator stays a line break, so no text can start a line of its own (a
 * `::error` workflow command in a CI log).
 */
export function stderrText(message: string): string {
  return message.split("\nfinta-guard: ").map((line) => escapeControls(line)).join("\nfinta-guard: ");
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.values.version) {
      io.stdout(`${toolVersion()}\n`);
      return ExitCode.clean;
    }
    if (args.values.help || args.command === undefined) {
      io.stdout(HELP);
      return args.command === undefined && !args.values.help ? ExitCode.error : ExitCode.clean;
    }
    rejectVerifyOutsideScan(args);
    const runner = await commands[args.command]();
    return await runner(args, io);
  } catch (error) {
    if (error instanceof FintaGuardError) {
      io.stderr(`finta-guard: ${stderrText(error.message)}\n`);
      return ExitCode.error;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`finta-guard: internal error: ${stderrText(message)}\n`);
    if (io.env.FINTA_GUARD_DEBUG === "1" && error instanceof Error && error.stack) io.stderr(error.stack + "\n");
    return ExitCode.error;
  }
}
