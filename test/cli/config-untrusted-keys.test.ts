/**
 * The configuration file is the repository's, so it is read as hostile JSON:
 * keys are own properties only (`__proto__`, `constructor`, `toString` are
 * unknown keys, never Object.prototype's members), a rule may be called
 * "constructor", and a pattern that does not compile is quoted short (it may
 * hold the very key it was written to catch). Built binary, real files.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runBin } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";

let tree: TempTree | undefined;
afterEach(() => tree?.cleanup());

function scanWith(config: string, argv: string[] = ["scan", "."]) {
  tree = makeTempTree({ "app.ts": "const a = 1;\n" });
  writeFileSync(join(tree.root, "finta-guard.config.json"), config);
  return runBin(argv, tree.root);
}

describe("keys are own properties", () => {
  it.each([
    ['{ "__proto__": {} }', "__proto__: unknown key"],
    ['{ "constructor": 1 }', "constructor: unknown key"],
    ['{ "toString": 1 }', "toString: unknown key"],
    ['{ "allowlist": { "hasOwnProperty": [] } }', "allowlist.hasOwnProperty: unknown key"],
    ['{ "override": { "generic-password": { "__proto__": { "severity": "info" } } } }', "override.generic-password.__proto__: unknown key"],
    ['{ "rules": [{ "id": "acme", "severity": "high", "regex": "acme_[0-9]+", "valueOf": 1 }] }', "rules[0].valueOf: unknown key"],
    ['{ "keys": [{ "name": "a", "environment": "b", "createdAt": "2026-01-01", "constructor": 1 }] }', "keys[0].constructor: unknown key"],
  ])("%s → exit 2, one line naming the key", (config, problem) => {
    const out = scanWith(config);
    expect(out).toEqual({ code: 2, stdout: "", stderr: `finta-guard: finta-guard.config.json: ${problem}\n` });
  });

  it("a rule may be called constructor: counted from zero in every report", () => {
    const config = JSON.stringify({ rules: [{ id: "constructor", severity: "high", regex: "acme_[a-z0-9]{12}", keywords: ["acme_"], entropy: 0 }] });
    tree = makeTempTree({ "app.ts": 'const t = "acme_q7x2m9k4p1z8";\n', "finta-guard.config.json": config });
    const json = runBin(["scan", "app.ts", "--format", "json"], tree.root);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.findings.map((f: { ruleId: string; line: number; column: number }) => [f.ruleId, f.line, f.column])).toEqual([["constructor", 1, 12]]);
    expect(report.stats.findingsByRule).toEqual({ constructor: 1 });
    const text = runBin(["scan", "app.ts"], tree.root);
    expect(text.stdout).toContain("  by rule: constructor 1\n");
  });
});

describe("a pattern that does not compile", () => {
  it.each([
    ["rules[0].regex", (bad: string) => ({ rules: [{ id: "acme", severity: "high", regex: bad }] })],
    ["allowlist.regexes[0]", (bad: string) => ({ allowlist: { regexes: [bad] } })],
  ])("%s is quoted with at most 40 characters, never the key it holds", (where, config) => {
    const key = fake.liveKey(9);
    const bad = `(${key}`;
    const out = scanWith(JSON.stringify(config(bad)));
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`finta-guard: finta-guard.config.json: ${where}: invalid regex "${bad.slice(0, 40)}…": Unterminated group\n`);
    expect(out.stderr).not.toContain(key);
  });
});
