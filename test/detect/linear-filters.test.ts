/**
 * Every built-in filter and helper that judges a value (word-likeness,
 * placeholders, entropy, multi-word identifiers, decoding) finishes on its
 * worst inputs: long runs of each character class, and of pairs of classes,
 * followed by a character that makes the pattern fail, which is where nested
 * or adjacent quantifiers over the same characters backtrack without end.
 * Not a timing test: each call runs under a generous deadline (scan/deadline.ts,
 * the scanner's own mechanism) that only a super-linear pattern can reach at
 * these lengths; the test then names the call that did.
 */
import { describe, expect, it } from "vitest";
import { findEncodedRuns } from "../../src/detect/decode.js";
import { shannonEntropy, looksRandom } from "../../src/detect/entropy.js";
import { KeywordFilter } from "../../src/detect/keyword-filter.js";
import { isMultiWordIdentifier } from "../../src/detect/multi-word-identifier.js";
import { isPlaceholder, keyBody } from "../../src/detect/placeholder.js";
import { isCodeExpression, isQuietValue, letterRuns, quietReason, wordLikeness } from "../../src/detect/word-likeness.js";
import { DeadlineExceeded, withDeadline } from "../../src/scan/deadline.js";
import { activity } from "../../src/detect/activity.js";
import { DetectionEngine } from "../../src/detect/engine.js";
import { builtinRules } from "../../src/rules/index.js";

/** Long enough that a quadratic pattern needs billions of steps, a linear one a millisecond. */
const LENGTH = 50_000;
/** Generous: a linear call takes well under a tenth of it on a loaded machine. */
const DEADLINE_MS = 3000;

const UNITS = [
  "a", "A", "z", "0", "9", " ", "\t", "_", "-", ".", "/", "\\", ":", "=", "+", "%", "$", "{", "}", "(", ")", "[", "]", "<", ">", "@", "#", "!", "'", '"', "`", ",", ";", "*", "~", "&", "|", "?", "^",
  "aB", "Ab", "a_", "a-", "a.", "a/", "a1", "1.", "1-", "ab ", "a b", "%41", "\\n", "{{", "}}", "${a", "$(a", "<a", "a:", "a@", "a.b(", "a?.", "[a]", "=a", "ZQ", "+/",
];
const TAILS = ["!", "\u0000", "\n", "", "}"];

const filters: [string, (v: string) => unknown][] = [
  ["quietReason", (v) => quietReason(v)],
  ["quietReason (password)", (v) => quietReason(v, { minWordLikeness: 2 })],
  ["isQuietValue (value)", (v) => isQuietValue(v, "value")],
  ["isQuietValue (password)", (v) => isQuietValue(v, "password")],
  ["isQuietValue (value, in context)", (v) => isQuietValue(v, "value", `api_key = ${v}`)],
  ["isQuietValue (password, in context)", (v) => isQuietValue(v, "password", `password: "${v}"`)],
  ["isCodeExpression", (v) => isCodeExpression(v)],
  ["wordLikeness", (v) => wordLikeness(v)],
  ["letterRuns", (v) => letterRuns(v)],
  ["isPlaceholder", (v) => isPlaceholder(v)],
  ["keyBody", (v) => keyBody(v)],
  ["shannonEntropy", (v) => shannonEntropy(v)],
  ["looksRandom", (v) => looksRandom(v)],
  ["isMultiWordIdentifier", (v) => isMultiWordIdentifier(v)],
  ["findEncodedRuns", (v) => findEncodedRuns(v, new KeywordFilter([]).findHits(v), 0, v.length)],
];

describe("built-in filters on their worst inputs", () => {
  it.each(filters)("%s finishes on long runs of every character class and pair", (_name, filter) => {
    const stuck: string[] = [];
    for (const unit of UNITS) {
      const run = unit.repeat(Math.ceil(LENGTH / unit.length));
      for (const tail of TAILS) {
        try {
          withDeadline(DEADLINE_MS, DEADLINE_MS, () => filter(run + tail));
        } catch (error) {
          if (!(error instanceof DeadlineExceeded)) throw error;
          stuck.push(`${JSON.stringify(unit)}×${run.length / unit.length} + ${JSON.stringify(tail)}`);
        }
      }
    }
    expect(stuck).toEqual([]);
  });
});

describe("built-in rules on their worst inputs", () => {
  // Every keyword of every rule, each followed by a long run of one character
  // class and a character that ends it, on a line of its own: what a rule's
  // regex meets when a name or prefix is followed by no value it accepts.
  const engine = DetectionEngine.fromSpecs(builtinRules);
  const keywords = [...new Set(builtinRules.flatMap((r) => r.keywords))];
  it.each(["a", "A", "0", "-", "_", " ", "=", ":", "/", "aB1", '"', "\\n"])("every rule finishes after its keywords on a run of %j", (unit) => {
    const run = unit.repeat(Math.ceil(300 / unit.length));
    const text = keywords.map((k) => `${k}${run}!\n${k} = ${run}!\n`).join("");
    let stuck = "";
    try {
      withDeadline(60_000, 60_000, () => engine.detect(text));
    } catch (error) {
      if (!(error instanceof DeadlineExceeded)) throw error;
      stuck = error.what;
    }
    expect([activity.what, stuck]).toEqual(["the scan", ""]);
  });
});
