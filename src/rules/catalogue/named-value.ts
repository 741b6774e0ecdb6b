/**
 * "A value assigned to a name that says which vendor it belongs to", for the
 * part-A catalogue (cloud, source hosting). Same idea as regex-parts'
 * `assigned()`, tightened where our measurements showed false positives:
 *
 * - the vendor word must start a word or a camelCase part (`oktaToken`,
 *   `myOktaToken`, `OKTA_TOKEN`), never sit inside another word (`rookTable`);
 * - the value stays on the name's line, except after `>` (an XML element whose
 *   text is on the next line), so an empty `snowflake.password=` does not
 *   borrow the next line's value.
 */

/** `okta` → `[Oo][Kk][Tt][Aa]`: a case-insensitive literal inside a case-sensitive regex. */
export function anyCase(word: string): string {
  return [...word].map((c) => (c.toUpperCase() !== c.toLowerCase() ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"))).join("");
}

/** `okta` → a case-insensitive `okta` that begins a word or a camelCase part. */
export function vendorWord(word: string): string {
  const lower = word.toLowerCase();
  const anyCase = [...lower].map((c) => (c.toUpperCase() !== c ? `[${c.toUpperCase()}${c}]` : c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"))).join("");
  const first = lower[0] ?? "";
  const rest = anyCase.slice(anyCase.indexOf("]") + 1);
  const upperFirst = first.toUpperCase() !== first ? first.toUpperCase() : first;
  return `(?:(?<![A-Za-z])${anyCase}|(?<=[a-z])${upperFirst.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&")}${rest})`;
}

/** Rest of the name (≤ 20 characters), closing quotes, an operator, opening quotes. */
const OPERATOR =
  "[A-Za-z0-9_. \\t-]{0,20}[\"'\\]]{0,3}[ \\t]{0,5}(?:(?:=|:{1,3}=?|=>|\\?=|\\|\\||,)[ \\t]{0,5}[\\x60'\"]?|>\\s{0,20})";

/** After the value: a quote, whitespace, `;`, `<`, `,`, `)`, `&`, `}`, an escaped newline, or the end. */
const VALUE_END = "(?=[\\x60'\"\\s;<,)&}]|\\\\[nrt]|$)";

/** The `name operator` half: for rules that put their own value group after it. */
export function namedBy(names: readonly string[]): string {
  return `(?:${names.join("|")})${OPERATOR}`;
}

/** `<name…> <operator> <value>` with the value as the `secret` group. */
export function namedValue(names: readonly string[], body: string): string {
  return `${namedBy(names)}(?<secret>${body})${VALUE_END}`;
}

export { VALUE_END };
