/**
 * What an audit run puts in its audit-log record (`metadata`, action
 * `finta-guard.audit`): the verdict of every check, how many checks ended in
 * each status, how much evidence each check found, and the fingerprints of
 * the credentials behind failed or warned checks. Never a secret and never
 * evidence text (a message may quote a redacted credential or a line of code):
 * check ids, statuses, counts and fingerprints only.
 */
import type { AuditReport, CheckStatus } from "./types.js";

export type AuditLogMetadata = {
  /** The configuration read (repository-relative), or null. */
  readonly config: string | null;
  /** The day key ages were judged against (UTC). */
  readonly date: string;
  /** Check id → its status, in checklist order. */
  readonly checks: Readonly<Record<string, CheckStatus>>;
  /** How many checks ended in each status. */
  readonly summary: Readonly<Record<CheckStatus, number>>;
  /** Check id → number of evidence locations, for checks that have any. */
  readonly evidenceByCheck: Readonly<Record<string, number>>;
  /** Credentials behind failed or warned checks, by fingerprint. */
  readonly fingerprints: readonly { readonly check: string; readonly fingerprint: string }[];
};

export function auditLogMetadata(report: AuditReport): AuditLogMetadata {
  const checks: Record<string, CheckStatus> = {};
  const evidenceByCheck: Record<string, number> = {};
  const fingerprints: { check: string; fingerprint: string }[] = [];
  for (const r of report.results) {
    checks[r.id] = r.status;
    if (r.evidence.length) evidenceByCheck[r.id] = r.evidence.length;
    if (r.status === "fail" || r.status === "warn") {
      for (const fingerprint of new Set(r.fingerprints ?? [])) fingerprints.push({ check: r.id, fingerprint });
    }
  }
  return { config: report.configFile ?? null, date: report.date, checks, summary: { ...report.summary }, evidenceByCheck, fingerprints };
}
