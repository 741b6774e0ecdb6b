/**
 * Big files in parts: a file larger than SEGMENT_MIN_FILE_BYTES is cut into
 * segments that different workers scan at the same time, with findings,
 * lines and columns identical to a one-worker scan
 * (test/scan/segment-scan.test.ts compares the two on random inputs).
 *
 * Each segment owns a byte range and reads LEAD_BYTES before it and
 * TAIL_BYTES after it: at least LOOKBACK_CHARS / HOLDBACK_CHARS characters
 * (a UTF-16 unit takes at most 3 UTF-8 bytes), the same overlap the
 * streaming windows give, so every match and its context is seen whole by
 * the segment that owns its start. Cuts are moved to a byte where a UTF-8
 * decoder resynchronises, and never between CR and LF, so decoding a part
 * alone gives the characters of the whole file there. A segment reports
 * positions relative to its first owned character plus how far it moves the
 * line and column counts; mergeSegments() places them.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import type { DetectionEngine } from "../detect/engine.js";
import type { RawFinding } from "../findings/types.js";
import { READ_CHUNK_BYTES } from "./read-file.js";
import { BOM_SNIFF_BYTES, encodingOf } from "./text-encoding.js";
import { BINARY_SNIFF_BYTES, HOLDBACK_CHARS, LOOKBACK_CHARS, StreamScanner, type StreamScanOptions } from "./stream-scanner.js";

/** Files above this size are split (below it, whole files already keep the workers busy). */
export const SEGMENT_MIN_FILE_BYTES = 16 << 20;
/** Owned bytes per segment: small enough that two workers share even a file just over the threshold. */
export const SEGMENT_BYTES = 8 << 20;
/** Context read before and after the owned bytes (3 bytes per character, plus the resynchronisation steps). */
export const LEAD_BYTES = 3 * LOOKBACK_CHARS + 8;
export const TAIL_BYTES = 3 * HOLDBACK_CHARS + 8;

export interface SegmentPlan {
  /** Nominal start and end of the owned bytes (moved to a safe cut when read). */
  readonly start: number;
  readonly end: number;
}

/**
 * Nominal owned ranges covering [0, size). Never shorter than the binary
 * sniff, so the first segment alone decides whether the file is binary.
 */
export function planSegments(size: number, requested = SEGMENT_BYTES): SegmentPlan[] {
  const segmentBytes = Math.max(BINARY_SNIFF_BYTES, requested);
  const count = Math.max(1, Math.ceil(size / segmentBytes));
  const plans: SegmentPlan[] = [];
  for (let i = 0; i < count; i++) plans.push({ start: i * segmentBytes, end: i === count - 1 ? size : (i + 1) * segmentBytes });
  return plans;
}

const isContinuation = (b: number) => (b & 0xc0) === 0x80;

/**
 * Moves a cut forward to where decoding can restart: a byte that is not a
 * UTF-8 continuation byte, or one after three continuation bytes (which no
 * sequence can reach, so it decodes alone either way); and past an LF that
 * follows a CR, so CRLF stays one terminator in one segment.
 */
export function safeCut(bytes: Uint8Array, at: number, offset: number): number {
  let i = at - offset;
  if (at <= 0) return 0;
  let steps = 0;
  while (steps < 3 && i < bytes.length && isContinuation(bytes[i]!)) {
    i++;
    steps++;
  }
  if (i < bytes.length && i > 0 && bytes[i] === 10 && bytes[i - 1] === 13) i++;
  return Math.min(i, bytes.length) + offset;
}

/** How far a segment moves the counts: the position just past it, relative to its start. */
export interface SegmentSpan {
  readonly line: number;
  readonly column: number;
  /** The same in git's numbering (LF alone ends a line). */
  readonly gitLine: number;
}

export interface SegmentOutcome {
  readonly findings: RawFinding[];
  /** Position just past the owned range, relative to its start. */
  readonly span: SegmentSpan;
  readonly bytes: number;
  readonly binary: boolean;
}

/** Reads `length` bytes at `position` (fewer at the end of the file). */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return buffer.subarray(0, done);
}

