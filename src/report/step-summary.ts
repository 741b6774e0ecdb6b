/**
 * The job summary of `finta-guard ci` (GitHub's `$GITHUB_STEP_SUMMARY`,
 * GitHub-flavoured Markdown): what was scanned, the verdict, counts by
 * severity and by rule, the findings table (secrets redacted), and what was
 * suppressed and why. Paths and texts come from the scanned repository: every
 * cell is escaped so that none can add markup, links or table cells.
 */
import { compareSeverity, isAtOrAbove, SEVERITIES } from "../findings/severity.js";
import type { ScanResult } from "../findings/types.js";
import { countBy } from "./json.js";
import type { ReportContext } from "./types.js";

/** Text safe in a Markdown table cell: no HTML, no pipes, no line breaks, no emphasis or links. */
export function mdCell(value: string): string {
  return value
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1");
}

export interface StepSummaryInput {
  readonly result: ScanResult;
  readonly context: ReportContext;
  /** What was scanned, e.g. "pull request commits 1a2b…..3c4d…". */
  readonly scanned: string;
}

export function formatStepSummary({ result, context, scanned }: StepSummaryInput): string {
  const failing = result.findings.filter((f) => f.blocking !== false && isAtOrAbove(f.severity, context.failOn));
  const verdict = result.errors.length
    ? `❌ the scan could not be completed (${result.errors.length} error${result.errors.length === 1 ? "" : "s"})`
    : failing.length
      ? `❌ ${failing.length} secret${failing.length === 1 ? "" : "s"} at or above \`${context.failOn}\``
      : `✅ no secret at or above \`${context.failOn}\``;
  const out: string[] = [`## ${mdCell(context.toolName)}: ${verdict}`, "", `Scanned ${mdCell(scanned)}: ${result.stats.files} file${result.stats.files === 1 ? "" : "s"} (${result.stats.bytes} bytes).`, ""];

  if (result.findings.length) {
    const bySeverity = countBy(result.findings, (f) => f.severity);
    const severities = [...SEVERITIES].sort((a, b) => compareSeverity(b, a)).filter((s) => bySeverity[s]);
    out.push("| Severity | Findings |", "| --- | ---: |", ...severities.map((s) => `| ${s} | ${bySeverity[s]} |`), "");
    const byRule = countBy(result.findings, (f) => f.ruleId);
    out.push("| Rule | Findings |", "| --- | ---: |", ...Object.entries(byRule).map(([rule, n]) => `| ${mdCell(rule)} | ${n} |`), "");
    const withCommit = result.findings.some((f) => f.commit !== undefined);
    out.push(
      `| Location | Severity | Rule | Secret (redacted) |${withCommit ? " Commit |" : ""}`,
      `| --- | --- | --- | --- |${withCommit ? " --- |" : ""}`,
      ...result.findings.map(
        (f) => `| ${mdCell(`${f.file}:${f.line}:${f.column}`)} | ${f.severity} | ${mdCell(f.ruleId)} | ${mdCell(f.secret)} |${withCommit ? ` ${mdCell(f.commit?.slice(0, 12) ?? "")} |` : ""}`,
      ),
      "",
    );
  }

  const suppressedKinds = Object.entries(result.stats.suppressed).filter(([, n]) => n);
  if (suppressedKinds.length) {
    out.push(`**Suppressed:** ${suppressedKinds.map(([kind, n]) => `${n} by ${kind}`).join(", ")}.`, "");
    if (result.suppressed.length) {
      out.push(
        "<details><summary>Suppressed findings</summary>",
        "",
        "| Location | Rule | Why |",
        "| --- | --- | --- |",
        // An inline allow's `by` is the source line (it may hold the secret): name the mechanism only.
        ...result.suppressed.map((s) => `| ${mdCell(`${s.finding.file}:${s.finding.line}:${s.finding.column}`)} | ${mdCell(s.finding.ruleId)} | ${s.kind === "inline" ? "finta-guard:allow comment" : `${s.kind}: ${mdCell(s.by)}`} |`),
        "",
        "</details>",
        "",
      );
    }
  }

  if (result.errors.length) {
    out.push("**Errors:**", "", ...result.errors.map((e) => `- ${mdCell(e.file)}: ${mdCell(e.message)}`), "");
  }
  return out.join("\n") + "\n";
}
