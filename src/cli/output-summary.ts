/**
 * The one line on stderr when the report goes to `-o FILE`: without it a
 * blocked run prints nothing and exits 1, and the reader has to guess why.
 */
import { isAtOrAbove, SEVERITIES, type Severity } from "../findings/severity.js";
import type { ScanResult } from "../findings/types.js";

export function outputSummary(result: ScanResult, output: string, failOn: Severity): string {
  const n = result.findings.length;
  if (n === 0) return `finta-guard: no secrets found; report written to ${output}\n`;
  const counts = [...SEVERITIES]
    .reverse()
    .map((s) => [s, result.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, k]) => k > 0)
    .map(([s, k]) => `${k} ${s}`)
    .join(", ");
  const failing = result.findings.filter((f) => f.blocking !== false && isAtOrAbove(f.severity, failOn)).length;
  const below = failing === 0 ? `, none at or above --fail-on ${failOn}` : "";
  return `finta-guard: ${n} finding${n === 1 ? "" : "s"} (${counts})${below}; report written to ${output}\n`;
}
