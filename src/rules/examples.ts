/**
 * Builds the fake credentials that rules carry as their own examples.
 *
 * No literal credential may appear in the repository (it scans itself, and
 * push protection would fire), so every example secret is generated here, at
 * import time, from a seed: deterministic, varied, high-entropy, and never a
 * repeated or counting run (those are placeholders the engine drops). A
 * positive example records where its secret sits (`withSecret`), so a test
 * can assert the exact line and column of the finding without re-deriving it.
 */
import type { PositiveExample } from "./types.js";

export const ALPHABETS = {
  alnum: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
  lowerAlnum: "abcdefghijklmnopqrstuvwxyz0123456789",
  upperAlnum: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
  lower: "abcdefghijklmnopqrstuvwxyz",
  hex: "0123456789abcdef",
  upperHex: "0123456789ABCDEF",
  digits: "0123456789",
  base64: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
  base64url: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
  // RFC 4648 base32 as AWS key ids use it.
  base32: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
} as const;

export type AlphabetName = keyof typeof ALPHABETS;

// The same alphabets as plain constants (the Finta rules and tests use these).
export const ALNUM = ALPHABETS.alnum;
export const LOWER_ALNUM = ALPHABETS.lowerAlnum;
export const UPPER_ALNUM = ALPHABETS.upperAlnum;
export const LOWER = ALPHABETS.lower;
export const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const HEX = ALPHABETS.hex;
export const UPPER_HEX = ALPHABETS.upperHex;
export const DIGITS = ALPHABETS.digits;
export const BASE64 = ALPHABETS.base64;
export const BASE64URL = ALPHABETS.base64url;
export const BASE32 = ALPHABETS.base32;

/** FNV-1a over the seed text: a 32-bit start state for the generator. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough to look random to an entropy check. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `prefix` followed by `length` characters drawn from `alphabet` (a name from
 * ALPHABETS or the characters themselves). Neighbouring characters never
 * repeat or step by one, so no stretch reads as `aaaa` or `1234`; when the
 * alphabet mixes letters and digits, the body holds both.
 */
export function fakeToken(prefix: string, length: number, alphabet: AlphabetName | string, seed: string | number): string {
  const chars = alphabet in ALPHABETS ? ALPHABETS[alphabet as AlphabetName] : alphabet;
  const hasLetters = /[A-Za-z]/.test(chars);
  const hasDigits = /\d/.test(chars);
  for (let attempt = 0; ; attempt++) {
    const next = generator(hashSeed(`${String(seed)}#${attempt}`));
    let body = "";
    while (body.length < length) {
      const c = chars[Math.floor(next() * chars.length)] ?? "";
      const prev = body.charCodeAt(body.length - 1);
      const code = c.charCodeAt(0);
      if (body.length > 0 && Math.abs(code - prev) <= 1) continue;
      body += c;
    }
    const mixed = !(hasLetters && hasDigits) || length < 8 || (/[A-Za-z]/.test(body) && /\d/.test(body));
    if (mixed || attempt > 50) return prefix + body;
  }
}

/**
 * A random body without a prefix: `fakeToken("", length, alphabet, seed)`.
 * `salt` separates bodies that share a numeric seed (`fakeBody(32, ALNUM, 1, "api")`).
 */
export function fakeBody(length: number, alphabet: AlphabetName | string, seed: string | number, salt?: string): string {
  return fakeToken("", length, alphabet, salt === undefined ? seed : `${String(seed)}:${salt}`);
}

/** A fake UUID for rule examples, deterministic per seed (never a real id). */
export function fakeUuid(seed: number, upper = false): string {
  const parts = [8, 4, 4, 4, 12].map((n, i) => fakeBody(n, HEX, seed * 8 + i, "uuid"));
  const id = parts.join("-");
  return upper ? id.toUpperCase() : id;
}

/**
 * A positive example `before + secret + after` that says where its secret
 * sits: the line and column follow from `before` (lines end at LF, CRLF or
 * CR, as the scanner counts them).
 */
export function withSecret(before: string, secret: string, after = ""): PositiveExample {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < before.length; i++) {
    const c = before.charCodeAt(i);
    if (c === 10 || (c === 13 && before.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { text: before + secret + after, secret: { line, column: before.length - lineStart + 1, value: secret } };
}

/** Joins parts so that no complete marker (e.g. a PEM header) is written literally in a source file. */
export function joined(...parts: readonly string[]): string {
  return parts.join("");
}

/** A base64 body wrapped at `width` columns, as PEM and PGP armour write it. */
export function armouredBody(length: number, seed: string, width = 64): string {
  const body = fakeToken("", length, "base64", seed);
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += width) lines.push(body.slice(i, i + width));
  return lines.join("\n");
}
