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
import type { Finding, RawFinding, ScanError, ScanResult, ScanStats, Suppressed } from "../findings/types.js";
import type { FindingFilter } from "../filter/types.js";
import type { RuleSpec } from "../rules/types.js";
import { describeFsError } from "../sources/fs-error.js";
import type { StreamTarget, Target } from "../sources/types.js";
import { anyFileToSplit, scanFilesOnWorkers, scanItemsGuarded } from "./pool.js";
import { scanFile } from "./read-file.js";
import { StreamScanner } from "./stream-scanner.js";
import { untrustedRuleIds } from "./untrusted-rules.js";
import type { FileOutcome, WorkItem } from "./worker-protocol.js";

/** Below this many files, worker start-up costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 64;

/** Default time an item may take per MiB when untrusted (custom) rules are in the set. */
export const DEFAULT_FILE_TIMEOUT_MS = 5000;

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
   * With untrusted (custom) rules in `rules`, every target is scanned on a
   * worker thread under this deadline per MiB; a target that outlives it is
   * an error naming the rule (default DEFAULT_FILE_TIMEOUT_MS).
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
  const accept = (target: Target, raws: readonly RawFinding[], meta: Partial<Pick<StreamTarget, "commit" | "author" | "date" | "changedLines">>) => {
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
    if (outcome.error !== undefined) {
      errors.push({ file: target.path, message: outcome.error });
    } else {
      stats.files++;
      stats.bytes += outcome.bytes;
      if (outcome.binary) stats.binarySkipped++;
      accept(target, outcome.findings, meta);
    }
    options.onProgress?.(done, wanted.length, stats.bytes);
  };

  const files = wanted.filter((t): t is Extract<Target, { kind: "file" }> => t.kind === "file");
  const streams = wanted.filter((t): t is StreamTarget => t.kind === "stream");

  const untrusted = untrustedRuleIds(options.rules);
  if (untrusted.length) {
    await scanGuarded(files, streams, options, untrusted, record);
  } else if (options.jobs > 1 && (files.length >= MIN_FILES_FOR_WORKERS || anyFileToSplit(files))) {
    await scanFilesOnWorkers(
      files,
      { rules: options.rules, ...(options.windowChars !== undefined ? { windowChars: options.windowChars } : {}) },
      options.jobs,
      (outcome) => {
        const target = files[outcome.index];
        if (target) record(target, outcome);
      },
    );
  } else {
    const windowOptions = options.windowChars !== undefined ? { windowChars: options.windowChars } : {};
    for (const target of files) {
      try {
        const result = scanFile(target.absPath, getEngine(), windowOptions);
        record(target, result);
      } catch (error) {
        record(target, { findings: [], bytes: 0, binary: false, error: describeFsError(error) });
      }
    }
  }

  for (const target of untrusted.length ? [] : streams) {
    const scanner = new StreamScanner(getEngine(), options.windowChars !== undefined ? { windowChars: options.windowChars } : {});
    try {
      // Read to the end even once the scanner has seen a NUL: a git pipe must be drained.
      for await (const chunk of target.open()) scanner.push(chunk);
      record(target, scanner.finish(), target);
    } catch (error) {
      record(target, { findings: [], bytes: 0, binary: false, error: (error as Error).message });
    }
  }

  sortFindings(findings);
  suppressed.sort((a, b) => (a.finding.file < b.finding.file ? -1 : a.finding.file > b.finding.file ? 1 : a.finding.line - b.finding.line || a.finding.column - b.finding.column));
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  stats.durationMs = Math.round(performance.now() - started);
  return { findings, suppressed, stats, errors };
}

/** The identity path of a target: relative to `root` for files under it; stream paths already are. */
export function repoPathOf(target: Target, root: string | undefined): string {
  if (target.kind !== "file" || root === undefined) return target.path;
  const rel = relative(root, target.absPath);
  if (rel === "" || rel === ".." || rel.startsWith(".." + sep) || isAbsolute(rel)) return target.absPath.split(sep).join("/");
  return rel.split(sep).join("/");
}


/**
 * Scan with untrusted rules: files by path and streams as buffered bytes, all
 * on workers under a deadline (a stuck user regex cannot be stopped on this
 * thread). Streams are drained here first: a git pipe must be read to its end.
 */
async function scanGuarded(
  files: readonly Extract<Target, { kind: "file" }>[],
  streams: readonly StreamTarget[],
  options: ScanTargetsOptions,
  untrusted: readonly string[],
  record: (target: Target, outcome: Omit<FileOutcome, "index">, meta?: Partial<Pick<StreamTarget, "commit" | "author" | "date" | "changedLines">>) => void,
): Promise<void> {
  const targets: Target[] = [];
  const items: WorkItem[] = [];
  for (const target of files) items.push({ index: targets.push(target) - 1, absPath: target.absPath });
  for (const target of streams) {
    try {
      const chunks: Uint8Array[] = [];
      for await (const chunk of target.open()) chunks.push(chunk);
      items.push({ index: targets.push(target) - 1, bytes: Buffer.concat(chunks) });
    } catch (error) {
      record(target, { findings: [], bytes: 0, binary: false, error: (error as Error).message }, target);
    }
  }
  await scanItemsGuarded(
    items,
    { rules: options.rules, ...(options.windowChars !== undefined ? { windowChars: options.windowChars } : {}) },
    Math.max(1, options.jobs),
    { timeoutMs: options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS, suspects: untrusted, pathOf: (i) => targets[i]?.path ?? "?" },
    (outcome) => {
      const target = targets[outcome.index];
      if (target) record(target, outcome, target.kind === "stream" ? target : {});
    },
  );
}
