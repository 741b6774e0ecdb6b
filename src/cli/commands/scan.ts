/**
 * `finta-guard scan [PATH...]`: choose the targets (working tree, index or
 * history), scan them, write the report, return the exit code.
 */
import { UsageError } from "../../errors.js";
import type { ScanResult } from "../../findings/types.js";
import { isAtOrAbove } from "../../findings/severity.js";
import { reporters, type ReportFormat } from "../../report/index.js";
import { escapeControls } from "../../report/escape.js";
import { formatStagedText } from "../../report/staged.js";
import type { ScanMode } from "../../report/types.js";
import { scanTargets } from "../../scan/scan-targets.js";
import type { CliArgs } from "../args.js";
import { startScanAudit, type ScanAuditLog } from "../audit-log.js";
import { ExitCode } from "../exit-codes.js";
import { resolveReportPaths } from "../git-facts.js";
import type { CliIo } from "../io.js";
import { resolveFailOn, resolveFormat, resolveJobs, useColor } from "../options.js";
import { skippedNotice, writeReport } from "../output.js";
import { wantsVerify } from "../verify-flags.js";
import { startProgress, type ProgressLine } from "../progress.js";
import { loadScanSetup, reportUnused, type ScanSetup } from "../scan-setup.js";
import { toolVersion } from "../version.js";
import { ConfiguredFilter } from "../../filter/apply.js";
import { ignoredPathsFrom, type SuppressionSources } from "../../report/suppression-sources.js";

/** What the configuration and the ignore files hid in this run: the walk's counts and the filter's. */
function suppressionSourcesOf(setup: ScanSetup, walked: ReadonlyMap<string, number> | undefined): SuppressionSources {
  const skipped = setup.filter instanceof ConfiguredFilter ? setup.filter.skippedPaths() : new Map<string, number>();
  return {
    ...(setup.configFrom !== undefined ? { configFrom: setup.configFrom } : {}),
    ignoredPaths: ignoredPathsFrom(walked ?? new Map(), skipped),
    disabledRules: setup.disabledRules,
  };
}
import { stdinTarget, wantsStdin } from "../stdin-target.js";
import type { TreeListing } from "../../sources/tree.js";
import type { Target } from "../../sources/types.js";

/** What must be closed when the scan throws: the progress line erased, the failed run logged. */
interface ScanSession {
  audit?: ScanAuditLog | undefined;
  progress?: ProgressLine | undefined;
}

export async function scanCommand(args: CliArgs, io: CliIo): Promise<number> {
  const session: ScanSession = {};
  try {
    return await runScan(args, io, session);
  } catch (error) {
    session.progress?.finish();
    // The run could not be done: that decision is logged too, then reported as usual (exit 2).
    await session.audit?.record(ExitCode.error, undefined, error);
    throw error;
  }
}

