/**
 * `finta-guard baseline [PATH...]`: scans the working tree (default: the
 * whole repository) with the configuration's rules, allowlists and inline
 * allows, and records every remaining finding in the baseline file, so that
 * later scans report only what is new. Paths and fingerprints are relative to
 * the repository root, whatever folder the command runs in, so the baseline
 * serves tree, staged and history scans alike. Existing entries keep their
 * reason and expiry; `--prune` drops entries that match no current finding
 * in the scanned paths.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { readBaseline, writeBaseline, type BaselineEntry } from "../../filter/baseline.js";
import { scanTargets } from "../../scan/scan-targets.js";
import { listTreeTargets } from "../../sources/tree.js";
import type { CliArgs } from "../args.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { resolveJobs } from "../options.js";
import { baselinePath, loadScanSetup } from "../scan-setup.js";
import { findRepoRoot } from "../../config/load.js";

export async function baselineCommand(args: CliArgs, io: CliIo): Promise<number> {
  const root = findRepoRoot(io.cwd);
  const setup = await loadScanSetup(args, io, { useBaseline: false, pathBase: root });
  const where = baselinePath(args, io, root);
  const existing = existsSync(where.abs) ? readBaseline(where.abs, where.shown).entries : [];

  const scanRoots = (args.positionals.length ? args.positionals : ["."]).map((p) => resolve(io.cwd, p));
  const listing = listTreeTargets(scanRoots, {
    cwd: root,
    noIgnore: args.values["no-ignore"] === true,
    ...(args.values.include ? { include: args.values.include } : {}),
    ...(args.values.exclude ? { exclude: args.values.exclude } : {}),
  });
  // The baseline does not record itself (its hints are redacted; scans check its free text).
  const targets = listing.targets.filter((t) => t.absPath !== where.abs);
  const result = await scanTargets(targets, {
    rules: setup.rules,
    jobs: resolveJobs(args),
    redact: true, // The baseline is committed: never the secret, whatever --no-redact says.
    ...(setup.filter ? { filter: setup.filter } : {}),
    ...(setup.fileTimeoutMs !== undefined ? { fileTimeoutMs: setup.fileTimeoutMs } : {}),
  });
  const errors = [...listing.errors, ...result.errors];
  if (errors.length) {
    // A partial scan would write a partial baseline: write nothing.
    for (const error of errors) io.stderr(`finta-guard: ${error.file}: ${error.message}\n`);
    return ExitCode.error;
  }

  const old = new Map(existing.map((e) => [e.fingerprint, e] as const));
  const current = new Map<string, BaselineEntry>();
  for (const f of result.findings) {
    const kept = old.get(f.fingerprint);
    current.set(f.fingerprint, {
      ruleId: f.ruleId,
      file: f.file,
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
  let pruned = 0;
  for (const entry of existing) {
    if (current.has(entry.fingerprint)) continue;
    const gone = !existsSync(join(root, entry.file)) || inScope(entry.file);
    if (args.values.prune === true && gone) {
      pruned++;
      continue;
    }
    current.set(entry.fingerprint, entry);
  }
  const added = [...current.keys()].filter((fp) => !old.has(fp)).length;
  writeBaseline(where.abs, { entries: [...current.values()] });
  io.stdout(`finta-guard: wrote ${current.size} baseline ${current.size === 1 ? "entry" : "entries"} to ${where.shown} (${added} new${args.values.prune === true ? `, ${pruned} pruned` : ""})\n`);
  return ExitCode.clean;
}

function setupRelative(root: string, abs: string): string {
  const rel = abs.startsWith(root) ? abs.slice(root.length).replace(/^[\\/]+/, "") : abs;
  return rel.split("\\").join("/");
}
