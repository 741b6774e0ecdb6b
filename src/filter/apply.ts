/**
 * Composes the suppression mechanisms into the one FindingFilter a scan
 * uses, in this order: path allowlists (global, then the finding's rule),
 * content allowlists (regexes, stopwords), inline allow comments, baseline.
 * Allowlists come first so that an inline allow or baseline entry made
 * redundant by an allowlist shows up as unused. It also records which inline
 * allows and baseline entries did suppress something, for `--report-unused`.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import { legacyFingerprint } from "../findings/fingerprint.js";
import type { Finding, RawFinding } from "../findings/types.js";
import { isExpired, type Baseline, type BaselineEntry } from "./baseline.js";
import { ContentAllowlist, type ContentAllowlistSpec } from "./content.js";
import { findAllowComments, inlineAllowFor, type AllowComment } from "./inline.js";
import { PathMatcher } from "./paths.js";
import type { FindingFilter, Suppression } from "./types.js";

export interface AllowlistSpec extends ContentAllowlistSpec {
  readonly paths?: readonly string[];
  /** Where it comes from (`.finta-guardignore`, `<config> allowlist.paths`), to report the paths it skipped. */
  readonly source?: string;
}

export interface FilterOptions {
  /** Repository root: path allowlists and baseline files are relative to it. */
  readonly root: string;
  /** The folder relative paths in findings are relative to (cwd for tree scans, the root for staged and history scans). */
  readonly pathBase: string;
  readonly global?: readonly AllowlistSpec[];
  readonly perRule?: ReadonlyMap<string, readonly AllowlistSpec[]>;
  /** Honour `finta-guard:allow` comments (false with `--no-inline-allow`). */
  readonly inline: boolean;
  readonly baseline?: Baseline;
  /** Today, `YYYY-MM-DD` (UTC): baseline entries expiring on or before it no longer suppress. */
  readonly today: string;
  /** Root-relative paths of the tool's own files that need no scan (a checked baseline). */
  readonly exemptFiles?: readonly string[];
}

interface Allowlist {
  readonly paths: PathMatcher;
  readonly content: ContentAllowlist;
  readonly source?: string;
}

function compileAllowlists(specs: readonly AllowlistSpec[] | undefined): Allowlist[] {
  return (specs ?? []).map((s) => ({ paths: new PathMatcher(s.paths ?? []), content: new ContentAllowlist(s), ...(s.source !== undefined ? { source: s.source } : {}) }));
}

export interface UnusedInlineAllow {
  readonly file: string;
  readonly line: number;
  readonly comment: AllowComment;
}

export class ConfiguredFilter implements FindingFilter {
  readonly #options: FilterOptions;
  readonly #global: readonly Allowlist[];
  readonly #perRule: ReadonlyMap<string, readonly Allowlist[]>;
  /** Current (v2) entries by fingerprint. */
  readonly #baseline = new Map<string, BaselineEntry>();
  /** Legacy (v1) entries by their v1 fingerprint. */
  readonly #legacyBaseline = new Map<string, BaselineEntry>();
  /** `ruleId\0file` of every entry: only a finding with such a pair can match, so only it needs its fingerprint. */
  readonly #baselinePlaces = new Set<string>();
  readonly #usedFingerprints = new Set<string>();
  /** `file:line` of inline allow comments that suppressed a finding. */
  readonly #usedComments = new Set<string>();
  /** Source → distinct paths its path patterns skipped (a history scan meets a path in many commits). */
  readonly #skipped = new Map<string, Set<string>>();
  #lastFile: string | undefined;
  #lastRel = "";

  constructor(options: FilterOptions) {
    this.#options = options;
    this.#global = compileAllowlists(options.global);
    this.#perRule = new Map([...(options.perRule ?? new Map<string, readonly AllowlistSpec[]>())].map(([id, specs]) => [id, compileAllowlists(specs)] as const));
    for (const entry of options.baseline?.entries ?? []) {
      (entry.fingerprintVersion !== undefined ? this.#legacyBaseline : this.#baseline).set(entry.fingerprint, entry);
      this.#baselinePlaces.add(`${entry.ruleId}\0${entry.file}`);
    }
  }

  /** `file` as a `/`-separated path relative to the repository root (`../…` when outside it). */
  rootRelative(file: string): string {
    // Findings arrive grouped by file: remember the last answer.
    if (file === this.#lastFile) return this.#lastRel;
    const abs = isAbsolute(file) ? file : resolve(this.#options.pathBase, file);
    this.#lastFile = file;
    this.#lastRel = relative(this.#options.root, abs).split(sep).join("/");
    return this.#lastRel;
  }

  exempts(file: string): boolean {
    return this.#options.exemptFiles?.includes(this.rootRelative(file)) ?? false;
  }

  skipsPath(file: string): boolean {
    const rel = this.rootRelative(file);
    const list = this.#global.find((a) => a.paths.match(rel) !== undefined);
    if (!list) return false;
    const source = list.source ?? "allowlist.paths";
    let paths = this.#skipped.get(source);
    if (!paths) this.#skipped.set(source, (paths = new Set()));
    paths.add(rel);
    return true;
  }

  /** How many distinct paths each global path allowlist (by source) skipped so far. */
  skippedPaths(): ReadonlyMap<string, number> {
    return new Map([...this.#skipped].map(([source, paths]) => [source, paths.size] as const));
  }

  check(finding: Finding, raw: RawFinding): Suppression | undefined {
    const rel = this.rootRelative(finding.file);
    const lists = [...this.#global, ...(this.#perRule.get(finding.ruleId) ?? [])];
    for (const list of lists) {
      const pattern = list.paths.match(rel);
      if (pattern !== undefined) return { kind: "path", by: pattern };
    }
    for (const list of lists) {
      const why = list.content.check(raw);
      if (why) return why;
    }
    if (this.#options.inline) {
      const allow = inlineAllowFor(finding.ruleId, raw.lineText, raw.prevLineText);
      if (allow) {
        const line = finding.line + allow.offset;
        this.#usedComments.add(`${rel}:${line}`);
        return { kind: "inline", by: `line ${line}: ${allow.comment.text}` };
      }
    }
    // Baseline entries are keyed on the identity path (repository-relative), whatever folder the scan started in.
    if (this.#baselinePlaces.has(`${finding.ruleId}\0${finding.repoPath}`)) {
      const current = this.#baseline.get(finding.fingerprint);
      const legacyFp = current ? undefined : this.#legacyBaseline.size ? legacyFingerprint(finding.ruleId, finding.repoPath, raw.secret) : undefined;
      const entry = current ?? (legacyFp !== undefined ? this.#legacyBaseline.get(legacyFp) : undefined);
      if (entry && !isExpired(entry, this.#options.today)) {
        this.#usedFingerprints.add(entry.fingerprint);
        return { kind: "baseline", by: entry.fingerprint };
      }
    }
    return undefined;
  }

  /** Baseline entries that suppressed nothing in this scan (expired ones included). */
  unusedBaselineEntries(): BaselineEntry[] {
    return (this.#options.baseline?.entries ?? []).filter((e) => !this.#usedFingerprints.has(e.fingerprint));
  }

  /** Allow comments in `text` (the file `file`) that suppressed nothing in this scan. */
  unusedInlineAllows(file: string, text: string): UnusedInlineAllow[] {
    if (!this.#options.inline) return [];
    const rel = this.rootRelative(file);
    return findAllowComments(text)
      .filter(({ line }) => !this.#usedComments.has(`${rel}:${line}`))
      .map(({ line, comment }) => ({ file, line, comment }));
  }
}

/** Today as `YYYY-MM-DD` in UTC. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
