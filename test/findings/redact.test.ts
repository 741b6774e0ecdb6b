/** Redacted forms and vendor prefixes derived from rule data. */
import { describe, expect, it } from "vitest";
import { redactNote, redactRanges, redactSecret } from "../../src/findings/redact.js";
import { prefixesOf, vendorPrefixes } from "../../src/findings/vendor-prefix.js";
import { builtinRules } from "../../src/rules/index.js";
import { fake } from "../helpers/fake-secrets.js";

describe("redactSecret", () => {
  it.each([
    ["no prefix: two characters", "Qwzx-Plmk-Vbnr-7hJk-9tRe", "", "Qw…(redacted)"],
    ["no prefix, short: at most a quarter", "hunter2", "", "h…(redacted)"],
    ["no prefix, very short: nothing", "abc", "", "…(redacted)"],
    ["a vendor prefix stays, then two characters", "ghp_abcdefghijklmnop", "ghp_", "ghp_ab…(redacted)"],
    ["a prefix the secret does not start with is ignored", "Qwzx-Plmk-Vbnr-7hJk-9tRe", "sk_", "Qw…(redacted)"],
  ])("%s", (_what, secret, prefix, expected) => {
    expect(redactSecret(secret, prefix)).toBe(expected);
  });
});

describe("vendor prefixes come from each rule's regex", () => {
  const byId = new Map(builtinRules.map((r) => [r.id, r]));
  it.each([
    ["finta-secret-key-live", ["sk_live_"]],
    ["finta-api-key", ["finta_"]],
    ["github-pat", ["ghp_"]],
    ["aws-access-key-id", ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"]],
    ["hashicorp-vault-token", ["hvs.", "hvb."]],
    ["generic-password", []],
    ["finta-bearer-token", []],
  ])("%s", (id, expected) => {
    expect(prefixesOf(byId.get(id)!)).toEqual(expected);
  });

  it("custom rules too (the whole match is the secret), and only when the secret starts with one", () => {
    const rules = [{ id: "acme-token", description: "", severity: "info" as const, keywords: ["acme_"], regex: "acme_[a-z0-9]{20}(?![a-z0-9])", remediation: "" }];
    const prefixes = vendorPrefixes(rules);
    expect(prefixes.of("acme-token", "acme_abcdefghij0123456789")).toBe("acme_");
    expect(prefixes.of("acme-token", "other")).toBe("");
    expect(prefixes.of("unknown-rule", "acme_x")).toBe("");
  });
});

describe("redactRanges", () => {
  it("merges overlapping ranges, keeps a whole secret's own form, and says where the finding's own range went", () => {
    const key = fake.liveKey(61);
    const text = `a="${key}" b="Qwzx-Plmk-Vbnr" c`;
    const keyStart = 3;
    const other = text.indexOf("Qwzx");
    const out = redactRanges(
      text,
      [
        { start: other, end: other + 14 },
        { start: keyStart, end: keyStart + key.length, replacement: redactSecret(key, "sk_live_") },
        { start: other + 5, end: other + 9 },
      ],
      { start: other, end: other + 14 },
    );
    expect(out.text).toBe(`a="${key.slice(0, 10)}…(redacted)" b="Qw…(redacted)" c`);
    expect(out.text.slice(out.ownStart, out.ownEnd)).toBe("Qw…(redacted)");
  });
});

describe("redactNote", () => {
  it("redacts the secrets given and random-looking words, drops control characters, cuts to 80 characters", () => {
    const key = fake.liveKey(62);
    const token = fake.envValue(63);
    expect(redactNote(`ok -- was ${key}\u001b[2K and ${token}`, [key])).toBe(`ok -- was sk…(redacted) [2K and ${token.slice(0, 2)}…(redacted)`);
    expect(redactNote("x".repeat(100), [])).toBe("x".repeat(79) + "…");
    expect(redactNote(`was ${key}`, [key], false)).toBe(`was ${key}`);
  });
});
