/** keys-per-environment on fixture repositories: shared values, live keys outside production, fingerprints only. */
import { afterEach, describe, expect, it } from "vitest";
import { environmentOf } from "../../../src/audit/checks/keys-per-environment.js";
import { valueFingerprint } from "../../../src/findings/fingerprint.js";
import { fake } from "../../helpers/fake-secrets.js";
import { makeFixtureRepo, runCheck, verdict, type FixtureRepo, type FixtureRepoSpec } from "../fixture-repo.js";

let repo: FixtureRepo | undefined;
afterEach(() => repo?.cleanup());

const live = fake.liveKey(21);
const live2 = fake.liveKey(22);
const test1 = fake.testKey(23);
const test2 = fake.testKey(24);
const fp = valueFingerprint;

const cases: { name: string; spec: FixtureRepoSpec; expected: ReturnType<typeof verdict> }[] = [
  {
    name: "skips: no per-environment files",
    spec: { files: { ".env": `FINTA_SECRET_KEY=${live}\n` } },
    expected: { status: "skip", evidence: [] },
  },
  {
    name: "passes: one key per environment, test keys outside production",
    spec: {
      files: {
        ".env.development": `FINTA_SECRET_KEY=${test1}\n`,
        ".env.test": `FINTA_SECRET_KEY=${test2}\n`,
        ".env.production": `FINTA_SECRET_KEY=${live}\n`,
        "config/finta.staging.json": `{ "secretKey": "${live2}" }\n`,
        ".env.production.local": `# same environment may repeat its key\nFINTA_SECRET_KEY=${live}\n`,
      },
    },
    expected: { status: "pass", evidence: [] },
  },
  {
    name: "fails: the same key in staging and production",
    spec: {
      files: {
        ".env.staging": `PORT=1\nFINTA_SECRET_KEY=${live}\n`,
        "config/finta.production.json": `{\n  "secretKey": "${live}"\n}\n`,
      },
    },
    expected: {
      status: "fail",
      evidence: [
        { file: ".env.staging", line: 2, message: `same value (fingerprint ${fp(live)}) in staging and config/finta.production.json:2` },
        { file: "config/finta.production.json", line: 2, message: `same value (fingerprint ${fp(live)}) in production and .env.staging:2` },
      ],
    },
  },
  {
    name: "fails: live key in development (and the test key in production warns alongside)",
    spec: { files: { ".env.dev": `FINTA_SECRET_KEY=${live}\n`, ".env.prod": `\nFINTA_SECRET_KEY=${test1}\n` } },
    expected: {
      status: "fail",
      evidence: [
        { file: ".env.dev", line: 1, message: `live secret key in development (fingerprint ${fp(live)})` },
        { file: ".env.prod", line: 2, message: `test secret key in production (fingerprint ${fp(test1)})` },
      ],
    },
  },
  {
    name: "warns: test key in production",
    spec: { files: { ".env.production": `FINTA_SECRET_KEY=${test1}\n`, ".env.test": `FINTA_SECRET_KEY=${test2}\n` } },
    expected: { status: "warn", evidence: [{ file: ".env.production", line: 1, message: `test secret key in production (fingerprint ${fp(test1)})` }] },
  },
];

describe("keys-per-environment", () => {
  it.each(cases)("$name", async ({ spec, expected }) => {
    repo = makeFixtureRepo(spec);
    const result = await runCheck(repo, "keys-per-environment");
    expect(verdict(result)).toEqual(expected);
    // Values are compared by fingerprint and never printed.
    for (const key of [live, live2, test1, test2]) expect(JSON.stringify(result)).not.toContain(key.slice(8));
  });

  it.each([
    ["", ".env.production", "production"],
    ["", ".env.prod.local", "production"],
    ["", ".env.stage", "staging"],
    ["", ".env.testing", "test"],
    ["", ".env.local", undefined],
    ["", ".env.example", undefined],
    ["config", "finta.development.yaml", "development"],
    ["", "finta.development.json", undefined],
  ] as const)("environmentOf(%j, %j) = %j", (dir, name, env) => {
    expect(environmentOf(dir, name)).toBe(env);
  });
});
