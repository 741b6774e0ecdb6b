/** hook-installed on fixture repositories: husky, plain hooks, core.hooksPath, CI files and npm scripts. */
import { afterEach, describe, expect, it } from "vitest";
import { makeFixtureRepo, runCheck, verdict, type FixtureRepo, type FixtureRepoSpec } from "../fixture-repo.js";

let repo: FixtureRepo | undefined;
afterEach(() => repo?.cleanup());

const workflow = "name: ci\non: [push]\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx finta-guard scan --history\n";

const cases: { name: string; spec: FixtureRepoSpec; expected: ReturnType<typeof verdict> }[] = [
  {
    name: "passes: husky hook and GitHub workflow",
    spec: { files: { ".husky/pre-commit": "npx finta-guard scan --staged\n", ".github/workflows/ci.yml": workflow } },
    expected: {
      status: "pass",
      evidence: [
        { file: ".husky/pre-commit", line: 1, message: "pre-commit runs finta-guard" },
        { file: ".github/workflows/ci.yml", line: 8, message: "CI runs finta-guard" },
      ],
    },
  },
  {
    name: "passes: plain git hook and GitLab CI through an npm script",
    spec: {
      files: {
        "package.json": '{ "scripts": { "secrets": "finta-guard scan ." } }\n',
        ".gitlab-ci.yml": "scan:\n  script:\n    - npm ci\n    - npm run secrets\n",
      },
    },
    expected: {
      status: "pass",
      evidence: [
        { file: ".git/hooks/pre-commit", line: 3, message: "pre-commit runs finta-guard" },
        { file: ".gitlab-ci.yml", line: 4, message: "CI runs finta-guard" },
      ],
    },
  },
  {
    name: "passes: core.hooksPath is honoured",
    spec: { files: { "tools/hooks/pre-commit": "#!/bin/sh\nexec finta-guard scan --staged\n", ".github/workflows/a.yaml": workflow }, gitConfig: { "core.hooksPath": "tools/hooks" } },
    expected: {
      status: "pass",
      evidence: [
        { file: "tools/hooks/pre-commit", line: 2, message: "pre-commit runs finta-guard" },
        { file: ".github/workflows/a.yaml", line: 8, message: "CI runs finta-guard" },
      ],
    },
  },
  {
    name: "warns: hook but no CI",
    spec: { files: { ".husky/pre-commit": "# finta-guard (comment only does not count)\nnpm test\nnpx finta-guard scan --staged\n", ".github/workflows/ci.yml": "on: [push]\n" } },
    expected: { status: "warn", evidence: [{ file: ".husky/pre-commit", line: 3, message: "pre-commit runs finta-guard" }] },
  },
  {
    name: "warns: nothing installed",
    spec: { files: { "README.md": "x\n" } },
    expected: { status: "warn", evidence: [] },
  },
];

describe("hook-installed", () => {
  it.each(cases)("$name", async ({ name, spec, expected }) => {
    repo = makeFixtureRepo(spec);
    if (name.startsWith("passes: plain git hook")) repo.write(".git/hooks/pre-commit", "#!/bin/sh\n# added by finta-guard install\nexec npx --no finta-guard scan --staged\n");
    expect(verdict(await runCheck(repo, "hook-installed"))).toEqual(expected);
  });

  it("the warning gives the commands to fix it", async () => {
    repo = makeFixtureRepo({ files: { ".github/workflows/ci.yml": workflow } });
    const result = await runCheck(repo, "hook-installed");
    expect(result.reason).toBe("no pre-commit hook runs finta-guard (looked at .husky/pre-commit, .git/hooks/pre-commit and pre-commit/lefthook configs).");
    expect(result.fix).toBe("Install the hook (husky when the repository uses it, otherwise .git/hooks):\n  npx finta-guard install");
  });
});
