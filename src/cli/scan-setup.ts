/**
 * What every scanning command shares: the rules in force and the filters
 * (configuration file, allowlists, `.finta-guardignore`, inline allows,
 * baseline), built once from the arguments. Also the `--report-unused`
 * listing, which needs the filter's record of what it suppressed.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { compileConfig } from "../config/compile.js";
import { loadConfig, loadConfigFromRevision, shownPath } from "../config/load.js";
import { openRevision, type RevisionFiles } from "../git/revision-files.js";
import type { DisabledRule } from "../report/suppression-sources.js";
import { IGNORE_FILES } from "../sources/ignore-stack.js";
import { resolveConfigFrom } from "./options.js";
import { DetectionEngine } from "../detect/engine.js";
import { InputError, UsageError } from "../errors.js";
import { escapeControls } from "../report/escape.js";
import { readRegularFileSync } from "../sources/open-regular.js";
import { scanString } from "../scan/stream-scanner.js";
import { untrustedRuleIds } from "../scan/untrusted-rules.js";
import { ConfiguredFilter, todayUtc, type AllowlistSpec } from "../filter/apply.js";
import { clipHint, DEFAULT_BASELINE_FILE, legacyEntryCount, parseBaseline, readBaseline, type Baseline } from "../filter/baseline.js";
import { redactNote } from "../findings/redact.js";
import { vendorPrefixes } from "../findings/vendor-prefix.js";
import type { FindingFilter } from "../filter/types.js";
import { builtinRules } from "../rules/index.js";
import type { RuleSpec } from "../rules/types.js";
import type { RawVerify } from "../config/types.js";
import type { Target } from "../sources/types.js";
import type { CliArgs } from "./args.js";
import type { CliIo } from "./io.js";

export interface ScanSetup {
  readonly rules: readonly RuleSpec[];
  readonly filter?: FindingFilter;
  /** Repository root (the folder holding `.git`; cwd outside a repository). */
  readonly root?: string;
  /** The configuration file read, as shown in messages. */
  readonly configFile?: string;
  /** `auditLog` of the configuration (read by cli/audit-log.ts). */
  readonly auditLog?: string;
  /** Per-file scan time limit (per MiB), from `scanTimeoutMs`: every rule and configured regex runs under it. */
  readonly fileTimeoutMs?: number;
  /** The baseline file read, as shown in messages. */
  readonly baselineFile?: string;
  /** `verify` of the configuration (read by cli/verify.ts, used only with --verify). */
  readonly verify?: RawVerify;
  /** `--config-from REV`: the revision configuration, ignore files and baseline were read from. */
  readonly configFrom?: string;
  /** With `--config-from`: the revision's ignore files (repository-relative path → text), which tree walks use instead of the working tree's. */
  readonly revisionIgnoreFiles?: ReadonlyMap<string, string>;
  /** Rules the configuration disabled, for the report. */
  readonly disabledRules: readonly DisabledRule[];
}

export interface SetupOptions {
  /** Load the baseline (false for `finta-guard baseline`, which writes it). */
  readonly useBaseline?: boolean;
  /** The folder relative finding paths are relative to (default: cwd for tree scans, the root for staged/history). */
  readonly pathBase?: string;
}

/** Patterns of the root `.finta-guardignore` (gitignore syntax), applied to staged and history scans too. */
function rootIgnorePatterns(root: string): string[] {
  const file = join(root, ".finta-guardignore");
  if (!existsSync(file)) return [];
  return ignorePatternsOf(readFileSync(file, "utf8"));
}

function ignorePatternsOf(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== "" && !line.startsWith("#"));
}

/** The ignore files committed in the trusted revision, every folder, by repository-relative path. */
async function revisionIgnoreFiles(revision: RevisionFiles): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const path of await revision.findAll(IGNORE_FILES)) {
    const text = await revision.read(path);
    if (text !== undefined) texts.set(path, text);
  }
  return texts;
}

