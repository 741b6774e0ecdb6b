/**
 * The catalogue's rule dialect: the regex building blocks every catalogue
 * file assembles its patterns from, and `named()`, which writes a whole
 * "value next to the provider's name" rule. Rules stay pure data: these
 * helpers only build regex *sources* (strings) when a catalogue module loads.
 *
 * The vocabulary, in the order a pattern reads:
 *
 * - edges: `LEFT`/`RIGHT` (no token character glued to a prefixed token),
 *   `LEFT_B64`/`RIGHT_B64` (also refuse base64's `+`, `/`, `=`);
 * - names: `ci(word)` (a case-insensitive literal inside a case-sensitive
 *   regex), `vendorWord(word)` (the same, starting a word or a camelCase part);
 * - `namedBy(names)`: the name, then the operator (`=`, `:`, `=>`, `>` …);
 * - the value: the `secret` group, written by `assigned(names, body)`, which
 *   also closes it with `VALUE_END`;
 * - `near(names, body)`: the name anywhere in the 40 characters before the value;
 * - value shapes and sample filters: `UUID`, `HAND_MADE`, `DOC_EXAMPLE`.
 *
 * Why a helper at all: most providers without a vendor prefix are only
 * recognisable by the provider's name in the variable that holds the value
 * (`sendbird_token = "…"`, `<launchdarklyToken>…</launchdarklyToken>`). The
 * shape of that "name, operator, value" pattern is the same for all of them,
 * in the spirit of gitleaks' semi-generic rules, so it is written once here.
 *
 * One deliberate variant, `{ sameLine: true }`: a few cloud and CI rules
 * (Azure DevOps, Alibaba, Oracle, Vault, Vercel, Netlify, Heroku, Cloudflare,
 * Okta, Auth0, Snowflake, Atlas, Bitbucket, CircleCI, Travis, Buildkite,
 * Atlassian) were measured noisier with the general operator, so they keep
 * the value on the name's line (except after an XML `>`) and accept fewer
 * operators; their names carry their own word start (`vendorWord`).
 */
import { withSecret } from "../examples.js";
import type { RuleSpec, Severity } from "../types.js";

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/-]/g;

/** `slack` → `[Ss][Ll][Aa][Cc][Kk]`: a case-insensitive literal inside a case-sensitive regex. */
export function ci(word: string): string {
  let out = "";
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower !== upper) out += `[${upper}${lower}]`;
    else out += ch.replace(REGEX_SPECIAL, "\\$&");
  }
  return out;
}

/**
 * `okta` → a case-insensitive `okta` that begins a word or a camelCase part
 * (`oktaToken`, `myOktaToken`, `OKTA_TOKEN`), never inside another word
 * (`rookTable`). The name start of the `sameLine` form.
 */
