import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fake } from "../helpers/fake-secrets.js";
import { publicBinCopy, runBin, runCli } from "../helpers/cli.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  secret: string;
  fingerprint: string;
}

const live = fake.liveKey(21);
const webhook = fake.webhookSecret(22);
let tree: TempTree | undefined;
afterEach(() => tree?.cleanup());

async function scanJson(args: string[], cwd: string) {
  const out = await runCli(["scan", ...args, "--format", "json"], cwd);
  const report = JSON.parse(out.stdout) as { findings: JsonFinding[]; stats: { files: number; bytes: number; binarySkipped: number } };
  const where = report.findings.map(({ ruleId, file, line, column, endLine, endColumn }) => ({ ruleId, file, line, column, endLine, endColumn }));
  return { ...out, report, where };
}

const at = (file: string, line: number, column: number, secret: string, ruleId = "finta-secret-key-live") => ({
  ruleId,
  file,
  line,
  column,
  endLine: line,
  endColumn: column + secret.length,
});

describe("finta-guard scan (working tree)", () => {
  it("finds secrets with exact positions, in path order, and exits 1", async () => {
    tree = makeTempTree({
      "b/config.env": `A=1\r\nFINTA_SECRET_KEY=${live}\r\n`,
      "a.ts": `\uFEFFconst hook = "${webhook}";`,
      "clean.md": "nothing here\n",
    });
    const { code, where, report } = await scanJson(["."], tree.root);
    expect(code).toBe(1);
    expect(where).toEqual([at("a.ts", 1, 15, webhook, "finta-webhook-secret"), at("b/config.env", 2, 18, live)]);
    expect(report.stats.files).toBe(3);
  });

  it("never prints the secret by default; --no-redact does", async () => {
    tree = makeTempTree({ "k.txt": live });
    const text = await runCli(["scan"], tree.root);
    expect(text.stdout).not.toContain(live);
    expect(text.stdout).toContain("sk_live_");
    const { report } = await scanJson([], tree.root);
    expect(report.findings[0]?.secret).toBe(`sk_live_${live.slice(8, 10)}…(redacted)`);
    const raw = await runCli(["scan", "--no-redact", "--format", "json"], tree.root);
    expect(raw.stdout).toContain(live);
  });

  it("text report: location, rule, redacted line with caret, remediation, summary", async () => {
    tree = makeTempTree({ "app.py": `x = 1\nKEY = "${live}"\n` });
    const { stdout, code } = await runCli(["scan"], tree.root);
    expect(code).toBe(1);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("app.py:2:8  critical  finta-secret-key-live  Finta live secret key (sk_live_…)");
    expect(lines[1]).toBe(`     2 | KEY = "sk_live_${live.slice(8, 10)}…(redacted)"`);
    expect(lines[2]).toBe(`       |        ${"^".repeat(`sk_live_${live.slice(8, 10)}…(redacted)`.length)}`);
    expect(stdout).toContain("GET https://api.finta.io/v2/me");
    expect(stdout).toMatch(/✖ 1 finding \(1 critical\) · 1 file \(\d+ B\) in \d+ ms/);
  });

  it("honours .gitignore at every level and .finta-guardignore; --no-ignore scans everything", async () => {
    tree = makeTempTree({
      ".gitignore": "ignored.txt\n/build/\n",
      "ignored.txt": live,
      "build/out.js": live,
      "sub/.gitignore": "*.log\n!keep.log\n",
      "sub/x.log": live,
      "sub/keep.log": live,
      "sub/deep/y.log": live,
      "docs/.finta-guardignore": "secret.md\n",
      "docs/secret.md": live,
      "docs2/secret.md": live,
      "src/build/kept.js": live,
    });
    const { where } = await scanJson([], tree.root);
    expect(where.map((f) => f.file)).toEqual(["docs2/secret.md", "src/build/kept.js", "sub/keep.log"]);
    const all = await scanJson(["--no-ignore"], tree.root);
    expect(all.where.map((f) => f.file)).toEqual([
      "build/out.js",
      "docs/secret.md",
      "docs2/secret.md",
      "ignored.txt",
      "src/build/kept.js",
      "sub/deep/y.log",
      "sub/keep.log",
      "sub/x.log",
    ]);
  });

  it("agrees with git check-ignore on which files are ignored", async () => {
    tree = makeTempTree({
      ".gitignore": "*.tmp\n!important.tmp\nlogs/\n/rooted.txt\n",
      "a.tmp": live,
      "important.tmp": live,
      "logs/x.txt": live,
      "rooted.txt": live,
      "nested/rooted.txt": live,
      "nested/.gitignore": "!*.tmp\n",
      "nested/b.tmp": live,
    });
    const { spawnSync } = await import("node:child_process");
    spawnSync("git", ["init", "-q"], { cwd: tree.root });
    const files = ["a.tmp", "important.tmp", "logs/x.txt", "rooted.txt", "nested/rooted.txt", "nested/b.tmp"];
    const check = spawnSync("git", ["check-ignore", "--stdin"], { cwd: tree.root, input: files.join("\n"), encoding: "utf8" });
    const ignoredByGit = new Set(check.stdout.split("\n").filter(Boolean));
    const { where } = await scanJson([], tree.root);
    expect(where.map((f) => f.file)).toEqual(files.filter((f) => !ignoredByGit.has(f)).sort());
  });

  it("include and exclude globs", async () => {
    tree = makeTempTree({ "a.ts": live, "b.js": live, "test/c.ts": live });
    const { where } = await scanJson(["--include", "**/*.ts", "--exclude", "test/**"], tree.root);
    expect(where.map((f) => f.file)).toEqual(["a.ts"]);
  });

  it("skips .git, does not follow symlinks (no loop), counts binary files", async () => {
    tree = makeTempTree({ ".git/config": live, "bin.dat": new Uint8Array([0, 1, 2, ...new TextEncoder().encode(live)]), "ok.txt": "fine" });
    mkdirSync(join(tree.root, "loop"));
    symlinkSync(tree.root, join(tree.root, "loop", "again"));
    symlinkSync(join(tree.root, "ok.txt"), join(tree.root, "link.txt"));
    const { where, report, code } = await scanJson([], tree.root);
    expect(code).toBe(0);
    expect(where).toEqual([]);
    expect(report.stats).toMatchObject({ files: 2, binarySkipped: 1 });
  });

  it("empty file, file without trailing newline, huge single line", async () => {
    const pad = "a ".repeat(3 * 1024 * 1024);
    tree = makeTempTree({ "empty.txt": "", "tail.txt": `\n${live}`, "huge.min.js": `${pad}${live};` });
    const { where } = await scanJson([], tree.root);
    expect(where).toEqual([at("huge.min.js", 1, pad.length + 1, live), at("tail.txt", 2, 1, live)]);
  });

  it("reports paths relative to cwd when under it, absolute otherwise", async () => {
    tree = makeTempTree({ "sub/a.txt": live, "other/b.txt": live });
    const { where } = await scanJson(["../other", "."], join(tree.root, "sub"));
    expect(where.map((f) => f.file)).toEqual([join(tree.root, "other", "b.txt"), "a.txt"]);
  });

  it("same findings whatever --jobs, scanning many files on worker threads", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`f${String(i).padStart(3, "0")}.txt`] = i % 10 === 0 ? `x\n${fake.liveKey(i)}\n` : "plain\n";
    tree = makeTempTree(files);
    const one = await scanJson(["--jobs", "1"], tree.root);
    const two = await scanJson(["--jobs", "2"], tree.root);
    expect(one.where).toHaveLength(15);
    expect(two.where).toEqual(one.where);
    expect(two.report.findings.map((f) => f.fingerprint)).toEqual(one.report.findings.map((f) => f.fingerprint));
  });

  it("--fail-on raises the bar for exit 1", async () => {
    tree = makeTempTree({ "t.txt": fake.testKey(5) });
    expect((await runCli(["scan", "--fail-on", "high"], tree.root)).code).toBe(1);
    expect((await runCli(["scan", "--fail-on", "critical"], tree.root)).code).toBe(0);
  });

  it("--output writes the report to a file", async () => {
    tree = makeTempTree({ "t.txt": live });
    const out = await runCli(["scan", "t.txt", "--format", "json", "--output", "report.json"], tree.root);
    expect(out.stdout).toBe("");
    const { readFileSync } = await import("node:fs");
    expect(JSON.parse(readFileSync(join(tree.root, "report.json"), "utf8")).findings).toHaveLength(1);
  });
});

