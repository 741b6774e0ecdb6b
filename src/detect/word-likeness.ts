/**
 * Is a candidate value made of words rather than randomness?
 *
 * The generic keyword rules (`password = …`, `api_key: …`) see every value a
 * program assigns to a key with a secret-ish name, and most of those are not
 * secrets: identifiers (`passwordVariable`), natural language ("this is just a
 * long string"), file paths, URLs without credentials, version strings,
 * lockfile hashes, template expressions. Raw Shannon entropy cannot tell
 * `SalesResults-1.2` from a key (both score ~3.5 bits), so, in the spirit of
 * betterleaks' token-efficiency filter, we measure how much of the value is
 * covered by pronounceable English-like runs: a real key drawn from a random
 * alphabet almost never spells words for long, a human-written value almost
 * always does. Pure functions, no I/O; `engine.ts` calls `isQuietValue` for
 * rules that set `wordFilter`.
 */
import { isPlaceholder } from "./placeholder.js";

// The most frequent English letter pairs (roughly the top 250 of a large
// corpus, plus a few that identifiers use: type, web, object, pwd, sql). A run of letters whose pairs mostly come from this set reads as a
// word; a random lowercase run hits it for only ~20% of its pairs.
const COMMON_BIGRAMS = new Set(
  (
    "th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur ca el ta la ns di fo ho pe ec pr no ct us ac ot il tr ly nc et ut ss so rs un lo wa ge ie wh ee wi em ad ol rt po we na ul ni ts mo ow pa im mi ai sh ir su id os iv ia am fi ci vi pl ig tu ev ld ry mp fe bl ab gh ty op wo sa ay ex ke fr oo av ag if ap gr od bo sp rd do uc bu ei ov by rm ep tt oc fa ef cu rn sc gi da yo cr cl du ga qu ue ff ba ey ls va um pp ua up lu go ht ru ug ds lt pi rc rr eg au ck ew mu br bi pt ak pu ui rg ib tl ny ki rk ys ob mm fu ph og ms ye ud mb ip ub oi rl gu dr hr cc tw ft wn nu af hu nn eo vo rv nf xp gn sm fl iz ok nl my gl aw ju oa eq sy sl ps jo lf nv je nk kn gs dy hy ze ks xt bs yp eb bj wd sq ql"
  ).split(" "),
);

const VOWELS = /[aeiouy]/;

/** Splits a value into its letter runs, also at lower→upper case changes (`SalesResults` → Sales, Results). */
export function letterRuns(value: string): string[] {
  return value.split(/[^A-Za-z]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).filter((r) => r.length > 0);
}

/** Share (0..1) of a run's letter pairs that are common English bigrams. */
export function bigramScore(run: string): number {
  const lower = run.toLowerCase();
  if (lower.length < 2) return 0;
  let hits = 0;
  for (let i = 1; i < lower.length; i++) if (COMMON_BIGRAMS.has(lower.slice(i - 1, i + 1))) hits++;
  return hits / (lower.length - 1);
}

/** A run that reads as a word: long enough, has a vowel, mostly common pairs. */
export function isWordLikeRun(run: string): boolean {
  if (run.length < 3) return false;
  if (!VOWELS.test(run.toLowerCase())) return false;
  // Mixed case inside a run (after camel splitting) means `aBcD`-style noise.
  if (/[A-Z]/.test(run.slice(1)) && /[a-z]/.test(run)) return false;
  const score = bigramScore(run);
  // Short runs need every pair to be common ("key", "api"); long runs may
  // carry a rare pair or two ("passwd", "keystore").
  return run.length <= 4 ? score === 1 : score >= 0.6;
}

/**
 * Share (0..1) of the value's characters that sit in word-like runs. Digits,
 * punctuation and separators count neither way: `SalesResults-1.2` is 12 word
 * characters out of 12 letters.
 */
export function wordLikeness(value: string): number {
  let letters = 0;
  let wordy = 0;
  for (const run of letterRuns(value)) {
    letters += run.length;
    if (isWordLikeRun(run)) wordy += run.length;
  }
  if (letters === 0) return 0;
  return wordy / letters;
}

