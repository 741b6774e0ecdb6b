import { describe, expect, it } from "vitest";
import { KeywordFilter, isFilterableKeyword } from "../../src/detect/keyword-filter.js";

/** keyword → positions, for the keywords that occur. */
function hits(filter: KeywordFilter, text: string): Record<string, number[]> {
  const { positions } = filter.findHits(text);
  const out: Record<string, number[]> = {};
  filter.keywords.forEach((k, i) => {
    if (positions[i]) out[k] = [...positions[i]];
  });
  return out;
}

describe("KeywordFilter.findHits", () => {
  const filter = new KeywordFilter(["finta", "finta_", "sk_live_", "bearer", "whsec_", "xoxb-"]);

  it.each([
    { name: "none present", text: "nothing to see here", expected: {} },
    { name: "case-insensitive", text: "FINTA_API_KEY=1", expected: { finta: [0], finta_: [0] } },
    { name: "a keyword inside another is found too", text: "my finta_ key", expected: { finta: [3], finta_: [3] } },
    { name: "overlapping keywords", text: "xoxb-sk_live_", expected: { "xoxb-": [0], sk_live_: [5] } },
    { name: "every occurrence, in order", text: "bearer x Bearer y BEARER", expected: { bearer: [0, 9, 18] } },
    { name: "keyword at the very end", text: "xx whsec_", expected: { whsec_: [3] } },
    { name: "truncated keyword at the end is not found", text: "xx whsec", expected: {} },
    { name: "non-ASCII neighbours (UTF-16 offsets)", text: "é𝒳finta✓", expected: { finta: [3] } },
    { name: "non-ASCII look-alike letters do not fold", text: "fİnta ﬁnta", expected: {} },
  ])("$name", ({ text, expected }) => {
    expect(hits(filter, text)).toEqual(expected);
  });

  it("only ASCII lower-case keywords of three or more characters are filterable", () => {
    expect(["abc", "sk_", "a-b", "ab", "Abc", "clé"].map(isFilterableKeyword)).toEqual([true, true, true, false, false, false]);
    expect(new KeywordFilter(["ab", "abc", "Abc"]).keywords).toEqual(["abc"]);
  });

  it("many keywords sharing prefixes and hash buckets are each verified in full", () => {
    const many = Array.from({ length: 2000 }, (_, i) => `kw${i.toString(36)}_`);
    const big = new KeywordFilter(many);
    const chosen = many.filter((_, i) => i % 7 === 0);
    const text = chosen.join(" ") + " kw_ kwzz";
    const found = hits(big, text);
    expect(Object.keys(found).sort()).toEqual([...chosen].sort());
    let at = 0;
    for (const k of chosen) {
      expect(found[k]).toEqual([at]);
      at += k.length + 1;
    }
  });
});

describe("KeywordFilter.findHits: encoded-string candidates", () => {
  const filter = new KeywordFilter(["abc"]);
  it.each([
    { name: "a base64 run mixing cases and digits", text: "x = aGVsbG8gd29ybGQgMTIzNDU2Nzg5MA==;", runs: [4, 34] },
    { name: "too short", text: "x = aGVsbG8gd29y1;", runs: [] },
    { name: "no digit: an identifier", text: "someVeryLongIdentifierNameHere", runs: [] },
    { name: "run at the end of the text", text: "k:QWxhZGRpbjpvcGVuIHNlc2FtZQ12", runs: [2, 30] },
    { name: "base64url alphabet", text: " eyJhbGciOiJIUzI1NiJ9-_abc ", runs: [1, 26] },
  ])("$name", ({ text, runs }) => {
    expect(filter.findHits(text).encodedRuns).toEqual(runs);
  });

  it("percent signs", () => {
    expect(filter.findHits("a%20b 100% %ZZ").percentSigns).toEqual([1, 9, 11]);
  });

  it("runs found by sampling are exactly those of a character-by-character walk, at every length and offset", () => {
    // The reference: every maximal run of base64 characters, kept when long and mixed.
    const reference = (text: string): number[] => {
      const out: number[] = [];
      for (const m of text.matchAll(/[A-Za-z0-9+/_-]+/g)) {
        const run = m[0];
        if (run.length >= 20 && /[a-z]/.test(run) && /[A-Z]/.test(run) && /[0-9]/.test(run)) out.push(m.index, m.index + run.length);
      }
      return out;
    };
    // Deterministic pseudo-random texts: runs of every length around the
    // sampling step, at every offset, separated by one or more other characters.
    let seed = 12345;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const runChars = "aZ9+/_-bY8";
    const otherChars = " .,:;\n\"'é%";
    for (let round = 0; round < 400; round++) {
      let text = "";
      while (text.length < 300) {
        const length = random(45);
        for (let i = 0; i < length; i++) text += runChars[random(runChars.length)];
        const gap = 1 + random(3);
        for (let i = 0; i < gap; i++) text += otherChars[random(otherChars.length)];
      }
      text = text.slice(random(7));
      expect(filter.findHits(text).encodedRuns).toEqual(reference(text));
    }
  });
});