describe("errors: one line, exit 2", () => {
  it.each([
    { name: "missing path", argv: ["scan", "nope"], stderr: "finta-guard: nope: no such file or directory\n" },
    { name: "unknown option", argv: ["scan", "--bogus"], stderr: "finta-guard: Unknown option '--bogus'\n" },
    { name: "bad --fail-on", argv: ["scan", "--fail-on", "severe"], stderr: 'finta-guard: --fail-on: expected one of info, low, medium, high, critical, got "severe"\n' },
    { name: "bad --jobs", argv: ["scan", "--jobs", "0"], stderr: 'finta-guard: --jobs: expected a whole number from 1 to 256, got "0"\n' },
    { name: "unknown command", argv: ["scna"], stderr: expect.stringMatching(/^finta-guard: unknown command "scna" \(expected one of: scan, .*\)\n$/) },
  ])("$name", async ({ argv, stderr }) => {
    tree = makeTempTree({});
    const out = await runCli(argv, tree.root);
    expect(out).toEqual({ code: 2, stdout: "", stderr });
  });

  it("an unreadable file met during a walk is reported and makes the run exit 2", () => {
    tree = makeTempTree({ "ok.txt": "fine\n", "locked/secret.txt": live });
    chmodSync(join(tree.root, "locked", "secret.txt"), 0o000);
    // Modes set explicitly (a run under umask 077 creates 0700 folders and 0600 files).
    for (const dir of [tree.root, join(tree.root, "locked")]) chmodSync(dir, 0o755);
    chmodSync(join(tree.root, "ok.txt"), 0o644);
    // Root reads anything: drop to an unprivileged user for this check. That
    // user runs a world-readable copy of the program: the checkout's own
    // folder may be private (a clone under a home only its owner can enter).
    const copy = publicBinCopy();
    try {
      const out = runBin(["scan", "."], tree.root, { prefix: ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"], bin: copy.bin });
      expect(out.code).toBe(2);
      expect(out.stderr).toBe("finta-guard: locked/secret.txt: permission denied\n");
    } finally {
      rmSync(copy.dir, { recursive: true, force: true });
    }
  });

  it("the binary prints no stack trace and exits 2 on bad input", () => {
    tree = makeTempTree({});
    const out = runBin(["scan", "missing-dir"], tree.root);
    expect(out).toEqual({ code: 2, stdout: "", stderr: "finta-guard: missing-dir: no such file or directory\n" });
  });

  it("--version prints the package version", () => {
    tree = makeTempTree({});
    const out = runBin(["--version"], tree.root);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

void writeFileSync;
