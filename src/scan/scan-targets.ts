/**
 * Drives a scan: targets in, ScanResult out. Reads each target (files on
 * worker threads when there are enough of them to pay for the threads), turns
 * raw findings into redacted findings, applies the filters, and returns them
 * in a stable order with stats and errors.
 *
 * Must not: choose targets, print, or set exit codes.
 */
import { DetectionEngine } from "../detect/engine.js";
import { isAbsolute, relative, sep } from "node:path";
import { buildFindings } from "../findings/build.js";
import { vendorPrefixes } from "../findings/vendor-prefix.js";
import { sortFindings } from "../findings/sort.js";
import type { AllowRuleAt, Finding, RawFinding, ScanError, ScanResult, ScanStats, Suppressed } from "../findings/types.js";
import type { FindingFilter } from "../filter/types.js";
import type { RuleSpec } from "../rules/types.js";
import { describeFsError } from "../sources/fs-error.js";
import type { StreamTarget, Target } from "../sources/types.js";
import { anyFileToSplit, scanFilesOnWorkers } from "./pool.js";
import { scanFile } from "./read-file.js";
import { StreamScanner } from "./stream-scanner.js";
import { DEFAULT_DEADLINE_MS_PER_MIB, DeadlineExceeded, deadlineFor, withDeadline } from "./deadline.js";
import type { FileOutcome } from "./worker-protocol.js";

/** Below this many files, worker start-up costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 64;

/** Default time a target may take per MiB of content (built-in and custom rules alike). */
export const DEFAULT_FILE_TIMEOUT_MS = DEFAULT_DEADLINE_MS_PER_MIB;

export interface ScanTargetsOptions {
  readonly rules: readonly RuleSpec[];
  /** Worker threads for file targets (1: scan on this thread). */
  readonly jobs: number;
  /** Redact secrets in findings (default true; false only with --no-redact). */
  readonly redact?: boolean;
  /**
   * The repository root (the scan root outside git): file targets' identity
   * paths (fingerprints, baselines, SARIF) are relative to it, whatever their
   * display path. Absent: the display path is the identity.
   */
  readonly root?: string;
  readonly filter?: FindingFilter;
  readonly windowChars?: number;
  /** Called after each target, for progress lines. */
  readonly onProgress?: (done: number, total: number, bytes: number) => void;
  /** A compiled engine to reuse (tests, long-lived callers). */
  readonly engine?: DetectionEngine;
  /**
   * Time a target may take per MiB of content, detection and the
   * configuration's allowlist regexes each (scan/deadline.ts); a target that
   * outlives it is an error naming the rule or regex that was running
   * (default DEFAULT_FILE_TIMEOUT_MS). A mistake in a rule, built-in or
   * custom, can never hang a commit.
   */
  readonly fileTimeoutMs?: number;
  /**
   * Called with each reported (not suppressed) finding and its raw record,
   * before the raw secret is dropped: `scan --verify` collects keys here.
   */
  readonly onReported?: (finding: Finding, raw: RawFinding) => void;
}

