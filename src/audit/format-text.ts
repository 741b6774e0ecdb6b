/**
 * The audit as a checklist for people: one line per check with its mark
 * (✓ pass, ✗ fail, ! warn, – skip), the reason, and for failures and
 * warnings the evidence (`file:line`) and the fix. Pure: report in, text out.
 */
import { escapeControls } from "../report/escape.js";
import type { AuditReport, CheckStatus, Evidence } from "./types.js";

export const STATUS_MARKS: Readonly<Record<CheckStatus, string>> = { pass: "✓", fail: "✗", warn: "!", skip: "–" };

export function formatLocation(e: Evidence): string {
  const file = escapeControls(e.file);
  return e.line === undefined ? file : e.column === undefined ? `${file}:${e.line}` : `${file}:${e.line}:${e.column}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatAuditText(report: AuditReport): string {
  const out: string[] = [`Finta security checklist (${report.date})${report.configFile ? `, configuration ${report.configFile}` : ""}`, ""];
  const width = Math.max(...report.results.map((r) => r.id.length), 0);
  for (const r of report.results) {
    out.push(`${STATUS_MARKS[r.status]} ${r.id.padEnd(width)}  ${r.title}`);
    out.push(`    ${r.status === "skip" ? "skipped: " : ""}${escapeControls(r.reason)}`);
    if (r.status === "fail" || r.status === "warn") {
      // Paths and messages quote the repository: shown escaped (report/escape.ts).
      for (const e of r.evidence) out.push(`    ${formatLocation(e)}${e.message ? `  ${escapeControls(e.message)}` : ""}`);
      if (r.fix) {
        out.push("    fix:");
        for (const line of r.fix.split("\n")) out.push(`      ${line}`);
      }
    }
  }
  const s = report.summary;
  out.push(
    "",
    `${plural(report.results.length, "check", "checks")}: ${s.pass} passed, ${s.fail} failed, ${plural(s.warn, "warning", "warnings")}, ${s.skip} skipped`,
  );
  return out.join("\n") + "\n";
}
