/**
 * The value model of the generic rules: is what a generic rule matched a
 * literal value, and does that literal look like a secret?
 *
 * A generic rule (`password = …`, `"api_key": …`) sees every assignment to a
 * secret-ish name in every file, and on real code most of those are not
 * values at all: comparisons (`u.token!==1074790415`), object literals
 * (`NextToken:{locationName:"nextToken"}`), calls (`key = arg.match(…)[1]`),
 * arrow functions, templates with `${…}`. Only a literal can be a committed
 * secret, so the model first decides from the text around the candidate what
 * kind of thing the value is (quoted string, element text, bare word or
 * code), then whether the literal reads like a secret: not a date, a
 * camelCase identifier, a JMESPath-like path, a query string, a typeof name,
 * and, on a minified line, nothing but a random-looking string.
 *
 * It runs after the rule's own filters (entropy, word-likeness), on the few
 * candidates left, so it may look around; every look is bounded (no loop
 * runs past MINIFIED_LINE characters either side), and its regexes are
 * linear: no nested or adjacent quantifiers over overlapping classes.
 * Pure functions, no I/O; `engine.ts` calls `genericDropReason` for rules
 * tagged `generic`.
 */
import { shannonEntropy } from "./entropy.js";
import { isWordLikeRun, wordLikeness } from "./word-likeness.js";

/** How strict the literal check is: `password` values may be single words. */
export type ValueMode = "value" | "password";

/** Where the value sits: inside quotes, as an element's text, or bare. */
export type LiteralForm = "quoted" | "element" | "bare";

/** A candidate of a generic rule: offsets into `text`, as the engine has them. */
export interface GenericMatch {
  readonly text: string;
  /** Start of the whole regex match (the name, for `name = value` rules). */
  readonly start: number;
  readonly secretStart: number;
  readonly secretEnd: number;
  readonly mode: ValueMode;
}

/**
 * Why the candidate is not a secret literal (a short kebab-case reason, for
 * tests and debugging), or undefined when it may be one.
 */
export function genericDropReason(m: GenericMatch): string | undefined {
  const { text, start, secretStart, secretEnd, mode } = m;
  const value = text.slice(secretStart, secretEnd);
  const form = literalForm(text, secretStart);
  const valueFirst = secretStart <= start + 1;
  const operator = valueFirst ? "" : operatorBefore(text, start, secretStart, form);
  const code = form === "bare" ? bareCodeReason(value, operator) : form === "quoted" ? quotedCodeReason(value, text.charAt(secretStart - 1)) : undefined;
  if (code !== undefined) return code;
  if (!valueFirst) {
    const name = nameBefore(text, start, secretStart);
    const byName = nameReason(name);
    if (byName !== undefined) return byName;
  }
  const shape = literalShapeReason(value, mode, operator, form);
  if (shape !== undefined) return shape;
  // Minified and generated code: names like `key` and `token` are everywhere
  // and every value is code, so only a string that looks random is a candidate.
  if (onLongLine(text, secretStart, secretEnd) && !looksRandomLiteral(value)) return "minified-code";
  return undefined;
}

const QUOTES = "\"'`";

/** What opens the value: a quote, `>` (element text), or nothing. */
export function literalForm(text: string, secretStart: number): LiteralForm {
  const open = text.charAt(secretStart - 1);
  if (open !== "" && QUOTES.includes(open)) return "quoted";
  if (open === ">") return "element";
  return "bare";
}

// Characters an assignment or comparison operator is made of.
const OPERATOR_CHARS = "=!<>:?|+&,";

/**
 * The operator between the name and the value (`=`, `:`, `===`, `!==`…),
 * read backwards from the value over the opening quote and blanks. A
 * comparison regex may leave part of its operator in a bare value
 * (`u.token===1` can match as `u.token=` + `==1`), so a bare value's leading
 * `=` signs are counted in.
 */
