/**
 * `finta-guard baseline [PATH...]`: scans the working tree (default: the
 * whole repository) with the configuration's rules, allowlists and inline
 * allows, and records every remaining finding in the baseline file, so that
 * later scans report only what is new. Paths and fingerprints are relative to
 * the repository root, whatever folder the command runs in, so the baseline
 * serves tree, staged and history scans alike. Existing entries keep their
 * reason and expiry; `--prune` drops entries that match no current finding
 * in the scanned paths. Entries written with the legacy v1 fingerprints are
 * matched and rewritten as v2 (reason and expiry kept); hints are cut to what
 * redaction shows today.
 *
 * With --audit-log FILE (or `auditLog` in the configuration) every run,
 * including one that could not be done, appends a `finta-guard.baseline`
 * record: counts per rule and severity, and the fingerprints that entered or
 * left the baseline (who accepted which secret is the question an audit asks).
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { clipHint, readBaseline, writeBaseline, type BaselineDestination, type BaselineEntry } from "../../filter/baseline.js";
import { legacyFingerprintOf } from "../../findings/build.js";
import { vendorPrefixes } from "../../findings/vendor-prefix.js";
import type { ScanResult } from "../../findings/types.js";
import { escapeControls } from "../../report/escape.js";
import { countBy } from "../../report/json.js";
import { shortErrorMessage } from "../../report/audit-record.js";
import { scanTargets } from "../../scan/scan-targets.js";
import { listTreeTargets } from "../../sources/tree.js";
import type { CliArgs } from "../args.js";
import { errorMetadata, startAuditLogBeforeConfig, withMetadata } from "../audit-log.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { skippedNotice } from "../output.js";
import { resolveFailOn, resolveJobs } from "../options.js";
import { InputError, UsageError } from "../../errors.js";
import { isAtOrAbove } from "../../findings/severity.js";
import { baselinePath, loadScanSetup, type ScanSetup } from "../scan-setup.js";
import { findRepoRoot } from "../../config/load.js";

/** What a run has got to, for the audit log. */
interface BaselineSession {
  setup?: ScanSetup;
  /** The baseline file, as shown in messages. */
  file?: string;
}

interface BaselineRun {
  readonly code: number;
  readonly metadata: Record<string, unknown>;
}

/** The session of a run (shared with baseline-import.ts, which fills it the same way). */
export type { BaselineSession, BaselineRun };

export async function baselineCommand(args: CliArgs, io: CliIo): Promise<number> {
  const session: BaselineSession = {};
  const log = startAuditLogBeforeConfig(args, io, { action: "finta-guard.baseline", configured: () => session.setup?.auditLog, build: withMetadata });
  try {
    const run = await updateBaseline(args, io, session);
    await log.record(run.code, run.metadata);
    return run.code;
  } catch (error) {
    // The baseline could not be written (exit 2): that is logged too.
    await log.record(ExitCode.error, { ...(session.file !== undefined ? { baseline: session.file } : {}), ...errorMetadata(error) });
    throw error;
  }
}

/** The record's metadata: never a hint (even redacted) or a reason, only ids, places, counts and fingerprints. */
export function baselineMetadata(file: string, result: ScanResult, change?: { entries: number; added: readonly BaselineEntry[]; pruned: readonly BaselineEntry[] }): Record<string, unknown> {
  const entry = (e: BaselineEntry) => ({ fingerprint: e.fingerprint, ruleId: e.ruleId, file: e.file });
  return {
    baseline: file,
    files: result.stats.files,
    bytes: result.stats.bytes,
    findings: result.findings.length,
    findingsBySeverity: countBy(result.findings, (f) => f.severity),
    findingsByRule: countBy(result.findings, (f) => f.ruleId),
    ...(change
      ? { entries: change.entries, entriesAdded: change.added.length, entriesPruned: change.pruned.length, added: change.added.map(entry), pruned: change.pruned.map(entry) }
      : {}),
    errors: result.errors.map((e) => ({ file: e.file, message: shortErrorMessage(e.message) })),
  };
}

