/**
 * `finta-guard install` / `uninstall` on real temporary repositories: husky
 * and plain git, with and without a hook already there, with core.hooksPath
 * and from a linked worktree. Both are idempotent, and uninstall leaves
 * exactly what was there before install.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { HUSKY_BLOCK, plainHookText } from "../../src/install/hook-text.js";
import { runCli } from "../helpers/cli.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

let repo: GitRepo;
afterEach(() => repo?.cleanup());

const cli = (argv: string[], cwd = repo.root) => runCli(argv, cwd, repo.env);
const read = (path: string) => readFileSync(join(repo.root, path), "utf8");
const isExecutable = (path: string) => (statSync(join(repo.root, path)).mode & 0o111) !== 0;

describe("plain git hooks", () => {
  it("installs hooks/pre-commit, is idempotent, and uninstall removes it", async () => {
    repo = makeGitRepo();
    expect(await cli(["install"])).toEqual({ code: 0, stdout: "finta-guard: installed the pre-commit hook (.git/hooks/pre-commit)\n", stderr: "" });
    expect(read(".git/hooks/pre-commit")).toBe(plainHookText());
    expect(isExecutable(".git/hooks/pre-commit")).toBe(true);
    expect(await cli(["install"])).toEqual({ code: 0, stdout: "finta-guard: the pre-commit hook is already installed (.git/hooks/pre-commit)\n", stderr: "" });
    expect(await cli(["uninstall"])).toEqual({ code: 0, stdout: "finta-guard: removed the finta-guard hook from .git/hooks/pre-commit\n", stderr: "" });
    expect(existsSync(join(repo.root, ".git/hooks/pre-commit"))).toBe(false);
    expect(await cli(["uninstall"])).toEqual({ code: 0, stdout: "finta-guard: no finta-guard hook is installed; nothing to remove\n", stderr: "" });
  });

  it("chains an existing hook instead of overwriting it; uninstall puts it back", async () => {
    repo = makeGitRepo();
    const mine = "#!/bin/sh\necho mine >> hook-ran.txt\n";
    writeFileSync(join(repo.root, ".git/hooks/pre-commit"), mine, { mode: 0o755 });
    expect(await cli(["install"])).toEqual({
      code: 0,
      stdout:
        "finta-guard: installed the pre-commit hook (.git/hooks/pre-commit)\n" +
        "  the hook that was there is kept as .git/hooks/pre-commit.pre-finta-guard and runs first\n",
      stderr: "",
    });
    expect(read(".git/hooks/pre-commit.pre-finta-guard")).toBe(mine);
    expect(read(".git/hooks/pre-commit")).toBe(plainHookText());
    expect((await cli(["install"])).code).toBe(0);
    expect(read(".git/hooks/pre-commit.pre-finta-guard")).toBe(mine);
    expect(await cli(["uninstall"])).toEqual({
      code: 0,
      stdout: "finta-guard: removed the finta-guard hook from .git/hooks/pre-commit\n  restored the previous hook as .git/hooks/pre-commit\n",
      stderr: "",
    });
    expect(read(".git/hooks/pre-commit")).toBe(mine);
    expect(existsSync(join(repo.root, ".git/hooks/pre-commit.pre-finta-guard"))).toBe(false);
  });

  it("refuses (exit 2) rather than clobber when a chained hook is already there", async () => {
    repo = makeGitRepo();
    writeFileSync(join(repo.root, ".git/hooks/pre-commit"), "#!/bin/sh\n", { mode: 0o755 });
    writeFileSync(join(repo.root, ".git/hooks/pre-commit.pre-finta-guard"), "#!/bin/sh\n", { mode: 0o755 });
    const out = await cli(["install"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^finta-guard: .*pre-commit: a hook is already chained as .*pre-commit\.pre-finta-guard; move one of them away and run install again\n$/);
    expect(read(".git/hooks/pre-commit")).toBe("#!/bin/sh\n");
  });

  it("respects core.hooksPath (relative to the work tree), also when run from a subfolder", async () => {
    repo = makeGitRepo();
    repo.git(["config", "core.hooksPath", "ci/hooks"]);
    mkdirSync(join(repo.root, "src"));
    expect(await cli(["install"], join(repo.root, "src"))).toEqual({ code: 0, stdout: "finta-guard: installed the pre-commit hook (ci/hooks/pre-commit)\n", stderr: "" });
    expect(read("ci/hooks/pre-commit")).toBe(plainHookText());
    expect(existsSync(join(repo.root, ".git/hooks/pre-commit"))).toBe(false);
    expect((await cli(["uninstall"])).stdout).toBe("finta-guard: removed the finta-guard hook from ci/hooks/pre-commit\n");
    expect(existsSync(join(repo.root, "ci/hooks/pre-commit"))).toBe(false);
  });

  it("from a linked worktree: installs into the shared hooks directory", async () => {
    repo = makeGitRepo();
    repo.write("a.txt", "a\n");
    repo.commitAll("init");
    const wt = join(repo.base, "wt");
    repo.git(["worktree", "add", "-q", "-b", "wt", wt]);
    const out = await cli(["install"], wt);
    expect(out.code).toBe(0);
    expect(read(".git/hooks/pre-commit")).toBe(plainHookText());
  });
});

describe("husky", () => {
  it("puts the block first in .husky/pre-commit, keeping other lines; uninstall restores the file exactly", async () => {
    repo = makeGitRepo();
    repo.write(".husky/pre-commit", "npm test\nnpx lint-staged\n");
    repo.git(["config", "core.hooksPath", ".husky/_"]);
    expect(await cli(["install"])).toEqual({ code: 0, stdout: "finta-guard: installed the pre-commit hook (husky, .husky/pre-commit)\n", stderr: "" });
    expect(read(".husky/pre-commit")).toBe(`${HUSKY_BLOCK}\nnpm test\nnpx lint-staged\n`);
    expect(await cli(["install"])).toEqual({ code: 0, stdout: "finta-guard: the pre-commit hook is already installed (.husky/pre-commit)\n", stderr: "" });
    expect(read(".husky/pre-commit")).toBe(`${HUSKY_BLOCK}\nnpm test\nnpx lint-staged\n`);
    expect((await cli(["uninstall"])).stdout).toBe("finta-guard: removed the finta-guard hook from .husky/pre-commit\n");
    expect(read(".husky/pre-commit")).toBe("npm test\nnpx lint-staged\n");
  });

  it("creates .husky/pre-commit when missing (husky in package.json, not active yet); uninstall deletes it", async () => {
    repo = makeGitRepo();
    repo.write("package.json", JSON.stringify({ name: "app", devDependencies: { husky: "^9.1.7" } }));
    expect(await cli(["install"])).toEqual({
      code: 0,
      stdout:
        "finta-guard: installed the pre-commit hook (husky, .husky/pre-commit)\n" +
        "  husky is not active in this clone yet: run `npx husky` (or `npm install`, whose prepare script runs it)\n",
      stderr: "",
    });
    expect(read(".husky/pre-commit")).toBe(`${HUSKY_BLOCK}\n`);
    expect(existsSync(join(repo.root, ".git/hooks/pre-commit"))).toBe(false);
    await cli(["uninstall"]);
    expect(existsSync(join(repo.root, ".husky/pre-commit"))).toBe(false);
  });
});

describe("errors", () => {
  it.each(["install", "uninstall"])("%s outside a git repository: exit 2, one line", async (command) => {
    repo = makeGitRepo({ init: false });
    const out = await runCli([command], repo.root, { ...repo.env, GIT_CEILING_DIRECTORIES: repo.base });
    expect(out.code).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(/^finta-guard: not a git repository \(.*\): not a git repository.*\n$/);
  });
});

describe("arguments", () => {
  it.each([
    [["install", "x"], 'finta-guard: install takes no arguments (got "x")\n'],
    [["uninstall", "--staged"], 'finta-guard: --staged does not apply to "uninstall"\n'],
  ])("%j", async (argv, stderr) => {
    repo = makeGitRepo();
    expect(await cli(argv)).toEqual({ code: 2, stdout: "", stderr });
  });
});
