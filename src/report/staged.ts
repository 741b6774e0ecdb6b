/**
 * The text report of `scan --staged`, as a blocked commit shows it: each
 * blocking finding (`path:line:column`, severity, rule, the redacted line),
 * then what to do next (remove, rotate, allow inline with a reason in the
 * file's comment syntax, `baseline --staged`, and the emergency bypass the
 * hook cannot see), then the pre-existing
 * findings (lines already in HEAD), which do not block, with their own hint.
 */
import type { Finding, ScanResult } from "../findings/types.js";
import { isAtOrAbove } from "../findings/severity.js";
import { DEFAULT_BASELINE_FILE } from "../filter/baseline.js";
import { allowHint } from "./allow-hint.js";
import { escapeControls } from "./escape.js";
import { wrap } from "./layout.js";
import { formatFindingGroups, formatSummary, paint, suppressedLine } from "./text.js";
import type { Reporter } from "./types.js";

const BOLD = "\x1b[1m";
const RED = "\x1b[31m";
const DIM = "\x1b[2m";
const YELLOW = "\x1b[33m";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** At most this many files get their own allow hint; the rest are counted. */
const MAX_HINT_FILES = 5;

/**
 * What to do about blocking findings, wrapped to `width`: remove, rotate,
 * allow inline (the comment in each file's own syntax, with the rule found
 * there), accept exactly these findings in the baseline, and the bypass.
 */
export function nextSteps(failing: readonly Pick<Finding, "file" | "ruleId">[], width?: number, baselineFile = DEFAULT_BASELINE_FILE): string[] {
  const step = (n: string, text: string) => wrap(text, width, `  ${n} `, "     ");
  const files = new Map<string, string>();
  // Paths come from the repository: escaped before they reach a terminal.
  for (const f of failing) if (!files.has(escapeControls(f.file))) files.set(escapeControls(f.file), escapeControls(f.ruleId));
  const shown = [...files].slice(0, MAX_HINT_FILES);
  const pad = Math.max(...shown.map(([file]) => file.length)) + 1;
  const hints = shown.flatMap(([file, ruleId]) => wrap(`${`${file}:`.padEnd(pad)}  ${allowHint(file, ruleId)}`, width, "       ", "         "));
  if (files.size > MAX_HINT_FILES) hints.push(`       … and ${plural(files.size - MAX_HINT_FILES, "more file")}`);
  const quotedBaseline = /^[\w./-]+$/.test(baselineFile) ? baselineFile : JSON.stringify(baselineFile);
  return [
    "What to do:",
    ...step("1.", "Remove the secret from the file (read it from an environment variable or a secret manager), then `git add` the file again."),
    ...step("2.", "If it is a live key, rotate it now: revoke it at the provider and issue a new one (it may already sit in backups, history or other branches)."),
    ...step("3.", "Not a secret (a test fixture, an example)? Allow it on its line with a reason:"),
    ...hints,
    ...step("4.", "A known secret you accept for now? Record exactly these findings in the baseline, then commit the baseline file:"),
    `       npx finta-guard baseline --staged --reason "why it is accepted"`,
    `       git add ${quotedBaseline}`,
    ...wrap("Emergency only: `git commit --no-verify` skips this hook; CI scans the pushed commits anyway.", width, "  ", "  "),
  ];
}

export const formatStagedText: Reporter = (result, context) => {
  const c = context.color;
  const blocking = result.findings.filter((f) => f.blocking !== false);
  const failing = blocking.filter((f) => isAtOrAbove(f.severity, context.failOn));
  const preexisting = result.findings.filter((f) => f.blocking === false);
  const out: string[] = [];

  if (blocking.length) {
    const title = failing.length
      ? `✖ finta-guard: ${plural(failing.length, "secret")} in the staged changes; the commit is blocked`
      : `! finta-guard: ${plural(blocking.length, "finding")} below --fail-on ${context.failOn} in the staged changes`;
    out.push(paint(c, (failing.length ? RED : YELLOW) + BOLD, title));
    out.push(...formatFindingGroups(blocking, context));
    if (failing.length) out.push(nextSteps(failing, context.width, context.baselineFile).join("\n"));
  }
  if (preexisting.length) {
    const lines = [
      paint(c, BOLD, `Pre-existing (${plural(preexisting.length, "finding")} on lines already in HEAD; not blocking this commit):`),
      ...preexisting.flatMap((f: Finding) => wrap(`${escapeControls(f.file)}:${f.line}:${f.column}  ${f.severity}  ${escapeControls(f.ruleId)}  ${escapeControls(f.secret)}`, context.width, "  ", "    ")),
      ...wrap("Rotate these keys, then record them with `npx finta-guard baseline` so they stop showing.", context.width, "  ", "  ").map((l) => paint(c, DIM, l)),
    ];
    out.push(lines.join("\n"));
  }
  if (context.verbose && result.suppressed.length) {
    out.push(
      "Suppressed:\n" +
        result.suppressed.map(suppressedLine).join("\n"),
    );
  }
  out.push(formatSummary(result, context));
  return out.join("\n\n") + "\n";
};