async function updateBaseline(args: CliArgs, io: CliIo, session: BaselineSession): Promise<BaselineRun> {
  checkSelectionArgs(args);
  if (args.values.import !== undefined) return (await import("./baseline-import.js")).importBaseline(args, io, session);
  if (args.values.staged === true) return recordSelected(args, io, session, await scanStagedForBaseline(args, io, session));
  const root = findRepoRoot(io.cwd);
  const setup = (session.setup = await loadScanSetup(args, io, { useBaseline: false, pathBase: root }));
  const where = baselinePath(args, io, root);
  session.file = where.shown;
  const existing = existsSync(where.abs) ? readBaseline(where.abs, where.shown).entries : [];

  const scanRoots = (args.positionals.length ? args.positionals : ["."]).map((p) => resolve(io.cwd, p));
  const listing = listTreeTargets(scanRoots, {
    cwd: root,
    noIgnore: args.values["no-ignore"] === true,
    ...(args.values.include ? { include: args.values.include } : {}),
    ...(args.values.exclude ? { exclude: args.values.exclude } : {}),
  });
  for (const skipped of listing.skipped) io.stderr(skippedNotice(skipped));
  // The baseline does not record itself (its hints are redacted; scans check its free text).
  const targets = listing.targets.filter((t) => t.absPath !== where.abs);
  const result = await scanTargets(targets, {
    rules: setup.rules,
    jobs: resolveJobs(args),
    root,
    redact: true, // The baseline is committed: never the secret, whatever --no-redact says.
    ...(setup.filter ? { filter: setup.filter } : {}),
    ...(setup.fileTimeoutMs !== undefined ? { fileTimeoutMs: setup.fileTimeoutMs } : {}),
  });
  const errors = [...listing.errors, ...result.errors];
  if (errors.length) {
    // A partial scan would write a partial baseline: write nothing.
    for (const error of errors) io.stderr(`finta-guard: ${escapeControls(error.file)}: ${escapeControls(error.message)}\n`);
    return { code: ExitCode.error, metadata: baselineMetadata(where.shown, { ...result, errors }) };
  }
  // --add FINGERPRINT: only those findings of the tree, added to what the file holds.
  if (args.values.add?.length) return recordSelected(args, io, session, { result, file: where.shown, abs: where.abs, existing, dest: { absPath: where.abs, shown: where.shown, root, fromRepository: !where.explicit } });
  const reason = args.values.reason;

  const old = new Map(existing.filter((e) => e.fingerprintVersion === undefined).map((e) => [e.fingerprint, e] as const));
  const legacy = new Map(existing.filter((e) => e.fingerprintVersion !== undefined).map((e) => [e.fingerprint, e] as const));
  /** Legacy entries found again, now written under their v2 fingerprint. */
  const rewritten = new Set<BaselineEntry>();
  /** The v2 fingerprints they are written under. */
  const rewrittenAs = new Set<string>();
  const current = new Map<string, BaselineEntry>();
  for (const f of result.findings) {
    let kept = old.get(f.fingerprint);
    if (!kept && legacy.size) {
      const legacyFp = legacyFingerprintOf(f);
      kept = legacyFp !== undefined ? legacy.get(legacyFp) : undefined;
      if (kept) {
        rewritten.add(kept);
        rewrittenAs.add(f.fingerprint);
      }
    }
    current.set(f.fingerprint, {
      ruleId: f.ruleId,
      file: f.repoPath,
      fingerprint: f.fingerprint,
      hint: f.secret,
      ...(kept?.reason !== undefined ? { reason: kept.reason } : reason !== undefined ? { reason } : {}),
      ...(kept?.expires !== undefined ? { expires: kept.expires } : {}),
    });
  }
  const scannedPrefixes = scanRoots.map((abs) => {
    const rel = setupRelative(root, abs);
    return rel === "" ? "" : rel + "/";
  });
  const inScope = (file: string) => scannedPrefixes.some((p) => p === "" || file.startsWith(p) || file + "/" === p);
  const pruned: BaselineEntry[] = [];
  const prefixes = vendorPrefixes(setup.rules);
  for (const existingEntry of existing) {
    if (current.has(existingEntry.fingerprint) || rewritten.has(existingEntry)) continue;
    // Kept as it is, but with no more of the secret in its hint than redaction shows today.
    const visible = existingEntry.hint.slice(0, existingEntry.hint.indexOf("…"));
    const entry = { ...existingEntry, hint: clipHint(existingEntry.hint, prefixes.of(existingEntry.ruleId, visible)) };
    const gone = !existsSync(join(root, entry.file)) || inScope(entry.file);
    if (args.values.prune === true && gone) {
      pruned.push(entry);
      continue;
    }
    current.set(entry.fingerprint, entry);
  }
  const added = [...current.values()].filter((e) => !old.has(e.fingerprint) && !legacy.has(e.fingerprint) && !rewrittenAs.has(e.fingerprint));
  writeBaseline({ absPath: where.abs, shown: where.shown, root, fromRepository: !where.explicit }, { entries: [...current.values()] });
  io.stdout(`finta-guard: wrote ${current.size} baseline ${current.size === 1 ? "entry" : "entries"} to ${escapeControls(where.shown)} (${added.length} new${rewritten.size ? `, ${rewritten.size} rewritten from fingerprint version 1` : ""}${args.values.prune === true ? `, ${pruned.length} pruned` : ""})\n`);
  return { code: ExitCode.clean, metadata: baselineMetadata(where.shown, result, { entries: current.size, added, pruned }) };
}

