/**
 * The part of `finta-guard.config.json` the audit reads: `auditLog`, `keys`
 * (metadata only: name, environment, createdAt) and `rotationDays`, each with
 * the line it is written on. Full validation (unknown keys, rules) belongs to
 * `src/config/`; this reader checks only the fields it uses, and a wrong type
 * there is a ConfigError (exit 2), because an audit that silently ignored a
 * malformed key list would report "skip" for the wrong reason.
 */
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { ConfigError } from "../errors.js";
import { jsonValueLines } from "./json-lines.js";

export const DEFAULT_CONFIG_FILE = "finta-guard.config.json";
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

function toDisplay(absPath: string, repoRoot: string): string {
  const rel = relative(repoRoot, absPath);
  const shown = rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : absPath;
  return sep === "/" ? shown : shown.split(sep).join("/");
}

export function loadAuditConfig(options: LoadAuditConfigOptions): AuditConfig {
  const explicit = options.configPath !== undefined;
  const absPath = explicit
    ? resolve(options.cwd ?? options.repoRoot, options.configPath as string)
    : resolve(options.repoRoot, DEFAULT_CONFIG_FILE);
  if (!explicit && !existsSync(absPath)) return { rotationDays: DEFAULT_ROTATION_DAYS };
  const file = toDisplay(absPath, options.repoRoot);
  let text: string;
  try {
    text = readFileSync(absPath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(file, "", code === "ENOENT" ? "no such file" : `cannot read (${code ?? "error"})`, { cause: error });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ConfigError(file, "", `invalid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ConfigError(file, "", "must be a JSON object");
  return parseAuditFields(raw as Record<string, unknown>, file, jsonValueLines(text));
}

function parseAuditFields(raw: Record<string, unknown>, file: string, lines: Map<string, number>): AuditConfig {
  const lineOf = (path: string): number => lines.get(path) ?? 1;
  let auditLog: AuditConfig["auditLog"];
  if (raw.auditLog !== undefined) {
    if (typeof raw.auditLog !== "string") throw new ConfigError(file, "auditLog", "must be a string (a file path)");
    if (raw.auditLog.trim() !== "") auditLog = { value: raw.auditLog, line: lineOf("auditLog") };
  }
  let rotationDays = DEFAULT_ROTATION_DAYS;
  if (raw.rotationDays !== undefined) {
    if (typeof raw.rotationDays !== "number" || !Number.isInteger(raw.rotationDays) || raw.rotationDays < 1) {
      throw new ConfigError(file, "rotationDays", "must be a positive whole number of days");
    }
    rotationDays = raw.rotationDays;
  }
  const keys = raw.keys === undefined ? undefined : parseKeys(raw.keys, file, lineOf);
  return {
    file,
    ...(auditLog ? { auditLog } : {}),
    ...(keys ? { keys, keysLine: lineOf("keys") } : {}),
    rotationDays,
  };
}

function parseKeys(value: unknown, file: string, lineOf: (path: string) => number): KeyMetadata[] {
  if (!Array.isArray(value)) throw new ConfigError(file, "keys", "must be an array of { name, environment, createdAt }");
  return value.map((entry: unknown, n) => {
    const at = `keys[${n}]`;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) throw new ConfigError(file, at, "must be an object");
    const e = entry as Record<string, unknown>;
    for (const field of ["name", "environment", "createdAt"] as const) {
      if (typeof e[field] !== "string" || (e[field] as string).trim() === "") throw new ConfigError(file, `${at}.${field}`, "must be a non-empty string");
    }
    const createdAt = e.createdAt as string;
    if (parseDay(createdAt) === undefined) throw new ConfigError(file, `${at}.createdAt`, `"${createdAt}" is not a date (YYYY-MM-DD)`);
    return { name: e.name as string, environment: e.environment as string, createdAt, line: lineOf(at) };
  });
}

/** Milliseconds since the epoch of a `YYYY-MM-DD` date or ISO timestamp; undefined if it is neither. */
export function parseDay(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return undefined;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2026-02-30 over to March 2nd; a date that does not exist is a typo.
  return new Date(ms).toISOString().slice(0, 10) === value.slice(0, 10) || !/^\d{4}-\d{2}-\d{2}$/.test(value) ? ms : undefined;
}
