/**
 * The audit as SARIF 2.1.0, for code-scanning dashboards, built with the scan
 * report's builder (report/sarif.ts `buildSarifLog`), so both logs share one
 * envelope: tool, invocation, %SRCROOT%, column kind.
 *
 * Each check is a rule (its practice is the description and help). Each
 * failed or warned check gives one result per evidence location (level
 * `error` for fail, `warning` for warn; one result without a location when
 * there is no evidence); passed checks give one `kind: "pass"` result and
 * skipped ones one `kind: "notApplicable"` result, so a dashboard can tell
 * "checked and fine" from "not checked". partialFingerprints hold a hash of
 * check id, file and message: stable when lines move, and never derived from
 * a secret.
 */
import { createHash } from "node:crypto";
import { isAbsolute } from "node:path";
import { buildSarifLog, ruleName, TOOL_INFORMATION_URI, type SarifLocationInput, type SarifResultInput, type SarifRuleInput } from "../report/sarif.js";
import { auditChecks } from "./index.js";
import type { AuditFormatContext } from "./format-json.js";
import type { AuditReport, CheckResult, CheckStatus, Evidence } from "./types.js";

const LEVEL = { fail: "error", warn: "warning", pass: "none", skip: "none" } as const satisfies Record<CheckStatus, string>;
const KIND = { fail: "fail", warn: "fail", pass: "pass", skip: "notApplicable" } as const satisfies Record<CheckStatus, string>;
const FINGERPRINT_KEY = "fintaGuardAudit/v1";

function location(e: Evidence): SarifLocationInput {
  return {
    path: e.file,
    // Evidence is repository-relative, except a --config file outside the repository.
    relative: !isAbsolute(e.file),
    ...(e.line !== undefined ? { region: { startLine: e.line, ...(e.column !== undefined ? { startColumn: e.column } : {}) } } : {}),
  };
}

function partialFingerprint(r: CheckResult, e: Evidence | undefined): string {
  return createHash("sha256")
    .update(`audit/v1\0${r.id}\0${e?.file ?? ""}\0${e?.message ?? ""}`)
    .digest("hex")
    .slice(0, 32);
}

const rules: readonly SarifRuleInput[] = auditChecks.map((c) => ({
  id: c.id,
  name: ruleName(c.id),
  shortDescription: c.title,
  fullDescription: c.practice,
  help: { text: c.practice, markdown: c.practice },
  level: "error",
}));

function results(r: CheckResult): SarifResultInput[] {
  const base = { ruleId: r.id, kind: KIND[r.status], level: LEVEL[r.status] };
  const withFix = r.fix ? `${r.reason}\nFix:\n${r.fix}` : r.reason;
  if ((r.status === "fail" || r.status === "warn") && r.evidence.length > 0) {
    return r.evidence.map((e) => ({
      ...base,
      message: e.message ? `${e.message}. ${withFix}` : withFix,
      location: location(e),
      partialFingerprints: { [FINGERPRINT_KEY]: partialFingerprint(r, e) },
    }));
  }
  return [{ ...base, message: withFix, partialFingerprints: { [FINGERPRINT_KEY]: partialFingerprint(r, undefined) } }];
}

export function formatAuditSarif(report: AuditReport, context: AuditFormatContext): string {
  const log = buildSarifLog({
    tool: { name: "finta-guard", version: context.toolVersion, informationUri: TOOL_INFORMATION_URI },
    rules,
    results: report.results.flatMap(results),
    srcRoot: report.repoRoot,
    // A report exists: the audit ran to the end (an audit that could not be done exits 2 with no report).
    executionSuccessful: true,
    automationId: `finta-guard-audit/${report.date}`,
  });
  return JSON.stringify(log, null, 2) + "\n";
}
