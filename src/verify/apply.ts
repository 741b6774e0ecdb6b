/**
 * Between the scan and the report: collects the raw keys of reported
 * findings that a verifier answers for (the scan drops raw secrets once a
 * finding is built, so they are caught as each finding is accepted), checks
 * them (run.ts), and writes the outcome onto the findings. A live key is
 * `critical` whatever its rule says: it works, now.
 *
 * Suppressed findings never reach the collector: the scan calls it only for
 * findings it reports.
 */
import type { Finding, RawFinding, ScanResult } from "../findings/types.js";
import { verifierFor } from "./providers.js";
import { jobKey, runVerification, type RunOptions, type RunReport, type VerifyJob } from "./run.js";

/** Raw keys of the reported findings, by fingerprint; held in memory only, for the run. */
export class SecretCollector {
  private readonly secrets = new Map<string, string>();

  /** Called by the scan for each finding it reports (never for suppressed ones). */
  collect(finding: Finding, raw: RawFinding): void {
    if (verifierFor(finding.ruleId)) this.secrets.set(finding.fingerprint, raw.secret);
  }

  secretOf(finding: Finding): string | undefined {
    return this.secrets.get(finding.fingerprint);
  }
}

export interface VerifiedScan {
  readonly result: ScanResult;
  readonly run: RunReport;
}

export async function verifyFindings(result: ScanResult, secrets: SecretCollector, options: RunOptions): Promise<VerifiedScan> {
  const jobs: VerifyJob[] = [];
  for (const finding of result.findings) {
    const verifier = verifierFor(finding.ruleId);
    const secret = secrets.secretOf(finding);
    if (verifier && secret !== undefined) jobs.push({ verifier, secret });
  }
  const run = await runVerification(jobs, options);
  const findings = result.findings.map((finding): Finding => {
    const verifier = verifierFor(finding.ruleId);
    const secret = secrets.secretOf(finding);
    const verification = verifier && secret !== undefined ? run.results.get(jobKey(verifier, secret)) : undefined;
    if (!verification) return finding;
    return { ...finding, ...(verification.state === "live" ? { severity: "critical" as const } : {}), verification };
  });
  return { result: { ...result, findings }, run };
}

/** `--only-live`: the findings whose key was verified live. */
export function keepOnlyLive(result: ScanResult): ScanResult {
  return { ...result, findings: result.findings.filter((f) => f.verification?.state === "live") };
}
