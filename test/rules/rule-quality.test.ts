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
import { matchBound } from "../../src/detect/match-bound.js";
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
  // A YAML block scalar (`password: |`) has no marker but the name word either.
  "yaml-block-scalar-secret",
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
    // prose-password-intl: its labels (비밀번호, パスワード, 密码, пароль …) are not ASCII; it runs over the whole text.
    const unfiltered = builtinRules
      .filter((r) => r.id !== "prose-password-intl")
      .filter((r) => r.keywords.length === 0 || !r.keywords.every(isFilterableKeyword))
      .map((r) => r.id);
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

/**
 * Rules whose patterns do not prove that every match holds a keyword
 * (detect/match-bound.ts). They keep the 2 KiB reach around their keywords,
 * which then act as context (a vendor name, `curl`, `auths` nearby), and cost
 * more than a proven rule. A new rule must prove it (a literal run with a
 * keyword that every alternative goes through), or be listed here with the
 * reason; a listed rule that comes to prove it must leave the list.
 */
const KEYWORD_AS_CONTEXT: readonly string[] = [
  // Non-ASCII labels: no keyword the prefilter can look for; runs over the whole text.
  "prose-password-intl",
  // The keyword names the vendor or the tool around the value, not the value.
  "google-oauth-client-secret-legacy", // 24 characters near a client id
  "mailgun-signing-key",
  "asana-personal-access-token",
  "facebook-access-token",
  "ethereum-private-key",
  "connection-string-password",
  "curl-basic-auth",
  "curl-auth-header",
  "kubernetes-secret-manifest",
  // Names with optional separators whose every spelling is not a keyword
  // (`DD_API-KEY`, `ibm_cloud-iam_apikey`): the keyword set covers the usual ones.
  "azure-storage-account-key",
  "azure-devops-pat",
  "ibm-cloud-api-key",
  "ibm-cos-hmac-secret",
  "ibm-softlayer-api-key",
  "ibm-cloudant-credential",
  "oracle-cloud-auth-token",
  "cloudflare-api-token",
  "datadog-api-key",
  "datadog-app-key",
  "pagerduty-api-key",
  "pagerduty-integration-key",
  "nytimes-access-token",
  "gradle-plugin-portal-key",
  // Patterns looser than their keywords: the keywords are the real prefixes.
  "azure-ad-client-secret", // `\dQ~` after three characters
  "atlassian-data-center-pat", // base64 of three digits, the pattern allows more
  "slack-user-token", // `xoxp-` + digits: the hyphen is in the next group
];

describe("rule quality: keywords inside every match", () => {
  const unproven = builtinRules.filter((r) => !matchBound(r.regex, r.keywords, r.flags)?.keywordInside).map((r) => r.id);

  it("every rule proves that its matches hold a keyword, except the listed ones", () => {
    expect(unproven.filter((id) => !KEYWORD_AS_CONTEXT.includes(id))).toEqual([]);
  });

  it("no listed rule proves it (the list only shrinks)", () => {
    expect(KEYWORD_AS_CONTEXT.filter((id) => !unproven.includes(id))).toEqual([]);
  });
});
