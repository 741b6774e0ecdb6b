/**
 * What the run's own configuration hid, for every report format: the paths
 * each ignore file (and the configuration's allowlist paths) kept out of the
 * scan, the rules the configuration disabled, and where that configuration
 * was read (`--config-from REV`). A pull request can add suppression for its
 * own secrets; a reviewer must see it in the report, not discover it later.
 */
import { escapeControls } from "./escape.js";

export interface IgnoredPaths {
  /** What hid them: an ignore file (`.finta-guardignore`, `sub/.gitignore`), or `<config> allowlist.paths`. */
  readonly by: string;
  /** How many paths (a folder pruned whole counts once; in history scans, distinct paths). */
  readonly paths: number;
}

export interface DisabledRule {
  readonly ruleId: string;
  /** The configuration file that disabled it. */
  readonly by: string;
}

export interface SuppressionSources {
  /** `--config-from REV`: the revision configuration, ignore files and baseline were read from. */
  readonly configFrom?: string;
  readonly ignoredPaths: readonly IgnoredPaths[];
  readonly disabledRules: readonly DisabledRule[];
}

export function isEmpty(sources: SuppressionSources | undefined): boolean {
  return !sources || (sources.configFrom === undefined && sources.ignoredPaths.length === 0 && sources.disabledRules.length === 0);
}

/** Merge counts by source, sorted by source, zero counts dropped. */
export function ignoredPathsFrom(...counts: ReadonlyArray<ReadonlyMap<string, number>>): IgnoredPaths[] {
  const total = new Map<string, number>();
  for (const map of counts) for (const [by, n] of map) if (n > 0) total.set(by, (total.get(by) ?? 0) + n);
  return [...total].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([by, paths]) => ({ by, paths }));
}


/**
 * The one-line summary, or undefined when nothing was hidden:
 * `suppressed by configuration (from origin/main): 3 paths by .finta-guardignore; rules disabled by finta-guard.config.json: generic-password`.
 */
export function suppressionSummary(sources: SuppressionSources | undefined): string | undefined {
  if (!sources || isEmpty(sources)) return undefined;
  const parts: string[] = [];
  if (sources.ignoredPaths.length) {
    parts.push(sources.ignoredPaths.map((p) => `${p.paths} path${p.paths === 1 ? "" : "s"} ignored by ${escapeControls(p.by)}`).join(", "));
  }
  const byFile = new Map<string, string[]>();
  for (const d of sources.disabledRules) byFile.set(d.by, [...(byFile.get(d.by) ?? []), d.ruleId]);
  for (const [by, ids] of byFile) parts.push(`rule${ids.length === 1 ? "" : "s"} disabled by ${escapeControls(by)}: ${ids.map((id) => escapeControls(id)).join(", ")}`);
  if (parts.length === 0) parts.push("nothing ignored, no rule disabled");
  const from = sources.configFrom !== undefined ? ` (read from ${escapeControls(sources.configFrom)})` : "";
  return `suppressed by configuration${from}: ${parts.join("; ")}`;
}

/** The JSON (and SARIF run property) form. */
export function suppressionSourcesRecord(sources: SuppressionSources): Record<string, unknown> {
  return {
    ...(sources.configFrom !== undefined ? { configFrom: sources.configFrom } : {}),
    ignoredPaths: sources.ignoredPaths.map((p) => ({ by: p.by, paths: p.paths })),
    disabledRules: sources.disabledRules.map((d) => ({ ruleId: d.ruleId, by: d.by })),
  };
}
