/**
 * audit-logging-enabled: there is a record of who used which key when. Either
 * the finta-guard configuration sets `auditLog` (finta-guard appends its own
 * runs there), or application code that talks to Finta also calls an audit
 * logger. Neither is a warning, not a failure: the practice is about being
 * able to investigate, not about keys leaking.
 */
import { CODE_SEARCH_DESCRIPTION, listCodeFiles, offsetsOf } from "../code-files.js";
import { DEFAULT_CONFIG_FILE } from "../../config/types.js";
import { lineAt } from "../repo-files.js";
import type { Check, CheckResult, Evidence } from "../types.js";

/** Code that talks to Finta: its API hosts, SDK client or environment variables. */
const USES_FINTA = /api\.finta\.(?:io|com)|\bnew\s+Finta\w*\s*\(|\bFinta(?:Client)?\s*\(|from\s+["']@?finta[\w/-]*["']|\bimport\s+finta\b|\bfrom\s+finta\b|FINTA_(?:API|SECRET)_KEY/;
/** A call to an audit logger: auditLog(…), audit.log(…), auditLogger.info(…), audit_log(…), logger.audit(…). */
const AUDIT_CALL = /\b(?:auditLog|logAudit|writeAudit\w*|recordAudit\w*|audit_log|log_audit)\s*\(|\b(?:audit|auditLogger|audit_logger|auditLog)\.\w+\s*\(|\.audit\s*\(/;

export const auditLoggingEnabled: Check = {
  id: "audit-logging-enabled",
  title: "Audit logging is enabled",
  practice: "Use of Finta keys is logged to an audit trail, so a leak can be investigated and its impact bounded.",
  async run({ config, git, repoRoot }): Promise<CheckResult> {
    if (config.auditLog && config.file !== undefined) {
      return {
        id: this.id,
        title: this.title,
        status: "pass",
        reason: `The configuration writes an audit log to ${config.auditLog.value}.`,
        evidence: [{ file: config.file, line: config.auditLog.line, message: "auditLog" }],
        fix: "",
      };
    }
    const files = await listCodeFiles(git, repoRoot);
    const evidence: Evidence[] = [];
    for (const f of files) {
      if (!/finta/i.test(f.text) || !USES_FINTA.test(f.code)) continue;
      const call = offsetsOf(f.bare, AUDIT_CALL)[0];
      if (call !== undefined) evidence.push({ file: f.path, line: lineAt(f.bare, call), message: "audit logger call next to Finta calls" });
    }
    if (evidence.length) {
      return {
        id: this.id,
        title: this.title,
        status: "pass",
        reason: `Code that calls Finta also writes audit records (${evidence.map((e) => e.file).join(", ")}).`,
        evidence,
        fix: "",
      };
    }
    const where = config.file ?? DEFAULT_CONFIG_FILE;
    return {
      id: this.id,
      title: this.title,
      status: "warn",
      reason: `No audit log: ${config.file ? `${config.file} sets no auditLog` : `no ${DEFAULT_CONFIG_FILE}`}, and no code calling Finta calls an audit logger (searched ${files.length} file(s): ${CODE_SEARCH_DESCRIPTION}).`,
      evidence: config.file ? [{ file: config.file, message: "no auditLog" }] : [],
      fix: [
        `Add to ${where}:`,
        `  "auditLog": ".finta-guard/audit.jsonl"`,
        "and/or record each Finta API call (key name, caller, time, endpoint — never the key) with your audit logger.",
      ].join("\n"),
    };
  },
};
