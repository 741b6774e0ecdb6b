/**
 * How far from a keyword a rule's regex can read, worked out from the regex
 * source, so the engine runs each rule only on a tight region around its
 * keywords (see regions.ts) instead of a fixed 2 KiB either side.
 *
 * Two facts are needed, and both are proven from the pattern or not claimed:
 *
 * - `bound`: the sum of the longest thing every part of the pattern can
 *   match, counting lookarounds, `\b` and `\B` as if they consumed what they
 *   look at. Every character a match attempt reads lies within a span of that
 *   many characters around the match.
 * - `keywordInside`: every match holds one of the rule's keywords, inside the
 *   match or a positive lookaround (a literal run that every alternative must
 *   go through). Rules whose keywords are context instead (a vendor name on a
 *   nearby line, `requires`) do not have it.
 *
 * With both, a region of `bound` characters either side of each keyword sees
 * exactly what a whole-text scan sees (line anchors aside: see
 * `usesLineAnchors`). Anything unbounded (`*`, `+`, `{n,}`) or not understood
 * gives `undefined`, and the caller keeps its default reach: the analysis may
 * only ever be conservative.
 *
 * Lengths are in UTF-16 code units: with the `u` or `v` flag one "character"
 * may be a surrogate pair, so atoms count 2 there.
 */

/** What one piece of the pattern can do. */
interface Node {
  /** Longest stretch it reads; Infinity when unbounded. */
  readonly max: number;
  /** Longest stretch it consumes (lookarounds and `\b` consume nothing). */
  readonly span: number;
  /** Every match of it holds a keyword. */
  readonly keyword: boolean;
  /**
   * With `keyword`: at most how far after the node's start that keyword
   * begins. Undefined when the keyword may lie before the start (a lookbehind).
   */
  readonly lead?: number;
  /**
   * Every string it can match, lower-cased, when they are few (a literal, a
   * small class, an alternation of literals): `(?:MTA|MTE)[wxyz]` is 8 strings.
   */
  readonly strings?: readonly string[];
  /** A lookaround: reads text without consuming it, so it cannot continue a run of strings. */
  readonly lookaround?: boolean;
}

/** Past this many strings a piece counts as "anything" (the analysis stays cheap: it runs at start-up). */
const MAX_STRINGS = 4096;
/** A class with more characters than this counts as "anything". */
const MAX_CLASS_CHARS = 36;

/** Every concatenation of a string of `a` with one of `b`; undefined past MAX_STRINGS. */
function product(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (a.length * b.length > MAX_STRINGS) return undefined;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return out;
}

class Unsupported extends Error {}

class PatternReader {
  #at = 0;
  readonly #groupMax = new Map<string, number>();
  #groupCount = 0;
  /** Groups whose length is known, by number, for `\1`-style backreferences. */
  readonly #numbered: number[] = [];

  /** Keywords by length, for substring tests without a loop over every keyword. */
  readonly #byLength = new Map<number, Set<string>>();

  constructor(
    private readonly src: string,
    /** Lower-cased keywords. */
    keywords: readonly string[],
    /** Code units per character: 2 with the `u` or `v` flag. */
    private readonly atom: number,
    /** With the `v` flag classes nest (`[[a-z]--[aeiou]]`); otherwise `[` inside a class is literal. */
    private readonly nestedClasses: boolean,
  ) {
    for (const k of keywords) {
      let set = this.#byLength.get(k.length);
      if (!set) this.#byLength.set(k.length, (set = new Set()));
      set.add(k);
    }
  }

