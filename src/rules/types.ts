/**
 * A rule is pure, serialisable data: it crosses worker_threads as it is and
 * is compiled once per thread by `detect/compile.ts`. Nothing here runs.
 */
import type { Severity } from "../findings/severity.js";

export type { Severity };

/** What an allowlist regex is matched against. */
export type RegexTarget = "secret" | "match" | "line";

export interface RuleAllowlist {
  /** Paths, gitignore syntax relative to the repository root (or micromatch globs). */
  readonly paths?: readonly string[];
  /** JavaScript regex sources; a candidate matching any of them is not reported. */
  readonly regexes?: readonly string[];
  readonly regexTarget?: RegexTarget;
  /** Case-insensitive substrings; a secret containing one is not reported. */
  readonly stopwords?: readonly string[];
}

/**
 * Where a candidate found by a generic rule is re-labelled as a more specific
 * rule because of what surrounds it: e.g. `finta_api_key = …` (the key names
 * Finta) or `api_key: …` under a `finta:` YAML block is a `finta-env-secret`
 * finding.
 */
export interface RuleContextPromotion {
  /** Id of the rule the finding is reported under when the context holds. */
  readonly to: string;
  /**
   * Regex source tested (case-insensitively) against the key: the part of the
   * match before the secret (`FintaClient.apiKey = ` in `FintaClient.apiKey = "…"`).
   * Not the whole line: a line that merely mentions Finta elsewhere is no context.
   */
  readonly key?: string;
  /** A YAML/indented block key (case-insensitive) among the candidate's ancestors. */
  readonly parentKey?: string;
}

/**
 * A requirement on the text around a candidate; without it the candidate is
 * dropped. Used by rules such as `finta-bearer-token`, which only fire when the
 * request names Finta.
 */
export interface RuleContextRequirement {
  /** Regex source tested case-insensitively against the nearby lines. */
  readonly near: string;
  /** How many lines before and after the candidate's line count as near (default 0). */
  readonly lines?: number;
}

/** Where a positive example's secret sits: what the finding must report. */
export interface ExampleSecret {
  /** 1-based line of the secret's first character. */
  readonly line: number;
  /** 1-based column (UTF-16 code units) of the secret's first character. */
  readonly column: number;
  /** The secret itself; where it ends follows from it. */
  readonly value: string;
}

/** A text in which the rule must report exactly one finding: `secret`. */
export interface PositiveExample {
  readonly text: string;
  readonly secret: ExampleSecret;
}

export interface RuleExamples {
  /** Texts in which the rule (and no other) must report exactly one finding, at the secret. */
  readonly positive: readonly PositiveExample[];
  /** Texts in which the rule must report nothing. */
  readonly negative: readonly string[];
}

/** How a rule's regex is run around its keywords (see detect/match-bound.ts). */
export interface RegionShape {
  /** Characters either side of a keyword. */
  readonly reach: number;
  /** Widen regions to whole lines (`^`/`$` in the pattern, or a reach that is not a proven bound). */
  readonly wholeLines: boolean;
  /** Every match starts at most this far before a keyword: try the regex there only (sticky). */
  readonly lead?: number;
}

export interface RuleSpec {
  /** Stable kebab-case id, e.g. `finta-secret-key-live`. */
  readonly id: string;
  readonly description: string;
  /** Who issues the credential ("Finta", "AWS", …); used by the rule docs. */
  readonly provider?: string;
  readonly severity: Severity;
  /**
   * Lower-case literals; the regex only runs on text that contains one of
   * them (case-insensitively). Empty: the regex always runs (keep such rules rare).
   */
  readonly keywords: readonly string[];
  /**
   * JavaScript RegExp source. The secret is the named group `secret`, or the
   * group numbered `secretGroup`, or the whole match. Quantifiers must be
   * bounded (`{16,256}`, not `+`): no match may be longer than MAX_MATCH_CHARS.
   */
  readonly regex: string;
  /** Extra RegExp flags: any of `i`, `m`, `s`, `u`, `v`. `g` and `d` are always added. */
  readonly flags?: string;
  readonly secretGroup?: number;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  readonly entropy?: number;
  /**
   * Minimum entropy when the secret is all hex digits (a 16-letter alphabet
   * tops out at 4 bits): spec/finta-credentials.md uses 3.0 for hex, 3.5 otherwise.
   */
  readonly entropyHex?: number;
  /** Drop secrets that look like placeholders or counting runs (default true). */
  readonly placeholderFilter?: boolean;
  /**
   * Drop values that read as words, identifiers, paths, URLs without
   * credentials, versions, content hashes or template expressions
   * (`detect/word-likeness.ts`). `true`: all of them (generic API-key/token
   * rules); `"password"`: passwords may be single words, so only multi-word
   * identifiers, sample words and the structural kinds are dropped.
   */
  readonly wordFilter?: boolean | "password";
  /**
   * The value is always base64 (a Kubernetes Secret's `data:`): also drop it
   * when the text it decodes to is a placeholder or a sample word.
   */
  readonly judgeDecoded?: "base64";
  /** The match may span lines (PEM blocks); findings are reported at the first line. */
  readonly multiline?: boolean;
  /**
   * How far (characters) a match may extend from the keyword occurrence it
   * contains: the regex runs only that far around each occurrence. Default:
   * what the regex can read, when it proves that every match holds a keyword
   * (detect/match-bound.ts), capped at 2048 (16384 for multiline rules).
   */
  readonly reach?: number;
  /**
   * Where the regex runs around keywords, derived from the regex
   * (detect/compile.ts `regionShape`). Not written by hand: the build fills
   * it in for the built-in rules, so that start-up does not analyse 300
   * patterns; absent, it is derived when the rule is compiled.
   */
  readonly regionShape?: RegionShape;
  /** Higher wins when two rules report overlapping secrets (default 50; generic rules 10). */
  readonly specificity?: number;
  readonly promote?: readonly RuleContextPromotion[];
  readonly requires?: RuleContextRequirement;
  readonly allowlist?: RuleAllowlist;
  /** What to do about a finding, shown by the text report and SARIF help. */
  readonly remediation: string;
  /** Documentation or rotation link for this provider. */
  readonly docsUrl?: string;
  readonly tags?: readonly string[];
  readonly examples?: RuleExamples;
}
