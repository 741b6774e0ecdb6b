import { describe, expect, it } from "vitest";
import { mergeHits, regionsFor } from "../../src/detect/regions.js";

describe("regionsFor", () => {
  const text = "line one\nsecond line here\nthird\nfourth line\n";
  it.each([
    { name: "one hit, reach inside its line: the whole line", positions: [12], reach: 2, expected: [[9, 25]] },
    { name: "reach crossing lines takes whole lines", positions: [12], reach: 10, expected: [[0, 25]] },
    { name: "distant hits stay separate", positions: [1, 33], reach: 1, expected: [[0, 8], [32, 43]] },
    { name: "touching regions merge", positions: [10, 20], reach: 6, expected: [[0, 31]] },
  ])("$name", ({ positions, reach, expected }) => {
    expect(regionsFor(text, positions, reach)).toEqual(expected);
  });

  it("widening to a line start is bounded (a 10 MB line is not rescanned whole)", () => {
    const long = "x".repeat(100_000);
    const [region] = regionsFor(long, [50_000], 10);
    expect(region).toEqual([50_000 - 10 - 1024, 50_000 + 10 + 1024]);
  });
});

describe("mergeHits", () => {
  it("merges ascending lists into one ascending list", () => {
    expect(mergeHits([[1, 5, 9], undefined, [2, 6], []])).toEqual([1, 2, 5, 6, 9]);
    expect(mergeHits([undefined])).toEqual([]);
  });
});