export async function scanTargets(targets: readonly Target[], options: ScanTargetsOptions): Promise<ScanResult> {
  const started = performance.now();
  const findings: Finding[] = [];
  const suppressed: Suppressed[] = [];
  const errors: ScanError[] = [];
  const allowRules: AllowRuleAt[] = [];
  const stats: ScanStats = { files: 0, bytes: 0, binarySkipped: 0, durationMs: 0, suppressed: {} };
  const redact = options.redact ?? true;
  const filter = options.filter;
  let engine = options.engine;
  const getEngine = () => (engine ??= DetectionEngine.fromSpecs(options.rules));
  let done = 0;

  const own = filter?.exempts ? targets.filter((t) => !filter.exempts?.(t.path)) : [...targets];
  const wanted = filter?.skipsPath ? own.filter((t) => !filter.skipsPath?.(t.path)) : own;
  const skipped = own.length - wanted.length;
  if (skipped) stats.suppressed.path = (stats.suppressed.path ?? 0) + skipped;

  const prefixes = vendorPrefixes(options.rules);
  const perMiB = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  const scanOptions = {
    ...(options.windowChars !== undefined ? { windowChars: options.windowChars } : {}),
    deadlineMsPerMiB: perMiB,
  };
  const accept = (target: Target, raws: readonly RawFinding[], meta: Partial<Pick<StreamTarget, "commit" | "author" | "date" | "changedLines">>, bytes: number) => {
    // The filters run the configuration's allowlist regexes: under the same deadline.
    withDeadline(deadlineFor(perMiB, bytes), perMiB, () => acceptAll(target, raws, meta));
  };
  const acceptAll = (target: Target, raws: readonly RawFinding[], meta: Partial<Pick<StreamTarget, "commit" | "author" | "date" | "changedLines">>) => {
    if (raws.length === 0) return;
    const built = buildFindings(raws, { display: target.path, repoPath: repoPathOf(target, options.root) }, {
      redact,
      prefixes,
      ...(meta.commit !== undefined ? { commit: meta.commit } : {}),
      ...(meta.author !== undefined ? { author: meta.author } : {}),
      ...(meta.date !== undefined ? { date: meta.date } : {}),
      ...(meta.changedLines !== undefined ? { changedLines: meta.changedLines } : {}),
    });
    for (const { finding, raw, redactNote } of built) {
      const why = filter?.check(finding, raw);
      if (why) {
        // An allow comment is text from the file: its reason may hold a key.
        suppressed.push({ finding, kind: why.kind, by: why.kind === "inline" ? redactNote(why.by) : why.by });
        stats.suppressed[why.kind] = (stats.suppressed[why.kind] ?? 0) + 1;
      } else {
        findings.push(finding);
        options.onReported?.(finding, raw);
      }
    }
  };
  const record = (target: Target, outcome: Omit<FileOutcome, "index">, meta: Parameters<typeof accept>[2] = {}) => {
    done++;
    if (outcome.timedOut !== undefined) {
      errors.push({ file: target.path, message: new DeadlineExceeded(outcome.timedOut, perMiB).on(target.path) });
    } else if (outcome.error !== undefined) {
      errors.push({ file: target.path, message: outcome.error });
    } else {
      stats.files++;
      stats.bytes += outcome.bytes;
      if (outcome.binary) stats.binarySkipped++;
      try {
        accept(target, outcome.findings, meta, outcome.bytes);
      } catch (error) {
        if (!(error instanceof DeadlineExceeded)) throw error;
        errors.push({ file: target.path, message: error.on(target.path) });
      }
      for (const ref of outcome.allowRules ?? []) allowRules.push({ file: target.path, line: ref.line, ruleId: ref.ruleId });
    }
    options.onProgress?.(done, wanted.length, stats.bytes);
  };
  /** A failed target: a deadline names what ran too long, anything else is a read error. */
  const failed = (error: unknown, describe: (e: unknown) => string): Omit<FileOutcome, "index"> =>
    error instanceof DeadlineExceeded ? { findings: [], bytes: 0, binary: false, timedOut: error.what } : { findings: [], bytes: 0, binary: false, error: describe(error) };

  const files = wanted.filter((t): t is Extract<Target, { kind: "file" }> => t.kind === "file");
  const streams = wanted.filter((t): t is StreamTarget => t.kind === "stream");

  // Streams (staged and history blobs) are scanned as they arrive, whatever
  // the rules: the deadline runs on this thread, so nothing needs buffering.
  if (options.jobs > 1 && (files.length >= MIN_FILES_FOR_WORKERS || anyFileToSplit(files))) {
    await scanFilesOnWorkers(files, { rules: options.rules, ...scanOptions }, options.jobs, (outcome) => {
      const target = files[outcome.index];
      if (target) record(target, outcome);
    });
  } else {
    for (const target of files) {
      try {
        record(target, scanFile(target.absPath, getEngine(), scanOptions));
      } catch (error) {
        record(target, failed(error, describeFsError));
      }
    }
  }

  for (const target of streams) {
    const scanner = new StreamScanner(getEngine(), scanOptions);
    let outcome: Omit<FileOutcome, "index">;
    try {
      // Read to the end even once the scanner has seen a NUL, or has failed: a git pipe must be drained.
      let failure: unknown;
      for await (const chunk of target.open()) {
        if (failure !== undefined) continue;
        try {
          scanner.push(chunk);
        } catch (error) {
          failure = error;
        }
      }
      if (failure !== undefined) throw failure;
      outcome = scanner.finish();
    } catch (error) {
      outcome = failed(error, (e) => (e as Error).message);
    }
    record(target, outcome, target);
  }

  sortFindings(findings);
  suppressed.sort((a, b) => (a.finding.file < b.finding.file ? -1 : a.finding.file > b.finding.file ? 1 : a.finding.line - b.finding.line || a.finding.column - b.finding.column));
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  stats.durationMs = Math.round(performance.now() - started);
  allowRules.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { findings, suppressed, stats, errors, ...(allowRules.length ? { allowRules } : {}) };
}

/** The identity path of a target: relative to `root` for files under it; stream paths already are. */
export function repoPathOf(target: Target, root: string | undefined): string {
  if (target.kind !== "file" || root === undefined) return target.path;
  const rel = relative(root, target.absPath);
  if (rel === "" || rel === ".." || rel.startsWith(".." + sep) || isAbsolute(rel)) return target.absPath.split(sep).join("/");
  return rel.split(sep).join("/");
}
