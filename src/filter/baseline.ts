/**
 * The baseline file (`.finta-guard-baseline.json`): findings a team has
 * accepted, one entry per finding (rule id, file, fingerprint, redacted hint,
 * optional reason and expiry date), never the secret. Written sorted with a
 * fixed key order and one entry per line group, so a diff shows exactly the
 * entries added or removed. Reading is strict: a malformed or stale file is a
 * one-line error, never an empty baseline (that would silently stop hiding, or
 * worse, look like it works).
 *
 * Fingerprint versions: a file records the version its entries were written
 * with (`fingerprintVersion`). Version 1 files (fast SHA-256 fingerprints,
 * before findings/fingerprint.ts v2) are still read and honoured: their
 * entries are marked legacy and matched with the v1 derivation.
 * `finta-guard baseline` rewrites every legacy entry it finds again as v2; an
 * entry it cannot find (its secret is gone from the scanned files) stays
 * legacy, written with `"fingerprintVersion": 1` of its own.
 */
import { readFileSync } from "node:fs";
import { InputError } from "../errors.js";
import { FINGERPRINT_VERSION, LEGACY_FINGERPRINT_VERSION } from "../findings/fingerprint.js";
import { MAX_SHOWN_CHARS, REDACTED } from "../findings/redact.js";
import { writeFileSafely } from "../report/safe-write.js";

export const DEFAULT_BASELINE_FILE = ".finta-guard-baseline.json";
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  readonly ruleId: string;
  /** Path relative to the repository root, `/`-separated. */
  readonly file: string;
  readonly fingerprint: string;
  /** The redacted secret, so a reviewer recognises the entry. */
  readonly hint: string;
  readonly reason?: string;
  /** `YYYY-MM-DD`: from that day on the entry no longer suppresses. */
  readonly expires?: string;
  /** Set (to 1) on an entry whose fingerprint uses the legacy v1 derivation. */
  readonly fingerprintVersion?: typeof LEGACY_FINGERPRINT_VERSION;
}

/** The fingerprint versions a baseline may have been written with. */
const READABLE_VERSIONS: readonly number[] = [LEGACY_FINGERPRINT_VERSION, FINGERPRINT_VERSION];

export interface Baseline {
  readonly entries: readonly BaselineEntry[];
}

const FINGERPRINT = /^[0-9a-f]{32}$/;
const RULE_ID = /^[a-z0-9][a-z0-9._-]*$/i;
/** A prefix (at most three 12-letter parts, as hints before v2 had), two characters and the marker; current hints are shorter. */
const MAX_HINT_CHARS = 3 * 13 + 2 + REDACTED.length;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isValidDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Parse and check a baseline's text; `file` names it in errors. */
export function parseBaseline(text: string, file: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new InputError(`${file}: malformed baseline: invalid JSON: ${(error as Error).message}`, { cause: error });
  }
  const bad = (where: string, problem: string) => new InputError(`${file}: malformed baseline: ${where}: ${problem}`);
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw bad("(top level)", "expected an object");
  const top = value as Record<string, unknown>;
  for (const key of Object.keys(top)) if (!["version", "fingerprintVersion", "entries"].includes(key)) throw bad(key, "unknown key");
  if (top.version !== BASELINE_VERSION) throw bad("version", `expected ${BASELINE_VERSION}, got ${JSON.stringify(top.version)}`);
  if (!READABLE_VERSIONS.includes(top.fingerprintVersion as number)) {
    throw new InputError(
      `${file}: stale baseline: written with fingerprint version ${JSON.stringify(top.fingerprintVersion)}, this finta-guard reads ${READABLE_VERSIONS.join(" and ")}; regenerate it with \`finta-guard baseline\``,
    );
  }
  const legacyFile = top.fingerprintVersion === LEGACY_FINGERPRINT_VERSION;
  if (!Array.isArray(top.entries)) throw bad("entries", "expected an array");
  const entries = top.entries.map((raw, i): BaselineEntry => {
    const at = `entries[${i}]`;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw bad(at, "expected an object");
    const e = raw as Record<string, unknown>;
    for (const key of Object.keys(e)) if (!["ruleId", "file", "fingerprint", "hint", "reason", "expires", "fingerprintVersion"].includes(key)) throw bad(`${at}.${key}`, "unknown key");
    if (e.fingerprintVersion !== undefined && e.fingerprintVersion !== LEGACY_FINGERPRINT_VERSION) throw bad(`${at}.fingerprintVersion`, `expected ${LEGACY_FINGERPRINT_VERSION} (a legacy entry) or no key`);
    for (const key of ["ruleId", "file", "fingerprint", "hint"] as const) {
      if (typeof e[key] !== "string" || e[key] === "") throw bad(`${at}.${key}`, "expected a non-empty string");
    }
    if (!RULE_ID.test(e.ruleId as string)) throw bad(`${at}.ruleId`, "expected a rule id");
    if (!FINGERPRINT.test(e.fingerprint as string)) throw bad(`${at}.fingerprint`, "expected 32 lower-case hex digits");
    // Hints are only ever redacted forms: the file then cannot carry a secret there.
    if (!(e.hint as string).endsWith(REDACTED) || (e.hint as string).length > MAX_HINT_CHARS) throw bad(`${at}.hint`, `expected a redacted hint ending in "${REDACTED}"`);
    if (e.reason !== undefined && typeof e.reason !== "string") throw bad(`${at}.reason`, "expected a string");
    if (e.expires !== undefined && (typeof e.expires !== "string" || !isValidDate(e.expires))) throw bad(`${at}.expires`, "expected a date YYYY-MM-DD");
    return {
      ruleId: e.ruleId as string,
      file: e.file as string,
      fingerprint: e.fingerprint as string,
      hint: e.hint as string,
      ...(e.reason !== undefined ? { reason: e.reason as string } : {}),
      ...(e.expires !== undefined ? { expires: e.expires as string } : {}),
      ...(legacyFile || e.fingerprintVersion !== undefined ? { fingerprintVersion: LEGACY_FINGERPRINT_VERSION } : {}),
    };
  });
  return { entries };
}

