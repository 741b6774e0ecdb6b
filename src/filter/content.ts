/**
 * Content allowlists: regexes matched against the secret, the whole match or
 * the line (`regexTarget`), and stopwords (case-insensitive substrings of the
 * secret). They see only the finding they are asked about, so one rule's
 * allowlist cannot quiet another rule's finding.
 */
import type { RawFinding } from "../findings/types.js";
import type { RegexTarget } from "../rules/types.js";
import type { Suppression } from "./types.js";
import { activity, configuredRegexLabel } from "../detect/activity.js";

export interface ContentAllowlistSpec {
  readonly regexes?: readonly string[];
  readonly regexTarget?: RegexTarget;
  readonly stopwords?: readonly string[];
}

export class ContentAllowlist {
  readonly #regexes: readonly RegExp[];
  /** `allowlist regex "…"` per regex: what a scan's deadline names if one hangs (scan/deadline.ts). */
  readonly #labels: readonly string[];
  readonly #target: RegexTarget;
  readonly #stopwords: readonly string[];

  constructor(spec: ContentAllowlistSpec) {
    // Sources were checked by config/validate.ts; `u` so that `\p{…}` works as users expect.
    this.#regexes = (spec.regexes ?? []).map((r) => new RegExp(r, "u"));
    this.#labels = (spec.regexes ?? []).map((r) => configuredRegexLabel("allowlist regex", r));
    this.#target = spec.regexTarget ?? "secret";
    this.#stopwords = (spec.stopwords ?? []).map((s) => s.toLowerCase());
  }

  get empty(): boolean {
    return this.#regexes.length === 0 && this.#stopwords.length === 0;
  }

  check(raw: RawFinding): Suppression | undefined {
    const subject = this.#target === "secret" ? raw.secret : this.#target === "match" ? raw.match : raw.lineText;
    const before = activity.what;
    try {
      for (let i = 0; i < this.#regexes.length; i++) {
        activity.what = this.#labels[i]!;
        const regex = this.#regexes[i]!;
        if (regex.test(subject)) return { kind: "regex", by: regex.source };
      }
    } finally {
      activity.what = before;
    }
    if (this.#stopwords.length) {
      const secret = raw.secret.toLowerCase();
      for (const word of this.#stopwords) if (secret.includes(word)) return { kind: "stopword", by: word };
    }
    return undefined;
  }
}
