/**
 * What blocks a commit (and what a history scan reports) is decided against
 * the lines git says the change adds, end to end through the built CLI:
 * - a multi-line secret blocks when any of its lines was added, even when its
 *   first line (the PEM header with the keyword) was already committed, and
 *   a history scan reports it although no added line holds the keyword;
 * - a lone CR (a line end for the report, not for git) above a new secret
 *   does not shift it off git's added lines.
 */
import { afterEach, describe, expect, it } from "vitest";
import { armouredBody, joined } from "../../src/rules/examples.js";
import { runBin } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

interface Row {
  file: string;
  line: number;
  column: number;
  endLine: number;
  ruleId: string;
  blocking?: boolean;
  commit?: string;
}

function scan(repo: GitRepo, args: string[]): { code: number; rows: Row[]; stderr: string } {
  const out = runBin(["scan", ...args, "--format", "json"], repo.root, { env: repo.env });
  const findings = out.stdout ? (JSON.parse(out.stdout) as { findings: Row[] }).findings : [];
  const rows = findings.map(({ file, line, column, endLine, ruleId, blocking, commit }) => ({
    file, line, column, endLine, ruleId,
    ...(blocking !== undefined ? { blocking } : {}),
    ...(commit !== undefined ? { commit } : {}),
  }));
  return { code: out.code, rows, stderr: out.stderr };
}

const BEGIN = joined("-----BEGIN ", "RSA PRIVATE KEY-----");
const END = joined("-----END ", "RSA PRIVATE KEY-----");
/** 25 armour lines of 64 characters. */
const BODY = armouredBody(1600, "git-line-numbering");
const BODY_LINES = BODY.split("\n").length;

let repo: GitRepo;
afterEach(() => repo?.cleanup());

describe("multi-line secrets: any added line of the block counts", () => {
  function pasteKeyBelowCommittedHeader(): number {
    repo = makeGitRepo();
    // The header and footer are committed around a placeholder (no key yet: nothing to report).
    repo.write("deploy/id_rsa", `${BEGIN}\n(paste the key here)\n${END}\n`);
    repo.commitAll("key template");
    repo.write("deploy/id_rsa", `${BEGIN}\n${BODY}\n${END}\n`);
    repo.git(["add", "deploy/id_rsa"]);
    return BODY_LINES + 2;
  }

  it("scan --staged blocks a key body pasted below a header already in HEAD", () => {
    const endLine = pasteKeyBelowCommittedHeader();
    expect(scan(repo, ["--staged"])).toEqual({
      code: 1,
      rows: [{ file: "deploy/id_rsa", line: 1, column: 1, endLine, ruleId: "private-key", blocking: true }],
      stderr: "",
    });
  });

  it("scan --history reports it at the commit that added the body", () => {
    const endLine = pasteKeyBelowCommittedHeader();
    const commit = repo.commitAll("the real key");
    expect(scan(repo, ["--history"])).toEqual({
      code: 1,
      rows: [{ file: "deploy/id_rsa", line: 1, column: 1, endLine, ruleId: "private-key", commit }],
      stderr: "",
    });
  });

  it("a block entirely in HEAD stays pre-existing when lines are added after it", () => {
    repo = makeGitRepo();
    repo.write("deploy/id_rsa", `${BEGIN}\n${BODY}\n${END}\n`);
    repo.commitAll("old key");
    repo.write("deploy/id_rsa", `${BEGIN}\n${BODY}\n${END}\n# rotated, see ticket 12\n`);
    repo.git(["add", "deploy/id_rsa"]);
    expect(scan(repo, ["--staged"])).toEqual({
      code: 0,
      rows: [{ file: "deploy/id_rsa", line: 1, column: 1, endLine: BODY_LINES + 2, ruleId: "private-key", blocking: false }],
      stderr: "",
    });
  });
});

describe("a lone CR: the report counts it as a line end, the comparison with git does not", () => {
  const keyLine = `const key = "${fake.liveKey(7)}";`;

  function addKeyBelowLoneCr(): void {
    repo = makeGitRepo();
    // Git sees one line `one\rtwo`; the report sees two.
    repo.write("app.js", "one\rtwo\nthree\n");
    repo.commitAll("init");
    repo.write("app.js", `one\rtwo\nthree\n${keyLine}\n`);
    repo.git(["add", "app.js"]);
  }

  it("scan --staged blocks the new key (line 4 in the report, line 3 for git)", () => {
    addKeyBelowLoneCr();
    expect(scan(repo, ["--staged"])).toEqual({
      code: 1,
      rows: [{ file: "app.js", line: 4, column: 14, endLine: 4, ruleId: "finta-secret-key-live", blocking: true }],
      stderr: "",
    });
  });

  it("scan --history reports the new key", () => {
    addKeyBelowLoneCr();
    const commit = repo.commitAll("add key");
    expect(scan(repo, ["--history"])).toEqual({
      code: 1,
      rows: [{ file: "app.js", line: 4, column: 14, endLine: 4, ruleId: "finta-secret-key-live", commit }],
      stderr: "",
    });
  });

  it("a key already in HEAD below a lone CR stays pre-existing", () => {
    repo = makeGitRepo();
    repo.write("app.js", `one\rtwo\n${keyLine}\n`);
    repo.commitAll("init");
    repo.write("app.js", `one\rtwo\n${keyLine}\nconst a = 1;\n`);
    repo.git(["add", "app.js"]);
    expect(scan(repo, ["--staged"])).toEqual({
      code: 0,
      rows: [{ file: "app.js", line: 3, column: 14, endLine: 3, ruleId: "finta-secret-key-live", blocking: false }],
      stderr: "",
    });
  });
});
