/**
 * `finta-guard audit` and `finta-guard baseline` with --audit-log (or the
 * configuration's `auditLog`): one record per run, the exact fields, failures
 * logged as failures, and an unwritable log as exit 2 with one line.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";

let tree: TempTree | undefined;
afterEach(() => tree?.cleanup());

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" });

/** A repository with the given files, all staged (tracked), and a known user e-mail. */
function repoWith(files: Record<string, string>): string {
  tree = makeTempTree(files);
  const root = realpathSync(tree.root);
  git(root, "init", "-q", "-b", "main");
  git(root, "config", "user.email", "dev@example.com");
  git(root, "add", ".");
  return root;
}

type AnyRecord = Record<string, any>;
const records = (file: string): AnyRecord[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as AnyRecord);

/** The record with its clock-dependent fields fixed, for exact comparison. */
const steady = (r: AnyRecord) => ({ ...r, timestamp: "T", metadata: { ...r.metadata, durationMs: 0, toolVersion: "V" } });

const today = () => new Date().toISOString().slice(0, 10);
const configWithKey = () => JSON.stringify({ keys: [{ name: "prod", environment: "production", createdAt: today() }] }, null, 2) + "\n";
const ENV_IGNORES = ".env\n.env.local\n.env.*.local\n";

describe("finta-guard audit --audit-log", () => {
  it("a failed check: one finta-guard.audit record, result failure, verdicts, counts and the credential's fingerprint", async () => {
    const secret = fake.liveKey(7);
    const root = repoWith({ ".gitignore": ENV_IGNORES, "src/app.ts": `const k = "${secret}";\n`, "finta-guard.config.json": configWithKey() });
    mkdirSync(join(root, "sub"));
    const out = await runCli(["audit", "--format", "json", "--audit-log", "../logs/audit.jsonl", "--jobs", "1"], join(root, "sub"));
    expect([out.code, out.stderr]).toEqual([1, ""]);
    const scanned = await runCli(["scan", "src/app.ts", "--format", "json", "--jobs", "1"], root);
    const fingerprint = (JSON.parse(scanned.stdout) as { findings: { fingerprint: string }[] }).findings[0]!.fingerprint;

    const log = join(root, "logs/audit.jsonl");
    const [record, ...rest] = records(log);
    expect(rest).toEqual([]);
    expect(steady(record!)).toEqual({
      timestamp: "T",
      action: "finta-guard.audit",
      userId: "dev@example.com",
      resource: { repository: root, path: root, ref: "refs/heads/main", commit: null },
      result: "failure",
      metadata: {
        toolVersion: "V",
        durationMs: 0,
        exitCode: 1,
        outcome: "findings",
        config: "finta-guard.config.json",
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        checks: {
          "env-files-ignored": "pass",
          "env-files-untracked": "pass",
          "no-hardcoded-credentials": "fail",
          "keys-per-environment": "skip",
          "webhook-signature-verified": "skip",
          "audit-logging-enabled": "warn",
          "hook-installed": "warn",
          "key-rotation": "pass",
        },
        summary: { pass: 3, fail: 1, warn: 2, skip: 2 },
        evidenceByCheck: { "env-files-ignored": 3, "no-hardcoded-credentials": 1, "audit-logging-enabled": 1 },
        fingerprints: [{ check: "no-hardcoded-credentials", fingerprint }],
      },
    });
    expect(new Date(record!.timestamp as string).toISOString()).toBe(record!.timestamp);
    expect(record!.metadata.toolVersion).toMatch(/^\d+\.\d+\.\d+/);
    // Never the secret, not even its redacted form (evidence messages stay out of the log).
    const line = readFileSync(log, "utf8");
    expect(line).not.toContain(secret);
    expect(line).not.toContain(secret.slice(0, 10));
  });

  it("a clean audit is a success, written to the configured auditLog under the repository root", async () => {
    const config = { auditLog: ".finta-guard/audit.jsonl", keys: [{ name: "prod", environment: "production", createdAt: today() }] };
    const root = repoWith({ ".gitignore": ENV_IGNORES, "finta-guard.config.json": JSON.stringify(config, null, 2) + "\n", "src/x.ts": "export {};\n" });
    mkdirSync(join(root, "src/deep"));
    const out = await runCli(["audit", "--jobs", "1"], join(root, "src/deep"));
    expect(out.code).toBe(0);
    const [record, ...rest] = records(join(root, ".finta-guard/audit.jsonl"));
    expect(rest).toEqual([]);
    expect([record!.action, record!.result, record!.metadata.exitCode, record!.metadata.outcome]).toEqual(["finta-guard.audit", "success", 0, "clean"]);
    expect(record!.metadata.checks["audit-logging-enabled"]).toBe("pass");
    expect(record!.metadata.summary).toEqual({ pass: 5, fail: 0, warn: 1, skip: 2 });
    expect(record!.metadata.fingerprints).toEqual([]);
  });

  it("an audit that cannot be done (bad configuration) is logged as a failure with the one-line error", async () => {
    const root = repoWith({ "finta-guard.config.json": '{ "rotationDays": 0 }\n' });
    const out = await runCli(["audit", "--audit-log", "audit.jsonl", "--jobs", "1"], root);
    const message = "finta-guard.config.json: rotationDays: must be a positive whole number of days, got 0";
    expect(out).toEqual({ code: 2, stdout: "", stderr: `finta-guard: ${message}\n` });
    const [record, ...rest] = records(join(root, "audit.jsonl"));
    expect(rest).toEqual([]);
    expect(steady(record!)).toEqual({
      timestamp: "T",
      action: "finta-guard.audit",
      userId: "dev@example.com",
      resource: { repository: root, path: root, ref: "refs/heads/main", commit: null },
      result: "failure",
      metadata: { toolVersion: "V", durationMs: 0, exitCode: 2, outcome: "error", error: message },
    });
  });

  it("an unwritable log fails the run with exit 2 and one line on stderr", async () => {
    const root = repoWith({ "ok.txt": "fine\n" });
    const out = await runCli(["audit", "--audit-log", "ok.txt/audit.jsonl", "--jobs", "1"], root);
    expect([out.code, out.stderr]).toEqual([2, "finta-guard: audit log ok.txt/audit.jsonl: cannot write (a parent is not a directory)\n"]);
  });
});

