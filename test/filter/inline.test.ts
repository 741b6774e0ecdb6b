/** Inline allow comments in every comment syntax, same line or alone on the line before. */
import { describe, expect, it } from "vitest";
import { findAllowComments, inlineAllowFor, parseAllowComment } from "../../src/filter/inline.js";
import { fake } from "../helpers/fake-secrets.js";

const s = fake.liveKey(3);

describe("parseAllowComment", () => {
  it.each([
    [`const k = "${s}"; // finta-guard:allow`, { alone: false, text: "finta-guard:allow" }],
    [`KEY=${s} # finta-guard:allow finta-secret-key-live`, { ruleId: "finta-secret-key-live", alone: false, text: "finta-guard:allow finta-secret-key-live" }],
    [`x = "${s}" /* finta-guard:allow -- sandbox key, revoked */`, { reason: "sandbox key, revoked", alone: false, text: "finta-guard:allow -- sandbox key, revoked" }],
    [`<!-- finta-guard:allow generic-secret -- docs sample -->`, { ruleId: "generic-secret", reason: "docs sample", alone: true, text: "finta-guard:allow generic-secret -- docs sample" }],
    [`<!-- finta-guard:allow -->`, { alone: true, text: "finta-guard:allow" }],
    [`select '${s}'; -- finta-guard:allow`, { alone: false, text: "finta-guard:allow" }],
    [`key = ${s} ; finta-guard:allow`, { alone: false, text: "finta-guard:allow" }],
    [`    # finta-guard:allow`, { alone: true, text: "finta-guard:allow" }],
    [`  // finta-guard:allow jwt -- test token`, { ruleId: "jwt", reason: "test token", alone: true, text: "finta-guard:allow jwt -- test token" }],
    [` * finta-guard:allow`, { alone: true, text: "finta-guard:allow" }],
    [`/* finta-guard:allow */`, { alone: true, text: "finta-guard:allow" }],
    [`key = "finta-guard:allow"`, undefined],
    [`// finta-guard:allowed`, undefined],
    [`// finta-guard:allow-all`, undefined],
    [`// nothing here`, undefined],
    [`  --no-inline-allow    ignore finta-guard:allow comments`, undefined],
    [`a = b;finta-guard:allow`, undefined],
  ] as const)("%s", (line, expected) => {
    expect(parseAllowComment(line)).toEqual(expected);
  });
});

describe("inlineAllowFor", () => {
  it.each([
    ["same line, any rule", "finta-secret-key-live", `k = "${s}" // finta-guard:allow`, "", 0],
    ["same line, this rule", "finta-secret-key-live", `k = "${s}" // finta-guard:allow finta-secret-key-live`, "", 0],
    ["same line, another rule", "finta-secret-key-live", `k = "${s}" // finta-guard:allow generic-secret`, "", undefined],
    ["line before, alone", "finta-secret-key-live", `k = "${s}"`, "  # finta-guard:allow -- fixture", -1],
    ["line before, another rule", "finta-secret-key-live", `k = "${s}"`, "  # finta-guard:allow jwt", undefined],
    ["line before, but after code (covers that line only)", "finta-secret-key-live", `k = "${s}"`, `a = 1 # finta-guard:allow`, undefined],
    ["none", "finta-secret-key-live", `k = "${s}"`, "# a comment", undefined],
  ] as const)("%s", (_what, ruleId, line, prev, offset) => {
    expect(inlineAllowFor(ruleId, line, prev)?.offset).toBe(offset);
  });
});

describe("findAllowComments", () => {
  it("lists every comment with its line, across line endings", () => {
    const text = `a\r\n# finta-guard:allow\r\nb\nc // finta-guard:allow jwt\rd`;
    expect(findAllowComments(text)).toEqual([
      { line: 2, comment: { alone: true, text: "finta-guard:allow" } },
      { line: 4, comment: { ruleId: "jwt", alone: false, text: "finta-guard:allow jwt" } },
    ]);
  });
});
