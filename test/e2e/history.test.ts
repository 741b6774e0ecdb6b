/**
 * `scan --history [RANGE]` end to end: each secret reported once, at the
 * commit that added it, with that commit's id, author, date, path and the line
 * in that commit's version of the file; ranges, merges (only an "evil merge"
 * adds lines of its own), binary files, context from unchanged lines, and the
 * CI recipe for a pull request (`origin/main..HEAD`).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ALNUM, fake, fakeBody } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

const RULE = "finta-secret-key-live";
const keyLine = (seed = 1) => `const key = "${fake.liveKey(seed)}";`;
const DATE = "2026-01-02T03:04:05+00:00";
const AUTHOR = "Ada Test <ada@example.test>";

interface Row {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  commit: string | undefined;
  author: string | undefined;
  date: string | undefined;
}

async function scanHistory(repo: GitRepo, revs: string[] = [], cwd = repo.root): Promise<{ code: number; rows: Row[]; stderr: string }> {
  const out = await runCli(["scan", "--history", ...revs, "--format", "json"], cwd, repo.env);
  const rows = out.stdout
    ? (JSON.parse(out.stdout) as { findings: Row[] }).findings.map(({ file, line, column, ruleId, commit, author, date }) => ({ file, line, column, ruleId, commit, author, date }))
    : [];
  return { code: out.code, rows, stderr: out.stderr };
}

let repo: GitRepo;
afterEach(() => repo?.cleanup());

const at = (commit: string, file: string, line: number, column = 14, ruleId = RULE): Row => ({ file, line, column, ruleId, commit, author: AUTHOR, date: DATE });

describe("scan --history", () => {
  it("reports a secret once, at the commit that added it, with the line in that version", async () => {
    repo = makeGitRepo();
    repo.write("a.js", "one\n");
    repo.commitAll("init");
    repo.write("a.js", `one\ntwo\n${keyLine()}\n`);
    const added = repo.commitAll("add key");
    // Lines inserted above it later: the secret moves, but it was added earlier.
    repo.write("a.js", `zero\none\ntwo\n${keyLine()}\nthree\n`);
    repo.commitAll("edit around");
    expect(await scanHistory(repo)).toEqual({ code: 1, rows: [at(added, "a.js", 3)], stderr: "" });
  });

  it("removed and added again: still reported once, at the first commit", async () => {
    repo = makeGitRepo();
    repo.write("a.js", `${keyLine()}\n`);
    const first = repo.commitAll("add");
    repo.write("a.js", "clean\n");
    repo.commitAll("remove");
    repo.write("a.js", `x\n${keyLine()}\n`);
    repo.commitAll("add again");
    expect(await scanHistory(repo)).toEqual({ code: 1, rows: [at(first, "a.js", 1)], stderr: "" });
  });

  it("a renamed file is followed: its secret stays reported once, at the commit that added it; a line the rename commit adds is its own", async () => {
    repo = makeGitRepo();
    const body = Array.from({ length: 12 }, (_, i) => `line ${i}`).join("\n");
    repo.write("old/a.js", `${body}\n${keyLine()}\n`);
    const added = repo.commitAll("add");
    mkdirSync(join(repo.root, "new"));
    repo.git(["mv", "old/a.js", "new/b.js"]);
    repo.commitAll("rename");
    repo.git(["mv", "new/b.js", "new/c.js"]);
    repo.write("new/c.js", `${body}\n${keyLine()}\n${keyLine(2)}\n`);
    const renamedAndEdited = repo.commitAll("rename and add a line");
    expect(await scanHistory(repo)).toEqual({ code: 1, rows: [at(renamedAndEdited, "new/c.js", 14), at(added, "old/a.js", 13)], stderr: "" });
  });

  it("a range (the pull-request recipe) leaves out what came before it", async () => {
    repo = makeGitRepo();
    repo.write("old.js", `${keyLine(1)}\n`);
    repo.commitAll("old secret");
    repo.git(["branch", "base"]);
    repo.write("new.js", `a\n${keyLine(2)}\n`);
    const pr = repo.commitAll("pr secret");
    expect(await scanHistory(repo, ["base..HEAD"])).toEqual({ code: 1, rows: [at(pr, "new.js", 2)], stderr: "" });
    expect(await scanHistory(repo, ["HEAD..HEAD"])).toEqual({ code: 0, rows: [], stderr: "" });
  });

  it("merges: a branch's secret is reported at the branch commit; an evil merge's own line at the merge", async () => {
    repo = makeGitRepo();
    repo.write("a.js", "base\n");
    repo.commitAll("base");
    repo.git(["checkout", "-q", "-b", "side"]);
    repo.write("side.js", `${keyLine(1)}\n`);
    const side = repo.commitAll("side secret");
    repo.git(["checkout", "-q", "main"]);
    repo.write("a.js", "base\nmain\n");
    repo.commitAll("main work");
    repo.git(["merge", "-q", "--no-commit", "side"]);
    repo.write("a.js", `base\nmain\n${keyLine(2)}\n`);
    repo.git(["add", "a.js"]);
    repo.git(["commit", "-q", "--no-verify", "-m", "merge"]);
    const merge = repo.git(["rev-parse", "HEAD"]).trim();
    expect(await scanHistory(repo)).toEqual({ code: 1, rows: [at(merge, "a.js", 3), at(side, "side.js", 1)], stderr: "" });
  });

  it("binary files are skipped; paths git quotes come out as they are", async () => {
    repo = makeGitRepo();
    repo.write("blob.bin", Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(keyLine())]));
    const path = 'dir with space/ü "q"\n.js';
    repo.write(path, `x\n${keyLine(3)}\n`);
    const c = repo.commitAll("files");
    expect(await scanHistory(repo)).toEqual({ code: 1, rows: [at(c, path, 2)], stderr: "" });
  });

  it("context from unchanged lines counts (a rule that needs Finta named nearby)", async () => {
    repo = makeGitRepo();
    repo.write("client.sh", "# call the finta API\n\n");
    repo.commitAll("client");
    const token = fakeBody(40, ALNUM, 7, "bearer");
    repo.write("client.sh", `# call the finta API\ncurl -H "Authorization: Bearer ${token}" https://example.test\n`);
    const c = repo.commitAll("token");
    expect(await scanHistory(repo)).toEqual({ code: 1, rows: [at(c, "client.sh", 2, 32, "finta-bearer-token")], stderr: "" });
  });

  it("a huge commit: added text beyond what is held in memory is read from the blob, line numbers exact", async () => {
    repo = makeGitRepo();
    const filler = "let x = 1;\n".repeat(500_000); // 5.5 MB, more than the 4 MiB kept per file version
    repo.write("big.js", `${filler}${keyLine(4)}\n`);
    const c = repo.commitAll("huge");
    expect(await scanHistory(repo)).toEqual({ code: 1, rows: [at(c, "big.js", 500_001)], stderr: "" });
  });

  it("a clean history exits 0; a repository without commits too; a bad revision exits 2", async () => {
    repo = makeGitRepo();
    expect(await scanHistory(repo)).toEqual({ code: 0, rows: [], stderr: "" });
    repo.write("a.js", "a\n");
    repo.commitAll("a");
    expect(await scanHistory(repo, [], join(repo.root))).toEqual({ code: 0, rows: [], stderr: "" });
    const bad = await runCli(["scan", "--history", "nope..HEAD"], repo.root, repo.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^finta-guard: git log: fatal: .*nope\.\.HEAD.*\n$/);
    // A revision is never passed to git where it could be read as an option.
    expect(await runCli(["scan", "--history", "--", "--output=x"], repo.root, repo.env)).toEqual({
      code: 2,
      stdout: "",
      stderr: 'finta-guard: --history: "--output=x" is not a revision range\n',
    });
  });
});
