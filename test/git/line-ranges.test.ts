/** LineRanges: runs of added lines, as a ReadonlySet<number>. */
import { describe, expect, it } from "vitest";
import { LineRanges } from "../../src/git/line-ranges.js";

describe("LineRanges", () => {
  it.each([
    ["single lines merge into runs", (r: LineRanges) => r.add(1).add(2).add(3).add(7).add(9).add(10), [1, 2, 3, 7, 9, 10]],
    ["ranges and lines mix", (r: LineRanges) => r.addRange(2, 4).add(5).addRange(8, 8), [2, 3, 4, 5, 8]],
    ["repeats are ignored", (r: LineRanges) => r.add(3).add(3).addRange(2, 3), [3]],
    ["empty", (r: LineRanges) => r, []],
  ])("%s", (_name, build, expected) => {
    const set = build(new LineRanges());
    expect([...set]).toEqual(expected);
    expect(set.size).toBe(expected.length);
    for (let n = 0; n <= 12; n++) expect(set.has(n)).toBe(expected.includes(n));
  });
});
