/**
 * RawFinding (raw secret) → Finding (redacted). The only place that sees a
 * raw secret next to a report record: it fingerprints the raw value, then
 * redacts it in the secret field and in the line snippet.
 */
import { fingerprint } from "./fingerprint.js";
import { redactIn, redactSecret } from "./redact.js";
import type { Finding, RawFinding } from "./types.js";

export interface BuildOptions {
  /** `--no-redact`: keep the secret in full (never the default). */
  readonly redact: boolean;
  readonly commit?: string;
  readonly author?: string;
  readonly date?: string;
  readonly blocking?: boolean;
}

export function buildFinding(raw: RawFinding, file: string, options: BuildOptions): Finding {
  const finding: Finding = {
    ruleId: raw.ruleId,
    severity: raw.severity,
    file,
    line: raw.line,
    column: raw.column,
    endLine: raw.endLine,
    endColumn: raw.endColumn,
    secret: options.redact ? redactSecret(raw.secret) : raw.secret,
    fingerprint: fingerprint(raw.ruleId, file, raw.secret),
    lineText: options.redact ? redactIn(raw.lineText, raw.secret) : raw.lineText,
    lineOffset: raw.lineOffset,
    entropy: Math.round(raw.entropy * 1000) / 1000,
    ...(raw.encoding !== undefined ? { encoding: raw.encoding } : {}),
    ...(raw.publicExample !== undefined ? { publicExample: raw.publicExample } : {}),
    ...(options.commit !== undefined ? { commit: options.commit } : {}),
    ...(options.author !== undefined ? { author: options.author } : {}),
    ...(options.date !== undefined ? { date: options.date } : {}),
    ...(options.blocking !== undefined ? { blocking: options.blocking } : {}),
  };
  return finding;
}
