/**
 * GitHub Actions annotations (`--format github`): one workflow command per
 * finding, which the runner turns into an annotation on the file and line of
 * the pull request, then the text summary for whoever reads the job log.
 *
 *   ::error file=src/app.ts,line=3,col=9,endColumn=41,title=…::message
 *
 * critical/high → `::error`, medium/low → `::warning`, info → `::notice`.
 * Suppressed findings are not annotated. Scan errors are `::error` commands
 * without a line.
 *
 * Escaping follows the runner's parser (actions/toolkit `command.ts`): in the
 * message (data) `%`, `\r` and `\n` are percent-encoded; in property values
 * `:` and `,` as well, since they delimit properties. Without it a `%0A` in a
 * secret-bearing line, or a `,` in a path, would cut or forge the command.
 * Before that, text from the repository (paths, secrets, rule texts, error
 * messages) has its control characters shown escaped (escapeControls), as in
 * every human-readable output: the job log is read in a terminal-like view.
 */
import type { Severity } from "../findings/severity.js";
import { describePublicExample } from "../findings/public-example-note.js";
import type { Finding, ScanError } from "../findings/types.js";
import { repoRelativePath } from "./artifact-path.js";
import { escapeControls } from "./escape.js";
import { suppressionSummary } from "./suppression-sources.js";
import { formatSummary } from "./text.js";
import type { ReportContext, Reporter } from "./types.js";
import { verificationText } from "./verification.js";

export type AnnotationCommand = "error" | "warning" | "notice";

export const SEVERITY_COMMAND: Record<Severity, AnnotationCommand> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "warning",
  info: "notice",
};

/** Message text of a workflow command. */
export function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value of a workflow command. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** `::command key=value,…::message`, properties in the order given, undefined ones left out. */
export function workflowCommand(command: AnnotationCommand, properties: ReadonlyArray<readonly [string, string | number | undefined]>, message: string): string {
  const props = properties
    .filter((entry): entry is readonly [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  return `::${command}${props ? " " + props : ""}::${escapeData(message)}`;
}

/** Annotation paths are read relative to the workspace (the repository root). */
function annotationPath(file: string, context: ReportContext): string {
  // Line breaks are percent-encoded by escapeProperty (the path stays exact); other controls shown escaped.
  return escapeControls(repoRelativePath(file, context.srcRoot, context.baseDir) ?? file, true);
}

export function findingAnnotation(f: Finding, context: ReportContext): string {
  const rule = context.rules.get(f.ruleId);
  const encoded = f.encoding ? ` (inside a ${f.encoding}-encoded string)` : "";
  const commit = f.commit ? `\nIntroduced in commit ${f.commit}.` : "";
  const verified = f.verification ? `\nVerified: ${escapeControls(verificationText(f.verification))}.` : "";
  const example = f.publicExample ? `\n${describePublicExample(f.publicExample)}.` : "";
  const remediation = rule?.remediation && !f.publicExample ? `\n${escapeControls(rule.remediation)}` : "";
  const sameLine = f.endLine === f.line;
  return workflowCommand(
    SEVERITY_COMMAND[f.severity],
    [
      ["file", annotationPath(f.file, context)],
      ["line", f.line],
      // endColumn only means something on a one-line region (GitHub ignores it otherwise).
      ["endLine", sameLine ? undefined : f.endLine],
      ["col", f.column],
      ["endColumn", sameLine ? f.endColumn : undefined],
      ["title", `${f.severity} secret: ${escapeControls(f.ruleId)}${f.verification ? ` (${f.verification.state})` : ""}`],
    ],
    `${escapeControls(rule?.description ?? f.ruleId)}: ${escapeControls(f.secret)}${encoded}${example}${commit}${verified}${remediation}`,
  );
}

export function errorAnnotation(error: ScanError, context: ReportContext): string {
  return workflowCommand("error", [["file", annotationPath(error.file, context)], ["title", `${context.toolName}: scan error`]], escapeControls(error.message));
}

export const formatGithub: Reporter = (result, context) => {
  const lines = [
    ...result.findings.map((f) => findingAnnotation(f, context)),
    ...result.errors.map((e) => errorAnnotation(e, context)),
    // What the configuration hid, as a notice a reviewer sees on the run (escaped: names come from the repository).
    ...((summary) => (summary !== undefined ? [workflowCommand("notice", [["title", `${context.toolName}: suppression`]], summary)] : []))(suppressionSummary(context.suppressionSources)),
    // Errors are annotated above (escaped); the summary would repeat them raw,
    // and a file name holding a newline and `::` must not become a command.
    formatSummary({ ...result, errors: [] }, { ...context, color: false, suppressionSources: undefined }),
  ];
  return lines.join("\n") + "\n";
};
