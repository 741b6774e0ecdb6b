/**
 * A file replaced between the walk listing it and the scan reading it: a FIFO
 * must not hang the scan, a symbolic link must not be followed. Both are scan
 * errors (exit 2: something listed was not read), named by path. The swap is
 * made by a preloaded module right after the walk reads the folder, so the
 * race is won every time. Also: a FIFO standing as an ignore file does not
 * block the walk.
 */
import { spawnSync } from "node:child_process";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { BIN } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

const PRELOAD = fileURLToPath(new URL("../fixtures/preload/swap-after-listing.mjs", import.meta.url));

let repo: GitRepo;
afterEach(() => repo?.cleanup());

function runWith(env: Record<string, string>, args: string[]) {
  const r = spawnSync(process.execPath, ["--import", PRELOAD, BIN, ...args], {
    cwd: repo.root,
    env: { ...repo.env, ...env },
    encoding: "utf8",
    // On the unfixed code the FIFO blocks for ever: fail, do not hang the suite.
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(process.platform === "win32")("files swapped after listing", () => {
  it("a FIFO and a link swapped in are scan errors (exit 2), not a hang and not a followed link", () => {
    repo = makeGitRepo();
    // Outside the scanned tree: a file holding a key, the link's target.
    repo.write("../outside/secrets.txt", `const key = "${fake.liveKey(3)}";\n`);
    repo.write("a-fifo.txt", "plain\n");
    repo.write("b-link.txt", "plain\n");
    repo.write("c.js", `const key = "${fake.liveKey(4)}";\n`);
    const out = runWith(
      { FG_SWAP_DIR: repo.root, FG_SWAP_FIFO: "a-fifo.txt", FG_SWAP_LINK: "b-link.txt", FG_SWAP_TARGET: join(repo.base, "outside", "secrets.txt") },
      ["scan", "--format", "json"],
    );
    const report = JSON.parse(out.stdout) as { findings: { file: string; line: number; column: number; ruleId: string }[]; errors: unknown[] };
    expect(out.code).toBe(2);
    expect(report.findings.map(({ file, line, column, ruleId }) => ({ file, line, column, ruleId }))).toEqual([
      { file: "c.js", line: 1, column: 14, ruleId: "finta-secret-key-live" },
    ]);
    expect(report.errors).toEqual([
      { file: "a-fifo.txt", message: "not a regular file (replaced during the scan?); not read" },
      { file: "b-link.txt", message: "is a symbolic link (replaced during the scan?); not followed" },
    ]);
    expect(out.stderr).toBe(
      "finta-guard: a-fifo.txt: not a regular file (replaced during the scan?); not read\n" +
        "finta-guard: b-link.txt: is a symbolic link (replaced during the scan?); not followed\n",
    );
  });

  it("a FIFO named .gitignore does not block the walk", () => {
    repo = makeGitRepo();
    repo.write("sub/c.js", `const key = "${fake.liveKey(5)}";\n`);
    execFileSync("mkfifo", [join(repo.root, "sub", ".gitignore")]);
    const out = runWith({}, ["scan", "--format", "json"]);
    const report = JSON.parse(out.stdout) as { findings: { file: string; line: number; column: number; ruleId: string }[] };
    expect(out.code).toBe(1);
    expect(report.findings.map(({ file, line, column, ruleId }) => ({ file, line, column, ruleId }))).toEqual([
      { file: "sub/c.js", line: 1, column: 14, ruleId: "finta-secret-key-live" },
    ]);
  });
});
