/**
 * The Finta credential rules: the contract is spec/finta-credentials.md.
 *
 * Specificity: prefix rules (100) beat the variable rule (80), which beats the
 * bearer rule (70) and every generic rule, so a `sk_live_` key inside
 * `FINTA_API_KEY=sk_live_…` is one finding under `finta-secret-key-live`.
 */
import { ALNUM, BASE64, HEX, fakeBody, fakeToken, fakeUuid, joined, withSecret } from "./examples.js";
import type { RuleSpec } from "./types.js";

const ROTATE_LIVE =
  "Rotate this key now: create a new key in the Finta dashboard (Settings → API keys), " +
  "update the environment variable or secret store that holds it, verify the new key with " +
  "`GET https://api.finta.io/v2/me`, then revoke the old key. If this commit was ever pushed, " +
  "also remove the key from git history. Keep keys in environment variables (an untracked .env file " +
  "or your CI's secret store), never in source.";

const ROTATE_TEST =
  "Rotate this test key in the Finta dashboard (Settings → API keys) and move the value to an " +
  "untracked .env file (listed in .gitignore) or your CI's secret store; reference it as " +
  "process.env.FINTA_SECRET_KEY (or os.environ[\"FINTA_SECRET_KEY\"]).";

const ROTATE_WEBHOOK =
  "Roll the webhook signing secret in the Finta dashboard (Developers → Webhooks → Roll secret), " +
  "store the new one as FINTA_WEBHOOK_SECRET in your secret store, redeploy, and remove the old " +
  "value from git history if it was pushed.";

const DOCS = "https://docs.finta.io/api/v2/authentication";

// Characters that may not touch a prefixed key on the left: a key glued to an
// identifier (`my_finta_…`, `ask_live_…`) is part of a longer word, not a key.
const LEFT = "(?<![A-Za-z0-9_])";

// Values under FINTA_* names that identify rather than authenticate: object
// ids (`acct_…`, `evt_…`: a short lower-case prefix, never a key prefix),
// UUIDs, numbers, URLs that carry no user:password, relative file paths.
const FINTA_IDENTIFIER =
  "^(?:(?!sk_|rk_|whsec_|finta_)(?:acct|evt|cus|ch|pi|pm|py|po|re|in|ii|sub|si|prod|price|txn|tr|src|card|ba|file|req|seti|we|obj|inv|pay|ref|mch|org|usr|acc|cust|idem)_[A-Za-z0-9]{4,64}" +
  "|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9]{1,40}|https?://[^\\s:@/]{1,253}(?::[0-9]{1,5})?(?:/[^\\s@]{0,400})?" +
  // A relative file path with an extension (`certs/finta.pem`, `app/config/webhooks.yml`) names where a secret lives, not the secret.
  "|[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}(?:/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}){1,16}\\.[A-Za-z0-9]{1,8})$";

const liveKey = fakeToken(joined("sk_", "live_"), 32, ALNUM, 11);
const testKey = fakeToken(joined("sk_", "test_"), 32, ALNUM, 12);
const apiKey = joined("finta_", fakeBody(8, ALNUM, 13), fakeBody(24, ALNUM, 14));
const webhook = fakeToken(joined("wh", "sec_"), 32, BASE64, 15);

