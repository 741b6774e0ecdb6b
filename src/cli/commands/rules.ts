/** `finta-guard rules`: the active rules as a table, JSON, or the Markdown catalogue. */
import { formatRulesJson, formatRulesMarkdown, formatRulesText } from "../../report/rules.js";
import type { CliArgs } from "../args.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { resolveFormat } from "../options.js";
import { writeReport } from "../output.js";
import { loadScanSetup } from "../scan-setup.js";

export async function rulesCommand(args: CliArgs, io: CliIo): Promise<number> {
  const format = resolveFormat(args, ["text", "json", "markdown"] as const, "text");
  const { rules } = await loadScanSetup(args, io);
  const text = format === "json" ? formatRulesJson(rules) : format === "markdown" ? formatRulesMarkdown(rules) : formatRulesText(rules);
  writeReport(text, args.values.output, io);
  return ExitCode.clean;
}
