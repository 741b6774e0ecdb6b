/**
 * `finta-guard ci` on real repositories with GitHub Actions event payloads
 * (the fields the runner's event JSON has): a pull request scans exactly
 * base..head, a push before..after (a new branch: all its history), other
 * events the tree; annotations on stdout, the job summary appended to
 * GITHUB_STEP_SUMMARY, the SARIF file; a shallow clone missing the base is an
 * error naming `fetch-depth: 0`.
 */
import { existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

let repo: GitRepo;
afterEach(() => repo?.cleanup());

const ZERO = "0".repeat(40);
const keyLine = (seed: number) => `const key = "${fake.liveKey(seed)}";`;

/** main: an old secret in history; feature: one clean commit, one adding a secret, one with an allowed one. */
function prRepo() {
  repo = makeGitRepo();
  repo.write("old.js", `${keyLine(1)}\n`);
  repo.commitAll("old secret on main");
  repo.write("old.js", "// removed\n");
  const base = repo.commitAll("main tip");
  repo.git(["checkout", "-q", "-b", "feature"]);
  repo.write("README.md", "hello\n");
  repo.commitAll("docs");
  repo.write("src/pay.js", `// pay\n${keyLine(2)}\n`);
  repo.commitAll("add key");
  repo.write("test/fixture.js", `${keyLine(3)} // finta-guard:allow finta-secret-key-live -- fixture\n`);
  const head = repo.commitAll("fixture");
  return { base, head };
}

function pullRequestEvent(base: string, head: string) {
  return {
    action: "synchronize",
    number: 7,
    pull_request: { number: 7, base: { ref: "main", sha: base }, head: { ref: "feature", sha: head } },
    repository: { full_name: "acme/app" },
  };
}

async function ci(event: string, payload: unknown, extra: string[] = [], cwd = repo.root) {
  const eventPath = join(repo.base, "event.json");
  writeFileSync(eventPath, JSON.stringify(payload));
  const summary = join(repo.base, "summary.md");
  const sarif = join(repo.base, "out.sarif");
  const out = await runCli(["ci", "--sarif-output", sarif, ...extra], cwd, {
    ...repo.env,
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_STEP_SUMMARY: summary,
  });
  return {
    ...out,
    summary: existsSync(summary) ? readFileSync(summary, "utf8") : "",
    sarif: existsSync(sarif) ? (JSON.parse(readFileSync(sarif, "utf8")) as { runs: { automationDetails?: unknown; results: { ruleId: string; suppressions?: unknown[]; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] }) : undefined,
  };
}

const annotations = (stdout: string) => stdout.split("\n").filter((l) => l.startsWith("::"));

describe("finta-guard ci", () => {
  it("pull_request: exactly base..head; annotations, job summary, SARIF; exit 1", async () => {
    const { base, head } = prRepo();
    const out = await ci("pull_request", pullRequestEvent(base, head));
    expect(out.stderr).toBe("");
    expect(out.code).toBe(1);
    expect(out.stdout.split("\n")[0]).toBe(`finta-guard ci: scanning pull request commits ${base.slice(0, 12)}..${head.slice(0, 12)}`);
    expect(annotations(out.stdout)).toEqual([
      expect.stringMatching(/^::error file=src\/pay\.js,line=2,col=14,endColumn=\d+,title=critical secret%3A finta-secret-key-live::/),
    ]);
    // The summary: verdict, counts by severity and rule, the findings table, what was suppressed.
    expect(out.summary).toContain("## finta-guard: ❌ 1 secret at or above `low`");
    expect(out.summary).toContain("| critical | 1 |");
    expect(out.summary).toContain("| finta-secret-key-live | 1 |");
    expect(out.summary).toMatch(/\| src\/pay\.js:2:14 \| critical \| finta-secret-key-live \| sk\\_live\\_\w+…\\\(redacted\\\) \| [0-9a-f]{12} \|/);
    expect(out.summary).toContain("**Suppressed:** 1 by inline.");
    expect(out.summary).toContain("| test/fixture.js:1:14 | finta-secret-key-live | finta-guard:allow comment |");
    expect(out.summary).not.toContain(fake.liveKey(2));
    // SARIF: the finding and the suppressed one; no automationDetails (upload-sarif's category decides).
    const run = out.sarif!.runs[0]!;
    expect(run.automationDetails).toBeUndefined();
    expect(run.results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine, r.locations[0]!.physicalLocation.region.startColumn, r.suppressions ? "suppressed" : "open"])).toEqual([
      ["finta-secret-key-live", "src/pay.js", 2, 14, "open"],
      ["finta-secret-key-live", "test/fixture.js", 1, 14, "suppressed"],
    ]);
  });

  it("pull_request without findings: exit 0 and a clean summary; --fail-on critical still fails on a critical (live) key", async () => {
    repo = makeGitRepo();
    repo.write("a.txt", "a\n");
    const base = repo.commitAll("base");
    repo.write("b.txt", "b\n");
    const head = repo.commitAll("head");
    const out = await ci("pull_request", pullRequestEvent(base, head));
    expect([out.code, annotations(out.stdout)]).toEqual([0, []]);
    expect(out.summary).toContain("## finta-guard: ✅ no secret at or above `low`");
    const { base: b2, head: h2 } = prRepo();
    expect((await ci("pull_request", pullRequestEvent(b2, h2), ["--fail-on", "critical"])).code).toBe(1);
  });

  it("push: before..after only; a new branch (before = 000…): all history reachable from after", async () => {
    const { base, head } = prRepo();
    const pushed = await ci("push", { ref: "refs/heads/feature", before: base, after: head, created: false, deleted: false });
    expect(annotations(pushed.stdout).map((l) => l.split("::")[1]!.split(",")[0])).toEqual(["error file=src/pay.js"]);
    const created = await ci("push", { ref: "refs/heads/feature", before: ZERO, after: head, created: true, deleted: false });
    expect(created.stdout.split("\n")[0]).toBe(`finta-guard ci: scanning a new branch: every commit reachable from ${head.slice(0, 12)}`);
    expect(annotations(created.stdout).map((l) => l.split("::")[1]!.split(",")[0])).toEqual(["error file=old.js", "error file=src/pay.js"]);
    const deleted = await ci("push", { ref: "refs/heads/feature", before: head, after: ZERO, created: false, deleted: true });
    expect([deleted.code, annotations(deleted.stdout)]).toEqual([0, []]);
  });

  it("other events (workflow_dispatch, schedule): the working tree", async () => {
    prRepo();
    const out = await ci("workflow_dispatch", { inputs: {} });
    expect(out.stdout.split("\n")[0]).toBe("finta-guard ci: scanning the working tree (workflow_dispatch event)");
    expect(annotations(out.stdout).map((l) => l.split("::")[1]!.split(",").slice(0, 3).join(","))).toEqual(["error file=src/pay.js,line=2,col=14"]);
    expect(out.code).toBe(1);
  });

  it("a shallow clone whose base is missing: exit 2 naming fetch-depth: 0", async () => {
    const { base, head } = prRepo();
    const clone = join(repo.base, "shallow");
    repo.git(["clone", "-q", "--depth", "1", "--branch", "feature", `file://${repo.root}`, clone]);
    const out = await ci("pull_request", pullRequestEvent(base, head), [], clone);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`finta-guard: the base commit ${base.slice(0, 12)} is not in this clone (a shallow clone): check out the full history, e.g. actions/checkout with \`fetch-depth: 0\` (GitLab: GIT_DEPTH: 0)\n`);
  });

  it("a payload without commit ids, and a SARIF path that is a planted symlink: exit 2, nothing written through it", async () => {
    prRepo();
    const bad = await ci("pull_request", { pull_request: { base: { sha: "--output=/tmp/x" }, head: { sha: "HEAD" } } });
    expect([bad.code, bad.stderr]).toEqual([2, `finta-guard: pull_request: pull_request.base.sha: expected a commit id in the event payload, got "--output=/tmp/x"\n`]);
    const target = join(repo.base, "elsewhere.txt");
    writeFileSync(target, "keep\n");
    symlinkSync(target, join(repo.root, "planted.sarif"));
    const out = await runCli(["ci", "--sarif-output", "planted.sarif"], repo.root, { ...repo.env, GITHUB_EVENT_NAME: "schedule" });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^finta-guard: --sarif-output planted\.sarif: /);
    expect(readFileSync(target, "utf8")).toBe("keep\n");
  });

  it("GitLab merge request pipelines: CI_MERGE_REQUEST_DIFF_BASE_SHA..CI_COMMIT_SHA", async () => {
    const { base, head } = prRepo();
    const out = await runCli(["ci", "--sarif-output", join(repo.base, "gl.sarif")], repo.root, { ...repo.env, GITLAB_CI: "true", CI_MERGE_REQUEST_DIFF_BASE_SHA: base, CI_COMMIT_SHA: head });
    expect(out.stdout.split("\n")[0]).toBe(`finta-guard ci: scanning merge request commits ${base.slice(0, 12)}..${head.slice(0, 12)}`);
    expect(out.code).toBe(1);
  });
});
