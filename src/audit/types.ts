/**
 * Contracts of `finta-guard audit`: a check is a named practice from the Finta
 * security checklist, run against one repository, that returns a verdict with
 * the evidence (file and line) and the fix. Checks read the repository and ask
 * git; they never print, choose exit codes or read `process` (cli/ does).
 *
 * Paths in evidence are relative to the repository root, `/`-separated, as
 * `--staged` findings are (spec/cli.md), wherever the command was started.
 */
import type { RuleSpec } from "../rules/types.js";
import type { FindingFilter } from "../filter/types.js";
import type { AuditConfig } from "./audit-config.js";
import type { AuditGit } from "./git.js";

export const CHECK_STATUSES = ["pass", "fail", "warn", "skip"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export interface Evidence {
  /** Repository-relative path, `/` separators. */
  readonly file: string;
  /** 1-based line, when the evidence is one line of the file. */
  readonly line?: number;
  /** 1-based column (UTF-16 code units), when known. */
  readonly column?: number;
  /** What is at that place; never a secret (redacted form or fingerprint only). */
  readonly message?: string;
}

export interface CheckResult {
  readonly id: string;
  readonly title: string;
  readonly status: CheckStatus;
  /** One or two sentences: why this status. For `skip`, why the check did not apply. */
  readonly reason: string;
  readonly evidence: readonly Evidence[];
  /** What to do (commands, lines to add); empty when there is nothing to do. */
  readonly fix: string;
  /**
   * Fingerprints of the credentials behind a fail or warn verdict, for the
   * audit log (a fingerprint, never the value); absent when none is involved.
   */
  readonly fingerprints?: readonly string[];
}

/** What every check may look at; built once per run by runAudit(). */
export interface AuditContext {
  /** Absolute path of the repository's top-level directory. */
  readonly repoRoot: string;
  readonly git: AuditGit;
  readonly config: AuditConfig;
  /** "Today", injectable so rotation ages are testable. */
  readonly now: Date;
  /** How the credential scan runs: worker threads, and the configured filters (allowlists, inline allow). */
  readonly scan?: AuditScanOptions;
}

export interface AuditScanOptions {
  readonly jobs?: number;
  readonly filter?: FindingFilter;
  /** The rules in force after the configuration (`disable`, `override`); the Finta ones are used. Default: the built-in Finta rules. */
  readonly rules?: readonly RuleSpec[];
}

export interface Check {
  readonly id: string;
  readonly title: string;
  /** The checklist practice this check enforces (docs, SARIF rule description). */
  readonly practice: string;
  run(context: AuditContext): Promise<CheckResult>;
}

/** How many checks ended in each status. */
export type AuditSummary = Record<CheckStatus, number>;

export interface AuditReport {
  readonly repoRoot: string;
  /** The date the audit judged ages against, `YYYY-MM-DD` (UTC). */
  readonly date: string;
  /** Repository-relative path of the configuration read, if any. */
  readonly configFile?: string;
  readonly results: readonly CheckResult[];
  readonly summary: AuditSummary;
}
