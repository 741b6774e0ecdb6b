/**
 * Inline allow comments: `finta-guard:allow [rule-id] [-- reason]` in any
 * comment syntax (`#`, `//`, `/* *\/`, `<!-- -->`, `--`, `;`), on the line of
 * the secret, or alone on the line before it (then it covers that next line
 * only). A rule id narrows it to that rule. The marker must follow a comment
 * opener, so a string value that merely spells it does not count.
 */
export const ALLOW_MARKER = "finta-guard:allow";

export interface AllowComment {
  readonly ruleId?: string;
  readonly reason?: string;
  /** The line holds nothing but this comment (so it applies to the next line). */
  readonly alone: boolean;
  /** The directive as written, without comment delimiters. */
  readonly text: string;
}

// `--` and `;` open a comment only as a word of their own (`--no-inline-allow`
// and `a;b` do not); a line starting with `*` continues a block comment (JSDoc).
const OPENER = /(#|\/\/|\/\*|<!--|(?:^|\s)--\s|(?:^|\s);+\s|^\s*\*\s)/;
const ONLY_OPENERS = /^\s*(?:#+|\/\/+|\/\*+|<!--|--|;+|\*)\s*$/;
const CLOSER = /\s*(?:\*\/|-->)\s*$/;
const RULE_ID = /^[a-z0-9][a-z0-9._-]*$/i;

export function parseAllowComment(line: string): AllowComment | undefined {
  const at = line.indexOf(ALLOW_MARKER);
  if (at < 0) return undefined;
  const before = line.slice(0, at);
  if (!OPENER.test(before)) return undefined;
  let rest = line.slice(at + ALLOW_MARKER.length);
  // `finta-guard:allowed` or `finta-guard:allow-foo` is another word.
  if (rest !== "" && !/^\s|^\*\/|^-->/.test(rest)) return undefined;
  rest = rest.replace(CLOSER, "").trim();
  let ruleId: string | undefined;
  let reason: string | undefined;
  const dash = rest.search(/(^|\s)--(\s|$)/);
  const head = (dash < 0 ? rest : rest.slice(0, dash)).trim();
  if (dash >= 0) reason = rest.slice(dash).replace(/^\s*--\s*/, "").trim() || undefined;
  const first = head.split(/\s+/)[0];
  if (first && RULE_ID.test(first)) ruleId = first;
  const text = [ALLOW_MARKER, ruleId, reason !== undefined ? `-- ${reason}` : undefined].filter(Boolean).join(" ");
  return {
    ...(ruleId !== undefined ? { ruleId } : {}),
    ...(reason !== undefined ? { reason } : {}),
    alone: ONLY_OPENERS.test(before),
    text,
  };
}

export interface InlineMatch {
  /** 0: the comment is on the secret's line; -1: on the line before. */
  readonly offset: 0 | -1;
  readonly comment: AllowComment;
}

/** The allow comment covering a finding of `ruleId` whose line is `lineText`, preceded by `prevLineText`. */
export function inlineAllowFor(ruleId: string, lineText: string, prevLineText: string): InlineMatch | undefined {
  const same = parseAllowComment(lineText);
  if (same && (same.ruleId === undefined || same.ruleId === ruleId)) return { offset: 0, comment: same };
  const prev = parseAllowComment(prevLineText);
  if (prev && prev.alone && (prev.ruleId === undefined || prev.ruleId === ruleId)) return { offset: -1, comment: prev };
  return undefined;
}

export interface AllowCommentAt {
  /** 1-based line of the comment. */
  readonly line: number;
  readonly comment: AllowComment;
}

/** Every allow comment in a text (for `--report-unused`). */
export function findAllowComments(text: string): AllowCommentAt[] {
  if (!text.includes(ALLOW_MARKER)) return [];
  const out: AllowCommentAt[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const comment = parseAllowComment(line);
    if (comment) out.push({ line: i + 1, comment });
  });
  return out;
}
