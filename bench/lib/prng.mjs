// Deterministic pseudo-random numbers for the benchmark corpus: the same seed
// gives the same corpus on every machine, so figures from different runs
// compare the same bytes. Not for anything security related.

/** mulberry32: tiny, fast, good enough for test data. Returns floats in [0, 1). */
export function makeRng(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
export const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
export const BASE64 = ALNUM + "+/";
export const BASE64URL = ALNUM + "-_";
export const DIGITS = "0123456789";
export const HEX = "0123456789abcdef";

/** A random string of `length` characters drawn from `alphabet`. */
export function randomString(rng, alphabet, length) {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
  return out;
}

/**
 * A random alphanumeric body that has at least one digit, one upper- and one
 * lower-case letter, so no rule's "looks random" filter can reject it by luck.
 */
export function randomBody(rng, length, alphabet = ALNUM) {
  for (;;) {
    const s = randomString(rng, alphabet, length);
    const digits = alphabet.includes("0") ? /[0-9]/.test(s) : true;
    const upper = /[A-Z]/.test(alphabet) ? /[A-Z]/.test(s) : true;
    const lower = /[a-z]/.test(alphabet) ? /[a-z]/.test(s) : true;
    if (digits && upper && lower) return s;
  }
}

/** FNV-1a of a string, as an unsigned 32-bit number: cheap deterministic hashing of paths. */
export function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
