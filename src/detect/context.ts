/**
 * Looks at the text around a candidate: its line, nearby lines, and the keys
 * of the blocks that enclose it (YAML/JSON indentation, TOML/INI sections).
 *
 * Every look is bounded to CONTEXT_CHARS before the secret and after it, so a
 * streamed scan (which keeps at least that much context around each window)
 * sees exactly what a whole-buffer scan sees.
 */

/** How far around a candidate any context look may reach. */
export const CONTEXT_CHARS = 8192;

function isEol(code: number): boolean {
  return code === 10 || code === 13;
}

/** Offset of the start of the line holding `pos`, not looking before `floor`. */
export function lineStartOf(text: string, pos: number, floor: number): number {
  let i = pos;
  while (i > floor && !isEol(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Offset of the end (the terminator, or `ceil`) of the line holding `pos`. */
export function lineEndOf(text: string, pos: number, ceil: number): number {
  let i = pos;
  while (i < ceil && !isEol(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Line starts and ends by binary search over the text's terminators, found in
 * one pass when first asked for: the same answers as lineStartOf/lineEndOf,
 * without walking up to CONTEXT_CHARS per question (findings packed on one
 * long line each walked it again).
 */
export class LineIndex {
  #eols: Int32Array | undefined;

  constructor(private readonly text: string) {}

  #terminators(): Int32Array {
    if (this.#eols) return this.#eols;
    const found: number[] = [];
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) found.push(i);
    }
    return (this.#eols = Int32Array.from(found));
  }

  /** Index of the first terminator at or after `pos`. */
  #firstAtOrAfter(pos: number): number {
    const eols = this.#terminators();
    let lo = 0;
    let hi = eols.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (eols[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  startOf(pos: number, floor: number): number {
    if (pos <= floor) return pos;
    const i = this.#firstAtOrAfter(pos) - 1;
    return i >= 0 ? Math.max(floor, this.#terminators()[i]! + 1) : floor;
  }

  endOf(pos: number, ceil: number): number {
    if (pos >= ceil) return pos;
    const i = this.#firstAtOrAfter(pos);
    const eols = this.#terminators();
    return i < eols.length ? Math.min(ceil, eols[i]!) : ceil;
  }
}

export interface Bounds {
  readonly floor: number;
  readonly ceil: number;
}

export function contextBounds(text: string, start: number, end: number): Bounds {
  return { floor: Math.max(0, start - CONTEXT_CHARS), ceil: Math.min(text.length, end + CONTEXT_CHARS) };
}

/** The candidate's line plus `lines` lines before and after it, bounded. */
export function nearbyText(text: string, start: number, end: number, lines: number, bounds: Bounds): string {
  const [from, to] = nearbySpan(text, start, end, lines, bounds);
  return text.slice(from, to);
}

/** Where nearbyText's text lies: [from, to). */
export function nearbySpan(text: string, start: number, end: number, lines: number, bounds: Bounds, index?: LineIndex): [number, number] {
  const lineStartOf = (t: string, pos: number, floor: number) => (index ? index.startOf(pos, floor) : lineStartOfText(t, pos, floor));
  const lineEndOf = (t: string, pos: number, ceil: number) => (index ? index.endOf(pos, ceil) : lineEndOfText(t, pos, ceil));
  let from = lineStartOf(text, start, bounds.floor);
  for (let n = 0; n < lines && from > bounds.floor; n++) {
    let p = from - 1;
    // Step over a CRLF pair as one terminator.
    if (text.charCodeAt(p) === 10 && p > bounds.floor && text.charCodeAt(p - 1) === 13) p--;
    from = lineStartOf(text, p, bounds.floor);
  }
  let to = lineEndOf(text, end, bounds.ceil);
  for (let n = 0; n < lines && to < bounds.ceil; n++) {
    let p = to + 1;
    if (text.charCodeAt(to) === 13 && text.charCodeAt(p) === 10) p++;
    to = lineEndOf(text, Math.min(p, bounds.ceil), bounds.ceil);
  }
  return [from, to];
}

const lineStartOfText = lineStartOf;
const lineEndOfText = lineEndOf;

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  return i;
}

// `finta:` / `"finta": {` / `finta = {` opening a block (nothing else on the line).
const BLOCK_KEY = /^\s*-?\s*["']?([A-Za-z0-9_.-]+)["']?\s*[:=]\s*[{[]?\s*(?:#.*)?$/;
// `[finta]`, `[finta.production]`, `[[finta]]` section headers.
const SECTION = /^\s*\[\[?\s*["']?([A-Za-z0-9_.-]+?)["']?\s*\]\]?\s*$/;

/**
 * Keys (lower-cased) of the blocks enclosing the line at `start`, nearest
 * first: indentation parents for YAML/JSON, and the nearest section header for
 * TOML/INI.
 */
export function enclosingKeys(text: string, start: number, bounds: Bounds): string[] {
  const keys: string[] = [];
  let lineStart = lineStartOf(text, start, bounds.floor);
  const first = text.slice(lineStart, lineEndOf(text, lineStart, bounds.ceil));
  let indent = indentOf(first);
  let sectionFound = false;
  while (lineStart > bounds.floor) {
    let p = lineStart - 1;
    if (text.charCodeAt(p) === 10 && p > bounds.floor && text.charCodeAt(p - 1) === 13) p--;
    const prevStart = lineStartOf(text, p, bounds.floor);
    const line = text.slice(prevStart, p);
    lineStart = prevStart;
    if (line.trim() === "") continue;
    if (!sectionFound) {
      const section = SECTION.exec(line);
      if (section?.[1]) {
        sectionFound = true;
        for (const part of section[1].toLowerCase().split(".")) keys.push(part);
        if (indent === 0) break;
        continue;
      }
    }
    const lineIndent = indentOf(line);
    if (lineIndent < indent) {
      const key = BLOCK_KEY.exec(line);
      if (key?.[1]) keys.push(key[1].toLowerCase());
      indent = lineIndent;
      if (indent === 0 && sectionFound) break;
    }
  }
  return keys;
}
