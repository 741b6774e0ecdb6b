/**
 * Generic keyword rules: a literal value assigned to (or compared with) a
 * name that says password, secret, token, API key, key or credentials.
 *
 * These rules see every such assignment in every file, so they are made
 * quiet rather than loud: the value must not read as words, an identifier,
 * a path, a URL without credentials, a version, a content hash or a template
 * expression (`wordFilter`, see detect/word-likeness.ts), which beats a raw
 * entropy threshold (betterleaks' observation, measured in the note on this
 * catalogue). Passwords are the exception to "words are quiet": people pick
 * `rootpasswd`, so the password rules use the milder `"password"` filter.
 *
 * Specificity 10–12: any provider rule that sees the same value wins. A value
 * on a line that names Finta, or under a `finta:` block, is promoted to
 * `finta-env-secret` (spec/finta-credentials.md, "Context counts").
 */
import { fakeToken, joined, withSecret } from "../examples.js";
import type { RuleContextPromotion, RuleSpec } from "../types.js";
import { ci } from "./dsl.js";

const REMEDIATION =
  "Move the value out of the source: read it from an environment variable or a secret manager at run time, rotate it at its issuer if it was ever pushed, and purge it from git history.";

const FINTA_CONTEXT: readonly RuleContextPromotion[] = [{ to: "finta-env-secret", key: "finta", parentKey: "finta" }];

// Names that hold a secret, any case. Each word must end where the name's
// word ends (`tokenized`, `pwdump`, `keyboard` are not names of secrets), but
// may go on in camelCase (`tokenValue`) or after a separator (`token_2`).
// (`secrete` is tolerated: a common misspelling, and detect-secrets tests it;
// Spanish `contraseña` and Portuguese `senha` are password names too.)
// `pass` and `pwd` must also start a word or a camelCase part (`bypassFlow`,
// `compass` are not password names); `password` may close a longer word
// (`dbpassword`).
const END_OF_WORD = "(?![a-z])";
const w = (word: string): string => ci(word);
const SECRET_NAME = `(?:${w("secret")}e?s?|${w("token")}s?|${w("api")}[_.-]?${w("key")}s?|${w("access")}[_.-]?${w("key")}|${w("auth")}[_.-]?${w("key")}|${w("private")}[_.-]?${w("key")}|${w("client")}[_.-]?${w("secret")}|${w("signing")}[_.-]?${w("key")}|${w("encryption")}[_.-]?${w("key")}|${w("master")}[_.-]?${w("key")}|${w("credentials")}?|${w("creds")}|(?<![A-Za-z])${w("key")}s?|(?<=[a-z])Keys?|(?<=[a-z])KEYS?)${END_OF_WORD}`;
const PASSWORD_NAME = `(?:${w("passw")}(?:${w("or")})?${w("d")}s?|${w("passwort")}|${w("passphrase")}|${w("contrase")}[ñÑnN][aA]|${w("senha")}|(?<![A-Za-z])${w("pwd")}|(?<![A-Za-z])${w("pass")}|(?<=[a-z])P(?:ass|ASS|wd|WD)|(?<=[A-Z_])(?:PASS|PWD))${END_OF_WORD}`;

// Names that end in one of these hold metadata about a secret, not the secret:
// credentialsId, key_name, secret_length, tokenType, SECRET_FILE, keyVersion.
const METADATA_WORDS =
  "id|ids|name|names|type|file|path|dir|url|uri|endpoint|version|length|len|size|count|format|prefix|suffix|mode|field|header|param|env|var|ref|label|policy|alias|store|vault|arn|hash|fingerprint|digest|pattern|regex|provider|algorithm|algo|expiry|expires|ttl|timeout|index|class|kind|enabled|required|location|region|hint|description|desc|template|mask|manager|validator|generator";