const VERSION = /^v?\d{1,6}(?:[._-]\d{1,8}){1,4}(?:[-+._]?[A-Za-z0-9.]{0,40})?$|^(?:rc|alpha|beta)\d/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAMPLE_MARK = /example|sample|dummy|notreal|not_real/i;
const CONTENT_HASH = /^(?:sha(?:1|224|256|384|512)|md5|blake2b?)[-:][A-Za-z0-9+/=_-]{8,}$/i;
const URL_NO_CREDENTIALS = /^[a-z][a-z0-9+.-]{1,15}:\/\/(?![^/\s]*:[^/\s@]*@)\S*$/i;
const PATH = /^(?:[~.]{0,2}\/|[A-Za-z]:\\|\\\\)[\w.@~\/\\-]{0,400}$|^[\w.-]{1,64}(?:\/[\w.@-]{1,64}){1,}\/?$|^[\w-]{1,64}(?:\.[\w-]{1,32})*\.(?:pem|p12|pfx|crt|cer|key|jks|keystore|keytab|json|ya?ml|toml|ini|conf|cfg|txt|env|properties|xml|js|ts|py|rb|go|sh|html?|md|lock|log|gpg|asc|pub|der)$/i;
const EMAIL = /^[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+$/;
// `${…}`, `{{ … }}`, `<…>`, `%(name)s`, `#{…}`, `$(…)`, `@{…}`, `[[…]]` as the whole value.
const TEMPLATE = /^(?:\$\{[^}]*\}|\$\([^)]*\)|\{\{.*\}\}|\{%.*%\}|<[^<>]*>|%\([\w.]+\)[sd]|%[\w.]+%|#\{[^}]*\}|@\{[^}]*\}|\[\[.*\]\]|\{[\w.-]*\})$/s;
// A reference to where the value lives, not the value: `$VAR`, `process.env.X`, `os.environ[…]`, `secrets.X`, a call.
const REFERENCE = /^(?:\$[A-Za-z_][\w]*|process\.env\b|import\.meta\.env\b|os\.(?:environ|getenv)\b|getenv\b|env[.([]|ENV\[|System\.getenv\b|secrets\.|vault:|ssm:|arn:aws:|ref\+|!Ref\b|!Sub\b)/;
const FUNCTION_CALL = /^[A-Za-z_$][\w$.]{0,80}\([^)]{0,200}\)?[;,]?$/;
// `a.b.c` member access / dotted config key, `pkg::Name`, `Class.CONSTANT`.
// Optional chaining, indexing and calls included: `p.parentKey?.toLowerCase()`, `m.indices?.[i]`.
const MEMBER_ACCESS = /^[A-Za-z_$][\w$]*(?:(?:\?\.|!\.|\.|::|->)(?:[A-Za-z_$][\w$]*|\[[^\]]{0,80}\])(?:\([^()]{0,80}\))?){1,8}[;,)]?$/;
// Type names and keywords that follow a name in declarations: `pass: number;`, `keys: KeyMetadata[]`.
const TYPE_WORD = /^(?:string|number|boolean|bigint|symbol|object|unknown|any|never|void|null|undefined|true|false|none|nil|int|long|float|double|bool|str|bytes|char|byte|Optional|Record|Array|Map|Set|Promise)\b/;
// Algorithm and key-type names that sit next to key material: `ssh-ed25519`, `RS256`, `aes256-cbc`.
const ALGORITHM = /^(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp\d{3}|sk-ssh-ed25519@openssh\.com|aes-?\d{3}(?:-[a-z]{2,4})?|[RHEP]S\d{3}|sha-?\d{1,3}|md5|hmac-?sha\d{1,3}|rsa-?\d{0,4}|ed25519|x25519|secp\d{3}[rk]1|p-?\d{3})$/i;
// A regular expression, not a value: character classes, escapes, groups, counted repeats.
const REGEX_SOURCE = /^(?:qr|m|s|r)?\/[\^\[(\\]|\\x[0-9A-Fa-f]{2}.{0,8}\\x[0-9A-Fa-f]{2}|\[(?:\^)?[^\]]{0,40}[A-Za-z0-9]-[A-Za-z0-9][^\]]{0,40}\]|\\[wdsbWDSB]|\(\?(?:[:=!]|<[=!A-Za-z])|\]\{\d{1,4}(?:,\d{0,4})?\}|^\/\^/;
// reStructuredText roles in docstrings: `:type passphrase: :py:data:`.
const REST_ROLE = /^:[a-z]{1,20}(?::[a-z]{1,20}){0,3}:$/;
// DER SubjectPublicKeyInfo in base64 (P-256, RSA, Ed25519, X25519): public keys.
const PUBLIC_KEY_DER = /^(?:MFkwEwYHKoZIzj0CAQY|MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A|MIICIjANBgkqhkiG9w0BAQEFAAOCAg8A|MCowBQYDK2VwAyEA|MCowBQYDK2VuAyEA|MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE)/;
const NUMBER = /^(?:0x[0-9a-f]{1,32}|0b[01]{1,64}|-?\d{1,40}(?:\.\d{1,20})?(?:e[+-]?\d{1,3})?)$/i;
// Credentials inside a URL are the URL rules' business (they know templates and demo users).
const URL_WITH_CREDENTIALS = /^[a-z][a-z0-9+.-]{1,15}:\/\/[^/\s]*:[^/\s@]*@/i;
// Only letters, digits and the separators of identifiers and text: what "words" may be made of.
const WORDY_CHARSET = /^[A-Za-z0-9 _.\-/:!?,'@#~*+=%&|^]+$/;
// Text in another script (`予期しないトークンです。`): keys are ASCII.
const NON_ASCII_TEXT = /[^\x00-\x7f]/g;

/**
 * The kinds of value the generic rules must leave alone, checked in order of
 * cost. Returns the reason (for tests and debugging), or undefined when the
 * value may be a secret.
 */
export function quietReason(value: string, options: { readonly minWordLikeness?: number } = {}): string | undefined {
  const v = value.trim();
  if (v.length === 0) return "empty";
  if (TEMPLATE.test(v)) return "template";
  if (TYPE_WORD.test(v) || /^[A-Z][A-Za-z0-9_]{0,60}(?:<[^<>]{0,80}>)?(?:\[\])+[;,]?$/.test(v)) return "type";
  if (REFERENCE.test(v)) return "reference";
  if (URL_NO_CREDENTIALS.test(v)) return "url";
  if (EMAIL.test(v)) return "email";
  if (CONTENT_HASH.test(v)) return "content-hash";
  // spec/finta-credentials.md: UUIDs look random but identify, they do not authenticate
  // (`"ChangeToken": "…-4fdb-b8d5-…"`, idempotency and request tokens). Vendors whose keys
  // are UUIDs have their own rules, which judge by the vendor's name, not by these filters.
  if (UUID.test(v)) return "uuid";
  // Documentation samples say so: AWS's `…EXAMPLE` values, `sample_token_…`.
  if (SAMPLE_MARK.test(v)) return "sample";
  if (VERSION.test(v)) return "version";
  if (NUMBER.test(v)) return "number";
  if (PUBLIC_KEY_DER.test(v)) return "public-key";
  if (v.startsWith("<")) return "markup";
  if (REST_ROLE.test(v)) return "doc-role";
  if ((v.match(NON_ASCII_TEXT)?.length ?? 0) * 3 >= v.length) return "non-ascii-text";
  if (REGEX_SOURCE.test(v)) return "regex";
  if (URL_WITH_CREDENTIALS.test(v)) return "url-with-credentials";
  // The `password@host/path` tail of a URL whose name part matched a secret word
  // (`https://x-access-token:…@github.com/…`): the URL rules judge it whole.
  if (/^[^@\s/]{1,128}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}(?:[:/][^\s]*)?$/.test(v)) return "url-with-credentials";
  if (ALGORITHM.test(v)) return "algorithm";
  // Base64 and paths share an alphabet; a path is made of words (`env/cert.p12`), a key is not.
  if (PATH.test(v) && wordLikeness(v) >= 0.4) return "path";
  if (MEMBER_ACCESS.test(v)) return "member-access";
  if (FUNCTION_CALL.test(v) && /\(/.test(v)) return "call";
  // Natural language: several space-separated words.
  if (/\s/.test(v) && v.split(/\s+/).filter((w) => /^[A-Za-z][a-z']*[.,!?:]?$/.test(w)).length >= 3) return "prose";
  const min = options.minWordLikeness ?? 0.7;
  const trimmed = v.replace(/[^A-Za-z0-9]{1,3}$/, "");
  if (WORDY_CHARSET.test(trimmed) && wordLikeness(trimmed) >= min && hasFewDigitsInside(trimmed)) return "words";
  if (isEncodedText(v)) return "encoded-text";
  return undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4}){3,200}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Base64 that decodes to readable words (`ZHVtbXkgdGV4dC…` is "dummy text…"):
 * a sample, not key material, which decodes to bytes that are not text.
 */
function isEncodedText(v: string): boolean {
  if (v.length < 16 || !BASE64.test(v)) return false;
  let decoded: string;
  try {
    decoded = atob(v);
  } catch {
    return false;
  }
  if (!/^[\x20-\x7e\t\r\n]+$/.test(decoded)) return false;
  // An encoded document (`{"signatures": …`) or plain words, not key bytes.
  return /^\s*[{[<]/.test(decoded) || wordLikeness(decoded) >= 0.7;
}

/**
 * Words with a digit suffix (`Password1`, `SalesResults-1.2`) still read as
 * words; digits scattered through the value (`k3yM4t3r1al`) do not.
 */
function hasFewDigitsInside(v: string): boolean {
  // (A loop, not `/[\d._-]+$/`: that regex retries from every character of a long run.)
  let cut = v.length;
  while (cut > 0 && /[\d._-]/.test(v.charAt(cut - 1))) cut--;
  const inner = v.slice(0, cut);
  const digits = inner.replace(/[^0-9]/g, "").length;
  return digits <= Math.max(1, Math.floor(inner.length / 10));
}

// A value that is itself a secret-ish word: `password = "password"`, `secret: secret`.
const SELF_NAMED = /^(?:pass(?:word|wd|phrase)?|pwd|secret|token|key|api[_-]?key|credentials?|none|null|nil|undefined|true|false|empty|default|-?anonymous@?|guest)$/i;
// An identifier made of several words: `real_secret`, `db-password`, `TestSourcePassword`.
// (A scanner, not the regex it replaces, `^[A-Za-z][a-z]*(?:[_-]?[A-Z]?[a-z]+){1,8}\d{0,2}$`:
// that regex splits a lowercase run among its repeats in exponentially many ways
// before failing, e.g. on a long passphrase followed by `!`.)
export { isMultiWordIdentifier } from "./multi-word-identifier.js";
import { isMultiWordIdentifier } from "./multi-word-identifier.js";
// Password mode also takes `fake` and `placeholder` as marks: a chosen password may hold the
// rest of these by chance no more often than a random key does.
const SAMPLE_WORD = new RegExp(`fake|placeholder|${SAMPLE_MARK.source}`, "i");

/**
 * How strict the filter is. `"value"` (API keys, tokens): anything that reads
 * as words is quiet. `"password"`: people choose passwords that are words
 * (`rootpasswd`), so a single word stays reportable and only multi-word
 * identifiers, sample words and the structural kinds are quiet.
 */
export type QuietMode = "value" | "password";

// A well-formed template expression anywhere in the value: the value is built
// at run time (`prefix-${ENV}`, `{{ .Values.x }}`, `<your-key>`).
// (Also the start of one cut off by the value's end: `sk-${fakeBody(32` — an identifier then `}`, `(` or the end.)
// Python f-string / str.format fields need a member, index, conversion or
// format spec (`{self._key!r}`, `{0.name}`), so a lone `{h}` in a random value is not one.
const EMBEDDED_TEMPLATE = /\{(?:\d{1,2}|[A-Za-z_]\w*)(?:(?:\.[A-Za-z_]\w*|\[[^\]]{0,40}\]){1,6}(?:![rsa])?|![rsa]|:[<>^]?\d{0,4}[dfsx])\}|\$\{[A-Za-z_][\w.]*(?:\(|$)|\$\{\{?\s*[A-Za-z_][\w.:-]*\s*\}\}?|\$\([A-Za-z_][\w .-]*\)|\{\{[\s\w.|"'-]*\}\}|<[A-Za-z][\w -]{0,40}>|%\([\w.]+\)[sd]|#\{[\w.]+\}/;

/**
 * The engine's placeholder check, minus its "contains `<`, `{`, `$`" markers:
 * generic values are judged by EMBEDDED_TEMPLATE instead, since a real
 * password may contain those characters.
 */
function isLoosePlaceholder(value: string): boolean {
  return isPlaceholder(value.replace(/[<>{}$()]/g, "")) || isPlaceholder(value.replace(/[<>{}()]/g, "").replace(/\$(?![A-Za-z_{(])/g, ""));
}

/** Letters and digits only, lower-cased: `id-Gost28147-89` and `SN_id_Gost28147_89` compare equal. */
function squashed(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * `context` is the whole regex match (name, operator, value): a value that
 * merely repeats its own name (`KEY_MESHING = "key-meshing"`) is a label.
 */
// Code, not a literal: identifiers joined by member access, indexing, calls,
// generics and operators, possibly cut off where the value's match ended
// (`params[params.length`, `req$4.headers[`), or led by a keyword or comment.
const CODE_CHARS = /^[\w$.!?()[\]{}<>:*+&|=\-\/]+$/;
const CODE_START = /^(?:[*&]{1,2}[A-Za-z_]|\[\]|\{\}|(?:function|new|await|yield|typeof|void|async|lambda|fn|func|def|return|this|self)\b|\/[*/])/;

/** An identifier, member access or call (unquoted in code) whose names read as words. */
export function isCodeExpression(raw: string): boolean {
  // A value cut from inside a string literal may end in escapes: `dishes.keys()\n`.
  // (A loop, not `/(?:\\[nrt])+$/`: that regex retries from every escape of a long run.)
  let cut = raw.length;
  while (cut >= 2 && raw.charCodeAt(cut - 2) === 92 && /[nrt]/.test(raw.charAt(cut - 1))) cut -= 2;
  const value = raw.slice(0, cut);
  if (CODE_START.test(value)) return true;
  if (!CODE_CHARS.test(value) || !/^[!([]{0,3}[A-Za-z_$]/.test(value)) return false;
  if (wordLikeness(value) >= 0.4) return true;
  // camelCase identifiers whose every part has a vowel (`getDefaultExportFromCjs`).
  const runs = letterRuns(value).filter((r) => r.length >= 2);
  return runs.length > 0 && runs.every((r) => /[aeiouyAEIOUY]/.test(r));
}

export function isQuietValue(value: string, mode: QuietMode = "value", context?: string): boolean {
  if (EMBEDDED_TEMPLATE.test(value) || isLoosePlaceholder(value)) return true;
  if (context !== undefined) {
    const v = squashed(value);
    const at = context.lastIndexOf(value);
    const name = squashed(context.slice(0, at)).replace(/^(?:const|let|var|val|export|readonly|private|public|def|my|set)/, "");
    if (v.length >= 4 && at > 0 && name.includes(v)) return true;
    // `regKey = regKey.replace(…)`, `*META_KEY = \&Util::META_KEY`: the value refers to its own name.
    const lastName = /[a-z0-9]{6,}$/.exec(name)?.[0];
    if (lastName !== undefined && v.includes(lastName) && !/^[a-f0-9]+$/.test(v)) return true;
    // `pass: "passed"`: the value is a form of the name's own word.
    const word = /(pass(?:word|wd)?|pwd|secret|token|key)$/.exec(name)?.[1];
    if (word !== undefined && word.length >= 4 && v.startsWith(word)) return true;
    // A bare (unquoted) value in code is an expression: `key !== previousKey)`,
    // `!host.useCaseSensitiveFileNames()`, `antecedent`. Literals are quoted.
    const before = at > 0 ? context.charAt(at - 1) : "";
    // (Element text, after `>`, is data, not code.)
    if (!/["'\x60>]/.test(before) && isCodeExpression(value)) return true;
  }
  if (mode === "value") return quietReason(value) !== undefined;
  const v = value.trim();
  if (SELF_NAMED.test(v) || SAMPLE_WORD.test(v)) return true;
  const reason = quietReason(v, { minWordLikeness: 2 });
  if (reason !== undefined) return true;
  return isMultiWordIdentifier(v) && letterRuns(v).length >= 2 && letterRuns(v).every(isWordLikeRun);
}
