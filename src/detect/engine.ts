/**
 * Finds candidate secrets in one piece of text.
 *
 * Owns: keyword prefilter, regex, secret group, entropy, placeholder filter,
 * per-rule content allowlists, context (requirements and promotion), overlap.
 * Must not: read files, spawn git, consult path/global allowlists or the
 * baseline, compute line numbers, print.
 */
import type { RuleSpec } from "../rules/types.js";
import { MAX_MATCH_CHARS, compileRules } from "./compile.js";
import { LineIndex, contextBounds, enclosingKeys, nearbySpan } from "./context.js";
import { isHex, shannonEntropy } from "./entropy.js";
import { resolveOverlaps } from "./overlap.js";
import { isPlaceholder } from "./placeholder.js";
import { isQuietValue } from "./word-likeness.js";
import { genericDropReason } from "./value-model.js";
import { publicExampleOf } from "./public-example.js";
import { decodedBase64Text } from "./decoded-value.js";
import { KeywordFilter, isFilterableKeyword, type KeywordHits } from "./keyword-filter.js";
import { MAX_DEPTH, findEncodedRuns } from "./decode.js";
import { mergeHits, regionsFor } from "./regions.js";
import { NearMatches } from "./near-matches.js";
import { activity } from "./activity.js";
import type { Candidate, CompiledRule } from "./types.js";

export { MAX_MATCH_CHARS };

export interface DetectRange {
  /** Only candidates whose secret starts in [ownStart, ownEnd) are returned. */
  readonly ownStart: number;
  readonly ownEnd: number;
}

export class DetectionEngine {
  readonly rules: readonly CompiledRule[];
  readonly #keywords: KeywordFilter;
  /** Rules that run over the whole text (no keyword, or one the filter cannot look for). */
  readonly #always: readonly CompiledRule[];
  /** For each rule (by index), the indices of its keywords in the filter. */
  readonly #keywordIndices: readonly (readonly number[])[];
  readonly #orderById = new Map<string, number>();
  /** `rule <id>` per rule, for time-out messages (see activity.ts). */
  readonly #labels: readonly string[];
  readonly #specificity = new Map<string, number>();
  readonly #byId = new Map<string, CompiledRule>();

