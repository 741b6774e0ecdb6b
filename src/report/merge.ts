/**
 * Joins the reports of `scan --shard K/N` (all N of them, JSON or SARIF) into
 * the report an unsharded scan writes: the same findings, fingerprints,
 * suppressions, counts and errors, in the same order. `durationMs` is the
 * longest shard's (the jobs ran side by side).
 *
 * Tree shards hold disjoint files: their records are concatenated and sorted.
 * History shards hold disjoint commits, but a secret added by commits of two
 * shards is in both: it is kept once, at the commit earliest in the range
 * (`commitOrder`), as the unsharded scan reports it at its first commit.
 *
 * Fails closed: a missing, repeated or foreign shard is an error, never a
 * silently smaller report.
 */
import { ignoredPathsFrom, type SuppressionSources } from "./suppression-sources.js";
import { InputError } from "../errors.js";
import { compareFindings } from "../findings/sort.js";
import type { Finding } from "../findings/types.js";
import { countBy } from "./json.js";
import type { ScanMode } from "./types.js";

export interface ShardReport {
  /** As shown in messages. */
  readonly name: string;
  readonly text: string;
}

interface Mark {
  index: number;
  count: number;
  mode: ScanMode;
}

type JsonRecord = Record<string, unknown> & { fingerprint: string; commitOrder?: number };
interface JsonReport {
  version: number;
  tool: unknown;
  findings: JsonRecord[];
  stats: { files: number; bytes: number; durationMs: number; binarySkipped: number; suppressed: Record<string, number> };
  suppressed: JsonRecord[];
  errors: { file: string; message: string }[];
  suppressionSources?: SuppressionSources;
  shard?: Mark;
}

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  suppressions?: unknown[];
  partialFingerprints?: Record<string, string>;
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number } } }[];
  properties?: Record<string, unknown> & { commitOrder?: number; commit?: string };
}
interface SarifRun {
  tool: { driver: { rules: { id: string }[] } };
  invocations: { executionSuccessful: boolean; toolExecutionNotifications?: unknown[] }[];
  results: SarifResult[];
  properties?: Record<string, unknown> & { shard?: Mark; files?: number; bytes?: number; binarySkipped?: number; durationMs?: number };
}
interface SarifLog {
  runs: SarifRun[];
}

export type MergeFormat = "json" | "sarif";

/** The format of a report text, from its shape. */
export function reportFormat(report: ShardReport): { format: MergeFormat; value: JsonReport | SarifLog } {
  let value: unknown;
  try {
    value = JSON.parse(report.text);
  } catch {
    throw new InputError(`${report.name}: not a JSON or SARIF report (does not parse as JSON)`);
  }
  const v = value as Partial<JsonReport & SarifLog>;
  if (Array.isArray(v.runs) && v.runs.length === 1) return { format: "sarif", value: v as SarifLog };
  if (v.version === 1 && Array.isArray(v.findings) && Array.isArray(v.suppressed) && v.stats) return { format: "json", value: v as JsonReport };
  throw new InputError(`${report.name}: not a finta-guard JSON or SARIF report`);
}

