/**
 * A real `git commit` with the installed hook (plain and husky), running this
 * checkout's build as the project's node_modules/.bin/finta-guard: blocked when
 * the commit adds a secret, allowed when clean, and correct for
 * `git commit -a` and `git commit <path>` (git stages into a temporary index
 * before the hook runs). Needs `npm run build` (npm test does it first).
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

const HUSKY_BIN = fileURLToPath(new URL("../../node_modules/husky/bin.js", import.meta.url));
const keyLine = (seed = 1) => `const key = "${fake.liveKey(seed)}";`;

let repo: GitRepo;
afterEach(() => repo?.cleanup());

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error("dist/cli/main.js is missing: run `npm run build` first");
});

function commit(args: string[]) {
  const r = repo.tryGit(["commit", "-q", "-m", "change", ...args]);
  return { status: r.status, output: r.stdout + r.stderr };
}

const headSubject = () => repo.git(["log", "-1", "--format=%s"]).trim();

async function setUp(manager: "plain" | "husky"): Promise<void> {
  repo = makeGitRepo();
  repo.write("app.js", "const a = 1;\n");
  repo.write("other.js", "const b = 2;\n");
  if (manager === "husky") repo.write(".husky/.keep", "");
  repo.commitAll("init");
  repo.linkLocalBin();
  expect((await runCli(["install"], repo.root, repo.env)).code).toBe(0);
  // What `npm install` runs through the project's prepare script: husky points core.hooksPath at .husky/_.
  if (manager === "husky") execFileSync(process.execPath, [HUSKY_BIN], { cwd: repo.root, env: repo.env });
}

describe.each(["plain", "husky"] as const)("%s hook", (manager) => {
  it("blocks a commit that adds a secret (exact location in the message) and allows it once removed", async () => {
    await setUp(manager);
    repo.write("app.js", `const a = 1;\n${keyLine()}\n`);
    repo.git(["add", "app.js"]);
    const blocked = commit([]);
    expect(blocked.status).toBe(1);
    expect(blocked.output).toContain("app.js:2:14  critical  finta-secret-key-live");
    expect(blocked.output).toContain("git commit --no-verify");
    expect(headSubject()).toBe("init");

    repo.write("app.js", "const a = 1;\nconst key = process.env.FINTA_KEY;\n");
    repo.git(["add", "app.js"]);
    expect(commit([]).status).toBe(0);
    expect(headSubject()).toBe("change");
  });

  it("git commit -a: the hook sees the tracked changes git stages for it", async () => {
    await setUp(manager);
    repo.write("other.js", `const b = 2;\n${keyLine()}\n`);
    const blocked = commit(["-a"]);
    expect(blocked.status).toBe(1);
    expect(blocked.output).toContain("other.js:2:14  critical  finta-secret-key-live");
    expect(headSubject()).toBe("init");
  });

  it("git commit <path>: only that path's changes are committed and scanned", async () => {
    await setUp(manager);
    repo.write("other.js", `const b = 2;\n${keyLine()}\n`);
    repo.write("app.js", "const a = 3;\n");
    // The secret in other.js is not part of this commit.
    expect(commit(["app.js"]).status).toBe(0);
    expect(headSubject()).toBe("change");
    const blocked = commit(["other.js"]);
    expect(blocked.status).toBe(1);
    expect(blocked.output).toContain("other.js:2:14  critical  finta-secret-key-live");
  });
});

describe("this repository's own hook (dogfooding)", () => {
  it(".husky/pre-commit runs the repository's build when the repository is finta-guard itself", async () => {
    repo = makeGitRepo();
    repo.write("package.json", JSON.stringify({ name: "finta-guard", type: "module", devDependencies: { husky: "^9.1.7" } }, null, 2) + "\n");
    // The build: here a stand-in that runs this checkout's dist/cli/main.js.
    repo.write("dist/cli/main.js", `await import(${JSON.stringify(pathToFileURL(BIN).href)});\n`);
    repo.write(".husky/pre-commit", readFileSync(new URL("../../.husky/pre-commit", import.meta.url), "utf8"));
    repo.write("app.js", "const a = 1;\n");
    repo.commitAll("init");
    execFileSync(process.execPath, [HUSKY_BIN], { cwd: repo.root, env: repo.env });
    repo.write("app.js", `const a = 1;\n${keyLine()}\n`);
    repo.git(["add", "app.js"]);
    const blocked = commit([]);
    expect(blocked.status).toBe(1);
    expect(blocked.output).toContain("app.js:2:14  critical  finta-secret-key-live");
    repo.write("app.js", "const a = 2;\n");
    repo.git(["add", "app.js"]);
    expect(commit([]).status).toBe(0);
  });
});

describe("fail closed", () => {
  it("without finta-guard installed in the project, the plain hook blocks with a clear message", async () => {
    repo = makeGitRepo();
    repo.write("a.txt", "a\n");
    repo.commitAll("init");
    expect((await runCli(["install"], repo.root, repo.env)).code).toBe(0);
    repo.write("a.txt", "b\n");
    repo.git(["add", "a.txt"]);
    // A PATH with git and sh but no finta-guard.
    const r = repo.tryGit(["commit", "-q", "-m", "x"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("finta-guard: cannot find finta-guard (looked in node_modules/.bin and PATH), so this commit is blocked.");
  });

  it("a hook that was there before runs first, and its failure still blocks", async () => {
    repo = makeGitRepo();
    repo.write("a.txt", "a\n");
    repo.commitAll("init");
    repo.linkLocalBin();
    repo.write(".git/hooks/pre-commit", "#!/bin/sh\necho earlier hook ran >&2\nexit 3\n");
    chmodSync(join(repo.root, ".git/hooks/pre-commit"), 0o755);
    expect((await runCli(["install"], repo.root, repo.env)).code).toBe(0);
    repo.write("a.txt", "b\n");
    repo.git(["add", "a.txt"]);
    const r = repo.tryGit(["commit", "-q", "-m", "x"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("earlier hook ran");
  });
});
