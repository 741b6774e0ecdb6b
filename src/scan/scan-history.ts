/**
 * Drives `scan --history`: pulls batches of file versions from the history
 * source, scans each with one compiled engine, keeps only findings on lines
 * the commit added, and reports each secret (fingerprint) once, at the first
 * commit that added it (the source yields commits oldest first).
 *
 * The cheap test handed to the source runs the engine over the added lines
 * alone: if that finds nothing, and no rule that needs its surroundings
 * (`requires`) has a keyword there, the whole file cannot have a finding on
 * those lines either (a single-line match holds its keyword on its own
 * line), so the version is never read.
 *
 * A secret spanning lines (a PEM block) is different: its keyword sits on
 * its first line, which may be old while the body below it is new, and a
 * finding blocks when any of its lines was added. So a version is also read
 * whole when its added lines hold a keyword of a multi-line rule, when they
 * hold a line that looks like part of an armoured body (one long base64-like
 * token alone on its line, possibly quoted), and, once some version of a
 * path has added such a keyword, for every later version of that path.
 *
 * Must not: spawn git itself, print, choose exit codes.
 */
import { DetectionEngine } from "../detect/engine.js";
import type { Finding, ScanResult, ScanStats, Suppressed } from "../findings/types.js";
import { compareFindings, sortFindings } from "../findings/sort.js";
import type { FindingFilter } from "../filter/types.js";
import type { GitContext } from "../git/exec.js";
import type { RuleSpec } from "../rules/types.js";
import { openHistory, type HistoryCounts } from "../sources/history.js";
import { scanTargets, type ScanTargetsOptions } from "./scan-targets.js";

export interface ScanHistoryOptions {
  readonly revs: readonly string[];
  readonly rules: readonly RuleSpec[];
  readonly redact?: boolean;
  readonly filter?: FindingFilter;
  readonly engine?: DetectionEngine;
  /** Passed to scanTargets (see ScanTargetsOptions.onReported). */
  readonly onReported?: ScanTargetsOptions["onReported"];
  /** `--shard`: only these commits (see HistoryOptions.keepCommit). */
  readonly keepCommit?: (commit: string) => boolean;
}

export interface HistoryScanResult extends ScanResult {
  readonly counts: HistoryCounts;
  /** Position of a reported commit in the whole range (sharded scans only). */
  readonly commitOrder: (commit: string) => number | undefined;
}

/**
 * The cheap pass over added lines: which of these texts may a full scan of
 * their file find something on? The texts are joined (newline-separated) and
 * detected in one pass, each candidate and each keyword of a context-needing
 * rule pointing at the text it starts in; one engine call per batch instead
 * of one per file version is most of the speed of a history scan.
 */
