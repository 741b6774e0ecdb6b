/**
 * Findings: what the scanner reports.
 *
 * Position convention (stated once, used everywhere): `line` and `column` are
 * 1-based and point at the first character of the secret itself; `endColumn`
 * is one past its last character; columns count UTF-16 code units (JS string
 * indices, SARIF's default). A UTF-8 BOM is not part of line 1. CRLF and a lone
 * CR end a line as LF does. Example: in `x = sk_live_ab…\n` the secret starts
 * at line 1, column 5.
 */
import type { PublicExampleNote } from "./public-example-note.js";
import type { Severity } from "./severity.js";
import type { Verification } from "../verify/types.js";

/** A located candidate in one target, still holding the raw secret. */
export interface RawFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /**
   * First and last line of the secret in git's numbering (LF alone ends a
   * line; a lone CR does not): what is compared with the lines a diff adds.
   * Absent: the same as `line` / `endLine`.
   */
  readonly gitLine?: number;
  readonly gitEndLine?: number;
  /** The raw secret: used for fingerprints and allowlists, then dropped. */
  readonly secret: string;
  /** The whole regex match (raw), for allowlists with regexTarget "match". */
  readonly match: string;
  /**
   * The line holding the secret's first character, cut to at most
   * LINE_SNIPPET_CHARS around the secret; `lineOffset` is the column (1-based)
   * of the snippet's first character in the real line.
   */
  readonly lineText: string;
  readonly lineOffset: number;
  /** The previous line (cut the same way), for `finta-guard:allow` on the line before. */
  readonly prevLineText: string;
  readonly entropy: number;
  /** The secret was found by decoding this string (base64 or percent-encoding). */
  readonly encoding?: "base64" | "percent";
  /** The value is a published example credential: reported as `info`. */
  readonly publicExample?: PublicExampleNote;
}

/** A reported finding: the secret redacted unless `--no-redact`. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** Display path for people: `/`-separated, as spec/cli.md says (relative to cwd or to the repository root). */
  readonly file: string;
  /**
   * The finding's identity path: `/`-separated, relative to the repository
   * root whatever folder the scan started in (outside git: relative to the
   * folder the scan runs in, where the configuration is looked for). Keys the
   * fingerprint, baseline entries, SARIF locations and annotations. Absolute
   * for a file outside that root.
   */
  readonly repoPath: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Redacted form, e.g. `sk_live_4f…(redacted)` (the full secret with --no-redact). */
  readonly secret: string;
  /**
   * Stable id (findings/fingerprint.ts): same secret, rule and repoPath give
   * the same value even when lines move, on every machine.
   */
  readonly fingerprint: string;
  /** The line with every secret on it redacted (snippet), for text reports and SARIF. */
  readonly lineText: string;
  readonly lineOffset: number;
  /** Where this finding's (redacted) secret sits in `lineText`: [start, end), 0-based; for carets. */
  readonly secretSpan?: readonly [number, number];
  readonly entropy: number;
  /** Set when the secret was found inside an encoded string, reported at that string. */
  readonly encoding?: "base64" | "percent";
  /** Set when the value is a published example credential (an `info` finding): which, and where published. */
  readonly publicExample?: PublicExampleNote;
  /** Only for history scans. */
  readonly commit?: string;
  readonly author?: string;
  readonly date?: string;
  /** Only for staged scans: false when the line was already in HEAD (not blocking). */
  readonly blocking?: boolean;
  /** Only with `scan --verify`, for findings a verifier answers for (src/verify/). */
  readonly verification?: Verification;
}

/** Why a finding was not reported. */
export type SuppressionKind = "path" | "regex" | "stopword" | "inline" | "baseline";

export interface Suppressed {
  readonly finding: Finding;
  readonly kind: SuppressionKind;
  /** What decided: the glob, regex, stopword, comment line or baseline fingerprint. */
  readonly by: string;
}

export interface ScanStats {
  files: number;
  bytes: number;
  binarySkipped: number;
  durationMs: number;
  suppressed: Partial<Record<SuppressionKind, number>>;
}

export interface ScanError {
  readonly file: string;
  readonly message: string;
}

export interface ScanResult {
  readonly findings: Finding[];
  readonly suppressed: Suppressed[];
  readonly stats: ScanStats;
  /** Problems that make the run exit 2 (unreadable files, rule timeouts). */
  readonly errors: ScanError[];
}
