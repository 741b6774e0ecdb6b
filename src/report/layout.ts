/**
 * Fitting human text into a terminal: word wrapping with a hanging indent,
 * and clipping a long source line (a minified bundle) around the secret so
 * that the caret line under it still points at it. Widths count UTF-16 code
 * units, as finding columns do; text that has no room is never dropped, only
 * wrapped or marked clipped with `…`.
 */

/** Narrowest width the layout works at; COLUMNS below this is ignored. */
export const MIN_WIDTH = 20;

/**
 * `text` wrapped at spaces to `width` columns. The first line starts with
 * `first`, the next ones with `rest` (a hanging indent). A word longer than a
 * line (a path, a URL) stays whole on its own line. No width: one line.
 */
export function wrap(text: string, width: number | undefined, first = "", rest = first): string[] {
  if (width === undefined) return [first + text];
  const words = text.split(" ");
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    const prefix = lines.length === 0 ? first : rest;
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
      continue;
    }
    line = empty ? prefix + word : `${line} ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

export interface ClippedLine {
  /** The visible part of the line, with `…` where it was cut. */
  readonly text: string;
  /** Index in `text` where the caret run starts, and its length. */
  readonly caretAt: number;
  readonly caretLength: number;
}

/**
 * Show `line` within `room` columns with the span [at, at + length) visible:
 * when the line is too long, cut it on both sides (marked `…`), keeping the
 * span and as much context before it as after. A span longer than the room
 * is cut at its end.
 */
export function clipAround(line: string, at: number, length: number, room: number): ClippedLine {
  if (line.length <= room) return { text: line, caretAt: at, caretLength: Math.max(1, length) };
  const span = Math.min(length, room - 2);
  // Context either side of the span, the ellipses taking one column each.
  const spare = Math.max(0, room - span - 2);
  let start = Math.max(0, at - Math.floor(spare / 2));
  let end = Math.min(line.length, start + room - (start > 0 ? 1 : 0));
  if (end < line.length) end -= 1;
  if (end === line.length && line.length - start < room) {
    // The span sits near the end: use the room on the left instead.
    start = Math.max(0, line.length - (room - 1));
  }
  const lead = start > 0 ? "…" : "";
  const tail = end < line.length ? "…" : "";
  const caretAt = lead.length + (at - start);
  const visible = line.slice(start, end);
  const caretLength = Math.max(1, Math.min(span, visible.length - (at - start)));
  return { text: lead + visible + tail, caretAt, caretLength };
}
