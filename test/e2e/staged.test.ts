/**
 * `scan --staged` end to end on real temporary repositories: exactly what the
 * index holds (never the working tree), line numbers of the staged version,
 * blocking only on lines the commit adds, in every repository shape issue 3
 * lists. Each case asserts the whole findings array and the exit code.
 */
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

const RULE = "finta-secret-key-live";
const keyLine = (seed = 1) => `const key = "${fake.liveKey(seed)}";`;
/** Column of the key in keyLine(): after `const key = "`. */
const KEY_COL = 14;

interface Row {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  blocking?: boolean;
}

async function scanStaged(repo: GitRepo, extra: string[] = [], cwd = repo.root): Promise<{ code: number; rows: Row[]; stderr: string }> {
  const out = await runCli(["scan", "--staged", "--format", "json", ...extra], cwd, repo.env);
  const rows = out.stdout
    ? (JSON.parse(out.stdout) as { findings: Row[] }).findings.map((f) => ({ file: f.file, line: f.line, column: f.column, ruleId: f.ruleId, ...(f.blocking !== undefined ? { blocking: f.blocking } : {}) }))
    : [];
  return { code: out.code, rows, stderr: out.stderr };
}

let repo: GitRepo;
afterEach(() => repo?.cleanup());

describe("scan --staged reads the index, not the working tree", () => {
  it("a secret only in the working tree does not block (partial staging)", async () => {
    repo = makeGitRepo();
    repo.write("app.js", "const a = 1;\n");
    repo.commitAll("init");
    // Staged: a harmless change; working tree: the secret as well (what `git add -p` of one hunk leaves).
    repo.stageContent("app.js", "const a = 1;\nconst b = 2;\n");
    repo.write("app.js", `const a = 1;\nconst b = 2;\n${keyLine()}\n`);
    expect(await scanStaged(repo)).toEqual({ code: 0, rows: [], stderr: "" });
  });

  it("a secret staged and then removed from the working tree blocks", async () => {
    repo = makeGitRepo();
    repo.write("app.js", "const a = 1;\n");
    repo.commitAll("init");
    repo.write("app.js", `const a = 1;\n${keyLine()}\n`);
    repo.git(["add", "app.js"]);
    repo.write("app.js", "const a = 1;\n");
    expect(await scanStaged(repo)).toEqual({ code: 1, rows: [{ file: "app.js", line: 2, column: KEY_COL, ruleId: RULE, blocking: true }], stderr: "" });
  });

  it("line numbers are those of the staged version (the working tree has lines inserted above)", async () => {
    repo = makeGitRepo();
    repo.write("app.js", "a\nb\n");
    repo.commitAll("init");
    repo.stageContent("app.js", `a\nb\n${keyLine()}\n`);
    repo.write("app.js", `x\ny\nz\na\nb\n${keyLine()}\n`);
    expect((await scanStaged(repo)).rows).toEqual([{ file: "app.js", line: 3, column: KEY_COL, ruleId: RULE, blocking: true }]);
  });
});

describe("blocking: only lines the commit adds", () => {
  it("a secret already in HEAD is listed as pre-existing and does not block; --all-lines blocks", async () => {
    repo = makeGitRepo();
    repo.write("app.js", `${keyLine()}\nconst a = 1;\n`);
    repo.commitAll("init");
    repo.write("app.js", `${keyLine()}\nconst a = 1;\nconst b = 2;\n`);
    repo.git(["add", "app.js"]);
    expect(await scanStaged(repo)).toEqual({ code: 0, rows: [{ file: "app.js", line: 1, column: KEY_COL, ruleId: RULE, blocking: false }], stderr: "" });
    expect(await scanStaged(repo, ["--all-lines"])).toEqual({ code: 1, rows: [{ file: "app.js", line: 1, column: KEY_COL, ruleId: RULE }], stderr: "" });
  });

  it("a pure rename adds no line: its secret does not block", async () => {
    repo = makeGitRepo();
    repo.write("old.js", `const a = 1;\n${keyLine()}\n`);
    repo.commitAll("init");
    repo.git(["mv", "old.js", "new.js"]);
    expect(await scanStaged(repo)).toEqual({ code: 0, rows: [{ file: "new.js", line: 2, column: KEY_COL, ruleId: RULE, blocking: false }], stderr: "" });
  });

  it("a text file marked binary in .gitattributes has no line diff: every line blocks (fail closed)", async () => {
    repo = makeGitRepo();
    repo.write(".gitattributes", "*.cfg -diff\n");
    repo.write("app.cfg", `${keyLine()}\n`);
    repo.commitAll("init");
    repo.write("app.cfg", `${keyLine()}\nmore = 1\n`);
    repo.git(["add", "app.cfg"]);
    expect(await scanStaged(repo)).toEqual({ code: 1, rows: [{ file: "app.cfg", line: 1, column: KEY_COL, ruleId: RULE }], stderr: "" });
  });

  it("deleted files are skipped; a symlink is scanned as its blob (the link text)", async () => {
    repo = makeGitRepo();
    repo.write("gone.js", `${keyLine()}\n`);
    repo.commitAll("init");
    repo.git(["rm", "-q", "gone.js"]);
    symlinkSync(fake.liveKey(2), join(repo.root, "link"));
    repo.git(["add", "link"]);
    expect(await scanStaged(repo)).toEqual({ code: 1, rows: [{ file: "link", line: 1, column: 1, ruleId: RULE, blocking: true }], stderr: "" });
  });
});