const METADATA = `(?:${METADATA_WORDS.split("|").map(ci).join("|")})`;
// The same for a name whose head noun comes before a preposition: in
// `keyVaultForAppSecrets`, `path_to_private_key` or `nameOfSecret` the
// secret word is the object, and the name says what the value is (a vault,
// a path, a name) before `to`/`for`/`of`.
const PREPOSITION = "(?:[_.-]?(?:to|for|of|TO|FOR|OF)[_.-]|(?:To|For|Of)(?=[A-Z]))";
const METADATA_SUFFIX =
  `(?<!${METADATA}[_.-]?\\d{0,3}["'\\]]{0,3})` + `(?<!${METADATA}${PREPOSITION}[A-Za-z0-9_.-]{0,40})`;

// The name's word (`secret`, `Token`, `PASSWD`…) may sit up to 40 characters
// into a name that starts where a longer identifier does not go on to its
// left (`db_password`, `config.apiKey`). The match starts at the name's start
// (the engine promotes by, and the word filter reads, the whole name), but a
// pattern that starts with a class of every identifier character (the obvious
// `[A-Za-z0-9_.$-]{0,40}?word`) makes V8 try every secret word at every
// character of every name, which cost more than the rest of the catalogue
// together. A lookahead for the words' first three letters (`GATE`) rejects
// most name starts at once and leaves the rest of the pattern exactly as it
// was: same matches, about 2.3 times faster (generic-secret over 15 MB of
// TypeScript: 518 → 228 ms). Starting the regex at the word itself is twice
// as fast again, but the match would then start at the word, which changes
// what the word filter and the Finta promotion see, unless the engine learns
// to take a match's start from a group captured in a look-behind.
const NAME_START = "(?<![A-Za-z0-9_$])";
const GATE = (first3: readonly string[]): string => `${NAME_START}(?=[A-Za-z0-9_.$-]{0,40}?(?:${first3.map(ci).join("|")}))`;
// A C-style array suffix may follow the name: `char secret[25] = "…"`.
// Two lookaheads refuse a name start (and, after the name's word, a cut of
// the name) that no operator follows: on a run of secret words (`pwd-pwd-…`,
// `key-key-…`) the pattern would otherwise try every cut of every name there,
// and the metadata look-behinds at each. Each takes the longest run of name
// characters once, without backtracking (a lookahead is atomic: the group it
// captures is then matched again by reference), and wants an operator's first
// character right after it. Implied by the rest of the pattern (a `.` of `.=`
// is a name character), so the matches are the same.
const OPERATOR_START = `(?:\\[\\d{0,4}\\])?["'\\]]{0,3}[ \\t]{0,8}[=:?|+<!,]`;
const OPERATOR_NEAR = `(?=(?=(?<nameRun>[A-Za-z0-9_.$ñÑ-]{0,96}))\\k<nameRun>${OPERATOR_START})`;
const OPERATOR_AFTER_NAME = `(?=(?=(?<nameTail>[A-Za-z0-9_.-]{0,24}))\\k<nameTail>${OPERATOR_START})`;
const NAME_BODY = (first3: readonly string[], core: string): string =>
  `${GATE(first3)}${OPERATOR_NEAR}[A-Za-z0-9_.$-]{0,40}?${core}${OPERATOR_AFTER_NAME}[A-Za-z0-9_.-]{0,24}?(?:\\[\\d{0,4}\\])?`;
// First three letters of every word SECRET_NAME and PASSWORD_NAME accept.
const SECRET_FIRST3 = ["sec", "tok", "key", "api", "acc", "aut", "pri", "cli", "sig", "enc", "mas", "cre"];
const PASSWORD_FIRST3 = ["pas", "pwd", "con", "sen"];

// Assignment or comparison operators of the common languages and formats (a
// lone `:`, never C++'s `::` scope operator); a
// `,` only after a quoted upper-case constant as a call's first argument
// (`define('PASSWORD', '…')`), not in any list of strings (`("passwd", "x")`).
const OPERATOR =
  "[\"'\\]]{0,3}[ \\t]{0,8}(?:=|:=|::=|:::=|\\?=|\\|\\|=|\\+=|\\.=|(?<!:):(?!:)|=>|<-|==|===|!=|!==|(?<=\\([ \\t]{0,4}[\"'][A-Z0-9_.-]{1,80}[\"'][ \\t]{0,8}),)[ \\t]{0,8}@?";

