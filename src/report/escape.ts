/**
 * Text from a scanned repository (file names, line content, allow-comment
 * text, custom rule descriptions, commit authors) reaches terminals and CI
 * logs. Raw control characters there are commands, not text: ESC starts
 * terminal sequences (`ESC[2K` erases the line, OSC 52 writes the
 * clipboard), a newline in a file name starts a new log line that GitHub's
 * runner reads as a workflow command (`::error …`, `::add-mask::`), CR
 * overwrites what came before it. Every human-readable output passes such
 * text through `escapeControls`, which shows each control character as a
 * visible escape instead. One helper, so every output escapes the same way.
 *
 * Escaped: C0 controls (U+0000–U+001F, tab included: a report aligns with
 * spaces), DEL, the C1 controls (U+0080–U+009F: U+009B is a one-character
 * CSI for many terminals), the line and paragraph separators (U+2028/2029)
 * and the bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which make a line read differently from what it holds.
 * The backslash itself is kept, so ordinary code (`"\n"` in a source line)
 * reads as written.
 */

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_TEST = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function visible(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * `text` with every control character shown as `\n`, `\r`, `\t`, `\xNN` or
 * `\uNNNN`; one line, inert in a terminal. `keepLineBreaks`: CR and LF are
 * left for a caller that encodes them itself (a GitHub workflow command's
 * property, where `%0A` keeps a path exact).
 */
export function escapeControls(text: string, keepLineBreaks = false): string {
  if (!UNSAFE_TEST.test(text)) return text;
  return text.replace(UNSAFE, (c) => (keepLineBreaks && (c === "\n" || c === "\r") ? c : visible(c)));
}

/** Does `text` hold a character `escapeControls` would rewrite? */
export function hasControls(text: string): boolean {
  return UNSAFE_TEST.test(text);
}

/** Longest piece of untrusted text quoted in a message (a bad regex may hold a key). */
export const MAX_QUOTED_CHARS = 40;

/** `"text"`, escaped and cut to MAX_QUOTED_CHARS characters (`…` marks a cut). */
export function quoteShort(text: string, max = MAX_QUOTED_CHARS): string {
  const chars = Array.from(text);
  const cut = chars.length > max ? chars.slice(0, max).join("") + "…" : text;
  return `"${escapeControls(cut)}"`;
}
