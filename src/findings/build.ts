/**
 * RawFinding (raw secret) → Finding (redacted). The only place that sees raw
 * secrets next to report records: it keys the fingerprint on the raw value,
 * then redacts it in the secret field and in the line snippet, where every
 * other secret found on the same line (suppressed ones included) is hidden
 * too.
 *
 * Findings are built per target, all at once, because a snippet can only be
 * made safe knowing every secret its line holds.
 */
import { fingerprint, legacyFingerprint } from "./fingerprint.js";
import { occurrences, redactNote, redactRanges, redactSecret, secretPieces, type SnippetRange } from "./redact.js";
import { addsAnyLine } from "./blocking.js";
import type { Finding, RawFinding } from "./types.js";
import { NO_VENDOR_PREFIXES, type VendorPrefixes } from "./vendor-prefix.js";

export interface BuildOptions {
  /** `--no-redact`: keep the secret in full (never the default). */
  readonly redact: boolean;
  /** Vendor prefixes of the rules in force (what redaction may keep). */
  readonly prefixes?: VendorPrefixes;
  readonly commit?: string;
  readonly author?: string;
  readonly date?: string;
  /** Staged scans: the lines the change adds; a finding elsewhere is not blocking. */
  readonly changedLines?: ReadonlySet<number>;
}

/** Where the target is: `display` for people (spec/cli.md), `repoPath` as the identity. */
export interface TargetPaths {
  readonly display: string;
  /** `/`-separated, relative to the repository root (the scan root outside git). */
  readonly repoPath: string;
}

export interface BuiltFinding {
  readonly finding: Finding;
  readonly raw: RawFinding;
  /**
   * `text` (free text from the file near this finding, e.g. an allow comment)
   * with the secrets of this finding's line and the line before redacted, and
   * cut short. Unchanged but cut with --no-redact.
   */
  redactNote(text: string): string;
}

/** v1 fingerprints of built findings, for baselines written before v2 (never reported). */
const legacy = new WeakMap<Finding, () => string>();

/** The v1 fingerprint of a finding built here (undefined for one made elsewhere). */
export function legacyFingerprintOf(finding: Finding): string | undefined {
  return legacy.get(finding)?.();
}

/** Column where `q` starts on line `line` (1 when it started on an earlier line). */
function startOn(q: RawFinding, line: number): number {
  return q.line === line ? q.column : 1;
}

/** Column one past where `q` ends on line `line` (unbounded when it goes on to a later line). */
function endOn(q: RawFinding, line: number): number {
  return q.endLine === line ? q.endColumn : Number.POSITIVE_INFINITY;
}

/** Up to this many findings on a line, each snippet of it is searched for all their values. */
const MAX_VALUE_SEARCHES = 64;

/** The findings covering one line, sorted by where they start on it, for range queries. */
interface LineFindings {
  readonly sorted: readonly RawFinding[];
  readonly starts: readonly number[];
  /** Longest span of a finding that starts and ends on this line. */
  readonly maxSpan: number;
  /** Findings that go on past this line or came from an earlier one (PEM bodies): always looked at. */
  readonly spanning: readonly RawFinding[];
}

/** Raw findings by each line they cover. */
function indexByLine(raws: readonly RawFinding[]): Map<number, LineFindings> {
  const byLine = new Map<number, RawFinding[]>();
  for (const raw of raws) {
    for (let line = raw.line; line <= raw.endLine; line++) {
      let list = byLine.get(line);
      if (!list) byLine.set(line, (list = []));
      list.push(raw);
    }
  }
  const index = new Map<number, LineFindings>();
  for (const [line, list] of byLine) {
    const sorted = list.sort((a, b) => startOn(a, line) - startOn(b, line));
    const single = sorted.filter((q) => q.line === line && q.endLine === line);
    index.set(line, {
      sorted: single,
      starts: single.map((q) => q.column),
      maxSpan: single.reduce((max, q) => Math.max(max, q.endColumn - q.column), 0),
      spanning: sorted.filter((q) => q.line !== line || q.endLine !== line),
    });
  }
  return index;
}