// The operator, looked for before the metadata look-behinds: on a run of
// secret words with no operator after them (`key-key-key-…`) those
// look-behinds were tried at every cut of every name, tens of thousands of
// steps per character; the lookahead refuses such a name first. Same
// matches: the pattern requires the operator right there anyway.
const OPERATOR_AHEAD = `(?=${OPERATOR})`;

// The value: quoted (closing quote required) or bare, no whitespace (prose is
// not a secret); it ends at a quote, whitespace, `;`, `,`, a closing bracket,
// an escaped newline or the end of the line, and is never shortened to make
// the rest of the pattern fit (`{0.key}`, must not become `{0.key`). A bare value followed by another
// word is prose (`"pass: Python, compare_digest, …"`), not an assignment. A value cannot start with an
// escaped newline (`password=\\n…` in a string literal is an empty value).
const VALUE = (min: number, max: number): string =>
  `(?<q>[\\x60"']?)(?!\\\\[nrt])(?<secret>[^\\s"'\\x60;,]{${min},${max}})(?![^\\s"'\\x60;,])\\k<q>(?=[\\s"'\\x60;,)\\]}]|\\\\[nrt]|$)(?:(?<=[\\x60"'])|(?![,.:]?[ \\t]{1,4}[A-Za-z]))`;

// A secret-name value may also be a quoted string that does not close on its
// line but goes on to the next: PHP and shell strings span lines, Python
// continues a line with `\` or opens a triple-quoted string. Only a string
// that is one base64-like run of 16 or more characters up to the end of the
// line, with the next line going on in the same alphabet, counts (so
// `key = """` + prose, or a line cut by a typo, does not); the secret
// reported is the part on the name's line (without a closing `\`). It is an alternative inside
// `generic-secret`'s value rather than a rule of its own: a second rule
// would match every secret name in every file a second time.
const VALUE_OR_CONTINUED = (min: number, max: number): string =>
  `(?<q>'''|"""|[\\x60"']?)(?!\\\\[nrt])(?<secret>[^\\s"'\\x60;,]{${min},${max}})(?:(?![^\\s"'\\x60;,])|(?=\\\\$))` +
  `(?:\\k<q>(?=[\\s"'\\x60;,)\\]}]|\\\\[nrt]|$)(?:(?<=[\\x60"'])|(?![,.:]?[ \\t]{1,4}[A-Za-z]))` +
  `|(?<=[\\x60"'][A-Za-z0-9+/=_-]{16,${max}})\\\\?$(?=\\r?\\n[ \\t]{0,40}[A-Za-z0-9+/=_-]{4}))`;

const token = fakeToken("", 32, "alnum", "generic-token");
const hexSecret = fakeToken("", 64, "hex", "generic-hex");
const password = fakeToken("", 14, "alnum", "generic-password") + "!";

