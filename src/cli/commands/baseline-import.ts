/**
 * `finta-guard baseline --import gitleaks|detect-secrets FILE`: a team moving
 * from a peer tool keeps what it had accepted. A peer's entry names a file and
 * a line, and either the secret (a gitleaks report: `File`, `RuleID`,
 * `Secret`/`Match`, `StartLine`) or its SHA-1 (detect-secrets
 * `.secrets.baseline`: `results{file: [{type, hashed_secret, line_number}]}`).
 * The rules differ, so entries are not translated: the files they name are
 * scanned with finta-guard's rules and a finding that is the same secret
 * (equal, or SHA-1 equal) or, when the peer kept no secret, sits on the same
 * line, is recorded. What matched nothing is listed on stderr, one line each.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { findRepoRoot } from "../../config/load.js";
import { InputError, UsageError } from "../../errors.js";
import { readBaseline, writeBaseline, type BaselineEntry } from "../../filter/baseline.js";
import type { Finding } from "../../findings/types.js";
import { scanTargets } from "../../scan/scan-targets.js";
import type { Target } from "../../sources/types.js";
import type { CliArgs } from "../args.js";
import { escapeControls } from "../../report/escape.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { resolveJobs } from "../options.js";
import { baselinePath, loadScanSetup } from "../scan-setup.js";
import { baselineMetadata, type BaselineRun, type BaselineSession } from "./baseline.js";

export const PEER_BASELINES = ["gitleaks", "detect-secrets"] as const;
export type PeerBaselineKind = (typeof PEER_BASELINES)[number];

/** One accepted finding of the peer tool, as far as its file tells. */
export interface PeerEntry {
  /** The path as the peer wrote it. */
  readonly file: string;
  readonly line?: number;
  /** The peer's rule or detector, for messages. */
  readonly label: string;
  /** The secret in full (a gitleaks report without --redact). */
  readonly secret?: string;
  /** The whole match (gitleaks), when the secret was redacted or differs in extent. */
  readonly match?: string;
  /** Lower-case hex SHA-1 of the secret (detect-secrets). */
  readonly sha1?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Entries of a gitleaks JSON report (`gitleaks detect --report-format json`), the file gitleaks' `--baseline-path` reads. */
export function parseGitleaksBaseline(value: unknown, shown: string): PeerEntry[] {
  if (!Array.isArray(value)) throw new InputError(`${shown}: not a gitleaks baseline: expected a JSON array of findings`);
  return value.map((raw, i) => {
    if (!isRecord(raw) || typeof raw.File !== "string" || raw.File === "") throw new InputError(`${shown}: not a gitleaks baseline: [${i}].File: expected a path`);
    const secret = typeof raw.Secret === "string" && raw.Secret !== "" && raw.Secret !== "REDACTED" ? raw.Secret : undefined;
    const match = typeof raw.Match === "string" && raw.Match !== "" && !raw.Match.includes("REDACTED") ? raw.Match : undefined;
    return {
      file: raw.File,
      label: typeof raw.RuleID === "string" ? raw.RuleID : "gitleaks finding",
      ...(typeof raw.StartLine === "number" && raw.StartLine > 0 ? { line: raw.StartLine } : {}),
      ...(secret !== undefined ? { secret } : {}),
      ...(match !== undefined ? { match } : {}),
    };
  });
}

/** Entries of a detect-secrets `.secrets.baseline`. */
export function parseDetectSecretsBaseline(value: unknown, shown: string): PeerEntry[] {
  if (!isRecord(value) || !isRecord(value.results)) throw new InputError(`${shown}: not a detect-secrets baseline: expected an object with "results"`);
  const out: PeerEntry[] = [];
  for (const [file, list] of Object.entries(value.results)) {
    if (!Array.isArray(list)) throw new InputError(`${shown}: not a detect-secrets baseline: results.${file}: expected an array`);
    list.forEach((raw, i) => {
      if (!isRecord(raw) || typeof raw.hashed_secret !== "string") throw new InputError(`${shown}: not a detect-secrets baseline: results.${file}[${i}].hashed_secret: expected a string`);
      out.push({
        file,
        label: typeof raw.type === "string" ? raw.type : "detect-secrets finding",
        sha1: raw.hashed_secret.toLowerCase(),
        ...(typeof raw.line_number === "number" && raw.line_number > 0 ? { line: raw.line_number } : {}),
      });
    });
  }
  return out;
}

interface Candidate {
  readonly finding: Finding;
  readonly secret: string;
  readonly sha1: string;
}

/** The finding a peer entry stands for: the same secret; without one, the same line. */
export function matchPeerEntry(entry: PeerEntry, candidates: readonly Candidate[]): Candidate | undefined {
  const sameLine = (c: Candidate) => entry.line !== undefined && c.finding.line === entry.line;
  const bySecret = (c: Candidate) =>
    (entry.secret !== undefined && (c.secret === entry.secret || entry.secret.includes(c.secret) || c.secret.includes(entry.secret))) ||
    (entry.match !== undefined && entry.match.includes(c.secret)) ||
    (entry.sha1 !== undefined && c.sha1 === entry.sha1);
  const hasValue = entry.secret !== undefined || entry.match !== undefined;
  return (
    candidates.find((c) => bySecret(c) && sameLine(c)) ??
    candidates.find(bySecret) ??
    // A redacted gitleaks report, or a detect-secrets hash of a differently cut secret: the line decides.
    (hasValue ? undefined : candidates.find(sameLine))
  );
}

export async function importBaseline(args: CliArgs, io: CliIo, session: BaselineSession): Promise<BaselineRun> {
  const kind = args.values.import as string;
  if (!(PEER_BASELINES as readonly string[]).includes(kind)) throw new UsageError(`--import: expected one of ${PEER_BASELINES.join(", ")}, got "${kind}"`);
  if (args.positionals.length !== 1) {
    throw new UsageError(`--import ${kind}: expected one FILE, got ${args.positionals.length}`, { hint: `finta-guard baseline --import ${kind} ${kind === "gitleaks" ? "gitleaks-report.json" : ".secrets.baseline"}` });
  }
  const peerFile = args.positionals[0] as string;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(resolve(io.cwd, peerFile), "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InputError(`${peerFile}: cannot read ${kind} baseline: ${why}`, { cause: error });
  }
  const peer = kind === "gitleaks" ? parseGitleaksBaseline(value, peerFile) : parseDetectSecretsBaseline(value, peerFile);

  const root = findRepoRoot(io.cwd);
  const setup = (session.setup = await loadScanSetup(args, io, { useBaseline: false, pathBase: root }));
  const where = baselinePath(args, io, root);
  session.file = where.shown;
  const existing = existsSync(where.abs) ? readBaseline(where.abs, where.shown).entries : [];

  // The files the peer names, root-relative; a missing one cannot be converted.
  const relOf = (file: string) => relative(root, isAbsolute(file) ? file : resolve(root, file)).split(sep).join("/");
  const notConverted: string[] = [];
  const targets: Target[] = [];
  for (const rel of new Set(peer.map((e) => relOf(e.file)))) {
    const abs = resolve(root, rel);
    if (rel.startsWith("../") || !existsSync(abs) || !statSync(abs).isFile()) continue;
    targets.push({ kind: "file", path: rel, absPath: abs });
  }
  const candidates = new Map<string, Candidate[]>();
  const result = await scanTargets(targets, {
    rules: setup.rules,
    jobs: resolveJobs(args),
    redact: true,
    ...(setup.filter ? { filter: setup.filter } : {}),
    ...(setup.fileTimeoutMs !== undefined ? { fileTimeoutMs: setup.fileTimeoutMs } : {}),
    // The raw secret is compared (or hashed) here and dropped with the callback.
    onReported: (finding, raw) => {
      const list = candidates.get(finding.file) ?? [];
      list.push({ finding, secret: raw.secret, sha1: createHash("sha1").update(raw.secret).digest("hex") });
      candidates.set(finding.file, list);
    },
  });
  if (result.errors.length) {
    for (const error of result.errors) io.stderr(`finta-guard: ${error.file}: ${error.message}\n`);
    return { code: ExitCode.error, metadata: baselineMetadata(where.shown, result) };
  }

  const entries = new Map(existing.map((e) => [e.fingerprint, e] as const));
  const added: BaselineEntry[] = [];
  let converted = 0;
  const reason = args.values.reason ?? `imported from ${kind} baseline`;
  for (const entry of peer) {
    const rel = relOf(entry.file);
    const at = `${entry.file}${entry.line !== undefined ? `:${entry.line}` : ""} (${entry.label})`;
    if (!targets.some((t) => t.path === rel)) {
      notConverted.push(`${at}: the file is not in this repository`);
      continue;
    }
    const hit = matchPeerEntry(entry, candidates.get(rel) ?? []);
    if (!hit) {
      notConverted.push(`${at}: no finta-guard finding ${entry.secret !== undefined || entry.match !== undefined || entry.sha1 !== undefined ? "is that secret" : "is on that line"} (not a secret finta-guard detects, or already allowed)`);
      continue;
    }
    converted++;
    const f = hit.finding;
    if (entries.has(f.fingerprint)) continue;
    const made: BaselineEntry = { ruleId: f.ruleId, file: f.file, fingerprint: f.fingerprint, hint: f.secret, reason };
    entries.set(f.fingerprint, made);
    added.push(made);
  }
  writeBaseline({ absPath: where.abs, shown: where.shown, root, fromRepository: !where.explicit }, { entries: [...entries.values()] });
  io.stdout(`finta-guard: converted ${converted} of ${peer.length} ${kind} ${peer.length === 1 ? "entry" : "entries"} into ${where.shown} (${added.length} new); commit it: git add ${where.shown}\n`);
  // The peer's file names its paths and labels: escaped before they reach a terminal.
  for (const line of notConverted) io.stderr(`finta-guard: not converted: ${escapeControls(line)}\n`);
  return { code: ExitCode.clean, metadata: baselineMetadata(where.shown, result, { entries: entries.size, added, pruned: [] }) };
}
