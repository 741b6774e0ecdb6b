/**
 * `install` may not write where the user did not mean it to: not into a hooks
 * folder a *global* `core.hooksPath` shares with every repository (unless
 * `--global`), not through a `.husky/pre-commit` the repository commits as a
 * link; and the hook it reports installed must run: husky's block goes first,
 * so an earlier `exit 0` cannot make it unreachable. Built binary, real git.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { HUSKY_BLOCK, plainHookText } from "../../src/install/hook-text.js";
import { runBin } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

let repo: GitRepo | undefined;
afterEach(() => repo?.cleanup());

const bin = (r: GitRepo, argv: string[]) => runBin(argv, r.root, { env: r.env });

describe("a global core.hooksPath", () => {
  function withGlobalHooks(): { r: GitRepo; folder: string } {
    const r = (repo = makeGitRepo());
    const folder = join(r.base, "home", "global-hooks");
    mkdirSync(folder);
    r.git(["config", "--global", "core.hooksPath", folder]);
    return { r, folder };
  }

  it("install refuses (exit 2, says why and what to do) and writes nothing there", () => {
    const { r, folder } = withGlobalHooks();
    const out = bin(r, ["install"]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toBe(
      `finta-guard: core.hooksPath is set in the global git configuration to ${folder}, a folder every repository uses: a hook there would run in all of them; ` +
        "run `finta-guard install --global` to install it there, or give this repository its own hooks folder (git config core.hooksPath .git/hooks) and run install again\n",
    );
    expect(existsSync(join(folder, "pre-commit"))).toBe(false);
  });

  it("--global installs there; uninstall needs --global too", () => {
    const { r, folder } = withGlobalHooks();
    const installed = bin(r, ["install", "--global"]);
    expect([installed.code, installed.stderr]).toEqual([0, ""]);
    expect(readFileSync(join(folder, "pre-commit"), "utf8")).toBe(plainHookText());
    const refused = bin(r, ["uninstall"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^finta-guard: core\.hooksPath is set in the global git configuration to .*; run `finta-guard uninstall --global` to do that\n$/);
    expect(existsSync(join(folder, "pre-commit"))).toBe(true);
    expect(bin(r, ["uninstall", "--global"]).code).toBe(0);
    expect(existsSync(join(folder, "pre-commit"))).toBe(false);
  });

  it("a local core.hooksPath, or a relative global one (each repository's own folder), is installed into as before", () => {
    const r = (repo = makeGitRepo());
    r.git(["config", "--global", "core.hooksPath", ".githooks"]);
    const out = bin(r, ["install"]);
    expect([out.code, out.stdout]).toEqual([0, "finta-guard: installed the pre-commit hook (.githooks/pre-commit)\n"]);
    expect(readFileSync(join(r.root, ".githooks", "pre-commit"), "utf8")).toBe(plainHookText());
  });
});

describe("husky", () => {
  /** Runs `.husky/pre-commit` as husky does (sh -e, from the top of the work tree); returns its exit status. */
  const runHuskyHook = (r: GitRepo) => spawnSync("sh", ["-e", ".husky/pre-commit"], { cwd: r.root, env: r.env, encoding: "utf8" }).status;

  function huskyRepo(hook: string): GitRepo {
    const r = (repo = makeGitRepo());
    r.write("package.json", JSON.stringify({ name: "app", devDependencies: { husky: "^9.1.7" } }));
    r.write(".husky/pre-commit", hook);
    r.git(["config", "core.hooksPath", ".husky/_"]);
    r.linkLocalBin();
    r.write("app.ts", `const key = "${fake.liveKey(5)}";\n`);
    r.git(["add", "app.ts"]);
    return r;
  }

  it("an earlier `exit 0` cannot make the block unreachable: it goes first, and the hook blocks a staged key", () => {
    const r = huskyRepo("echo lint ok\nexit 0\n");
    expect(runHuskyHook(r)).toBe(0);
    const out = bin(r, ["install"]);
    expect(out.code).toBe(0);
    expect(readFileSync(join(r.root, ".husky/pre-commit"), "utf8")).toBe(`${HUSKY_BLOCK}\necho lint ok\nexit 0\n`);
    expect(runHuskyHook(r)).toBe(1);
  });

  it("a #! line stays first; a block an older install left after `exit 0` is moved up (updated)", () => {
    const r = huskyRepo(`#!/usr/bin/env sh\nexit 0\n${HUSKY_BLOCK}\n`);
    expect(runHuskyHook(r)).toBe(0);
    const out = bin(r, ["install"]);
    expect([out.code, out.stdout]).toEqual([0, "finta-guard: updated the pre-commit hook (.husky/pre-commit)\n"]);
    expect(readFileSync(join(r.root, ".husky/pre-commit"), "utf8")).toBe(`#!/usr/bin/env sh\n${HUSKY_BLOCK}\nexit 0\n`);
    expect(runHuskyHook(r)).toBe(1);
    expect(bin(r, ["install"]).stdout).toBe("finta-guard: the pre-commit hook is already installed (.husky/pre-commit)\n");
  });

  it("a .husky/pre-commit committed as a link is not written through", () => {
    const r = (repo = makeGitRepo());
    const victim = join(r.base, "home", ".profile");
    writeFileSync(victim, "export PATH\n");
    mkdirSync(join(r.root, ".husky"));
    symlinkSync(victim, join(r.root, ".husky", "pre-commit"));
    r.commitAll("husky hook is a link");
    const out = bin(r, ["install"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`finta-guard: ${join(r.root, ".husky", "pre-commit")}: cannot write: refusing to write through a symbolic link\n`);
    expect(readFileSync(victim, "utf8")).toBe("export PATH\n");
    expect(execFileSync("git", ["status", "--porcelain"], { cwd: r.root, env: r.env, encoding: "utf8" })).toBe("");
  });
});
