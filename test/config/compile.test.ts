/** Configuration → rule set and allowlists: custom rules, disable, override, promotion to disabled rules. */
import { describe, expect, it } from "vitest";
import { compileConfig, customRuleSpec } from "../../src/config/compile.js";
import type { RuleSpec } from "../../src/rules/types.js";

const base = (id: string, extra: Partial<RuleSpec> = {}): RuleSpec => ({
  id,
  description: id,
  severity: "high",
  keywords: ["k"],
  regex: "k[0-9]{4}",
  remediation: "rotate",
  ...extra,
});

const builtins: RuleSpec[] = [
  base("alpha"),
  base("beta", { entropy: 3.5, entropyHex: 3.0, promote: [{ to: "gamma", key: "x" }, { to: "alpha", key: "y" }] }),
  base("gamma"),
];

describe("compileConfig", () => {
  it("keeps the built-in rules as they are without configuration", () => {
    const c = compileConfig({}, builtins);
    expect(c.rules).toEqual(builtins);
    expect(c.customRuleIds).toEqual(new Set());
    expect(c.ruleAllowlists).toEqual(new Map());
  });

  it("adds custom rules with defaults, and a custom rule replaces the built-in rule of the same id", () => {
    const c = compileConfig(
      {
        rules: [
          { id: "acme-token", severity: "medium", regex: "acme_[a-z0-9]{20}", keywords: ["ACME_"], allowlist: { stopwords: ["example"] } },
          { id: "gamma", severity: "low", regex: "g[0-9]{8}", secretGroup: 0 },
        ],
      },
      builtins,
    );
    expect(c.rules.map((r) => [r.id, r.severity, r.regex])).toEqual([
      ["alpha", "high", "k[0-9]{4}"],
      ["beta", "high", "k[0-9]{4}"],
      ["acme-token", "medium", "acme_[a-z0-9]{20}"],
      ["gamma", "low", "g[0-9]{8}"],
    ]);
    expect(c.rules[2]).toEqual({
      id: "acme-token",
      description: "Custom rule acme-token",
      severity: "medium",
      keywords: ["acme_"],
      regex: "acme_[a-z0-9]{20}",
      remediation: expect.stringContaining("rotate") as unknown as string,
      tags: ["custom"],
    });
    // The custom rule's allowlist is applied (and counted) by the filters, not hidden in the engine.
    expect(c.rules[2]?.allowlist).toBeUndefined();
    expect(c.ruleAllowlists).toEqual(new Map([["acme-token", [{ stopwords: ["example"] }]]]));
    expect(c.customRuleIds).toEqual(new Set(["acme-token", "gamma"]));
  });

  it("disables rules, and drops promotions to a disabled rule", () => {
    const c = compileConfig({ disable: ["gamma"] }, builtins);
    expect(c.rules.map((r) => r.id)).toEqual(["alpha", "beta"]);
    expect(c.rules[1]?.promote).toEqual([{ to: "alpha", key: "y" }]);
  });

  it("overrides severity, entropy and hex entropy, and adds a per-rule allowlist to a built-in rule", () => {
    const c = compileConfig({ override: { beta: { severity: "low", entropy: 4.1, entropyHex: 3.3, allowlist: { paths: ["vendor/"] } } } }, builtins);
    expect(c.rules[1]).toMatchObject({ id: "beta", severity: "low", entropy: 4.1, entropyHex: 3.3 });
    expect(c.rules[0]).toEqual(builtins[0]);
    expect(c.ruleAllowlists).toEqual(new Map([["beta", [{ paths: ["vendor/"] }]]]));
  });

  it("carries the global allowlist and the scan time limit", () => {
    const c = compileConfig({ allowlist: { paths: ["docs/"] }, scanTimeoutMs: 250 }, builtins);
    expect(c.globalAllowlist).toEqual({ paths: ["docs/"] });
    expect(c.scanTimeoutMs).toBe(250);
  });

  it("builds a custom rule spec with every optional field passed through", () => {
    expect(customRuleSpec({ id: "x", description: "X", severity: "info", regex: "a(b{9})", flags: "i", secretGroup: 1, entropy: 2, multiline: true, remediation: "r", keywords: ["A"] })).toEqual({
      id: "x",
      description: "X",
      severity: "info",
      keywords: ["a"],
      regex: "a(b{9})",
      flags: "i",
      secretGroup: 1,
      entropy: 2,
      multiline: true,
      remediation: "r",
      tags: ["custom"],
    });
  });
});
