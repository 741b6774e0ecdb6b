/**
 * finta-guard as a library: the same detection, configuration and filters as
 * the command line, without printing or exit codes.
 *
 *   import { scanText, scanPaths, scanStaged, listRules } from "finta-guard";
 *   const result = await scanText(source, { path: "src/app.ts" });
 *   for (const f of result.findings) console.log(`${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.secret}`);
 *
 * Every function reads the configuration the CLI would (`finta-guard.config.json`
 * at the repository root of `cwd`, or `config`), the root `.finta-guardignore`
 * and the baseline, and returns a ScanResult: `findings` (secrets redacted
 * unless `redact: false`), `suppressed` (with why), `stats` and `errors`
 * (unreadable files; a CLI run would exit 2 on any). Nothing is written.
 * A bad configuration or argument rejects with a FintaGuardError.
 */
import type { CliArgs } from "./cli/args.js";
import type { CliIo } from "./cli/io.js";
import { loadScanSetup, type ScanSetup } from "./cli/scan-setup.js";
import type { ScanResult } from "./findings/types.js";
import type { StreamTarget } from "./sources/types.js";

export type { Finding, ScanResult, ScanStats, ScanError, Suppressed, SuppressionKind } from "./findings/types.js";
export type { Severity } from "./findings/severity.js";
export { SEVERITIES, isAtOrAbove } from "./findings/severity.js";
export type { RawConfig as FintaGuardConfig, RawRule as CustomRuleConfig, RawAllowlist as AllowlistConfig, RawOverride as RuleOverrideConfig } from "./config/types.js";
export type { RuleSpec } from "./rules/types.js";
export { FintaGuardError } from "./errors.js";

/** What every call accepts. */
export interface CommonOptions {
  /** Folder the scan runs in, as the CLI's current directory (default: process.cwd()). */
  readonly cwd?: string;
  /** Configuration file (default: finta-guard.config.json at the repository root). */
  readonly config?: string;
  /** Baseline file (default: .finta-guard-baseline.json at the repository root, when present). */
  readonly baseline?: string;
  /** Keep full secrets in findings (default false: redacted, as in every report). */
  readonly redact?: boolean;
  /** Ignore `finta-guard:allow` comments (default: honoured). */
  readonly noInlineAllow?: boolean;
}

export interface ScanTextOptions extends CommonOptions {
  /** The path the text is reported under and matched against allowlists, relative to `cwd`. */
  readonly path: string;
}

export interface ScanPathsOptions extends CommonOptions {
  /** Do not honour .gitignore / .finta-guardignore (default false). */
  readonly noIgnore?: boolean;
  /** Only / never scan paths matching these globs (micromatch, on the reported path). */
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Worker threads (default: the number of cores). */
  readonly jobs?: number;
}

export interface ScanStagedOptions extends CommonOptions {
  /** Findings on lines already in HEAD block too (default false: they carry `blocking: false`). */
  readonly allLines?: boolean;
}

/** A rule in force: the built-in catalogue after the configuration's changes, plus custom rules. */
export interface RuleInfo {
  readonly id: string;
  readonly provider: string | null;
  readonly severity: import("./findings/severity.js").Severity;
  readonly description: string;
  readonly keywords: readonly string[];
  readonly regex: string;
  readonly remediation: string;
  readonly docsUrl?: string;
}

type Values = CliArgs["values"];

function context(options: CommonOptions, values: Values): { args: CliArgs; io: CliIo } {
  const args: CliArgs = {
    command: "scan",
    positionals: [],
    values: {
      ...values,
      ...(options.config !== undefined ? { config: options.config } : {}),
      ...(options.baseline !== undefined ? { baseline: options.baseline } : {}),
      ...(options.redact === false ? { "no-redact": true } : {}),
      ...(options.noInlineAllow ? { "no-inline-allow": true } : {}),
    },
  };
  const io: CliIo = { cwd: options.cwd ?? process.cwd(), env: process.env, stdout: () => {}, stderr: () => {}, stdoutIsTTY: false, stderrIsTTY: false };
  return { args, io };
}

function scanOptions(setup: ScanSetup, options: CommonOptions, jobs: number) {
  return {
    rules: setup.rules,
    jobs,
    redact: options.redact !== false,
    ...(setup.filter ? { filter: setup.filter } : {}),
    ...(setup.fileTimeoutMs !== undefined ? { fileTimeoutMs: setup.fileTimeoutMs } : {}),
  };
}

/** Scan one text (a string, or bytes as read from a file) as if it were the file at `options.path`. */
export async function scanText(content: string | Uint8Array, options: ScanTextOptions): Promise<ScanResult> {
  const { args, io } = context(options, {});
  const setup = await loadScanSetup(args, io);
  const { resolve } = await import("node:path");
  const { shownPath } = await import("./config/load.js");
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const target: StreamTarget = {
    kind: "stream",
    path: shownPath(resolve(io.cwd, options.path), io.cwd),
    open: async function* () {
      yield bytes;
    },
  };
  const { scanTargets } = await import("./scan/scan-targets.js");
  return scanTargets([target], scanOptions(setup, options, 1));
}

/** Scan files and folders of the working tree (default: `cwd`), as `finta-guard scan PATH...`. */
export async function scanPaths(paths: readonly string[] = [], options: ScanPathsOptions = {}): Promise<ScanResult> {
  const { args, io } = context(options, { ...(options.noIgnore ? { "no-ignore": true } : {}) });
  const setup = await loadScanSetup(args, io);
  const { listTreeTargets } = await import("./sources/tree.js");
  const listing = listTreeTargets([...paths], {
    cwd: io.cwd,
    noIgnore: options.noIgnore === true,
    ...(options.include ? { include: options.include } : {}),
    ...(options.exclude ? { exclude: options.exclude } : {}),
  });
  const { availableParallelism } = await import("node:os");
  const { scanTargets } = await import("./scan/scan-targets.js");
  const result = await scanTargets(listing.targets, scanOptions(setup, options, options.jobs ?? availableParallelism()));
  return { ...result, errors: [...listing.errors, ...result.errors] };
}

/**
 * Scan what the index holds for the next commit, as `finta-guard scan --staged`:
 * paths relative to the repository root; a finding on a line the commit does
 * not add has `blocking: false`.
 */
export async function scanStaged(options: ScanStagedOptions = {}): Promise<ScanResult> {
  const { args, io } = context(options, { staged: true, ...(options.allLines ? { "all-lines": true } : {}) });
  const setup = await loadScanSetup(args, io);
  const { scanGitMode } = await import("./cli/commands/scan-git.js");
  return scanGitMode("staged", args, io, setup);
}

/** The rules in force for `cwd`'s configuration. */
export async function listRules(options: Pick<CommonOptions, "cwd" | "config"> = {}): Promise<RuleInfo[]> {
  const { args, io } = context(options, {});
  const { rules } = await loadScanSetup(args, io);
  return rules.map((r) => ({
    id: r.id,
    provider: r.provider ?? null,
    severity: r.severity,
    description: r.description,
    keywords: r.keywords,
    regex: r.regex,
    remediation: r.remediation,
    ...(r.docsUrl ? { docsUrl: r.docsUrl } : {}),
  }));
}