/** `--staged`, `--add`, `--import`: which combinations mean something. */
function checkSelectionArgs(args: CliArgs): void {
  const v = args.values;
  if (v["config-from"] !== undefined) throw new UsageError("--config-from applies to scan and rules, not baseline");
  if (v.import !== undefined && (v.staged || v.add?.length)) throw new UsageError("--import cannot be combined with --staged or --add");
  if ((v.staged || v.add?.length || v.import !== undefined) && v.prune) throw new UsageError("--prune applies to a whole baseline run, not to --staged, --add or --import");
  if (v.staged && args.positionals.length) throw new UsageError(`--staged records what the index holds and takes no paths (got "${args.positionals[0]}")`);
  if (v.reason !== undefined && v.reason.trim() === "") throw new UsageError("--reason: expected a text saying why the findings are accepted");
  for (const fp of v.add ?? []) {
    if (!/^[0-9a-f]{32}$/.test(fp)) throw new UsageError(`--add ${fp}: expected a fingerprint (32 lower-case hex digits, as in the JSON report)`);
  }
}

/** What a selective run found: the scan, the baseline file and its current entries. */
export interface SelectionScan {
  readonly result: ScanResult;
  readonly file: string;
  readonly abs: string;
  readonly existing: readonly BaselineEntry[];
  /** Where to write (confined to the repository unless --baseline names the file). */
  readonly dest: BaselineDestination;
}

/**
 * `--staged`: the staged scan the hook runs (same filters, the baseline
 * included, so accepted findings are not added twice), with secrets redacted
 * whatever --no-redact says.
 */
async function scanStagedForBaseline(args: CliArgs, io: CliIo, session: BaselineSession): Promise<SelectionScan> {
  const { "no-redact": _full, ...values } = args.values;
  const redacted: CliArgs = { ...args, values };
  const setup = (session.setup = await loadScanSetup(redacted, io));
  const root = setup.root ?? findRepoRoot(io.cwd);
  const where = baselinePath(args, io, root);
  session.file = where.shown;
  const existing = existsSync(where.abs) ? readBaseline(where.abs, where.shown).entries : [];
  const { scanGitMode } = await import("./scan-git.js");
  const result = await scanGitMode("staged", redacted, io, setup);
  return { result, file: where.shown, abs: where.abs, existing, dest: { absPath: where.abs, shown: where.shown, root, fromRepository: !where.explicit } };
}

/**
 * Adds the selected findings to the baseline: with --staged those that block
 * the commit (new lines, at or above --fail-on), narrowed by --add when given;
 * without, the findings whose fingerprints --add names (each must match one).
 * Existing entries stay; a selected one already there gets the new --reason.
 */
async function recordSelected(args: CliArgs, io: CliIo, _session: BaselineSession, scan: SelectionScan): Promise<BaselineRun> {
  const { result, file, existing } = scan;
  if (result.errors.length) {
    for (const error of result.errors) io.stderr(`finta-guard: ${error.file}: ${error.message}\n`);
    return { code: ExitCode.error, metadata: baselineMetadata(file, result) };
  }
  const wanted = args.values.add?.length ? new Set(args.values.add) : undefined;
  const failOn = resolveFailOn(args);
  const staged = args.values.staged === true;
  const selected = result.findings.filter((f) => (wanted ? wanted.has(f.fingerprint) : staged && f.blocking !== false && isAtOrAbove(f.severity, failOn)));
  const missing = [...(wanted ?? [])].filter((fp) => !selected.some((f) => f.fingerprint === fp) && !existing.some((e) => e.fingerprint === fp));
  if (missing.length) {
    throw new InputError(`--add ${missing[0]}: no current finding has this fingerprint${staged ? " in the staged changes" : ""}`, {
      hint: "fingerprints are in the JSON report: finta-guard scan --format json",
    });
  }
  const reason = args.values.reason;
  const entries = new Map(existing.map((e) => [e.fingerprint, e] as const));
  const added: BaselineEntry[] = [];
  for (const f of selected) {
    const kept = entries.get(f.fingerprint);
    const entry: BaselineEntry = {
      ruleId: f.ruleId,
      file: f.file,
      fingerprint: f.fingerprint,
      hint: f.secret,
      ...(reason !== undefined ? { reason } : kept?.reason !== undefined ? { reason: kept.reason } : {}),
      ...(kept?.expires !== undefined ? { expires: kept.expires } : {}),
    };
    if (!kept) added.push(entry);
    entries.set(f.fingerprint, entry);
  }
  writeBaseline(scan.dest, { entries: [...entries.values()] });
  const what = staged ? "blocking the commit" : "named by --add";
  io.stdout(`finta-guard: recorded ${selected.length} ${selected.length === 1 ? "finding" : "findings"} ${what} in ${file} (${added.length} new, ${entries.size} in all); commit it: git add ${file}\n`);
  return { code: ExitCode.clean, metadata: baselineMetadata(file, result, { entries: entries.size, added, pruned: [] }) };
}

function setupRelative(root: string, abs: string): string {
  const rel = abs.startsWith(root) ? abs.slice(root.length).replace(/^[\\/]+/, "") : abs;
  return rel.split("\\").join("/");
}
