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
import { clipHint, readBaseline, writeBaseline, type BaselineEntry } from "../../filter/baseline.js";
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
import { resolveJobs } from "../options.js";
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
function baselineMetadata(file: string, result: ScanResult, change?: { entries: number; added: readonly BaselineEntry[]; pruned: readonly BaselineEntry[] }): Record<string, unknown> {
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
      ...(kept?.reason !== undefined ? { reason: kept.reason } : {}),
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

function setupRelative(root: string, abs: string): string {
  const rel = abs.startsWith(root) ? abs.slice(root.length).replace(/^[\\/]+/, "") : abs;
  return rel.split("\\").join("/");
}
