/** Messages between the scan pool and its worker threads (structured-clone data only). */
import type { RawFinding } from "../findings/types.js";
import type { RuleSpec } from "../rules/types.js";

export interface WorkerInit {
  readonly rules: readonly RuleSpec[];
  readonly windowChars?: number;
}

export interface WorkerRequest {
  readonly batch: number;
  readonly files: readonly { readonly index: number; readonly absPath: string }[];
}

export interface FileOutcome {
  readonly index: number;
  readonly findings: RawFinding[];
  readonly bytes: number;
  readonly binary: boolean;
  readonly error?: string;
}

export interface WorkerResponse {
  readonly batch: number;
  readonly outcomes: FileOutcome[];
}
