/**
 * Configuration validation: every fixture under test/fixtures/config/invalid
 * is named for the problem it holds and yields exactly the listed lines;
 * every fixture under valid/ loads. The schema shipped in the package names
 * the same keys the validator accepts.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../src/config/load.js";
import { validateConfig } from "../../src/config/validate.js";
import { builtinRules } from "../../src/rules/index.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/config/", import.meta.url));
const known = new Set(builtinRules.map((r) => r.id));

function errorOf(name: string): string {
  const file = `invalid/${name}`;
  try {
    parseConfigText(readFileSync(FIXTURES + file, "utf8"), file, known);
  } catch (error) {
    return (error as Error).message;
  }
  return "(no error)";
}

const P = "\nfinta-guard: ";

describe("invalid configurations: one line per problem, naming file, key path and problem", () => {
  const cases: [string, string][] = [
    ["unknown-top-level-key.json", "invalid/unknown-top-level-key.json: allowlists: unknown key"],
    ["unknown-allowlist-key.json", "invalid/unknown-allowlist-key.json: allowlist.path: unknown key"],
    ["unknown-rule-key.json", "invalid/unknown-rule-key.json: rules[0].secret_group: unknown key"],
    ["disable-not-an-array.json", 'invalid/disable-not-an-array.json: disable: expected an array, got string "generic-password"'],
    ["number-as-string.json", 'invalid/number-as-string.json: rotationDays: expected an integer, got string "90"'],
    ["invalid-allowlist-regex.json", "invalid/invalid-allowlist-regex.json: allowlist.regexes[0]: invalid regex \"(unclosed\": Unterminated group"],
    ["invalid-rule-regex.json", "invalid/invalid-rule-regex.json: rules[0].regex: invalid regex \"acme_[a-z\": Unterminated character class"],
    ["bad-severity.json", 'invalid/bad-severity.json: override.finta-secret-key-test.severity: expected one of info, low, medium, high, critical, got string "severe"'],
    ["unknown-rule-in-disable.json", 'invalid/unknown-rule-in-disable.json: disable[0]: unknown rule id "generic-pasword"'],
    ["unknown-rule-in-override.json", 'invalid/unknown-rule-in-override.json: override.no-such-rule: unknown rule id "no-such-rule"'],
    ["rule-without-regex.json", 'invalid/rule-without-regex.json: rules[0]: missing required key "regex"'],
    ["secret-group-out-of-range.json", "invalid/secret-group-out-of-range.json: rules[0].secretGroup: the regex has 1 capture group, got 2"],
    ["bad-regex-target.json", 'invalid/bad-regex-target.json: allowlist.regexTarget: expected one of secret, match, line, got string "file"'],
    ["bad-rule-id.json", 'invalid/bad-rule-id.json: rules[0].id: rule ids are lower-case letters, digits, ".", "_" and "-", got "Acme Token"'],
    ["duplicate-rule-id.json", 'invalid/duplicate-rule-id.json: rules[1].id: duplicate rule id "acme-token"'],
    ["bad-flags.json", 'invalid/bad-flags.json: rules[0].flags: only the flags i, m, s, u, v are allowed, got "gi"'],
    ["top-level-array.json", "invalid/top-level-array.json: expected an object, got an array"],
    [
      "several-problems.json",
      'invalid/several-problems.json: allowlist.paths: expected an array, got string "docs/"' +
        `${P}invalid/several-problems.json: allowlist.stopwords[0]: must not be empty` +
        `${P}invalid/several-problems.json: override.finta-api-key.entropy: must be between 0 and 8, got 9` +
        `${P}invalid/several-problems.json: extra: unknown key`,
    ],
  ];

  it.each(cases)("%s", (name, expected) => {
    expect(errorOf(name)).toBe(expected);
  });

  it("names invalid JSON as such (the parser's own words follow)", () => {
    expect(errorOf("trailing-comma.json")).toMatch(/^invalid\/trailing-comma\.json: invalid JSON: \S/);
  });

  it("has a case for every invalid fixture", () => {
    const listed = [...cases.map(([n]) => n), "trailing-comma.json"].sort();
    expect(readdirSync(FIXTURES + "invalid").sort()).toEqual(listed);
  });
});

describe("valid configurations", () => {
  it.each(readdirSync(FIXTURES + "valid").sort())("%s loads", (name) => {
    expect(() => parseConfigText(readFileSync(FIXTURES + "valid/" + name, "utf8"), name, known)).not.toThrow();
  });
});

describe("config.schema.json names exactly the keys the validator accepts", () => {
  const schema = JSON.parse(readFileSync(new URL("../../config.schema.json", import.meta.url), "utf8")) as {
    properties: Record<string, unknown>;
    definitions: Record<string, { properties?: Record<string, unknown> }>;
  };
  const keysOf = (o: { properties?: Record<string, unknown> } | undefined) => Object.keys(o?.properties ?? {}).sort();
  const unknownKeys = (config: unknown) => validateConfig(config, known).filter((p) => p.problem === "unknown key").map((p) => p.path);

  it.each([
    ["top level", keysOf(schema), (k: string) => ({ [k]: null })],
    ["allowlist", keysOf(schema.definitions.allowlist), (k: string) => ({ allowlist: { [k]: null } })],
    ["rule", keysOf(schema.definitions.rule), (k: string) => ({ rules: [{ [k]: null }] })],
    ["override", keysOf(schema.definitions.override), (k: string) => ({ override: { "finta-api-key": { [k]: null } } })],
  ] as const)("%s", (_where, keys, wrap) => {
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(unknownKeys(wrap(key))).toEqual([]);
    expect(unknownKeys(wrap("notAKey"))).toHaveLength(1);
  });
});
