/**
 * CI on pull requests: the pull request under test may add the suppression
 * that hides its own secret (`*` in `.finta-guardignore`, `disable` in the
 * configuration, a baseline entry). Every report format says what the
 * configuration and ignore files hid, and `--config-from REV` reads them
 * from a trusted revision instead of the working tree. End to end through
 * the built CLI on a real repository with a base branch and a PR branch.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runBin } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

const RULE = "finta-secret-key-live";

let repo: GitRepo;
afterEach(() => repo?.cleanup());

/** main: a config allowing docs/, fixtures/ ignored; pr: a key in app.env, with `*` ignored and the rule disabled. */
function pullRequestHidingItsKey(): { base: string; pr: string } {
  repo = makeGitRepo();
  repo.write("finta-guard.config.json", JSON.stringify({ allowlist: { paths: ["docs/"] } }) + "\n");
  repo.write(".finta-guardignore", "fixtures/\n");
  repo.write("fixtures/sample.txt", "sample\n");
  repo.write("docs/guide.md", "guide\n");
  repo.write("src/app.js", "export const a = 1;\n");
  const base = repo.commitAll("base");
  repo.git(["checkout", "-q", "-b", "pr"]);
  repo.write(".finta-guardignore", "*\n");
  repo.write("finta-guard.config.json", JSON.stringify({ disable: [RULE] }) + "\n");
  repo.write("app.env", `KEY="${fake.liveKey(11)}"\n`);
  const pr = repo.commitAll("pr");
  return { base, pr };
}

function scan(args: string[]) {
  return runBin(["scan", ...args], repo.root, { env: repo.env });
}

const rowsOf = (stdout: string) =>
  (JSON.parse(stdout) as { findings: { file: string; line: number; column: number; ruleId: string }[] }).findings.map(({ file, line, column, ruleId }) => ({ file, line, column, ruleId }));

describe("what the pull request's own configuration hides is reported, in every format", () => {
  it("text: the summary line names the ignore file, its count and the disabled rule", () => {
    pullRequestHidingItsKey();
    const out = scan([]);
    expect(out.code).toBe(0);
    expect(out.stdout.split("\n").slice(-2)[0]).toBe("  suppressed by configuration: 6 paths ignored by .finta-guardignore; rule disabled by finta-guard.config.json: finta-secret-key-live");
  });

  it("JSON: suppressionSources", () => {
    pullRequestHidingItsKey();
    const out = scan(["--format", "json"]);
    expect(out.code).toBe(0);
    expect((JSON.parse(out.stdout) as { suppressionSources: unknown }).suppressionSources).toEqual({
      ignoredPaths: [{ by: ".finta-guardignore", paths: 6 }],
      disabledRules: [{ ruleId: RULE, by: "finta-guard.config.json" }],
    });
  });

  it("SARIF: run properties", () => {
    pullRequestHidingItsKey();
    const out = scan(["--format", "sarif"]);
    expect(out.code).toBe(0);
    expect((JSON.parse(out.stdout) as { runs: { properties: { suppressionSources: unknown } }[] }).runs[0]!.properties.suppressionSources).toEqual({
      ignoredPaths: [{ by: ".finta-guardignore", paths: 6 }],
      disabledRules: [{ ruleId: RULE, by: "finta-guard.config.json" }],
    });
  });

  it("github: a notice", () => {
    pullRequestHidingItsKey();
    const out = scan(["--format", "github"]);
    expect(out.code).toBe(0);
    expect(out.stdout.split("\n")[0]).toBe(
      "::notice title=finta-guard%3A suppression::suppressed by configuration: 6 paths ignored by .finta-guardignore; rule disabled by finta-guard.config.json: finta-secret-key-live",
    );
  });

  it("staged and history scans report the root .finta-guardignore and config allowlist paths they skipped", () => {
    pullRequestHidingItsKey();
    repo.git(["checkout", "-q", "main"]);
    repo.write("fixtures/more.txt", "x\n");
    repo.write("docs/more.md", "y\n");
    repo.git(["add", "-A"]);
    const out = scan(["--staged", "--format", "json"]);
    expect(out.code).toBe(0);
    expect((JSON.parse(out.stdout) as { suppressionSources: unknown }).suppressionSources).toEqual({
      ignoredPaths: [
        { by: ".finta-guardignore", paths: 1 },
        { by: "finta-guard.config.json allowlist.paths", paths: 1 },
      ],
      disabledRules: [],
    });
  });
});

