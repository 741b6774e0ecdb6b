/**
 * One secret is one finding: when candidates' secrets overlap, keep the one
 * from the most specific rule (then the longer secret, then the earlier rule).
 *
 * O(n log n) in the number of candidates: a file dense with findings (tens of
 * thousands per window) must not cost a comparison of every pair. The kept
 * secrets are disjoint, so the only one a candidate can overlap is the kept
 * secret that starts last before the candidate ends: a Fenwick tree over the
 * candidates' start offsets (in sorted order) finds it.
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
  const occupied = new KeptSecrets(candidates);
  for (const c of ranked) {
    if (!occupied.overlaps(c.secretStart, c.secretEnd)) {
      occupied.add(c.secretStart, c.secretEnd);
      kept.push(c);
    }
  }
  return kept.sort((a, b) => a.secretStart - b.secretStart || ruleOrder(a.ruleId) - ruleOrder(b.ruleId));
}

/** Disjoint [start, end) spans, each starting at one of the given candidates' secret starts. */
class KeptSecrets {
  /** Distinct secret starts, ascending: a span is known by its start's index here. */
  readonly #starts: Float64Array;
  /** Fenwick tree (1-based) counting kept spans by start index. */
  readonly #tree: Int32Array;
  /** End of the kept span starting at each index. */
  readonly #ends: Float64Array;
  readonly #top: number;

  constructor(candidates: readonly Candidate[]) {
    const all = new Float64Array(candidates.length);
    candidates.forEach((c, i) => (all[i] = c.secretStart));
    all.sort();
    let n = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
    this.#starts = all.subarray(0, n);
    this.#tree = new Int32Array(n + 1);
    this.#ends = new Float64Array(n);
    let top = 1;
    while (top * 2 <= n) top *= 2;
    this.#top = top;
  }

  /** Index of the first start >= value (the number of starts below it). */
  #lowerBound(value: number): number {
    let lo = 0;
    let hi = this.#starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#starts[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Kept spans among the first `count` start indices. */
  #prefix(count: number): number {
    let sum = 0;
    for (let i = count; i > 0; i -= i & -i) sum += this.#tree[i]!;
    return sum;
  }

  /** Start index of the k-th kept span (1-based k), in start order. */
  #kth(k: number): number {
    let at = 0;
    for (let step = this.#top; step > 0; step >>= 1) {
      const next = at + step;
      if (next < this.#tree.length && this.#tree[next]! < k) {
        at = next;
        k -= this.#tree[next]!;
      }
    }
    return at; // 0-based index of the k-th
  }

  overlaps(start: number, end: number): boolean {
    const before = this.#prefix(this.#lowerBound(end));
    if (before === 0) return false;
    return this.#ends[this.#kth(before)]! > start;
  }

  add(start: number, end: number): void {
    const index = this.#lowerBound(start);
    this.#ends[index] = end;
    for (let i = index + 1; i < this.#tree.length; i += i & -i) this.#tree[i]!++;
  }
}
