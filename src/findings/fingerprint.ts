/**
 * Fingerprints: a stable id per (rule, file, secret), independent of the line
 * the secret sits on, so baselines survive code moving around a file. The
 * same secret in another file is a new fingerprint. The value is a hash: it
 * never contains the secret, and a 128-bit prefix of SHA-256 over a value of
 * 16+ random characters does not help anyone guess it.
 */
import { createHash } from "node:crypto";

/** Bump when the derivation changes; old baselines then report as stale. */
export const FINGERPRINT_VERSION = 1;

export function fingerprint(ruleId: string, file: string, rawSecret: string): string {
  const digest = createHash("sha256").update(`v${FINGERPRINT_VERSION}\0${ruleId}\0${file}\0${rawSecret}`).digest("hex");
  // Opaque hex, not `rule:file:…`: a report or baseline holding fingerprints
  // must not itself look like `secret-key: value` to this or any scanner.
  return digest.slice(0, 32);
}

/** Fingerprint of a secret's value alone: compares values across files without keeping them. */
export function valueFingerprint(rawSecret: string): string {
  return createHash("sha256").update(`v${FINGERPRINT_VERSION}\0value\0${rawSecret}`).digest("hex").slice(0, 16);
}
