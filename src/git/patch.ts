/**
 * A streaming parser for the patches `git diff -p` and `git log -p` print
 * (plain and combined `--cc` form), fed chunk by chunk, in bounded memory.
 *
 * It reports, per file section, the new path, mode and blob id, whether git
 * called it binary, and each line the change adds with its line number in the
 * new version. For a merge's combined diff a line counts as added only when
 * it is new against every parent (`++`): lines that came from a parent were
 * added, and are reported, by that parent's own commits.
 *
 * Why not trust content lines to look like content: a file may hold a line
 * `++ b/x` (printed `+++ b/x`); so headers are recognised only before a
 * section's first hunk, and content only after it. Content lines always start
 * with ` `, `+`, `-` or `\` (git runs with diff.suppressBlankEmpty=false), and
 * a line starting with NUL is the caller's commit header (`--format=%x00…`).
 *
 * Must not: spawn git, decode content beyond what it reports, know rules.
 */

/** Lines longer than this are cut (the rest skipped): memory stays bounded. */
export const MAX_LINE_BYTES = 1 << 20;

export interface PatchFile {
  /** Repository-relative path of the new version; undefined when deleted. */
  readonly path: string | undefined;
  readonly newOid: string | undefined;
  readonly oldOids: readonly string[];
  readonly newMode: string | undefined;
  readonly deleted: boolean;
  /** git printed "Binary files … differ": no line information. */
  readonly binary: boolean;
  /** Parents of a combined diff (1 for a plain diff). */
  readonly parents: number;
  /** Number of hunks seen. */
  readonly hunks: number;
}

export interface PatchSink {
  /** A line starting with NUL: the fields after it (the caller's `--format`). */
  commit?(fields: readonly string[]): void;
  /** A line the change adds: 1-based line number in the new version, bytes without prefix or newline. */
  added?(lineNo: number, bytes: Buffer, truncated: boolean): void;
  /** The end of a file section (the next section, commit or the end of input). */
  file?(file: PatchFile): void;
}

const enum_ = { none: 0, header: 1, hunk: 2 } as const;
type State = (typeof enum_)[keyof typeof enum_];

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