/** The safe cut for a nominal offset, from the few bytes around it. */
function cutAt(fd: number, nominal: number, size: number): number {
  if (nominal <= 0) return 0;
  if (nominal >= size) return size;
  const around = readAt(fd, nominal - 1, 6);
  return Math.min(size, safeCut(around, nominal, nominal - 1));
}

/** Scans one segment of a file. Positions in the findings are relative to the segment's start. */
export function scanSegment(absPath: string, plan: SegmentPlan, engine: DetectionEngine, options: Omit<StreamScanOptions, "leadBytes" | "ownBytes" | "midFile"> = {}): SegmentOutcome {
  const fd = openSync(absPath, "r");
  try {
    const size = fstatSync(fd).size;
    const start = cutAt(fd, plan.start, size);
    const end = plan.end >= size ? size : cutAt(fd, plan.end, size);
    const readFrom = start === 0 ? 0 : cutAt(fd, Math.max(0, start - LEAD_BYTES), size);
    const readTo = Math.min(size, end + TAIL_BYTES);
    const scanner = new StreamScanner(engine, {
      ...options,
      leadBytes: start - readFrom,
      ownBytes: end - start,
      midFile: readFrom > 0,
    });
    const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    for (let at = readFrom; at < readTo; ) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, readTo - at), at);
      if (n === 0) break;
      at += n;
      if (!scanner.push(buffer.subarray(0, n))) break;
    }
    const result = scanner.finish();
    return { findings: result.findings, span: scanner.ownedSpan(), bytes: end - start, binary: result.binary };
  } finally {
    closeSync(fd);
  }
}

/** Places a relative position after the absolute position `origin`. */
function place(origin: { line: number; column: number }, line: number, column: number): { line: number; column: number } {
  return line === 1 ? { line: origin.line, column: origin.column + column - 1 } : { line: origin.line + line - 1, column };
}

/** Places a relative git line (LF-only numbering has no column to carry). */
const placeGit = (origin: number, line: number | undefined) => (line === undefined ? undefined : origin + line - 1);

/**
 * Joins the segments of one file (in file order) into the one-worker result.
 * A file whose first segment is binary is binary as a whole (git's rule looks
 * at the first 8000 bytes only).
 */
export function mergeSegments(parts: readonly SegmentOutcome[]): { findings: RawFinding[]; bytes: number; binary: boolean } {
  const first = parts[0];
  const bytes = parts.reduce((n, p) => n + p.bytes, 0);
  if (!first || first.binary) return { findings: [], bytes, binary: Boolean(first?.binary) };
  const findings: RawFinding[] = [];
  let origin = { line: 1, column: 1 };
  let gitOrigin = 1;
  for (const part of parts) {
    for (const f of part.findings) {
      const start = place(origin, f.line, f.column);
      const end = place(origin, f.endLine, f.endColumn);
      const lineOffset = f.line === 1 ? origin.column + f.lineOffset - 1 : f.lineOffset;
      const gitLine = placeGit(gitOrigin, f.gitLine);
      const gitEndLine = placeGit(gitOrigin, f.gitEndLine);
      findings.push({
        ...f, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, lineOffset,
        ...(gitLine !== undefined ? { gitLine } : {}), ...(gitEndLine !== undefined ? { gitEndLine } : {}),
      });
    }
    origin = place(origin, part.span.line, part.span.column);
    gitOrigin += part.span.gitLine - 1;
  }
  return { findings, bytes, binary: false };
}

/**
 * Size of a file to plan its segments; 0 (not split) when it cannot be read
 * (the scan itself then reports why) or is not UTF-8: a UTF-16/32 BOM makes
 * the whole file wide text, which only a scan from its first byte decodes.
 */
export function plannedSize(absPath: string): number {
  try {
    const size = statSync(absPath).size;
    if (size <= SEGMENT_MIN_FILE_BYTES) return size;
    const fd = openSync(absPath, "r");
    try {
      return encodingOf(readAt(fd, 0, BOM_SNIFF_BYTES)) === "utf-8" ? size : 0;
    } finally {
      closeSync(fd);
    }
  } catch {
    return 0;
  }
}
