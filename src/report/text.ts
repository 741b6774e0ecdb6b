/**
 * Human report: one block per finding (`path:line:column`, severity, rule,
 * the line with the secret redacted and a caret under it), grouped by rule
 * with the rule's remediation once after its findings, then a summary (counts
 * by severity and rule, files, bytes, time, suppressions). With a width
 * (the CLI always gives one: the terminal's, else 80) long lines are wrapped
 * and long snippets clipped around the secret.
 * Everything that comes from the scanned repository (paths, line text, allow
 * comments, custom rule texts, commit authors) goes through escapeControls:
 * the report is read in terminals and CI logs.
 */
import { SEVERITIES, type Severity } from "../findings/severity.js";
import { describePublicExample } from "../findings/public-example-note.js";
import type { Finding, ScanResult } from "../findings/types.js";
import { escapeControls } from "./escape.js";
import { countBy } from "./json.js";
import { clipAround, MIN_WIDTH, wrap } from "./layout.js";
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

/** Columns of the gutter in front of a snippet line (`   123 | `). */
const GUTTER = 9;

/**
 * The redacted line with a caret run under the secret, escaped piece by piece
 * so the caret stays under it. With a width, a line too long for it (a
 * minified bundle) is clipped around the secret with `…`, so the caret stays
 * under the secret instead of under whatever the terminal wrapped there.
 */
export function snippetWithCaret(f: Finding, width?: number): string[] {
  const text = f.lineText.replace(/\t/g, " ");
  // Where the secret is in the snippet: said by the finding (two secrets on a
  // line may redact alike); else at column - lineOffset, where redacting an
  // earlier copy of the same secret only moves it left, so look back from there.
  const rawAt = f.column - f.lineOffset;
  const at = f.secretSpan ? f.secretSpan[0] : rawAt >= 0 ? text.lastIndexOf(f.secret, rawAt) : text.indexOf(f.secret);
  const lead = f.lineOffset > 1 ? "…" : "";
  const gutter = `${String(f.line).padStart(6)} | `;
  const blank = `${" ".repeat(6)} | `;
  const room = Math.max(MIN_WIDTH, width ?? 0) - GUTTER;
  if (at < 0 || at >= text.length) {
    const shown = lead + escapeControls(text);
    return [gutter + (width === undefined ? shown : clipAround(shown, 0, 0, room).text)];
  }
  const end = f.secretSpan ? f.secretSpan[1] : f.endLine === f.line ? at + f.secret.length : text.length;
  // Escaped piece by piece, so the caret sits under the secret as printed.
  const before = escapeControls(text.slice(0, at));
  const secret = escapeControls(text.slice(at, end));
  const after = escapeControls(text.slice(end));
  const line = lead + before + secret + after;
  const caretAt = lead.length + before.length;
  const caretLength = Math.max(1, secret.length);
  const clipped = width === undefined ? { text: line, caretAt, caretLength } : clipAround(line, caretAt, caretLength, room);
  return [gutter + clipped.text, blank + " ".repeat(clipped.caretAt) + "^".repeat(clipped.caretLength)];
}

/** The remediation of a rule, as printed once after its findings. */
export function remediationLines(remediation: string, width?: number): string[] {
  return wrap(remediation, width, "       → ", "         ");
}

