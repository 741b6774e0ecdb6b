/**
 * Finds candidate secrets in one piece of text.
 *
 * Owns: keyword prefilter, regex, secret group, entropy, placeholder filter,
 * per-rule content allowlists, context (requirements and promotion), overlap.
 * Must not: read files, spawn git, consult path/global allowlists or the
 * baseline, compute line numbers, print.
 */
import type { RuleSpec } from "../rules/types.js";
import { compileRules } from "./compile.js";
import { contextBounds, enclosingKeys, lineEndOf, lineStartOf, nearbyText } from "./context.js";
import { isHex, shannonEntropy } from "./entropy.js";
import { resolveOverlaps } from "./overlap.js";
import { isPlaceholder } from "./placeholder.js";
import { isQuietValue } from "./word-likeness.js";
import { Prefilter } from "./prefilter.js";
import type { Candidate, CompiledRule } from "./types.js";

/** No match may be longer than this; rules keep their quantifiers bounded. */
export const MAX_MATCH_CHARS = 16384;

export interface DetectRange {
  /** Only candidates whose secret starts in [ownStart, ownEnd) are returned. */
  readonly ownStart: number;
  readonly ownEnd: number;
}

export class DetectionEngine {
  readonly rules: readonly CompiledRule[];
  readonly #prefilter: Prefilter;
  readonly #order = new Map<CompiledRule, number>();
  readonly #orderById = new Map<string, number>();
  readonly #specificity = new Map<string, number>();

  constructor(rules: readonly CompiledRule[]) {
    this.rules = rules;
    rules.forEach((rule, i) => {
      this.#order.set(rule, i);
      this.#orderById.set(rule.id, i);
      this.#specificity.set(rule.id, rule.specificity);
    });
    this.#prefilter = new Prefilter(rules);
  }

  static fromSpecs(specs: readonly RuleSpec[]): DetectionEngine {
    return new DetectionEngine(compileRules(specs));
  }

  /** A copy of this engine limited to the rules `keep` accepts (e.g. per-path allowlists). */
  restrictTo(keep: (rule: CompiledRule) => boolean): DetectionEngine {
    const rules = this.rules.filter(keep);
    return rules.length === this.rules.length ? this : new DetectionEngine(rules);
  }

  detect(text: string, range: DetectRange = { ownStart: 0, ownEnd: text.length }): Candidate[] {
    const found: Candidate[] = [];
    for (const rule of this.#prefilter.select(text, this.#order)) {
      this.#runRule(rule, text, range, found);
    }
    return resolveOverlaps(
      found,
      (id) => this.#specificity.get(id) ?? 0,
      (id) => this.#orderById.get(id) ?? Number.MAX_SAFE_INTEGER,
    ).filter((c) => c.secretStart >= range.ownStart && c.secretStart < range.ownEnd);
  }

  #runRule(rule: CompiledRule, text: string, range: DetectRange, out: Candidate[]): void {
    const regex = rule.regex;
    regex.lastIndex = 0;
    // Candidates that start before the owned range still take part in overlap
    // resolution, so windows agree on who wins; look back MAX_MATCH_CHARS at most.
    const from = Math.max(0, range.ownStart - MAX_MATCH_CHARS);
    regex.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(text)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) regex.lastIndex++;
      if (start >= range.ownEnd + MAX_MATCH_CHARS) break;
      const span = typeof rule.secretGroup === "string" ? m.indices?.groups?.[rule.secretGroup] : m.indices?.[rule.secretGroup];
      if (!span) continue;
      const [secretStart, secretEnd] = span;
      if (secretEnd <= secretStart) continue;
      const candidate = this.#accept(rule, text, start, end, secretStart, secretEnd);
      if (candidate) out.push(candidate);
    }
  }

  #accept(rule: CompiledRule, text: string, start: number, end: number, secretStart: number, secretEnd: number): Candidate | undefined {
    const secret = text.slice(secretStart, secretEnd);
    const entropy = shannonEntropy(secret);
    const spec = rule.spec;
    if (spec.entropy !== undefined) {
      const min = spec.entropyHex !== undefined && isHex(secret) ? spec.entropyHex : spec.entropy;
      if (entropy < min) return undefined;
    }
    if (spec.placeholderFilter !== false && isPlaceholder(secret)) return undefined;
    if (spec.wordFilter && isQuietValue(secret, spec.wordFilter === "password" ? "password" : "value")) return undefined;
    if (rule.stopwords.length) {
      const lower = secret.toLowerCase();
      if (rule.stopwords.some((w) => lower.includes(w))) return undefined;
    }
    const bounds = contextBounds(text, secretStart, secretEnd);
    if (rule.allowRegexes.length) {
      const target =
        rule.allowTarget === "secret"
          ? secret
          : rule.allowTarget === "match"
            ? text.slice(start, end)
            : text.slice(lineStartOf(text, secretStart, bounds.floor), lineEndOf(text, secretEnd, bounds.ceil));
      if (rule.allowRegexes.some((r) => r.test(target))) return undefined;
    }
    if (rule.requires) {
      const near = nearbyText(text, secretStart, secretEnd, rule.requires.lines, bounds);
      if (!rule.requires.near.test(near)) return undefined;
    }
    let ruleId = rule.id;
    let severity = rule.severity;
    for (const p of rule.promote) {
      const onLine = p.line ? p.line.test(nearbyText(text, secretStart, secretEnd, 0, bounds)) : false;
      const underKey = p.parentKey ? enclosingKeys(text, secretStart, bounds).includes(p.parentKey) : false;
      if (onLine || underKey) {
        ruleId = p.to;
        severity = p.severity;
        break;
      }
    }
    return { ruleId, severity, start, end, secretStart, secretEnd, secret, entropy };
  }
}
