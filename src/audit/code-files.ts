/**
 * The source files the code checks (webhook verification, audit logging)
 * read: TypeScript, JavaScript and Python among the tracked and untracked,
 * not ignored files, minus tests (a test that sends a signed request is not
 * a handler). Comments and literal contents are masked before matching so
 * that a commented-out `===`, or `timingSafeEqual(` inside an error message,
 * does not count, while offsets and line numbers stay those of the file.
 */
import type { AuditGit } from "./git.js";
import { MAX_CODE_FILE_BYTES, readRepoText } from "./repo-files.js";

export type CodeLanguage = "js" | "py";

export const CODE_EXTENSIONS: Readonly<Record<string, CodeLanguage>> = {
  ts: "js",
  tsx: "js",
  mts: "js",
  cts: "js",
  js: "js",
  jsx: "js",
  mjs: "js",
  cjs: "js",
  py: "py",
};

/** Shown in reports: what the code checks searched. */
export const CODE_SEARCH_DESCRIPTION = "*.ts, *.tsx, *.mts, *.cts, *.js, *.jsx, *.mjs, *.cjs, *.py (tests and .d.ts excluded)";

const TEST_PATH = /(?:^|\/)(?:test|tests|__tests__|__mocks__|spec|e2e|fixtures?)\//i;
const TEST_NAME = /\.(?:test|spec)\.[cm]?[jt]sx?$|(?:^|\/)test_[^/]*\.py$|_test\.py$|(?:^|\/)conftest\.py$|\.d\.[cm]?ts$/i;

export function languageOf(path: string): CodeLanguage | undefined {
  const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
  return CODE_EXTENSIONS[ext];
}

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path) || TEST_NAME.test(path);
}

/**
 * One searchable file. `code` and `bare` are computed on first use: most
 * files never mention Finta, and a cheap test on `text` spares masking them.
 */
export class CodeFile {
  readonly path: string;
  readonly language: CodeLanguage;
  /** The file as read. */
  readonly text: string;
  #masked: { code: string; bare: string } | undefined;

  constructor(path: string, language: CodeLanguage, text: string) {
    this.path = path;
    this.language = language;
    this.text = text;
  }

  /** The text with comments replaced by spaces (newlines kept). */
  get code(): string {
    return this.#mask().code;
  }

  /**
   * `code` with the contents of string and regex literals replaced by `_`
   * (quotes, newlines and offsets kept), so that a call named inside a string
   * (an error message, a docs snippet) is not taken for a call. Literals that
   * are exactly a name the checks look for (`"x-finta-signature"`,
   * `"FINTA_WEBHOOK_SECRET"`) are kept: reading that header or variable is
   * what makes a file a webhook handler.
   */
  get bare(): string {
    return this.#mask().bare;
  }

  #mask(): { code: string; bare: string } {
    this.#masked ??= maskSource(this.text, this.language);
    return this.#masked;
  }
}

/** String literals kept in `bare`, case-insensitively. */
const KEPT_LITERALS = /^(?:x-finta-signature|FINTA_WEBHOOK_SECRET|HTTP_X_FINTA_SIGNATURE)$/i;

const listed = new WeakMap<AuditGit, Promise<CodeFile[]>>();

/** Every searchable code file, read once per run (shared by the checks that use the same AuditGit). */
export function listCodeFiles(git: AuditGit, repoRoot: string): Promise<CodeFile[]> {
  let files = listed.get(git);
  if (!files) {
    files = readCodeFiles(git, repoRoot);
    listed.set(git, files);
  }
  return files;
}

async function readCodeFiles(git: AuditGit, repoRoot: string): Promise<CodeFile[]> {
  const out: CodeFile[] = [];
  for (const path of (await git.visibleFiles()).sort()) {
    const language = languageOf(path);
    if (!language || isTestPath(path)) continue;
    const text = readRepoText(repoRoot, path, MAX_CODE_FILE_BYTES);
    if (text === undefined || text.includes("\0")) continue;
    out.push(new CodeFile(path, language, text));
  }
  return out;
}

// After these characters (or keywords) a `/` starts a regex literal, not a division.
const REGEX_PRECEDERS = new Set("(,=:[!&|?{};+-*%<>~^".split(""));
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|in|of|delete|void|throw|new|yield|await)$/;

/**
 * Mask comments (spaces) and literal contents (`_`), keeping every newline
 * and offset. Good enough for matching call names; it is not a parser.
 */
export function maskSource(text: string, language: CodeLanguage): { code: string; bare: string } {
  const code = text.split("");
  const bare = text.split("");
  const blankComment = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      if (code[k] !== "\n" && code[k] !== "\r") code[k] = bare[k] = " ";
    }
  };
  const maskLiteral = (from: number, to: number) => {
    if (KEPT_LITERALS.test(text.slice(from, to))) return;
    for (let k = from; k < to; k++) if (bare[k] !== "\n" && bare[k] !== "\r") bare[k] = "_";
  };
  let i = 0;
  let lastSignificant = ""; // the text before `i`, trimmed, for the regex heuristic
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '"' || c === "'" || c === "`") {
      const triple = language === "py" && text.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      let j = i + close.length;
      while (j < text.length && !text.startsWith(close, j)) {
        if (text[j] === "\\") j++;
        else if (!triple && c !== "`" && text[j] === "\n") break;
        j++;
      }
      maskLiteral(i + close.length, Math.min(j, text.length));
      i = j + close.length;
      lastSignificant = "x";
    } else if (language === "js" && c === "/" && next === "/") {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? text.length : end;
      blankComment(i, stop);
      i = stop;
    } else if (language === "js" && c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? text.length : end + 2;
      blankComment(i, stop);
      i = stop;
    } else if (language === "js" && c === "/" && (lastSignificant === "" || REGEX_PRECEDERS.has(lastSignificant.slice(-1)) || REGEX_KEYWORDS.test(lastSignificant))) {
      // A regex literal: up to the next unescaped `/` outside a character class, on this line.
      let j = i + 1;
      let inClass = false;
      while (j < text.length && text[j] !== "\n" && (inClass || text[j] !== "/")) {
        if (text[j] === "\\") j++;
        else if (text[j] === "[") inClass = true;
        else if (text[j] === "]") inClass = false;
        j++;
      }
      if (text[j] === "/") {
        maskLiteral(i + 1, j);
        i = j + 1;
        lastSignificant = "x";
      } else {
        i++;
        lastSignificant = "/";
      }
    } else if (language === "py" && c === "#") {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? text.length : end;
      blankComment(i, stop);
      i = stop;
    } else {
      // Whitespace does not change what precedes a `/`; keep a short tail for the keyword test.
      if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") lastSignificant = (lastSignificant + c).slice(-12);
      i++;
    }
  }
  return { code: code.join(""), bare: bare.join("") };
}

/** Offsets of every match of `pattern` (a global regex) in `text`. */
export function offsetsOf(text: string, pattern: RegExp): number[] {
  const re = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g");
  const found: number[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    found.push(m.index);
    if (m[0].length === 0) re.lastIndex++;
  }
  return found;
}
