import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseCliArgs } from "../../src/cli/args.js";
import { appendAuditLine, configuredAuditLog, resolveAuditLogPath, startAuditLogBeforeConfig, withMetadata } from "../../src/cli/audit-log.js";
import { InputError } from "../../src/errors.js";
import { BIN, runCli } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";

let tree: TempTree | undefined;
afterEach(() => tree?.cleanup());

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" });

function repoWith(files: Record<string, string>): { tree: TempTree; root: string } {
  const t = makeTempTree(files);
  const root = realpathSync(t.root);
  git(root, "init", "-q", "-b", "main");
  git(root, "config", "user.email", "dev@example.com");
  return { tree: t, root };
}

const readLines = (file: string) => readFileSync(file, "utf8").split("\n").filter((l) => l !== "");

describe("resolveAuditLogPath", () => {
  it.each([
    { name: "nothing asked", flag: undefined, configured: undefined, expected: undefined },
    { name: "flag, relative to cwd", flag: "logs/a.jsonl", configured: ".finta-guard/audit.jsonl", expected: { path: "/home/dev/dir/logs/a.jsonl", fromRepository: false } },
    { name: "flag, anywhere", flag: "/var/log/fg.jsonl", configured: undefined, expected: { path: "/var/log/fg.jsonl", fromRepository: false } },
    { name: "configured, relative to the root", flag: undefined, configured: ".finta-guard/audit.jsonl", expected: { path: "/repo/.finta-guard/audit.jsonl", fromRepository: true } },
  ])("$name", ({ flag, configured, expected }) => {
    expect(resolveAuditLogPath(flag, configured, "/home/dev/dir", "/repo")).toEqual(expected);
  });

  it.each([
    ["/var/log/fg.jsonl", 'must be a path inside the repository, got the absolute path "/var/log/fg.jsonl" (name a file elsewhere with the command-line option instead)'],
    ["../home/.bashrc", 'must stay inside the repository, got "../home/.bashrc" (".." is not allowed)'],
    [".git/hooks/post-commit", 'must not point into .git/, got ".git/hooks/post-commit"'],
  ])("a configured path outside the repository (%s) is refused", (configured, problem) => {
    expect(() => resolveAuditLogPath(undefined, configured, "/home/dev/dir", "/repo")).toThrow(`configuration: auditLog: ${problem}`);
  });

  it.each([
    [{ rules: [] }, undefined],
    [{ rules: [], auditLog: "" }, undefined],
    [{ rules: [], auditLog: 3 }, undefined],
    [{ rules: [], auditLog: "a.jsonl" }, "a.jsonl"],
  ])("configuredAuditLog(%j) → %s", (setup, expected) => {
    expect(configuredAuditLog(setup)).toBe(expected);
  });
});

describe("appendAuditLine", () => {
  it("appends, creating the directory and a 0600 file", () => {
    tree = makeTempTree({});
    const log = join(tree.root, "deep/er/audit.jsonl");
    appendAuditLine(log, '{"a":1}\n');
    appendAuditLine(log, '{"a":2}\n');
    expect(readFileSync(log, "utf8")).toBe('{"a":1}\n{"a":2}\n');
    expect(statSync(log).mode & 0o777).toBe(0o600);
  });

  it.each([
    ["a parent that is a file", "file.txt/audit.jsonl", "audit log L: cannot write (a parent is not a directory)"],
    ["a directory", "dir", "audit log L: cannot write (is a directory)"],
  ])("an unwritable log (%s) is an InputError", (_name, path, message) => {
    tree = makeTempTree({ "file.txt": "x", "dir/keep": "" });
    expect(() => appendAuditLine(join(tree!.root, path), "{}\n", "L")).toThrow(new InputError(message));
  });

  it.each([["no newline", "{}"], ["two lines", "{}\n{}\n"]])("refuses a record that is not one line (%s)", (_name, line) => {
    expect(() => appendAuditLine("/nonexistent/x", line, "L")).toThrow(new InputError("audit log L: a record must be exactly one line"));
  });
});