export function operatorBefore(text: string, start: number, secretStart: number, form: LiteralForm): string {
  let i = secretStart - (form === "bare" ? 0 : 1);
  while (i > start && (text.charAt(i - 1) === " " || text.charAt(i - 1) === "\t" || text.charAt(i - 1) === "@")) i--;
  let j = i;
  while (j > start && j > i - 4 && OPERATOR_CHARS.includes(text.charAt(j - 1))) j--;
  let op = text.slice(j, i);
  if (form === "bare") {
    let k = secretStart;
    while (k < secretStart + 3 && (text.charAt(k) === "=" || text.charAt(k) === "!")) k++;
    op += text.slice(secretStart, k);
  }
  return op;
}

/** The name the value is assigned to: the identifier-ish run before the operator. */
export function nameBefore(text: string, start: number, secretStart: number): string {
  let i = secretStart;
  // Back over the opening quote, blanks, operator and closing quotes of the name.
  while (i > start && !isNameChar(text.charCodeAt(i - 1))) i--;
  let j = i;
  while (j > start && isNameChar(text.charCodeAt(j - 1))) j--;
  return text.slice(j, i);
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46 || c === 36;
}

const COMPARISON = new Set(["==", "===", "!=", "!=="]);

// An identifier (or a dotted one) applied to arguments: `arg.match(`, `getenv(`.
const CALL = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\(/;

/**
 * A bare value that is code, not a value: an object, array or grouping
 * literal, the rest of an operator, an expression joined by `&&`, `||` or
 * `=>`, a call, or anything compared with `==`/`!=` (a literal on the other
 * side of a comparison would be quoted).
 */
export function bareCodeReason(value: string, operator: string): string | undefined {
  const first = value.charAt(0);
  if (first === "{") return "object-literal";
  if (first === "[") return "array-literal";
  if (first === "(") return "expression";
  if ("=&|?<>:".includes(first)) return "expression";
  // `!0`, `!(a)`, `!!x`, `!=`: negation or the rest of `!==` (`!Xk3…` may be a password).
  if (first === "!" && /^![!(=0-9]/.test(value)) return "expression";
  if (COMPARISON.has(operator)) return "comparison";
  if (value.includes("=>") || value.includes("&&") || value.includes("||")) return "expression";
  if (CALL.test(value)) return "call";
  return undefined;
}

/** A quoted value that is code: a template literal with `${…}` builds its value at run time. */
export function quotedCodeReason(value: string, quote: string): string | undefined {
  if (quote === "`" && hasInterpolation(value)) return "template";
  return undefined;
}

// What a JavaScript interpolation may hold: names, members, calls, indexes,
// strings and operators (`${EVENT_KEY}`, `${this.prefix}-${id}`, `${a ? b : c}`).
const EXPRESSION_TEXT = /^[\w$.\s()[\]'"+\-*\/?:!=<>&|,%]{1,200}$/;

/**
 * Does the value hold a `${…}` whose body is an expression? In a Go raw
 * string or a shell heredoc the same backtick holds text, and a random
 * password may contain `${` by chance (`p${e]nob(ody[…}`): its body is no
 * expression, brackets closing before they open.
 */
export function hasInterpolation(value: string): boolean {
  for (let at = value.indexOf("${"); at >= 0; at = value.indexOf("${", at + 2)) {
    const close = value.indexOf("}", at + 2);
    if (close < 0) return false;
    const body = value.slice(at + 2, close);
    if (EXPRESSION_TEXT.test(body) && bracketsBalance(body)) return true;
  }
  return false;
}

function bracketsBalance(body: string): boolean {
  const open: string[] = [];
  for (const ch of body) {
    if (ch === "(" || ch === "[") open.push(ch);
    else if (ch === ")" || ch === "]") {
      if (open.pop() !== (ch === ")" ? "(" : "[")) return false;
    }
  }
  return open.length === 0;
}

// Names whose value is a paging cursor handed out by a server, not a credential:
// `NextToken`, `ContinuationToken`, `nextPageToken`, `pagination_token`, `SyncToken`.
const CURSOR_WORDS = ["next", "continuation", "page", "paging", "pagination", "cursor", "resume", "sync", "prev", "previous"];

/** What the name says about its value, when it says "not a secret". */
export function nameReason(name: string): string | undefined {
  const squashed = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  const stem = squashed.endsWith("tokens") ? squashed.slice(0, -6) : squashed.endsWith("token") ? squashed.slice(0, -5) : undefined;
  if (stem !== undefined && CURSOR_WORDS.some((w) => stem.endsWith(w))) return "pagination-token";
  return undefined;
}

// ISO 8601 dates and timestamps: `2016-09-24`, `2016-09-24T16:18:07Z`, `2016-09-24 16:18:07.123+02:00`.
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// What `typeof x` yields: `this.password === 'function'` checks a type, not a password.
const TYPEOF_NAMES = new Set(["function", "object", "string", "number", "boolean", "undefined", "symbol", "bigint"]);

/**
 * Kinds of literal that hold no secret whatever the name: dates, typeof
 * names in comparisons, query strings, member paths and (for API keys and
 * tokens, not passwords) identifiers and code fragments.
 */
export function literalShapeReason(value: string, mode: ValueMode, operator: string, form: LiteralForm): string | undefined {
  if (DATE.test(value)) return "date";
  if (COMPARISON.has(operator) && TYPEOF_NAMES.has(value)) return "type-name";
  if (form === "bare" && isQueryStringTail(value)) return "query-string";
  if (isMemberPath(value)) return "member-path";
  if (mode === "value") {
    if (isIdentifier(value)) return "identifier";
    if (isCodeFragment(value)) return "code-fragment";
  }
  return undefined;
}

/**
 * `2145916800&token-hash=…`: a bare value that runs on into the next
 * parameter of a URL query. The value proper ends at `&`; when that part is
 * a number or shorter than a key, the match read the wrong thing.
 */
function isQueryStringTail(value: string): boolean {
  const amp = value.indexOf("&");
  if (amp < 0) return false;
  const eq = value.indexOf("=", amp);
  if (eq < 0) return false;
  const param = value.slice(amp + 1, eq);
  if (!/^[A-Za-z_][\w.-]{0,40}$/.test(param)) return false;
  const head = value.slice(0, amp);
  return head.length < 10 || /^\d+$/.test(head);
}

/**
 * A dotted path of identifiers with optional indexes, as paginators and
 * JMESPath write them: `StreamDescription.Shards[-1].ShardId`, `Jobs[-1].JobId`.
 */
export function isMemberPath(value: string): boolean {
  const segments = value.split(".");
  if (segments.length < 2) return false;
  let indexed = false;
  for (const segment of segments) {
    const bracket = segment.indexOf("[");
    const head = bracket < 0 ? segment : segment.slice(0, bracket);
    if (bracket >= 0) {
      if (!/^(?:\[[^\]\[]{1,20}\]){1,4}$/.test(segment.slice(bracket))) return false;
      indexed = true;
    }
    if (!/^[A-Za-z_$][\w$]{0,63}$/.test(head)) return false;
    if (!isWordSegment(head)) return false;
  }
  // Plain `a.b` paths without indexes are the word filter's business (it knows
  // config keys and member access); an index makes it a path expression.
  return indexed;
}

function isWordSegment(segment: string): boolean {
  // The path's shape already says "names": short parts (`JobId`) are enough.
  return identifierShape(segment, 0) || isWordLikeRun(segment) || wordLikeness(segment) >= 0.7;
}

/** Letters and digits split into the parts of an identifier: `DBProxyEndpoints` → DB, Proxy, Endpoints. */
export function identifierParts(value: string): string[] | undefined {
  const parts: string[] = [];
  let current = "";
  const push = () => {
    if (current !== "") parts.push(current);
    current = "";
  };
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    const c = value.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    const digit = c >= 48 && c <= 57;
    if (ch === "_" || ch === "-") {
      push();
      continue;
    }
    if (!upper && !lower && !digit) return undefined;
    const prev = current.charCodeAt(current.length - 1);
    const prevLower = prev >= 97 && prev <= 122;
    const prevUpper = prev >= 65 && prev <= 90;
    const prevDigit = prev >= 48 && prev <= 57;
    const next = value.charCodeAt(i + 1);
    const nextLower = next >= 97 && next <= 122;
    // New part at lower→Upper (`taskTemplates`), at the last capital of an
    // acronym before a word (`DBProxy`), and where letters and digits meet (`sha256`, `v2Api`).
    if (upper && (prevLower || prevDigit || (prevUpper && nextLower))) push();
    else if (lower && prevDigit) push();
    else if (digit && (prevLower || prevUpper)) push();
    current += ch;
  }
  push();
  return parts;
}

/**
 * A camelCase, PascalCase, snake_case or kebab-case identifier made of words
 * and acronyms (`DhcpOptions`, `DBProxyEndpoints`, `HappyFaceCopyjpg`,
 * `task_templates`), as opposed to a random string, whose case changes and
 * digits cut it into many one- and two-letter pieces.
 */
export function isIdentifier(value: string): boolean {
  return identifierShape(value, 3.5);
}

/** Words of at least two parts, most letters in word-like parts, parts `minMean` letters long on average. */
function identifierShape(value: string, minMean: number): boolean {
  const parts = identifierParts(value);
  if (parts === undefined || parts.length < 2) return false;
  let letters = 0;
  let wordy = 0;
  let digitParts = 0;
  for (const part of parts) {
    if (/^\d{1,4}$/.test(part)) {
      // Numbers between words (`key_2`, `Sha256`), at most one of them.
      if (++digitParts > 1) return false;
      continue;
    }
    if (!/^(?:[A-Z]{2,30}|[A-Z][a-z]{1,30}|[a-z]{2,30})$/.test(part)) return false;
    letters += part.length;
    // A short acronym counts as a word (`DB`, `Dhcp` does not); other runs must read like one.
    if (/^[A-Z]{2,6}$/.test(part) || isWordLikeRun(part)) wordy += part.length;
  }
  const words = parts.length - digitParts;
  return words >= 2 && letters / words >= minMean && wordy / letters >= 0.5;
}

/**
 * A piece of code or structured text inside a string: `{toneMapping:`,
 * `[name]`, whose letters are identifiers (`'{toneMapping:' + this.toneMapping`).
 */
function isCodeFragment(value: string): boolean {
  if (!/^[{[(]/.test(value) || !/^[\w$.{}[\]():,=!<>]+$/.test(value)) return false;
  const words = value.split(/[^A-Za-z0-9_$]+/).filter((w) => w.length > 0);
  return words.length > 0 && words.every((w) => isIdentifier(w) || isWordLikeRun(w) || /^\d+$/.test(w));
}

/** A line this long (not counting the value itself) is minified or generated code. */
export const MINIFIED_LINE = 1000;

/** Is the value on a line of at least MINIFIED_LINE other characters? Reads at most that far either side. */
export function onLongLine(text: string, secretStart: number, secretEnd: number): boolean {
  let from = secretStart;
  const floor = Math.max(0, secretStart - MINIFIED_LINE);
  while (from > floor && !isEol(text.charCodeAt(from - 1))) from--;
  const need = MINIFIED_LINE - (secretStart - from);
  let to = secretEnd;
  const ceil = Math.min(text.length, secretEnd + Math.max(0, need));
  while (to < ceil && !isEol(text.charCodeAt(to))) to++;
  return secretStart - from + (to - secretEnd) >= MINIFIED_LINE;
}

function isEol(c: number): boolean {
  return c === 10 || c === 13;
}

/**
 * A literal that looks random: long enough, varied (entropy), mixing
 * character classes, no blanks, not made of words or identifier parts.
 * `MINIFIED_RANDOM_MIN` characters at least: a key shorter than that is not
 * worth the noise of a whole minified bundle.
 */
export const MINIFIED_RANDOM_MIN = 12;

export function looksRandomLiteral(value: string): boolean {
  if (value.length < MINIFIED_RANDOM_MIN || /\s/.test(value)) return false;
  let lower = 0;
  let upper = 0;
  let digit = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
  }
  if (lower + upper + digit < 2) return false;
  // Entropy grows with length up to the alphabet's limit: ask for most of what the length allows.
  const wanted = Math.min(3.5, Math.log2(value.length) - 0.6);
  if (shannonEntropy(value) < wanted) return false;
  return wordLikeness(value) < 0.5 && !isIdentifier(value);
}
