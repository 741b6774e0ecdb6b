/**
 * Human report: one block per finding (`path:line:column`, severity, rule,
 * the line with the secret redacted and a caret under it, what to do), then a
 * summary (counts by severity and rule, files, bytes, time, suppressions).
 * Everything that comes from the scanned repository (paths, line text, allow
 * comments, custom rule texts, commit authors) goes through escapeControls:
 * the report is read in terminals and CI logs.
 */
import { SEVERITIES, type Severity } from "../findings/severity.js";
import type { Finding, ScanResult } from "../findings/types.js";
import { escapeControls } from "./escape.js";
import { countBy } from "./json.js";
import type { ReportContext, Reporter } from "./types.js";

const ANSI = { reset: "\x1b[0m", bold: "\x1b[1m", dim: "\x1b[2m", red: "\x1b[31m", yellow: "\x1b[33m", cyan: "\x1b[36m", magenta: "\x1b[35m" };

const SEVERITY_COLOR: Record<Severity, string> = {
  critical: ANSI.magenta + ANSI.bold,
  high: ANSI.red + ANSI.bold,
  medium: ANSI.yellow,
  low: ANSI.cyan,
  info: ANSI.dim,
};

export function paint(enabled: boolean, style: string, text: string): string {
  return enabled ? style + text + ANSI.reset : text;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** The redacted line with a caret run under the secret (escaped piece by piece, so the caret stays under it). */
export function snippetWithCaret(f: Finding): string[] {
  const raw = f.lineText.replace(/\t/g, " ");
  const rawAt = raw.indexOf(f.secret);
  const lead = f.lineOffset > 1 ? "…" : "";
  const gutter = `${String(f.line).padStart(6)} | `;
  const blank = `${" ".repeat(6)} | `;
  if (rawAt < 0) return [gutter + lead + escapeControls(raw)];
  const before = escapeControls(raw.slice(0, rawAt));
  const secret = escapeControls(f.secret);
  const after = escapeControls(raw.slice(rawAt + f.secret.length));
  const caretLength = Math.max(1, f.endLine === f.line ? secret.length : secret.length + after.length);
  return [gutter + lead + before + secret + after, blank + " ".repeat(lead.length + before.length) + "^".repeat(caretLength)];
}

export function formatFindingBlock(f: Finding, context: ReportContext): string {
  const c = context.color;
  const rule = context.rules.get(f.ruleId);
  const where = paint(c, ANSI.bold, `${escapeControls(f.file)}:${f.line}:${f.column}`);
  const severity = paint(c, SEVERITY_COLOR[f.severity], f.severity);
  const encoded = f.encoding ? paint(c, ANSI.dim, ` (inside a ${f.encoding}-encoded string)`) : "";
  const out = [`${where}  ${severity}  ${escapeControls(f.ruleId)}${rule ? paint(c, ANSI.dim, `  ${escapeControls(rule.description)}`) : ""}${encoded}`];
  if (f.commit) out.push(paint(c, ANSI.dim, `       commit ${f.commit}${f.author ? ` by ${escapeControls(f.author)}` : ""}${f.date ? ` on ${escapeControls(f.date)}` : ""}`));
  out.push(...snippetWithCaret(f));
  if (rule?.remediation) out.push(`       → ${escapeControls(rule.remediation)}`);
  return out.join("\n");
}

export function formatSummary(result: ScanResult, context: ReportContext): string {
  const c = context.color;
  const { findings, stats } = result;
  const bySeverity = countBy(findings, (f) => f.severity);
  const severityText = [...SEVERITIES]
    .reverse()
    .filter((s) => bySeverity[s])
    .map((s) => `${bySeverity[s]} ${s}`)
    .join(", ");
  const scanned = `${stats.files} file${stats.files === 1 ? "" : "s"} (${formatBytes(stats.bytes)})${stats.binarySkipped ? `, ${stats.binarySkipped} binary skipped` : ""} in ${stats.durationMs} ms`;
  const lines: string[] = [];
  if (findings.length === 0) {
    lines.push(paint(c, ANSI.bold, `✔ no secrets found`) + ` · ${scanned}`);
  } else {
    lines.push(paint(c, ANSI.red + ANSI.bold, `✖ ${findings.length} finding${findings.length === 1 ? "" : "s"}`) + ` (${severityText}) · ${scanned}`);
    const byRule = Object.entries(countBy(findings, (f) => f.ruleId)).map(([id, n]) => `${escapeControls(id)} ${n}`);
    lines.push(`  by rule: ${byRule.join(", ")}`);
  }
  const suppressed = Object.entries(stats.suppressed).filter(([, n]) => n);
  if (suppressed.length) lines.push(`  suppressed: ${suppressed.map(([kind, n]) => `${n} by ${kind}`).join(", ")}`);
  for (const error of result.errors) lines.push(paint(c, ANSI.red, `  error: ${escapeControls(error.file)}: ${escapeControls(error.message)}`));
  return lines.join("\n");
}

/** One line of the `-v` list of suppressed findings (the allow comment's text is the repository's: escaped). */
export function suppressedLine(s: ScanResult["suppressed"][number]): string {
  return `  ${escapeControls(s.finding.file)}:${s.finding.line}:${s.finding.column}  ${escapeControls(s.finding.ruleId)}  (${s.kind}: ${escapeControls(s.by)})`;
}

export const formatText: Reporter = (result, context) => {
  const blocks = result.findings.map((f) => formatFindingBlock(f, context));
  if (context.verbose && result.suppressed.length) {
    blocks.push(
      "Suppressed:\n" +
        result.suppressed.map((s) => suppressedLine(s)).join("\n"),
    );
  }
  blocks.push(formatSummary(result, context));
  return blocks.join("\n\n") + "\n";
};
