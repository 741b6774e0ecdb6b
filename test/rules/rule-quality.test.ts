/**
 * What keeps the catalogue fast: every built-in rule can be prefiltered by a
 * keyword, and its keywords are rare in ordinary code.
 *
 * The engine runs a rule's regex only around its keywords' occurrences
 * (detect/regions.ts), so a rule costs in proportion to how often its
 * keywords occur; a rule without a filterable keyword runs over every byte of
 * every file. The reference text is TypeScript's own compiler
 * (`typescript/lib/typescript.js`, 9 MB of real code, a devDependency, so it
 * is there in every test run). Counting keywords is deterministic: this is
 * not a timed test.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { KeywordFilter, isFilterableKeyword } from "../../src/detect/keyword-filter.js";
import { builtinRules } from "../../src/rules/index.js";

const reference = readFileSync(createRequire(import.meta.url).resolve("typescript/lib/typescript.js"), "utf8");
const megabytes = reference.length / 1e6;

/**
 * Bound on a rule's keyword occurrences per MB of the reference. Each
 * occurrence makes the rule's regex run over a region of up to ±2 KiB
 * (widened to whole lines), so 10 per MB keeps any one rule to at most ~4% of
 * the text; a vendor prefix or name (`sk_live_`, `npm_`, `sentry`) is far
 * rarer (most rules: 0 per MB, the most frequent specific ones 5–8 per MB).
 */
const MAX_PER_MB = 10;

/**
 * Rules whose every literal is a common fragment of code, each for a reason of
 * its format, not of its authors: they are allowed over the bound.
 */
const FREQUENT_BY_DESIGN: readonly string[] = [
  // Generic rules: they look for values assigned to names that say key,
  // token, secret or password, which code says everywhere. Their regexes
  // start with those words so V8 skips ahead (see catalogue/generic.ts).
  "generic-secret",
  "generic-secret-comparison",
  "generic-xml-secret",
  "generic-cli-password",
  // A legacy Vault token's only literal is `s.`; it is reported under a
  // `vault` or `token` name, and `token` is as common as for the generics.
  "hashicorp-vault-legacy-token",
  // The base64 of a numeric id: its first four characters are all the format
  // fixes, and case-folded they include `ndex`, `ntex` (index, context).
  "discord-bot-token",
  // The same for a Jira/Confluence Data Center token: base64 of a 12-digit
  // id, so its first group is one of the 1,000 encodings of three digits.
  "atlassian-data-center-pat",
  // `pat` + 14 characters: the three-letter prefix is the only literal.
  "airtable-personal-access-token",
  // `S` + type + `A` + A–P: case-folded, `scan`, `scal`, `snap`.
  "nats-nkey-seed",
  // A 24-character value with no prefix, known only by the name `etsy`,
  // which is inside every `getSymbol`.
  "etsy-access-token",
];

const filter = new KeywordFilter(builtinRules.flatMap((r) => r.keywords));
const hits = filter.findHits(reference);
const countOf = new Map(filter.keywords.map((k, i) => [k, hits.positions[i]?.length ?? 0] as const));

function perMegabyte(keywords: readonly string[]): number {
  return keywords.reduce((sum, k) => sum + (countOf.get(k) ?? 0), 0) / megabytes;
}

describe("rule quality: keywords", () => {
  it("every built-in rule has keywords, all of them filterable (ASCII, lower case, at least 3 characters)", () => {
    const unfiltered = builtinRules.filter((r) => r.keywords.length === 0 || !r.keywords.every(isFilterableKeyword)).map((r) => r.id);
    expect(unfiltered).toEqual([]);
  });

  it(`no rule's keywords occur more than ${MAX_PER_MB} times per MB of real code, except the listed ones`, () => {
    const frequent = builtinRules
      .filter((r) => !FREQUENT_BY_DESIGN.includes(r.id) && perMegabyte(r.keywords) > MAX_PER_MB)
      .map((r) => `${r.id}: ${perMegabyte(r.keywords).toFixed(1)}/MB`);
    expect(frequent).toEqual([]);
  });

  it.each(FREQUENT_BY_DESIGN.map((id) => [id] as const))("%s is a built-in rule that still needs its exemption", (id) => {
    const rule = builtinRules.find((r) => r.id === id);
    expect(rule?.id).toBe(id);
    expect(perMegabyte(rule?.keywords ?? [])).toBeGreaterThan(MAX_PER_MB);
  });
});
