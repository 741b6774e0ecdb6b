/** Stable report order, whatever the scheduling: file, line, column, rule, commit. */
import type { Finding } from "./types.js";

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.commit ?? "", b.commit ?? "")
  );
}

export function sortFindings<T extends Finding>(findings: T[]): T[] {
  return findings.sort(compareFindings);
}
