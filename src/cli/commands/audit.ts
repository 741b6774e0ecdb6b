/**
 * `finta-guard audit`: runs the Finta security checklist on the repository
 * that holds `cwd` and prints it as text, JSON or SARIF (to stdout or
 * --output FILE). Exit 1 when any check failed, 0 otherwise (warnings and
 * skips do not fail), 2 (a thrown FintaGuardError) when the audit could not
 * be done: not a git repository, bad configuration, unreadable files.
 *
 * With --audit-log FILE (or `auditLog` in the configuration) every run,
 * including one that could not be done, appends a `finta-guard.audit` record.
 */
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { loadAuditConfig, type AuditConfig } from "../../audit/audit-config.js";
import { formatAuditJson } from "../../audit/format-json.js";
import { formatAuditSarif } from "../../audit/format-sarif.js";
import { formatAuditText } from "../../audit/format-text.js";
import { findRepoRoot } from "../../audit/git.js";
import { runAudit, type AuditReport } from "../../audit/index.js";
import { auditLogMetadata } from "../../audit/log-metadata.js";
import { writeFileSafely } from "../../report/safe-write.js";
import { findRepoRoot as findConfigRoot } from "../../config/load.js";
import { InputError, UsageError } from "../../errors.js";
import type { FindingFilter } from "../../filter/types.js";
import type { RuleSpec } from "../../rules/types.js";
import { loadScanSetup } from "../scan-setup.js";
import type { GitEnv } from "../../git/exec.js";
import type { CliArgs } from "../args.js";
import { errorMetadata, startAuditLogBeforeConfig, withMetadata } from "../audit-log.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { toolVersion } from "../version.js";

export const AUDIT_FORMATS = ["text", "json", "sarif"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface AuditCommandArgs {
  readonly format: AuditFormat;
  readonly output?: string;
  readonly config?: string;
  readonly cwd: string;
  /** git's environment (default: the process's). */
  readonly env?: GitEnv;
  /** Worker threads for the credential scan (default 1). */
  readonly jobs?: number;
  /** "Today" for key ages (default: now); for tests and reproducible reports. */
  readonly now?: Date;
  /** The configured finding filters (allowlists, `.finta-guardignore`, inline allow, baseline) for the credential scan: the scan's own. */
  readonly scanFilter?: FindingFilter;
  /** The rules in force after the configuration (the scan's own). */
  readonly scanRules?: readonly RuleSpec[];
}

export interface AuditCommandIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

/** What a run has got to, for the audit log: the configuration once read, the report once made. */
export interface AuditSession {
  config?: AuditConfig;
  report?: AuditReport;
}

export async function auditCommand(args: AuditCommandArgs, io: AuditCommandIo, session: AuditSession = {}): Promise<number> {
  const repoRoot = await findRepoRoot(args.cwd, args.env);
  const config = (session.config = loadAuditConfig({
    repoRoot,
    cwd: args.cwd,
    ...(args.config !== undefined ? { configPath: args.config } : {}),
  }));
  const report = (session.report = await runAudit(repoRoot, {
    config,
    ...(args.env !== undefined ? { env: args.env } : {}),
    ...(args.now !== undefined ? { now: args.now } : {}),
    scan: { jobs: args.jobs ?? 1, ...(args.scanFilter ? { filter: args.scanFilter } : {}), ...(args.scanRules ? { rules: args.scanRules } : {}) },
  }));
  const context = { toolVersion: toolVersion() };
  const text =
    args.format === "json" ? formatAuditJson(report, context) : args.format === "sarif" ? formatAuditSarif(report, context) : formatAuditText(report);
  if (args.output === undefined || args.output === "-") {
    io.stdout(text);
  } else {
    const output = args.output;
    // Never through a link the repository commits (report/safe-write.ts).
    // The root as found from cwd, spelled as the path is (git's is resolved through links).
    writeFileSafely({ path: resolve(args.cwd, output), root: findConfigRoot(args.cwd), describe: (why) => `--output ${output}: cannot write (${why})` }, text);
  }
  return report.summary.fail > 0 ? ExitCode.findings : ExitCode.clean;
}

/** Adapter for cli/run.ts: validates the parsed options that apply to `audit`, and logs the run. */
export async function auditCommandFromArgs(args: CliArgs, io: CliIo): Promise<number> {
  const session: AuditSession = {};
  const log = startAuditLogBeforeConfig(args, io, { action: "finta-guard.audit", configured: () => session.config?.auditLog?.value, build: withMetadata });
  try {
    const request = auditArgs(args, io);
    // The credential check applies exactly what `finta-guard scan` applies:
    // the same loader builds the rules and filters (paths relative to the root).
    const setup = await loadScanSetup(args, io, { pathBase: await findRepoRoot(io.cwd, io.env) });
    const code = await auditCommand({ ...request, ...(setup.filter ? { scanFilter: setup.filter } : {}), scanRules: setup.rules }, io, session);
    await log.record(code, session.report ? auditLogMetadata(session.report) : {});
    return code;
  } catch (error) {
    // The audit could not be done (exit 2): that is logged too, with what it got to.
    await log.record(ExitCode.error, { ...(session.report ? auditLogMetadata(session.report) : {}), ...errorMetadata(error) });
    throw error;
  }
}

function auditArgs(args: CliArgs, io: CliIo): AuditCommandArgs {
  if (args.positionals.length > 0) throw new UsageError(`audit takes no paths (got "${args.positionals[0]}"); run it inside the repository`);
  const format = args.values.format ?? "text";
  if (!(AUDIT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${format}: audit supports ${AUDIT_FORMATS.join(", ")}`);
  }
  let jobs = availableParallelism();
  if (args.values.jobs !== undefined) {
    jobs = Number(args.values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs ${args.values.jobs}: expected a positive whole number`);
  }
  return {
    format: format as AuditFormat,
    cwd: io.cwd,
    env: io.env,
    jobs,
    ...(args.values.output !== undefined ? { output: args.values.output } : {}),
    ...(args.values.config !== undefined ? { config: args.values.config } : {}),
  };
}
