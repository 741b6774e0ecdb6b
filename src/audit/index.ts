/**
 * `finta-guard audit`: the registry of checks, in checklist order, and
 * runAudit(), which builds the shared context (git, configuration, today)
 * once and runs every check against it. The result is data; formatting lives
 * in ./format-*.ts and the exit code in cli/commands/audit.ts.
 */
import { loadAuditConfig, type AuditConfig } from "./audit-config.js";
import { auditLoggingEnabled } from "./checks/audit-logging-enabled.js";
import { envFilesIgnored } from "./checks/env-files-ignored.js";
import { envFilesUntracked } from "./checks/env-files-untracked.js";
import { hookInstalled } from "./checks/hook-installed.js";
import { keyRotation } from "./checks/key-rotation.js";
import { keysPerEnvironment } from "./checks/keys-per-environment.js";
import { noHardcodedCredentials } from "./checks/no-hardcoded-credentials.js";
import { webhookSignatureVerified } from "./checks/webhook-signature-verified.js";
import type { GitEnv } from "../git/exec.js";
import { AuditGit } from "./git.js";
import type { AuditReport, AuditScanOptions, AuditSummary, Check, CheckResult } from "./types.js";

export const auditChecks = [
  envFilesIgnored,
  envFilesUntracked,
  noHardcodedCredentials,
  keysPerEnvironment,
  webhookSignatureVerified,
  auditLoggingEnabled,
  hookInstalled,
  keyRotation,
] as const satisfies readonly Check[];

export type CheckId = (typeof auditChecks)[number]["id"];

export interface AuditOptions {
  /** "Today" (default: the current time). */
  readonly now?: Date;
  /** `--config FILE`, resolved against `cwd`. Default: finta-guard.config.json at the repository root, if present. */
  readonly configPath?: string;
  readonly cwd?: string;
  /** git's environment (default: the process's). */
  readonly env?: GitEnv;
  /** A configuration already loaded (skips reading the file). */
  readonly config?: AuditConfig;
  readonly scan?: AuditScanOptions;
  /** Run only these checks (by id), in registry order. */
  readonly only?: readonly string[];
}

export function summarize(results: readonly CheckResult[]): AuditSummary {
  const summary: AuditSummary = { pass: 0, fail: 0, warn: 0, skip: 0 };
  for (const r of results) summary[r.status]++;
  return summary;
}

/** `YYYY-MM-DD` in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Run the checklist against the repository whose top-level directory is `repoRoot`. */
export async function runAudit(repoRoot: string, options: AuditOptions = {}): Promise<AuditReport> {
  const now = options.now ?? new Date();
  const config =
    options.config ??
    loadAuditConfig({
      repoRoot,
      ...(options.configPath !== undefined ? { configPath: options.configPath } : {}),
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    });
  const context = { repoRoot, git: new AuditGit(repoRoot, options.env), config, now, ...(options.scan ? { scan: options.scan } : {}) };
  const results: CheckResult[] = [];
  for (const check of auditChecks) {
    if (options.only && !options.only.includes(check.id)) continue;
    results.push(await check.run(context));
  }
  return {
    repoRoot,
    date: isoDay(now),
    ...(config.file !== undefined ? { configFile: config.file } : {}),
    results,
    summary: summarize(results),
  };
}

export type { AuditReport, CheckResult, Check, CheckStatus, Evidence } from "./types.js";
