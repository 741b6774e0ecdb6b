/**
 * PatchParser: file sections, added line numbers (plain and combined diffs),
 * paths git quotes, binary sections, commit headers, and the same events
 * whatever the chunk size the patch arrives in.
 */
import { describe, expect, it } from "vitest";
import { PatchParser, pathFromDiffLine, unquoteCPath, type PatchFile } from "../../src/git/patch.js";

interface Event {
  kind: string;
  [key: string]: unknown;
}

function parse(text: string, chunkSize = text.length || 1): Event[] {
  const events: Event[] = [];
  const parser = new PatchParser({
    commit: (fields) => void events.push({ kind: "commit", fields: [...fields] }),
    added: (lineNo, bytes, truncated) => void events.push({ kind: "added", lineNo, text: bytes.toString("utf8"), ...(truncated ? { truncated } : {}) }),
    file: (f: PatchFile) => void events.push({ kind: "file", path: f.path, newOid: f.newOid, newMode: f.newMode, deleted: f.deleted, binary: f.binary, parents: f.parents }),
  });
  const buf = Buffer.from(text, "utf8");
  for (let i = 0; i < buf.length; i += chunkSize) parser.push(buf.subarray(i, i + chunkSize));
  parser.end();
  return events;
}

const OID_A = "a".repeat(40);
const OID_B = "b".repeat(40);
const OID_C = "c".repeat(40);

const PLAIN = [
  "\0" + "1".repeat(40) + "\0Ada <ada@x>\0" + "2026-01-02T03:04:05+00:00",
  "",
  "diff --git a/src/a.js b/src/a.js",
  `index ${OID_A}..${OID_B} 100644`,
  "--- a/src/a.js",
  "+++ b/src/a.js",
  "@@ -2,0 +3,2 @@ function x() {",
  "+++ b/not-a-header",
  "+-- also content",
  "@@ -10 +11,0 @@",
  "-gone",
  "@@ -20,2 +20 @@",
  "-x",
  "-y",
  "+z",
  "\\ No newline at end of file",
  'diff --git "a/dir with space/\\303\\274 \\"q\\"\\n.js" "b/dir with space/\\303\\274 \\"q\\"\\n.js"',
  "new file mode 100644",
  `index ${"0".repeat(40)}..${OID_C}`,
  "--- /dev/null",
  '+++ "b/dir with space/\\303\\274 \\"q\\"\\n.js"',
  "@@ -0,0 +1 @@",
  "+hello",
  "diff --git a/img.png b/img.png",
  `index ${OID_A}..${OID_B} 100644`,
  "Binary files a/img.png and b/img.png differ",
  "diff --git a/old.js b/old.js",
  "deleted file mode 100644",
  `index ${OID_A}..${"0".repeat(40)}`,
  "--- a/old.js",
  "+++ /dev/null",
  "@@ -1 +0,0 @@",
  "-bye",
  "diff --git a/a b.txt b/a b.txt",
  `index ${OID_A}..${OID_B} 100644`,
  "--- a/a b.txt\t",
  "+++ b/a b.txt\t",
  "@@ -1,0 +2 @@",
  "+two",
  "",
].join("\n");

const EXPECTED_PLAIN: Event[] = [
  { kind: "commit", fields: ["1".repeat(40), "Ada <ada@x>", "2026-01-02T03:04:05+00:00"] },
  { kind: "added", lineNo: 3, text: "++ b/not-a-header" },
  { kind: "added", lineNo: 4, text: "-- also content" },
  { kind: "added", lineNo: 20, text: "z" },
  { kind: "file", path: "src/a.js", newOid: OID_B, newMode: "100644", deleted: false, binary: false, parents: 1 },
  { kind: "added", lineNo: 1, text: "hello" },
  { kind: "file", path: 'dir with space/ü "q"\n.js', newOid: OID_C, newMode: "100644", deleted: false, binary: false, parents: 1 },
  { kind: "file", path: "img.png", newOid: OID_B, newMode: "100644", deleted: false, binary: true, parents: 1 },
  { kind: "file", path: undefined, newOid: "0".repeat(40), newMode: undefined, deleted: true, binary: false, parents: 1 },
  { kind: "added", lineNo: 2, text: "two" },
  { kind: "file", path: "a b.txt", newOid: OID_B, newMode: "100644", deleted: false, binary: false, parents: 1 },
];

describe("PatchParser", () => {
  it.each([1, 2, 3, 7, 64, 100_000])("plain diff, chunks of %i bytes", (size) => {
    expect(parse(PLAIN, size)).toEqual(EXPECTED_PLAIN);
  });

  it("combined diff of a merge: only lines new against every parent count", () => {
    const text = [
      "diff --cc app.js",
      `index ${OID_A},${OID_B}..${OID_C}`,
      "--- a/app.js",
      "+++ b/app.js",
      "@@@ -1,1 -1,1 +1,4 @@@",
      "- base-from-first",
      " +from-second",
      "+ from-first",
      "++evil",
      "++more evil",
      "",
    ].join("\n");
    expect(parse(text)).toEqual([
      { kind: "added", lineNo: 3, text: "evil" },
      { kind: "added", lineNo: 4, text: "more evil" },
      { kind: "file", path: "app.js", newOid: OID_C, newMode: undefined, deleted: false, binary: false, parents: 2 },
    ]);
  });

  it("a line longer than the limit is cut and flagged", () => {
    const long = "x".repeat((1 << 20) + 10);
    const events = parse(`diff --git a/a b/a\nindex ${OID_A}..${OID_B} 100644\n--- a/a\n+++ b/a\n@@ -0,0 +1 @@\n+${long}\n`, 65_536);
    expect(events.map((e) => ({ ...e, text: typeof e.text === "string" ? e.text.length : undefined }))).toEqual([
      { kind: "added", lineNo: 1, text: (1 << 20) - 1, truncated: true },
      { kind: "file", path: "a", newOid: OID_B, newMode: "100644", deleted: false, binary: false, parents: 1, text: undefined },
    ]);
  });
});

describe("paths", () => {
  it.each([
    ['"a\\tb\\\\c\\"d"', 'a\tb\\c"d'],
    ['"\\303\\274ber"', "über"],
    ["plain name", "plain name"],
  ])("unquoteCPath(%s)", (input, expected) => {
    expect(unquoteCPath(input)).toBe(expected);
  });

  it.each([
    ["diff --git a/x y b/x y", "x y"],
    ["diff --git a/a b/c b/a b/c", "a b/c"],
    ['diff --git "a/q\\"" "b/q\\""', 'q"'],
    ["diff --cc dir/m.js", "dir/m.js"],
    ["diff --git a/-rf b/-rf", "-rf"],
  ])("pathFromDiffLine(%s)", (line, expected) => {
    expect(pathFromDiffLine(line)).toBe(expected);
  });
});
