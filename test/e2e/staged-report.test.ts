/**
 * The text report of a blocked commit, whole (80 columns: the runner is not a
 * terminal): blocking findings with their location and redacted line, the
 * next steps (remove, rotate, allow inline, baseline --staged,
 * `--no-verify`), and pre-existing findings listed apart.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

let repo: GitRepo;
afterEach(() => repo?.cleanup());

/** The report with the timing (the only varying part) fixed. */
const stable = (text: string) => text.replace(/ in \d+ ms/g, " in N ms");

describe("staged text report", () => {
  it("blocked commit with a pre-existing finding", async () => {
    repo = makeGitRepo();
    const old = fake.liveKey(1);
    const added = fake.liveKey(2);
    repo.write("app.js", `const old = "${old}";\n`);
    repo.commitAll("init");
    repo.write("app.js", `const old = "${old}";\nconst key = "${added}";\n`);
    repo.git(["add", "app.js"]);
    const out = await runCli(["scan", "--staged"], repo.root, repo.env);
    expect(out.code).toBe(1);
    const redactedOld = `${old.slice(0, 10)}…(redacted)`;
    const redactedNew = `${added.slice(0, 10)}…(redacted)`;
    const lines = stable(out.stdout).split("\n");
    expect(lines[0]).toBe("✖ finta-guard: 1 secret in the staged changes; the commit is blocked");
    expect(lines[2]).toBe("app.js:2:14  critical  finta-secret-key-live  Finta live secret key (sk_live_…)");
    expect(lines[3]).toBe(`     2 | const key = "${redactedNew}";`);
    const tail = stable(out.stdout).slice(stable(out.stdout).indexOf("What to do:"));
    expect(tail).toBe(
      [
        "What to do:",
        "  1. Remove the secret from the file (read it from an environment variable or a",
        "     secret manager), then `git add` the file again.",
        "  2. If it is a live key, rotate it now: revoke it at the provider and issue a",
        "     new one (it may already sit in backups, history or other branches).",
        "  3. Not a secret (a test fixture, an example)? Allow it on its line with a",
        "     reason:",
        "       app.js:  // finta-guard:allow finta-secret-key-live -- reason",
        "  4. A known secret you accept for now? Record exactly these findings in the",
        "     baseline, then commit the baseline file:",
        '       npx finta-guard baseline --staged --reason "why it is accepted"',
        "       git add .finta-guard-baseline.json",
        "  Emergency only: `git commit --no-verify` skips this hook; CI scans the pushed",
        "  commits anyway.",
        "",
        "Pre-existing (1 finding on lines already in HEAD; not blocking this commit):",
        `  app.js:1:14  critical  finta-secret-key-live  ${redactedOld}`,
        "  Rotate these keys, then record them with `npx finta-guard baseline` so they",
        "  stop showing.",
        "",
        "✖ 2 findings (2 critical) · 1 file (112 B) in N ms",
        "  by rule: finta-secret-key-live 2",
        "",
      ].join("\n"),
    );
    expect(out.stdout).not.toContain(added);
    expect(out.stdout).not.toContain(old);
  });

  it("clean staged changes", async () => {
    repo = makeGitRepo();
    repo.write("app.js", "const a = 1;\n");
    repo.git(["add", "app.js"]);
    const out = await runCli(["scan", "--staged"], repo.root, repo.env);
    expect({ code: out.code, stdout: stable(out.stdout) }).toEqual({ code: 0, stdout: "✔ no secrets found · 1 file (13 B) in N ms\n" });
  });
});
