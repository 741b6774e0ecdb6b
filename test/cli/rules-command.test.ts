import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../src/rules/index.js";
import { runCli } from "../helpers/cli.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

describe("finta-guard rules", () => {
  it("lists every active rule with id, severity and description", async () => {
    const out = await runCli(["rules"], repoRoot);
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^id\s+severity\s+description$/);
    expect(lines.at(-1)).toBe(`${builtinRules.length} rules`);
    expect(lines[1]).toMatch(/^finta-api-key\s+critical\s+Finta API v2 key \(finta_…\)$/);
  });

  it("--format json carries id, provider, severity, keywords and remediation", async () => {
    const out = await runCli(["rules", "--format", "json"], repoRoot);
    const doc = JSON.parse(out.stdout) as { version: number; rules: { id: string; severity: string; remediation: string }[] };
    expect(doc.version).toBe(1);
    expect(doc.rules.map((r) => r.id)).toEqual(builtinRules.map((r) => r.id));
    expect(doc.rules.every((r) => r.remediation.length > 0)).toBe(true);
  });

  it("docs/rules.md is the current output of `finta-guard rules --format markdown`", async () => {
    const out = await runCli(["rules", "--format", "markdown"], repoRoot);
    // If this fails: npm run docs:rules
    expect(readFileSync(new URL("../../docs/rules.md", import.meta.url), "utf8")).toBe(out.stdout);
  });

  it("rule ids are unique", () => {
    const ids = builtinRules.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("the catalogue holds at least 150 provider rules", () => {
    expect(builtinRules.filter((r) => r.provider && r.provider !== "generic").length).toBeGreaterThanOrEqual(150);
  });
});
