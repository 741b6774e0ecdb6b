/**
 * Infrastructure and hosting platforms: HashiCorp Vault and Terraform Cloud,
 * Vercel, Netlify, Heroku, Cloudflare.
 */
import { fakeToken, joined, withSecret } from "../../examples.js";
import type { RuleSpec } from "../../types.js";
import { LEFT, RIGHT, SAME_LINE_VALUE_END, assigned, ci, namedBy, vendorWord } from "../dsl.js";
import { ROTATE, uuid } from "./common.js";

export const hostingRules: readonly RuleSpec[] = [
  // -------------------------------------------------- HashiCorp Vault / TFC
  {
    id: "hashicorp-vault-token",
    description: "HashiCorp Vault service or batch token (hvs., hvb.)",
    provider: "HashiCorp",
    severity: "critical",
    keywords: ["hvs.", "hvb."],
    regex: "(?<![A-Za-z0-9_.-])(?<secret>hvs\\.[\\w-]{90,120}|hvb\\.[\\w-]{138,300})(?![A-Za-z0-9_-])",
    entropy: 3.5,
    specificity: 80,
    remediation: ROTATE("token", "Vault (`vault token revoke <token>`)") + " Prefer short-lived tokens from an auth method over stored ones.",
    docsUrl: "https://developer.hashicorp.com/vault/docs/concepts/tokens",
    tags: ["hashicorp", "vault"],
    examples: {
      positive: [
        withSecret('vault_api_token = "', fakeToken("hvs.", 95, "base64url", "hvs"), '"'),
      ],
      negative: ["hvs." + "x".repeat(95)],
    },
  },
  {
    id: "hashicorp-vault-legacy-token",
    description: "HashiCorp Vault legacy service token (s. + 24 characters) assigned to a Vault or token name",
    provider: "HashiCorp",
    severity: "critical",
    // The only literal of a legacy token is `s.`, which is in every `this.x`:
    // too short for the keyword filter (a rule without a keyword runs over
    // every file). So the token is reported where a name says Vault or token
    // holds it, and those names are the keywords.
    keywords: ["vault", "token"],
    // 24 base62 characters with mixed case and a digit (entropy), or
    // `s.THISSTRINGISALLUPPERCASE` would count.
    // The regex starts at the name's word (V8 skips ahead to it); the
    // look-behind then checks what `vendorWord` checks in front of it.
    regex:
      namedBy([`(?:${ci("vault")}|${ci("token")})(?<=${vendorWord("vault")}|${vendorWord("token")})`], { sameLine: true }) +
      "(?<secret>s\\.(?=[A-Za-z0-9]{0,23}[0-9])(?=[A-Za-z0-9]{0,23}[a-z])(?=[A-Za-z0-9]{0,23}[A-Z])[A-Za-z0-9]{24})(?![A-Za-z0-9_-])",
    entropy: 3.5,
    specificity: 80,
    remediation: ROTATE("token", "Vault (`vault token revoke <token>`)") + " Prefer short-lived tokens from an auth method over stored ones.",
    docsUrl: "https://developer.hashicorp.com/vault/docs/concepts/tokens",
    tags: ["hashicorp", "vault"],
    examples: {
      positive: [withSecret("token: ", fakeToken("s.", 24, "alnum", "vault-legacy"))],
      negative: ["token: s.THISSTRINGISALLUPPERCASE", `label = ${fakeToken("s.", 24, "alnum", "vault-legacy")}`],
    },
  },
  {
    id: "terraform-cloud-api-token",
    description: "Terraform Cloud / HCP Terraform API token (….atlasv1.…)",
    provider: "HashiCorp",
    severity: "critical",
    keywords: ["atlasv1"],
    regex: "(?<![A-Za-z0-9])(?<secret>[a-z0-9]{14}\\.atlasv1\\.[a-z0-9_=-]{60,70})(?![a-z0-9_=-])",
    flags: "i",
    entropy: 3.5,
    specificity: 85,
    remediation: ROTATE("API token", "HCP Terraform (User settings → Tokens, or the organisation/team token page)"),
    docsUrl: "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens",
    tags: ["hashicorp", "terraform"],
    examples: {
      positive: [withSecret('token = "', joined(fakeToken("", 14, "lowerAlnum", "tfc-a"), ".atlasv1.", fakeToken("", 67, "lowerAlnum", "tfc-b")), '"')],
      negative: ['token        = "xxxxxxxxxxxxxx.atlasv1.' + "x".repeat(67) + '"'],
    },
  },

  // ---------------------------------------------------------------- Vercel
  {
    id: "vercel-token",
    description: "Vercel access token (vcp_/vci_/vca_/vcr_/vck_ prefixed)",
    provider: "Vercel",
    severity: "high",
    keywords: ["vcp_", "vcc_", "vci_", "vca_", "vcr_", "vck_"],
    regex: LEFT + "(?<secret>vc[pciark]_[A-Za-z0-9]{24,64})" + RIGHT,
    entropy: 3.5,
    specificity: 80,
    allowlist: { regexes: ["EXAMPLE"] },
    remediation: ROTATE("token", "Vercel (Account settings → Tokens)"),
    docsUrl: "https://vercel.com/docs/rest-api#creating-an-access-token",
    tags: ["vercel"],
    examples: {
      positive: [withSecret("VERCEL_OIDC=", fakeToken("vcp_", 60, "alnum", "vercel-new"))],
      negative: ["vcp_" + "x".repeat(60)],
    },
  },
  {
    id: "vercel-token-assigned",
    description: "Vercel access token (24 characters assigned to a Vercel name)",
    provider: "Vercel",
    severity: "high",
    keywords: ["vercel"],
    regex: assigned([vendorWord("vercel")], "[A-Za-z0-9]{24}", { sameLine: true }),
    entropy: 3.5,
    specificity: 50,
    remediation: ROTATE("token", "Vercel (Account settings → Tokens)"),
    docsUrl: "https://vercel.com/docs/rest-api#creating-an-access-token",
    tags: ["vercel"],
    examples: {
      positive: [withSecret("VERCEL_TOKEN=", fakeToken("", 24, "alnum", "vercel-old"))],
      negative: ["VERCEL_TOKEN=${{ secrets.VERCEL_TOKEN }}"],
    },
  },

  // --------------------------------------------------------------- Netlify
  {
    id: "netlify-access-token",
    description: "Netlify personal access token (nfp_ prefixed, or assigned to a Netlify name)",
    provider: "Netlify",
    severity: "high",
    keywords: ["netlify", "nfp_"],
    regex: `(?:${LEFT}(?=nfp_)|${namedBy([vendorWord("netlify")], { sameLine: true })})(?<secret>nfp_[A-Za-z0-9]{36}|[A-Za-z0-9=_.-]{40,46})${SAME_LINE_VALUE_END}`,
    entropy: 3.5,
    specificity: 60,
    remediation: ROTATE("token", "Netlify (User settings → Applications → Personal access tokens)"),
    docsUrl: "https://docs.netlify.com/api/get-started/#authentication",
    tags: ["netlify"],
    examples: {
      positive: [withSecret("netlify_token: ", fakeToken("", 43, "base64url", "netlify"))],
      negative: ["netlify_token: ${NETLIFY_AUTH_TOKEN}"],
    },
  },

  // ---------------------------------------------------------------- Heroku
  {
    id: "heroku-api-key",
    description: "Heroku API key (HRKU-… or a UUID assigned to a Heroku name)",
    provider: "Heroku",
    severity: "high",
    keywords: ["hrku-", "heroku"],
    // New keys: HRKU- + 60 base64url characters (betterleaks/gitleaks v2
    // shape); older ones are a bare UUID, only credible next to "heroku".
    regex:
      LEFT + "(?<secret>HRKU-(?:AA[0-9A-Za-z_-]{58}|[0-9A-Za-z_-]{58,60}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))(?![0-9A-Za-z_-])",
    entropy: 3.0,
    specificity: 85,
    remediation: ROTATE("API key", "Heroku (Account settings → API key → Regenerate, or `heroku authorizations:revoke`)"),
    docsUrl: "https://devcenter.heroku.com/articles/authentication",
    tags: ["heroku"],
    examples: {
      positive: [withSecret('herokuToken = "', fakeToken("HRKU-AA", 58, "base64url", "heroku-v2"), '"')],
      negative: ["HRKU-" + "x".repeat(60)],
    },
  },
  {
    id: "heroku-api-key-uuid",
    description: "Heroku API key (legacy UUID assigned to a Heroku name)",
    provider: "Heroku",
    severity: "high",
    keywords: ["heroku"],
    regex: assigned([vendorWord("heroku")], "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", { sameLine: true }),
    specificity: 55,
    remediation: ROTATE("API key", "Heroku (Account settings → API key → Regenerate)"),
    docsUrl: "https://devcenter.heroku.com/articles/authentication",
    tags: ["heroku"],
    examples: {
      positive: [withSecret('heroku_api_key = "', uuid("heroku-uuid"), '"')],
      negative: ['heroku_app_name = "my-app"'],
    },
  },

  // ------------------------------------------------------------ Cloudflare
  {
    id: "cloudflare-origin-ca-key",
    description: "Cloudflare Origin CA key (v1.0-…)",
    provider: "Cloudflare",
    severity: "high",
    keywords: ["v1.0-"],
    regex: "(?<![A-Za-z0-9.-])(?<secret>v1\\.0-[a-f0-9]{24}-[a-f0-9]{146})(?![a-f0-9])",
    entropy: 3.0,
    specificity: 85,
    remediation: ROTATE("Origin CA key", "the Cloudflare dashboard (My Profile → API Tokens → Origin CA Key → Change)"),
    docsUrl: "https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/",
    tags: ["cloudflare"],
    examples: {
      positive: [withSecret('string cloudflareToken = "', joined("v1.0-", fakeToken("", 24, "hex", "cf-ca-a"), "-", fakeToken("", 146, "hex", "cf-ca-b")), '";')],
      negative: ["v1.0-" + "0".repeat(24) + "-" + "0".repeat(146)],
    },
  },
  {
    id: "cloudflare-prefixed-token",
    description: "Cloudflare account/user API token or API key in the prefixed format (cfat_, cfut_, cfk_)",
    provider: "Cloudflare",
    severity: "high",
    keywords: ["cfat_", "cfut_", "cfk_"],
    // Cloudflare's scannable format is the prefix, 40 characters and an
    // 8-character checksum: exactly 48, so a longer run is something else.
    regex: LEFT + "(?<secret>cf(?:at|ut|k)_[A-Za-z0-9]{48})" + RIGHT,
    entropy: 3.5,
    specificity: 85,
    allowlist: { regexes: ["(?:EXAMPLE|[Ee]xample)$"] },
    remediation: ROTATE("API token", "the Cloudflare dashboard (My Profile → API Tokens, or Manage Account → Account API Tokens)"),
    docsUrl: "https://developers.cloudflare.com/fundamentals/api/get-started/create-token/",
    tags: ["cloudflare"],
    examples: {
      positive: [withSecret("CLOUDFLARE_API_TOKEN=", fakeToken("cfat_", 48, "alnum", "cfat"))],
      negative: ["cfat_" + "x".repeat(48), fakeToken("cfut_", 49, "alnum", "cfut-long"), fakeToken("cfk_", 40, "alnum", "cfk-short")],
    },
  },
  {
    id: "cloudflare-api-token",
    description: "Cloudflare API token or global API key assigned to a Cloudflare name",
    provider: "Cloudflare",
    severity: "high",
    keywords: ["cloudflare", "cf_api", "cf-api", "cf_token", "cf_key"],
    // API tokens are 40 characters of [A-Za-z0-9_-]; the legacy global API
    // key is 37 lowercase hex characters.
    regex: assigned([vendorWord("cloudflare"), `${vendorWord("cf")}[_-](?:${ci("api")}|${ci("token")}|${ci("key")})`], "[A-Za-z0-9_-]{40}|[a-f0-9]{37}", { sameLine: true }),
    entropy: 3.5,
    specificity: 55,
    remediation: ROTATE("API token", "the Cloudflare dashboard (My Profile → API Tokens)"),
    docsUrl: "https://developers.cloudflare.com/fundamentals/api/get-started/create-token/",
    tags: ["cloudflare"],
    examples: {
      positive: [withSecret('var cloudflareToken = "', fakeToken("", 40, "base64url", "cf-token"), '"')],
      negative: ['cloudflare_zone = "example.com"'],
    },
  },
];
