import { describe, expect, it } from "vitest";
import { buildAuditRecord, buildScanAuditRecord, scanAction, serializeAuditRecord, type AuditResource } from "../../src/report/audit-record.js";
import { fake } from "../helpers/fake-secrets.js";
import { scanFixture } from "./fixture-scan.js";

const resource: AuditResource = { repository: "https://example.com/acme/app.git", path: "/repo", ref: "refs/heads/main", commit: "c".repeat(40) };
const base = {
  timestamp: new Date("2026-11-29T02:30:00.000Z"),
  userId: "dev@example.com",
  resource,
  toolVersion: "1.2.3",
  durationMs: 42,
};

describe("audit record", () => {
  it.each([
    ["tree", "finta-guard.scan.tree"],
    ["staged", "finta-guard.scan.staged"],
    ["history", "finta-guard.scan.history"],
  ] as const)("scan mode %s → action %s", (mode, action) => {
    expect(scanAction(mode)).toBe(action);
  });

  it.each([
    [0, "success", "clean"],
    [1, "failure", "findings"],
    [2, "failure", "error"],
  ])("exit code %i → result %s, outcome %s", (exitCode, result, outcome) => {
    const record = buildAuditRecord({ ...base, action: "finta-guard.baseline", exitCode }, { written: 3 });
    expect(record).toEqual({
      timestamp: "2026-11-29T02:30:00.000Z",
      action: "finta-guard.baseline",
      userId: "dev@example.com",
      resource,
      result,
      metadata: { toolVersion: "1.2.3", durationMs: 42, exitCode, outcome, written: 3 },
    });
  });

  it("a scan record counts per rule and severity and lists fingerprints found and suppressed, never a secret", async () => {
    const scan = await scanFixture();
    const record = buildScanAuditRecord({ ...base, action: "finta-guard.scan.tree", exitCode: 1, failOn: "low", scan });
    const fp = (file: string) => scan.findings.find((f) => f.file === file)?.fingerprint ?? scan.suppressed.find((s) => s.finding.file === file)?.finding.fingerprint;
    expect(record.result).toBe("failure");
    expect(record.metadata).toEqual({
      toolVersion: "1.2.3",
      durationMs: 42,
      exitCode: 1,
      outcome: "findings",
      failOn: "low",
      files: 6,
      bytes: scan.stats.bytes,
      findings: 4,
      findingsBySeverity: { critical: 2, info: 1, medium: 1 },
      findingsByRule: { "acme-token": 1, "finta-secret-key-live": 1, "finta-secret-key-test": 1, "finta-webhook-secret": 1 },
      suppressedByKind: { baseline: 1, inline: 1 },
      found: [
        { fingerprint: scan.findings[0]!.fingerprint, ruleId: "finta-webhook-secret", severity: "critical", file: "deploy/.env", line: 1 },
        { fingerprint: scan.findings[1]!.fingerprint, ruleId: "finta-secret-key-test", severity: "medium", file: "deploy/.env", line: 2 },
        { fingerprint: fp("docs/notes, 100%.md"), ruleId: "acme-token", severity: "info", file: "docs/notes, 100%.md", line: 3 },
        { fingerprint: fp("src/config.ts"), ruleId: "finta-secret-key-live", severity: "critical", file: "src/config.ts", line: 3 },
      ],
      suppressed: [
        { fingerprint: fp("fixtures/allowed.ts"), ruleId: "finta-secret-key-live", file: "fixtures/allowed.ts", line: 1, kind: "inline" },
        { fingerprint: fp("legacy/old.env"), ruleId: "finta-secret-key-live", file: "legacy/old.env", line: 1, kind: "baseline" },
      ],
      errors: [],
    });
    const line = serializeAuditRecord(record);
    // Neither the secrets nor their redacted forms (which show a few characters) are in the log.
    for (const secret of [fake.liveKey(101), fake.webhookSecret(102), fake.testKey(103), fake.liveKey(105), fake.liveKey(106)]) {
      expect(line).not.toContain(secret.slice(0, 12));
    }
    expect(line).not.toContain("redacted");
  });

  it("a run that could not be done records the error, cut to one short line", () => {
    const record = buildScanAuditRecord({ ...base, action: "finta-guard.scan.staged", exitCode: 2, failOn: "high", error: `config: bad\nsecond line ${"x".repeat(400)}` });
    expect(record.result).toBe("failure");
    expect(record.metadata).toEqual({
      toolVersion: "1.2.3",
      durationMs: 42,
      exitCode: 2,
      outcome: "error",
      failOn: "high",
      error: `config: bad second line ${"x".repeat(275)}…`,
    });
  });

  it("serializes to exactly one line", () => {
    const record = buildAuditRecord({ ...base, userId: "a\nb", action: "finta-guard.audit", exitCode: 0 });
    const line = serializeAuditRecord(record);
    expect(line.indexOf("\n")).toBe(line.length - 1);
    expect(JSON.parse(line)).toEqual(record);
  });
});
