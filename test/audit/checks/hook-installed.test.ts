/** hook-installed on fixture repositories: husky, plain hooks, core.hooksPath, hook managers, CI files and npm scripts. */
import { chmodSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeFixtureRepo, runCheck, verdict, type FixtureRepo, type FixtureRepoSpec } from "../fixture-repo.js";

let repo: FixtureRepo | undefined;
afterEach(() => repo?.cleanup());

const workflow = "name: ci\non: [push]\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx finta-guard scan --history\n";

const cases: { name: string; spec: FixtureRepoSpec; expected: ReturnType<typeof verdict> }[] = [
  {
    name: "passes: husky hook and GitHub workflow",
    spec: { files: { ".husky/pre-commit": "npx finta-guard scan --staged\n", ".github/workflows/ci.yml": workflow }, gitConfig: { "core.hooksPath": ".husky/_" } },
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
    spec: {
      files: { ".husky/pre-commit": "# finta-guard (comment only does not count)\nnpm test\nnpx finta-guard scan --staged\n", ".github/workflows/ci.yml": "on: [push]\n", "package.json": '{ "scripts": { "prepare": "husky" } }\n' },
    },
    expected: { status: "warn", evidence: [{ file: ".husky/pre-commit", line: 3, message: "pre-commit runs finta-guard" }] },
  },
  {
    name: "passes: husky runs lint-staged, whose package.json entry runs finta-guard",
    spec: {
      files: {
        ".husky/pre-commit": "npx lint-staged\n",
        "package.json": '{\n  "lint-staged": {\n    "*": "finta-guard scan --staged"\n  }\n}\n',
        ".github/workflows/ci.yml": workflow,
      },
      gitConfig: { "core.hooksPath": ".husky/_" },
    },
    expected: {
      status: "pass",
      evidence: [
        { file: "package.json", line: 3, message: "pre-commit runs finta-guard through lint-staged (.husky/pre-commit:1)" },
        { file: ".github/workflows/ci.yml", line: 8, message: "CI runs finta-guard" },
      ],
    },
  },
  {
    name: "passes: lefthook installed, finta-guard in its pre-commit section",
    spec: {
      files: {
        "lefthook.yml": "pre-push:\n  commands:\n    test:\n      run: npm test\npre-commit:\n  commands:\n    secrets:\n      run: npx finta-guard scan --staged\n",
        ".github/workflows/ci.yml": workflow,
      },
    },
    expected: {
      status: "pass",
      evidence: [
        { file: "lefthook.yml", line: 8, message: "pre-commit runs finta-guard through lefthook (.git/hooks/pre-commit:2)" },
        { file: ".github/workflows/ci.yml", line: 8, message: "CI runs finta-guard" },
      ],
    },
  },
  {
    name: "passes: simple-git-hooks wrote the command into the hook",
    spec: { files: { "package.json": '{ "simple-git-hooks": { "pre-commit": "npx finta-guard scan --staged" } }\n', ".github/workflows/ci.yml": workflow } },
    expected: {
      status: "pass",
      evidence: [
        { file: ".git/hooks/pre-commit", line: 6, message: "pre-commit runs finta-guard" },
        { file: ".github/workflows/ci.yml", line: 8, message: "CI runs finta-guard" },
      ],
    },
  },
  {
    name: "passes: the pre-commit framework's hook, finta-guard in .pre-commit-config.yaml",
    spec: {
      files: {
        ".pre-commit-config.yaml": "repos:\n  - repo: local\n    hooks:\n      - id: finta-guard\n        name: finta-guard\n        entry: npx finta-guard scan --staged\n        language: system\n",
        ".github/workflows/ci.yml": workflow,
      },
    },
    expected: {
      status: "pass",
      evidence: [
        { file: ".pre-commit-config.yaml", line: 4, message: "pre-commit runs finta-guard through the pre-commit framework (.git/hooks/pre-commit:5)" },
        { file: ".github/workflows/ci.yml", line: 8, message: "CI runs finta-guard" },
      ],
    },
  },
  {
    name: "warns: nothing installed",
    spec: { files: { "README.md": "x\n" } },
    expected: { status: "warn", evidence: [] },
  },
];

/** A hook file git can run (git skips hooks without the executable bit). */
function writeHook(r: FixtureRepo, path: string, text: string): void {
  r.write(path, text);
  chmodSync(join(r.root, path), 0o755);
}

