/**
 * What counts as an env file and how one is read. An env file is `.env`,
 * `.env.<anything>` or `<name>.env` (the names dotenv, Vite, Next.js and
 * docker compose load); templates (`.env.example`, `.env.sample`,
 * `.env.template`) are meant to be committed and may hold placeholders only.
 */
import { isPlaceholder } from "../detect/placeholder.js";

export const ENV_TEMPLATE_SUFFIXES = ["example", "sample", "template"] as const;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

// `.env.d.ts` (Vite's typings), `.env.ts` (a loader module) and friends are code, not env files.
const CODE_NAME = /\.(?:[cm]?[jt]sx?|d\.[cm]?ts|py|rb|go|php|java|kt|rs|md|sh)$/i;

export function isEnvFile(path: string): boolean {
  const name = baseName(path);
  if (CODE_NAME.test(name)) return false;
  return name === ".env" || name.startsWith(".env.") || (name.endsWith(".env") && name.length > 4);
}

export function isEnvTemplate(path: string): boolean {
  const name = baseName(path);
  return isEnvFile(path) && ENV_TEMPLATE_SUFFIXES.some((s) => name === `.env.${s}` || name.endsWith(`.${s}`) || name.startsWith(`.env.${s}.`));
}

export interface EnvAssignment {
  readonly key: string;
  /** The value without quotes or a trailing comment. */
  readonly value: string;
  /** 1-based line. */
  readonly line: number;
}

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]\s*(.*)$/;

/** `KEY=value` lines (dotenv syntax: optional `export`, quotes, `#` comments). */
export function parseEnvAssignments(text: string): EnvAssignment[] {
  const out: EnvAssignment[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (/^\s*#/.test(raw)) return;
    const m = ASSIGNMENT.exec(raw);
    if (!m) return;
    let value = (m[2] ?? "").trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === "`") && value.indexOf(quote, 1) > 0) {
      value = value.slice(1, value.indexOf(quote, 1));
    } else {
      // An unquoted value ends at ` #` (dotenv's inline comment).
      value = value.replace(/\s+#.*$/, "").trim();
    }
    out.push({ key: m[1] ?? "", value, line: i + 1 });
  });
  return out;
}

/**
 * Does this value say nothing real: empty, a placeholder (`changeme`,
 * `<your key>`, `sk_live_xxx…`) or a reference to another variable (`${X}`)?
 */
export function isEmptyOrPlaceholder(value: string): boolean {
  if (value === "") return true;
  if (isPlaceholder(value)) return true;
  const lower = value.toLowerCase();
  return /^(?:x+|-+|\*+|\.+|none|null|nil|todo|tbd|changeme|secret|password|example|test|default)$/.test(lower) || /^\$[A-Za-z_{]/.test(value);
}

/** Names that hold credentials by convention. */
export const SECRET_NAME = /(?:KEY|SECRET|TOKEN|PASSWORD|PASSWD|PWD|CREDENTIALS?|PRIVATE)$/i;