export function addedTextSuspects(engine: DetectionEngine): (texts: readonly string[], paths?: readonly string[]) => ReadonlySet<number> {
  const multiline = engine.rules.filter((r) => r.spec.multiline);
  const keywords = [...new Set(engine.rules.filter((r) => r.spec.requires || r.spec.multiline).flatMap((r) => r.keywords))];
  const contextKeyword = keywords.length ? new RegExp(keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gi") : undefined;
  const multilineKeyword = multiline.length ? new RegExp(multiline.flatMap((r) => r.keywords).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "i") : undefined;
  /** Paths a version of which added a multi-line rule's keyword: a block may be open there. */
  const openBlocks = new Set<string>();
  return (texts, paths) => {
    const starts: number[] = [];
    let offset = 0;
    for (const text of texts) {
      starts.push(offset);
      offset += text.length + 1;
    }
    const joined = texts.join("\n");
    const owner = (at: number) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const picked = new Set<number>();
    for (const candidate of engine.detect(joined)) picked.add(owner(candidate.secretStart));
    if (multilineKeyword) {
      texts.forEach((text, i) => {
        const path = paths?.[i];
        if (path !== undefined && openBlocks.has(path)) picked.add(i);
        if (multilineKeyword.test(text) && path !== undefined) openBlocks.add(path);
      });
      ARMOUR_LINE.lastIndex = 0;
      for (let m = ARMOUR_LINE.exec(joined); m; m = ARMOUR_LINE.exec(joined)) {
        if (/[0-9]/.test(m[0])) picked.add(owner(m.index));
      }
    }
    if (contextKeyword) {
      contextKeyword.lastIndex = 0;
      for (let m = contextKeyword.exec(joined); m; m = contextKeyword.exec(joined)) {
        const i = owner(m.index);
        picked.add(i);
        // Nothing more to learn from this text: go on at the next one.
        const next = starts[i + 1];
        if (next === undefined) break;
        contextKeyword.lastIndex = next;
      }
    }
    return picked;
  };
}

/**
 * A line that may be part of a multi-line secret's body: one token of 16 or
 * more base64 characters alone on its line, perhaps quoted, perhaps ending in
 * a `\n` escape and a concatenation (`"MIIE…\n" +`). Linear: after the run
 * only a few fixed characters may follow, so a failed try costs its line.
 */
const ARMOUR_LINE = /^[ \t]*["'`]?[A-Za-z0-9+/=_-]{16,}(?:\\n)?["'`]?[ \t]*[+,;\\]?[ \t]*$/gm;

export async function scanHistory(ctx: GitContext, options: ScanHistoryOptions): Promise<HistoryScanResult> {
  const started = performance.now();
  const engine = options.engine ?? DetectionEngine.fromSpecs(options.rules);
  const source = await openHistory(ctx, { revs: options.revs, suspects: addedTextSuspects(engine), ...(options.keepCommit ? { keepCommit: options.keepCommit } : {}) });
  const first = new Map<string, Finding>();
  const suppressed = new Map<string, Suppressed>();
  const stats: ScanStats = { files: 0, bytes: 0, binarySkipped: 0, durationMs: 0, suppressed: {} };
  const errors: ScanResult["errors"] = [];
  try {
    for await (const batch of source.batches) {
      const result = await scanTargets(batch, {
        rules: options.rules,
        jobs: 1,
        engine,
        ...(options.redact !== undefined ? { redact: options.redact } : {}),
        ...(options.filter ? { filter: options.filter } : {}),
        ...(options.onReported ? { onReported: options.onReported } : {}),
      });
      stats.binarySkipped += result.stats.binarySkipped;
      for (const f of result.findings) {
        if (f.blocking === false || first.has(f.fingerprint)) continue;
        first.set(f.fingerprint, f);
      }
      for (const s of result.suppressed) {
        if (s.finding.blocking === false || suppressed.has(s.finding.fingerprint)) continue;
        suppressed.set(s.finding.fingerprint, s);
        stats.suppressed[s.kind] = (stats.suppressed[s.kind] ?? 0) + 1;
      }
      for (const e of result.errors) errors.push({ file: `${e.file} (${batch.find((t) => t.path === e.file)?.commit?.slice(0, 12) ?? "?"})`, message: e.message });
    }
  } finally {
    await source.close();
  }
  // A history finding is about its commit: `blocking` is a staged-scan notion.
  const findings = [...first.values()].map(({ blocking: _b, ...f }) => f as Finding);
  sortFindings(findings);
  // Reported in a stable order (file, line, column), as tree and staged scans do, whatever git's chunking.
  const kept = [...suppressed.values()].sort((a, b) => compareFindings(a.finding, b.finding));
  stats.files = source.counts.fileVersions;
  stats.bytes = source.counts.addedBytes;
  stats.durationMs = Math.round(performance.now() - started);
  return {
    findings,
    suppressed: kept.map((s) => ({ ...s, finding: (({ blocking: _b, ...f }) => f as Finding)(s.finding) })),
    stats,
    errors,
    counts: source.counts,
    commitOrder: (commit) => source.commitOrder(commit),
  };
}