const HOOKS: Record<string, [string, string]> = {
  "passes: plain git hook and GitLab CI through an npm script": [".git/hooks/pre-commit", "#!/bin/sh\n# added by finta-guard install\nexec npx --no finta-guard scan --staged\n"],
  "passes: core.hooksPath is honoured": ["tools/hooks/pre-commit", "#!/bin/sh\nexec finta-guard scan --staged\n"],
  "passes: lefthook installed, finta-guard in its pre-commit section": [".git/hooks/pre-commit", '#!/bin/sh\nnpx lefthook run "pre-commit" "$@"\n'],
  "passes: the pre-commit framework's hook, finta-guard in .pre-commit-config.yaml": [
    ".git/hooks/pre-commit",
    '#!/usr/bin/env bash\n# File generated by pre-commit: https://pre-commit.com\n# start templated\nINSTALL_PYTHON=/usr/bin/python3\nARGS=(hook-impl --config=.pre-commit-config.yaml --hook-type=pre-commit)\n# end templated\nif [ -x "$INSTALL_PYTHON" ]; then\n    exec "$INSTALL_PYTHON" -mpre_commit "${ARGS[@]}"\nelse\n    exit 1\nfi\n',
  ],
  "passes: simple-git-hooks wrote the command into the hook": [
    ".git/hooks/pre-commit",
    '#!/bin/sh\n\nif [ "$SKIP_SIMPLE_GIT_HOOKS" = "1" ]; then\n    exit 0\nfi\nnpx finta-guard scan --staged\n',
  ],
};

describe("hook-installed", () => {
  it.each(cases)("$name", async ({ name, spec, expected }) => {
    repo = makeFixtureRepo(spec);
    const hook = HOOKS[name];
    if (hook) writeHook(repo, hook[0], hook[1]);
    expect(verdict(await runCheck(repo, "hook-installed"))).toEqual(expected);
  });

  it.each([
    [
      "a hook that is not executable",
      () => repo?.write(".git/hooks/pre-commit", "#!/bin/sh\nnpx finta-guard scan --staged\n"),
      "the pre-commit hook git runs does not reach finta-guard: .git/hooks/pre-commit runs finta-guard but is not executable, so git skips it: chmod +x .git/hooks/pre-commit.",
    ],
    [
      "finta-guard after an unconditional exit",
      () => repo && writeHook(repo, ".git/hooks/pre-commit", "#!/bin/sh\nexit 0\nnpx finta-guard scan --staged\n"),
      "no pre-commit hook runs finta-guard (looked at git's hooks path, .husky/pre-commit, lint-staged, lefthook, simple-git-hooks and pre-commit configs).",
    ],
    [
      "a husky folder husky never activates",
      () => repo?.write(".husky/pre-commit", "npx finta-guard scan --staged\n"),
      "the pre-commit hook git runs does not reach finta-guard: .husky/pre-commit runs finta-guard, but husky is not active in this clone (core.hooksPath is .git/hooks, and no prepare script runs husky): run npx husky.",
    ],
    [
      "lefthook configured but not installed",
      () => repo?.write("lefthook.yml", "pre-commit:\n  commands:\n    secrets:\n      run: npx finta-guard scan --staged\n"),
      "the pre-commit hook git runs does not reach finta-guard: lefthook.yml:4 runs finta-guard through lefthook, but the hook git runs (.git/hooks/pre-commit) never calls it: run npx lefthook install.",
    ],
    [
      "lint-staged called, but its configuration never runs finta-guard",
      () => {
        repo?.write("package.json", '{ "scripts": { "prepare": "husky" }, "lint-staged": { "*.ts": "eslint" } }\n');
        repo?.write(".husky/pre-commit", "npx lint-staged\n");
      },
      "the pre-commit hook git runs does not reach finta-guard: .husky/pre-commit:1 runs lint-staged, but no lint-staged configuration runs finta-guard.",
    ],
    [
      "simple-git-hooks configured but not installed",
      () => repo?.write("package.json", '{ "simple-git-hooks": { "pre-commit": "npx finta-guard scan --staged" } }\n'),
      "the pre-commit hook git runs does not reach finta-guard: package.json's simple-git-hooks runs finta-guard, but .git/hooks/pre-commit does not: run npx simple-git-hooks.",
    ],
  ] as const)("does not count %s, and says why", async (_name, arrange, reason) => {
    repo = makeFixtureRepo({ files: { ".github/workflows/ci.yml": workflow } });
    arrange();
    const result = await runCheck(repo, "hook-installed");
    expect(result.status).toBe("warn");
    expect(result.reason).toBe(reason);
  });

  it("the warning gives the commands to fix it", async () => {
    repo = makeFixtureRepo({ files: { ".github/workflows/ci.yml": workflow } });
    const result = await runCheck(repo, "hook-installed");
    expect(result.reason).toBe("no pre-commit hook runs finta-guard (looked at git's hooks path, .husky/pre-commit, lint-staged, lefthook, simple-git-hooks and pre-commit configs).");
    expect(result.fix).toBe("Install the hook (husky when the repository uses it, otherwise .git/hooks):\n  npx finta-guard install");
  });
});
