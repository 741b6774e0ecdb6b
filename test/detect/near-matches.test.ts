/**
 * NearMatches answers "does the pattern match inside text[from, to)?" from
 * one whole-text search: its answers equal a search of the slice itself, and
 * patterns whose matches depend on what surrounds them are left to that search.
 */
import { describe, expect, it } from "vitest";
import { NearMatches } from "../../src/detect/near-matches.js";

describe("NearMatches", () => {
  it("gives the slice search's verdict on every span of a text", () => {
    const near = /(?:Server|Host|Uid)\s*=|jdbc:/i;
    const text = "pwd= x; Server = a; host=b jdbc: uid\n=c Serv er= jdbc pwd= HOST  =";
    const index = new NearMatches(text, near);
    for (let from = 0; from <= text.length; from++) {
      for (let to = from; to <= text.length; to++) {
        const verdict = index.verdict(from, to) ?? near.test(text.slice(from, to));
        if (verdict !== near.test(text.slice(from, to))) expect([from, to, verdict]).toEqual([from, to, !verdict]);
      }
    }
  });

  it("applies only to patterns without anchors, word boundaries, lookaround, backreferences or empty matches", () => {
    expect([/jdbc:|odbc:/i, /"type"\s*:\s*"service_account"/, /[$^]x/].map(NearMatches.applies)).toEqual([true, true, true]);
    expect([/^\[pypi\]/m, /\bcurl\b/, /a(?=b)/, /(?<!x)a/, /(a)\1/, /x*/, /a$/].map(NearMatches.applies)).toEqual([false, false, false, false, false, false, false]);
  });
});
