/**
 * resolveOverlaps (O(n log n)) keeps exactly the candidates the pairwise
 * definition keeps: rank, then keep each one that overlaps none kept before.
 */
import { describe, expect, it } from "vitest";
import { resolveOverlaps } from "../../src/detect/overlap.js";
import type { Candidate } from "../../src/detect/types.js";

function reference(candidates: readonly Candidate[], specificity: (id: string) => number, order: (id: string) => number): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) =>
      specificity(b.ruleId) - specificity(a.ruleId) ||
      b.secretEnd - b.secretStart - (a.secretEnd - a.secretStart) ||
      order(a.ruleId) - order(b.ruleId) ||
      a.secretStart - b.secretStart,
  );
  const kept: Candidate[] = [];
  for (const c of ranked) if (!kept.some((k) => c.secretStart < k.secretEnd && k.secretStart < c.secretEnd)) kept.push(c);
  return kept.sort((a, b) => a.secretStart - b.secretStart || order(a.ruleId) - order(b.ruleId));
}

describe("resolveOverlaps", () => {
  it("keeps what the pairwise definition keeps, on random candidate sets", () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const rules = ["a", "b", "c", "d"];
    const specificity = (id: string) => [10, 50, 50, 12][rules.indexOf(id)]!;
    const order = (id: string) => rules.indexOf(id);
    for (let round = 0; round < 300; round++) {
      const candidates: Candidate[] = Array.from({ length: 1 + rand(40) }, () => {
        const secretStart = rand(200);
        const secretEnd = secretStart + 1 + rand(30);
        return { ruleId: rules[rand(4)]!, severity: "high", start: secretStart, end: secretEnd, secretStart, secretEnd, secret: "", entropy: 0 };
      });
      expect(resolveOverlaps(candidates, specificity, order)).toEqual(reference(candidates, specificity, order));
    }
  });
});