export function readBaseline(absPath: string, shown: string): Baseline {
  let text: string;
  try {
    text = readFileSync(absPath, "utf8");
  } catch (error) {
    throw new InputError(`${shown}: cannot read baseline: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  return parseBaseline(text, shown);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sortEntries(entries: readonly BaselineEntry[]): BaselineEntry[] {
  return [...entries].sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint));
}

/** Stable text: sorted entries, fixed key order, two-space indent, final newline. */
export function formatBaseline(baseline: Baseline): string {
  const entries = sortEntries(baseline.entries).map((e) => ({
    ruleId: e.ruleId,
    file: e.file,
    fingerprint: e.fingerprint,
    hint: e.hint,
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
    ...(e.expires !== undefined ? { expires: e.expires } : {}),
    ...(e.fingerprintVersion !== undefined ? { fingerprintVersion: e.fingerprintVersion } : {}),
  }));
  return JSON.stringify({ version: BASELINE_VERSION, fingerprintVersion: FINGERPRINT_VERSION, entries }, null, 2) + "\n";
}

export interface BaselineDestination {
  readonly absPath: string;
  /** As shown in messages. */
  readonly shown: string;
  /** The repository root: no folder between it and the file may be a link. */
  readonly root: string;
  /** The default file name (not `--baseline FILE`): confined to the repository, a regular file. */
  readonly fromRepository: boolean;
}

/** Writes the file, never through a link (a committed `.finta-guard-baseline.json` may be one). */
export function writeBaseline(dest: BaselineDestination, baseline: Baseline): void {
  writeFileSafely(
    { path: dest.absPath, root: dest.root, fromRepository: dest.fromRepository, describe: (why) => `${dest.shown}: cannot write baseline: ${why}` },
    formatBaseline(baseline),
  );
}

/** How many entries still use the legacy (v1) fingerprint derivation. */
export function legacyEntryCount(baseline: Baseline): number {
  return baseline.entries.filter((e) => e.fingerprintVersion !== undefined).length;
}

/**
 * A hint as redaction now makes it: the vendor prefix (if the hint starts
 * with it) and at most MAX_SHOWN_CHARS more. Older versions showed up to 17
 * characters of a generic secret; rewriting a baseline cuts them down.
 */
export function clipHint(hint: string, vendorPrefix: string): string {
  if (!hint.endsWith(REDACTED)) return hint;
  const visible = hint.slice(0, -REDACTED.length);
  const prefix = vendorPrefix !== "" && visible.startsWith(vendorPrefix) ? vendorPrefix : "";
  return prefix + visible.slice(prefix.length, prefix.length + MAX_SHOWN_CHARS) + REDACTED;
}

/** The entry has expired on `today` (YYYY-MM-DD, UTC): it suppresses nothing any more. */
export function isExpired(entry: BaselineEntry, today: string): boolean {
  return entry.expires !== undefined && entry.expires <= today;
}
