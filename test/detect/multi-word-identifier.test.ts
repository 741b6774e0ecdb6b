/**
 * The multi-word-identifier scanner gives exactly the verdicts of the regex it
 * replaced (which backtracks exponentially on a long lowercase run followed
 * by a character it cannot take), on a table of cases and on every short
 * string over the characters that matter. The regex is only run here on
 * inputs short enough to be cheap.
 */
import { describe, expect, it } from "vitest";
import { isMultiWordIdentifier } from "../../src/detect/multi-word-identifier.js";
import { isQuietValue } from "../../src/detect/word-likeness.js";

const OLD = /^[A-Za-z][a-z]*(?:[_-]?[A-Z]?[a-z]+){1,8}\d{0,2}$/;

describe("isMultiWordIdentifier", () => {
  it("agrees with the old regex on a table of identifiers and non-identifiers", () => {
    const cases: [string, boolean][] = [
      ["real_secret", true],
      ["db-password", true],
      ["TestSourcePassword", true],
      ["apiKey2", true],
      ["apiKey22", true],
      ["apiKey222", false],
      ["ab", true],
      ["a", false],
      ["A", false],
      ["a1", false],
      ["ab1c", false],
      ["a__b", false],
      ["a_B", false],
      ["a_Bc", true],
      ["aBC", false],
      ["a-", false],
      ["_ab", false],
      ["one_two_three_four_five_six_seven_eight", true],
      ["one_two_three_four_five_six_seven_eight_nine", true],
      ["a_b_c_d_e_f_g_h_i", true],
      ["a_b_c_d_e_f_g_h_i_j", false],
      ["aBcDeFgHiJkLmNoPqR", false],
      ["aBcDeFgHiJkLmNoPq", true],
      ["correcthorsebatterystaplecorrecthorse2024!", false],
      ["correcthorsebatterystaplecorrecthorse24", true],
      ["naïve_value", false],
    ];
    for (const [value, expected] of cases) {
      expect([value, isMultiWordIdentifier(value)]).toEqual([value, expected]);
      if (value.length <= 24) expect([value, OLD.test(value)]).toEqual([value, expected]);
    }
  });

  it("agrees with the old regex on every string of up to 7 characters over a, b, A, _, -, 1, !", () => {
    const alphabet = ["a", "b", "A", "_", "-", "1", "!"];
    let strings = [""];
    for (let length = 1; length <= 7; length++) {
      strings = strings.flatMap((s) => alphabet.map((c) => s + c));
      for (const s of strings) if (isMultiWordIdentifier(s) !== OLD.test(s)) expect(s).toBe(`verdict ${OLD.test(s)}`);
    }
  });

  it("decides the issue's passphrase (and longer ones) with the verdicts the regex gave", () => {
    // The regex's verdict on these is known from its definition: `!` and a 4-digit year cannot close it.
    const phrase = "correcthorsebatterystaplecorrecthorse";
    expect(isMultiWordIdentifier(phrase + "2024!")).toBe(false);
    expect(isMultiWordIdentifier(phrase.repeat(100) + "!")).toBe(false);
    expect(isMultiWordIdentifier(phrase.repeat(100))).toBe(true);
    // The password filter: the passphrase is reportable, the multi-word identifier is quiet.
    expect(isQuietValue(phrase + "2024!", "password")).toBe(false);
    expect(isQuietValue("TestSourcePassword", "password")).toBe(true);
  });
});
