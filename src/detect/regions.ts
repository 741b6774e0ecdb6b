/**
 * Where a keyword-anchored rule runs: the text around each occurrence of one
 * of its keywords, `reach` characters either side, widened to whole lines
 * (so `^`, `$` and look-behinds see what a whole-text scan sees) but never by
 * more than LINE_SLACK, and merged where they touch. Regions are the reason a
 * catalogue of hundreds of rules costs little more than the keyword pass.
 */
import { lineEndOf, lineStartOf } from "./context.js";

/** Default reach of a rule's match around its keyword (characters). */
export const DEFAULT_REACH = 2048;
/** How far a region may be widened to reach a line start or end. */
export const LINE_SLACK = 1024;

/** Sorted union of several ascending position lists. */
export function mergeHits(lists: readonly (readonly number[] | undefined)[]): number[] {
  const present = lists.filter((l): l is readonly number[] => l !== undefined && l.length > 0);
  if (present.length === 0) return [];
  if (present.length === 1) return present[0] as number[];
  // A typed array sorts numerically in native code, without a comparator call per pair.
  let total = 0;
  for (const list of present) total += list.length;
  const all = new Float64Array(total);
  let at = 0;
  for (const list of present) for (const p of list) all[at++] = p;
  return Array.from(all.sort());
}

/**
 * Half-open [from, to) regions, ascending and disjoint. `toLines` widens them
 * to whole lines, for patterns whose `^`/`$` depend on where the text starts
 * and ends; other patterns read nothing beyond `reach` (match-bound.ts).
 */
export function regionsFor(text: string, positions: readonly number[], reach: number, toLines = true): [number, number][] {
  const regions: [number, number][] = [];
  let current: [number, number] | undefined;
  for (const p of positions) {
    const lo = Math.max(0, p - reach);
    const hi = Math.min(text.length, p + reach);
    if (current && lo <= current[1]) {
      if (hi > current[1]) current[1] = hi;
      continue;
    }
    if (current) regions.push(current);
    current = [lo, hi];
  }
  if (current) regions.push(current);
  if (!toLines) return regions;
  // Widen to whole lines after merging: each region is widened once.
  const widened: [number, number][] = [];
  for (const [lo, hi] of regions) {
    const from = lineStartOf(text, lo, Math.max(0, lo - LINE_SLACK));
    const to = lineEndOf(text, hi, Math.min(text.length, hi + LINE_SLACK));
    const last = widened[widened.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else widened.push([from, to]);
  }
  return widened;
}
