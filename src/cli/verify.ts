/**
 * `scan --verify` for the CLI: reads and checks the flags and settings before
 * the scan runs (a bad base URL fails the run, exit 2, before anything is
 * sent), hands the scan a collector for raw keys, and after the scan runs the
 * checks and says on stderr where keys were sent. Loaded only with --verify
 * (or a flag that needs it), so other runs, the pre-commit hook above all,
 * pay nothing and send nothing.
 */
import { ConfigError, UsageError } from "../errors.js";
import type { ScanResult } from "../findings/types.js";
import type { RawVerify } from "../config/types.js";
import { keepOnlyLive, SecretCollector, verifyFindings } from "../verify/apply.js";
import { baseUrlProblem, configBaseUrlProblem } from "../verify/base-url.js";
import { fintaVerifier } from "../verify/providers.js";
import type { RunOptions } from "../verify/run.js";
import type { CliArgs } from "./args.js";
import type { CliIo } from "./io.js";
import { toolVersion } from "./version.js";

export interface VerifySession {
  readonly collector: SecretCollector;
  readonly options: RunOptions;
  /** Where the base came from, for the stderr line. */
  readonly baseSource: string;
  readonly onlyLive: boolean;
}

function parseTimeout(raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 50 || n > 60_000) throw new UsageError(`--verify-timeout: expected a whole number of milliseconds from 50 to 60000, got "${raw}"`);
  return n;
}

/**
 * The run's settings: FINTA_API_BASE wins over `verify.baseUrl` of the
 * configuration, --verify-timeout over `verify.timeoutMs`.
 */
export function startVerify(args: CliArgs, io: CliIo, config: { readonly verify?: RawVerify; readonly configFile?: string }): VerifySession {
  const v = args.values;
  if (v.verify !== true) throw new UsageError(`--${v["only-live"] === true ? "only-live" : "verify-timeout"} needs --verify`);
  const timeoutMs = v["verify-timeout"] !== undefined ? parseTimeout(v["verify-timeout"]) : config.verify?.timeoutMs;
  const fromEnv = io.env[fintaVerifier.baseEnv];
  let base = fintaVerifier.defaultBase;
  let baseSource = "the default";
  if (fromEnv !== undefined && fromEnv !== "") {
    const problem = baseUrlProblem(fromEnv);
    if (problem) throw new UsageError(`${fintaVerifier.baseEnv}: ${problem}`);
    base = fromEnv;
    baseSource = fintaVerifier.baseEnv;
  } else if (config.verify?.baseUrl !== undefined) {
    // Validated when the configuration was read; checked again: keys go where this says.
    const problem = configBaseUrlProblem(config.verify.baseUrl);
    if (problem) throw new ConfigError(config.configFile ?? "configuration", "verify.baseUrl", problem);
    base = config.verify.baseUrl;
    baseSource = `verify.baseUrl in ${config.configFile ?? "the configuration"}`;
  }
  return {
    collector: new SecretCollector(),
    options: {
      bases: new Map([[fintaVerifier.id, base]]),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(config.verify?.budgetMs !== undefined ? { budgetMs: config.verify.budgetMs } : {}),
      ...(config.verify?.concurrency !== undefined ? { concurrency: config.verify.concurrency } : {}),
      userAgent: `finta-guard/${toolVersion()}`,
    },
    baseSource,
    onlyLive: v["only-live"] === true,
  };
}

/** Checks the collected keys, prints where they went (stderr), applies --only-live. */
export async function finishVerify(session: VerifySession, result: ScanResult, io: CliIo): Promise<ScanResult> {
  const { result: verified, run } = await verifyFindings(result, session.collector, session.options);
  const notSent = run.notSent ? `; ${run.notSent} not verifiable, not sent` : "";
  if (run.sentTo.size === 0) io.stderr(`finta-guard: --verify: no key sent${notSent}\n`);
  for (const [url, count] of run.sentTo) {
    io.stderr(`finta-guard: --verify: sent ${count} distinct key${count === 1 ? "" : "s"} to ${url} (base from ${session.baseSource})${notSent}\n`);
  }
  return session.onlyLive ? keepOnlyLive(verified) : verified;
}
