/**
 * The dates a configuration holds (`keys[].createdAt`): `YYYY-MM-DD` or an ISO
 * timestamp. One parser for the validator (which rejects what it cannot
 * read) and the audit (which counts key ages from it).
 */

/** Milliseconds since the epoch of a `YYYY-MM-DD` date or ISO timestamp; undefined if it is neither. */
export function parseDay(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return undefined;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2026-02-30 over to March 2nd; a date that does not exist is a typo.
  return new Date(ms).toISOString().slice(0, 10) === value.slice(0, 10) || !/^\d{4}-\d{2}-\d{2}$/.test(value) ? ms : undefined;
}