  /** Where the first keyword in `text` begins; -1 when it holds none. */
  #firstKeyword(text: string): number {
    let first = -1;
    for (const [length, set] of this.#byLength) {
      for (let i = 0; i + length <= text.length && (first < 0 || i < first); i++) {
        if (set.has(text.slice(i, i + length))) {
          first = i;
          break;
        }
      }
    }
    return first;
  }

  read(): Node {
    const node = this.#alternation();
    if (this.#at !== this.src.length) throw new Unsupported("unbalanced )");
    return node;
  }

  #alternation(): Node {
    const first = this.#sequence();
    let { max, span, keyword, lead } = first;
    let strings: string[] | undefined = first.strings ? [...first.strings] : undefined;
    while (this.src[this.#at] === "|") {
      this.#at++;
      const next = this.#sequence();
      max = Math.max(max, next.max);
      span = Math.max(span, next.span);
      keyword &&= next.keyword;
      lead = lead === undefined || next.lead === undefined ? undefined : Math.max(lead, next.lead);
      if (strings && next.strings && strings.length + next.strings.length <= MAX_STRINGS) strings.push(...next.strings);
      else strings = undefined;
    }
    return { max, span, keyword, ...(keyword && lead !== undefined ? { lead } : {}), ...(strings ? { strings } : {}) };
  }

  #sequence(): Node {
    let total = 0;
    // How much the nodes so far can consume: where the next node starts, at most.
    let offset = 0;
    let keyword = false;
    // The nearest a proof puts a keyword to the sequence's start (see Node.lead).
    let lead: number | undefined;
    const proven = (at: number | undefined) => {
      keyword = true;
      if (at !== undefined) lead = lead === undefined ? at : Math.min(lead, at);
    };
    // The strings the pattern can match from the last break up to here, when
    // few, and the offset where that run began.
    let run: string[] = [""];
    let runStart = 0;
    // Whether everything so far is such a run (then the whole sequence has a string set).
    let whole = true;
    const endRun = (nextStart: number) => {
      if (run.some((r) => r !== "")) {
        let latest = 0;
        for (const r of run) {
          const first = this.#firstKeyword(r);
          if (first < 0) {
            latest = -1;
            break;
          }
          latest = Math.max(latest, first);
        }
        if (latest >= 0) proven(runStart + latest);
      }
      run = [""];
      runStart = nextStart;
      whole = false;
    };
    while (this.#at < this.src.length && this.src[this.#at] !== "|" && this.src[this.#at] !== ")") {
      const node = this.#term();
      const { min, times } = this.#quantifier();
      const before = offset;
      total += node.max === 0 ? 0 : node.max * times;
      offset += node.span === 0 ? 0 : node.span * times;
      if (node.max === 0 && min >= 1 && !node.lookaround) continue; // ^ and $ do not break a run
      if (node.strings && times === 1 && min === 0) {
        // An optional piece (`[_-]?`): the run goes on with or without it.
        const extended = product(run, [...node.strings, ""]);
        if (extended) {
          if (run.length === 1 && run[0] === "") runStart = before;
          run = extended;
          continue;
        }
      }
      if (node.strings && min >= 1) {
        if (run.length === 1 && run[0] === "") runStart = before;
        // Its mandatory copies continue the run (`SK[0-9a-f]{32}` starts `sk` + two hex digits…), as far as the run stays small.
        for (let copy = 0; copy < min; copy++) {
          const extended = product(run, node.strings);
          if (extended) run = extended;
          else if (copy === 0) {
            endRun(before);
            run = [...node.strings];
          } else break;
        }
        // Exactly once: the run goes on; otherwise what follows the mandatory copies is unknown.
        if (min === 1 && times === 1) continue;
      }
      endRun(offset);
      if (min >= 1 && node.keyword) proven(node.lead === undefined ? undefined : before + node.lead);
    }
    const strings = whole ? run : undefined;
    endRun(offset);
    return { max: total, span: offset, keyword, ...(keyword && lead !== undefined ? { lead } : {}), ...(strings ? { strings } : {}) };
  }

  /** One atom, before its quantifier. */
  #term(): Node {
    const c = this.src[this.#at]!;
    switch (c) {
      case "^":
      case "$":
        this.#at++;
        return { max: 0, span: 0, keyword: false };
      case ".":
        this.#at++;
        return { max: this.atom, span: this.atom, keyword: false };
      case "[":
        return this.#class();
      case "(":
        return this.#group();
      case "\\":
        return this.#escape();
      case "*":
      case "+":
      case "?":
        throw new Unsupported("quantifier without atom");
      default:
        this.#at++;
        return { max: 1, span: 1, keyword: false, strings: [c.toLowerCase()] };
    }
  }

  #group(): Node {
    const s = this.src;
    this.#at++; // (
    let name: string | undefined;
    let capturing = true;
    let negative = false;
    let lookaround = false;
    let behind = false;
    if (s[this.#at] === "?") {
      const rest = s.slice(this.#at + 1, this.#at + 3);
      if (rest === "<=" || rest === "<!") {
        negative = rest === "<!";
        lookaround = true;
        behind = true;
        this.#at += 3;
      } else if (rest.startsWith("=") || rest.startsWith("!") || rest.startsWith(":")) {
        negative = rest.startsWith("!");
        lookaround = !rest.startsWith(":");
        this.#at += 2;
      } else if (rest.startsWith("<")) {
        const close = s.indexOf(">", this.#at);
        if (close < 0) throw new Unsupported("group name");
        name = s.slice(this.#at + 2, close);
        this.#at = close + 1;
      } else {
        // Modifiers such as (?i:…): read up to the colon.
        const colon = s.indexOf(":", this.#at);
        if (colon < 0 || !/^[imsx-]*$/.test(s.slice(this.#at + 1, colon))) throw new Unsupported("group kind");
        this.#at = colon + 1;
      }
      capturing = name !== undefined;
    }
    const number = capturing ? ++this.#groupCount : 0;
    const inner = this.#alternation();
    if (s[this.#at] !== ")") throw new Unsupported("unclosed group");
    this.#at++;
    if (name !== undefined) this.#groupMax.set(name, inner.max);
    if (capturing) this.#numbered[number] = inner.max;
    if (lookaround) {
      // A negative lookaround succeeds when its text is absent: it proves no keyword.
      // A lookahead's keyword lies ahead (its lead holds); a lookbehind's may lie before the match.
      const keyword = inner.keyword && !negative;
      const lead = keyword && !behind ? inner.lead : undefined;
      return { max: inner.max, span: 0, keyword, ...(lead !== undefined ? { lead } : {}), lookaround: true };
    }
    return inner;
  }

  #escape(): Node {
    const s = this.src;
    const c = s[this.#at + 1];
    if (c === undefined) throw new Unsupported("trailing backslash");
    this.#at += 2;
    if (c === "b" || c === "B") return { max: 1, span: 0, keyword: false }; // looks at the character before
    if (c === "k") {
      const close = s.indexOf(">", this.#at);
      const max = s[this.#at] === "<" && close > 0 ? this.#groupMax.get(s.slice(this.#at + 1, close)) : undefined;
      if (max === undefined) throw new Unsupported("backreference");
      this.#at = close + 1;
      return { max, span: max, keyword: false };
    }
    if (c >= "1" && c <= "9") {
      const digits = /^\d*/.exec(s.slice(this.#at))![0];
      this.#at += digits.length;
      const max = this.#numbered[Number(c + digits)];
      if (max === undefined) throw new Unsupported("backreference");
      return { max, span: max, keyword: false };
    }
    if (c === "x") this.#at += 2;
    else if (c === "u" || c === "p" || c === "P") {
      if (s[this.#at] === "{") {
        const close = s.indexOf("}", this.#at);
        if (close < 0) throw new Unsupported("escape");
        this.#at = close + 1;
      } else if (c === "u") this.#at += 4;
      return { max: 2, span: 2, keyword: false };
    } else if (c === "c") this.#at += 1;
    // `\.`, `\-`, `\/`…: the character itself.
    if (!/[A-Za-z0-9]/.test(c)) return { max: this.atom, span: this.atom, keyword: false, strings: [c] };
    return { max: this.atom, span: this.atom, keyword: false };
  }

  #class(): Node {
    const s = this.src;
    const start = this.#at;
    let depth = 0;
    for (; this.#at < s.length; this.#at++) {
      const c = s[this.#at];
      if (c === "\\") this.#at++;
      else if (c === "[" && (depth === 0 || this.nestedClasses)) depth++;
      else if (c === "]" && --depth === 0) {
        this.#at++;
        const chars = depth === 0 && !this.nestedClasses ? classChars(s.slice(start + 1, this.#at - 1)) : undefined;
        return { max: this.atom, span: this.atom, keyword: false, ...(chars ? { strings: chars } : {}) };
      }
    }
    throw new Unsupported("unclosed class");
  }

  /** The quantifier after an atom: how often it must and may repeat. */
  #quantifier(): { min: number; times: number } {
    const s = this.src;
    const c = s[this.#at];
    let min = 1;
    let times = 1;
    if (c === "*" || c === "+") {
      min = c === "*" ? 0 : 1;
      times = Infinity;
      this.#at++;
    } else if (c === "?") {
      min = 0;
      this.#at++;
    } else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.#at));
      if (!m) return { min, times }; // a literal brace, read as the next atom
      min = Number(m[1]);
      times = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      this.#at += m[0].length;
    } else {
      return { min, times };
    }
    if (s[this.#at] === "?") this.#at++; // lazy
    return { min, times };
  }
}

/**
 * The characters a class body stands for, lower-cased, when they are few:
 * `Kk` → k, `UAONCX`, `A-P`, `wxyz0-5`. Negated classes, `\d`-style escapes
 * and anything unusual give undefined ("anything").
 */
function classChars(body: string): string[] | undefined {
  if (body.startsWith("^")) return undefined;
  const chars = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    let c = body[i]!;
    if (c === "\\") {
      const e = body[++i];
      if (e === undefined || /[A-Za-z0-9]/.test(e)) return undefined;
      c = e;
    }
    if (body[i + 1] === "-" && i + 2 < body.length && body[i + 2] !== "\\") {
      const to = body[i + 2]!;
      for (let code = c.charCodeAt(0); code <= to.charCodeAt(0); code++) {
        chars.add(String.fromCharCode(code).toLowerCase());
        if (chars.size > MAX_CLASS_CHARS) return undefined;
      }
      i += 2;
    } else chars.add(c.toLowerCase());
    if (chars.size > MAX_CLASS_CHARS) return undefined;
  }
  return chars.size > 0 ? [...chars] : undefined;
}

export interface MatchBound {
  /** The longest stretch of text one match attempt reads (see above). */
  readonly bound: number;
  /** Every match holds one of the keywords (inside the match or a positive lookaround). */
  readonly keywordInside: boolean;
  /**
   * With `keywordInside`: every match starts at most this many characters
   * before such a keyword (0: the match starts with one). Undefined when the
   * proof rests on a lookbehind.
   */
  readonly lead?: number;
}

/** What the pattern proves about itself; undefined when unbounded or not understood. */
export function matchBound(source: string, keywords: readonly string[], flags = ""): MatchBound | undefined {
  const atom = /[uv]/.test(flags) ? 2 : 1;
  const lower = keywords.map((k) => k.toLowerCase()).filter((k) => k !== "");
  try {
    const node = new PatternReader(source, lower, atom, flags.includes("v")).read();
    if (!Number.isFinite(node.max)) return undefined;
    return { bound: node.max, keywordInside: node.keyword, ...(node.keyword && node.lead !== undefined ? { lead: node.lead } : {}) };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/**
 * Does the pattern use `^` or `$` outside a character class? Those depend on
 * where the searched text starts and ends, so such rules run on regions
 * widened to whole lines.
 */
export function usesLineAnchors(source: string, flags = ""): boolean {
  const nested = flags.includes("v");
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "[" && (depth === 0 || nested)) depth++;
    else if (c === "]" && depth > 0) depth--;
    else if (depth === 0 && (c === "^" || c === "$")) return true;
  }
  return false;
}