  constructor(rules: readonly CompiledRule[]) {
    this.rules = rules;
    this.#labels = rules.map((rule) => `rule ${rule.id}`);
    rules.forEach((rule, i) => {
      this.#orderById.set(rule.id, i);
      this.#specificity.set(rule.id, rule.specificity);
      this.#byId.set(rule.id, rule);
    });
    const unfiltered = (r: CompiledRule) => r.keywords.length === 0 || r.keywords.some((k) => !isFilterableKeyword(k));
    this.#always = rules.filter(unfiltered);
    this.#keywords = new KeywordFilter(rules.filter((r) => !unfiltered(r)).flatMap((r) => r.keywords));
    const indexOf = new Map(this.#keywords.keywords.map((k, i) => [k, i] as const));
    this.#keywordIndices = rules.map((r) => (unfiltered(r) ? [] : r.keywords.map((k) => indexOf.get(k) ?? -1).filter((i) => i >= 0)));
  }

  static fromSpecs(specs: readonly RuleSpec[]): DetectionEngine {
    return new DetectionEngine(compileRules(specs));
  }

  /** A copy of this engine limited to the rules `keep` accepts (e.g. per-path allowlists). */
  restrictTo(keep: (rule: CompiledRule) => boolean): DetectionEngine {
    const rules = this.rules.filter(keep);
    return rules.length === this.rules.length ? this : new DetectionEngine(rules);
  }

  /**
   * Candidates whose secret starts in [range.ownStart, range.ownEnd) of `text`.
   *
   * A rule with keywords runs only on the regions around its keywords'
   * occurrences (see `regionsFor`): a rule's keywords must occur in each of its
   * matches, which the rule tests check on every positive example. Rules
   * without (filterable) keywords run over the whole text.
   */
  detect(text: string, range: DetectRange = { ownStart: 0, ownEnd: text.length }, depth = 0): Candidate[] {
    const found: Candidate[] = [];
    const hits = this.#keywords.findHits(text);
    const outerScope = this.#keyPositions;
    this.#keyPositions = { text, positions: new Map(), lines: new LineIndex(text), requires: new Map(), near: new Map() };
    try {
      this.#detectRules(text, range, hits, found);
    } finally {
      this.#keyPositions = outerScope;
      activity.what = "the scan";
    }
    if (depth < MAX_DEPTH) this.#detectEncoded(text, hits, range, depth, found);
    return resolveOverlaps(
      found,
      (id) => this.#specificity.get(id) ?? 0,
      (id) => this.#orderById.get(id) ?? Number.MAX_SAFE_INTEGER,
    ).filter((c) => c.secretStart >= range.ownStart && c.secretStart < range.ownEnd);
  }

  /** Every rule over `text` (its regions, or anchored positions), collecting candidates. */
  #detectRules(text: string, range: DetectRange, hits: KeywordHits, found: Candidate[]): void {
    this.rules.forEach((rule, i) => {
      activity.what = this.#labels[i]!;
      const indices = this.#keywordIndices[i]!;
      if (indices.length === 0) {
        if (this.#always.includes(rule)) this.#runRule(rule, text, 0, text.length, range, found);
        return;
      }
      const positions = mergeHits(indices.map((k) => hits.positions[k]));
      if (positions.length === 0) return;
      if (rule.anchored) this.#runAnchored(rule, rule.anchored, text, positions, range, found);
      else for (const [from, to] of regionsFor(text, positions, rule.reach, rule.wholeLines)) this.#runRule(rule, text, from, to, range, found);
    });
  }

  /**
   * Secrets inside base64 or percent-encoded strings: the decoded text is
   * scanned with every rule, and what is found there is reported at the
   * encoded string. A direct candidate overlapping an encoded one wins.
   */
  #detectEncoded(text: string, hits: KeywordHits, range: DetectRange, depth: number, found: Candidate[]): void {
    const from = Math.max(0, range.ownStart - MAX_MATCH_CHARS);
    const runs = findEncodedRuns(text, hits, from, Math.min(text.length, range.ownEnd + MAX_MATCH_CHARS));
    if (runs.length === 0) return;
    const overlapsDirect = directSpans(found);
    for (const run of runs) {
      if (overlapsDirect(run.start, run.end)) continue;
      for (const inner of this.detect(run.decoded, undefined, depth + 1)) {
        const secret = text.slice(run.start, run.end);
        found.push({ ...inner, start: run.start, end: run.end, secretStart: run.start, secretEnd: run.end, secret, encoding: run.encoding });
      }
    }
  }

