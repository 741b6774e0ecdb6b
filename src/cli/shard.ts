/**
 * `--shard K/N`: one of N jobs scans its part, `finta-guard merge` joins the
 * parts. Tree scans split by a hash of the repository-relative path (so the
 * split does not depend on the folder a job runs in, nor on file sizes or
 * listing order); history scans by commit (a hash of its id). Deterministic:
 * the same K/N picks the same files and commits on every machine.
 *
 * A sharded report carries `shard: {index, count, mode}` (JSON top level,
 * SARIF run properties) and, for history, each finding's position in the
 * range (`commitOrder`): a secret added by commits of two shards is reported
 * once, at the earliest, after merging, as an unsharded scan reports it.
 */
import { relative, resolve, sep } from "node:path";
import { UsageError } from "../errors.js";
import type { Finding, ScanResult } from "../findings/types.js";
import type { ScanMode } from "../report/types.js";

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export const MAX_SHARDS = 1024;

export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new UsageError(`--shard: expected K/N with 1 <= K <= N <= ${MAX_SHARDS} (e.g. 2/8), got "${value}"`);
  }
  return { index, count };
}

/** FNV-1a (32 bits) of the UTF-8 bytes: small, fast, the same everywhere. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, "utf8")) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The shard (1-based) a key belongs to. */
export function shardOfKey(key: string, count: number): number {
  return (fnv1a(key) % count) + 1;
}

/** Tree scans: is the file at `absPath` (or `relPath` under cwd) in this shard? Keyed by its path from the repository root. */
export function inTreeShard(shard: Shard, path: string, cwd: string, root: string): boolean {
  const fromRoot = relative(root, resolve(cwd, path)).split(sep).join("/");
  return shardOfKey(fromRoot, shard.count) === shard.index;
}

export function inHistoryShard(shard: Shard): (commit: string) => boolean {
  return (commit) => shardOfKey(commit, shard.count) === shard.index;
}

/** What a sharded report adds, for `merge`. */
export interface ShardMark {
  readonly index: number;
  readonly count: number;
  readonly mode: ScanMode;
}

/**
 * Adds the shard mark (and, for history, each finding's `commitOrder`) to a
 * JSON or SARIF report text produced from `result`. Reporters stay unaware of
 * sharding; the records are in the result's order (SARIF: findings, then suppressed).
 */
export function markShardReport(text: string, format: string, result: ScanResult, mark: ShardMark, commitOrder?: (commit: string) => number | undefined): string {
  const orderOf = (f: Finding) => (commitOrder && f.commit !== undefined ? commitOrder(f.commit) : undefined);
  if (format === "json") {
    const doc = JSON.parse(text) as { findings: Record<string, unknown>[]; suppressed: Record<string, unknown>[] };
    if (commitOrder) {
      result.findings.forEach((f, i) => (doc.findings[i]!.commitOrder = orderOf(f)));
      result.suppressed.forEach((s, i) => (doc.suppressed[i]!.commitOrder = orderOf(s.finding)));
    }
    return JSON.stringify({ ...doc, shard: mark }, null, 2) + "\n";
  }
  if (format === "sarif") {
    const log = JSON.parse(text) as { runs: { results: { properties?: Record<string, unknown> }[]; properties?: Record<string, unknown> }[] };
    const run = log.runs[0]!;
    if (commitOrder) {
      const all = [...result.findings, ...result.suppressed.map((s) => s.finding)];
      all.forEach((f, i) => (run.results[i]!.properties = { ...run.results[i]!.properties, commitOrder: orderOf(f) }));
    }
    run.properties = { ...run.properties, shard: mark };
    return JSON.stringify(log, null, 2) + "\n";
  }
  throw new UsageError(`--shard: the report must be --format json or sarif (for finta-guard merge), got "${format}"`);
}