describe("startAuditLogBeforeConfig (the log of any command)", () => {
  const io = (cwd: string) => ({ cwd, env: {}, stdout: () => {}, stderr: () => {}, stdoutIsTTY: false, stderrIsTTY: false });

  it("writes one record with the command's metadata, once, to the configured log under the repository root", async () => {
    const repo = repoWith({ "a.txt": "a\n" });
    tree = repo.tree;
    mkdirSync(join(repo.root, "sub"));
    const log = startAuditLogBeforeConfig(parseCliArgs(["scan"]), io(join(repo.root, "sub")), {
      action: "finta-guard.baseline",
      configured: () => "logs/audit.jsonl",
      build: withMetadata,
    });
    await log.record(0, { written: 3 });
    await log.record(0, { written: 4 });
    const records = readLines(join(repo.root, "logs/audit.jsonl")).map((l) => JSON.parse(l) as Record<string, any>);
    expect(records.map((r) => [r.action, r.userId, r.result, r.metadata.written, r.metadata.outcome])).toEqual([
      ["finta-guard.baseline", "dev@example.com", "success", 3, "clean"],
    ]);
  });
});

describe("startAuditLogBeforeConfig (the configuration is read after the run starts)", () => {
  const io = (cwd: string) => ({ cwd, env: {}, stdout: () => {}, stderr: () => {}, stdoutIsTTY: false, stderrIsTTY: false });

  it("asks for the configured log when it writes, and writes nothing when neither it nor the flag names one", async () => {
    const repo = repoWith({ "a.txt": "a\n" });
    tree = repo.tree;
    let configured: string | undefined;
    const off = startAuditLogBeforeConfig(parseCliArgs(["audit"]), io(repo.root), { action: "finta-guard.audit", configured: () => configured, build: withMetadata });
    await off.record(0, { n: 1 });
    const on = startAuditLogBeforeConfig(parseCliArgs(["audit"]), io(repo.root), { action: "finta-guard.audit", configured: () => configured, build: withMetadata });
    configured = "logs/a.jsonl";
    await on.record(2, { n: 2 });
    const records = readLines(join(repo.root, "logs/a.jsonl")).map((l) => JSON.parse(l) as Record<string, any>);
    expect(records.map((r) => [r.action, r.result, r.metadata.n])).toEqual([["finta-guard.audit", "failure", 2]]);
  });
});