  /**
   * Runs an anchored rule: its sticky regex is tried at each position from
   * `lead` characters before a keyword up to the keyword, in ascending order,
   * resuming after each match, which is what a scan of the whole text does at
   * the only positions where a match can start. Lookarounds and anchors see
   * the real text around, not a region's edges.
   */
  #runAnchored(rule: CompiledRule, anchored: NonNullable<CompiledRule["anchored"]>, text: string, positions: readonly number[], range: DetectRange, out: Candidate[]): void {
    const regex = anchored.regex;
    const last = Math.min(text.length, range.ownEnd + MAX_MATCH_CHARS);
    // Every position before `next` has been tried or lies inside a match.
    let next = Math.max(0, range.ownStart - MAX_MATCH_CHARS);
    for (const p of positions) {
      const upTo = Math.min(p, last - 1);
      for (let at = Math.max(next, p - anchored.lead); at <= upTo; at++) {
        regex.lastIndex = at;
        const m = regex.exec(text);
        if (m === null) continue;
        // Resume where a global scan would: after the match (one on, for an empty match).
        at = Math.max(at, m.index + m[0].length - 1);
        next = at + 1;
        this.#acceptMatch(rule, text, m, 0, out);
      }
      next = Math.max(next, upTo + 1);
    }
  }

  /** Runs `rule` over text[from, to), collecting candidates; offsets stay those of `text`. */
  #runRule(rule: CompiledRule, text: string, from: number, to: number, range: DetectRange, out: Candidate[]): void {
    // Matches before the owned range still take part in overlap resolution,
    // so windows agree on who wins; none needs looking at further back than this.
    from = Math.max(from, range.ownStart - MAX_MATCH_CHARS);
    to = Math.min(to, range.ownEnd + MAX_MATCH_CHARS);
    if (from >= to) return;
    const region = from === 0 && to === text.length ? text : text.slice(from, to);
    const regex = rule.regex;
    regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(region)) !== null) {
      if (m[0].length === 0) regex.lastIndex++;
      this.#acceptMatch(rule, text, m, from, out);
    }
  }

  /** A regex match (over `text` from `offset` on) whose secret group matched, judged by #accept. */
  #acceptMatch(rule: CompiledRule, text: string, m: RegExpExecArray, offset: number, out: Candidate[]): void {
    const span = typeof rule.secretGroup === "string" ? m.indices?.groups?.[rule.secretGroup] : m.indices?.[rule.secretGroup];
    if (!span || span[1] <= span[0]) return;
    const start = offset + m.index;
    const candidate = this.#accept(rule, text, start, start + m[0].length, offset + span[0], offset + span[1]);
    if (candidate) out.push(candidate);
  }

  /** Per detect() call: where each promotion's parent key occurs in its text (lower case). */
  #keyPositions: { text: string; positions: Map<string, number[]>; lines: LineIndex; requires: Map<string, boolean>; near: Map<string, NearMatches | null> } | undefined;

  /** Does `word` (lower case) occur, in any case, wholly inside text[from, to)? */
  #occursBetween(text: string, word: string, from: number, to: number): boolean {
    const scope = this.#keyPositions;
    if (!scope) return true;
    let positions = scope.positions.get(word);
    if (!positions) {
      positions = [];
      // (A regex, not toLowerCase(): lower-casing may change the text's length.)
      const find = new RegExp(word.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"), "gi");
      for (let m = find.exec(text); m !== null; m = find.exec(text)) {
        positions.push(m.index);
        find.lastIndex = m.index + 1;
      }
      scope.positions.set(word, positions);
    }
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (positions[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < positions.length && positions[lo]! + word.length <= to;
  }

  /** The current detect() call's line index (a fresh one outside a call). */
  #lines(text: string): LineIndex {
    const scope = this.#keyPositions;
    return scope && scope.text === text ? scope.lines : new LineIndex(text);
  }

  /**
   * Does the rule's `requires.near` pattern match the lines around the secret?
   * Candidates on one line share those lines: the verdict is kept per span,
   * so a line full of candidates is not searched again for each.
   */
  #nearbyHas(rule: CompiledRule, text: string, secretStart: number, secretEnd: number, bounds: ReturnType<typeof contextBounds>): boolean {
    const requires = rule.requires!;
    const scope = this.#keyPositions;
    const index = scope && scope.text === text ? scope.lines : undefined;
    const [from, to] = nearbySpan(text, secretStart, secretEnd, requires.lines, bounds, index);
    if (!scope || !index) return requires.near.test(text.slice(from, to));
    let matches = scope.near.get(rule.id);
    if (matches === undefined) scope.near.set(rule.id, (matches = NearMatches.applies(requires.near) ? new NearMatches(text, requires.near) : null));
    const known = matches?.verdict(from, to);
    if (known !== undefined) return known;
    const key = `${rule.id}\u0000${from}\u0000${to}`;
    let verdict = scope.requires.get(key);
    if (verdict === undefined) scope.requires.set(key, (verdict = requires.near.test(text.slice(from, to))));
    return verdict;
  }

  #accept(rule: CompiledRule, text: string, start: number, end: number, secretStart: number, secretEnd: number): Candidate | undefined {
    const secret = text.slice(secretStart, secretEnd);
    const entropy = shannonEntropy(secret);
    // A published example (documentation key, emulator key) is reported as
    // such whatever the rule's filters say: an `info` note, never blocking.
    const publicExample = publicExampleOf(secret);
    if (publicExample) return { ruleId: rule.id, severity: "info", start, end, secretStart, secretEnd, secret, entropy, publicExample };
    const spec = rule.spec;
    if (spec.entropy !== undefined) {
      const min = spec.entropyHex !== undefined && isHex(secret) ? spec.entropyHex : spec.entropy;
      if (entropy < min) return undefined;
    }
    const bounds = contextBounds(text, secretStart, secretEnd);
    // The filters below are independent refusals; the context requirement goes
    // first as it is the cheapest (one binary search, near-matches.ts) and
    // refuses most candidates of a line packed with keywords (`pwd= pwd= …`).
    if (rule.requires && !this.#nearbyHas(rule, text, secretStart, secretEnd, bounds)) return undefined;
    if (spec.placeholderFilter !== false && isPlaceholder(secret)) return undefined;
    if (spec.wordFilter && isQuietValue(secret, spec.wordFilter === "password" ? "password" : "value", text.slice(start, end))) return undefined;
    // Generic rules report literals only, and only literals that read like a secret (value-model.ts).
    if (spec.tags?.includes("generic") && genericDropReason({ text, start, secretStart, secretEnd, mode: spec.wordFilter === "password" ? "password" : "value" }) !== undefined) return undefined;
    if (spec.judgeDecoded === "base64") {
      // Judge what an always-encoded value says: a placeholder or a sample word stays one when encoded.
      const decoded = decodedBase64Text(secret);
      if (decoded !== undefined && (isPlaceholder(decoded.trim()) || isQuietValue(decoded.trim(), "password"))) return undefined;
    }
    if (rule.stopwords.length) {
      const lower = secret.toLowerCase();
      if (rule.stopwords.some((w) => lower.includes(w))) return undefined;
    }
    if (rule.allowRegexes.length) {
      const target =
        rule.allowTarget === "secret"
          ? secret
          : rule.allowTarget === "match"
            ? text.slice(start, end)
            : text.slice(this.#lines(text).startOf(secretStart, bounds.floor), this.#lines(text).endOf(secretEnd, bounds.ceil));
      if (rule.allowRegexes.some((r) => r.test(target))) return undefined;
    }
    let ruleId = rule.id;
    let severity = rule.severity;
    for (const p of rule.promote) {
      const keyNames = p.key ? p.key.test(text.slice(start, secretStart)) : false;
      // A key that is nowhere in the context before the secret cannot enclose it: that is
      // checked first, as walking the lines back to find the keys costs up to CONTEXT_CHARS.
      const underKey =
        !keyNames && p.parentKey && this.#occursBetween(text, p.parentKey, bounds.floor, secretStart) ? enclosingKeys(text, secretStart, bounds).includes(p.parentKey) : false;
      if (keyNames || underKey) {
        ruleId = p.to;
        severity = p.severity;
        // The rule promoted to also has its say on what is not its kind of
        // secret (finta-env-secret: identifiers under FINTA_* names).
        const target = this.#byId.get(p.to);
        if (target && target.allowTarget === "secret" && target.allowRegexes.some((r) => r.test(secret))) return undefined;
        break;
      }
    }
    return { ruleId, severity, start, end, secretStart, secretEnd, secret, entropy };
  }
}

/**
 * A test "does [start, end) overlap the secret of one of these candidates?"
 * in O(log n) per question (sorted starts, running maximum of ends), where a
 * scan of every candidate per encoded string was quadratic on dense files.
 */
function directSpans(candidates: readonly Candidate[]): (start: number, end: number) => boolean {
  const sorted = [...candidates].sort((a, b) => a.secretStart - b.secretStart);
  const starts = sorted.map((c) => c.secretStart);
  const maxEnd: number[] = [];
  let max = -1;
  for (const c of sorted) maxEnd.push((max = Math.max(max, c.secretEnd)));
  return (start, end) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! > start;
  };
}
