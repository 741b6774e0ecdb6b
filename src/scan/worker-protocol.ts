/** Messages between the scan pool and its worker threads (structured-clone data only). */
import type { RawFinding } from "../findings/types.js";
import type { RuleSpec } from "../rules/types.js";
import type { AllowRuleRef } from "./stream-scanner.js";

export interface WorkerInit {
  readonly rules: readonly RuleSpec[];
  readonly windowChars?: number;
  /** Time one MiB of a file may take to scan (see scan/deadline.ts). */
  readonly deadlineMsPerMiB?: number;
}

/** A file, read by path on the worker. */
export interface WorkItem {
  readonly index: number;
  readonly absPath: string;
}

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
}

export interface WorkerResponse {
  readonly batch: number;
  readonly outcomes: FileOutcome[];
}
