/** env-files-ignored on fixture repositories: which ignore rule decides, and the lines to add. */
import { afterEach, describe, expect, it } from "vitest";
import { makeFixtureRepo, runCheck, verdict, type FixtureRepo, type FixtureRepoSpec } from "../fixture-repo.js";

let repo: FixtureRepo | undefined;
afterEach(() => repo?.cleanup());

const cases: { name: string; spec: FixtureRepoSpec; expected: ReturnType<typeof verdict> }[] = [
  {
    name: "passes: all three patterns ignored",
    spec: { files: { ".gitignore": "node_modules/\n.env\n.env.local\n.env.*.local\n" } },
    expected: {
      status: "pass",
      evidence: [
        { file: ".gitignore", line: 2, message: ".env" },
        { file: ".gitignore", line: 3, message: ".env.local" },
        { file: ".gitignore", line: 4, message: ".env.*.local" },
      ],
    },
  },
  {
    name: "passes: one broad pattern with a template re-included",
    spec: { files: { ".gitignore": ".env*\n!.env.example\n", ".env.example": "FINTA_SECRET_KEY=\n" } },
    expected: { status: "pass", evidence: [{ file: ".gitignore", line: 1, message: ".env*" }] },
  },
  {
    name: "passes: rule in .git/info/exclude counts",
    spec: { files: { "README.md": "x\n" } },
    expected: { status: "pass", evidence: [{ file: ".git/info/exclude", line: 7, message: ".env*" }] },
  },
  {
    name: "fails: no .gitignore at all",
    spec: { files: { "README.md": "x\n" } },
    expected: { status: "fail", evidence: [] },
  },
  {
    name: "fails: .env ignored but .env.local and .env.*.local not; existing file named",
    spec: { files: { ".gitignore": "dist/\n.env\n", "web/.env.production.local": "A=1\n" } },
    expected: {
      status: "fail",
      evidence: [
        { file: "web/.env.production.local", message: "present and not ignored" },
        { file: ".gitignore", message: "no rule matches .env.local, .env.development.local, .env.test.local, .env.production.local" },
      ],
    },
  },
  {
    name: "fails: a negation re-includes .env.local",
    spec: { files: { ".gitignore": ".env*\n!.env.local\n" } },
    expected: { status: "fail", evidence: [{ file: ".gitignore", line: 2, message: "!.env.local re-includes .env.local" }] },
  },
];

describe("env-files-ignored", () => {
  it.each(cases)("$name", async ({ name, spec, expected }) => {
    repo = makeFixtureRepo(spec);
    if (name.includes("info/exclude")) repo.write(".git/info/exclude", "# git ls-files --others --exclude-from=.git/info/exclude\n# Lines that start with '#' are comments.\n# For a project mostly in C, the following would be a good set of\n# exclude patterns (uncomment them if you want to use them):\n# *.[oa]\n# *~\n.env*\n");
    const result = await runCheck(repo, "env-files-ignored");
    expect(verdict(result)).toEqual(expected);
  });

  it("fix lists the lines to add to .gitignore", async () => {
    repo = makeFixtureRepo({ files: { ".gitignore": ".env\n" } });
    const result = await runCheck(repo, "env-files-ignored");
    expect(result.reason).toBe("git does not ignore .env.local, .env.development.local, .env.test.local, .env.production.local.");
    expect(result.fix).toBe("Add these lines to .gitignore:\n  .env.local\n  .env.*.local");
  });
});
