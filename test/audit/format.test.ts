/** The audit's text, JSON and SARIF formats on a hand-built report. */
import { describe, expect, it } from "vitest";
import { formatAuditJson } from "../../src/audit/format-json.js";
import { formatAuditSarif } from "../../src/audit/format-sarif.js";
import { formatAuditText } from "../../src/audit/format-text.js";
import type { AuditReport } from "../../src/audit/types.js";
import { VALIDATOR_TIMEOUT_MS, validateSarif } from "../helpers/sarif-validator.js";

const report: AuditReport = {
  repoRoot: "/repo",
  date: "2026-11-29",
  configFile: "finta-guard.config.json",
  results: [
    { id: "env-files-ignored", title: "Local .env files are git-ignored", status: "pass", reason: "git ignores them.", evidence: [{ file: ".gitignore", line: 1, message: ".env*" }], fix: "" },
    {
      id: "no-hardcoded-credentials",
      title: "No Finta credential in tracked files",
      status: "fail",
      reason: "1 Finta credential(s).",
      evidence: [{ file: "src/a.ts", line: 3, column: 9, message: "finta-secret-key-live sk_live_Ab…(redacted)" }],
      fix: "Rotate it.\nUse an environment variable.",
    },
    { id: "hook-installed", title: "Pre-commit hook and CI scan are in place", status: "warn", reason: "no CI.", evidence: [], fix: "npx finta-guard install" },
    { id: "key-rotation", title: "Keys are rotated", status: "skip", reason: "No keys.", evidence: [], fix: "" },
  ],
  summary: { pass: 1, fail: 1, warn: 1, skip: 1 },
};

describe("audit formats", () => {
  it("text: a checklist with marks, evidence and fixes for failures and warnings", () => {
    expect(formatAuditText(report)).toBe(
      [
        "Finta security checklist (2026-11-29), configuration finta-guard.config.json",
        "",
        "✓ env-files-ignored         Local .env files are git-ignored",
        "    git ignores them.",
        "✗ no-hardcoded-credentials  No Finta credential in tracked files",
        "    1 Finta credential(s).",
        "    src/a.ts:3:9  finta-secret-key-live sk_live_Ab…(redacted)",
        "    fix:",
        "      Rotate it.",
        "      Use an environment variable.",
        "! hook-installed            Pre-commit hook and CI scan are in place",
        "    no CI.",
        "    fix:",
        "      npx finta-guard install",
        "– key-rotation              Keys are rotated",
        "    skipped: No keys.",
        "",
        "4 checks: 1 passed, 1 failed, 1 warning, 1 skipped",
        "",
      ].join("\n"),
    );
  });

  it("json: version-1 document", () => {
    expect(JSON.parse(formatAuditJson(report, { toolVersion: "1.2.3" }))).toEqual({
      version: 1,
      tool: { name: "finta-guard", version: "1.2.3" },
      date: "2026-11-29",
      config: "finta-guard.config.json",
      checks: report.results.map((r) => ({ ...r, evidence: r.evidence.map((e) => ({ ...e })) })),
      summary: { pass: 1, fail: 1, warn: 1, skip: 1 },
      ok: false,
    });
  });

  it("sarif: one rule per check, results with kinds, levels and locations", () => {
    const sarif = JSON.parse(formatAuditSarif(report, { toolVersion: "1.2.3" }));
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    expect(run.columnKind).toBe("utf16CodeUnits");
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      "env-files-ignored",
      "env-files-untracked",
      "no-hardcoded-credentials",
      "keys-per-environment",
      "webhook-signature-verified",
      "audit-logging-enabled",
      "hook-installed",
      "key-rotation",
    ]);
    expect(
      run.results.map((r: { ruleId: string; ruleIndex: number; kind: string; level: string; locations?: unknown }) => ({
        ruleId: r.ruleId,
        ruleIndex: r.ruleIndex,
        kind: r.kind,
        level: r.level,
        locations: r.locations,
      })),
    ).toEqual([
      { ruleId: "env-files-ignored", ruleIndex: 0, kind: "pass", level: "none", locations: undefined },
      {
        ruleId: "no-hardcoded-credentials",
        ruleIndex: 2,
        kind: "fail",
        level: "error",
        locations: [{ physicalLocation: { artifactLocation: { uri: "src/a.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 3, startColumn: 9 } } }],
      },
      { ruleId: "hook-installed", ruleIndex: 6, kind: "fail", level: "warning", locations: undefined },
      { ruleId: "key-rotation", ruleIndex: 7, kind: "notApplicable", level: "none", locations: undefined },
    ]);
    expect(run.results[1].message.text).toBe("finta-secret-key-live sk_live_Ab…(redacted). 1 Finta credential(s).\nFix:\nRotate it.\nUse an environment variable.");
  });

  it(
    "sarif: the scan report's envelope (one builder), valid for the official validator",
    () => {
      const text = formatAuditSarif(report, { toolVersion: "1.2.3" });
      const run = JSON.parse(text).runs[0];
      expect(run.tool.driver).toMatchObject({ name: "finta-guard", version: "1.2.3", informationUri: "https://www.npmjs.com/package/finta-guard" });
      expect(run.originalUriBaseIds["%SRCROOT%"].uri).toBe("file:///repo/");
      expect(run.invocations).toEqual([{ executionSuccessful: true }]);
      expect(run.automationDetails).toEqual({ id: "finta-guard-audit/2026-11-29" });
      expect(validateSarif({ audit: text })).toEqual({ errors: [], warnings: [] });
    },
    VALIDATOR_TIMEOUT_MS,
  );
});
