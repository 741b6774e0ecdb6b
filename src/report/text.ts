/**
 * Human report: one block per finding (`path:line:column`, severity, rule,
 * the line with the secret redacted and a caret under it, what to do), then a
 * summary (counts by severity and rule, files, bytes, time, suppressions).
 * Everything that comes from the scanned repository (paths, line text, allow
 * comments, custom rule texts, commit authors) goes through escapeControls:
 * the report is read in terminals and CI logs.
 */
import { SEVERITIES, type Severity } from "../findings/severity.js";
import { describePublicExample } from "../findings/public-example-note.js";
import type { Finding, ScanResult } from "../findings/types.js";
import { escapeControls } from "./escape.js";
import { countBy } from "./json.js";
import { suppressionSummary } from "./suppression-sources.js";
import type { ReportContext, Reporter } from "./types.js";
import { verificationLine, verificationSummary } from "./verification.js";

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
  const text = f.lineText.replace(/\t/g, " ");
  // Where the secret is in the snippet: said by the finding (two secrets on a
  // line may redact alike), else looked for.
  const at = f.secretSpan ? f.secretSpan[0] : text.indexOf(f.secret);
  const lead = f.lineOffset > 1 ? "…" : "";
  const gutter = `${String(f.line).padStart(6)} | `;
  const blank = `${" ".repeat(6)} | `;
  if (at < 0 || at >= text.length) return [gutter + lead + escapeControls(text)];
  const end = f.secretSpan ? f.secretSpan[1] : f.endLine === f.line ? at + f.secret.length : text.length;
  // Escaped piece by piece, so the caret sits under the secret as printed.
  const before = escapeControls(text.slice(0, at));
  const secret = escapeControls(text.slice(at, end));
  const after = escapeControls(text.slice(end));
  return [gutter + lead + before + secret + after, blank + " ".repeat(lead.length + before.length) + "^".repeat(Math.max(1, secret.length))];
}

export function formatFindingBlock(f: Finding, context: ReportContext): string {
  const c = context.color;
  const rule = context.rules.get(f.ruleId);
  const where = paint(c, ANSI.bold, `${escapeControls(f.file)}:${f.line}:${f.column}`);
  const severity = paint(c, SEVERITY_COLOR[f.severity], f.severity);
  const encoded = f.encoding ? paint(c, ANSI.dim, ` (inside a ${f.encoding}-encoded string)`) : "";
  const out = [`${where}  ${severity}  ${escapeControls(f.ruleId)}${rule ? paint(c, ANSI.dim, `  ${escapeControls(rule.description)}`) : ""}${encoded}`];
  if (f.publicExample) out.push(paint(c, ANSI.dim, `       ${describePublicExample(f.publicExample)}`));
  if (f.commit) out.push(paint(c, ANSI.dim, `       commit ${f.commit}${f.author ? ` by ${escapeControls(f.author)}` : ""}${f.date ? ` on ${escapeControls(f.date)}` : ""}`));
  out.push(...snippetWithCaret(f));
  const verified = verificationLine(f);
  if (verified) out.push(paint(c, f.verification?.state === "live" ? ANSI.red + ANSI.bold : ANSI.dim, escapeControls(verified)));
  // A published example has nothing to rotate: its note replaces the remediation.
  if (rule?.remediation && !f.publicExample) out.push(`       → ${escapeControls(rule.remediation)}`);
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
  const verified = verificationSummary(findings);
  if (verified) lines.push(verified);
  if (suppressed.length) lines.push(`  suppressed: ${suppressed.map(([kind, n]) => `${n} by ${kind}`).join(", ")}`);
  const sources = suppressionSummary(context.suppressionSources);
  if (sources !== undefined) lines.push(`  ${sources}`);
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