describe("configuration applies to staged paths (relative to the repository root)", () => {
  it("allowlisted paths and inline allows are not reported, from any folder", async () => {
    repo = makeGitRepo();
    repo.write("finta-guard.config.json", JSON.stringify({ allowlist: { paths: ["fixtures/"] } }));
    repo.write("src/keep.js", "a\n");
    repo.commitAll("init");
    repo.write("fixtures/key.js", `${keyLine(1)}\n`);
    repo.write("src/app.js", `${keyLine(2)} // finta-guard:allow ${RULE} -- test double\n${keyLine(3)}\n`);
    repo.git(["add", "-A"]);
    expect(await scanStaged(repo, [], join(repo.root, "src"))).toEqual({ code: 1, rows: [{ file: "src/app.js", line: 2, column: KEY_COL, ruleId: RULE, blocking: true }], stderr: "" });
  });
});

describe("repository shapes", () => {
  it("no commit yet: every staged line is new", async () => {
    repo = makeGitRepo();
    repo.write("app.js", `// first\n${keyLine()}\n`);
    repo.git(["add", "app.js"]);
    expect(await scanStaged(repo)).toEqual({ code: 1, rows: [{ file: "app.js", line: 2, column: KEY_COL, ruleId: RULE, blocking: true }], stderr: "" });
  });

  it("a merge in progress: the resolution's added secret blocks", async () => {
    repo = makeGitRepo();
    repo.write("app.js", "base\n");
    repo.commitAll("base");
    repo.git(["checkout", "-q", "-b", "side"]);
    repo.write("app.js", "side\n");
    repo.commitAll("side");
    repo.git(["checkout", "-q", "main"]);
    repo.write("app.js", "main\n");
    repo.commitAll("main");
    expect(repo.tryGit(["merge", "-q", "side"]).status).not.toBe(0);
    repo.write("app.js", `main\nside\n${keyLine()}\n`);
    repo.git(["add", "app.js"]);
    expect(await scanStaged(repo)).toEqual({ code: 1, rows: [{ file: "app.js", line: 3, column: KEY_COL, ruleId: RULE, blocking: true }], stderr: "" });
  });

  it("an unresolved conflict is not scanned (git refuses the commit anyway)", async () => {
    repo = makeGitRepo();
    repo.write("app.js", "base\n");
    repo.commitAll("base");
    repo.git(["checkout", "-q", "-b", "side"]);
    repo.write("app.js", `${keyLine()}\n`);
    repo.commitAll("side");
    repo.git(["checkout", "-q", "main"]);
    repo.write("app.js", "main\n");
    repo.commitAll("main");
    repo.tryGit(["merge", "-q", "side"]);
    expect(await scanStaged(repo)).toEqual({ code: 0, rows: [], stderr: "" });
  });

  it("detached HEAD", async () => {
    repo = makeGitRepo();
    repo.write("app.js", "a\n");
    repo.commitAll("init");
    repo.git(["checkout", "-q", "--detach"]);
    repo.write("app.js", `a\n${keyLine()}\n`);
    repo.git(["add", "app.js"]);
    expect(await scanStaged(repo)).toEqual({ code: 1, rows: [{ file: "app.js", line: 2, column: KEY_COL, ruleId: RULE, blocking: true }], stderr: "" });
  });

  it("a linked worktree, scanned from a subfolder: paths relative to the worktree root", async () => {
    repo = makeGitRepo();
    repo.write("src/app.js", "a\n");
    repo.commitAll("init");
    const wt = join(repo.base, "wt");
    repo.git(["worktree", "add", "-q", "-b", "wt", wt]);
    repo.write("src/app.js", `a\n${keyLine()}\n`, wt);
    repo.git(["add", "src/app.js"], wt);
    expect(await scanStaged(repo, [], join(wt, "src"))).toEqual({ code: 1, rows: [{ file: "src/app.js", line: 2, column: KEY_COL, ruleId: RULE, blocking: true }], stderr: "" });
    // The main worktree's index is untouched.
    expect(await scanStaged(repo)).toEqual({ code: 0, rows: [], stderr: "" });
  });

  it("a submodule: its pointer change is skipped in the parent; inside it, its own index is scanned", async () => {
    const lib = makeGitRepo({ dir: "lib" });
    try {
      lib.write("lib.js", "x\n");
      lib.commitAll("lib");
      repo = makeGitRepo();
      repo.write("app.js", "a\n");
      repo.commitAll("init");
      repo.git(["submodule", "add", "-q", lib.root, "sub"]);
      expect(await scanStaged(repo)).toEqual({ code: 0, rows: [], stderr: "" });
      const sub = join(repo.root, "sub");
      repo.write("lib.js", `x\n${keyLine()}\n`, sub);
      repo.git(["add", "lib.js"], sub);
      expect(await scanStaged(repo, [], sub)).toEqual({ code: 1, rows: [{ file: "lib.js", line: 2, column: KEY_COL, ruleId: RULE, blocking: true }], stderr: "" });
    } finally {
      lib.cleanup();
    }
  });

  it("core.autocrlf=true: CRLF in the working tree, LF in the index; same lines and columns", async () => {
    repo = makeGitRepo();
    repo.git(["config", "core.autocrlf", "true"]);
    repo.write("app.js", "a\r\n");
    repo.commitAll("init");
    repo.write("app.js", `a\r\nb\r\n${keyLine()}\r\n`);
    repo.git(["add", "app.js"]);
    expect(await scanStaged(repo)).toEqual({ code: 1, rows: [{ file: "app.js", line: 3, column: KEY_COL, ruleId: RULE, blocking: true }], stderr: "" });
  });
});

