/**
 * A reporter is a pure function from a scan result to the text of a report.
 * It does not write to stdout, choose exit codes or read configuration.
 */
import type { ScanResult } from "../findings/types.js";
import type { Severity } from "../findings/severity.js";
import type { RuleSpec } from "../rules/types.js";
import type { SuppressionSources } from "./suppression-sources.js";

export type ScanMode = "tree" | "staged" | "history";

export interface ReportContext {
  readonly toolName: string;
  readonly toolVersion: string;
  /** Rules in force, for names, descriptions and remediation. */
  readonly rules: ReadonlyMap<string, RuleSpec>;
  readonly failOn: Severity;
  readonly mode: ScanMode;
  /** ANSI colours (text report only). */
  readonly color: boolean;
  /** Show the suppressed findings too (text report, --verbose). */
  readonly verbose?: boolean;
  /**
   * Absolute path of the repository root: SARIF's `%SRCROOT%` and the base of
   * GitHub annotation paths. Absent: paths are reported as the findings hold them.
   */
  readonly srcRoot?: string;
  /**
   * Absolute directory the findings' relative paths start from: the current
   * directory for tree scans, the repository root for staged and history scans.
   * Absent: the same as `srcRoot`.
   */
  readonly baseDir?: string;
  /** What the configuration and ignore files hid (paths, rules), shown in every format. */
  readonly suppressionSources?: SuppressionSources | undefined;
}

export type Reporter = (result: ScanResult, context: ReportContext) => string;
