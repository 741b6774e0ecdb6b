/** Messages between the scan pool and its worker threads (structured-clone data only). */
import type { RawFinding } from "../findings/types.js";
import type { RuleSpec } from "../rules/types.js";
import type { AllowRuleRef } from "./stream-scanner.js";
import type { SegmentPlan, SegmentSpan } from "./segment-scan.js";

export interface WorkerInit {
  readonly rules: readonly RuleSpec[];
  readonly windowChars?: number;
  /** Time one MiB of a file may take to scan (see scan/deadline.ts). */
  readonly deadlineMsPerMiB?: number;
}

/** A file read by path on the worker, or one segment of a big file (part `part` of its plan, see segment-scan.ts). */
export type WorkItem =
  | { readonly index: number; readonly absPath: string; readonly segment?: undefined }
  | { readonly index: number; readonly absPath: string; readonly segment: SegmentPlan; readonly part: number };

export interface WorkerRequest {
  readonly batch: number;
  readonly files: readonly WorkItem[];
}

export interface FileOutcome {
  readonly index: number;
  readonly findings: RawFinding[];
  readonly bytes: number;
  readonly binary: boolean;
  /** Allow comments naming a rule (absent when none, or on error). */
  readonly allowRules?: AllowRuleRef[];
  readonly error?: string;
  /** Set when the item outlived its deadline: what was running (`rule <id>`); `error` is then unset. */
  readonly timedOut?: string;
  /** A segment's outcome: its part number and how far it moves the line and column counts. */
  readonly part?: number;
  readonly span?: SegmentSpan;
}

export interface WorkerResponse {
  readonly batch: number;
  readonly outcomes: FileOutcome[];
}
