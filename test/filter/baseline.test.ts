/** The baseline file: stable sorted text without secrets, strict reading, expiry. */
import { describe, expect, it } from "vitest";
import { formatBaseline, isExpired, parseBaseline, type BaselineEntry } from "../../src/filter/baseline.js";
import { fake } from "../helpers/fake-secrets.js";

const fp = (c: string) => c.repeat(32);
const entries: BaselineEntry[] = [
  { ruleId: "jwt", file: "src/b.ts", fingerprint: fp("b"), hint: "eyJhbG…(redacted)" },
  { ruleId: "finta-api-key", file: "src/b.ts", fingerprint: fp("c"), hint: "finta_…(redacted)", reason: "sandbox", expires: "2027-01-31" },
  { ruleId: "finta-api-key", file: "src/a.ts", fingerprint: fp("d"), hint: "finta_…(redacted)" },
];

describe("formatBaseline", () => {
  it("sorts by file, rule and fingerprint, with a fixed key order, whatever the input order", () => {
    const text = formatBaseline({ entries });
    expect(formatBaseline({ entries: [...entries].reverse() })).toBe(text);
    expect(text).toBe(
      [
        "{",
        '  "version": 1,',
        '  "fingerprintVersion": 2,',
        '  "entries": [',
        "    {",
        '      "ruleId": "finta-api-key",',
        '      "file": "src/a.ts",',
        `      "fingerprint": "${fp("d")}",`,
        '      "hint": "finta_…(redacted)"',
        "    },",
        "    {",
        '      "ruleId": "finta-api-key",',
        '      "file": "src/b.ts",',
        `      "fingerprint": "${fp("c")}",`,
        '      "hint": "finta_…(redacted)",',
        '      "reason": "sandbox",',
        '      "expires": "2027-01-31"',
        "    },",
        "    {",
        '      "ruleId": "jwt",',
        '      "file": "src/b.ts",',
        `      "fingerprint": "${fp("b")}",`,
        '      "hint": "eyJhbG…(redacted)"',
        "    }",
        "  ]",
        "}",
        "",
      ].join("\n"),
    );
    expect(parseBaseline(text, "b.json").entries).toEqual([entries[2], entries[1], entries[0]]);
  });

  it("marks the entries of a version 1 file as legacy, and writes them back as such in a version 2 file", () => {
    const v1 = JSON.stringify({ version: 1, fingerprintVersion: 1, entries: [entries[0]] });
    const read = parseBaseline(v1, "b.json");
    expect(read.entries).toEqual([{ ...entries[0], fingerprintVersion: 1 }]);
    const text = formatBaseline(read);
    expect(text).toContain('  "fingerprintVersion": 2,\n');
    expect(text).toContain('      "hint": "eyJhbG…(redacted)",\n      "fingerprintVersion": 1\n');
    expect(parseBaseline(text, "b.json")).toEqual(read);
    expect(() => parseBaseline(text.replace('"fingerprintVersion": 1', '"fingerprintVersion": 2'), "b.json")).toThrow(
      "b.json: malformed baseline: entries[0].fingerprintVersion: expected 1 (a legacy entry) or no key",
    );
  });
});

describe("parseBaseline rejects malformed and stale files with one clear line", () => {
  const wrap = (e: unknown, top: Record<string, unknown> = {}) => JSON.stringify({ version: 1, fingerprintVersion: 1, entries: [e], ...top });
  const good = { ruleId: "jwt", file: "a", fingerprint: fp("a"), hint: "ey…(redacted)" };
  it.each([
    ["invalid JSON", "{", /^b\.json: malformed baseline: invalid JSON: /],
    ["not an object", "[]", "b.json: malformed baseline: (top level): expected an object"],
    ["an unknown top-level key", wrap(good, { notes: "x" }), "b.json: malformed baseline: notes: unknown key"],
    ["another format version", wrap(good, { version: 2 }), "b.json: malformed baseline: version: expected 1, got 2"],
    [
      "an older fingerprint derivation",
      wrap(good, { fingerprintVersion: 0 }),
      "b.json: stale baseline: written with fingerprint version 0, this finta-guard reads 1 and 2; regenerate it with `finta-guard baseline`",
    ],
    ["entries not an array", JSON.stringify({ version: 1, fingerprintVersion: 1, entries: {} }), "b.json: malformed baseline: entries: expected an array"],
    ["a missing fingerprint", wrap({ ...good, fingerprint: undefined }), "b.json: malformed baseline: entries[0].fingerprint: expected a non-empty string"],
    ["a fingerprint that is not one", wrap({ ...good, fingerprint: "abc" }), "b.json: malformed baseline: entries[0].fingerprint: expected 32 lower-case hex digits"],
    ["an impossible expiry date", wrap({ ...good, expires: "2026-02-30" }), "b.json: malformed baseline: entries[0].expires: expected a date YYYY-MM-DD"],
    ["a hint that is not redacted", wrap({ ...good, hint: fake.liveKey(2) }), 'b.json: malformed baseline: entries[0].hint: expected a redacted hint ending in "…(redacted)"'],
    ["a rule id that is not one", wrap({ ...good, ruleId: "a b" }), "b.json: malformed baseline: entries[0].ruleId: expected a rule id"],
    ["an unknown entry key (e.g. the secret)", wrap({ ...good, secret: fake.liveKey(1) }), "b.json: malformed baseline: entries[0].secret: unknown key"],
  ] as const)("%s", (_what, text, message) => {
    expect(() => parseBaseline(text, "b.json")).toThrow(message);
  });
});

describe("isExpired", () => {
  it.each([
    [undefined, "2030-01-01", false],
    ["2026-11-30", "2026-11-29", false],
    ["2026-11-29", "2026-11-29", true],
    ["2026-11-28", "2026-11-29", true],
  ] as const)("expires %s, today %s → %s", (expires, today, expected) => {
    expect(isExpired({ ...entries[0]!, ...(expires ? { expires } : {}) }, today)).toBe(expected);
  });
});