describe("--config-from REV: configuration, ignore files and baseline from a trusted revision", () => {
  it("tree scan: the pull request's `*` and `disable` do not count; the base's ignore file does", () => {
    pullRequestHidingItsKey();
    const out = scan(["--config-from", "main", "--format", "json"]);
    expect(out.code).toBe(1);
    expect(rowsOf(out.stdout)).toEqual([{ file: "app.env", line: 1, column: 6, ruleId: RULE }]);
    expect((JSON.parse(out.stdout) as { suppressionSources: unknown }).suppressionSources).toEqual({
      configFrom: "main",
      ignoredPaths: [
        { by: "main:.finta-guardignore", paths: 1 },
        { by: "main:finta-guard.config.json allowlist.paths", paths: 1 },
      ],
      disabledRules: [],
    });
  });

  it("history scan of the pull request's commits (main..HEAD)", () => {
    const { pr } = pullRequestHidingItsKey();
    const out = scan(["--history", "main..HEAD", "--config-from", "main", "--format", "json"]);
    expect(out.code).toBe(1);
    expect((JSON.parse(out.stdout) as { findings: { file: string; line: number; column: number; ruleId: string; commit: string }[] }).findings.map(({ file, line, column, ruleId, commit }) => ({ file, line, column, ruleId, commit }))).toEqual([
      { file: "app.env", line: 1, column: 6, ruleId: RULE, commit: pr },
    ]);
    // Without it, the pull request's own configuration hides the key.
    expect(scan(["--history", "main..HEAD", "--format", "json"]).code).toBe(0);
  });

  it("a baseline the pull request adds for its own key does not count", () => {
    pullRequestHidingItsKey();
    repo.write(".finta-guardignore", "");
    repo.write("finta-guard.config.json", "{}\n");
    expect(runBin(["baseline"], repo.root, { env: repo.env }).code).toBe(0);
    repo.commitAll("accept the key");
    expect(scan(["--format", "json"]).code).toBe(0);
    const out = scan(["--config-from", "main", "--format", "json"]);
    expect(out.code).toBe(1);
    expect(rowsOf(out.stdout)).toEqual([{ file: "app.env", line: 1, column: 6, ruleId: RULE }]);
  });

  it("a configuration file committed in the revision is used, and named by it in errors", () => {
    pullRequestHidingItsKey();
    repo.git(["checkout", "-q", "main"]);
    repo.write("finta-guard.config.json", '{"disable": 3}\n');
    repo.commitAll("broken config");
    repo.git(["checkout", "-q", "pr"]);
    const out = scan(["--config-from", "main"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe("finta-guard: main:finta-guard.config.json: disable: expected an array, got number 3\n");
  });

  it("bad uses are one-line errors (exit 2)", () => {
    pullRequestHidingItsKey();
    expect(scan(["--config-from", "no-such-branch"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'finta-guard: --config-from: "no-such-branch" names no commit in this repository (fetch it first, e.g. git fetch origin no-such-branch)\n',
    });
    expect(scan(["--config-from", "main", "--config", "finta-guard.config.json"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "finta-guard: --config and --config-from cannot be used together (--config-from reads finta-guard.config.json from the revision)\n",
    });
    expect(runBin(["baseline", "--config-from", "main"], repo.root, { env: repo.env })).toEqual({
      code: 2,
      stdout: "",
      stderr: "finta-guard: --config-from applies to scan and rules, not baseline\n",
    });
  });
});
