/**
 * One secret is one finding: when candidates' secrets overlap, keep the one
 * from the most specific rule (then the longer secret, then the earlier rule).
 */
import type { Candidate } from "./types.js";

export function resolveOverlaps(
  candidates: readonly Candidate[],
  specificity: (ruleId: string) => number,
  ruleOrder: (ruleId: string) => number,
): Candidate[] {
  if (candidates.length < 2) return [...candidates];
  const ranked = [...candidates].sort(
    (a, b) =>
      specificity(b.ruleId) - specificity(a.ruleId) ||
      b.secretEnd - b.secretStart - (a.secretEnd - a.secretStart) ||
      ruleOrder(a.ruleId) - ruleOrder(b.ruleId) ||
      a.secretStart - b.secretStart,
  );
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (!kept.some((k) => c.secretStart < k.secretEnd && k.secretStart < c.secretEnd)) kept.push(c);
  }
  return kept.sort((a, b) => a.secretStart - b.secretStart || ruleOrder(a.ruleId) - ruleOrder(b.ruleId));
}
