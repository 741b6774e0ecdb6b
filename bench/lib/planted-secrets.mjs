// Fake credentials planted in the benchmark corpus, one per rule kind.
//
// No credential may appear literally in a committed file (the repository scans
// itself, and push protection would fire), so every prefix is glued together
// from parts here and every body comes from a seeded generator at run time.
// Each maker returns { secret, text }: `secret` is what a scanner should
// report, `text` is the source text that carries it (the secret starts at
// `text.indexOf(secret)`; for multi-line secrets, at the first line).
import {
  ALNUM,
  BASE32,
  BASE64,
  BASE64URL,
  DIGITS,
  randomBody,
  randomString,
} from "./prng.mjs";

const p = (...parts) => parts.join("");

function pemKey(rng) {
  const lines = [];
  for (let i = 0; i < 12; i++) lines.push(randomString(rng, BASE64, 64));
  const kind = p("RSA PRIV", "ATE KEY");
  const secret = [p("-----BEGIN ", kind, "-----"), ...lines, p("-----END ", kind, "-----")].join("\n");
  return secret;
}

function jwt(rng) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const header = b64({ alg: "HS256", typ: "JWT" });
  const payload = b64({
    sub: randomString(rng, DIGITS, 10),
    name: "Ada Lovelace",
    email: "ada@example.org",
    iat: 1764300000,
    exp: 1795836000,
  });
  return p(header, ".", payload, ".", randomString(rng, BASE64URL, 43));
}

/**
 * Every kind the benchmark plants, in a fixed order. `kind` names the rule
 * family we expect (the exact rule id is whatever the built rule set says).
 */
export const PLANT_KINDS = [
  { kind: "finta-api-key", make: (r) => {
      const s = p("fin", "ta_", randomBody(r, 32));
      return { secret: s, text: `const client = new FintaClient({ apiKey: "${s}" });` };
    } },
  { kind: "finta-secret-key-live", make: (r) => {
      const s = p("sk", "_li", "ve_", randomBody(r, 24));
      return { secret: s, text: `  secretKey: '${s}',` };
    } },
  { kind: "finta-webhook-secret", make: (r) => {
      const s = p("wh", "sec_", randomBody(r, 32));
      return { secret: s, text: `webhook_signing_secret: ${s}` };
    } },
  { kind: "finta-env-secret", make: (r) => {
      const s = randomBody(r, 40);
      return { secret: s, text: p("FIN", "TA_API", "_KEY=", s) };
    } },
  { kind: "aws-access-key-id", make: (r) => {
      const s = p("AK", "IA", randomBody(r, 16, BASE32));
      return { secret: s, text: `aws_access_key_id = ${s}` };
    } },
  { kind: "aws-secret-access-key", make: (r) => {
      const s = randomBody(r, 40, BASE64);
      return { secret: s, text: p("aws_secret", "_access_key = ", s) };
    } },
  { kind: "github-pat-classic", make: (r) => {
      const s = p("gh", "p_", randomBody(r, 36));
      return { secret: s, text: `export GH_TOKEN=${s}` };
    } },
  { kind: "slack-bot-token", make: (r) => {
      const s = p("xo", "xb-", randomString(r, DIGITS, 11), "-", randomString(r, DIGITS, 12), "-", randomBody(r, 24));
      return { secret: s, text: `slack_token: "${s}"` };
    } },
  { kind: "private-key", make: (r) => {
      const s = pemKey(r);
      return { secret: s, text: s };
    } },
  { kind: "database-url", make: (r) => {
      const pw = randomBody(r, 20);
      const s = pw;
      return { secret: s, text: p("DATABASE_URL=postgres", "://app_user:", pw, "@db.internal.example.net:5432/app") };
    } },
  { kind: "gitlab-pat", make: (r) => {
      const s = p("gl", "pat-", randomBody(r, 20));
      return { secret: s, text: `    private_token = "${s}"` };
    } },
  { kind: "google-api-key", make: (r) => {
      const s = p("AI", "za", "Sy", randomBody(r, 33, ALNUM));
      return { secret: s, text: `  const mapsKey = "${s}";` };
    } },
  { kind: "sendgrid-api-key", make: (r) => {
      const s = p("SG", ".", randomBody(r, 22), ".", randomBody(r, 43));
      return { secret: s, text: `SENDGRID_API_KEY="${s}"` };
    } },
  { kind: "slack-webhook-url", make: (r) => {
      const s = p("https://hooks.", "slack.com/services/T", randomString(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8),
        "/B", randomString(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8), "/", randomBody(r, 24));
      return { secret: s, text: `const hook = "${s}";` };
    } },
  { kind: "npm-token", make: (r) => {
      const s = p("np", "m_", randomBody(r, 36));
      return { secret: s, text: p("//registry.npmjs.org/:_auth", "Token=", s) };
    } },
  { kind: "github-pat-fine-grained", make: (r) => {
      const s = p("git", "hub_", "pat_", randomBody(r, 22), "_", randomBody(r, 59));
      return { secret: s, text: ` var ghToken="${s}"; ` };
    } },
  { kind: "anthropic-api-key", make: (r) => {
      const s = p("sk-", "ant-", "api03-", randomBody(r, 93, BASE64URL.replace("_", "")), "AA");
      return { secret: s, text: ` var anthropicKey="${s}"; ` };
    } },
  { kind: "openai-api-key", make: (r) => {
      const s = p("sk-", randomBody(r, 20), "T3Blbk", "FJ", randomBody(r, 20));
      return { secret: s, text: ` var openaiKey="${s}"; ` };
    } },
  { kind: "stripe-restricted-key", make: (r) => {
      const s = p("rk", "_li", "ve_", randomBody(r, 32));
      return { secret: s, text: ` var stripeKey="${s}"; ` };
    } },
  { kind: "jwt", make: (r) => {
      const s = jwt(r);
      return { secret: s, text: ` var session="${s}"; ` };
    } },
  { kind: "generic-password", make: (r) => {
      const s = randomBody(r, 24);
      return { secret: s, text: ` var dbConfig={password:"${s}"}; ` };
    } },
];

/**
 * Formats used to fill a tree with many distinct findings (baseline scenario):
 * only the prefix formats every scanner of this kind knows, each one line.
 */
export const BULK_KINDS = [
  (r) => `const token = "${p("gh", "p_", randomBody(r, 36))}";`,
  (r) => `aws_access_key_id = ${p("AK", "IA", randomBody(r, 16, BASE32))}`,
  (r) => `secretKey: '${p("sk", "_li", "ve_", randomBody(r, 24))}',`,
  (r) => `private_token = "${p("gl", "pat-", randomBody(r, 20))}"`,
  (r) => `apiKey: "${p("fin", "ta_", randomBody(r, 32))}",`,
  (r) => `slack: "${p("xo", "xb-", randomString(r, DIGITS, 11), "-", randomString(r, DIGITS, 12), "-", randomBody(r, 24))}"`,
  (r) => `${p("//registry.npmjs.org/:_auth", "Token=", p("np", "m_", randomBody(r, 36)))}`,
];