export const genericRules: readonly RuleSpec[] = [
  {
    id: "generic-secret",
    description: "Literal high-entropy value assigned to a secret, token, API key, key or credentials name",
    provider: "Generic",
    severity: "medium",
    keywords: ["secret", "token", "key", "credential", "creds"],
    regex: NAME_BODY(SECRET_FIRST3, SECRET_NAME) + OPERATOR_AHEAD + METADATA_SUFFIX + OPERATOR + VALUE_OR_CONTINUED(10, 200),
    flags: "m",
    entropy: 3.0,
    // The word filter covers placeholders without tripping on values that
    // merely contain `{`, `<` or `$` (a real secret may).
    placeholderFilter: false,
    wordFilter: true,
    // A value in Slack's prefixed format is the Slack rules' to judge: their
    // shapes cover every token Slack issues (numeric ids of 8–13 digits), so
    // one they refused (`xoxp-1234-1234-1234-…`) is a hand-made sample.
    allowlist: { regexes: ["^xox[a-z]-"], regexTarget: "secret" },
    specificity: 10,
    promote: FINTA_CONTEXT,
    remediation: REMEDIATION,
    tags: ["generic"],
    examples: {
      positive: [
        withSecret('generic_TOKEN :::= "', token, '"'),
        withSecret('"client_secret" : "', hexSecret, '",'),
        withSecret("$key = '", token, "';"),
        // Strings that go on to the next line.
        withSecret("$key = '", token, "\n" + fakeToken("", 20, "base64", "generic-continued-a") + "';"),
        withSecret("api_key = '", token, "\\\n  " + fakeToken("", 12, "base64", "generic-continued-b") + "=='"),
        withSecret("signing_key = '''", token, "\n" + fakeToken("", 12, "base64", "generic-continued-c") + "'''"),
      ],
      negative: [
        "credentialsId: 'ff083f76-7804-4ef1-80e4-fe975bb9141b'",
        '"bucket_key": "SalesResults-1.2"',
        'LLM_SECRET_NAME = "NEXUS-GPT4-API-KEY"',
        "app.keystore.file=env/cert.p12",
        "api_key = process.env.API_KEY",
        'token: "${{ secrets.DEPLOY_TOKEN }}"',
        'const keyStr = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"',
        '"integrity": "sha512-' + fakeToken("", 86, "base64", "integrity") + '=="',
        "secret_url = https://vault.example.com/v1/secret/data/app",
        'token = """\nThe token is read from the environment.\n"""',
        "key = '" + fakeToken("", 24, "alnum", "generic-continued-d") + "\n\nprint(key)",
        // The name's head noun comes before a preposition: a vault, not a secret.
        "keyVaultForAppSecrets: " + fakeToken("", 24, "alnum", "generic-vault-name"),
        'path_to_private_key = "' + fakeToken("", 24, "alnum", "generic-path-to") + '"',
        // A UUID identifies (spec: content-addressed look-alikes); a documentation sample says so.
        '"ChangeToken": "' + fakeToken("", 8, "hex", "generic-uuid-a") + "-46da-4fdb-b8d5-" + fakeToken("", 12, "hex", "generic-uuid-b") + '",',
        '"ClientRequestToken": "EXAMPLE1-90ab-cdef-fedc-' + fakeToken("", 12, "alnum", "generic-sample") + '",',
        // Slack's prefix, refused by the Slack rules.
        '"token": "' + joined("xox", "p-", "1234-1234-1234-") + fakeToken("", 32, "hex", "generic-slack-sample") + '"',
      ],
    },
  },
  {
    id: "generic-password",
    description: "Literal password assigned to a password, passwd, pwd or passphrase name",
    provider: "Generic",
    severity: "medium",
    keywords: ["pass", "pwd", "contrase", "senha"],
    regex: NAME_BODY(PASSWORD_FIRST3, PASSWORD_NAME) + OPERATOR_AHEAD + METADATA_SUFFIX + OPERATOR + VALUE(6, 128),
    flags: "m",
    placeholderFilter: false,
    wordFilter: "password",
    specificity: 12,
    promote: FINTA_CONTEXT,
    remediation: REMEDIATION,
    tags: ["generic", "password"],
    examples: {
      positive: [withSecret('db_password = "', password, '"'), withSecret("password: ", password), withSecret("contraseña = '", password, "'")],
      negative: [
        'password = "abc"',
        'password := "somefakekey"',
        "password: real_key",
        "password[] = ${link}",
        "passwordVariable: 'PASSWORD'",
        'password = os.environ["DB_PASSWORD"]',
        "password: {{ .Values.Password }}",
      ],
    },
  },
  {
    id: "generic-secret-comparison",
    description: "Literal secret compared with a password, secret, token or API key variable",
    provider: "Generic",
    severity: "medium",
    keywords: ["pass", "pwd", "secret", "token", "key"],
    // `if ("…" == password)`: the value comes first, so the name rules miss it.
    regex:
      "(?<q>[\"'\\x60])(?<secret>[^\"'\\x60\\s]{8,200})\\k<q>[ \\t]{0,4}(?:===?|!==?)[ \\t]{0,4}[\\w$.]{0,40}?(?:passw(?:or)?d|passwd|pwd|pass|secret|token|api_?key|apikey|private_?key)",
    flags: "i",
    placeholderFilter: false,
    wordFilter: "password",
    specificity: 11,
    remediation: REMEDIATION,
    tags: ["generic", "password"],
    examples: {
      positive: [withSecret('if ("', password, '" === password) {')],
      negative: ['if ("" === password) {', 'if (password === "") {'],
    },
  },
  {
    id: "generic-xml-secret",
    description: "Literal password or secret as the text of an XML/HTML element named for it",
    provider: "Generic",
    severity: "medium",
    keywords: ["pass", "secret", "token", "key", "pwd"],
    regex:
      "<(?<tag>[\\w:.-]{0,30}(?:passw(?:or)?d|passwd|pwd|secret|token|api_?key|apikey|private_?key)[\\w:.-]{0,30})(?<!(?:id|name|type|file|path|url|uri|ref|length))(?:\\s[^<>]{0,200})?>(?<secret>[^<>\\s]{6,200})</\\k<tag>>",
    flags: "i",
    placeholderFilter: false,
    wordFilter: "password",
    specificity: 12,
    remediation: REMEDIATION,
    tags: ["generic", "password"],
    examples: {
      positive: [withSecret('<password name="password">', password, "</password>")],
      negative: ["<password>${DB_PASSWORD}</password>", "<secretRef>vault-secret</secretRef>"],
    },
  },
  {
    id: "generic-cli-password",
    description: "Literal password or token passed as a command-line option (--password, --passphrase, --token, …)",
    provider: "Generic",
    severity: "medium",
    keywords: ["pass", "secret", "token", "pwd", "bearer", "apikey", "api-key"],
    regex:
      "(?<![\\w-])--?(?:password|passwd|passphrase|pass|pwd|[\\w-]{0,20}secret[\\w-]{0,20}|[\\w-]{0,20}(?:token|bearer)|api-?key)(?:[ \\t]{1,5}|=)(?<q>[\"']?)(?<secret>[^\\s\"'$<>{}()-][^\\s\"'$<>{}()]{5,127})\\k<q>(?=\\s|$)",
    flags: "i",
    placeholderFilter: false,
    wordFilter: "password",
    specificity: 12,
    remediation: REMEDIATION + " Pass the value through an environment variable or a file (`--password-file`) so it does not land in shell history or scripts.",
    tags: ["generic", "password", "cli"],
    examples: {
      positive: [withSecret("mysql -u root --password ", password, " app")],
      negative: ["mysql -u root --password $DB_PASSWORD app", "gpg --passphrase-file ./pass.txt"],
    },
  },
  {
    id: "powershell-secure-string",
    description: "Literal password turned into a SecureString in PowerShell (ConvertTo-SecureString)",
    provider: "Generic",
    severity: "medium",
    keywords: ["convertto-securestring"],
    regex:
      "ConvertTo-SecureString(?:[ \\t]{1,5}-(?:String|Force|AsPlainText)){0,3}[ \\t]{1,5}(?:\\\\?[\"'])?(?<secret>[^\\s\"'\\\\|;)$]{6,128})",
    flags: "i",
    placeholderFilter: false,
    wordFilter: "password",
    specificity: 12,
    remediation: REMEDIATION + " Read the value with Get-Credential, a secret vault module or an environment variable instead.",
    docsUrl: "https://learn.microsoft.com/powershell/module/microsoft.powershell.security/convertto-securestring",
    tags: ["generic", "password", "powershell"],
    examples: {
      positive: [withSecret('$pw = ConvertTo-SecureString "', password, '" -AsPlainText -Force')],
      negative: ["$pw = ConvertTo-SecureString $env:DEPLOY_PASSWORD -AsPlainText -Force"],
    },
  },
];
