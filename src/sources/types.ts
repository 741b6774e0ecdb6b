/**
 * Sources yield targets: things to scan, with a display path. They know git
 * and the file system; they never know rules, findings or output formats.
 */

/** A file on disk: read (possibly on a worker thread) by its absolute path. */
export interface FileTarget {
  readonly kind: "file";
  /** Path as reported: `/` separators, no leading `./`. */
  readonly path: string;
  /** Absolute path used to open the file. */
  readonly absPath: string;
}

/** Bytes from elsewhere (a git blob, stdin): read through `open()`. */
export interface StreamTarget {
  readonly kind: "stream";
  readonly path: string;
  open(): AsyncIterable<Uint8Array>;
  /** Commit metadata, for history scans. */
  readonly commit?: string;
  readonly author?: string;
  readonly date?: string;
  /**
   * Lines (1-based, in this version of the file) that the change adds. When
   * set, findings elsewhere are not blocking (staged scans) or not reported
   * (history scans: `reportOnlyChangedLines`).
   */
  readonly changedLines?: ReadonlySet<number>;
}

export type Target = FileTarget | StreamTarget;
