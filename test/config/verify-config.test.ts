/**
 * The `verify` key of the configuration: every problem named with its key
 * path; keys looked up as own properties (`constructor`, `__proto__` are
 * unknown keys, not matches for Object.prototype); the schema names the same
 * keys and accepts the same base URLs.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../src/config/load.js";
import { validateConfig } from "../../src/config/validate.js";
import { builtinRules } from "../../src/rules/index.js";
import { baseUrlProblem, endpointUrl, isLoopbackHost } from "../../src/verify/base-url.js";

const known = new Set(builtinRules.map((r) => r.id));
const problems = (verify: unknown) => validateConfig({ verify }, known).map((p) => `${p.path}: ${p.problem}`);

describe("verify in the configuration", () => {
  it("accepts the documented keys", () => {
    expect(problems({ baseUrl: "https://sandbox.api.finta.io/api", timeoutMs: 2000, budgetMs: 30000, concurrency: 2 })).toEqual([]);
    expect(problems({ baseUrl: "http://127.0.0.1:8787" })).toEqual([]);
  });

  it("a repository's configuration cannot send keys to a host of its choosing (a pull request can change it)", () => {
    expect(problems({ baseUrl: "https://collector.example/finta" })).toEqual([
      `verify.baseUrl: a repository's configuration may only name Finta's own hosts (finta.io, finta.com) or a loopback mock; set FINTA_API_BASE to use another, got "https://collector.example/finta"`,
    ]);
    expect(problems({ baseUrl: "https://api.finta.io.collector.example" })).toHaveLength(1);
    expect(problems({ baseUrl: "https://api.finta.com" })).toEqual([]);
    expect(problems({})).toEqual([]);
  });

  it("names each problem with its key path", () => {
    expect(problems({ baseUrl: "http://api.finta.io", timeoutMs: 0, budgetMs: "60000", concurrency: 1.5, enabled: true })).toEqual([
      'verify.baseUrl: must be an https:// URL (http:// only for a loopback host such as 127.0.0.1), got "http://api.finta.io"',
      "verify.timeoutMs: must be between 50 and 60000, got 0",
      'verify.budgetMs: expected an integer, got string "60000"',
      "verify.concurrency: expected an integer, got number 1.5",
      "verify.enabled: unknown key",
    ]);
    expect(problems("https://api.finta.io")).toEqual(['verify: expected an object, got string "https://api.finta.io"']);
    expect(problems({ baseUrl: 42 })).toEqual(["verify.baseUrl: expected a string, got number 42"]);
  });

  it("treats inherited names as unknown keys", () => {
    const text = '{ "verify": { "constructor": 1, "__proto__": { "baseUrl": "https://evil.example" }, "toString": "x", "hasOwnProperty": 2 } }';
    expect(() => parseConfigText(text, "c.json", known)).toThrow(
      [
        "c.json: verify.constructor: unknown key",
        "finta-guard: c.json: verify.__proto__: unknown key",
        "finta-guard: c.json: verify.toString: unknown key",
        "finta-guard: c.json: verify.hasOwnProperty: unknown key",
      ].join("\n"),
    );
  });
});

describe("base URLs", () => {
  const cases: Array<[string, string | undefined]> = [
    ["https://api.finta.io", undefined],
    ["https://api.finta.io/", undefined],
    ["https://proxy.example/finta", undefined],
    ["http://127.0.0.1:4010", undefined],
    ["http://127.8.9.10", undefined],
    ["http://localhost:4010", undefined],
    ["http://[::1]:4010", undefined],
    ["http://api.finta.io", "must be an https:// URL (http:// only for a loopback host such as 127.0.0.1)"],
    ["http://localhost.evil.example", "must be an https:// URL (http:// only for a loopback host such as 127.0.0.1)"],
    ["http://128.0.0.1", "must be an https:// URL (http:// only for a loopback host such as 127.0.0.1)"],
    ["ftp://api.finta.io", "must be an https:// URL (http:// only for a loopback host such as 127.0.0.1)"],
    ["https://user:pw@api.finta.io", "must not hold a user name or password"],
    ["https://api.finta.io/?key=1", "must not have a query or fragment"],
    ["https://api.finta.io/#x", "must not have a query or fragment"],
    ["api.finta.io", "not a URL"],
  ];

  it.each(cases)("%s", (value, problem) => {
    expect(baseUrlProblem(value)).toBe(problem);
  });

  it("the schema's pattern lets through no base the validator refuses for its scheme or host", () => {
    const schema = JSON.parse(readFileSync(new URL("../../config.schema.json", import.meta.url), "utf8")) as {
      properties: { verify: { properties: Record<string, { pattern?: string }> } };
    };
    const verifyKeys = schema.properties.verify.properties;
    expect(Object.keys(verifyKeys).sort()).toEqual(["baseUrl", "budgetMs", "concurrency", "timeoutMs"]);
    const pattern = new RegExp(verifyKeys.baseUrl!.pattern!);
    for (const [value, problem] of cases) {
      if (problem?.startsWith("must be an https")) expect({ value, ok: pattern.test(value) }).toEqual({ value, ok: false });
      if (problem === undefined) expect({ value, ok: pattern.test(value) }).toEqual({ value, ok: true });
    }
  });

  it("appends the request path to the base's own path", () => {
    expect(endpointUrl("https://api.finta.io", "/v2/me").href).toBe("https://api.finta.io/v2/me");
    expect(endpointUrl("https://proxy.example/finta/", "/v2/me").href).toBe("https://proxy.example/finta/v2/me");
    expect(isLoopbackHost("[::1]")).toBe(true);
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("10.0.0.1")).toBe(false);
  });
});
