/** no-hardcoded-credentials on fixture repositories: exact positions, redacted secrets, tracked files only. */
import { afterEach, describe, expect, it } from "vitest";
import { FINTA_RULES } from "../../../src/audit/checks/no-hardcoded-credentials.js";
import { fake } from "../../helpers/fake-secrets.js";
import { makeFixtureRepo, runCheck, verdict, type FixtureRepo, type FixtureRepoSpec } from "../fixture-repo.js";

let repo: FixtureRepo | undefined;
afterEach(() => repo?.cleanup());

const live = fake.liveKey(11);
const api = fake.fintaApiKey(12);
const redacted = (key: string, prefixLength: number) => `${key.slice(0, prefixLength + 2)}…(redacted)`;

const cases: { name: string; spec: FixtureRepoSpec; expected: ReturnType<typeof verdict> }[] = [
  {
    name: "passes: keys read from the environment; untracked file with a key is not scanned",
    spec: {
      files: { "src/client.ts": "export const key = process.env.FINTA_SECRET_KEY;\n", "scratch.txt": `${live}\n` },
      commit: ["src/client.ts"],
    },
    expected: { status: "pass", evidence: [] },
  },
  {
    name: "fails: keys in tracked code and config, with exact positions",
    spec: {
      files: {
        "src/client.ts": `import { Finta } from "finta";\n\nconst client = new Finta("${live}");\n`,
        "config/app.json": `{\n  "finta": {\n    "apiKey": "${api}"\n  }\n}\n`,
        "README.md": "Use sk_live_xxxxxxxxxxxxxxxx in docs.\n",
      },
      commit: ["src/client.ts", "config/app.json", "README.md"],
    },
    expected: {
      status: "fail",
      evidence: [
        { file: "config/app.json", line: 3, column: 16, message: `finta-api-key ${redacted(api, 6)}` },
        { file: "src/client.ts", line: 3, column: 27, message: `finta-secret-key-live ${redacted(live, 8)}` },
      ],
    },
  },
  {
    name: "fails: staged (not committed) file counts as tracked",
    spec: { files: { "a.py": `FINTA_SECRET_KEY = "${live}"\n` }, stage: ["a.py"] },
    expected: { status: "fail", evidence: [{ file: "a.py", line: 1, column: 21, message: `finta-secret-key-live ${redacted(live, 8)}` }] },
  },
];

describe("no-hardcoded-credentials", () => {
  it.each(cases)("$name", async ({ spec, expected }) => {
    repo = makeFixtureRepo(spec);
    expect(verdict(await runCheck(repo, "no-hardcoded-credentials"))).toEqual(expected);
  });

  it("reports the count in the reason", async () => {
    repo = makeFixtureRepo({ files: { "a.ts": `const a = "${live}";\nconst b = "${fake.liveKey(13)}";\n` }, commit: ["a.ts"] });
    const result = await runCheck(repo, "no-hardcoded-credentials");
    expect(result.reason).toBe(`2 Finta credential(s) in 1 tracked file(s) (1 tracked file(s) scanned with ${FINTA_RULES.length} Finta rules).`);
  });
});