/** First index in ascending `values` whose value is >= `target`. */
function lowerBound(values: readonly number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The findings of a line that can touch a snippet of it: those spanning
 * lines, and those starting from `maxSpan` before the snippet to its end.
 * A line holding thousands of findings (minified code) costs a binary search
 * per snippet, not a pass over all of them.
 */
function touching(lineFindings: LineFindings, from: number, to: number): RawFinding[] {
  const first = lowerBound(lineFindings.starts, from - lineFindings.maxSpan);
  const last = lowerBound(lineFindings.starts, to);
  return [...lineFindings.spanning, ...lineFindings.sorted.slice(first, last)];
}

/** The snippet of `raw` with every secret its line holds hidden, and where its own secret now sits. */
function redactedSnippet(raw: RawFinding, lineFindings: LineFindings | undefined, prefixes: VendorPrefixes) {
  const line = raw.line;
  const text = raw.lineText;
  const offset = raw.lineOffset;
  const ranges: SnippetRange[] = [];
  const searched = new Set<string>();
  const onLine = lineFindings ? touching(lineFindings, offset, offset + text.length) : [raw];
  // Looked for by value too: every secret of the line when it holds few, else those near the snippet.
  const all = lineFindings ? [...lineFindings.spanning, ...lineFindings.sorted] : [raw];
  const byValue = new Set(all.length <= MAX_VALUE_SEARCHES ? all : onLine);
  for (const q of new Set([...onLine, ...byValue])) {
    const start = startOn(q, line) - offset;
    const end = endOn(q, line) - offset;
    // By position: exact for every finding, encoded ones included (their span is the encoded text).
    if (end > 0 && start < text.length) {
      const whole = q.line === line && q.endLine === line && text.slice(start, end) === q.secret;
      ranges.push({ start, end, ...(whole ? { replacement: redactSecret(q.secret, prefixes.of(q.ruleId, q.secret)) } : {}) });
    }
    // By value: the same secret written again on the line (not a finding of its own).
    if (byValue.has(q) && !searched.has(q.secret)) {
      searched.add(q.secret);
      for (const piece of secretPieces(q.secret)) {
        for (const [s, e] of occurrences(text, piece)) {
          ranges.push({ start: s, end: e, ...(piece === q.secret ? { replacement: redactSecret(q.secret, prefixes.of(q.ruleId, q.secret)) } : {}) });
        }
      }
    }
  }
  const own = { start: raw.column - offset, end: endOn(raw, line) - offset };
  return redactRanges(text, ranges, own);
}

/** The findings of one target, in the order of `raws`. */
export function buildFindings(raws: readonly RawFinding[], paths: TargetPaths, options: BuildOptions): BuiltFinding[] {
  const prefixes = options.prefixes ?? NO_VENDOR_PREFIXES;
  const byLine = indexByLine(raws);
  return raws.map((raw) => {
    let lineText = raw.lineText;
    let span: readonly [number, number];
    if (options.redact) {
      const snippet = redactedSnippet(raw, byLine.get(raw.line), prefixes);
      lineText = snippet.text;
      span = [snippet.ownStart, snippet.ownEnd];
    } else {
      const start = Math.max(0, raw.column - raw.lineOffset);
      span = [start, Math.min(lineText.length, endOn(raw, raw.line) - raw.lineOffset)];
    }
    const secret = raw.secret;
    const repoPath = paths.repoPath;
    let memo: string | undefined;
    const blocking = options.changedLines ? addsAnyLine(options.changedLines, raw) : undefined;
    const finding: Finding = {
      ruleId: raw.ruleId,
      severity: raw.severity,
      file: paths.display,
      repoPath,
      line: raw.line,
      column: raw.column,
      endLine: raw.endLine,
      endColumn: raw.endColumn,
      secret: options.redact ? redactSecret(secret, prefixes.of(raw.ruleId, secret)) : secret,
      // Computed when first read: the KDF a guessable secret needs costs
      // milliseconds, and a text report or a scan without baseline never reads it.
      get fingerprint() {
        return (memo ??= fingerprint(raw.ruleId, repoPath, secret));
      },
      lineText,
      lineOffset: raw.lineOffset,
      secretSpan: span,
      entropy: Math.round(raw.entropy * 1000) / 1000,
      ...(raw.encoding !== undefined ? { encoding: raw.encoding } : {}),
      ...(raw.publicExample !== undefined ? { publicExample: raw.publicExample } : {}),
      ...(options.commit !== undefined ? { commit: options.commit } : {}),
      ...(options.author !== undefined ? { author: options.author } : {}),
      ...(options.date !== undefined ? { date: options.date } : {}),
      ...(blocking !== undefined ? { blocking } : {}),
    };
    legacy.set(finding, () => legacyFingerprint(raw.ruleId, repoPath, secret));
    // An allow comment is on the finding's line or the one before: the secrets of both.
    const secretsOf = (l: LineFindings | undefined) => (l ? [...l.spanning, ...l.sorted].map((q) => q.secret) : []);
    // Capped: beyond that, redactNote's random-looking-word rule and the cut still apply.
    const nearby = () => [...new Set([...secretsOf(byLine.get(raw.line)), ...secretsOf(byLine.get(raw.line - 1))])].slice(0, MAX_VALUE_SEARCHES);
    return {
      finding,
      raw,
      redactNote: (text: string) => redactNote(text, options.redact ? nearby() : [], options.redact),
    };
  });
}

/** One finding alone (no other secret on its line known): tests and callers outside a scan. */
export function buildFinding(raw: RawFinding, paths: TargetPaths, options: BuildOptions): Finding {
  return buildFindings([raw], paths, options)[0]!.finding;
}
