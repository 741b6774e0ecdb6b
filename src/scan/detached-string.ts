/**
 * A copy of a string that shares no memory with the string it was cut from.
 *
 * Why: V8 represents `s.slice(a, b)` (13 characters or more) as a view that
 * keeps the whole of `s` alive. A finding's secret and snippet are cut from a
 * scan window of a megabyte or more, and findings are kept until the file is
 * done: on a long file with a finding in every window, each finding would pin
 * its window and the scan's memory would grow with the file instead of staying
 * bounded. A JSON round trip builds a new flat string of just those characters
 * (lone surrogates included: JSON.stringify escapes them, JSON.parse restores
 * them).
 */
export function detachedCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