export const fintaRules: readonly RuleSpec[] = [
  {
    id: "finta-api-key",
    description: "Finta API v2 key (finta_…)",
    provider: "Finta",
    severity: "critical",
    keywords: ["finta_"],
    // finta_ + 8 alphanumerics, then more alphanumerics, `_` or `-` (24 or
    // more in all); the body needs a digit and a letter, which leaves out
    // word-only identifiers such as finta_api_key_rotation_days.
    regex:
      LEFT +
      "(?<secret>finta_(?=[A-Za-z0-9_-]{0,256}[0-9])(?=[A-Za-z0-9_-]{0,256}[A-Za-z])[A-Za-z0-9]{8}[A-Za-z0-9_-]{16,248})(?![A-Za-z0-9_-])",
    entropy: 3.0,
    specificity: 100,
    remediation: ROTATE_LIVE,
    docsUrl: DOCS,
    tags: ["finta", "api-key"],
    examples: {
      positive: [withSecret('const client = new Finta({ apiKey: "', apiKey, '" });')],
      negative: [
        "import { finta_client } from './finta';",
        "finta_api_key_rotation_days: 90",
        "finta_webhook_secret = load_secret()",
        `finta_${"x".repeat(28)}`,
      ],
    },
  },
  {
    id: "finta-secret-key-live",
    description: "Finta live secret key (sk_live_…)",
    provider: "Finta",
    severity: "critical",
    keywords: ["sk_live_"],
    regex: LEFT + "(?<secret>sk_live_[A-Za-z0-9]{16,247})(?![A-Za-z0-9])",
    entropy: 3.0,
    specificity: 100,
    remediation: ROTATE_LIVE,
    docsUrl: DOCS,
    tags: ["finta", "secret-key", "live"],
    examples: {
      positive: [withSecret("FINTA_SECRET_KEY=", liveKey)],
      negative: [
        "FINTA_SECRET_KEY=sk_live_***",
        "sk_live_xxxxxxxxxxxxxxxx",
        "sk_live_...",
        "sk_live_<your key>",
        "sk_live_0000000000000000",
      ],
    },
  },
  {
    id: "finta-secret-key-test",
    description: "Finta test-mode secret key (sk_test_…)",
    provider: "Finta",
    severity: "high",
    keywords: ["sk_test_"],
    regex: LEFT + "(?<secret>sk_test_[A-Za-z0-9]{16,247})(?![A-Za-z0-9])",
    entropy: 3.0,
    specificity: 100,
    remediation: ROTATE_TEST,
    docsUrl: DOCS,
    tags: ["finta", "secret-key", "test"],
    examples: {
      positive: [withSecret('stripe_like = "', testKey, '"')],
      negative: ["sk_test_1234567890abcdef", "sk_test_xxxxxxxxxxxxxxxxxxxx"],
    },
  },
  {
    id: "finta-webhook-secret",
    description: "Finta webhook signing secret (whsec_…)",
    provider: "Finta",
    severity: "critical",
    keywords: ["whsec_"],
    regex: LEFT + "(?<secret>whsec_[A-Za-z0-9+/]{24,250}={0,2})(?![A-Za-z0-9+/=])",
    entropy: 3.0,
    specificity: 100,
    remediation: ROTATE_WEBHOOK,
    docsUrl: "https://docs.finta.io/api/v2/webhooks",
    tags: ["finta", "webhook"],
    examples: {
      positive: [withSecret("webhookSecret: '", webhook, "',")],
      negative: ["whsec_***", "FINTA_WEBHOOK_SECRET=whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
    },
  },
  {
    id: "finta-publishable-key",
    description: "Finta publishable key (pk_live_…, pk_test_…): meant for browsers, noted at info",
    provider: "Finta",
    severity: "info",
    keywords: ["pk_live_", "pk_test_"],
    // Publishable keys are public by design (spec: "at most an info note").
    // The rule exists so that the key is one info note wherever it sits:
    // it outranks finta-env-secret and the generic rules on the same value
    // (`FINTA_PUBLISHABLE_KEY=pk_live_…`, `"PublishableKey": "pk_live_…"`).
    regex: LEFT + "(?<secret>pk_(?:live|test)_[A-Za-z0-9]{16,247})(?![A-Za-z0-9])",
    entropy: 3.0,
    specificity: 100,
    remediation: "Publishable keys are meant for browsers and apps; no action is needed unless a secret key (sk_…) was meant.",
    docsUrl: DOCS,
    tags: ["finta", "publishable-key"],
    examples: {
      positive: [
        withSecret("FINTA_PUBLISHABLE_KEY=", joined("pk_", "live_", fakeBody(32, ALNUM, 51))),
        withSecret("publishable_key=", joined("pk_", "test_", fakeBody(32, ALNUM, 52)), "\r\n"),
        withSecret('{"PublishableKey": "', joined("pk_", "live_", fakeBody(32, ALNUM, 53)), '"}'),
      ],
      negative: ["pk_live_***", "pk_test_xxxxxxxxxxxxxxxx", "mypk_live_" + fakeBody(24, ALNUM, 54)],
    },
  },
  {
    id: "finta-env-secret",
    description: "Finta credential held in a FINTA_*KEY/SECRET/TOKEN/PASSWORD variable (or a fintaApiKey-style name)",
    provider: "Finta",
    severity: "high",
    keywords: ["finta"],
    // The name: FINTA_…KEY in any case and spelling of the languages that
    // hold one (FINTA_API_KEY, fintaApiKey, FintaSecretKey, finta.api_key,
    // finta-api-key). Then an operator: `=`, `:`, `:=`, `=>`, a typed
    // declaration (Rust `: &str =`, Swift/Kotlin `: String =`), Dockerfile
    // `ENV NAME value`, a Kubernetes `- name: NAME` followed by `value:`, or
    // a Terraform `variable "name" { … default = … }`. The value is a literal
    // (no $, quotes or spaces), also behind a JSON-escaped quote (`\"` in a
    // notebook cell); references such as ${FINTA_API_KEY} or process.env.X
    // fail the placeholder filter, short or low-entropy values the entropy
    // minimum. Blank runs are bounded like every quantifier.
    regex:
      "(?<![A-Za-z0-9_])FINTA[A-Z0-9_.-]{0,64}?(?:KEY|SECRET|TOKEN|PASSWORD|PASSWD|PWD)S?" +
      "(?:(?:\\\\?[\"'\\]]){0,3}[ \\t]{0,64}(?:=>|:=|[:=])(?:[ \\t]{0,8}(?:&(?:'static[ \\t]{1,4})?str|String|string|str)[ \\t]{0,8}=)?" +
      "|(?<=^[ \\t]{0,64}(?:ENV|ARG)[ \\t]{1,64}[A-Z0-9_]{1,80})[ \\t]" +
      "|[\"']?[ \\t]{0,8}\\r?\\n[ \\t]{0,40}value[ \\t]{0,4}:" +
      "|\"[ \\t]{0,8}\\{[^{}]{0,200}?\\bdefault[ \\t]{0,8}=)" +
      "[ \\t]{0,64}\\\\?[\"'`]?(?<secret>[^\\s\"'`,;)\\\\]{16,512})",
    flags: "im",
    entropy: 3.5,
    entropyHex: 3.0,
    specificity: 80,
    // Identifiers under FINTA_* names are not credentials: account and object
    // ids (acct_…, evt_…), UUIDs (idempotency keys), plain numbers, URLs
    // without credentials. Publishable keys are finta-publishable-key's.
    allowlist: { regexes: [FINTA_IDENTIFIER] },
    remediation: ROTATE_LIVE,
    docsUrl: DOCS,
    tags: ["finta", "env"],
    examples: {
      positive: [
        withSecret("FINTA_API_TOKEN=", fakeBody(32, ALNUM, 18)),
        withSecret('export FINTA_CLIENT_SECRET="', fakeBody(40, HEX, 19), '"'),
        withSecret("ENV FINTA_PASSWORD ", fakeBody(24, ALNUM, 20)),
        withSecret('  "FINTA_SIGNING_KEY": "', fakeBody(28, BASE64, 21), '",'),
        withSecret("FINTA_API_KEY=", fakeBody(32, ALNUM, 40), "\r\nFINTA_MODE=live\r\n"),
        withSecret('const FINTA_API_KEY: &str = "', fakeBody(32, ALNUM, 41), '";'),
        withSecret('static let fintaSecretKey: String = "', fakeBody(32, ALNUM, 42), '"'),
        withSecret('variable "finta_api_key" {\n  type    = string\n  default = "', fakeBody(32, ALNUM, 43), '"\n}'),
        withSecret("env:\n  - name: FINTA_API_KEY\n    value: \"", fakeBody(32, ALNUM, 44), '"'),
        withSecret('{"source": ["finta.api_key = \\"', fakeBody(32, ALNUM, 45), '\\"\\n"]}'),
        withSecret("ARG FINTA_TOKEN=", fakeBody(32, ALNUM, 46)),
      ],
      negative: [
        "FINTA_API_KEY=${FINTA_API_KEY}",
        // Where a key lives, not the key.
        '  "finta-webhook-secret": "app/config/webhooks.yml",',
        "FINTA_CLIENT_KEY=certs/finta/client-2026.key.pem",
        "FINTA_API_KEY=$FINTA_API_KEY",
        "FINTA_API_KEY: process.env.FINTA_API_KEY",
        'FINTA_API_KEY = os.environ["FINTA_API_KEY"]',
        "FINTA_API_KEY: ${{ secrets.FINTA_API_KEY }}",
        "FINTA_API_KEY=@finta_api_key",
        'FINTA_SECRET = env("FINTA_SECRET")',
        "FINTA_API_KEY=YOUR_API_KEY",
        "FINTA_API_KEY=new_key_here",
        "FINTA_PASSWORD=changeme",
        "FINTA_API_KEY=<redacted>",
        "FINTA_API_KEY_ROTATION_DAYS=90",
        `FINTA_IDEMPOTENCY_KEY=${fakeUuid(47)}`,
        `FINTA_ACCOUNT_TOKEN=acct_${fakeBody(16, ALNUM, 48)}`,
        `FINTA_EVENT_KEY=evt_${fakeBody(24, ALNUM, 49)}`,
        "FINTA_MERCHANT_KEY=4821395726019473",
        "FINTA_API_KEY_URL=https://api.finta.io/v2/keys",
        "FINTA_KEY_ENDPOINT=https://api.finta.io/v2/keys",
        "kind: ConfigMap\ndata:\n  FINTA_ACCOUNT_KEY: acct_" + fakeBody(16, ALNUM, 50),
      ],
    },
  },
  {
    id: "finta-bearer-token",
    description: "Bearer token sent to the Finta API",
    provider: "Finta",
    severity: "high",
    keywords: ["bearer"],
    // Bounded blanks and padding (64), like every quantifier.
    regex: "\\b[Bb]earer[ \\t]{1,64}(?<secret>[A-Za-z0-9._~+/-]{16,1024}={0,64})(?![A-Za-z0-9._~+/=-])",
    entropy: 3.5,
    entropyHex: 3.0,
    specificity: 70,
    // A request that names Finta: the host, a Finta… client or header, within
    // the curl command / fetch call around the header (four lines either side).
    requires: { near: "finta", lines: 4 },
    remediation: ROTATE_LIVE,
    docsUrl: DOCS,
    tags: ["finta", "bearer"],
    examples: {
      positive: [
        withSecret('curl https://api.finta.io/v2/me -H "Authorization: Bearer ', fakeBody(40, ALNUM, 22), '"'),
        withSecret(`fetch("https://api.finta.com/v2/payments", {\n  headers: { Authorization: "Bearer `, fakeBody(36, ALNUM, 23), `" },\n});`),
      ],
      negative: [
        'curl https://api.finta.io/v2/me -H "Authorization: Bearer $FINTA_API_KEY"',
        // A request to another host (a curl command would be curl-auth-header's finding).
        `fetch("https://api.example.com/v1/me", { headers: { Authorization: "Bearer ${fakeBody(40, ALNUM, 24)}" } });`,
        "Authorization: Bearer <token>  # api.finta.io",
      ],
    },
  },
];
