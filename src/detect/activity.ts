/**
 * What the scan is running right now, as it is named in a time-out message:
 * `rule generic-password`, `allowlist regex "^(?:[a-z…"`. Set by the engine
 * before each rule and by the filters before each configured regex, read by
 * scan/deadline.ts when a deadline stops the thread mid-way. One per thread
 * (each worker has its own module instance).
 */
export const activity = { what: "the scan" };

/** Longest part of a configured pattern quoted in messages: it may hold a key. */
export const MAX_QUOTED_PATTERN = 40;

/** `allowlist regex "<at most 40 characters>…"`. */
export function configuredRegexLabel(kind: string, source: string): string {
  const shown = source.length > MAX_QUOTED_PATTERN ? `${source.slice(0, MAX_QUOTED_PATTERN)}…` : source;
  return `${kind} ${JSON.stringify(shown)}`;
}
