/**
 * Scans one file's bytes as they arrive, in bounded memory.
 *
 * The text is decoded incrementally (a UTF-8 character split across reads
 * survives) and cut into windows. Each window *owns* a range of offsets and
 * reports only candidates whose secret starts there; it also carries
 * LOOKBACK_CHARS of text before the owned range and HOLDBACK_CHARS after it,
 * so a match (at most MAX_MATCH_CHARS long) and its context (CONTEXT_CHARS
 * either side) are always seen whole. Cuts fall at line ends where possible;
 * a line longer than the window is cut anywhere, the holdback being the
 * overlap. The sequence of windows depends only on the text and the window
 * size, never on how the bytes were read, and any window size gives the same
 * findings as one window over the whole file (test/scan/stream-scanner.test.ts).
 *
 * Must not: know where bytes come from, consult allowlists, format output.
 */
import { CONTEXT_CHARS, lineEndOf, lineStartOf } from "../detect/context.js";
import { MAX_MATCH_CHARS, type DetectionEngine } from "../detect/engine.js";
import type { RawFinding } from "../findings/types.js";
import { ALLOW_MARKER, parseAllowComment } from "../filter/inline.js";
import { detachedCopy } from "./detached-string.js";
import { LineCounter } from "./line-counter.js";
import { bomUndecided, decoderFor, encodingOf, isWideEncoding, type IncrementalDecoder } from "./text-encoding.js";
import { deadlineFor, withDeadline } from "./deadline.js";

export const LOOKBACK_CHARS = Math.max(MAX_MATCH_CHARS, CONTEXT_CHARS);
export const HOLDBACK_CHARS = Math.max(MAX_MATCH_CHARS, CONTEXT_CHARS);
/** Default owned characters per window. */
export const DEFAULT_WINDOW_CHARS = 1 << 20;
/** Git's rule: a NUL byte in the first 8000 bytes makes a file binary. */
export const BINARY_SNIFF_BYTES = 8000;
/** Characters of the line kept either side of a secret in a finding's snippet. */
export const SNIPPET_CONTEXT_CHARS = 120;

export interface StreamScanOptions {
  /** Owned characters per window (>= 1). Tests shrink it to exercise every cut. */
  readonly windowChars?: number;
  /**
   * Segment scans (one part of a big UTF-8 file, see segment-scan.ts): the
   * first `leadBytes` bytes pushed are context only (the text before the
   * segment), and only findings starting in the next `ownBytes` bytes are
   * reported; the bytes after those are holdback. Both boundaries must fall
   * where a UTF-8 decoder resynchronises (segment-scan.ts places them), so
   * decoding the parts separately gives the same characters as decoding the
   * whole file. Positions are then relative to the segment's first owned
   * character (line 1, column 1 there).
   */
  readonly leadBytes?: number;
  readonly ownBytes?: number;
  /** The bytes pushed start inside a UTF-8 file: no BOM sniff, keep a leading U+FEFF, skip the binary sniff. */
  readonly midFile?: boolean;
  /**
   * Time one MiB of a window may take to scan; a window that outlives it
   * throws DeadlineExceeded (scan/deadline.ts). Unset: no deadline.
   */
  readonly deadlineMsPerMiB?: number;
}

/** An allow comment naming a rule (`finta-guard:allow some-rule`), for the unknown-rule check. */
export interface AllowRuleRef {
  /** 1-based line of the comment. */
  readonly line: number;
  readonly ruleId: string;
}

export interface StreamScanResult {
  readonly findings: RawFinding[];
  readonly bytes: number;
  readonly binary: boolean;
  /** Allow comments that name a rule, in order (empty for almost every file). */
  readonly allowRules: AllowRuleRef[];
}

export class StreamScanner {
  readonly #engine: DetectionEngine;
  readonly #windowChars: number;
  /** Chosen by the file's BOM once its first bytes are in (text-encoding.ts). */
  #decoder: IncrementalDecoder | undefined;
  #wide = false;
  /** The first bytes, held until there are enough to read a BOM. */
  #head: Uint8Array | undefined;
  readonly #deadlineMsPerMiB: number | undefined;
  #lines = new LineCounter();
  readonly #findings: RawFinding[] = [];
  readonly #allowRules: AllowRuleRef[] = [];

  /** Buffered text and the absolute offset of its first character. */
  #text = "";
  #textStart = 0;
  /** Absolute offset where the next window's owned range begins. */
  #ownStart = 0;
  #bytes = 0;
  #sniffed = 0;
  #binary = false;
  #finished = false;
  /** Byte count at which the lead (context only) ends, and at which ownership ends. */
  readonly #leadEndByte: number;
  readonly #ownEndByte: number;
  /** Absolute character offset where ownership ends (known once the bytes up to #ownEndByte are decoded). */
  #ownLimit = Infinity;
  #leadDone: boolean;
  #span = { line: 1, column: 1, gitLine: 1 };

