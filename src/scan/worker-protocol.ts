/** Messages between the scan pool and its worker threads (structured-clone data only). */
import type { RawFinding } from "../findings/types.js";
import type { RuleSpec } from "../rules/types.js";
import type { AllowRuleRef } from "./stream-scanner.js";

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

/** A file read by path, or the bytes of a stream target (buffered by the main thread). */
export type WorkItem =
  | { readonly index: number; readonly absPath: string; readonly bytes?: undefined }
  | { readonly index: number; readonly bytes: Uint8Array; readonly absPath?: undefined };

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
}

export interface WorkerResponse {
  readonly batch: number;
  readonly outcomes: FileOutcome[];
}
