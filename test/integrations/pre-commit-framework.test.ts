/**
 * The hooks of .pre-commit-hooks.yaml, run by the real pre-commit framework
 * (`pre-commit try-repo` against this checkout, as a user's first try would):
 * `finta-guard` (language: node, pre-commit installs the package itself) and
 * `finta-guard-system` (language: system, the project's own install).
 * .ci/run installs pre-commit (Debian's package) so CI never skips these.
 */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

const PROJECT = fileURLToPath(new URL("../..", import.meta.url));
const hasPreCommit = spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).status === 0;
/** The user's npm cache (the test repository gets a private HOME): packages come from it when they can. */
const npmCache = spawnSync("npm", ["config", "get", "cache"], { encoding: "utf8" }).stdout.trim();

let repo: GitRepo;
afterEach(() => repo?.cleanup());

/** Asynchronous: the first run installs for minutes, and the test worker must keep answering meanwhile. */
function tryRepo(hook: string): Promise<{ code: number | null; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn("pre-commit", ["try-repo", PROJECT, hook, "--verbose"], {
      cwd: repo.root,
      env: { ...repo.env, PRE_COMMIT_HOME: join(repo.base, "pre-commit-home"), ...(npmCache ? { npm_config_cache: npmCache } : {}), PRE_COMMIT_COLOR: "never" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => void (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => void (out += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, out }));
  });
}

const keyFile = () => `// settings\nconst key = "${fake.liveKey()}";\n`;

describe.skipIf(!hasPreCommit)(hasPreCommit ? "pre-commit framework" : "pre-commit framework: skipped, the pre-commit command is not installed (apt-get install pre-commit)", () => {
  it("language: node: pre-commit installs the package and the hook blocks a staged key", async () => {
    repo = makeGitRepo();
    repo.write("app.js", keyFile());
    repo.git(["add", "app.js"]);
    const out = await tryRepo("finta-guard");
    expect(out.out).toContain("app.js:2:14  critical  finta-secret-key-live");
    expect(out.out).toMatch(/finta-guard \(secrets in staged changes\)\.+Failed/);
    expect(out.code).toBe(1);
  }, 600_000);

  it("language: system: runs the project's node_modules/.bin/finta-guard; clean passes, a key is blocked", async () => {
    repo = makeGitRepo();
    repo.linkLocalBin();
    repo.write("readme.txt", "nothing secret\n");
    repo.git(["add", "readme.txt"]);
    const clean = await tryRepo("finta-guard-system");
    expect(clean.out).toMatch(/project's own install\)\.+Passed/);
    expect(clean.code).toBe(0);
    repo.write("app.js", keyFile());
    repo.git(["add", "app.js"]);
    const dirty = await tryRepo("finta-guard-system");
    expect(dirty.out).toContain("app.js:2:14  critical  finta-secret-key-live");
    expect(dirty.code).toBe(1);
  }, 300_000);

  it("language: system without finta-guard installed: blocked with a message saying how to install it", async () => {
    repo = makeGitRepo();
    repo.write("readme.txt", "nothing secret\n");
    repo.git(["add", "readme.txt"]);
    const out = await tryRepo("finta-guard-system");
    expect(out.out).toContain("finta-guard: not found in node_modules/.bin or PATH (npm install --save-dev finta-guard); commit blocked");
    expect(out.code).toBe(1);
  }, 300_000);
});
