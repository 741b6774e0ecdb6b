/**
 * Redaction: what a report may show of a secret. The rule's vendor prefix
 * (`sk_live_`, `ghp_`, `finta_`: fixed text that says which kind of key it
 * is, see vendor-prefix.ts) and at most two characters after it stay visible,
 * never more than a quarter of the part after the prefix; a secret without a
 * vendor prefix (a password, a generic token) shows at most two characters,
 * at most a quarter of it. The rest never leaves the process.
 *
 * Every place a secret could reach an output goes through here: the secret
 * field, the line snippet (where every secret found on the line is hidden,
 * not only the finding's own), and free text copied from the scanned file
 * (allow-comment reasons).
 */
import { looksRandom } from "../detect/entropy.js";

export const REDACTED = "…(redacted)";

/** Characters of a secret (after its vendor prefix) a redacted form may show. */
export const MAX_SHOWN_CHARS = 2;

/** `secret` redacted; `vendorPrefix` is the fixed text it starts with ("" for none). */
export function redactSecret(secret: string, vendorPrefix = ""): string {
  const prefix = vendorPrefix !== "" && secret.startsWith(vendorPrefix) ? vendorPrefix : "";
  const body = secret.slice(prefix.length);
  const shown = Math.min(MAX_SHOWN_CHARS, Math.floor(body.length / 4));
  return prefix + body.slice(0, shown) + REDACTED;
}

/** A part of a snippet to hide: [start, end) in the snippet, and the text it holds if it is a whole secret. */
export interface SnippetRange {
  readonly start: number;
  readonly end: number;
  /** The redacted form to show instead (a finding's own redacted secret), else a generic one is made. */
  readonly replacement?: string;
}

export interface RedactedSnippet {
  readonly text: string;
  /** Where the range `own` ended up in `text` ([start, end)), for carets. */
  readonly ownStart: number;
  readonly ownEnd: number;
}

/**
 * `text` with every range hidden. Overlapping or touching ranges merge into
 * one; a merged range that is exactly one range with a replacement shows that
 * replacement, any other shows the first characters of what it hides (at most
 * two, at most a quarter) and the marker. `own` is the finding's own range.
 */
export function redactRanges(text: string, ranges: readonly SnippetRange[], own: SnippetRange): RedactedSnippet {
  const clipped = ranges
    .map((r) => ({ ...r, start: Math.max(0, Math.min(text.length, r.start)), end: Math.max(0, Math.min(text.length, r.end)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; parts: SnippetRange[] }[] = [];
  for (const r of clipped) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
      last.parts.push(r);
    } else {
      merged.push({ start: r.start, end: r.end, parts: [r] });
    }
  }
  let out = "";
  let from = 0;
  let ownStart = -1;
  let ownEnd = -1;
  const ownAt = Math.max(0, Math.min(text.length, own.start));
  for (const m of merged) {
    out += text.slice(from, m.start);
    const whole = m.parts.find((p) => p.start === m.start && p.end === m.end && p.replacement !== undefined);
    const shown = whole?.replacement ?? redactSecret(text.slice(m.start, m.end));
    if (ownAt >= m.start && ownAt < m.end) {
      ownStart = out.length;
      ownEnd = out.length + shown.length;
    }
    out += shown;
    from = m.end;
  }
  out += text.slice(from);
  if (ownStart < 0) {
    // The own range was cut off the snippet (or empty): point at where it would start.
    ownStart = ownEnd = Math.min(out.length, ownAt);
  }
  return { text: out, ownStart, ownEnd };
}

/** Every [start, end) where `needle` occurs in `text` (non-overlapping, left to right). */
export function occurrences(text: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  if (needle === "") return out;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) out.push([at, at + needle.length]);
  return out;
}

/** The pieces of a multi-line secret (a PEM body) long enough to recognise on a line of their own. */
export function secretPieces(secret: string): string[] {
  if (!/[\r\n]/.test(secret)) return [secret];
  return secret.split(/\r\n|\r|\n/).filter((part) => part.length >= 8);
}

/** `text` with every occurrence of `secret` (or, for a multi-line one, of each of its lines) redacted. */
export function redactIn(text: string, secret: string, vendorPrefix = ""): string {
  if (!secret) return text;
  const ranges: SnippetRange[] = [];
  for (const piece of secretPieces(secret)) {
    for (const [start, end] of occurrences(text, piece)) ranges.push({ start, end, ...(piece === secret ? { replacement: redactSecret(secret, vendorPrefix) } : {}) });
  }
  return redactRanges(text, ranges, { start: 0, end: 0 }).text;
}

/** Longest free text (allow-comment reasons) a report repeats from a scanned file. */
export const MAX_NOTE_CHARS = 80;

/** A word that could be a key: long, from a token alphabet. */
const TOKEN_WORD = /[A-Za-z0-9_+/=.~-]{16,}/g;

/**
 * Free text copied from a scanned file into a report (an allow comment and
 * its reason): every secret found there redacted, any other word that looks
 * like a random key redacted too (a rule may not fire on a key out of its
 * context), control characters dropped, and the result cut to MAX_NOTE_CHARS.
 * `redact` false (`--no-redact`): only the last two.
 */
export function redactNote(text: string, secrets: readonly string[], redact = true): string {
  let out = text;
  if (redact) {
    for (const secret of secrets) out = redactIn(out, secret);
    out = out.replace(TOKEN_WORD, (word) => (looksRandom(word) ? redactSecret(word) : word));
  }
  // Control characters: a report line stays one line.
  out = out.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ");
  return out.length > MAX_NOTE_CHARS ? out.slice(0, MAX_NOTE_CHARS - 1) + "…" : out;
}
