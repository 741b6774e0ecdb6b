/**
 * How reports show a finding's verification (`scan --verify`), in one place
 * so text, GitHub, SARIF and JSON say the same thing. Metadata comes from the
 * provider's answer (the network): it was cleaned of control characters and
 * credentials when it was read (verify/metadata.ts).
 */
import type { Finding } from "../findings/types.js";
import { VERIFICATION_STATES, type Verification, type VerificationState } from "../verify/types.js";

/** What to do, by state: the remediation flow of docs/verify.md. */
const NEXT_STEP: Record<Verification["state"], string> = {
  live: "the key works: rotate it now (new key, update the secret store, then revoke this one), then remove it from history",
  revoked: "the API refuses this key: it no longer works; remove it from the code (and from history if it was pushed)",
  unknown: "could not tell whether the key works: treat it as live",
};

/** `live (HTTP 200; keyName: deploy, mode: live)` */
export function verificationText(v: Verification): string {
  const meta = v.metadata ? Object.entries(v.metadata).map(([k, value]) => `${k}: ${value}`) : [];
  return `${v.state} (${[v.reason, ...meta].join("; ")})`;
}

/** The line the text report prints under a verified finding. */
export function verificationLine(f: Finding): string | undefined {
  if (!f.verification) return undefined;
  return `       verified: ${verificationText(f.verification)}: ${NEXT_STEP[f.verification.state]}`;
}

/** JSON and SARIF `properties` field, present only for verified findings. */
export function verificationField(f: Finding): { verification?: Verification } {
  return f.verification ? { verification: { ...f.verification, ...(f.verification.metadata ? { metadata: { ...f.verification.metadata } } : {}) } } : {};
}

/** `verified: 1 live, 2 revoked, 0 unknown`, or undefined when nothing was verified. */
export function verificationSummary(findings: readonly Finding[]): string | undefined {
  if (!findings.some((f) => f.verification)) return undefined;
  const counts = countByState(findings);
  return `  verified: ${VERIFICATION_STATES.map((s) => `${counts[s]} ${s}`).join(", ")}`;
}

/** Findings per verification state (all three present), for summaries and the audit log. */
export function countByState(findings: readonly Finding[]): Record<VerificationState, number> {
  const counts = Object.fromEntries(VERIFICATION_STATES.map((s) => [s, 0])) as Record<VerificationState, number>;
  for (const f of findings) if (f.verification) counts[f.verification.state]++;
  return counts;
}
