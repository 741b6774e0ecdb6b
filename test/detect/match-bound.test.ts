import { describe, expect, it } from "vitest";
import { regionShape } from "../../src/detect/compile.js";
import { DetectionEngine } from "../../src/detect/engine.js";
import { matchBound, usesLineAnchors } from "../../src/detect/match-bound.js";
import { DEFAULT_REACH } from "../../src/detect/regions.js";
import { builtinRules } from "../../src/rules/index.js";
import type { RuleSpec } from "../../src/rules/types.js";

describe("matchBound: how much text a match attempt reads", () => {
  it.each([
    { source: "abc", bound: 3 },
    { source: "a{2,5}b?", bound: 6 },
    { source: "(?:ab|cdef)x", bound: 5 },
    { source: "(?<![A-Z])k[0-9]{4}(?![a-z])", bound: 7 }, // lookarounds count what they look at
    { source: "\\bkey\\b", bound: 5 },
    { source: "(?<q>[\"'])k{3}\\k<q>", bound: 5 },
    { source: "([ab]{2})x\\1", bound: 5 },
    { source: "^key$", bound: 3 },
    { source: "a{2}{", bound: 3 }, // a brace that is no quantifier is a character
    { source: "[[]k", bound: 2 }, // `[` inside a class is literal without the v flag
  ])("$source reads at most $bound", ({ source, bound }) => {
    expect(matchBound(source, ["k"])?.bound).toBe(bound);
  });

  it("counts two code units per character with the u or v flag", () => {
    expect(matchBound("k.[a-z]", ["k"], "u")?.bound).toBe(5); // a literal is one unit in the source as in the text
    expect(matchBound("k\\p{L}", ["k"])?.bound).toBe(3);
  });

  it.each(["k+", "k*", "k{2,}", "(k", "k)", "\\k<nope>", "*k"])("%s is unbounded or not understood: no claim", (source) => {
    expect(matchBound(source, ["k"])).toBeUndefined();
  });
});

describe("matchBound: does every match hold a keyword?", () => {
  it.each([
    { source: "token=[a-z]{8}", keywords: ["token"], inside: true },
    { source: "[Tt][Oo][Kk][Ee][Nn]=x", keywords: ["token"], inside: true },
    { source: "(?:AKIA|ASIA)[A-Z0-9]{16}", keywords: ["akia", "asia"], inside: true },
    { source: "(?:AKIA|ABCD)[A-Z0-9]{16}", keywords: ["akia"], inside: false }, // one alternative has none
    { source: "S[UA]A[A-B][A-Z]{4}", keywords: ["suaa", "suab", "saaa", "saab"], inside: true }, // small classes expand
    { source: "S[UA]A[A-B][A-Z]{4}", keywords: ["suaa", "suab", "saaa"], inside: false },
    { source: "(?<=api_key=)[a-f0-9]{32}", keywords: ["api_key"], inside: true }, // a positive lookbehind is read
    { source: "(?<!api_key=)[a-f0-9]{32}", keywords: ["api_key"], inside: false },
    { source: "tok(?:en)?=x", keywords: ["token"], inside: false }, // "tok=x" matches without the keyword
    { source: "pass(?:word)?=x", keywords: ["pass"], inside: true },
    { source: "[a-f0-9]{32}-[a-f0-9]{8}", keywords: ["mailgun"], inside: false }, // a context keyword
    { source: "x(?:key){2}", keywords: ["key"], inside: true },
    { source: "x(?:key)?y", keywords: ["key"], inside: false },
    { source: "message[_-]?bird=x", keywords: ["messagebird", "message_bird", "message-bird"], inside: true }, // optional pieces expand
    { source: "message[_-]?bird=x", keywords: ["messagebird", "message_bird"], inside: false },
    { source: "SK[0-9a-fA-F]{32}", keywords: Array.from({ length: 256 }, (_, i) => `sk${i.toString(16).padStart(2, "0")}`), inside: true }, // mandatory copies expand
  ])("$source with $keywords: $inside", ({ source, keywords, inside }) => {
    expect(matchBound(source, keywords)?.keywordInside).toBe(inside);
  });
});

