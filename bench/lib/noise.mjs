// The noise figure: what finta-guard reports on the npm part of the tree
// (everything but the hand-written planted files under app/: the packages'
// own files and the generated files made from them) outside the lines where
// secrets were planted. Real published packages hold no live credentials, so
// every such finding is a false alarm or a published example; the figure is
// printed per rule, beside the planted secrets found, with the findings
// themselves (redacted, as the report has them) so the next person sees what
// is left.
import { existsSync, readFileSync } from "node:fs";

/** How many findings are listed one by one. */
export const NOISE_LISTED = 20;

/** Is the finding on a planted line (on a one-line file: near the planted secret)? */
function onPlantedLine(f, planted) {
  return planted.some((p) => p.file === f.file && p.line === f.line
    && (p.line > 1 || (f.column >= p.column - 200 && f.column <= p.column + p.secretLength + 10)));
}

/**
 * From finta-guard's JSON report of the tree: { outside, blocking, info,
 * byRule: { rule: { blocking, info } }, byPart: { part: n }, listed, examples }.
 * `listed` holds the first NOISE_LISTED blocking findings (redacted);
 * `examples` counts the info notes by published example, most frequent first,
 * with where each was first seen.
 */
export function noiseFigure(reportPath, planted) {
  if (!existsSync(reportPath)) return null;
  let report;
  try {
    report = JSON.parse(readFileSync(reportPath, "utf8"));
  } catch {
    return null;
  }
  const noise = (report.findings ?? []).filter((f) => !f.file.startsWith("app/") && !onPlantedLine(f, planted));
  const byRule = {};
  const byPart = {};
  for (const f of noise) {
    const kind = f.severity === "info" ? "info" : "blocking";
    byRule[f.ruleId] ??= { blocking: 0, info: 0 };
    byRule[f.ruleId][kind]++;
    const part = f.file.split("/")[0];
    byPart[part] = (byPart[part] ?? 0) + 1;
  }
  const listed = noise.filter((f) => f.severity !== "info").slice(0, NOISE_LISTED).map((f) => ({
    file: f.file, line: f.line, column: f.column, ruleId: f.ruleId, severity: f.severity, secret: f.secret,
  }));
  const examples = new Map();
  for (const f of noise) {
    if (f.severity !== "info") continue;
    const name = f.publicExample?.name ?? "(info without a published example)";
    const seen = examples.get(name);
    if (seen) seen.count++;
    else examples.set(name, { name, count: 1, rules: [], first: `${f.file}:${f.line}:${f.column}` });
    const entry = examples.get(name);
    if (!entry.rules.includes(f.ruleId)) entry.rules.push(f.ruleId);
  }
  const info = noise.filter((f) => f.severity === "info").length;
  return {
    outside: noise.length, blocking: noise.length - info, info, byRule, byPart, listed,
    examples: [...examples.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)),
  };
}
