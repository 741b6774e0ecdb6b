/**
 * `finta-guard ci`: the CI entry point (the GitHub Action runs it). Works out
 * what to scan from the CI's environment (cli/ci-range.ts), scans it, and
 * writes:
 * - workflow-command annotations and the text summary on stdout (the job log);
 * - the job summary, appended to `$GITHUB_STEP_SUMMARY` when set;
 * - a SARIF file for `github/codeql-action/upload-sarif` (`--sarif-output`,
 *   default `$RUNNER_TEMP/finta-guard.sarif`, else `finta-guard.sarif`).
 *   It carries no `automationDetails`: the uploader's `category` input (or its
 *   default, the workflow and job) names the analysis, so pull-request,
 *   push and scheduled runs update one set of alerts.
 * Exit code as for scan: 2 on errors (a missing base commit included), 1 on
 * findings at or above --fail-on, else 0.
 */
import { appendFileSync, closeSync, constants, openSync, writeSync } from "node:fs";
import { resolve } from "node:path";
import { InputError, UsageError } from "../../errors.js";
import { isAtOrAbove } from "../../findings/severity.js";
import type { ScanResult } from "../../findings/types.js";
import { formatGithub } from "../../report/github.js";
import { formatSarif } from "../../report/sarif.js";
import { formatStepSummary } from "../../report/step-summary.js";
import type { ReportContext } from "../../report/types.js";
import { scanTargets } from "../../scan/scan-targets.js";
import { describeFsError } from "../../sources/fs-error.js";
import type { CliArgs } from "../args.js";
import { checkCommitsPresent, planCiScan } from "../ci-range.js";
import { ExitCode } from "../exit-codes.js";
import { reportingOwnErrors } from "./own-errors.js";
import { resolveReportPaths } from "../git-facts.js";
import type { CliIo } from "../io.js";
import { rejectOptions, resolveFailOn, resolveJobs } from "../options.js";
import { loadScanSetup } from "../scan-setup.js";
import { toolVersion } from "../version.js";

const EMPTY: ScanResult = { findings: [], suppressed: [], errors: [], stats: { files: 0, bytes: 0, binarySkipped: 0, durationMs: 0, suppressed: {} } };

/** Writes a file we create, never through a symbolic link planted at that name (the checkout is untrusted). */
function writeNoFollow(path: string, text: string, shown: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
    writeSync(fd, text);
  } catch (error) {
    throw new InputError(`--sarif-output ${shown}: ${describeFsError(error)}`, { cause: error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export const ciCommand = reportingOwnErrors(async (args: CliArgs, io: CliIo): Promise<number> => {
  rejectOptions(args, "ci", ["staged", "history", "shard", "stdin-name", "all-lines", "include", "exclude", "format", "output"]);
  if (args.positionals.length) throw new UsageError(`ci takes no paths: it scans what the CI's event says (got "${args.positionals[0]}")`);
  const failOn = resolveFailOn(args);
  const plan = planCiScan(io.env);
  await checkCommitsPresent({ cwd: io.cwd, env: io.env }, plan);

  const history = plan.kind === "history";
  const scanArgs: CliArgs = { ...args, positionals: history ? plan.revs : [], values: { ...args.values, ...(history ? { history: true } : {}) } };
  const setup = await loadScanSetup(scanArgs, io);
  let result: ScanResult = EMPTY;
  if (history) {
    result = await (await import("./scan-git.js")).scanGitMode("history", scanArgs, io, setup);
  } else if (plan.kind === "tree") {
    const listing = (await import("../../sources/tree.js")).listTreeTargets([], { cwd: io.cwd, noIgnore: args.values["no-ignore"] === true });
    const scanned = await scanTargets(listing.targets, {
      rules: setup.rules,
      jobs: resolveJobs(args),
      redact: args.values["no-redact"] !== true,
      ...(setup.filter ? { filter: setup.filter } : {}),
      ...(setup.fileTimeoutMs !== undefined ? { fileTimeoutMs: setup.fileTimeoutMs } : {}),
    });
    result = { ...scanned, errors: [...listing.errors, ...scanned.errors] };
  }

  const mode = history ? "history" : "tree";
  const context: ReportContext = {
    toolName: "finta-guard",
    toolVersion: toolVersion(),
    rules: new Map(setup.rules.map((r) => [r.id, r])),
    failOn,
    mode,
    color: false,
    ...(await resolveReportPaths("sarif", io, mode)),
  };
  io.stdout(`finta-guard ci: scanning ${plan.what}\n`);
  io.stdout(formatGithub(result, context));

  const sarif = JSON.parse(formatSarif(result, context)) as { runs: Record<string, unknown>[] };
  for (const run of sarif.runs) delete run.automationDetails;
  const shown = args.values["sarif-output"] ?? (io.env.RUNNER_TEMP ? resolve(io.env.RUNNER_TEMP, "finta-guard.sarif") : "finta-guard.sarif");
  writeNoFollow(resolve(io.cwd, shown), JSON.stringify(sarif, null, 2) + "\n", shown);

  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    try {
      appendFileSync(summaryFile, formatStepSummary({ result, context, scanned: plan.what }));
    } catch (error) {
      throw new InputError(`GITHUB_STEP_SUMMARY ${summaryFile}: ${describeFsError(error)}`, { cause: error });
    }
  }

  if (result.errors.length) {
    for (const error of result.errors) io.stderr(`finta-guard: ${error.file}: ${error.message}\n`);
    return ExitCode.error;
  }
  return result.findings.some((f) => isAtOrAbove(f.severity, failOn)) ? ExitCode.findings : ExitCode.clean;
});