describe("usesLineAnchors", () => {
  it.each([
    ["^key", true],
    ["key(?=\\s|$)", true],
    ["[^a]key", false],
    ["key\\$", false],
    ["[$^]key", false],
  ] as const)("%s → %s", (source, expected) => {
    expect(usesLineAnchors(source)).toBe(expected);
  });
});

describe("regionShape", () => {
  const spec = (over: Partial<RuleSpec>): RuleSpec => ({ id: "t", description: "t", severity: "high", keywords: ["token"], regex: "token=(?<secret>[a-z]{8})", remediation: "r", ...over });

  it("a proven bound becomes the reach, with no line widening", () => {
    expect(regionShape(spec({ regex: "[a-z_]{0,100}token=(?<secret>[a-z]{8})" }))).toEqual({ reach: 114, wholeLines: false });
  });
  it("line anchors keep line widening (and anchored attempts read them as line ends)", () => {
    expect(regionShape(spec({ regex: "^token=(?<secret>[a-z]{8})$" }))).toEqual({ reach: 14, wholeLines: true, lead: 0 });
  });
  it("context keywords and unbounded patterns keep the default reach", () => {
    expect(regionShape(spec({ keywords: ["vendor"] }))).toEqual({ reach: DEFAULT_REACH, wholeLines: true });
    expect(regionShape(spec({ regex: "token=(?<secret>[a-z]+)" }))).toEqual({ reach: DEFAULT_REACH, wholeLines: true });
  });
  it("a bound longer than the default is capped, and then not exact", () => {
    expect(regionShape(spec({ regex: "token=(?<secret>[a-z]{3000})" }))).toEqual({ reach: DEFAULT_REACH, wholeLines: true });
  });
  it("a spec carrying its shape (the bundled built-ins) is taken as it is", () => {
    expect(regionShape(spec({ regionShape: { reach: 99, wholeLines: true } }))).toEqual({ reach: 99, wholeLines: true });
  });
  it("a match that starts at most a few characters before its keyword is anchored", () => {
    expect(regionShape(spec({ regex: "(?<![a-z])token=(?<secret>[a-z]{8})" }))).toEqual({ reach: 15, wholeLines: false, lead: 0 });
    expect(regionShape(spec({ regex: "[a-z_]{0,10}token=(?<secret>[a-z]{8})" }))).toEqual({ reach: 24, wholeLines: false, lead: 10 });
    // A keyword proven only by a lookbehind may precede the match: no anchoring.
    expect(regionShape(spec({ regex: "(?<=token=)(?<secret>[a-z]{8})" })).lead).toBeUndefined();
  });
});

describe("tight regions and anchored attempts find exactly what whole-text scanning finds", () => {
  // The same rules with a reach past any example's length: regions then cover whole examples.
  // `^`/`$` meet at line ends on line-widened regions: the whole-text reference reads them so (`m`).
  const lineFlags = (r: RuleSpec): string => (usesLineAnchors(r.regex, r.flags) && !(r.flags ?? "").includes("m") ? `${r.flags ?? ""}m` : (r.flags ?? ""));
  const wide = DetectionEngine.fromSpecs(builtinRules.map((r) => ({ ...r, flags: lineFlags(r), regionShape: { reach: 1 << 20, wholeLines: true } })));
  const tight = DetectionEngine.fromSpecs(builtinRules);
  const examples = builtinRules.flatMap((r) => [...(r.examples?.positive ?? []).map((p) => p.text), ...(r.examples?.negative ?? [])].map((text) => [r.id, text] as const));

  it("most built-in rules get a proven, tighter reach", () => {
    const tightened = builtinRules.filter((r) => regionShape(r).reach < DEFAULT_REACH);
    expect(tightened.length).toBeGreaterThan(builtinRules.length * 0.75);
  });

  it.each(examples)("%s example", (_id, text) => {
    // Padding puts the keyword far from the text's ends, as in a real file.
    const padded = `${"filler line\n".repeat(300)}${text}\n${"filler line\n".repeat(300)}`;
    const strip = (cs: ReturnType<DetectionEngine["detect"]>) => cs.map((c) => [c.ruleId, c.secretStart, c.secretEnd]);
    expect(strip(tight.detect(padded))).toEqual(strip(wide.detect(padded)));
  });
});
