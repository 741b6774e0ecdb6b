/** parseRawDiff / isScannable: which index entries `scan --staged` reads. */
import { describe, expect, it } from "vitest";
import { isScannable, parseRawDiff } from "../../src/sources/staged.js";

const Z = "0".repeat(40);
const A = "a".repeat(40);
const B = "b".repeat(40);

describe("parseRawDiff", () => {
  it("reads every status, with renames' two paths and paths holding newlines", () => {
    const out = [
      `:000000 100644 ${Z} ${A} A`, "new\nline.txt",
      `:100644 100644 ${A} ${B} M`, "mod.js",
      `:100644 100644 ${A} ${A} R100`, "old name.js", "new name.js",
      `:100644 000000 ${A} ${Z} D`, "gone.js",
      `:000000 160000 ${Z} ${B} A`, "sub",
      `:120000 120000 ${A} ${B} M`, "link",
      `:000000 000000 ${Z} ${Z} U`, "conflict.js",
      "",
    ].join("\0");
    const entries = parseRawDiff(out);
    expect(entries.map((e) => [e.status, e.path, e.srcPath, isScannable(e)])).toEqual([
      ["A", "new\nline.txt", "new\nline.txt", true],
      ["M", "mod.js", "mod.js", true],
      ["R", "new name.js", "old name.js", true],
      ["D", "gone.js", "gone.js", false],
      ["A", "sub", "sub", false],
      ["M", "link", "link", true],
      ["U", "conflict.js", "conflict.js", false],
    ]);
  });

  it("empty output: no entries", () => {
    expect(parseRawDiff("")).toEqual([]);
  });
});
