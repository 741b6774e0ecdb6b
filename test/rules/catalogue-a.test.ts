/**
 * Catalogue part A (cloud, source hosting, keys and tokens, generic): every
 * rule's own examples, run through the real engine with the whole built-in
 * rule set, so an example also proves that no other rule steals or doubles it.
 */
import { describe, expect, it } from "vitest";
import { DetectionEngine } from "../../src/detect/engine.js";
import { isQuietValue, quietReason, wordLikeness } from "../../src/detect/word-likeness.js";
import { cloudRules } from "../../src/rules/catalogue/cloud.js";
import { genericRules } from "../../src/rules/catalogue/generic.js";
import { keysAndTokensRules } from "../../src/rules/catalogue/keys-and-tokens.js";
import { sourceHostingRules } from "../../src/rules/catalogue/source-hosting.js";
import { fakeToken, secretSpanOf } from "../../src/rules/examples.js";
import { builtinRules } from "../../src/rules/index.js";
import type { RuleSpec } from "../../src/rules/types.js";
import { scanString } from "../../src/scan/stream-scanner.js";

const partA: readonly RuleSpec[] = [...cloudRules, ...sourceHostingRules, ...keysAndTokensRules, ...genericRules];
const engine = DetectionEngine.fromSpecs(builtinRules);

/** 1-based line and UTF-16 column of `offset`, counting LF, CRLF and CR as line ends. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offsets of `+`, `*` or `{n,}` outside character classes and escapes. */
function unboundedQuantifiers(source: string): number[] {
  const found: number[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "+" || c === "*") found.push(i);
    else if (c === "{" && /^\{\d+,\}/.test(source.slice(i))) found.push(i);
  }
  return found;
}

const positives = partA.flatMap((rule) => (rule.examples?.positive ?? []).map((example, i) => [rule.id, i, example] as const));
const negatives = partA.flatMap((rule) => (rule.examples?.negative ?? []).map((example, i) => [rule.id, i, example] as const));

describe("catalogue part A: rule data", () => {
  it("registers every part-A rule in the built-in registry", () => {
    const ids = new Set(builtinRules.map((r) => r.id));
    expect(partA.map((r) => r.id).filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each(partA.map((r) => [r.id, r] as const))("%s has examples, keywords, remediation and a provider", (_id, rule) => {
    expect(rule.examples?.positive.length ?? 0).toBeGreaterThan(0);
    expect(rule.examples?.negative.length ?? 0).toBeGreaterThan(0);
    expect(rule.keywords.length).toBeGreaterThan(0);
    expect(rule.keywords.every((k) => k === k.toLowerCase())).toBe(true);
    expect(rule.remediation.length).toBeGreaterThan(20);
    expect(rule.provider).toBeTruthy();
    // Unbounded quantifiers could run past the engine's 16 KiB match bound.
    expect(unboundedQuantifiers(rule.regex)).toEqual([]);
  });

  it("has unique ids", () => {
    const ids = builtinRules.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe("catalogue part A: positive examples", () => {
  it.each(positives)("%s positive #%i is one finding at the secret", (ruleId, _i, example) => {
    const span = secretSpanOf(example);
    expect(span, "positive examples are built with withSecret()").toBeDefined();
    if (!span) return;
    const start = position(example, span.start);
    const end = position(example, span.end);
    const findings = scanString(engine, example).map((f) => ({
      ruleId: f.ruleId,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      secret: f.secret,
    }));
    expect(findings).toEqual([
      {
        ruleId,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        secret: example.slice(span.start, span.end),
      },
    ]);
  });
});

describe("catalogue part A: negative examples", () => {
  it.each(negatives)("%s negative #%i yields nothing", (_ruleId, _i, example) => {
    // Published example credentials (AWS's documentation key) are info notes, not findings (rules/public-examples.ts).
    const findings = scanString(engine, example).filter((f) => f.publicExample === undefined);
    expect(findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`)).toEqual([]);
  });
});

describe("word-likeness filter", () => {
  it.each([
    ["SalesResults-1.2", "words"],
    ["this is just a long string, like a user facing error message", "prose"],
    ["env/cert.p12", "path"],
    ["/tmp/app.keytab", "path"],
    ["https://vault.example.com/v1/secret", "url"],
    ["rc0.13.0_20230412_0712-SNAPSHOT", "version"],
    ["sha512-" + fakeToken("", 86, "base64", "wl-sri") + "==", "content-hash"],
    ["${API_TOKEN}", "template"],
    ["{{ .Values.password }}", "template"],
    ["process.env.API_TOKEN", "reference"],
    ["X25519.secret_length", "member-access"],
    ["james.fake@ymail.com", "email"],
    ["0x31c45018", "number"],
    ["ZHVtbXkgdGV4dCBkYXRhIGRhdGEgZGF0YQ==", "encoded-text"],
    [`${fakeToken("", 8, "hex", "wl-uuid-a")}-46da-4fdb-b8d5-${fakeToken("", 12, "hex", "wl-uuid-b")}`, "uuid"],
    [`EXAMPLE1-90ab-cdef-fedc-${fakeToken("", 12, "alnum", "wl-sample")}`, "sample"],
    [`mysql://app:${fakeToken("", 12, "alnum", "wl-url")}@db.internal/app`, "url-with-credentials"],
  ])("%s is quiet (%s)", (value, reason) => {
    expect(quietReason(value)).toBe(reason);
  });

  it.each([
    fakeToken("", 32, "alnum", "wl-1"),
    fakeToken("", 40, "hex", "wl-2"),
    fakeToken("", 44, "base64url", "wl-3"),
    fakeToken("", 22, "lowerAlnum", "wl-4"),
  ])("random value %s is not quiet", (value) => {
    expect(quietReason(value)).toBeUndefined();
    expect(wordLikeness(value)).toBeLessThan(0.5);
  });

  it.each([
    ["rootpasswd", false],
    ["cackle!", false],
    ["real_secret", true],
    ["somefakekey", true],
    ["TestSourcePassword", true],
    ["password", true],
    ["m{{h}o)p${e]nob(ody[finds>-_$#thisone}}", false],
    ["${DB_PASSWORD}", true],
  ])("password %s quiet: %s", (value, quiet) => {
    expect(isQuietValue(value, "password")).toBe(quiet);
  });

  it.each([
    ["m{{h}o)p${e]nob(ody[finds>-_$#thisone}}", undefined, false],
    ["previousKey)", "key !== previousKey)", true],
    ["objectAllocator.getTokenConstructor()))(", "TokenConstructor = objectAllocator.getTokenConstructor()))(", true],
    ["{self._key!r}", "key={self._key!r}", true],
    ["id-Gost28147-89-None-KeyMeshing", 'SN_id_Gost28147_89_None_KeyMeshing = "id-Gost28147-89-None-KeyMeshing', true],
    [fakeToken("", 32, "alnum", "wl-ctx"), "api_key = ", false],
  ])("value %s in %s quiet: %s", (value, context, quiet) => {
    expect(isQuietValue(value, "value", context === undefined ? undefined : context + (context.endsWith(value) ? "" : value))).toBe(quiet);
  });
});