async function runScan(args: CliArgs, io: CliIo, session: ScanSession): Promise<number> {
  const format = resolveFormat<ReportFormat>(args, Object.keys(reporters) as ReportFormat[], "text");
  const failOn = resolveFailOn(args);
  const jobs = resolveJobs(args);
  const mode: ScanMode = args.values.staged === true ? "staged" : args.values.history === true ? "history" : "tree";
  if (mode === "tree" && args.values["all-lines"] === true) throw new UsageError("--all-lines applies to --staged only");
  const fromStdin = wantsStdin(args);
  // --shard (issue 14): loaded only when asked for; the hook never pays for it.
  const sharding = args.values.shard !== undefined ? await import("../shard.js") : undefined;
  const shard = sharding?.parseShard(args.values.shard);
  if (shard && (mode === "staged" || fromStdin)) throw new UsageError(`--shard applies to tree and --history scans, not ${fromStdin ? "standard input" : "--staged"}`);
  let loaded: ScanSetup | undefined;
  const audit = (session.audit = startScanAudit(args, io, { mode, failOn, setup: () => loaded }));
  const setup = (loaded = await loadScanSetup(args, io));
  // --verify (cli/verify.ts, src/verify/): settings checked before the scan, keys collected during it.
  const verify = wantsVerify(args) ? (await import("../verify.js")).startVerify(args, io, setup) : undefined;
  const onReported = verify ? verify.collector.collect.bind(verify.collector) : undefined;
  const progress = (session.progress = startProgress(args, io, format, mode));

  // --staged / --history: targets from git, paths relative to the repository root (scan-git.ts).
  const gitScan = mode === "tree" ? undefined : await (await import("./scan-git.js")).scanGitMode(mode, args, io, setup, onReported);
  const listed: { readonly targets: readonly Target[]; readonly errors: TreeListing["errors"]; readonly skipped: TreeListing["skipped"]; readonly ignored?: TreeListing["ignored"] } = gitScan
    ? { targets: [], errors: [], skipped: [] }
    : fromStdin
    ? { targets: [stdinTarget(args, io)], errors: [], skipped: [] }
    : // Loaded only for tree scans: fast-glob is not needed in a pre-commit hook.
      (await import("../../sources/tree.js")).listTreeTargets(args.positionals, {
        cwd: io.cwd,
        noIgnore: args.values["no-ignore"] === true,
        ...(args.values.include ? { include: args.values.include } : {}),
        ...(args.values.exclude ? { exclude: args.values.exclude } : {}),
        ...(setup.revisionIgnoreFiles && setup.configFrom !== undefined ? { ignoreFiles: { rev: setup.configFrom, texts: setup.revisionIgnoreFiles } } : {}),
      });
  const root = setup.root ?? io.cwd;
  const listing = sharding && shard && !gitScan
    ? {
        ...listed,
        targets: listed.targets.filter((t) => sharding.inTreeShard(shard, t.kind === "file" ? t.absPath : t.path, io.cwd, root)),
        errors: listed.errors.filter((e) => sharding.inTreeShard(shard, e.file, io.cwd, root)),
      }
    : listed;
  const scanned = gitScan ?? await scanTargets(listing.targets, {
    rules: setup.rules,
    jobs,
    ...(setup.root !== undefined ? { root: setup.root } : {}),
    redact: args.values["no-redact"] !== true,
    ...(setup.filter ? { filter: setup.filter } : {}),
    ...(progress ? { onProgress: progress.update.bind(progress) } : {}),
    ...(setup.fileTimeoutMs !== undefined ? { fileTimeoutMs: setup.fileTimeoutMs } : {}),
    ...(onReported ? { onReported } : {}),
  });
  progress?.finish();
  for (const skipped of listing.skipped) io.stderr(skippedNotice(skipped));
  const joined: ScanResult = { ...scanned, errors: [...listing.errors, ...scanned.errors] };
  const result = verify ? await (await import("../verify.js")).finishVerify(verify, joined, io) : joined;

  const reporter = mode === "staged" && format === "text" ? formatStagedText : reporters[format];
  const report = reporter(result, {
    toolName: "finta-guard",
    toolVersion: toolVersion(),
    rules: new Map(setup.rules.map((r) => [r.id, r])),
    failOn,
    mode,
    color: format === "text" && args.values.output === undefined && useColor(io, io.stdoutIsTTY),
    verbose: args.values.verbose === true,
    suppressionSources: suppressionSourcesOf(setup, listing.ignored),
    ...(await resolveReportPaths(format, io, mode)),
  });
  const shown = sharding && shard ? sharding.markShardReport(report, format, result, { ...shard, mode }, gitScan?.commitOrder) : report;
  writeReport(shown, args.values.output, io);

  if (result.errors.length) {
    for (const error of result.errors) io.stderr(`finta-guard: ${escapeControls(error.file)}: ${escapeControls(error.message)}\n`);
    await audit?.record(ExitCode.error, result);
    return ExitCode.error;
  }
  const failOnUnused = args.values["fail-on-unused"] === true;
  const unused = args.values["report-unused"] === true || failOnUnused ? reportUnused(setup, listing.targets, io, args.values["no-redact"] !== true) : 0;
  const failing = result.findings.some((f) => f.blocking !== false && isAtOrAbove(f.severity, failOn)) || (failOnUnused && unused > 0);
  const code = failing ? ExitCode.findings : ExitCode.clean;
  await audit?.record(code, result);
  return code;
}
