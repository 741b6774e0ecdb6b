/**
 * Shannon entropy in bits per character, over the value's own alphabet
 * (spec/finta-credentials.md "Entropy"). Characters are code points, and the
 * sum divides by the number of code points (gitleaks divides rune counts by
 * the byte length, which under-rates non-ASCII values; we do not).
 */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < value.length; i++) {
    let code = value.charCodeAt(i);
    // Join surrogate pairs so one astral character counts once.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const low = value.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    counts.set(code, (counts.get(code) ?? 0) + 1);
    total++;
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / total;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const HEX = /^[0-9a-fA-F]+$/;

export function isHex(value: string): boolean {
  return HEX.test(value);
}

export interface RandomnessThresholds {
  /** Minimum length (default 16). */
  readonly minLength?: number;
  /** Minimum entropy for base64 / alphanumeric values (default 3.5). */
  readonly base64?: number;
  /** Minimum entropy for hex values (default 3.0): a hex alphabet has at most 4 bits. */
  readonly hex?: number;
}

/** "Looks random" as the spec defines it; placeholders are checked separately. */
export function looksRandom(value: string, thresholds: RandomnessThresholds = {}): boolean {
  const minLength = thresholds.minLength ?? 16;
  if (value.length < minLength) return false;
  const min = isHex(value) ? (thresholds.hex ?? 3.0) : (thresholds.base64 ?? 3.5);
  return shannonEntropy(value) >= min;
}
