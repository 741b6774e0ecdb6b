/**
 * Keyword prefilter: one pass over the text decides which rules are worth
 * running. A rule runs when one of its keywords occurs (case-insensitively);
 * a rule without keywords always runs.
 */
import type { CompiledRule } from "./types.js";

function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

export class Prefilter {
  readonly #always: CompiledRule[];
  readonly #byKeyword = new Map<string, CompiledRule[]>();
  readonly #scanner: RegExp | undefined;
  /** keyword → itself and every other keyword it contains (found with it). */
  readonly #implied = new Map<string, string[]>();

  constructor(rules: readonly CompiledRule[]) {
    this.#always = rules.filter((r) => r.keywords.length === 0);
    for (const rule of rules) {
      for (const keyword of new Set(rule.keywords)) {
        let list = this.#byKeyword.get(keyword);
        if (!list) this.#byKeyword.set(keyword, (list = []));
        list.push(rule);
      }
    }
    const keywords = [...this.#byKeyword.keys()].sort((a, b) => b.length - a.length);
    // The alternation reports the longest keyword at a position; the shorter
    // ones it contains (`finta` in `finta_`) are present too.
    for (const k of keywords) this.#implied.set(k, keywords.filter((other) => k.includes(other)));
    // One case-insensitive alternation, longest first, so a keyword that is a
    // prefix of another cannot hide it at the same position.
    this.#scanner = keywords.length ? new RegExp(keywords.map(escapeRegex).join("|"), "gi") : undefined;
  }

  /** The rules to run on `text`, in their original relative order (by rule index). */
  select(text: string, order: ReadonlyMap<CompiledRule, number>): CompiledRule[] {
    const selected = new Set<CompiledRule>(this.#always);
    const scanner = this.#scanner;
    if (scanner) {
      const seen = new Set<string>();
      scanner.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = scanner.exec(text)) !== null) {
        const keyword = m[0].toLowerCase();
        if (seen.has(keyword)) continue;
        seen.add(keyword);
        for (const implied of this.#implied.get(keyword) ?? [keyword]) {
          seen.add(implied);
          for (const rule of this.#byKeyword.get(implied) ?? []) selected.add(rule);
        }
        if (seen.size === this.#byKeyword.size) break;
        // Resume one character on, so keywords overlapping this one are found too.
        scanner.lastIndex = m.index + 1;
      }
    }
    return [...selected].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }
}
