/**
 * The audit-log record: one JSON object per decision finta-guard makes (a
 * scan that lets a commit through or blocks it, an audit, a baseline
 * written), in the shape audit pipelines ingest:
 *
 *   { "timestamp": "2026-11-29T02:30:00.000Z",
 *     "action": "finta-guard.scan.staged",
 *     "userId": "dev@example.com" | null,            (git config user.email)
 *     "resource": { "repository": "<remote URL without credentials, or root path>",
 *                   "path": "<root path>", "ref": "refs/heads/main" | null, "commit": "<sha>" | null },
 *     "result": "success" | "failure",
 *     "metadata": { "toolVersion", "durationMs", "exitCode", "outcome": "clean" | "findings" | "error",
 *                   "failOn", "files", "bytes", "findings", "findingsBySeverity", "findingsByRule",
 *                   "suppressedByKind", "findingsByVerification"? ({ live, revoked, unknown }: scan --verify),
 *                   "found": [{ fingerprint, ruleId, severity, file, line, verification? }],
 *                   "suppressed": [{ fingerprint, ruleId, file, line, kind }], "errors", "error"? } }
 *
 * `result` is the decision: "success" when the run exited 0 (nothing at or
 * above --fail-on, no error), "failure" otherwise; `metadata.outcome` says why.
 *
 * Pure: the caller supplies the time, the identity and the repository. Never
 * a secret: findings are carried as fingerprints, rule ids and places only
 * (no redacted value, no line text, and no allow-comment text, which may
 * hold the secret); error messages are cut short.
 */
import type { ScanResult } from "../findings/types.js";
import type { Severity } from "../findings/severity.js";
import { countBy } from "./json.js";
import { countByState } from "./verification.js";
import type { ScanMode } from "./types.js";

export const AUDIT_ACTIONS = [
  "finta-guard.scan.staged",
  "finta-guard.scan.tree",
  "finta-guard.scan.history",
  "finta-guard.audit",
  "finta-guard.baseline",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function scanAction(mode: ScanMode): AuditAction {
  return `finta-guard.scan.${mode}`;
}

export interface AuditResource {
  /** The `origin` remote URL without credentials, or the root path when there is none. */
  readonly repository: string;
  /** Absolute path of the repository root (or the directory the run started in, outside git). */
  readonly path: string;
  /** `refs/heads/main`; null when HEAD is detached or outside git. */
  readonly ref: string | null;
  /** HEAD's commit; null on an unborn branch or outside git. */
  readonly commit: string | null;
}

export type AuditOutcome = "clean" | "findings" | "error";

export interface AuditRecord {
  readonly timestamp: string;
  readonly action: AuditAction;
  readonly userId: string | null;
  readonly resource: AuditResource;
  readonly result: "success" | "failure";
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface AuditRecordBase {
  readonly action: AuditAction;
  readonly timestamp: Date;
  readonly userId: string | null;
  readonly resource: AuditResource;
  readonly toolVersion: string;
  readonly durationMs: number;
  /** The run's exit code: 0 → success, anything else → failure. */
  readonly exitCode: number;
}

/** Longest error message kept: enough to tell what failed, too short to carry a file's content. */
export const MAX_ERROR_CHARS = 300;

function outcomeOf(exitCode: number): AuditOutcome {
  return exitCode === 0 ? "clean" : exitCode === 1 ? "findings" : "error";
}

/** An error message on one line, at most MAX_ERROR_CHARS long (audit and baseline records use it too). */
export function shortErrorMessage(message: string): string {
  const oneLine = message.replace(/\s*[\r\n]+\s*/g, " ");
  return oneLine.length > MAX_ERROR_CHARS ? oneLine.slice(0, MAX_ERROR_CHARS - 1) + "…" : oneLine;
}

/** A record for any action; `metadata` is the caller's (it must hold no secret). */
export function buildAuditRecord(base: AuditRecordBase, metadata: Readonly<Record<string, unknown>> = {}): AuditRecord {
  return {
    timestamp: base.timestamp.toISOString(),
    action: base.action,
    userId: base.userId,
    resource: base.resource,
    result: base.exitCode === 0 ? "success" : "failure",
    metadata: {
      toolVersion: base.toolVersion,
      durationMs: base.durationMs,
      exitCode: base.exitCode,
      outcome: outcomeOf(base.exitCode),
      ...metadata,
    },
  };
}

export interface ScanAuditInput extends AuditRecordBase {
  readonly failOn: Severity;
  /** The scan's result; absent when the run failed before producing one. */
  readonly scan?: ScanResult;
  /** Why the run could not be done (a FintaGuardError's message). */
  readonly error?: string;
}

/** The record of one scan run. */
export function buildScanAuditRecord(input: ScanAuditInput): AuditRecord {
  const scan = input.scan;
  const metadata: Record<string, unknown> = { failOn: input.failOn };
  if (scan) {
    Object.assign(metadata, {
      files: scan.stats.files,
      bytes: scan.stats.bytes,
      findings: scan.findings.length,
      findingsBySeverity: countBy(scan.findings, (f) => f.severity),
      findingsByRule: countBy(scan.findings, (f) => f.ruleId),
      suppressedByKind: countBy(scan.suppressed, (s) => s.kind),
      // scan --verify: findings per state (live, revoked, unknown); never a key.
      ...(scan.findings.some((f) => f.verification) ? { findingsByVerification: countByState(scan.findings) } : {}),
      found: scan.findings.map((f) => ({
        fingerprint: f.fingerprint,
        ruleId: f.ruleId,
        severity: f.severity,
        file: f.file,
        line: f.line,
        ...(f.commit !== undefined ? { commit: f.commit } : {}),
        ...(f.blocking !== undefined ? { blocking: f.blocking } : {}),
        ...(f.verification ? { verification: f.verification.state } : {}),
      })),
      suppressed: scan.suppressed.map((s) => ({
        fingerprint: s.finding.fingerprint,
        ruleId: s.finding.ruleId,
        file: s.finding.file,
        line: s.finding.line,
        kind: s.kind,
      })),
      errors: scan.errors.map((e) => ({ file: e.file, message: shortErrorMessage(e.message) })),
    });
  }
  if (input.error !== undefined) metadata.error = shortErrorMessage(input.error);
  return buildAuditRecord(input, metadata);
}

/**
 * Characters JSON.stringify leaves raw that a log viewer, a terminal or a
 * shell reading the file could act on: DEL, the C1 controls (U+009B is a
 * one-character CSI), the line and paragraph separators (line breaks for
 * JavaScript and many viewers) and the bidirectional overrides. Written as
 * `\uXXXX` escapes, which JSON parsers read back as the same characters.
 */
// eslint-disable-next-line no-control-regex
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * One line of JSON Lines: no newline inside, one at the end, and no raw
 * control character at all (JSON.stringify escapes U+0000–U+001F; the rest
 * are escaped here), whatever file names or messages the record holds.
 */
export function serializeAuditRecord(record: AuditRecord): string {
  return JSON.stringify(record).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) + "\n";
}
