/** Env file names and dotenv parsing. */
import { describe, expect, it } from "vitest";
import { isEmptyOrPlaceholder, isEnvFile, isEnvTemplate, parseEnvAssignments } from "../../src/audit/env-files.js";

describe("parseEnvAssignments", () => {
  it("reads dotenv syntax with lines", () => {
    const text = '# comment\nexport A=1\nB = "two # not a comment"\nC=three # comment\n\nD=\nE=\'q\'\nnot an assignment\n';
    expect(parseEnvAssignments(text)).toEqual([
      { key: "A", value: "1", line: 2 },
      { key: "B", value: "two # not a comment", line: 3 },
      { key: "C", value: "three", line: 4 },
      { key: "D", value: "", line: 6 },
      { key: "E", value: "q", line: 7 },
    ]);
  });
});

describe("isEnvFile / isEnvTemplate", () => {
  it.each([
    [".env", true, false],
    ["app/.env.production", true, false],
    ["docker/web.env", true, false],
    [".env.example", true, true],
    [".env.production.sample", true, true],
    [".env.template", true, true],
    [".envrc", false, false],
    ["src/.env.d.ts", false, false],
    ["src/env.ts", false, false],
  ] as const)("%s: env %s, template %s", (path, env, template) => {
    expect([isEnvFile(path), isEnvTemplate(path)]).toEqual([env, template]);
  });
});

describe("isEmptyOrPlaceholder", () => {
  it.each([
    ["", true],
    ["changeme", true],
    ["<your key>", true],
    ["${FINTA_SECRET_KEY}", true],
    ["$OTHER", true],
    ["sk_live_your_key_here", true],
    ["3000", false],
    ["postgres://localhost/dev", false],
  ] as const)("%j → %s", (value, expected) => {
    expect(isEmptyOrPlaceholder(value)).toBe(expected);
  });
});
