/**
 * Keyword prefilter: finds every occurrence of every rule keyword in a text,
 * in one pass, so that each rule's regex runs only around its keywords'
 * occurrences (engine.ts) instead of over the whole text.
 *
 * The pass hashes every 3-character window (ASCII letters folded to lower
 * case) and tests it against a bitset of the keywords' first three
 * characters; only on a hit are the keywords behind that hash compared in
 * full. Where encoded secrets may hide (base64 runs, `%` signs) is found by a
 * second, sampling pass. On this hardware such a typed-array loop runs about three times
 * faster than one V8 regex alternation of the same keywords, and unlike an
 * alternation it never hides a keyword that overlaps another (`finta` inside
 * `finta_`).
 *
 * Keywords are ASCII, lower case and at least three characters long; a rule
 * with another keyword cannot be prefiltered and runs over the whole text.
 */

const HASH_BITS = 18;
const HASH_SHIFT = 32 - HASH_BITS;
const GOLDEN = 0x9e3779b1;

/** ASCII case folding for UTF-16 code units; anything else never equals a keyword character. */
const FOLD = new Uint8Array(65536);
for (let i = 0; i < 128; i++) FOLD[i] = i >= 65 && i <= 90 ? i + 32 : i;

export function isFilterableKeyword(keyword: string): boolean {
  return keyword.length >= 3 && /^[\x21-\x7e]+$/.test(keyword) && keyword === keyword.toLowerCase();
}

/**
 * What one pass over a text gathers. Everything that needs a look at every
 * character is done in this one loop, so the text is walked once.
 */
export interface KeywordHits {
  /** `positions[k]` lists where keyword k starts, ascending. */
  readonly positions: readonly (readonly number[] | undefined)[];
  /**
   * Runs of base64/base64url characters at least MIN_ENCODED_RUN long that mix
   * lower case, upper case and digits, as [start, end) pairs: where an
   * encoded secret may hide (detect/decode.ts).
   */
  readonly encodedRuns: readonly number[];
  /** Offsets of `%` signs: where percent-encoding may start. */
  readonly percentSigns: readonly number[];
}

/** Shortest base64 run worth decoding: 15 bytes of text. */
export const MIN_ENCODED_RUN = 20;

// Character classes for base64 runs: bit 1 lower case, 2 upper case, 4 digit, 8 `+ / _ -`.
const RUN_CLASS = new Uint8Array(65536);
for (let i = 0; i < 128; i++) {
  const ch = String.fromCharCode(i);
  RUN_CLASS[i] = /[a-z]/.test(ch) ? 1 : /[A-Z]/.test(ch) ? 2 : /[0-9]/.test(ch) ? 4 : /[+/_-]/.test(ch) ? 8 : 0;
}

export class KeywordFilter {
  readonly keywords: readonly string[];
  readonly #codes: readonly Uint8Array[];
  readonly #bitset = new Uint8Array(1 << (HASH_BITS - 3));
  /**
   * hash → keywords whose first three characters hash there, as linked lists
   * in typed arrays (head by hash, next by keyword): no Map lookup per hit.
   */
  readonly #head: Int32Array = new Int32Array(1 << HASH_BITS).fill(-1);
  readonly #next: Int32Array;

  constructor(keywords: readonly string[]) {
    this.keywords = [...new Set(keywords.filter(isFilterableKeyword))];
    this.#codes = this.keywords.map((k) => Uint8Array.from(k, (c) => c.charCodeAt(0)));
    this.#next = new Int32Array(this.keywords.length).fill(-1);
    this.#codes.forEach((k, index) => {
      const h = Math.imul(((k[0] ?? 0) << 16) | ((k[1] ?? 0) << 8) | (k[2] ?? 0), GOLDEN) >>> HASH_SHIFT;
      this.#bitset[h >>> 3]! |= 1 << (h & 7);
      this.#next[index] = this.#head[h]!;
      this.#head[h] = index;
    });
  }

  /** Every occurrence of every keyword in `text`, and the places where encoded strings may be. */
  findHits(text: string): KeywordHits {
    const positions: (number[] | undefined)[] = new Array(this.keywords.length);
    const encodedRuns: number[] = [];
    const percentSigns: number[] = [];
    if (text.length >= 3) findKeywords(text, positions, this.#bitset, this.#head, this.#next, this.#codes);
    findEncodedCandidates(text, encodedRuns, percentSigns);
    return { positions, encodedRuns, percentSigns };
  }
}

// The two passes below are separate functions on purpose: V8 optimises each
// tight loop on its own far better than one loop doing both (measured: the
// keyword pass with run tracking folded in cost 13 ms/MB, the two apart 8).

/** Every keyword occurrence, by trigram hash (see the class comment). */
function findKeywords(
  text: string,
  positions: (number[] | undefined)[],
  bitset: Uint8Array,
  head: Int32Array,
  next: Int32Array,
  codes: readonly Uint8Array[],
): void {
  const end = text.length;
  // One read per character: `a`, `b`, `c` are the folded characters at
  // j-2, j-1 and j, so the trigram tested at j is the one starting at j-2.
  let a = 0;
  let b = 0;
  for (let j = 0; j < end; j++) {
    const c = FOLD[text.charCodeAt(j)]!;
    const h = Math.imul((a << 16) | (b << 8) | c, GOLDEN) >>> HASH_SHIFT;
    if (j >= 2 && (bitset[h >>> 3]! & (1 << (h & 7))) !== 0) {
      const i = j - 2;
      for (let index = head[h]!; index >= 0; index = next[index]!) {
        const kw = codes[index]!;
        // The first three characters only agree by hash: compare everything.
        if (kw[0] !== a || kw[1] !== b || kw[2] !== c || i + kw.length > end) continue;
        let q = 3;
        while (q < kw.length && FOLD[text.charCodeAt(i + q)] === kw[q]) q++;
        if (q === kw.length) (positions[index] ??= []).push(i);
      }
    }
    a = b;
    b = c;
  }
}

/**
 * Base64 runs (maximal runs of RUN_CLASS characters, at least
 * MIN_ENCODED_RUN long, mixing lower case, upper case and digits) and `%`
 * signs. Every run that long covers one of the positions
 * MIN_ENCODED_RUN-1, 2·MIN_ENCODED_RUN-1, …, so only those are looked at,
 * and a run is walked out from there: most characters are never read.
 */
function findEncodedCandidates(text: string, encodedRuns: number[], percentSigns: number[]): void {
  const end = text.length;
  // Runs end before this offset are done.
  let covered = 0;
  for (let j = MIN_ENCODED_RUN - 1; j < end; j += MIN_ENCODED_RUN) {
    if (j < covered || RUN_CLASS[text.charCodeAt(j)] === 0) continue;
    let start = j;
    while (start > covered && RUN_CLASS[text.charCodeAt(start - 1)] !== 0) start--;
    let stop = j + 1;
    while (stop < end && RUN_CLASS[text.charCodeAt(stop)] !== 0) stop++;
    covered = stop;
    if (stop - start < MIN_ENCODED_RUN) continue;
    let mask = 0;
    for (let i = start; i < stop && mask !== 7; i++) mask |= RUN_CLASS[text.charCodeAt(i)]!;
    if ((mask & 7) === 7) encodedRuns.push(start, stop);
  }
  for (let i = text.indexOf("%"); i >= 0; i = text.indexOf("%", i + 1)) percentSigns.push(i);
}
