/**
 * Allow comments that name a rule no configuration or built-in defines
 * (`finta-guard:allow finta-secret-key-lvie`): such a comment allows nothing,
 * silently. Each one is a warning on stderr (`file:line`, the id, the closest
 * known id when one is near), on every scan; `--fail-on-unused` counts them
 * with the unused allows (exit 1).
 */
import type { AllowRuleAt } from "../findings/types.js";
import { escapeControls } from "../report/escape.js";
import type { CliIo } from "./io.js";

/** Levenshtein distance, stopping early past `max` (ids are short). */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length] as number;
}

/** The known id closest to `id` (at most 3 edits away), if any. */
export function closestRuleId(id: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of known) {
    const d = distance(id.toLowerCase(), candidate.toLowerCase(), bestDistance - 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Warn (stderr) about each allow comment naming an unknown rule; returns how many. */
export function warnUnknownAllowRules(refs: readonly AllowRuleAt[] | undefined, known: ReadonlySet<string>, io: CliIo): number {
  let count = 0;
  for (const ref of refs ?? []) {
    if (known.has(ref.ruleId)) continue;
    const near = closestRuleId(ref.ruleId, known);
    const suggestion = near !== undefined ? ` (did you mean ${near}?)` : "";
    io.stderr(`finta-guard: warning: ${escapeControls(ref.file)}:${ref.line}: finta-guard:allow names unknown rule "${ref.ruleId}"${suggestion}; it allows nothing\n`);
    count++;
  }
  return count;
}
