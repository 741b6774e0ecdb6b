/**
 * The git modes of `finta-guard scan`: `--staged` (the index, for the
 * pre-commit hook) and `--history [RANGE]` (commits, for CI). Checks the
 * option combinations, runs the source and the scan, and hands back a
 * ScanResult for scan.ts to report. Loaded only when one of them is asked
 * for, so tree scans pay nothing for it (and `--staged` nothing for the tree).
 */
import { UsageError } from "../../errors.js";
import type { ScanResult } from "../../findings/types.js";
import type { GitContext } from "../../git/exec.js";
import type { ScanMode } from "../../report/types.js";
import { DetectionEngine } from "../../detect/engine.js";
import { scanTargets, type ScanTargetsOptions } from "../../scan/scan-targets.js";
import type { CliArgs } from "../args.js";
import type { CliIo } from "../io.js";
import type { ScanSetup } from "../scan-setup.js";

/** Options that make no sense together, as one-line usage errors. */
export function checkGitModeArgs(args: CliArgs): void {
  const v = args.values;
  if (v.staged && v.history) throw new UsageError("--staged and --history cannot be used together");
  if (v.staged && args.positionals.length) throw new UsageError(`--staged scans the whole index and takes no paths (got "${args.positionals[0]}")`);
  if (v["all-lines"] && !v.staged) throw new UsageError("--all-lines applies to --staged only");
  if ((v.staged || v.history) && (v.include?.length || v.exclude?.length)) {
    throw new UsageError(`--include/--exclude apply to tree scans, not --${v.staged ? "staged" : "history"} (skip paths with the configuration's allowlist paths)`);
  }
}

/** A git scan's result; sharded history scans add each reported commit's position in the range. */
export type GitScanResult = ScanResult & { readonly commitOrder?: (commit: string) => number | undefined };

/** `onReported`: see ScanTargetsOptions (scan --verify collects keys with it). */
export async function scanGitMode(mode: Exclude<ScanMode, "tree">, args: CliArgs, io: CliIo, setup: ScanSetup, onReported?: ScanTargetsOptions["onReported"]): Promise<GitScanResult> {
  checkGitModeArgs(args);
  const ctx: GitContext = { cwd: io.cwd, env: io.env };
  const redact = args.values["no-redact"] !== true;
  if (mode === "history") {
    const { scanHistory } = await import("../../scan/scan-history.js");
    // --shard (issue 14): this job scans only its share of the commits.
    const shard = args.values.shard !== undefined ? await import("../shard.js") : undefined;
    const picked = shard?.parseShard(args.values.shard);
    const { counts: _counts, commitOrder, ...result } = await scanHistory(ctx, {
      revs: args.positionals,
      rules: setup.rules,
      redact,
      ...(setup.filter ? { filter: setup.filter } : {}),
      ...(onReported ? { onReported } : {}),
      ...(shard && picked ? { keepCommit: shard.inHistoryShard(picked) } : {}),
    });
    return picked ? { ...result, commitOrder } : result;
  }
  const { listStagedTargets } = await import("../../sources/staged.js");
  const listing = listStagedTargets(ctx, { allLines: args.values["all-lines"] === true });
  listing.catch(() => {}); // awaited below; a rejection meanwhile is not unhandled
  // The hook's critical path: compile the rules while git computes the diff in its own processes.
  const engine = DetectionEngine.fromSpecs(setup.rules);
  const source = await listing;
  try {
    // Staged changes are few: scan on this thread (workers would cost more than they save).
    return await scanTargets(source.targets, {
      rules: setup.rules,
      jobs: 1,
      engine,
      redact,
      ...(setup.filter ? { filter: setup.filter } : {}),
      ...(setup.fileTimeoutMs !== undefined ? { fileTimeoutMs: setup.fileTimeoutMs } : {}),
      ...(onReported ? { onReported } : {}),
    });
  } finally {
    await source.close();
  }
}
