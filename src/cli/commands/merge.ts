/**
 * `finta-guard merge REPORT...`: the reports of `scan --shard K/N` (JSON or
 * SARIF, all N) → one report, as the unsharded scan would have written it,
 * and its exit code: 2 when a shard had errors, 1 when a finding is at or
 * above --fail-on, else 0.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { InputError, UsageError } from "../../errors.js";
import { isAtOrAbove, isSeverity, type Severity } from "../../findings/severity.js";
import { mergeJson, mergeSarif, reportFormat, type MergeFormat, type ShardReport } from "../../report/merge.js";
import { describeFsError } from "../../sources/fs-error.js";
import type { CliArgs } from "../args.js";
import { ExitCode } from "../exit-codes.js";
import { reportingOwnErrors } from "./own-errors.js";
import type { CliIo } from "../io.js";
import { rejectOptions, resolveFailOn } from "../options.js";
import { writeReport } from "../output.js";

export const mergeCommand = reportingOwnErrors(async (args: CliArgs, io: CliIo): Promise<number> => {
  rejectOptions(args, "merge", ["staged", "history", "shard", "config", "baseline", "include", "exclude", "jobs", "stdin-name", "all-lines", "no-redact"]);
  const failOn = resolveFailOn(args);
  if (args.positionals.length === 0) throw new UsageError("merge: expected the shard reports to merge (finta-guard merge shard-1.json shard-2.json …)");
  const reports: ShardReport[] = args.positionals.map((name) => {
    try {
      return { name, text: readFileSync(resolve(io.cwd, name), "utf8") };
    } catch (error) {
      throw new InputError(`${name}: ${describeFsError(error)}`, { cause: error });
    }
  });
  const parsed = reports.map(reportFormat);
  const format = parsed[0]!.format;
  parsed.forEach((p, i) => {
    if (p.format !== format) throw new InputError(`${reports[i]!.name}: a ${p.format} report cannot be merged with ${format} reports`);
  });
  const wanted = args.values.format ?? format;
  if (wanted !== format) throw new UsageError(`--format: merge writes the format of its inputs (${format}), got "${wanted}"`);
  const names = reports.map((r) => r.name);

  let text: string;
  let blocking: Severity[];
  let errors: number;
  if (format === ("json" satisfies MergeFormat)) {
    const { doc, findings } = mergeJson(parsed.map((p) => p.value) as Parameters<typeof mergeJson>[0], names);
    text = JSON.stringify(doc, null, 2) + "\n";
    blocking = findings.filter((f) => f.blocking !== false).map((f) => f.severity);
    errors = (doc.errors as unknown[]).length;
  } else {
    const { log, results } = mergeSarif(parsed.map((p) => p.value) as Parameters<typeof mergeSarif>[0], names);
    text = JSON.stringify(log, null, 2) + "\n";
    blocking = results.filter((r) => r.properties?.blocking !== false).map((r) => r.properties?.severity).filter((s): s is Severity => isSeverity(s));
    errors = log.runs[0]!.invocations[0]!.executionSuccessful ? 0 : 1;
  }
  writeReport(text, args.values.output, io);
  if (errors) {
    io.stderr(`finta-guard: merge: a shard reported scan errors (see the report)\n`);
    return ExitCode.error;
  }
  return blocking.some((s) => isAtOrAbove(s, failOn)) ? ExitCode.findings : ExitCode.clean;
});
