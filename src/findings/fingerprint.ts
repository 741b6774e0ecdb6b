/**
 * Fingerprints: a stable id per (rule, repository-relative path, secret),
 * independent of the line the secret sits on and of the folder a scan starts
 * in, so baselines survive code moving around a file and code scanning keeps
 * one alert per secret. The same secret in another file is a new fingerprint.
 *
 * A fingerprint is published (JSON and SARIF reports, committed baselines,
 * audit logs), so it must not let anyone confirm a guess of the secret
 * offline. A random-looking secret (a vendor key, a long token) cannot be
 * guessed, and a fast hash of it is enough. A secret that is not random-looking
 * (a human password, a short value, one made of words) goes through scrypt,
 * a memory-hard KDF, first: each guess then costs an attacker the same
 * milliseconds and megabytes it costs us. The KDF's salt is the rule and path,
 * so a table of guesses computed for one file is worth nothing for another.
 * Its cost is paid once per distinct (rule, path, secret) per run (cached).
 *
 * Version 2 (this one):
 *   key  = isRandomLooking(secret) ? secret : hex(scrypt(secret, salt, N=2^10, r=8, p=1, 32 bytes))
 *          salt = "finta-guard/fingerprint/v2\0<ruleId>\0<path>"
 *   fp   = first 32 hex digits of sha256("v2\0<ruleId>\0<path>\0<kind>\0<key>")
 * where kind is "r" (random-looking, raw) or "k" (KDF output). Everything in
 * it is fixed: the same secret at the same path gives the same fingerprint on
 * every machine, clone and run.
 *
 * Version 1 (`sha256("v1\0<ruleId>\0<file>\0<secret>")`) is still computed to
 * honour baselines written with it (filter/apply.ts), never reported.
 */
import { createHash, scryptSync } from "node:crypto";
import { isHex, shannonEntropy } from "../detect/entropy.js";
import { letterRuns, isWordLikeRun } from "../detect/word-likeness.js";

/** Bump when the derivation changes; baselines record the version they were written with. */
export const FINGERPRINT_VERSION = 2;
/** The previous derivation, still accepted when matching a baseline. */
export const LEGACY_FINGERPRINT_VERSION = 1;

/**
 * scrypt cost: 2^10 × 8 × 128 bytes = 1 MiB of memory and about a millisecond
 * per call, which is what every guess costs an attacker too (on GPUs, the
 * memory is what hurts). Fixed: changing it changes every fingerprint.
 */
export const KDF_PARAMS = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 } as const;

/**
 * Estimated guessing work (bits) below which a secret counts as not
 * random-looking: 2^56 SHA-256 evaluations are months of GPU time, while a
 * secret built from words, dates and a few symbols falls far below it.
 */
export const RANDOM_LOOKING_BITS = 56;

/** Bits a word-like letter run is worth to a dictionary attack (a 16k-word list with case variants). */
const WORD_BITS = 14;
/** Bits of a short digit run (a year, `123`, a PIN) or a symbol at either end (`!`): what people append. */
const HUMAN_DIGITS_BITS = 8;
const HUMAN_SYMBOL_BITS = 5;

/** Leet substitutions crackers undo: `P@ssw0rd` reads as `Password`. */
const LEET: Readonly<Record<string, string>> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", $: "s" };
const LETTER = /[A-Za-z]/;

/** `secret` with a leet character between two letters turned back into its letter. */
function unleet(secret: string): string {
  let out = "";
  for (let i = 0; i < secret.length; i++) {
    const c = secret[i]!;
    const letter = LEET[c];
    out += letter !== undefined && LETTER.test(secret[i - 1] ?? "") && LETTER.test(secret[i + 1] ?? "") ? letter : c;
  }
  return out;
}

/**
 * A conservative estimate of how many bits an attacker needs to guess
 * `secret`, in the way cracking rules build guesses: word-like letter runs
 * (after undoing leet) count as dictionary words, a short digit run or an end
 * symbol as the usual appendages, every other character as a draw from the
 * alphabet the secret uses (lower, upper, digits, other). Deliberately low
 * for human-made values; never above brute force over that alphabet.
 */
