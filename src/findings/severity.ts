/**
 * Severities, lowest first. The order is the contract behind `--fail-on`:
 * a finding fails the run when its severity is at or above the threshold.
 */
export const SEVERITIES = ["info", "low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

export function isSeverity(value: unknown): value is Severity {
  return typeof value === "string" && (SEVERITIES as readonly string[]).includes(value);
}

/** Negative when `a` is less severe than `b`, 0 when equal. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}

export function isAtOrAbove(severity: Severity, threshold: Severity): boolean {
  return compareSeverity(severity, threshold) >= 0;
}
