/**
 * Answers "does a rule's `requires.near` pattern match inside text[from, to)?"
 * for many spans of one text, without searching each span again: a line
 * packed with candidates (`pwd= pwd= …`) once cost a search of up to
 * 2 × CONTEXT_CHARS per candidate.
 *
 * Exact for patterns whose matches depend only on the matched characters (no
 * `^`, `$`, `\b`, `\B`, lookaround or backreference, and no empty match):
 * - a match found by one left-to-right search of the whole text that lies
 *   inside the span is a match of the span;
 * - a match of the span starts at some position p of the span, and the
 *   whole-text search either tried p (and matched there) or skipped it inside
 *   an earlier match covering p: either way one of its matches meets the span.
 *   So when none meets the span, the span holds no match.
 * Only the spans in between (a match meets the span without lying inside it)
 * are searched, as before. Other patterns are always searched.
 */
export class NearMatches {
  #starts: number[] | undefined;
  #ends: number[] | undefined;

  constructor(
    private readonly text: string,
    private readonly near: RegExp,
  ) {}

  /** Whether the shortcut is exact for this pattern (see above). */
  static applies(near: RegExp): boolean {
    if (near.test("")) return false;
    const source = near.source;
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
      const c = source[i];
      if (c === "\\") {
        const e = source[i + 1] ?? "";
        if (!inClass && /[bBk1-9]/.test(e)) return false;
        i++;
      } else if (inClass) {
        if (c === "]") inClass = false;
      } else if (c === "[") inClass = true;
      else if (c === "^" || c === "$") return false;
      else if (c === "(" && source[i + 1] === "?" && /^(?:=|!|<=|<!)/.test(source.slice(i + 2, i + 4))) return false;
    }
    return true;
  }

  #index(): void {
    const starts: number[] = [];
    const ends: number[] = [];
    const find = new RegExp(this.near.source, this.near.flags.replace(/[gy]/g, "") + "g");
    for (let m = find.exec(this.text); m !== null; m = find.exec(this.text)) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
    this.#starts = starts;
    this.#ends = ends;
  }

  /** The span's verdict from the whole-text matches, or undefined when the span must be searched. */
  verdict(from: number, to: number): boolean | undefined {
    if (!this.#starts) this.#index();
    const starts = this.#starts!;
    const ends = this.#ends!;
    // First match ending after `from` (ends ascend: the matches do not overlap).
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! <= from) lo = mid + 1;
      else hi = mid;
    }
    if (lo === ends.length || starts[lo]! >= to) return false;
    for (let i = lo; i < starts.length && starts[i]! < to; i++) if (starts[i]! >= from && ends[i]! <= to) return true;
    return undefined;
  }
}