export function guessBits(secret: string): number {
  let alphabet = 0;
  if (/[a-z]/.test(secret)) alphabet += 26;
  if (/[A-Z]/.test(secret)) alphabet += 26;
  if (/[0-9]/.test(secret)) alphabet += 10;
  if (/[^A-Za-z0-9]/.test(secret)) alphabet += 33;
  if (alphabet === 0) return 0;
  const perChar = Math.log2(alphabet);
  const text = unleet(secret);
  let bits = 0;
  let counted = 0;
  for (const run of letterRuns(text)) {
    if (isWordLikeRun(run)) {
      bits += WORD_BITS;
      counted += run.length;
    }
  }
  for (const m of text.matchAll(/(?<![0-9])[0-9]{2,4}(?![0-9])/g)) {
    bits += HUMAN_DIGITS_BITS;
    counted += m[0].length;
  }
  for (const m of text.matchAll(/^[^A-Za-z0-9]|[^A-Za-z0-9]$/g)) {
    bits += HUMAN_SYMBOL_BITS;
    counted += m[0].length;
  }
  return Math.min(bits + (text.length - counted) * perChar, text.length * perChar);
}

/**
 * Random-looking: enough estimated guessing work, and no repetition that a
 * cracker's rules would try (`aaaa…`, `abab…`): the value's own entropy per
 * character is high for its length.
 */
export function isRandomLooking(secret: string): boolean {
  if (guessBits(secret) < RANDOM_LOOKING_BITS) return false;
  const entropy = shannonEntropy(secret);
  // A hex alphabet tops out at 4 bits; shorter values cannot reach high per-character entropy.
  const floor = isHex(secret) ? 2.8 : 3.0;
  return entropy >= Math.min(floor, Math.log2(secret.length) - 0.5);
}

/** Per-run cache of KDF outputs, keyed by a hash of (salt, secret): the cache itself holds no secret. */
const kdfCache = new Map<string, string>();
/** Enough for any real run; a run with more distinct slow secrets recomputes the oldest. */
const KDF_CACHE_LIMIT = 100_000;

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function stretched(salt: string, secret: string): string {
  const key = sha256(`${salt}\0${secret}`);
  const cached = kdfCache.get(key);
  if (cached !== undefined) return cached;
  const value = scryptSync(secret, salt, KDF_PARAMS.keyLength, { N: KDF_PARAMS.N, r: KDF_PARAMS.r, p: KDF_PARAMS.p }).toString("hex");
  if (kdfCache.size >= KDF_CACHE_LIMIT) kdfCache.delete(kdfCache.keys().next().value as string);
  kdfCache.set(key, value);
  return value;
}

/** The secret as it enters the final hash: itself when random-looking, its KDF output otherwise. */
function keyMaterial(salt: string, secret: string): string {
  return isRandomLooking(secret) ? `r\0${secret}` : `k\0${stretched(salt, secret)}`;
}

/** The current (v2) fingerprint of `rawSecret`, found by `ruleId` in the file at repository-relative `path`. */
export function fingerprint(ruleId: string, path: string, rawSecret: string): string {
  const salt = `finta-guard/fingerprint/v${FINGERPRINT_VERSION}\0${ruleId}\0${path}`;
  // Opaque hex, not `rule:file:…`: a report or baseline holding fingerprints
  // must not itself look like `secret-key: value` to this or any scanner.
  return sha256(`v${FINGERPRINT_VERSION}\0${ruleId}\0${path}\0${keyMaterial(salt, rawSecret)}`).slice(0, 32);
}

/** The v1 fingerprint (fast SHA-256), only to match baselines written before v2. */
export function legacyFingerprint(ruleId: string, path: string, rawSecret: string): string {
  return sha256(`v${LEGACY_FINGERPRINT_VERSION}\0${ruleId}\0${path}\0${rawSecret}`).slice(0, 32);
}

/** Fingerprint of a secret's value alone: compares values across files without keeping them (or letting them be guessed). */
export function valueFingerprint(rawSecret: string): string {
  const salt = `finta-guard/value/v${FINGERPRINT_VERSION}`;
  return sha256(`v${FINGERPRINT_VERSION}\0value\0${keyMaterial(salt, rawSecret)}`).slice(0, 16);
}