  constructor(engine: DetectionEngine, options: StreamScanOptions = {}) {
    this.#engine = engine;
    this.#windowChars = Math.max(1, options.windowChars ?? DEFAULT_WINDOW_CHARS);
    if (options.midFile) {
      this.#decoder = new TextDecoder("utf-8", { ignoreBOM: true });
      this.#sniffed = BINARY_SNIFF_BYTES;
    }
    this.#leadEndByte = options.leadBytes ?? 0;
    this.#ownEndByte = options.ownBytes === undefined ? Infinity : this.#leadEndByte + options.ownBytes;
    this.#leadDone = this.#leadEndByte === 0;
    this.#deadlineMsPerMiB = options.deadlineMsPerMiB;
  }

  /** Feed the next bytes. Returns false once the file is known to be binary (stop reading). */
  push(bytes: Uint8Array): boolean {
    if (this.#binary) return false;
    this.#bytes += bytes.length;
    if (!this.#decoder) {
      const head: Uint8Array = this.#head ? Buffer.concat([this.#head, bytes]) : bytes;
      if (bomUndecided(head)) {
        this.#head = head.slice();
        return true;
      }
      this.#head = undefined;
      bytes = head;
      this.#chooseDecoder(head);
    }
    return this.#feed(bytes);
  }

  #chooseDecoder(head: Uint8Array): IncrementalDecoder {
    const encoding = encodingOf(head);
    this.#wide = isWideEncoding(encoding);
    return (this.#decoder = decoderFor(encoding));
  }

  #feed(bytes: Uint8Array): boolean {
    if (!this.#wide && this.#sniffed < BINARY_SNIFF_BYTES) {
      const n = Math.min(bytes.length, BINARY_SNIFF_BYTES - this.#sniffed);
      if (bytes.subarray(0, n).includes(0)) return this.#markBinary();
      this.#sniffed += n;
    }
    let decoded = "";
    const before = this.#bytes - bytes.length;
    let from = 0;
    // Segment boundaries inside these bytes: decode up to each, then restart the decoder there.
    for (const boundary of [this.#leadEndByte, this.#ownEndByte]) {
      if (boundary > before + from && boundary <= this.#bytes) {
        const cut = boundary - before;
        this.#text += decoded + this.#decoder!.decode(bytes.subarray(from, cut));
        decoded = "";
        from = cut;
        // A fresh UTF-8 decoder that keeps a U+FEFF at the cut (segments are only made of UTF-8 files).
        this.#decoder = new TextDecoder("utf-8", { ignoreBOM: true });
        this.#reachBoundary(boundary);
      }
    }
    if (from < bytes.length) decoded = this.#decoder!.decode(from === 0 ? bytes : bytes.subarray(from), { stream: true });
    if (this.#wide && this.#sniffed < BINARY_SNIFF_BYTES) {
      // UTF-16/32 text holds NUL bytes: a NUL *character* is what marks binary here.
      const n = Math.min(decoded.length, BINARY_SNIFF_BYTES - this.#sniffed);
      if (decoded.slice(0, n).includes("\0")) return this.#markBinary();
      this.#sniffed += n;
    }
    this.#text += decoded;
    // Process every window that is complete: its owned range plus the holdback.
    while (this.#leadDone && this.#ownStart < this.#ownLimit && this.#bufferedEnd() - this.#ownStart >= this.#windowChars + HOLDBACK_CHARS) {
      this.#processWindow(false);
    }
    return true;
  }

  /** The decoded text has just reached a segment boundary (lead end or own end). */
  #reachBoundary(boundary: number): void {
    const at = this.#bufferedEnd();
    if (boundary === this.#leadEndByte && !this.#leadDone) {
      this.#leadDone = true;
      this.#ownStart = at;
      this.#lines = new LineCounter(at);
    }
    if (boundary === this.#ownEndByte) this.#ownLimit = at;
  }

  /**
   * Segment scans, after finish(): the position just past the owned range,
   * relative to its start (how far the segment moves the line and column counts).
   */
  ownedSpan(): { readonly line: number; readonly column: number; readonly gitLine: number } {
    return this.#span;
  }

  #markBinary(): false {
    this.#binary = true;
    this.#text = "";
    return false;
  }

  /** End of input: scan what is left and return the findings in order. */
  finish(): StreamScanResult {
    if (!this.#finished) {
      this.#finished = true;
      if (!this.#decoder) {
        // A file shorter than a BOM sniff: its few bytes are still scanned.
        const head = this.#head ?? new Uint8Array(0);
        this.#head = undefined;
        this.#chooseDecoder(head);
        this.#feed(head);
      }
      if (!this.#binary) {
        this.#text += this.#decoder!.decode();
        if (!this.#leadDone) this.#reachBoundary(this.#leadEndByte);
        if (this.#ownLimit === Infinity && this.#ownEndByte !== Infinity) this.#ownLimit = this.#bufferedEnd();
        while (this.#ownStart < Math.min(this.#ownLimit, this.#bufferedEnd())) this.#processWindow(true);
        // Count the owned range's last line so ownedSpan() can be asked.
        const end = Math.min(this.#ownLimit, this.#bufferedEnd());
        this.#lines.advance(end, this.#text, this.#textStart);
        this.#span = { line: this.#lines.line, column: end - this.#lines.lineStart + 1, gitLine: this.#lines.gitLine };
      }
      this.#text = "";
    }
    return { findings: this.#findings, bytes: this.#bytes, binary: this.#binary, allowRules: this.#allowRules };
  }

  #bufferedEnd(): number {
    return this.#textStart + this.#text.length;
  }

  #processWindow(atEof: boolean): void {
    const bufferedEnd = this.#bufferedEnd();
    const limit = Math.min(this.#ownLimit, bufferedEnd);
    let ownEnd: number;
    if (atEof && limit - this.#ownStart <= this.#windowChars) {
      ownEnd = limit;
    } else if (this.#ownStart + this.#windowChars >= this.#ownLimit) {
      ownEnd = this.#ownLimit;
    } else {
      // Cut after the last line terminator in the owned range, if any.
      const target = this.#ownStart + this.#windowChars;
      const rel = (n: number) => n - this.#textStart;
      let cut = -1;
      const nl = this.#text.lastIndexOf("\n", rel(target) - 1);
      const cr = this.#text.lastIndexOf("\r", rel(target) - 1);
      const best = Math.max(nl, cr);
      if (best >= rel(this.#ownStart)) cut = this.#textStart + best + 1;
      ownEnd = cut > this.#ownStart ? cut : target;
    }
    const windowStart = Math.max(this.#textStart, this.#ownStart - LOOKBACK_CHARS);
    const windowEnd = Math.min(bufferedEnd, ownEnd + HOLDBACK_CHARS);
    const text = this.#text.slice(windowStart - this.#textStart, windowEnd - this.#textStart);
    this.#window++;
    const range = { ownStart: this.#ownStart - windowStart, ownEnd: ownEnd - windowStart };
    const perMiB = this.#deadlineMsPerMiB;
    const candidates =
      perMiB === undefined ? this.#engine.detect(text, range) : withDeadline(deadlineFor(perMiB, text.length), perMiB, () => this.#engine.detect(text, range));
    // Allow comments naming a rule: one native search per window, nearly always a miss.
    const allows = allowMarkersIn(text, this.#ownStart - windowStart, ownEnd - windowStart);
    let nextAllow = 0;
    // Line numbers are asked of the counter in increasing order: markers before each candidate.
    const locateAllowsBefore = (offset: number) => {
      for (; nextAllow < allows.length && (allows[nextAllow] as AllowAt).at < offset; nextAllow++) {
        const allow = allows[nextAllow] as AllowAt;
        const { line } = this.#lines.positionOf(windowStart + allow.at, this.#text, this.#textStart);
        this.#allowRules.push({ line, ruleId: allow.ruleId });
      }
    };
    for (const c of candidates) {
      locateAllowsBefore(c.secretStart);
      const raw = this.#locate(text, windowStart, c.secretStart, c.secretEnd, c.start, c.end, c.ruleId, c.severity, c.secret, c.entropy);
      this.#findings.push(c.encoding || c.publicExample ? { ...raw, ...(c.encoding ? { encoding: c.encoding } : {}), ...(c.publicExample ? { publicExample: c.publicExample } : {}) } : raw);
    }
    locateAllowsBefore(Number.POSITIVE_INFINITY);
    // Count the owned range's lines now so the buffer before it can be dropped.
    this.#lines.advance(ownEnd, this.#text, this.#textStart);
    this.#ownStart = ownEnd;
    const keepFrom = Math.max(this.#textStart, ownEnd - LOOKBACK_CHARS);
    if (keepFrom > this.#textStart) {
      this.#text = this.#text.slice(keepFrom - this.#textStart);
      this.#textStart = keepFrom;
    }
  }

  /** The last line start found by #lineStartSince, and for which offset of which window. */
  #probe: { window: number; pos: number; start: number } | undefined;
  /** Counts windows, so #probe is never taken from another window (texts compare by content). */
  #window = 0;

  /**
   * `lineStartOf(text, pos, floor)` for ascending `pos` in one window, reading
   * each character once: findings on one long line would otherwise each walk
   * back up to CONTEXT_CHARS.
   */
  #lineStartSince(text: string, pos: number, floor: number): number {
    // (`text` is the current window's.)
    const probe = this.#probe;
    let start: number;
    if (probe && probe.window === this.#window && pos >= probe.pos && probe.pos >= floor) {
      const found = lineStartOf(text, pos, probe.pos);
      start = found > probe.pos ? found : Math.max(floor, probe.start);
    } else {
      start = lineStartOf(text, pos, floor);
    }
    this.#probe = { window: this.#window, pos, start };
    return start;
  }

  #locate(
    text: string,
    windowStart: number,
    secretStart: number,
    secretEnd: number,
    matchStart: number,
    matchEnd: number,
    ruleId: string,
    severity: RawFinding["severity"],
    secret: string,
    entropy: number,
  ): RawFinding {
    const start = this.#lines.positionOf(windowStart + secretStart, this.#text, this.#textStart);
    // End position: count terminators inside the secret (multi-line PEM blocks).
    let endLine = start.line;
    let gitEndLine = start.gitLine;
    let endLineStart = windowStart + secretStart - (start.column - 1);
    for (let i = secretStart; i < secretEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
        endLine++;
        endLineStart = windowStart + i + 1;
      }
      if (ch === 10) gitEndLine++;
    }
    const endColumn = windowStart + secretEnd - endLineStart + 1;
    const floor = Math.max(0, secretStart - CONTEXT_CHARS);
    const lineStart = lineStartOf(text, secretStart, Math.max(floor, secretStart - SNIPPET_CONTEXT_CHARS));
    const lineEnd = lineEndOf(text, secretStart, Math.min(text.length, secretEnd + SNIPPET_CONTEXT_CHARS));
    const lineText = text.slice(lineStart, lineEnd);
    const lineOffset = start.column - (secretStart - lineStart);
    // The previous line, only when this line begins within the context bounds.
    let prevLineText = "";
    const realLineStart = this.#lineStartSince(text, secretStart, floor);
    if (realLineStart > floor) {
      let p = realLineStart - 1;
      if (text.charCodeAt(p) === 10 && p > floor && text.charCodeAt(p - 1) === 13) p--;
      const prevStart = lineStartOf(text, p, Math.max(floor, p - 2 * SNIPPET_CONTEXT_CHARS));
      prevLineText = text.slice(prevStart, p);
    }
    // Findings outlive the window: none of their strings may keep it alive.
    return {
      ruleId,
      severity,
      line: start.line,
      column: start.column,
      endLine,
      endColumn,
      gitLine: start.gitLine,
      gitEndLine,
      secret: detachedCopy(secret),
      match: detachedCopy(text.slice(matchStart, matchEnd)),
      lineText: detachedCopy(lineText),
      lineOffset,
      prevLineText: detachedCopy(prevLineText),
      entropy,
    };
  }
}

interface AllowAt {
  /** Offset of the marker in the window text. */
  readonly at: number;
  readonly ruleId: string;
}

/** Allow comments naming a rule whose marker starts in [from, to) of `text`. */
function allowMarkersIn(text: string, from: number, to: number): AllowAt[] {
  let i = text.indexOf(ALLOW_MARKER, from);
  if (i < 0 || i >= to) return [];
  const out: AllowAt[] = [];
  while (i >= 0 && i < to) {
    const start = lineStartOf(text, i, Math.max(0, i - SNIPPET_CONTEXT_CHARS));
    const end = lineEndOf(text, i, Math.min(text.length, i + SNIPPET_CONTEXT_CHARS));
    const ruleId = parseAllowComment(text.slice(start, end))?.ruleId;
    if (ruleId !== undefined) out.push({ at: i, ruleId: detachedCopy(ruleId) });
    i = text.indexOf(ALLOW_MARKER, i + ALLOW_MARKER.length);
  }
  return out;
}

/** Scan a whole string at once (one window): the reference the streaming path must equal. */
export function scanString(engine: DetectionEngine, text: string): RawFinding[] {
  const scanner = new StreamScanner(engine, { windowChars: Number.MAX_SAFE_INTEGER });
  scanner.push(new TextEncoder().encode(text));
  return scanner.finish().findings;
}
