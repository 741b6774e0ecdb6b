/**
 * Validates a parsed configuration and collects every problem (not just the
 * first), each with the dot path of its key: a team fixing its configuration
 * sees the whole list at once. The checks mirror config.schema.json, plus what
 * a schema cannot say: regexes compile, secretGroup exists, rule ids are known.
 */
import { SEVERITIES, isSeverity } from "../findings/severity.js";
import { configBaseUrlProblem } from "../verify/base-url.js";
import { parseDay } from "./date.js";
import { repositoryPathProblem } from "./repo-path.js";
import { quoteShort } from "../report/escape.js";
import type { RawConfig } from "./types.js";

export interface ConfigProblem {
  /** Dot path of the key, e.g. `rules[0].regex` or `override.finta-secret-key-test.severity`. */
  readonly path: string;
  readonly problem: string;
}

const REGEX_TARGETS = ["secret", "match", "line"] as const;
const RULE_ID = /^[a-z0-9][a-z0-9._-]*$/;

type Check = (value: unknown, path: string, out: ConfigProblem[]) => void;

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}

const expected = (what: string, value: unknown, path: string, out: ConfigProblem[]) =>
  out.push({ path, problem: `expected ${what}, got ${describe(value)}` });

const str: Check = (v, p, o) => void (typeof v !== "string" && expected("a string", v, p, o));
const nonEmptyStr: Check = (v, p, o) => {
  if (typeof v !== "string") expected("a string", v, p, o);
  else if (v.trim() === "") o.push({ path: p, problem: "must not be empty" });
};
const bool: Check = (v, p, o) => void (typeof v !== "boolean" && expected("true or false", v, p, o));
const num = (min: number, max: number, integer = false): Check => (v, p, o) => {
  if (typeof v !== "number" || !Number.isFinite(v) || (integer && !Number.isInteger(v))) expected(integer ? "an integer" : "a number", v, p, o);
  else if (v < min || v > max) o.push({ path: p, problem: `must be between ${min} and ${max}, got ${v}` });
};
const severity: Check = (v, p, o) => {
  if (!isSeverity(v)) o.push({ path: p, problem: `expected one of ${SEVERITIES.join(", ")}, got ${describe(v)}` });
};
const oneOf = (values: readonly string[]): Check => (v, p, o) => {
  if (typeof v !== "string" || !values.includes(v)) o.push({ path: p, problem: `expected one of ${values.join(", ")}, got ${describe(v)}` });
};

/**
 * Compiles the pattern; returns why it does not compile, or undefined. The
 * engine's message quotes the whole pattern, which may hold a key (a rule
 * written around a real token): the problem quotes at most 40 characters.
 */
export function regexProblem(source: string, flags: string): string | undefined {
  try {
    new RegExp(source, flags);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    // V8: "Invalid regular expression: /<source>/<flags>: <why>" (flags in its own order).
    const prefix = `Invalid regular expression: /${source}/`;
    const end = message.startsWith(prefix) ? message.indexOf(": ", prefix.length) : -1;
    const why = end >= 0 ? message.slice(end + 2) : message.split(source).join("…");
    return `invalid regex ${quoteShort(source)}: ${why}`;
  }
}

function regexCheck(flags = ""): Check {
  return (v, p, o) => {
    if (typeof v !== "string") { expected("a string", v, p, o); return; }
    if (v === "") { o.push({ path: p, problem: "must not be empty" }); return; }
    const problem = regexProblem(v, flags);
    if (problem) o.push({ path: p, problem });
  };
}