/**
 * The baseline file is not scanned with the tree (10,000 entries of rule ids
 * and redacted hints cost as much to scan as the code they describe). That is
 * safe only when its free text holds no secret: hints are checked to be
 * redacted when it is read, rule ids to be ids; paths and reasons are scanned
 * here. When they hold one, the file is scanned like any other and reported.
 */
function baselineHoldsNoSecret(baseline: Baseline, rules: readonly RuleSpec[]): boolean {
  const text = [...new Set(baseline.entries.flatMap((e) => [e.file, ...(e.reason !== undefined ? [e.reason] : [])]))].join("\n");
  // Built-in rules only: a custom rule's regex may hang, and this runs on the main thread.
  const untrusted = new Set(untrustedRuleIds(rules));
  return text === "" || scanString(DetectionEngine.fromSpecs(rules.filter((r) => !untrusted.has(r.id))), text).length === 0;
}

export function baselinePath(args: CliArgs, io: CliIo, root: string): { abs: string; shown: string; explicit: boolean } {
  const explicit = args.values.baseline !== undefined;
  const abs = explicit ? resolve(io.cwd, args.values.baseline as string) : join(root, DEFAULT_BASELINE_FILE);
  return { abs, shown: shownPath(abs, io.cwd), explicit };
}

export async function loadScanSetup(args: CliArgs, io: CliIo, options: SetupOptions = {}): Promise<ScanSetup> {
  const knownRuleIds = new Set(builtinRules.map((r) => r.id));
  const configFrom = resolveConfigFrom(args);
  // `finta-guard baseline` writes the working tree's baseline from the working tree's configuration.
  if (configFrom !== undefined && options.useBaseline === false) throw new UsageError("--config-from applies to scan and rules, not baseline");
  // --config-from: nothing that suppresses is read from the working tree (the pull request under test).
  const revision = configFrom !== undefined ? await openRevision({ cwd: io.cwd, env: io.env }, configFrom) : undefined;
  const config = revision
    ? await loadConfigFromRevision(revision, io.cwd, knownRuleIds)
    : loadConfig({ cwd: io.cwd, ...(args.values.config !== undefined ? { configPath: args.values.config } : {}), knownRuleIds });
  const compiled = compileConfig(config.raw, builtinRules);
  const root = config.root;

  let baseline: Baseline | undefined;
  let baselineFile: string | undefined;
  /** The baseline is a working-tree file checked when loaded, and need not be scanned. */
  let baselineOnDisk = false;
  if (options.useBaseline !== false) {
    const where = baselinePath(args, io, root);
    if (where.explicit && !existsSync(where.abs)) throw new InputError(`${where.shown}: baseline file not found`);
    if (revision && !where.explicit) {
      // An explicit --baseline is the command line's (trusted); the default one comes from the revision.
      const shown = `${revision.rev}:${DEFAULT_BASELINE_FILE}`;
      const text = await revision.read(DEFAULT_BASELINE_FILE);
      if (text !== undefined) {
        baseline = parseBaseline(text, shown);
        baselineFile = shown;
      }
    } else if (existsSync(where.abs)) {
      baseline = readBaseline(where.abs, where.shown);
      baselineFile = where.shown;
      baselineOnDisk = true;
    }
  }
  const legacy = baseline ? legacyEntryCount(baseline) : 0;
  // Still honoured (a committed baseline must not silently stop working), but say why it should be rewritten.
  if (legacy && baselineFile !== undefined) {
    io.stderr(
      `finta-guard: ${baselineFile}: ${legacy} ${legacy === 1 ? "entry uses" : "entries use"} fingerprint version 1, which lets anyone confirm a guessed password offline; run \`finta-guard baseline\` to rewrite ${legacy === 1 ? "it" : "them"} as version 2\n`,
    );
  }

  const noIgnore = args.values["no-ignore"] === true;
  const ignoreTexts = revision && !noIgnore ? await revisionIgnoreFiles(revision) : undefined;
  const rootIgnore = ignoreTexts ? ignorePatternsOf(ignoreTexts.get(".finta-guardignore") ?? "") : noIgnore ? [] : rootIgnorePatterns(root);
  const sourcePrefix = revision ? `${revision.rev}:` : "";
  const configShown = config.file ?? "finta-guard.config.json";
  const global: AllowlistSpec[] = [
    ...(compiled.globalAllowlist ? [{ ...compiled.globalAllowlist, source: `${configShown} allowlist.paths` }] : []),
    ...(rootIgnore.length ? [{ paths: rootIgnore, source: `${sourcePrefix}.finta-guardignore` }] : []),
  ];
  const disabledRules = [...new Set(config.raw.disable ?? [])].map((ruleId) => ({ ruleId, by: configShown }));
  const filter = new ConfiguredFilter({
    ...(baseline && baselineOnDisk && baselineFile !== undefined && baselineHoldsNoSecret(baseline, compiled.rules) ? { exemptFiles: [relative(root, resolve(io.cwd, baselineFile)).split(sep).join("/")] } : {}),
    root,
    // Staged and history scans report paths relative to the root; tree scans relative to cwd.
    pathBase: options.pathBase ?? (args.values.staged === true || args.values.history === true ? root : io.cwd),
    global,
    perRule: compiled.ruleAllowlists,
    inline: args.values["no-inline-allow"] !== true,
    ...(baseline ? { baseline } : {}),
    today: todayUtc(),
  });

  return {
    rules: compiled.rules,
    filter,
    root,
    ...(config.file !== undefined ? { configFile: config.file } : {}),
    ...(config.raw.auditLog !== undefined ? { auditLog: config.raw.auditLog } : {}),
    fileTimeoutMs: compiled.scanTimeoutMs,
    ...(baselineFile !== undefined ? { baselineFile } : {}),
    ...(config.raw.verify !== undefined ? { verify: config.raw.verify } : {}),
    ...(revision ? { configFrom: revision.rev } : {}),
    ...(ignoreTexts ? { revisionIgnoreFiles: ignoreTexts } : {}),
    disabledRules,
  };
}

