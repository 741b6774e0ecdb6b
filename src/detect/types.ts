/**
 * Contracts of the detection stage. Positions here are offsets only: 0-based,
 * half-open, in UTF-16 code units of the text handed to `detect()`. Turning
 * them into lines and columns is `scan/`'s job.
 */
import type { RuleSpec, Severity } from "../rules/types.js";
import type { PublicExampleNote } from "./public-example.js";

/** One rule, compiled once per thread. */
export interface CompiledRule {
  readonly spec: RuleSpec;
  readonly id: string;
  readonly severity: Severity;
  readonly keywords: readonly string[];
  /** Global + `d` (indices) flags; `lastIndex` is reset before every use. */
  readonly regex: RegExp;
  readonly secretGroup: number | string;
  readonly specificity: number;
  /** How far from a keyword occurrence the rule's matches may reach (characters). */
  readonly reach: number;
  /**
   * Regions are widened to whole lines: the pattern uses `^` or `$`, or
   * `reach` is not a proven bound on what it reads (see match-bound.ts).
   */
  readonly wholeLines: boolean;
  /**
   * Set when every match starts at most `lead` characters before one of the
   * rule's keywords (match-bound.ts): the regex, sticky (`y`), is then tried
   * only at those few positions before each keyword instead of scanning a
   * region. Undefined: the rule runs on regions.
   */
  readonly anchored: { readonly regex: RegExp; readonly lead: number } | undefined;
  readonly allowRegexes: readonly RegExp[];
  readonly allowTarget: "secret" | "match" | "line";
  readonly stopwords: readonly string[];
  readonly promote: readonly { readonly to: string; readonly severity: Severity; readonly key: RegExp | undefined; readonly parentKey: string | undefined }[];
  readonly requires: { readonly near: RegExp; readonly lines: number } | undefined;
}

/** A possible secret, before allowlists, positions in the detected text. */
export interface Candidate {
  readonly ruleId: string;
  readonly severity: Severity;
  /** Offsets of the whole regex match. */
  readonly start: number;
  readonly end: number;
  /** Offsets of the secret itself (the secret group). */
  readonly secretStart: number;
  readonly secretEnd: number;
  /** The raw secret. Never printed: `findings/` redacts it. */
  readonly secret: string;
  /** Shannon entropy of the secret, bits per character. */
  readonly entropy: number;
  /**
   * Set when the secret was found inside an encoded string: the offsets and
   * `secret` are then those of the encoded string as it stands in the text.
   */
  readonly encoding?: "base64" | "percent";
  /**
   * Set when the value is a published example credential
   * (rules/public-examples.ts): the candidate is then `info`, whatever the rule.
   */
  readonly publicExample?: PublicExampleNote;
}
