/**
 * The audit as JSON (`finta-guard audit --format json`). Wire format, version 1:
 *
 *   {
 *     "version": 1,
 *     "tool": { "name": "finta-guard", "version": "x.y.z" },
 *     "date": "2026-11-29",                      // the day ages were judged against (UTC)
 *     "config": "finta-guard.config.json",       // or null when none was read
 *     "checks": [
 *       { "id": "env-files-ignored", "title": "…", "status": "pass" | "fail" | "warn" | "skip",
 *         "reason": "…",
 *         "evidence": [ { "file": "repo/relative/path", "line": 3, "column": 7, "message": "…" } ],
 *         "fix": "…" }                            // "" when there is nothing to do
 *     ],
 *     "summary": { "pass": 5, "fail": 1, "warn": 1, "skip": 1 },
 *     "ok": false                                // false when any check failed (exit code 1)
 *   }
 *
 * `line`, `column` and `message` appear only when known. Paths are relative to
 * the repository root with `/` separators. No secret appears: credentials are
 * shown redacted or by fingerprint.
 */
import type { AuditReport } from "./types.js";

export interface AuditFormatContext {
  readonly toolVersion: string;
}

export function formatAuditJson(report: AuditReport, context: AuditFormatContext): string {
  const document = {
    version: 1,
    tool: { name: "finta-guard", version: context.toolVersion },
    date: report.date,
    config: report.configFile ?? null,
    checks: report.results.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      reason: r.reason,
      evidence: r.evidence.map((e) => ({
        file: e.file,
        ...(e.line !== undefined ? { line: e.line } : {}),
        ...(e.column !== undefined ? { column: e.column } : {}),
        ...(e.message !== undefined ? { message: e.message } : {}),
      })),
      fix: r.fix,
    })),
    summary: report.summary,
    ok: report.summary.fail === 0,
  };
  return JSON.stringify(document, null, 2) + "\n";
}
