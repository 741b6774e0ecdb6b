/**
 * Vendor prefixes (`sk_live_`, `ghp_`, `finta_`, `AKIA`): the fixed text a
 * rule's secret starts with. It names the kind of key and is not secret, so
 * redaction may show it. Derived from each rule's regex, not listed by hand:
 * the literal characters the secret part of the pattern must begin with, one
 * per top-level alternative (`(?<secret>hvs\.…|hvb\.…)` → `hvs.`, `hvb.`;
 * `(?:AKIA|ASIA)` → `AKIA`, `ASIA`). A rule whose secret starts with anything
 * else (a character class, a group that is not a plain list of words) has no
 * vendor prefix: generic rules never get one.
 */
import type { RuleSpec } from "../rules/types.js";

/** Shorter literals say nothing about the vendor (and `sk` is a quarter of some secrets). */
const MIN_PREFIX_CHARS = 3;
/** Longer fixed text is cut: a redacted form must stay short (baseline hints). */
export const MAX_PREFIX_CHARS = 24;

const META = new Set([..."()[]{}|*+?.^$\\"]);
const SIMPLE_ESCAPE = /^\\([-_.\/~:=@#&%!,;'"`<> ])/;

/** Index just after the `(` that opens the secret: the named group `secret`, group `secretGroup`, or the pattern start. */
function secretStart(source: string, secretGroup: number | undefined): number | undefined {
  const named = source.indexOf("(?<secret>");
  if (named >= 0) return named + "(?<secret>".length;
  if (secretGroup === undefined || secretGroup === 0) return 0;
  let group = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "[") {
      // Skip a character class: a `(` inside it opens nothing.
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
      continue;
    }
    if (c === "(" && source[i + 1] !== "?") {
      if (++group === secretGroup) return i + 1;
    } else if (c === "(" && source.startsWith("(?<", i) && !source.startsWith("(?<=", i) && !source.startsWith("(?<!", i)) {
      if (++group === secretGroup) return source.indexOf(">", i) + 1;
    }
  }
  return undefined;
}

/** Literal characters from `at` on (escapes of punctuation included), and where they stop. */
function literalRun(source: string, at: number): { text: string; end: number } {
  let text = "";
  let i = at;
  while (i < source.length) {
    const escaped = SIMPLE_ESCAPE.exec(source.slice(i, i + 2));
    if (escaped) {
      text += escaped[1];
      i += 2;
      continue;
    }
    const c = source[i]!;
    if (META.has(c)) break;
    text += c;
    i++;
  }
  // A quantifier after the last character makes it optional or repeated: not fixed.
  if (/^[*+?{]/.test(source.slice(i))) text = text.slice(0, -1);
  return { text, end: i };
}

/** The alternatives of the group whose body starts at `at` (split at top-level `|`), and the index after its `)`. */
function groupAlternatives(source: string, at: number): { alternatives: string[]; end: number } | undefined {
  const alternatives: string[] = [];
  let depth = 0;
  let from = at;
  for (let i = at; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
    } else if (c === "[") {
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
    } else if (c === "(") {
      depth++;
    } else if (c === ")") {
      if (depth === 0) {
        alternatives.push(source.slice(from, i));
        return { alternatives, end: i + 1 };
      }
      depth--;
    } else if (c === "|" && depth === 0) {
      alternatives.push(source.slice(from, i));
      from = i + 1;
    }
  }
  return undefined;
}

/** The fixed text each alternative of `body` must begin with ("" when one does not begin with fixed text). */
function headsOf(body: string): string[] {
  const split = groupAlternatives(body + ")", 0);
  if (!split) return [""];
  return split.alternatives.map((alternative) => {
    // `(?:AKIA|ASIA)…` at the head: a plain list of words.
    if (alternative.startsWith("(?:")) {
      const group = groupAlternatives(alternative, 3);
      if (!group || /[*+?{]/.test(alternative[group.end] ?? "")) return "";
      const rest = literalRun(alternative, group.end).text;
      // A word that is all literal continues with what follows the group; one
      // that is not (`A3T[A-Z0-9]`) ends at its literal part.
      // Different words: the prefix is the word the secret starts with; see prefixesOf.
      return group.alternatives
        .map((a) => {
          const word = literalRun(a, 0);
          return word.end === a.length ? word.text + rest : word.text;
        })
        .join("|");
    }
    return literalRun(alternative, 0).text;
  });
}

/** Every vendor prefix the rule's secret may start with (may be empty). */
export function prefixesOf(rule: Pick<RuleSpec, "regex" | "secretGroup">): string[] {
  const start = secretStart(rule.regex, rule.secretGroup);
  if (start === undefined) return [];
  let body = rule.regex.slice(start);
  if (start > 0) {
    const group = groupAlternatives(rule.regex, start);
    if (!group) return [];
    body = group.alternatives.join("|");
  } else {
    // The whole match: skip leading anchors and lookarounds, which match no text.
    for (;;) {
      const anchor = /^(?:\^|\\b|\\B)/.exec(body);
      if (anchor) {
        body = body.slice(anchor[0].length);
        continue;
      }
      if (/^\(\?(?:<[=!]|[=!])/.test(body)) {
        const group = groupAlternatives(body, body.indexOf(body.startsWith("(?<") ? "<" : "?") + 2);
        if (!group) return [];
        body = body.slice(group.end);
        continue;
      }
      break;
    }
  }
  const heads = headsOf(body).flatMap((h) => h.split("|"));
  if (heads.some((h) => h.length < MIN_PREFIX_CHARS)) return [];
  return [...new Set(heads.map((h) => h.slice(0, MAX_PREFIX_CHARS)))].sort((a, b) => b.length - a.length);
}

export interface VendorPrefixes {
  /** The vendor prefix `secret` (found by `ruleId`) starts with, or "" for none. */
  of(ruleId: string, secret: string): string;
}

const cache = new WeakMap<readonly RuleSpec[], VendorPrefixes>();

/** Prefixes of a rule set, derived once per set. */
export function vendorPrefixes(rules: readonly RuleSpec[]): VendorPrefixes {
  const known = cache.get(rules);
  if (known) return known;
  const byRule = new Map<string, { prefixes: string[]; ignoreCase: boolean }>();
  for (const rule of rules) {
    const prefixes = prefixesOf(rule);
    if (prefixes.length) byRule.set(rule.id, { prefixes, ignoreCase: rule.flags?.includes("i") ?? false });
  }
  const result: VendorPrefixes = {
    of(ruleId, secret) {
      const entry = byRule.get(ruleId);
      if (!entry) return "";
      const subject = entry.ignoreCase ? secret.toLowerCase() : secret;
      const hit = entry.prefixes.find((p) => subject.startsWith(entry.ignoreCase ? p.toLowerCase() : p));
      return hit === undefined ? "" : secret.slice(0, hit.length);
    },
  };
  cache.set(rules, result);
  return result;
}

/** No rule data (a value that no rule found): no prefix. */
export const NO_VENDOR_PREFIXES: VendorPrefixes = { of: () => "" };
