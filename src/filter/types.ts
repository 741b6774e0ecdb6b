/**
 * Filters decide whether a located finding is reported, and record why not.
 * They may not re-run rule regexes: they see the finding (fingerprint,
 * position) and the raw record (secret, line text) once, and answer.
 */
import type { Finding, RawFinding, SuppressionKind } from "../findings/types.js";

export interface Suppression {
  readonly kind: SuppressionKind;
  /** What decided: the glob, regex, stopword, allow comment or baseline fingerprint. */
  readonly by: string;
}

export interface FindingFilter {
  /** Why this finding is not reported, or undefined to report it. */
  check(finding: Finding, raw: RawFinding): Suppression | undefined;
  /** Is this file skipped altogether (path allowlists)? Checked before reading it. */
  skipsPath?(file: string): boolean;
  /**
   * Is this one of the tool's own files, checked when it was loaded and not
   * scanned (the baseline: thousands of rule ids and redacted hints that
   * would cost as much to scan as the code)? Not counted as a suppression.
   */
  exempts?(file: string): boolean;
}
