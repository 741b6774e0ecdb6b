/**
 * The configuration file's shape: RawConfig is what a validated
 * `finta-guard.config.json` holds (every key optional), LoadedConfig adds
 * where it came from. Plain data; validate.ts is the only gate into it.
 */
import type { RegexTarget, Severity } from "../rules/types.js";

export const DEFAULT_CONFIG_FILE = "finta-guard.config.json";

export interface RawAllowlist {
  /** Free text: why this allowlist exists (JSON has no comments). */
  readonly description?: string;
  readonly paths?: readonly string[];
  readonly regexes?: readonly string[];
  readonly regexTarget?: RegexTarget;
  readonly stopwords?: readonly string[];
}

/** A custom rule: the same shape as a built-in RuleSpec, with defaults for the optional parts. */
export interface RawRule {
  readonly id: string;
  readonly description?: string;
  readonly severity: Severity;
  readonly regex: string;
  readonly flags?: string;
  readonly secretGroup?: number;
  readonly keywords?: readonly string[];
  readonly entropy?: number;
  readonly multiline?: boolean;
  readonly remediation?: string;
  readonly allowlist?: RawAllowlist;
}

export interface RawOverride {
  readonly severity?: Severity;
  readonly entropy?: number;
  readonly entropyHex?: number;
  /** A per-rule allowlist for a built-in rule. */
  readonly allowlist?: RawAllowlist;
}

export interface RawKeyMetadata {
  readonly name: string;
  readonly environment: string;
  readonly createdAt: string;
}

/** `verify`: where and how `scan --verify` checks keys (the flag alone turns it on). */
export interface RawVerify {
  /** Base URL of the Finta API (FINTA_API_BASE wins); https, or http to a loopback host. */
  readonly baseUrl?: string;
  /** Deadline of one request, ms (--verify-timeout wins). */
  readonly timeoutMs?: number;
  /** Time all checks of one run may take, ms. */
  readonly budgetMs?: number;
  /** Requests in flight at once. */
  readonly concurrency?: number;
}

export interface RawConfig {
  readonly $schema?: string;
  readonly description?: string;
  readonly rules?: readonly RawRule[];
  readonly disable?: readonly string[];
  readonly override?: Readonly<Record<string, RawOverride>>;
  readonly allowlist?: RawAllowlist;
  readonly auditLog?: string;
  readonly keys?: readonly RawKeyMetadata[];
  readonly rotationDays?: number;
  /** Per-file time limit (ms, per MiB of file) for scans with custom rules. */
  readonly scanTimeoutMs?: number;
  readonly verify?: RawVerify;
}

export interface LoadedConfig {
  /** The file as shown in messages (relative to cwd when under it); undefined: no file, defaults. */
  readonly file?: string;
  /** Repository root (the folder holding `.git`), or cwd outside a repository. */
  readonly root: string;
  readonly raw: RawConfig;
}
