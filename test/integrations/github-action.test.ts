/**
 * action.yml's step, run as the runner runs it (bash, inputs as environment
 * variables), on a real repository and pull-request event, with `npx` standing
 * in for the registry download: it records what it was asked for and runs
 * this checkout's build. Checks the version pinning, the outputs and the exit
 * code; `finta-guard ci` itself is tested in ci-command.test.ts.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { BIN } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

const ACTION = readFileSync(fileURLToPath(new URL("../../action.yml", import.meta.url)), "utf8");

/** The `run: |` block of the step (8-space indented lines after it). */
function stepScript(): string {
  const lines = ACTION.split("\n");
  const start = lines.findIndex((l) => l.trim() === "run: |");
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() !== "" && !line.startsWith("        ")) break;
    body.push(line.slice(8));
  }
  return body.join("\n");
}

let repo: GitRepo;
afterEach(() => repo?.cleanup());

function runStep(env: Record<string, string>) {
  const bin = join(repo.base, "fakebin");
  mkdirSync(bin, { recursive: true });
  const asked = join(repo.base, "npx-args.txt");
  // npx --yes finta-guard@VERSION ARGS… → record, then run this checkout's build with ARGS.
  writeFileSync(join(bin, "npx"), `#!/bin/sh\necho "$@" > "${asked}"\nshift 2\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, "npx"), 0o755);
  const output = join(repo.base, "github-output.txt");
  writeFileSync(output, "");
  const r = spawnSync("bash", ["-e", "-c", stepScript()], {
    cwd: repo.root,
    env: { ...repo.env, PATH: `${bin}:${process.env.PATH}`, GITHUB_OUTPUT: output, FINTA_GUARD_FAIL_ON: "low", FINTA_GUARD_SARIF: "finta-guard.sarif", FINTA_GUARD_VERSION: "", ...env },
    encoding: "utf8",
  });
  let npxArgs = "";
  try {
    npxArgs = readFileSync(asked, "utf8").trim();
  } catch {
    // npx was never reached.
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: readFileSync(output, "utf8"), npxArgs };
}

describe("action.yml", () => {
  it("pastes no expression into its script (inputs come in as environment variables)", () => {
    expect(stepScript()).not.toContain("${{");
    expect(ACTION).toMatch(/using: composite/);
  });

  it("pinned by tag: runs finta-guard@<tag without v> ci on the pull request; sets the sarif-file output; exit 1 on a finding", () => {
    repo = makeGitRepo();
    repo.write("a.txt", "a\n");
    const base = repo.commitAll("base");
    repo.write("src/pay.js", `// pay\nconst key = "${fake.liveKey(4)}";\n`);
    const head = repo.commitAll("head");
    const event = join(repo.base, "event.json");
    writeFileSync(event, JSON.stringify({ action: "opened", number: 1, pull_request: { base: { sha: base }, head: { sha: head } } }));
    const out = runStep({ FINTA_GUARD_ACTION_REF: "v0.1.0", GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: event });
    expect(out.npxArgs).toBe("--yes finta-guard@0.1.0 ci --fail-on low --sarif-output finta-guard.sarif");
    expect(out.output).toBe("sarif-file=finta-guard.sarif\n");
    expect(out.stdout).toMatch(/^::error file=src\/pay\.js,line=2,col=14,/m);
    expect(out.code).toBe(1);
    expect(JSON.parse(readFileSync(join(repo.root, "finta-guard.sarif"), "utf8")).runs[0].results).toHaveLength(1);
  });

  it("pinned by commit id without a version input: an error annotation, exit 2; with version: that one", () => {
    repo = makeGitRepo();
    const sha = "0123456789abcdef0123456789abcdef01234567";
    const out = runStep({ FINTA_GUARD_ACTION_REF: sha, GITHUB_EVENT_NAME: "schedule" });
    expect([out.code, out.stdout.trim(), out.npxArgs]).toEqual([2, "::error title=finta-guard::set the action's 'version' input (the action is not pinned by a release tag)", ""]);
    const pinned = runStep({ FINTA_GUARD_ACTION_REF: sha, FINTA_GUARD_VERSION: "0.1.0", GITHUB_EVENT_NAME: "schedule" });
    expect([pinned.code, pinned.npxArgs]).toEqual([0, "--yes finta-guard@0.1.0 ci --fail-on low --sarif-output finta-guard.sarif"]);
  });
});
