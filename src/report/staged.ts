/**
 * The text report of `scan --staged`, as a blocked commit shows it: each
 * blocking finding (`path:line:column`, severity, rule, the redacted line),
 * then what to do next (remove, rotate, allow inline with a reason, baseline,
 * and the emergency bypass the hook cannot see), then the pre-existing
 * findings (lines already in HEAD), which do not block, with their own hint.
 */
import type { Finding, ScanResult } from "../findings/types.js";
import { isAtOrAbove } from "../findings/severity.js";
import { escapeControls } from "./escape.js";
import { formatFindingBlock, formatSummary, paint, suppressedLine } from "./text.js";
import type { Reporter } from "./types.js";

const BOLD = "\x1b[1m";
const RED = "\x1b[31m";
const DIM = "\x1b[2m";
const YELLOW = "\x1b[33m";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** What to do about blocking findings; `rules` are the ids found, for a concrete allow line. */
export function nextSteps(rules: readonly string[]): string[] {
  const rule = rules[0] ?? "<rule-id>";
  return [
    "What to do:",
    "  1. Remove the secret from the file (read it from an environment variable or a secret manager), then `git add` the file again.",
    "  2. If it is a live key, rotate it now: revoke it at the provider and issue a new one (it may already sit in backups, history or other branches).",
    `  3. Not a secret (a test fixture, an example)? Allow it on its line with a reason:  // finta-guard:allow ${rule} -- reason`,
    "  4. A known secret you accept for now? Record it in the baseline:  npx finta-guard baseline",
    "  Emergency only: `git commit --no-verify` skips this hook; CI scans the pushed commits anyway.",
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
    for (const f of blocking) out.push(formatFindingBlock(f, context));
    if (failing.length) out.push(nextSteps([...new Set(failing.map((f) => f.ruleId))]).join("\n"));
  }
  if (preexisting.length) {
    const lines = [
      paint(c, BOLD, `Pre-existing (${plural(preexisting.length, "finding")} on lines already in HEAD; not blocking this commit):`),
      ...preexisting.map((f: Finding) => `  ${escapeControls(f.file)}:${f.line}:${f.column}  ${f.severity}  ${escapeControls(f.ruleId)}  ${escapeControls(f.secret)}`),
      paint(c, DIM, "  Rotate these keys, then record them with `npx finta-guard baseline` so they stop showing."),
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
