/**
 * Regex building blocks shared by the catalogue files of part B (payments,
 * messaging, ai, observability, saas, registries). Rules stay pure data: these
 * helpers only assemble regex *sources* (strings) when a catalogue module loads.
 *
 * Why a helper: most providers without a vendor prefix are only recognisable
 * by the provider's name in the variable that holds the value
 * (`sendbird_token = "…"`, `<launchdarklyToken>…</launchdarklyToken>`). The
 * shape of that "name, operator, value" pattern is the same for all of them,
 * in the spirit of gitleaks' semi-generic rules, so it is written once here.
 */
import { HEX, fakeBody } from "../examples.js";

/** `slack` → `[Ss][Ll][Aa][Cc][Kk]`: a case-insensitive literal inside a case-sensitive regex. */
export function ci(word: string): string {
  let out = "";
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower !== upper) out += `[${upper}${lower}]`;
    else out += ch.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  }
  return out;
}

/** No word character (or `-`) glued to the left of a prefixed token. */
export const LEFT = "(?<![A-Za-z0-9_-])";
/** No token character glued to the right: `ghp_…xyz` inside a longer word is not that key. */
export const RIGHT = "(?![A-Za-z0-9_-])";
/** Left boundary for tokens that may appear inside base64 text: also refuse `+` and `/`. */
export const LEFT_B64 = "(?<![A-Za-z0-9_+/-])";
export const RIGHT_B64 = "(?![A-Za-z0-9_+/=-])";

/**
 * What may sit between an identifier that names the provider and the value,
 * as gitleaks' semi-generic rules and their sample templates define it: the
 * rest of the variable name (bounded to 20 characters, so a provider name far
 * away on a long line does not count), closing quotes (also JSON-escaped
 * `\"`), up to five blanks, then an assignment operator of any common language
 * (`=`, `+=`, `?=`, `:`, `:=`, `::=`, `:::=`, `=>`, `.=`, `,` in a call such as
 * `setProperty("X", "…")`, `(`, `|`, or `>` closing an XML element), then up
 * to five quote, blank, newline, `|`/`>` (YAML block scalars) characters.
 */
const OPERATOR =
  "[A-Za-z0-9_. \\t-]{0,20}(?:\\\\{0,2}['\"\\]]){0,3}[ \\t]{0,5}" +
  "(?:[<>?+.]?=|:{1,3}=|=>|>|:{1,3}|\\(|,|\\|\\|?)" +
  "(?:\\\\{0,2}['\"]|[\\x60\\s=|>]){0,5}";

/** After the value: a quote, whitespace, `;`, `<`, `\`, a `,`/`)`/`&`/`}`, or the end. */
export const VALUE_END = "(?=[\\x60'\"\\s;<,)&}\\\\]|$)";

/**
 * Where a provider's name may start: not inside another word, except at a
 * camelCase hump (`myDatadogKey`). Without it `CameraKit` names Meraki and
 * `SetSysctl` names Etsy.
 */
const NAME_START = "(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))";

/**
 * `<identifier…> <operator> <value>` with the value as the `secret` group.
 * `identifiers` are regex sources (use `ci()` for a case-insensitive word);
 * `body` is the value's shape, without anchors.
 */
export function assigned(identifiers: readonly string[], body: string): string {
  return `${namedBy(identifiers)}(?<secret>${body})${VALUE_END}`;
}

/**
 * `assigned()` for a name that is one literal word: the regex starts with the
 * word itself and checks its left edge with a look-behind, so V8 can skip
 * ahead to the word instead of testing the left edge at every position (for
 * a name common inside other words, such as `etsy` in `getSymbol`, that
 * costs several times more). Same matches as `assigned([word], body)` for a
 * word that must not follow a letter.
 */
export function assignedWord(word: string, body: string): string {
  return `${ci(word)}(?<=(?<![A-Za-z])${ci(word)})${OPERATOR}(?<secret>${body})${VALUE_END}`;
}

/**
 * The "name, operator" half of `assigned()`, for rules that put the value
 * group together themselves (e.g. a prefixed form and a name-only form
 * sharing one `secret` group); end the value with `VALUE_END`.
 */
export function namedBy(identifiers: readonly string[]): string {
  return `${NAME_START}(?:${identifiers.join("|")})${OPERATOR}`;
}

/**
 * The provider name anywhere in the 40 characters before the value (same
 * line or the next), for formats that put the name in a header or a URL
 * rather than in a variable name (`X-Postmark-Server-Token: …`).
 */
export function near(identifiers: readonly string[], body: string, lead = "[\\x60'\"\\s=:(>,|]"): string {
  return `(?:${identifiers.join("|")})[^\\n]{0,40}?${lead}(?<secret>${body})${VALUE_END}`;
}

/** A UUID, either case. */
export const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

/**
 * Secrets in documentation and tests are often typed by hand as the alphabet
 * or a digit run (`abc123…klmnopqrstuvwx…`). Five ascending characters in a
 * row almost never occur in a random body (a few in a million 40-character
 * base62 bodies; about one in 2,000 64-character hex bodies, whose alphabet
 * is small) but nearly always in a hand-made sample. Rules opt in where
 * hand-made samples are common.
 */
export const ASCENDING_RUN =
  "(?:abcde|bcdef|cdefg|defgh|efghi|fghij|ghijk|hijkl|ijklm|jklmn|klmno|lmnop|mnopq|nopqr|opqrs|pqrst|qrstu|rstuv|stuvw|tuvwx|uvwxy|vwxyz|ABCDE|BCDEF|CDEFG|DEFGH|EFGHI|FGHIJ|GHIJK|HIJKL|IJKLM|JKLMN|KLMNO|LMNOP|MNOPQ|NOPQR|OPQRS|PQRST|QRSTU|RSTUV|STUVW|TUVWX|UVWXY|VWXYZ|01234|12345|23456|34567|45678|56789)";

/** The same for descending runs (`76543210`, `zyxwv`). */
export const DESCENDING_RUN =
  "(?:98765|87654|76543|65432|54321|43210|zyxwv|yxwvu|xwvut|wvuts|vutsr|utsrq|tsrqp|srqpo|rqpon|qponm|ponml|onmlk|nmlkj|mlkji|lkjih|kjihg|jihgf|ihgfe|hgfed|gfedc|fedcb|edcba)";

/** Hand-made samples: an ascending or descending run, or one character eight times (`XXXXXXXX`). */
export const HAND_MADE = `${ASCENDING_RUN}|${DESCENDING_RUN}|([A-Za-z0-9])\\1{7}`;

/** Documentation keys end in EXAMPLE (the AWS docs convention, copied by many vendors). */
export const DOC_EXAMPLE = "EXAMPLE$";

/** A fake UUID for rule examples, deterministic per seed (never a real id). */
export function fakeUuid(seed: number, upper = false): string {
  const parts = [8, 4, 4, 4, 12].map((n, i) => fakeBody(n, HEX, seed * 8 + i, "uuid"));
  const id = parts.join("-");
  return upper ? id.toUpperCase() : id;
}