/** One finding: where, severity, rule (description on its own line when the width asks), snippet. */
export function formatFindingBlock(f: Finding, context: ReportContext, options: { remediation?: boolean } = {}): string {
  const c = context.color;
  const width = context.width;
  const rule = context.rules.get(f.ruleId);
  const head = `${escapeControls(f.file)}:${f.line}:${f.column}  ${f.severity}  ${escapeControls(f.ruleId)}`;
  const where = paint(c, ANSI.bold, `${escapeControls(f.file)}:${f.line}:${f.column}`);
  const severity = paint(c, SEVERITY_COLOR[f.severity], f.severity);
  const encodedText = f.encoding ? ` (inside a ${f.encoding}-encoded string)` : "";
  const describe = (rule ? escapeControls(rule.description) : "") + encodedText;
  const out = [`${where}  ${severity}  ${escapeControls(f.ruleId)}`];
  if (describe !== "") {
    if (width === undefined || head.length + 2 + describe.trimStart().length <= width) {
      out[0] += paint(c, ANSI.dim, rule ? `  ${describe}` : describe);
    } else {
      out.push(...wrap(describe.trimStart(), width, "       ").map((l) => paint(c, ANSI.dim, l)));
    }
  }
  // One line, not wrapped: it ends in the URL a reader copies.
  if (f.publicExample) out.push(paint(c, ANSI.dim, `       ${describePublicExample(f.publicExample)}`));
  if (f.commit) out.push(paint(c, ANSI.dim, `       commit ${f.commit}${f.author ? ` by ${escapeControls(f.author)}` : ""}${f.date ? ` on ${escapeControls(f.date)}` : ""}`));
  out.push(...snippetWithCaret(f, width));
  const verified = verificationLine(f);
  if (verified) out.push(paint(c, f.verification?.state === "live" ? ANSI.red + ANSI.bold : ANSI.dim, escapeControls(verified)));
  // A published example has nothing to rotate: its note replaces the remediation.
  if (options.remediation !== false && rule?.remediation && !f.publicExample) out.push(...remediationLines(escapeControls(rule.remediation), width));
  return out.join("\n");
}

/**
 * Finding blocks grouped by rule (rules in order of their first finding),
 * each rule's remediation printed once after its last finding.
 */
export function formatFindingGroups(findings: readonly Finding[], context: ReportContext): string[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = byRule.get(f.ruleId);
    if (group) group.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const blocks: string[] = [];
  for (const [ruleId, group] of byRule) {
    const rendered = group.map((f) => formatFindingBlock(f, context, { remediation: false }));
    const remediation = context.rules.get(ruleId)?.remediation;
    // Published examples have nothing to rotate: no remediation when the group holds only those.
    if (remediation && group.some((f) => !f.publicExample)) rendered[rendered.length - 1] += "\n" + remediationLines(escapeControls(remediation), context.width).join("\n");
    blocks.push(...rendered);
  }
  return blocks;
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
    lines.push(...wrap(`by rule: ${byRule.join(", ")}`, context.width, "  ", "    "));
  }
  const suppressed = Object.entries(stats.suppressed).filter(([, n]) => n);
  const verified = verificationSummary(findings);
  if (verified) lines.push(verified);
  if (suppressed.length) lines.push(...wrap(`suppressed: ${suppressed.map(([kind, n]) => `${n} by ${kind}`).join(", ")}`, context.width, "  ", "    "));
  const sources = suppressionSummary(context.suppressionSources);
  // One line, not wrapped: CI logs and reviewers grep for it.
  if (sources !== undefined) lines.push(`  ${sources}`);
  for (const error of result.errors) lines.push(paint(c, ANSI.red, `  error: ${escapeControls(error.file)}: ${escapeControls(error.message)}`));
  return lines.join("\n");
}

/** One line of the `-v` list of suppressed findings (the allow comment's text is the repository's: escaped). */
export function suppressedLine(s: ScanResult["suppressed"][number]): string {
  return `  ${escapeControls(s.finding.file)}:${s.finding.line}:${s.finding.column}  ${escapeControls(s.finding.ruleId)}  (${s.kind}: ${escapeControls(s.by)})`;
}

export const formatText: Reporter = (result, context) => {
  const blocks = formatFindingGroups(result.findings, context);
  if (context.verbose && result.suppressed.length) {
    blocks.push(
      "Suppressed:\n" +
        result.suppressed.map((s) => suppressedLine(s)).join("\n"),
    );
  }
  blocks.push(formatSummary(result, context));
  return blocks.join("\n\n") + "\n";
};