/** Undo git's C-style quoting (`"a\tb\303\251"` → bytes → UTF-8). Unquoted input is returned as is. */
export function unquoteCPath(text: string): string {
  if (!text.startsWith('"')) return text;
  const bytes: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') break;
    if (c !== "\\") {
      for (const b of Buffer.from(c, "utf8")) bytes.push(b);
      continue;
    }
    const e = text[++i] ?? "";
    if (/[0-7]/.test(e)) {
      bytes.push(parseInt(text.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(C_ESCAPES[e] ?? e.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** End index (exclusive) of a C-quoted token starting at `from` (which holds `"`). */
function quotedEnd(text: string, from: number): number {
  for (let i = from + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

function stripPrefix(path: string, prefix: string): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** The b-side path of `diff --git a/X b/Y` (or the path of `diff --cc X`). */
export function pathFromDiffLine(line: string): string | undefined {
  if (line.startsWith("diff --cc ")) return unquoteCPath(line.slice(10));
  if (line.startsWith("diff --combined ")) return unquoteCPath(line.slice(16));
  const rest = line.slice("diff --git ".length);
  if (rest.startsWith('"')) {
    const end = quotedEnd(rest, 0);
    const second = rest.slice(end + 1);
    return stripPrefix(unquoteCPath(second), "b/");
  }
  if (rest.endsWith('"')) {
    // a/ side plain, b/ side quoted.
    const start = rest.lastIndexOf(' "');
    return start >= 0 ? stripPrefix(unquoteCPath(rest.slice(start + 1)), "b/") : undefined;
  }
  // Unquoted `a/P b/Q`: when P equals Q (no rename), the line is symmetric.
  if ((rest.length - 1) % 2 === 0) {
    const half = (rest.length - 1) / 2;
    const a = rest.slice(0, half);
    const b = rest.slice(half + 1);
    if (a.slice(2) === b.slice(2)) return stripPrefix(b, "b/");
  }
  const at = rest.indexOf(" b/");
  return at >= 0 ? rest.slice(at + 3) : undefined;
}

/** Path of a `+++ ` / `rename to ` value: unquoted, prefix removed, git's trailing TAB (paths with spaces) dropped. */
function headerPath(value: string, prefix: string): string {
  if (value.startsWith('"')) return stripPrefix(unquoteCPath(value), prefix);
  return stripPrefix(value.endsWith("\t") ? value.slice(0, -1) : value, prefix);
}

export class PatchParser {
  readonly #sink: PatchSink;
  #state: State = enum_.none;
  #carry: Buffer[] = [];
  #carryBytes = 0;
  #carryTruncated = false;

  // The current file section.
  #path: string | undefined;
  #plusPath: string | undefined;
  #renamePath: string | undefined;
  #newOid: string | undefined;
  #oldOids: string[] = [];
  #newMode: string | undefined;
  #deleted = false;
  #binary = false;
  #parents = 1;
  #hunks = 0;
  /** Line number in the new version of the next result line of the current hunk. */
  #newLine = 0;

  constructor(sink: PatchSink) {
    this.#sink = sink;
  }

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) {
        if (start < chunk.length) this.#keep(chunk.subarray(start));
        return;
      }
      if (this.#carry.length || this.#carryTruncated) {
        this.#keep(chunk.subarray(start, nl));
        const line = this.#carry.length === 1 ? this.#carry[0]! : Buffer.concat(this.#carry);
        const truncated = this.#carryTruncated;
        this.#carry = [];
        this.#carryBytes = 0;
        this.#carryTruncated = false;
        this.#line(line, 0, line.length, truncated);
      } else {
        this.#line(chunk, start, nl, false);
      }
      start = nl + 1;
    }
  }

  /** End of input: flush the last line and the last file section. */
  end(): void {
    if (this.#carry.length || this.#carryTruncated) {
      const line = Buffer.concat(this.#carry);
      const truncated = this.#carryTruncated;
      this.#carry = [];
      this.#carryBytes = 0;
      this.#carryTruncated = false;
      this.#line(line, 0, line.length, truncated);
    }
    this.#finishFile();
  }

  #keep(piece: Buffer): void {
    const room = MAX_LINE_BYTES - this.#carryBytes;
    if (piece.length > room) {
      this.#carryTruncated = true;
      piece = piece.subarray(0, Math.max(0, room));
    }
    if (piece.length) {
      // Copy: the chunk it came from must not be kept alive by a long carry.
      this.#carry.push(Buffer.from(piece));
      this.#carryBytes += piece.length;
    }
  }

  #line(buf: Buffer, start: number, end: number, truncated: boolean): void {
    const first = start < end ? buf[start]! : -1;
    if (this.#state === enum_.hunk) {
      // Hot path: content lines of a hunk.
      if (first === 43 /* + */ || first === 45 /* - */ || first === 32 /* space */) {
        this.#content(buf, start, end, truncated);
        return;
      }
      if (first === 92 /* \ No newline at end of file */) return;
      if (first === 64 /* @ */) {
        this.#hunk(buf.toString("latin1", start, Math.min(end, start + 200)));
        return;
      }
    }
    if (first === 0) {
      this.#finishFile();
      this.#state = enum_.none;
      this.#sink.commit?.(buf.toString("utf8", start + 1, end).split("\0"));
      return;
    }
    if (first === 100 /* d */ && buf.toString("latin1", start, Math.min(end, start + 5)) === "diff ") {
      this.#finishFile();
      this.#beginFile(buf.toString("utf8", start, end));
      return;
    }
    if (this.#state !== enum_.header) return;
    if (first === 64 /* @ */) {
      this.#hunk(buf.toString("latin1", start, Math.min(end, start + 200)));
      return;
    }
    this.#headerLine(buf.toString("utf8", start, end));
  }

  #beginFile(line: string): void {
    this.#state = enum_.header;
    this.#path = pathFromDiffLine(line);
    this.#plusPath = undefined;
    this.#renamePath = undefined;
    this.#newOid = undefined;
    this.#oldOids = [];
    this.#newMode = undefined;
    this.#deleted = false;
    this.#binary = false;
    this.#parents = line.startsWith("diff --git ") ? 1 : 2;
    this.#hunks = 0;
  }

  #headerLine(line: string): void {
    if (line.startsWith("index ")) {
      // `index <old>[,<old>…]..<new>[ <mode>]`
      const m = /^index ([0-9a-f,]+)\.\.([0-9a-f]+)(?: (\d+))?/.exec(line);
      if (m) {
        this.#oldOids = m[1]!.split(",");
        this.#parents = this.#oldOids.length;
        this.#newOid = m[2]!;
        if (m[3]) this.#newMode = m[3];
      }
    } else if (line.startsWith("new file mode ")) {
      this.#newMode = line.slice(14);
    } else if (line.startsWith("new mode ")) {
      this.#newMode = line.slice(9);
    } else if (line.startsWith("mode ")) {
      // combined: `mode <a>,<b>..<new>`
      this.#newMode = line.slice(line.lastIndexOf("..") + 2);
    } else if (line.startsWith("deleted file mode ")) {
      this.#deleted = true;
    } else if (line.startsWith("+++ ")) {
      const value = line.slice(4);
      if (value === "/dev/null") this.#deleted = true;
      else this.#plusPath = headerPath(value, "b/");
    } else if (line.startsWith("rename to ")) {
      this.#renamePath = headerPath(line.slice(10), "");
    } else if (line.startsWith("copy to ")) {
      this.#renamePath = headerPath(line.slice(8), "");
    } else if (line.startsWith("Binary files ")) {
      this.#binary = true;
      if (line.endsWith(" and /dev/null differ")) this.#deleted = true;
    }
  }

  #hunk(header: string): void {
    this.#state = enum_.hunk;
    this.#hunks++;
    let ats = 0;
    while (header.charCodeAt(ats) === 64) ats++;
    if (ats >= 3) this.#parents = ats - 1;
    // The new-side range is the token starting with `+`: `+start[,count]`.
    const m = / \+(\d+)(?:,(\d+))? /.exec(header);
    const start = m ? Number(m[1]) : 0;
    const count = m?.[2] !== undefined ? Number(m[2]) : 1;
    // An empty new range `+N,0` sits after line N; no line of it is numbered.
    this.#newLine = count === 0 ? start + 1 : start;
  }

  #content(buf: Buffer, start: number, end: number, truncated: boolean): void {
    const n = this.#parents;
    if (n === 1) {
      const c = buf[start];
      if (c === 43) {
        this.#sink.added?.(this.#newLine, buf.subarray(start + 1, end), truncated);
        this.#newLine++;
      } else if (c === 32) {
        this.#newLine++;
      }
      return;
    }
    // Combined: one prefix column per parent. A `-` anywhere: not in the result.
    let allPlus = true;
    for (let i = start; i < start + n && i < end; i++) {
      const c = buf[i];
      if (c === 45) return;
      if (c !== 43) allPlus = false;
    }
    if (allPlus) this.#sink.added?.(this.#newLine, buf.subarray(Math.min(end, start + n), end), truncated);
    this.#newLine++;
  }

  #finishFile(): void {
    if (this.#state === enum_.none) return;
    this.#state = enum_.none;
    this.#sink.file?.({
      path: this.#deleted ? undefined : (this.#plusPath ?? this.#renamePath ?? this.#path),
      newOid: this.#newOid,
      oldOids: this.#oldOids,
      newMode: this.#newMode,
      deleted: this.#deleted,
      binary: this.#binary,
      parents: this.#parents,
      hunks: this.#hunks,
    });
  }
}