/** Every shard 1..N exactly once, all of one mode. */
function checkMarks(marks: readonly (Mark | undefined)[], names: readonly string[]): Mark {
  const first = marks[0];
  marks.forEach((m, i) => {
    if (!m) throw new InputError(`${names[i]}: not a shard report (run scan with --shard K/N)`);
  });
  const seen = new Map<number, string>();
  marks.forEach((m, i) => {
    if (m!.count !== first!.count || m!.mode !== first!.mode) {
      throw new InputError(`${names[i]}: shard ${m!.index}/${m!.count} of a ${m!.mode} scan does not go with ${first!.index}/${first!.count} of a ${first!.mode} scan`);
    }
    const other = seen.get(m!.index);
    if (other !== undefined) throw new InputError(`${names[i]}: shard ${m!.index}/${m!.count} was already given (${other})`);
    seen.set(m!.index, names[i]!);
  });
  const missing = [...Array(first!.count).keys()].map((i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) throw new InputError(`shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${first!.count}`).join(", ")} missing: merge needs the reports of all ${first!.count} shards`);
  return first!;
}

/** History: one record per fingerprint, the one at the earliest commit. */
function earliest<T>(records: readonly T[], key: (r: T) => string, order: (r: T) => number | undefined): T[] {
  const kept = new Map<string, T>();
  for (const r of records) {
    const k = key(r);
    const have = kept.get(k);
    if (have === undefined || (order(r) ?? Infinity) < (order(have) ?? Infinity)) kept.set(k, r);
  }
  return [...kept.values()];
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function mergeJson(reports: readonly JsonReport[], names: readonly string[]): { doc: Record<string, unknown>; findings: Finding[] } {
  const mark = checkMarks(reports.map((r) => r.shard), names);
  const history = mark.mode === "history";
  let findings = reports.flatMap((r) => r.findings);
  let suppressed = reports.flatMap((r) => r.suppressed);
  if (history) {
    findings = earliest(findings, (f) => f.fingerprint, (f) => f.commitOrder);
    suppressed = earliest(suppressed, (s) => s.fingerprint, (s) => s.commitOrder);
  }
  const strip = ({ commitOrder: _o, ...r }: JsonRecord) => r;
  const sortedFindings = findings.map(strip).sort((a, b) => compareFindings(a as unknown as Finding, b as unknown as Finding));
  const sortedSuppressed = suppressed.map(strip).sort((a, b) => {
    const x = a as unknown as { file: string; line: number; column: number };
    const y = b as unknown as { file: string; line: number; column: number };
    return compareStrings(x.file, y.file) || x.line - y.line || x.column - y.column || (history ? compareFindings(a as unknown as Finding, b as unknown as Finding) : 0);
  });
  const sum = (pick: (r: JsonReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
  const suppressedCounts: Record<string, number> = {};
  if (history) {
    for (const s of sortedSuppressed) suppressedCounts[s.kind as string] = (suppressedCounts[s.kind as string] ?? 0) + 1;
  } else {
    for (const r of reports) for (const [k, n] of Object.entries(r.stats.suppressed)) suppressedCounts[k] = (suppressedCounts[k] ?? 0) + n;
  }
  const doc = {
    version: 1,
    tool: reports[0]!.tool,
    findings: sortedFindings,
    stats: {
      files: sum((r) => r.stats.files),
      bytes: sum((r) => r.stats.bytes),
      durationMs: Math.max(...reports.map((r) => r.stats.durationMs)),
      binarySkipped: sum((r) => r.stats.binarySkipped),
      suppressed: suppressedCounts,
      findingsBySeverity: countBy(sortedFindings, (f) => f.severity as string),
      findingsByRule: countBy(sortedFindings, (f) => f.ruleId as string),
    },
    suppressed: sortedSuppressed,
    errors: reports.flatMap((r) => r.errors).sort((a, b) => compareStrings(a.file, b.file)),
    ...mergedSuppressionSources(reports.map((r) => r.suppressionSources)),
  };
  return { doc, findings: sortedFindings as unknown as Finding[] };
}

function resultKey(r: SarifResult): { file: string; line: number; column: number } {
  const loc = r.locations?.[0]?.physicalLocation;
  let file = loc?.artifactLocation?.uri ?? "";
  try {
    file = decodeURIComponent(file);
  } catch {
    // Not percent-encoded as we write it: compare as it is.
  }
  return { file, line: loc?.region?.startLine ?? 0, column: loc?.region?.startColumn ?? 0 };
}

function compareResults(a: SarifResult, b: SarifResult, full: boolean): number {
  const x = resultKey(a);
  const y = resultKey(b);
  return (
    compareStrings(x.file, y.file) ||
    x.line - y.line ||
    x.column - y.column ||
    (full ? compareStrings(a.ruleId, b.ruleId) || compareStrings(a.properties?.commit ?? "", b.properties?.commit ?? "") : 0)
  );
}

export function mergeSarif(logs: readonly SarifLog[], names: readonly string[]): { log: SarifLog; results: SarifResult[] } {
  const runs = logs.map((l) => l.runs[0]!);
  const mark = checkMarks(runs.map((r) => r.properties?.shard), names);
  const history = mark.mode === "history";
  const fingerprint = (r: SarifResult) => Object.values(r.partialFingerprints ?? {}).join("/");
  let reported = runs.flatMap((r) => r.results.filter((x) => !x.suppressions?.length));
  let suppressed = runs.flatMap((r) => r.results.filter((x) => x.suppressions?.length));
  if (history) {
    reported = earliest(reported, fingerprint, (r) => r.properties?.commitOrder);
    suppressed = earliest(suppressed, fingerprint, (r) => r.properties?.commitOrder);
  }
  const rulesById = new Map<string, { id: string }>();
  for (const run of runs) for (const rule of run.tool.driver.rules) if (!rulesById.has(rule.id)) rulesById.set(rule.id, rule);
  const rules = [...rulesById.values()].sort((a, b) => compareStrings(a.id, b.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const clean = (r: SarifResult): SarifResult => {
    const { commitOrder: _o, ...properties } = r.properties ?? {};
    return { ...r, ...(r.ruleIndex !== undefined ? { ruleIndex: index.get(r.ruleId)! } : {}), ...(r.properties ? { properties } : {}) };
  };
  const results = [
    ...reported.sort((a, b) => compareResults(a, b, true)),
    ...suppressed.sort((a, b) => compareResults(a, b, history)),
  ].map(clean);
  const first = runs[0]!;
  const notifications = runs.flatMap((r) => r.invocations[0]?.toolExecutionNotifications ?? []);
  const sum = (key: "files" | "bytes" | "binarySkipped") => runs.reduce((n, r) => n + (r.properties?.[key] ?? 0), 0);
  const { shard: _s, ...properties } = first.properties ?? {};
  const run: SarifRun = {
    ...first,
    tool: { ...first.tool, driver: { ...first.tool.driver, rules } },
    invocations: [{ executionSuccessful: runs.every((r) => r.invocations[0]?.executionSuccessful !== false), ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
    results,
    properties: { ...properties, files: sum("files"), bytes: sum("bytes"), binarySkipped: sum("binarySkipped"), durationMs: Math.max(...runs.map((r) => r.properties?.durationMs ?? 0)) },
  };
  return { log: { ...logs[0]!, runs: [run] }, results: reported };
}

/**
 * What the shards' configuration hid, as one run would say it: each shard
 * counted the paths of its own share, so counts add up; the configuration
 * (disabled rules, the revision it came from) is the same in every shard.
 */
function mergedSuppressionSources(all: readonly (SuppressionSources | undefined)[]): { suppressionSources?: SuppressionSources } {
  const present = all.filter((s): s is SuppressionSources => s !== undefined);
  const first = present[0];
  if (!first) return {};
  const ignoredPaths = ignoredPathsFrom(...present.map((s) => new Map(s.ignoredPaths.map((p) => [p.by, p.paths] as const))));
  return { suppressionSources: { ...(first.configFrom !== undefined ? { configFrom: first.configFrom } : {}), ignoredPaths, disabledRules: first.disabledRules } };
}
