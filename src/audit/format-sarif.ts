/**
 * The audit as SARIF 2.1.0, for code-scanning dashboards. Each check is a
 * rule (its practice is the description, its fix the help). Each failed or
 * warned check gives one result per evidence location (level `error` for
 * fail, `warning` for warn; one result without a location when there is no
 * evidence); passed checks give one `kind: "pass"` result and skipped ones
 * one `kind: "notApplicable"` result, so a dashboard can tell "checked and
 * fine" from "not checked". partialFingerprints hold a hash of check id,
 * file and message: stable when lines move, and never derived from a secret.
 */
import { createHash } from "node:crypto";
import { auditChecks } from "./index.js";
import type { AuditFormatContext } from "./format-json.js";
import type { AuditReport, CheckResult, Evidence } from "./types.js";

const LEVEL = { fail: "error", warn: "warning", pass: "none", skip: "none" } as const;
const KIND = { fail: "fail", warn: "fail", pass: "pass", skip: "notApplicable" } as const;

function location(e: Evidence): object {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(e.file), uriBaseId: "%SRCROOT%" },
      ...(e.line !== undefined ? { region: { startLine: e.line, ...(e.column !== undefined ? { startColumn: e.column } : {}) } } : {}),
    },
  };
}

function partialFingerprint(r: CheckResult, e: Evidence | undefined): string {
  return createHash("sha256")
    .update(`audit/v1\0${r.id}\0${e?.file ?? ""}\0${e?.message ?? ""}`)
    .digest("hex")
    .slice(0, 32);
}

export function formatAuditSarif(report: AuditReport, context: AuditFormatContext): string {
  const ruleIndex = new Map<string, number>();
  const rules = auditChecks.map((c, i) => {
    ruleIndex.set(c.id, i);
    return {
      id: c.id,
      name: c.id.replace(/(^|-)([a-z])/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
      shortDescription: { text: c.title },
      fullDescription: { text: c.practice },
      defaultConfiguration: { level: "error" },
    };
  });
  const results = report.results.flatMap((r) => {
    const base = { ruleId: r.id, ...(ruleIndex.has(r.id) ? { ruleIndex: ruleIndex.get(r.id) } : {}), kind: KIND[r.status], level: LEVEL[r.status] };
    const text = r.reason;
    const withFix = r.fix ? `${text}\nFix:\n${r.fix}` : text;
    if ((r.status === "fail" || r.status === "warn") && r.evidence.length > 0) {
      return r.evidence.map((e) => ({
        ...base,
        message: { text: e.message ? `${e.message}. ${withFix}` : withFix },
        locations: [location(e)],
        partialFingerprints: { "fintaGuardAudit/v1": partialFingerprint(r, e) },
      }));
    }
    return [{ ...base, message: { text: withFix }, partialFingerprints: { "fintaGuardAudit/v1": partialFingerprint(r, undefined) } }];
  });
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "finta-guard", version: context.toolVersion, rules } },
        automationDetails: { id: `finta-guard-audit/${report.date}` },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}