describe("finta-guard baseline --audit-log", () => {
  it("records what entered and what left the baseline: counts per rule and severity, fingerprints, never a hint", async () => {
    const secret = fake.liveKey(8);
    const root = repoWith({ "src/app.ts": `const k = "${secret}";\n`, "ok.txt": "fine\n" });
    const log = join(root, "audit.jsonl");
    const first = await runCli(["baseline", "--audit-log", "audit.jsonl", "--jobs", "1"], root);
    expect(first).toEqual({ code: 0, stdout: "finta-guard: wrote 1 baseline entry to .finta-guard-baseline.json (1 new)\n", stderr: "" });
    const entry = (JSON.parse(readFileSync(join(root, ".finta-guard-baseline.json"), "utf8")) as { entries: { fingerprint: string; hint: string }[] }).entries[0]!;

    rmSync(join(root, "src/app.ts"));
    const second = await runCli(["baseline", "--prune", "--audit-log", "audit.jsonl", "--jobs", "1"], root);
    expect(second.code).toBe(0);

    const [added, pruned, ...rest] = records(log);
    expect(rest).toEqual([]);
    const resource = { repository: root, path: root, ref: "refs/heads/main", commit: null };
    expect(steady(added!)).toEqual({
      timestamp: "T",
      action: "finta-guard.baseline",
      userId: "dev@example.com",
      resource,
      result: "success",
      metadata: {
        toolVersion: "V",
        durationMs: 0,
        exitCode: 0,
        outcome: "clean",
        baseline: ".finta-guard-baseline.json",
        files: 2,
        bytes: expect.any(Number),
        findings: 1,
        findingsBySeverity: { critical: 1 },
        findingsByRule: { "finta-secret-key-live": 1 },
        entries: 1,
        entriesAdded: 1,
        entriesPruned: 0,
        added: [{ fingerprint: entry.fingerprint, ruleId: "finta-secret-key-live", file: "src/app.ts" }],
        pruned: [],
        errors: [],
      },
    });
    expect(steady(pruned!).metadata).toMatchObject({
      exitCode: 0,
      findings: 0,
      findingsBySeverity: {},
      findingsByRule: {},
      entries: 0,
      entriesAdded: 0,
      entriesPruned: 1,
      added: [],
      pruned: [{ fingerprint: entry.fingerprint, ruleId: "finta-secret-key-live", file: "src/app.ts" }],
    });
    expect(pruned!.result).toBe("success");
    const text = readFileSync(log, "utf8");
    expect(text).not.toContain(secret);
    expect(text).not.toContain(entry.hint);
  });

  it("a baseline that cannot be written (bad configuration) is logged as a failure with the one-line error", async () => {
    const root = repoWith({ "finta-guard.config.json": '{ "disable": 3 }\n' });
    const out = await runCli(["baseline", "--audit-log", "audit.jsonl", "--jobs", "1"], root);
    const message = "finta-guard.config.json: disable: expected an array, got number 3";
    expect(out).toEqual({ code: 2, stdout: "", stderr: `finta-guard: ${message}\n` });
    const [record, ...rest] = records(join(root, "audit.jsonl"));
    expect(rest).toEqual([]);
    expect([record!.action, record!.result]).toEqual(["finta-guard.baseline", "failure"]);
    expect(steady(record!).metadata).toEqual({ toolVersion: "V", durationMs: 0, exitCode: 2, outcome: "error", error: message });
  });

  it("a run that stops after reading the configuration is logged, as a failure, to the configured auditLog", async () => {
    const root = repoWith({ "ok.txt": "fine\n", "finta-guard.config.json": JSON.stringify({ auditLog: "logs/fg.jsonl" }) });
    const out = await runCli(["baseline", "missing-dir", "--jobs", "1"], root);
    // baseline resolves its paths, so the error names the absolute path.
    const message = `${join(root, "missing-dir")}: no such file or directory`;
    expect(out).toEqual({ code: 2, stdout: "", stderr: `finta-guard: ${message}\n` });
    const [record, ...rest] = records(join(root, "logs/fg.jsonl"));
    expect(rest).toEqual([]);
    expect([record!.action, record!.result]).toEqual(["finta-guard.baseline", "failure"]);
    expect(steady(record!).metadata).toEqual({
      toolVersion: "V",
      durationMs: 0,
      exitCode: 2,
      outcome: "error",
      baseline: ".finta-guard-baseline.json",
      error: message,
    });
  });

  it("an unwritable log fails the run with exit 2 and one line on stderr", async () => {
    const root = repoWith({ "ok.txt": "fine\n" });
    const out = await runCli(["baseline", "--audit-log", "ok.txt/audit.jsonl", "--jobs", "1"], root);
    expect([out.code, out.stderr]).toEqual([2, "finta-guard: audit log ok.txt/audit.jsonl: cannot write (a parent is not a directory)\n"]);
  });
});