/**
 * `--report-unused`: prints (stderr, one line each) the baseline entries and
 * inline allow comments that suppressed nothing in the scan just run, and
 * returns how many. Inline allows are looked for in the scanned files on disk;
 * staged and history targets are not re-read.
 */
export function reportUnused(setup: ScanSetup, targets: readonly Target[], io: CliIo, redactOutput?: boolean): number {
  const filter = setup.filter;
  if (!(filter instanceof ConfiguredFilter)) return 0;
  let count = 0;
  const today = todayUtc();
  const prefixes = vendorPrefixes(setup.rules);
  for (const entry of filter.unusedBaselineEntries()) {
    const expired = entry.expires !== undefined && entry.expires <= today ? ` (expired ${entry.expires})` : "";
    // A hint written by an older version may show more than redaction does today.
    const hint = clipHint(entry.hint, prefixes.of(entry.ruleId, entry.hint));
    io.stderr(`finta-guard: unused baseline entry: ${escapeControls(entry.file)}: ${escapeControls(entry.ruleId)} ${entry.fingerprint} ${escapeControls(hint)}${escapeControls(expired)}\n`);
    count++;
  }
  // The comment's reason is text from the file: a key written there is found and redacted.
  let engine: DetectionEngine | undefined;
  const untrusted = new Set(untrustedRuleIds(setup.rules));
  const redact = redactOutput ?? true;
  for (const target of targets) {
    if (target.kind !== "file") continue;
    let text: string;
    try {
      text = readRegularFileSync(target.absPath);
    } catch {
      continue; // Already reported as a scan error.
    }
    for (const unused of filter.unusedInlineAllows(target.path, text)) {
      // Built-in rules only: a custom rule's regex may hang, and this runs on the main thread.
      engine ??= DetectionEngine.fromSpecs(setup.rules.filter((r) => !untrusted.has(r.id)));
      const secrets = redact ? scanString(engine, unused.comment.text).map((f) => f.secret) : [];
      io.stderr(`finta-guard: unused inline allow: ${escapeControls(unused.file)}:${unused.line}: ${escapeControls(redactNote(unused.comment.text, secrets, redact))}\n`);
      count++;
    }
  }
  return count;
}
