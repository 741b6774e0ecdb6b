/**
 * The CI recipes of docs/ci.md, run as CI runs them: a clone with
 * `origin/main`, a pull-request branch, `finta-guard scan` of the whole
 * checkout and `finta-guard scan --history origin/main..HEAD`. The example
 * workflow must use exactly these commands.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

const RULE = "finta-secret-key-live";
const keyLine = (seed: number) => `const key = "${fake.liveKey(seed)}";`;

let upstream: GitRepo;
afterEach(() => upstream?.cleanup());

interface Row {
  file: string;
  line: number;
  ruleId: string;
  commit?: string;
}

async function findings(argv: string[], cwd: string, env: Record<string, string>) {
  const out = await runCli([...argv, "--format", "json"], cwd, env);
  return { code: out.code, rows: (JSON.parse(out.stdout) as { findings: Row[] }).findings.map(({ file, line, ruleId, commit }) => ({ file, line, ruleId, ...(commit ? { commit } : {}) })) };
}

describe("CI recipes", () => {
  it("pull request: the checkout scan sees every secret in the tree; the history scan only the PR's commits", async () => {
    upstream = makeGitRepo();
    upstream.write("legacy.js", `${keyLine(1)}\n`);
    upstream.commitAll("legacy secret on main");
    const clone = join(upstream.base, "clone");
    upstream.git(["clone", "-q", upstream.root, clone]);
    upstream.git(["checkout", "-q", "-b", "feature"], clone);
    upstream.write("feature.js", `a\n${keyLine(2)}\n`, clone);
    upstream.git(["add", "feature.js"], clone);
    upstream.git(["commit", "-q", "--no-verify", "-m", "feature"], clone);
    const pr = upstream.git(["rev-parse", "HEAD"], clone).trim();

    expect(await findings(["scan"], clone, upstream.env)).toEqual({
      code: 1,
      rows: [
        { file: "feature.js", line: 2, ruleId: RULE },
        { file: "legacy.js", line: 1, ruleId: RULE },
      ],
    });
    expect(await findings(["scan", "--history", "origin/main..HEAD"], clone, upstream.env)).toEqual({
      code: 1,
      rows: [{ file: "feature.js", line: 2, ruleId: RULE, commit: pr }],
    });
  });

  it("the example workflow runs these commands", () => {
    const workflow = readFileSync(new URL("../../docs/examples/github-actions.yml", import.meta.url), "utf8");
    expect(workflow).toContain("run: npx finta-guard scan --format github\n");
    expect(workflow).toContain('run: npx finta-guard scan --history "origin/${BASE_REF}..HEAD" --format github\n');
    expect(workflow).toContain("fetch-depth: 0");
  });
});