const arrayOf = (item: Check): Check => (v, p, o) => {
  if (!Array.isArray(v)) { expected("an array", v, p, o); return; }
  v.forEach((x, i) => item(x, `${p}[${i}]`, o));
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * An object with known keys; unknown keys and missing required ones are
 * problems. Keys are looked up as own properties only: `__proto__`,
 * `constructor` or `toString` in a file are unknown keys like any other,
 * never Object.prototype's members.
 */
function object(shape: Record<string, Check>, required: readonly string[] = []): Check {
  return (v, p, o) => {
    if (!isObject(v)) { expected("an object", v, p, o); return; }
    for (const key of required) if (!Object.hasOwn(v, key)) o.push({ path: p || "(top level)", problem: `missing required key "${key}"` });
    for (const [key, value] of Object.entries(v)) {
      const check = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (!check) o.push({ path: join(p, key), problem: "unknown key" });
      else check(value, join(p, key), o);
    }
  };
}

const allowlist = object({
  description: str,
  paths: arrayOf(nonEmptyStr),
  regexes: arrayOf(regexCheck("u")),
  regexTarget: oneOf(REGEX_TARGETS),
  stopwords: arrayOf(nonEmptyStr),
});

const FLAGS = /^[imsuv]*$/;

const rule: Check = (v, p, o) => {
  object(
    {
      id: (x, q, out) => {
        if (typeof x !== "string") { expected("a string", x, q, out); return; }
        if (!RULE_ID.test(x)) out.push({ path: q, problem: `rule ids are lower-case letters, digits, ".", "_" and "-", got ${JSON.stringify(x)}` });
      },
      description: str,
      severity,
      regex: str,
      flags: (x, q, out) => {
        if (typeof x !== "string") { expected("a string", x, q, out); return; }
        if (!FLAGS.test(x)) out.push({ path: q, problem: `only the flags i, m, s, u, v are allowed, got ${JSON.stringify(x)}` });
      },
      secretGroup: num(0, 99, true),
      keywords: arrayOf(nonEmptyStr),
      entropy: num(0, 8),
      multiline: bool,
      remediation: str,
      allowlist,
    },
    ["id", "severity", "regex"],
  )(v, p, o);
  if (!isObject(v) || typeof v.regex !== "string") return;
  const flags = typeof v.flags === "string" && FLAGS.test(v.flags) ? v.flags : "";
  const problem = v.regex === "" ? "must not be empty" : regexProblem(v.regex, "gd" + flags);
  if (problem) { o.push({ path: join(p, "regex"), problem }); return; }
  if (typeof v.secretGroup === "number" && Number.isInteger(v.secretGroup)) {
    // An alternation with the empty string always matches: count groups from a match of nothing.
    const groups = (new RegExp(`${v.regex}|`, flags).exec("")?.length ?? 1) - 1;
    if (v.secretGroup > groups) o.push({ path: join(p, "secretGroup"), problem: `the regex has ${groups} capture group${groups === 1 ? "" : "s"}, got ${v.secretGroup}` });
  }
};

const override = object({ severity, entropy: num(0, 8), entropyHex: num(0, 8), allowlist });

// The keys `finta-guard audit` reads (auditLog, keys, rotationDays) keep the
// audit's wording, which says what each value is for.

// The configuration is part of the repository, which is untrusted: the log
// it names must stay inside it (`--audit-log` on the command line may point anywhere).
const auditLog: Check = (v, p, o) => {
  if (typeof v !== "string") o.push({ path: p, problem: "must be a string (a file path)" });
  else if (v.trim() === "") o.push({ path: p, problem: "must not be empty" });
  else {
    const problem = repositoryPathProblem(v);
    if (problem !== undefined) o.push({ path: p, problem });
  }
};

const rotationDays: Check = (v, p, o) => {
  if (typeof v === "number" && Number.isInteger(v) && v < 1) o.push({ path: p, problem: `must be a positive whole number of days, got ${v}` });
  else num(1, 3650, true)(v, p, o);
};

const KEY_FIELDS: readonly string[] = ["name", "environment", "createdAt"];

/** Key metadata: every field a non-empty string, createdAt a real date (the audit counts ages from it). */
const keys: Check = (v, p, o) => {
  if (!Array.isArray(v)) { o.push({ path: p, problem: "must be an array of { name, environment, createdAt }" }); return; }
  v.forEach((entry: unknown, i) => {
    const at = `${p}[${i}]`;
    if (!isObject(entry)) { o.push({ path: at, problem: "must be an object" }); return; }
    for (const field of KEY_FIELDS) {
      const value = Object.hasOwn(entry, field) ? entry[field] : undefined;
      if (typeof value !== "string" || value.trim() === "") o.push({ path: `${at}.${field}`, problem: "must be a non-empty string" });
    }
    for (const field of Object.keys(entry)) if (!KEY_FIELDS.includes(field)) o.push({ path: `${at}.${field}`, problem: "unknown key" });
    const created = Object.hasOwn(entry, "createdAt") ? entry.createdAt : undefined;
    if (typeof created === "string" && created.trim() !== "" && parseDay(created) === undefined) {
      o.push({ path: `${at}.createdAt`, problem: `"${created}" is not a date (YYYY-MM-DD)` });
    }
  });
};

/**
 * `verify` (scan --verify): checked key by key with own-property lookups, so
 * a key named `constructor` or `__proto__` is an unknown key, not a match
 * for something inherited from Object.prototype.
 */
const VERIFY_KEYS: Readonly<Record<string, Check>> = {
  baseUrl: (v, p, o) => {
    if (typeof v !== "string") { expected("a string", v, p, o); return; }
    const problem = configBaseUrlProblem(v);
    if (problem) o.push({ path: p, problem: `${problem}, got ${JSON.stringify(v)}` });
  },
  timeoutMs: num(50, 60_000, true),
  budgetMs: num(100, 3_600_000, true),
  concurrency: num(1, 16, true),
};

const verify: Check = (v, p, o) => {
  if (!isObject(v)) { expected("an object", v, p, o); return; }
  for (const key of Object.keys(v)) {
    const check = Object.hasOwn(VERIFY_KEYS, key) ? VERIFY_KEYS[key] : undefined;
    if (check) check(v[key], join(p, key), o);
    else o.push({ path: join(p, key), problem: "unknown key" });
  }
};

const top = object({
  $schema: str,
  description: str,
  rules: arrayOf(rule),
  disable: arrayOf(str),
  override: (v, p, o) => {
    if (!isObject(v)) { expected("an object", v, p, o); return; }
    for (const [id, value] of Object.entries(v)) override(value, join(p, id), o);
  },
  allowlist,
  auditLog,
  keys,
  rotationDays,
  scanTimeoutMs: num(10, 600_000, true),
  verify,
});

/**
 * Every problem in `value`: shapes and values in document order, then rule
 * ids (which need every custom rule's id first). `knownRuleIds`: the built-in
 * rule ids; custom rule ids are added to them for `disable` and `override`.
 */
export function validateConfig(value: unknown, knownRuleIds: ReadonlySet<string>): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  top(value, "", out);
  if (!isObject(value)) return out;
  const known = new Set(knownRuleIds);
  const seen = new Set<string>();
  if (Array.isArray(value.rules)) {
    value.rules.forEach((r, i) => {
      if (!isObject(r) || typeof r.id !== "string") return;
      if (seen.has(r.id)) out.push({ path: `rules[${i}].id`, problem: `duplicate rule id "${r.id}"` });
      seen.add(r.id);
      known.add(r.id);
    });
  }
  if (Array.isArray(value.disable)) {
    value.disable.forEach((id, i) => {
      if (typeof id === "string" && !known.has(id)) out.push({ path: `disable[${i}]`, problem: `unknown rule id "${id}"` });
    });
  }
  if (isObject(value.override)) {
    for (const id of Object.keys(value.override)) {
      if (!known.has(id)) out.push({ path: `override.${id}`, problem: `unknown rule id "${id}"` });
    }
  }
  return out;
}

/** Narrowing after validation: only call when validateConfig returned no problem. */
export function asRawConfig(value: unknown): RawConfig {
  return value as RawConfig;
}
