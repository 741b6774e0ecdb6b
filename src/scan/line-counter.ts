/**
 * Counts lines lazily, ripgrep-style: the count advances only up to where a
 * position is asked for, and each character is looked at once per file.
 *
 * Terminators: LF, CRLF and a lone CR each end one line. A CR whose next
 * character is not known yet (end of the buffered text) must not be counted
 * by the caller: callers only ask for positions with at least one character
 * of text after them, or at the true end of the file.
 *
 * Git numbers lines by LF alone (a lone CR is part of its line), and the
 * lines a commit adds come from git: `gitLine` is the same position in git's
 * numbering, so that what blocks is decided in the numbering git used.
 */
export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column in UTF-16 code units. */
  readonly column: number;
  /** 1-based line in git's numbering (LF only). */
  readonly gitLine: number;
}

export class LineCounter {
  /** Absolute offset up to which terminators have been counted. */
  #countedTo: number;
  /** Line number (1-based) at #countedTo. */
  #line = 1;
  /** Absolute offset of the first character of the line holding #countedTo. */
  #lineStart: number;
  /** Git's line number (LF only) at #countedTo. */
  #gitLine = 1;

  /** `origin`: the offset that is line 1, column 1 (a segment's first owned character). */
  constructor(origin = 0) {
    this.#countedTo = origin;
    this.#lineStart = origin;
  }

  /**
   * Position of absolute offset `pos`. `text` holds the file's characters from
   * absolute offset `textStart`; positions must be asked in increasing order.
   */
  positionOf(pos: number, text: string, textStart: number): Position {
    this.advance(pos, text, textStart);
    return { line: this.#line, column: pos - this.#lineStart + 1, gitLine: this.#gitLine };
  }

  /** Count terminators in [#countedTo, pos). */
  advance(pos: number, text: string, textStart: number): void {
    if (pos <= this.#countedTo) return;
    let i = this.#countedTo - textStart;
    const end = pos - textStart;
    if (i < 0) throw new Error(`line counter: offset ${this.#countedTo} is no longer buffered`);
    let line = this.#line;
    let lineStart = this.#lineStart;
    let gitLine = this.#gitLine;
    // Searches stay inside [i, end): an `indexOf` over the whole buffer would
    // read past `end` on every call, quadratic in a file dense with findings.
    const span = text.slice(i, end);
    if (!span.includes("\r")) {
      // Fast path: LF only.
      for (let at = span.indexOf("\n"); at !== -1; at = span.indexOf("\n", at + 1)) {
        line++;
        gitLine++;
        lineStart = textStart + i + at + 1;
      }
    } else {
      for (; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) {
          line++;
          gitLine++;
          lineStart = textStart + i + 1;
        } else if (c === 13) {
          // CRLF counts once, at the LF.
          if (text.charCodeAt(i + 1) !== 10) {
            line++;
            lineStart = textStart + i + 1;
          }
        }
      }
    }
    this.#countedTo = pos;
    this.#line = line;
    this.#lineStart = lineStart;
    this.#gitLine = gitLine;
  }

  get line(): number {
    return this.#line;
  }

  get gitLine(): number {
    return this.#gitLine;
  }

  /** Offset of the first character of the current line. */
  get lineStart(): number {
    return this.#lineStart;
  }
}