describe("paths git would quote", () => {
  it.each([
    ["spaces", "dir with space/a b.js"],
    ["double quotes", 'say "hi".js'],
    ["a newline", "two\nlines.js"],
    ["a tab and a backslash", "tab\there\\x.js"],
    ["unicode", "ünïcødé/ключ.js"],
    ["a leading dash", "-rf.js"],
    ["a leading dash in a folder", "--cached/x.js"],
  ])("%s", async (_name, path) => {
    repo = makeGitRepo();
    repo.write("keep.js", "a\n");
    repo.commitAll("init");
    repo.write(path, `one\n${keyLine()}\n`);
    repo.git(["add", "--", path]);
    expect(await scanStaged(repo)).toEqual({ code: 1, rows: [{ file: path, line: 2, column: KEY_COL, ruleId: RULE, blocking: true }], stderr: "" });
  });

  it("a modified file with a quoted path keeps its line diff (only the added line blocks)", async () => {
    repo = makeGitRepo();
    const path = "dir with space/ü \"q\".js";
    repo.write(path, `${keyLine(1)}\n`);
    repo.commitAll("init");
    repo.write(path, `${keyLine(1)}\n${keyLine(2)}\n`);
    repo.git(["add", "--", path]);
    expect(await scanStaged(repo)).toEqual({
      code: 1,
      rows: [
        { file: path, line: 1, column: KEY_COL, ruleId: RULE, blocking: false },
        { file: path, line: 2, column: KEY_COL, ruleId: RULE, blocking: true },
      ],
      stderr: "",
    });
  });
});

describe("errors fail closed", () => {
  it("outside a git repository: exit 2 with one line and a hint", async () => {
    repo = makeGitRepo({ init: false });
    const out = await runCli(["scan", "--staged"], repo.root, { ...repo.env, GIT_CEILING_DIRECTORIES: repo.base });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^finta-guard: not a git repository \([^\n]*\nhint: run inside a git repository, or scan a folder: finta-guard scan PATH\n$/);
  });

  it.each([
    [["scan", "--staged", "x.js"], "finta-guard: --staged scans the whole index and takes no paths (got \"x.js\")\n"],
    [["scan", "--staged", "--history"], "finta-guard: --staged and --history cannot be used together\n"],
    [["scan", "--all-lines"], "finta-guard: --all-lines applies to --staged only\n"],
    [["scan", "--staged", "--include", "*.js"], "finta-guard: --include/--exclude apply to tree scans, not --staged (skip paths with the configuration's allowlist paths)\n"],
    [["scan", "--history", "--exclude", "x"], "finta-guard: --include/--exclude apply to tree scans, not --history (skip paths with the configuration's allowlist paths)\n"],
  ])("%j is a usage error", async (argv, stderr) => {
    repo = makeGitRepo();
    expect(await runCli(argv, repo.root, repo.env)).toEqual({ code: 2, stdout: "", stderr });
  });
});
