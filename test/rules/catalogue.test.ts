/**
 * The one harness for every built-in rule (src/rules/finta.ts and
 * src/rules/catalogue/): what the registry promises about each rule, and
 * each rule's own examples run through the real engine with the whole rule
 * set, so an example also proves that no other rule steals or doubles it.
 *
 * A positive example says where its secret sits (`withSecret`, see
 * src/rules/examples.ts); the expected finding never comes from the rule
 * under test.
 */
import { describe, expect, it } from "vitest";
import { MAX_MATCH_CHARS } from "../../src/detect/compile.js";
import { DetectionEngine } from "../../src/detect/engine.js";
import { isFilterableKeyword } from "../../src/detect/keyword-filter.js";
import { matchBound } from "../../src/detect/match-bound.js";
import { SEVERITIES } from "../../src/findings/severity.js";
import { builtinRules } from "../../src/rules/index.js";
import type { PositiveExample } from "../../src/rules/types.js";
import { scanString } from "../../src/scan/stream-scanner.js";

const engine = DetectionEngine.fromSpecs(builtinRules);

/**
 * Rules without a `docsUrl`: formats rather than providers (a PEM key, a
 * connection string, curl flags, generic names), with no issuer's page to
 * link, and Amazon MWS, which Amazon retired for the Selling Partner API.
 */
// Rules whose keywords are not ASCII (prose labels in Korean, Japanese,
// Chinese, Russian, Polish): the keyword prefilter cannot look for them, so
// they run over the whole text, starting at a literal alternation.
const WHOLE_TEXT: readonly string[] = ["prose-password-intl"];

const WITHOUT_DOCS_URL: readonly string[] = [
  "aws-mws-key",
  "private-key",
  "database-connection-string",
  "basic-auth-url",
  "connection-string-password",
  "curl-basic-auth",
  "curl-auth-header",
  "generic-secret",
  "generic-password",
  "generic-secret-comparison",
  "generic-xml-secret",
  "generic-cli-password",
];

/**
 * Multi-line rules (PEM and PGP blocks) may read a little past
 * MAX_MATCH_CHARS: their bound counts the look-arounds at both ends of a
 * 16 KiB body, which the engine's multi-line reach covers.
 */
const MULTILINE_SLACK = 512;

/** 1-based line and column just after `value`, when it starts at `line`:`column`. */
function endOf(line: number, column: number, value: string): { endLine: number; endColumn: number } {
  let endLine = line;
  let endColumn = column;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 10 || (c === 13 && value.charCodeAt(i + 1) !== 10)) {
      endLine++;
      endColumn = 1;
    } else {
      endColumn++;
    }
  }
  return { endLine, endColumn };
}

/** The text at 1-based `line`:`column`, `length` characters long (lines split at LF, CRLF or CR). */
function textAt(text: string, line: number, column: number, length: number): string {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const lf = text.indexOf("\n", offset);
    const cr = text.indexOf("\r", offset);
    const next = cr !== -1 && (lf === -1 || cr < lf) ? cr + (text[cr + 1] === "\n" ? 2 : 1) : lf + 1;
    if (next === 0) return "";
    offset = next;
  }
  return text.slice(offset + column - 1, offset + column - 1 + length);
}

const positives = builtinRules.flatMap((rule) => (rule.examples?.positive ?? []).map((example, i) => [rule.id, i, example] as const));
const negatives = builtinRules.flatMap((rule) => (rule.examples?.negative ?? []).map((example, i) => [rule.id, i, example] as const));

describe("built-in rules: registry", () => {
  it("has unique ids, in kebab case", () => {
    const ids = builtinRules.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))).toEqual([]);
  });

  it("lists exactly the rules without a docsUrl that have a reason to", () => {
    expect(builtinRules.filter((r) => r.docsUrl === undefined).map((r) => r.id)).toEqual(WITHOUT_DOCS_URL);
  });

  it.each(builtinRules.map((r) => [r.id, r] as const))("%s: metadata, keywords, examples, a bounded regex", (id, rule) => {
    expect(rule.description.trim().length).toBeGreaterThan(10);
    expect(rule.provider?.trim()).toBeTruthy();
    expect(SEVERITIES).toContain(rule.severity);
    expect(rule.remediation.trim().length).toBeGreaterThan(20);
    if (!WITHOUT_DOCS_URL.includes(id)) expect(rule.docsUrl).toMatch(/^https:\/\/\S+$/);
    // The keyword prefilter only looks for ASCII lower-case literals of three or more characters.
    expect(rule.keywords.length).toBeGreaterThan(0);
    // (Except rules whose labels are not ASCII, which run over the whole text.)
    if (!WHOLE_TEXT.includes(id)) expect(rule.keywords.filter((k) => !isFilterableKeyword(k))).toEqual([]);
    expect(rule.examples?.positive.length ?? 0).toBeGreaterThan(0);
    expect(rule.examples?.negative.length ?? 0).toBeGreaterThan(0);
    // Every quantifier bounded: the regex proves how far one match can read.
    const bound = matchBound(rule.regex, rule.keywords, rule.flags);
    expect(bound, "an unbounded quantifier (*, +, {n,}) or a construct match-bound does not read").toBeDefined();
    expect(bound?.bound ?? Infinity).toBeLessThanOrEqual(MAX_MATCH_CHARS + (rule.multiline ? MULTILINE_SLACK : 0));
  });
});

describe("built-in rules: positive examples", () => {
  it.each(positives)("%s positive #%i is one finding, by its rule, at its secret", (ruleId, _i, example: PositiveExample) => {
    const { line, column, value } = example.secret;
    // The example is consistent: its text holds the secret where it says.
    expect(textAt(example.text, line, column, value.length)).toBe(value);
    const findings = scanString(engine, example.text).map((f) => ({
      ruleId: f.ruleId,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      secret: f.secret,
    }));
    expect(findings).toEqual([{ ruleId, line, column, ...endOf(line, column, value), secret: value }]);
  });
});

describe("built-in rules: negative examples", () => {
  it.each(negatives)("%s negative #%i is silent", (_ruleId, _i, example) => {
    // A published example credential (AWS's documentation key) is an info note with its source
    // (rules/public-examples.ts), not a finding of the rule.
    const findings = scanString(engine, example).filter((f) => f.publicExample === undefined);
    expect(findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`)).toEqual([]);
  });
});
