/**
 * Encoded secrets: finds base64 and percent-encoded strings whose decoded
 * form is text, so the engine can scan that text too and report what it finds
 * at the position of the encoded string.
 *
 * Bounded cost: only runs of MIN_ENCODED_RUN..MAX_ENCODED characters are decoded,
 * base64 runs must mix upper case, lower case and digits (plain identifiers
 * and words rarely do), the decoded bytes must be printable UTF-8 text, and
 * the engine decodes at most MAX_DEPTH levels deep. Content-addressed values
 * (lockfile integrity hashes, `data:` URIs) decode to binary and are dropped
 * by the text check, or are skipped by their prefix.
 */
import type { KeywordHits } from "./keyword-filter.js";

export const MAX_ENCODED = 4096;
export const MAX_DEPTH = 2;

export type Encoding = "base64" | "percent";

export interface EncodedRun {
  readonly start: number;
  readonly end: number;
  readonly encoding: Encoding;
  readonly decoded: string;
}

// The characters a URL or form body is made of: where a percent-encoded string may extend.
const URL_CHARS = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~+!*'()@:;=&$,/?#[]%-") URL_CHARS[c.charCodeAt(0)] = 1;
const isUrlChar = (code: number): boolean => code < 128 && URL_CHARS[code] === 1;
const isHexDigit = (code: number): boolean => (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 102);
const isPercentEscape = (text: string, at: number): boolean => text.charCodeAt(at) === 37 && isHexDigit(text.charCodeAt(at + 1)) && isHexDigit(text.charCodeAt(at + 2));

/** A piece boundary moved back off an escape it would cut (`%4|1`). */
function trimCut(text: string, at: number, floor: number): number {
  for (let back = 1; back <= 2 && at - back >= floor; back++) if (text.charCodeAt(at - back) === 37) return at - back;
  return at;
}

function pushPercent(text: string, start: number, end: number, runs: EncodedRun[]): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(text.slice(start, end));
  } catch {
    return;
  }
  if (isPrintableText(decoded)) runs.push({ start, end, encoding: "percent", decoded });
}

/** Printable text: no control characters but tab and line ends, no U+FFFD from bad UTF-8. */
export function isPrintableText(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || c === 0xfffd) return false;
  }
  return true;
}

function decodeBase64(run: string): string | undefined {
  // Lengths of 1 mod 4 cannot be base64.
  if (run.length % 4 === 1) return undefined;
  const bytes = Buffer.from(run, /[-_]/.test(run) ? "base64url" : "base64");
  const text = new TextDecoder("utf-8").decode(bytes);
  return isPrintableText(text) ? text : undefined;
}

/**
 * Encoded strings in text[from, to), from the candidates the keyword pass
 * gathered (`encodedRuns`: base64-alphabet runs mixing letter cases and
 * digits; `percentSigns`).
 */
export function findEncodedRuns(text: string, hits: Pick<KeywordHits, "encodedRuns" | "percentSigns">, from: number, to: number): EncodedRun[] {
  const runs: EncodedRun[] = [];
  const { encodedRuns, percentSigns } = hits;
  for (let k = 0; k < encodedRuns.length; k += 2) {
    const start = encodedRuns[k]!;
    let end = encodedRuns[k + 1]!;
    if (end <= from || start >= to || end - start > MAX_ENCODED) continue;
    // `data:…;base64,` payloads and `sha512-…` integrity values are content, not secrets.
    const before = text.slice(Math.max(0, start - 8), start);
    if (/base64,$|sha\d{1,3}-$/i.test(before)) continue;
    const decoded = decodeBase64(text.slice(start, end));
    while (text.charCodeAt(end) === 61 && end - start < MAX_ENCODED) end++; // `=` padding belongs to the string
    if (decoded !== undefined) runs.push({ start, end, encoding: "base64", decoded });
  }
  // Each maximal run of URL characters holding an escape is decoded once (a
  // run of `%41…` once cost a 4 KiB decoding per `%`); a run longer than
  // MAX_ENCODED, which no one encoded secret is, in pieces of MAX_ENCODED
  // overlapping by half, so any stretch of up to half that length lies whole
  // in one piece and every character is decoded at most twice.
  let coveredTo = -1;
  for (const sign of percentSigns) {
    if (sign < coveredTo || sign < from || sign >= to || !isPercentEscape(text, sign)) continue;
    let start = sign;
    while (start > 0 && isUrlChar(text.charCodeAt(start - 1))) start--;
    let end = sign + 3;
    while (end < text.length && isUrlChar(text.charCodeAt(end))) end++;
    coveredTo = end;
    if (end - start <= MAX_ENCODED) {
      pushPercent(text, start, end, runs);
      continue;
    }
    for (let piece = start; ; piece += MAX_ENCODED / 2) {
      const pieceEnd = Math.min(end, piece + MAX_ENCODED);
      // Pieces out of the asked range, or without an escape, add nothing.
      if (pieceEnd > from && piece < to) {
        const escape = text.indexOf("%", piece);
        if (escape >= 0 && escape < pieceEnd && /%[0-9A-Fa-f]{2}/.test(text.slice(piece, pieceEnd))) pushPercent(text, trimCut(text, piece, start), trimCut(text, pieceEnd, start), runs);
      }
      if (pieceEnd >= end) break;
    }
  }
  return runs;
}