export function vendorWord(word: string): string {
  const lower = word.toLowerCase();
  const anyCase = ci(lower);
  const first = lower[0] ?? "";
  const rest = anyCase.slice(anyCase.indexOf("]") + 1);
  const upperFirst = first.toUpperCase() !== first ? first.toUpperCase() : first;
  return `(?:(?<![A-Za-z])${anyCase}|(?<=[a-z])${upperFirst.replace(REGEX_SPECIAL, "\\$&")}${rest})`;
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

/**
 * The `sameLine` operator: the same name rest and closing quotes, fewer
 * operators (`=`, `:`, `:=`, `=>`, `?=`, `||`, `,`), then blanks and one
 * opening quote on the same line; or `>` then up to 20 whitespace characters
 * (an XML element whose text is on the next line). An empty
 * `snowflake.password=` does not borrow the next line's value.
 */
const SAME_LINE_OPERATOR =
  "[A-Za-z0-9_. \\t-]{0,20}[\"'\\]]{0,3}[ \\t]{0,5}(?:(?:=|:{1,3}=?|=>|\\?=|\\|\\||,)[ \\t]{0,5}[\\x60'\"]?|>\\s{0,20})";

/** After the value: a quote, whitespace, `;`, `<`, `\`, a `,`/`)`/`&`/`}`, or the end. */
export const VALUE_END = "(?=[\\x60'\"\\s;<,)&}\\\\]|$)";

/** The `sameLine` value end: as `VALUE_END`, but a backslash only as an escaped newline or tab (`\n`, `\r`, `\t`). */
export const SAME_LINE_VALUE_END = "(?=[\\x60'\"\\s;<,)&}]|\\\\[nrt]|$)";

/**
 * Where a provider's name may start: not inside another word, except at a
 * camelCase hump (`myDatadogKey`). Without it `CameraKit` names Meraki and
 * `SetSysctl` names Etsy.
 */
const NAME_START = "(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))";

export interface NameOptions {
  /** The tight variant (see the module comment); names then start with `vendorWord()`. */
  readonly sameLine?: boolean;
}

/**
 * The "name, operator" half of `assigned()`, for rules that put the value
 * group together themselves (e.g. a prefixed form and a name-only form
 * sharing one `secret` group); end the value with `VALUE_END` (or
 * `SAME_LINE_VALUE_END` in the `sameLine` form).
 */
export function namedBy(identifiers: readonly string[], options: NameOptions = {}): string {
  if (options.sameLine) return `(?:${identifiers.join("|")})${SAME_LINE_OPERATOR}`;
  return `${NAME_START}(?:${identifiers.join("|")})${OPERATOR}`;
}

/**
 * `<identifier…> <operator> <value>` with the value as the `secret` group.
 * `identifiers` are regex sources (use `ci()` for a case-insensitive word,
 * `vendorWord()` in the `sameLine` form); `body` is the value's shape,
 * without anchors.
 */
export function assigned(identifiers: readonly string[], body: string, options: NameOptions = {}): string {
  return `${namedBy(identifiers, options)}(?<secret>${body})${options.sameLine ? SAME_LINE_VALUE_END : VALUE_END}`;
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

/** One character eight times in a row (`XXXXXXXX`, `AAAAAAAA`): filler, never a random body. */
export const REPEATED_RUN = "([A-Za-z0-9])\\1{7}";

/** Hand-made samples: an ascending or descending run, or one character eight times (`XXXXXXXX`). */
export const HAND_MADE = `${ASCENDING_RUN}|${DESCENDING_RUN}|${REPEATED_RUN}`;

/** Documentation keys end in EXAMPLE (the AWS docs convention, copied by many vendors). */
export const DOC_EXAMPLE = "EXAMPLE$";

/** What a "value next to the provider's name" rule states; `named()` fills in the rest. */
export interface NamedSpec {
  readonly id: string;
  readonly provider: string;
  /** What the value is, e.g. "API key (32 hex)"; the description adds the context. */
  readonly what: string;
  /** Regex sources of the names (use `ci()`), e.g. [ci("datadog")]. */
  readonly names: readonly string[];
  /** Lower-case literals, one of which occurs in every match (the names). */
  readonly keywords: readonly string[];
  /** The value's shape, without anchors. */
  readonly body: string;
  readonly entropy: number;
  /** Entropy floor for all-hex values (a hex alphabet carries at most 4 bits). */
  readonly entropyHex?: number;
  /** A generated example value and the variable name the positive example uses. */
  readonly example: string;
  readonly exampleName: string;
  readonly remediation: string;
  readonly docsUrl: string;
  readonly severity?: Severity;
  /** The whole regex, when `assigned(names, body)` is not the fastest way to say it (`assignedWord`). */
  readonly regex?: string;
}

/**
 * A contextual rule: a credential with no vendor prefix (a bare hex key, a
 * 40-character token) that is only reported when a variable, key or element
 * naming the provider holds it. Every such rule has the same shape
 * (specificity 40, an entropy floor, examples of a literal value, a reference
 * and the same value under an unrelated name), so it is written once here and
 * the catalogue files list only what differs.
 */
export function named(spec: NamedSpec): RuleSpec {
  return {
    id: spec.id,
    description: `${spec.provider} ${spec.what} next to a ${spec.provider} name`,
    provider: spec.provider,
    severity: spec.severity ?? "high",
    keywords: spec.keywords,
    regex: spec.regex ?? assigned(spec.names, spec.body),
    entropy: spec.entropy,
    ...(spec.entropyHex === undefined ? {} : { entropyHex: spec.entropyHex }),
    // Below every vendor-prefixed rule: the name alone proves little.
    specificity: 40,
    remediation: spec.remediation,
    docsUrl: spec.docsUrl,
    examples: {
      positive: [withSecret(`${spec.exampleName} = "`, spec.example, '"')],
      negative: [`${spec.exampleName} = "\${${spec.exampleName.toUpperCase()}}"`, `unrelated_value = "${spec.example}"`],
    },
  };
}
