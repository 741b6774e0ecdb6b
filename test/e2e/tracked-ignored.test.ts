/**
 * Tree scans in a git repository: `.gitignore` and `.git/info/exclude` hide
 * untracked files only. A file git tracks (force-added despite a rule) is
 * scanned, also inside an ignored folder, whose untracked files stay hidden;
 * `.finta-guardignore` still hides tracked files. End to end through the
 * built CLI on a real repository.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runBin } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

const RULE = "finta-secret-key-live";
const keyLine = (seed: number) => `KEY="${fake.liveKey(seed)}"\n`;

interface Row {
  file: string;
  line: number;
  column: number;
  ruleId: string;
}

function scan(repo: GitRepo, args: string[] = [], cwd = repo.root): { code: number; rows: Row[] } {
  const out = runBin(["scan", ...args, "--format", "json"], cwd, { env: repo.env });
  const report = JSON.parse(out.stdout) as { findings: Row[] };
  return { code: out.code, rows: report.findings.map(({ file, line, column, ruleId }) => ({ file, line, column, ruleId })) };
}

let repo: GitRepo;
afterEach(() => repo?.cleanup());

function setUp(): void {
  repo = makeGitRepo();
  repo.write(".gitignore", ".env\nvendor/\n*.log\n");
  repo.write(".env", keyLine(1));
  repo.write("vendor/lib/tracked.js", keyLine(2));
  repo.write("vendor/lib/untracked.js", keyLine(3));
  repo.write("debug.log", keyLine(4));
  repo.write("fixtures/sample.env", keyLine(5));
  repo.write(".finta-guardignore", "fixtures/\n");
  repo.git(["add", ".gitignore", ".finta-guardignore", "fixtures/sample.env"]);
  // Force-added despite .gitignore: tracked, so content of the repository.
  repo.git(["add", "-f", ".env", "vendor/lib/tracked.js"]);
  repo.git(["commit", "-q", "--no-verify", "-m", "init"]);
}

describe("tree scans: tracked files are scanned whatever .gitignore says", () => {
  it("force-added files are reported; untracked ignored ones and .finta-guardignore'd ones are not", () => {
    setUp();
    expect(scan(repo)).toEqual({
      code: 1,
      rows: [
        { file: ".env", line: 1, column: 6, ruleId: RULE },
        { file: "vendor/lib/tracked.js", line: 1, column: 6, ruleId: RULE },
      ],
    });
  });

  it("the same under a nested .gitignore, scanned from its folder", () => {
    setUp();
    repo.write("app/.gitignore", "secrets.json\nbuild/\n");
    repo.write("app/secrets.json", keyLine(6));
    repo.write("app/build/out.js", keyLine(7));
    repo.write("app/build/keep.js", keyLine(8));
    repo.git(["add", "app/.gitignore"]);
    repo.git(["add", "-f", "app/secrets.json", "app/build/keep.js"]);
    repo.git(["commit", "-q", "--no-verify", "-m", "app"]);
    expect(scan(repo, [], `${repo.root}/app`)).toEqual({
      code: 1,
      rows: [
        { file: "build/keep.js", line: 1, column: 6, ruleId: RULE },
        { file: "secrets.json", line: 1, column: 6, ruleId: RULE },
      ],
    });
  });

  it("--no-ignore still scans everything", () => {
    setUp();
    expect(scan(repo, ["--no-ignore"]).rows.map((r) => r.file)).toEqual([".env", "debug.log", "fixtures/sample.env", "vendor/lib/tracked.js", "vendor/lib/untracked.js"]);
  });
});
