/** env-files-untracked on fixture repositories: env files in the index, templates, staged content. */
import { afterEach, describe, expect, it } from "vitest";
import { fake } from "../../helpers/fake-secrets.js";
import { makeFixtureRepo, runCheck, verdict, type FixtureRepo, type FixtureRepoSpec } from "../fixture-repo.js";

let repo: FixtureRepo | undefined;
afterEach(() => repo?.cleanup());

const live = fake.liveKey(7);
const cases: { name: string; spec: FixtureRepoSpec; expected: ReturnType<typeof verdict> }[] = [
  {
    name: "passes: nothing env-like in the index (.env only on disk)",
    spec: { files: { ".gitignore": ".env\n", ".env": `FINTA_SECRET_KEY=${live}\n`, "a.txt": "x\n" }, commit: [".gitignore", "a.txt"] },
    expected: { status: "pass", evidence: [] },
  },
  {
    name: "passes: templates with placeholders only",
    spec: {
      files: {
        ".env.example": "# copy to .env\nFINTA_SECRET_KEY=sk_live_your_key_here\nFINTA_WEBHOOK_SECRET=\nPORT=3000\n",
        "api/.env.sample": "FINTA_API_KEY=<your key>\n",
      },
      commit: [".env.example", "api/.env.sample"],
    },
    expected: {
      status: "pass",
      evidence: [
        { file: ".env.example", message: "template, placeholders only" },
        { file: "api/.env.sample", message: "template, placeholders only" },
      ],
    },
  },
  {
    name: "fails: committed .env with values",
    spec: { files: { ".env": `# local\nFINTA_SECRET_KEY=${live}\nEMPTY=\nPORT=3000\n` }, commit: [".env"] },
    expected: {
      status: "fail",
      evidence: [
        { file: ".env", line: 2, message: "tracked: FINTA_SECRET_KEY has a value" },
        { file: ".env", line: 4, message: "tracked: PORT has a value" },
      ],
    },
  },
  {
    name: "fails: staged .env.production (not yet committed)",
    spec: { files: { "README.md": "x\n", "deploy/.env.production": `export FINTA_API_KEY="${fake.fintaApiKey(3)}"\n` }, commit: ["README.md"], stage: ["deploy/.env.production"] },
    expected: { status: "fail", evidence: [{ file: "deploy/.env.production", line: 1, message: "staged: FINTA_API_KEY has a value" }] },
  },
  {
    name: "fails: template holding a real key (redacted in the evidence)",
    spec: { files: { ".env.example": `FINTA_SECRET_KEY=sk_live_your_key_here\nFINTA_WEBHOOK_SECRET=${fake.webhookSecret(2)}\n` }, commit: [".env.example"] },
    expected: {
      status: "fail",
      evidence: [{ file: ".env.example", line: 2, message: `tracked template holds a real value: finta-webhook-secret whsec_${fake.webhookSecret(2).slice(6, 8)}…(redacted)` }],
    },
  },
  {
    name: "warns: tracked .env without values",
    spec: { files: { ".env": "FINTA_SECRET_KEY=\nFINTA_API_KEY=changeme\n" }, commit: [".env"] },
    expected: { status: "warn", evidence: [{ file: ".env", message: "tracked env file" }] },
  },
];

describe("env-files-untracked", () => {
  it.each(cases)("$name", async ({ spec, expected }) => {
    repo = makeFixtureRepo(spec);
    expect(verdict(await runCheck(repo, "env-files-untracked"))).toEqual(expected);
  });

  it("reads the index, not the working tree: a value removed after `git add` still fails", async () => {
    repo = makeFixtureRepo({ files: { ".env": `FINTA_SECRET_KEY=${live}\n` }, stage: [".env"] });
    repo.write(".env", "FINTA_SECRET_KEY=\n");
    const result = await runCheck(repo, "env-files-untracked");
    expect(verdict(result)).toEqual({ status: "fail", evidence: [{ file: ".env", line: 1, message: "staged: FINTA_SECRET_KEY has a value" }] });
    expect(result.fix).toBe(
      [
        "Stop tracking the file(s) and ignore them:",
        "  git rm --cached -- .env",
        "  echo '.env' >> .gitignore",
        "Treat every credential that was committed as leaked: rotate it in the Finta dashboard, and find past copies with `finta-guard scan --history`.",
      ].join("\n"),
    );
  });

  it("never prints the value", async () => {
    repo = makeFixtureRepo({ files: { ".env": `FINTA_SECRET_KEY=${live}\n` }, commit: [".env"] });
    expect(JSON.stringify(await runCheck(repo, "env-files-untracked"))).not.toContain(live.slice(8));
  });
});
