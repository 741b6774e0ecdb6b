/** Messages between the scan pool and its worker threads (structured-clone data only). */
import type { RawFinding } from "../findings/types.js";
import type { RuleSpec } from "../rules/types.js";
import type { SegmentPlan, SegmentSpan } from "./segment-scan.js";

export interface WorkerInit {
  readonly rules: readonly RuleSpec[];
  readonly windowChars?: number;
  /**
   * Guarded scans (untrusted rules): the worker stores `[index + 1, size in
   * KiB]` of the item it starts here, so the main thread can tell a stuck
   * item from a slow batch and terminate the worker (see pool.ts).
   */
  readonly progress?: SharedArrayBuffer;
}

/**
 * A file read by path, one segment of a big file (part `part` of its plan,
 * see segment-scan.ts), or the bytes of a stream target (buffered by the main
 * thread).
 */
export type WorkItem =
  | { readonly index: number; readonly absPath: string; readonly bytes?: undefined; readonly segment?: undefined }
  | { readonly index: number; readonly absPath: string; readonly bytes?: undefined; readonly segment: SegmentPlan; readonly part: number }
  | { readonly index: number; readonly bytes: Uint8Array; readonly absPath?: undefined; readonly segment?: undefined };

export interface WorkerRequest {
  readonly batch: number;
  readonly files: readonly WorkItem[];
}

export interface FileOutcome {
  readonly index: number;
  readonly findings: RawFinding[];
  readonly bytes: number;
  readonly binary: boolean;
  readonly error?: string;
  /** A segment's outcome: its part number and how far it moves the line and column counts. */
  readonly part?: number;
  readonly span?: SegmentSpan;
}

export interface WorkerResponse {
  readonly batch: number;
  readonly outcomes: FileOutcome[];
}
