/**
 * The audit log on disk: where it is (`--audit-log FILE`, else `auditLog` of
 * the configuration), who is running (git's user.email), which repository
 * and ref, and the atomic append of one record per run.
 *
 * Atomic append: the file is opened with O_APPEND and the whole line goes out
 * in one write(2). With O_APPEND the kernel moves to the end and writes under
 * the file's lock in one step, so lines written by concurrent runs (several
 * hooks at once) never interleave, whatever their length (PIPE_BUF is a pipe
 * limit, not a file one). A short write (disk full) is an error, not a retry:
 * a retried tail could land after another process's line.
 *
 * An unwritable log is an InputError (exit 2): a run that should leave a
 * trace and cannot must not pass silently.
 */
import { resolve } from "node:path";
import { findRepoRoot } from "../config/load.js";
import { repositoryPathProblem } from "../config/repo-path.js";
import { ConfigError, InputError } from "../errors.js";
import type { Severity } from "../findings/severity.js";
import type { ScanResult } from "../findings/types.js";
import type { AuditAction, AuditRecord, AuditRecordBase } from "../report/audit-record.js";
import { buildAuditRecord, buildScanAuditRecord, scanAction, serializeAuditRecord, shortErrorMessage } from "../report/audit-record.js";
import { appendFileSafely } from "../report/safe-write.js";
import type { ScanMode } from "../report/types.js";
import type { CliArgs } from "./args.js";
import { collectAuditIdentity } from "./git-facts.js";
import type { CliIo } from "./io.js";
import { toolVersion } from "./version.js";

/** Where the log goes, and whether the repository (its configuration) chose it. */
export interface AuditLogPath {
  readonly path: string;
  /** From `auditLog` of the configuration: confined to the repository, regular file only. */
  readonly fromRepository: boolean;
}

/**
 * The log's absolute path, or undefined when none is asked for. The flag is
 * relative to the current directory and may point anywhere; the
 * configuration's value is relative to the repository root (`configDir`, by
 * default the current directory) and must stay inside it (ConfigError, exit
 * 2, otherwise: the configuration is part of the untrusted repository).
 */
export function resolveAuditLogPath(flag: string | undefined, configured: string | undefined, cwd: string, configDir = cwd): AuditLogPath | undefined {
  if (flag !== undefined && flag !== "") return { path: resolve(cwd, flag), fromRepository: false };
  if (configured === undefined || configured === "") return undefined;
  const problem = repositoryPathProblem(configured);
  if (problem !== undefined) throw new ConfigError("configuration", "auditLog", problem);
  return { path: resolve(configDir, configured), fromRepository: true };
}

export interface AppendOptions {
  /** The repository root: no folder between it and the log may be a link. */
  readonly root?: string;
  readonly fromRepository?: boolean;
}

/**
 * Append one line to `path` in a single O_APPEND write; creates the file
 * (0600) and its folders, never through a link (report/safe-write.ts).
 */
export function appendAuditLine(path: string, line: string, label = path, options: AppendOptions = {}): void {
  if (!line.endsWith("\n") || line.indexOf("\n") !== line.length - 1) {
    throw new InputError(`audit log ${label}: a record must be exactly one line`);
  }
  appendFileSafely(
    {
      path,
      ...(options.root !== undefined ? { root: options.root } : {}),
      ...(options.fromRepository ? { fromRepository: true } : {}),
      createFolders: true,
      fileMode: 0o600,
      describe: (why) => `audit log ${label}: cannot write (${why})`,
    },
    line,
  );
}

export function writeAuditRecord(path: string, record: AuditRecord, label?: string, options: AppendOptions = {}): void {
  appendAuditLine(path, serializeAuditRecord(record), label, options);
}

/** `auditLog` of the loaded configuration, read without depending on the setup's shape. */
export function configuredAuditLog(setup: object): string | undefined {
  const value = (setup as { auditLog?: unknown }).auditLog;
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * The audit log of one run of any command (scan, audit, baseline), or
 * undefined when none is asked for. The clock starts here; `record` gathers
 * the identity, builds the line with `build` and appends it, once (later calls
 * do nothing). A configured path is relative to the repository root (where
 * the configuration lives), the flag's to the current directory.
 */
export interface RunAuditLog<A extends unknown[]> {
  record(exitCode: number, ...details: A): Promise<void>;
}

export type RecordBuilder<A extends unknown[]> = (base: AuditRecordBase, ...details: A) => AuditRecord;

/**
 * The audit log of a command that reads its configuration after the run
 * started (audit, baseline): a run that fails before or while reading it is
 * still logged when --audit-log names the file. `configured` (the
 * configuration's `auditLog`, once known) is asked when the record is
 * written; with neither it and no flag, `record` does nothing.
 */
export function startAuditLogBeforeConfig<A extends unknown[]>(
  args: CliArgs,
  io: CliIo,
  options: { readonly action: AuditAction; readonly configured: () => string | undefined; readonly build: RecordBuilder<A> },
): RunAuditLog<A> {
  const flag = args.values["audit-log"];
  const started = performance.now();
  let done = false;
  return {
    async record(exitCode, ...details) {
      if (done) return;
      done = true;
      const configured = options.configured();
      if ((flag === undefined || flag === "") && (configured === undefined || configured === "")) return;
      const durationMs = Math.round(performance.now() - started);
      const identity = await collectAuditIdentity(io.cwd, io.env);
      const where = resolveAuditLogPath(flag, configured, io.cwd, identity.resource.path);
      if (where === undefined) return;
      const base: AuditRecordBase = { action: options.action, timestamp: new Date(), ...identity, toolVersion: toolVersion(), durationMs, exitCode };
      // The root spelled as the path is: git's (resolved) root for the configured
      // path, which is joined to it; the one found from cwd for the flag's.
      const root = where.fromRepository ? identity.resource.path : findRepoRoot(io.cwd);
      writeAuditRecord(where.path, options.build(base, ...details), flag || configured, { root, fromRepository: where.fromRepository });
    },
  };
}

/** For `audit` and `baseline`: a record whose metadata the command supplies (never a secret). */
export const withMetadata: RecordBuilder<[metadata?: Readonly<Record<string, unknown>>]> = (base, metadata) => buildAuditRecord(base, metadata);

/** The message of an error that stopped a run, for a record's `metadata.error`: one line, cut short. */
export function errorMetadata(error: unknown): { error: string } {
  return { error: shortErrorMessage(error instanceof Error ? error.message : String(error)) };
}

export type ScanAuditLog = RunAuditLog<[result?: ScanResult, error?: unknown]>;

/** The audit log of one scan: the result's counts and fingerprints, or the error that stopped it. */
/**
 * The scan's audit log, started before the configuration is read: a scan that
 * fails on a bad configuration is still logged when --audit-log names the
 * file. `setup` gives the loaded setup once there is one (for `auditLog`).
 */
export function startScanAudit(
  args: CliArgs,
  io: CliIo,
  options: { readonly mode: ScanMode; readonly failOn: Severity; readonly setup: () => object | undefined },
): ScanAuditLog {
  return startAuditLogBeforeConfig(args, io, {
    action: scanAction(options.mode),
    configured: () => {
      const setup = options.setup();
      return setup ? configuredAuditLog(setup) : undefined;
    },
    build: (base, result?: ScanResult, error?: unknown) => {
      const message = error instanceof Error ? error.message : error !== undefined ? String(error) : undefined;
      return buildScanAuditRecord({
        ...base,
        failOn: options.failOn,
        ...(result ? { scan: result } : {}),
        ...(message !== undefined ? { error: message } : {}),
      });
    },
  });
}
