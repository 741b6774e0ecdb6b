/**
 * The part of `finta-guard.config.json` the audit reads: `auditLog`, `keys`
 * (metadata only: name, environment, createdAt) and `rotationDays`, each with
 * the line it is written on, so evidence can point at it.
 *
 * The file is found, read and validated by `src/config/` exactly as `scan`
 * and `baseline` do it (config.schema.json's checks, every problem a
 * ConfigError, exit 2): a configuration the scan rejects, the audit rejects
 * too, and the reverse. This module only picks its fields out of the
 * validated values and adds their lines.
 */
import { resolve } from "node:path";
import { parseConfigText, readConfigFile } from "../config/load.js";
import type { RawConfig } from "../config/types.js";
import { builtinRules } from "../rules/index.js";
import { jsonValueLines } from "./json-lines.js";

export const DEFAULT_ROTATION_DAYS = 90;

export interface KeyMetadata {
  readonly name: string;
  readonly environment: string;
  /** As written (`YYYY-MM-DD` or an ISO timestamp). */
  readonly createdAt: string;
  /** Line of this entry in the configuration file. */
  readonly line: number;
}

export interface AuditConfig {
  /** Repository-relative (or absolute when outside it) path of the file read; undefined: no configuration. */
  readonly file?: string;
  readonly auditLog?: { readonly value: string; readonly line: number };
  readonly keys?: readonly KeyMetadata[];
  /** Line of the `keys` array, when present. */
  readonly keysLine?: number;
  readonly rotationDays: number;
}

export interface LoadAuditConfigOptions {
  readonly repoRoot: string;
  /** `--config FILE`, resolved against `cwd`; must exist. */
  readonly configPath?: string;
  readonly cwd?: string;
}

export function loadAuditConfig(options: LoadAuditConfigOptions): AuditConfig {
  // Found from the root, so the file is named relative to it, as evidence paths are.
  const found = readConfigFile({
    cwd: options.repoRoot,
    ...(options.configPath !== undefined ? { configPath: resolve(options.cwd ?? options.repoRoot, options.configPath) } : {}),
  });
  if (found.text === undefined) return { rotationDays: DEFAULT_ROTATION_DAYS };
  const raw = parseConfigText(found.text, found.file, new Set(builtinRules.map((r) => r.id)));
  return auditFields(raw, found.file, jsonValueLines(found.text));
}

function auditFields(raw: RawConfig, file: string, lines: Map<string, number>): AuditConfig {
  const lineOf = (path: string): number => lines.get(path) ?? 1;
  return {
    file,
    ...(raw.auditLog !== undefined ? { auditLog: { value: raw.auditLog, line: lineOf("auditLog") } } : {}),
    ...(raw.keys !== undefined
      ? {
          keys: raw.keys.map((k, n) => ({ name: k.name, environment: k.environment, createdAt: k.createdAt, line: lineOf(`keys[${n}]`) })),
          keysLine: lineOf("keys"),
        }
      : {}),
    rotationDays: raw.rotationDays ?? DEFAULT_ROTATION_DAYS,
  };
}
