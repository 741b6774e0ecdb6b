/** key-rotation on fixture configurations with an injected date. */
import { afterEach, describe, expect, it } from "vitest";
import { ageInDays } from "../../../src/audit/checks/key-rotation.js";
import { makeFixtureRepo, runCheck, TODAY, verdict, type FixtureRepo } from "../fixture-repo.js";

let repo: FixtureRepo | undefined;
afterEach(() => repo?.cleanup());

const config = (body: string) => ({ "finta-guard.config.json": body });

const cases: { name: string; files: Record<string, string>; expected: ReturnType<typeof verdict> }[] = [
  { name: "skips: no configuration", files: { "a.txt": "x\n" }, expected: { status: "skip", evidence: [] } },
  { name: "skips: configuration without keys", files: config('{ "auditLog": "a.jsonl" }\n'), expected: { status: "skip", evidence: [] } },
  {
    name: "passes: keys younger than 90 days (90 exactly is still fine)",
    files: config('{\n  "keys": [\n    { "name": "prod", "environment": "production", "createdAt": "2026-08-31" },\n    { "name": "dev", "environment": "development", "createdAt": "2026-11-01T08:00:00Z" }\n  ]\n}\n'),
    expected: { status: "pass", evidence: [] },
  },
  {
    name: "warns: one key older than the default 90 days",
    files: config('{\n  "keys": [\n    { "name": "prod", "environment": "production", "createdAt": "2026-08-30" },\n    {\n      "name": "dev",\n      "environment": "development",\n      "createdAt": "2026-11-01"\n    }\n  ]\n}\n'),
    expected: {
      status: "warn",
      evidence: [{ file: "finta-guard.config.json", line: 3, message: '"prod" (production) created 2026-08-30, 91 days old' }],
    },
  },
  {
    name: "warns: rotationDays from the configuration",
    files: config('{ "rotationDays": 14,\n  "keys": [{ "name": "ci", "environment": "test", "createdAt": "2026-11-01" }] }\n'),
    expected: { status: "warn", evidence: [{ file: "finta-guard.config.json", line: 2, message: '"ci" (test) created 2026-11-01, 28 days old' }] },
  },
];

describe("key-rotation", () => {
  it.each(cases)("$name", async ({ files, expected }) => {
    repo = makeFixtureRepo({ files });
    expect(verdict(await runCheck(repo, "key-rotation"))).toEqual(expected);
  });

  it("--config FILE is read instead of the default", async () => {
    repo = makeFixtureRepo({ files: { "ops/guard.json": '{ "keys": [{ "name": "k", "environment": "production", "createdAt": "2025-01-01" }] }' } });
    const result = await runCheck(repo, "key-rotation", { configPath: "ops/guard.json", cwd: repo.root });
    expect(verdict(result)).toEqual({ status: "warn", evidence: [{ file: "ops/guard.json", line: 1, message: '"k" (production) created 2025-01-01, 697 days old' }] });
  });

  it.each([
    ["2026-11-29", 0],
    ["2026-11-28", 1],
    ["2026-08-31", 90],
    ["2026-12-25", -26],
  ] as const)("ageInDays(%s) = %i on 2026-11-29", (createdAt, days) => {
    expect(ageInDays(createdAt, TODAY)).toBe(days);
  });
});