describe("finta-guard scan --audit-log", () => {
  it("appends one record per run: action, user, repository, result, counts and fingerprints", async () => {
    const repo = repoWith({ "src/app.ts": `const k = "${fake.liveKey(7)}";\n`, "ok.txt": "fine\n" });
    tree = repo.tree;
    mkdirSync(join(repo.root, "sub"));
    const first = await runCli(["scan", "..", "--format", "json", "--audit-log", "../.finta-guard/audit.jsonl", "--jobs", "1"], join(repo.root, "sub"));
    expect(first.code).toBe(1);
    const second = await runCli(["scan", "ok.txt", "--audit-log", ".finta-guard/audit.jsonl", "--jobs", "1"], repo.root);
    expect(second.code).toBe(0);
    const [a, b, ...rest] = readLines(join(repo.root, ".finta-guard/audit.jsonl")).map((l) => JSON.parse(l) as Record<string, any>);
    expect(rest).toEqual([]);
    const fingerprint = (JSON.parse(first.stdout) as { findings: { fingerprint: string }[] }).findings[0]!.fingerprint;
    expect({ ...a, timestamp: "T", metadata: { ...a!.metadata, durationMs: 0 } }).toEqual({
      timestamp: "T",
      action: "finta-guard.scan.tree",
      userId: "dev@example.com",
      resource: { repository: repo.root, path: repo.root, ref: "refs/heads/main", commit: null },
      result: "failure",
      metadata: {
        toolVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
        durationMs: 0,
        exitCode: 1,
        outcome: "findings",
        failOn: "low",
        files: 2,
        bytes: expect.any(Number),
        findings: 1,
        findingsBySeverity: { critical: 1 },
        findingsByRule: { "finta-secret-key-live": 1 },
        suppressedByKind: {},
        found: [{ fingerprint, ruleId: "finta-secret-key-live", severity: "critical", file: join(repo.root, "src/app.ts"), line: 1 }],
        suppressed: [],
        errors: [],
      },
    });
    expect(new Date(a!.timestamp as string).toISOString()).toBe(a!.timestamp);
    expect([b!.action, b!.result, b!.metadata.outcome, b!.metadata.findings]).toEqual(["finta-guard.scan.tree", "success", "clean", 0]);
  });

  it("an unwritable log fails the run with exit 2 and one line on stderr", async () => {
    const repo = repoWith({ "ok.txt": "fine\n" });
    tree = repo.tree;
    const out = await runCli(["scan", "--audit-log", "ok.txt/audit.jsonl", "--jobs", "1"], repo.root);
    expect([out.code, out.stderr]).toEqual([2, "finta-guard: audit log ok.txt/audit.jsonl: cannot write (a parent is not a directory)\n"]);
  });

  it("a scan whose configuration cannot be read is logged as a failure when the flag names the log", async () => {
    const repo = repoWith({ "ok.txt": "fine\n", "finta-guard.config.json": "{ not json" });
    tree = repo.tree;
    const out = await runCli(["scan", "ok.txt", "--audit-log", "audit.jsonl", "--jobs", "1"], repo.root);
    expect(out.code).toBe(2);
    const [record, ...rest] = readLines(join(repo.root, "audit.jsonl")).map((l) => JSON.parse(l) as Record<string, any>);
    expect(rest).toEqual([]);
    expect([record!.action, record!.result, record!.metadata.outcome, record!.metadata.exitCode]).toEqual(["finta-guard.scan.tree", "failure", "error", 2]);
    expect(record!.metadata.error).toMatch(/^finta-guard\.config\.json: /);
  });

  it("a run that cannot be done is logged as a failure too", async () => {
    const repo = repoWith({ "ok.txt": "fine\n" });
    tree = repo.tree;
    const out = await runCli(["scan", "missing-dir", "--audit-log", "audit.jsonl", "--jobs", "1"], repo.root);
    expect(out.code).toBe(2);
    const [record] = readLines(join(repo.root, "audit.jsonl")).map((l) => JSON.parse(l) as Record<string, any>);
    expect([record!.result, record!.metadata.outcome, record!.metadata.exitCode]).toEqual(["failure", "error", 2]);
  });

  it(
    "many concurrent scans append whole lines to one log",
    async () => {
      // 120 findings per run: each record is ~20 KB, far over PIPE_BUF (4 KiB), so only O_APPEND
      // with one write per record keeps the lines whole.
      const files: Record<string, string> = {};
      for (let i = 0; i < 120; i++) files[`keys/k${i}.env`] = `FINTA_SECRET_KEY=${fake.liveKey(1000 + i)}\n`;
      const repo = repoWith(files);
      tree = repo.tree;
      const log = join(repo.root, "audit.jsonl");
      const RUNS = 12;
      const codes = await Promise.all(
        Array.from({ length: RUNS }, () =>
          new Promise<number>((done, fail) => {
            const child = spawn(process.execPath, [BIN, "scan", "keys", "--jobs", "1", "--format", "json", "--output", "/dev/null", "--audit-log", log], {
              cwd: repo.root,
              stdio: "ignore",
            });
            child.on("error", fail);
            child.on("close", (code) => done(code ?? -1));
          }),
        ),
      );
      expect(codes).toEqual(Array(RUNS).fill(1));
      const lines = readLines(log);
      expect(lines).toHaveLength(RUNS);
      const records = lines.map((l) => JSON.parse(l) as { action: string; metadata: { findings: number; found: unknown[] } });
      expect(records.map((r) => [r.action, r.metadata.findings, r.metadata.found.length])).toEqual(Array(RUNS).fill(["finta-guard.scan.tree", 120, 120]));
      expect(Math.min(...lines.map((l) => l.length))).toBeGreaterThan(4096);
    },
    180_000,
  );
});
