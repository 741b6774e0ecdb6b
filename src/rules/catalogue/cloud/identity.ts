/**
 * Identity and secret-management platforms: Okta, Auth0, 1Password, Doppler.
 */
import { fakeToken, joined, withSecret } from "../../examples.js";
import type { RuleSpec } from "../../types.js";
import { LEFT, assigned, ci, vendorWord } from "../dsl.js";
import { ROTATE } from "./common.js";

export const identityRules: readonly RuleSpec[] = [
  // ------------------------------------------------------------------ Okta
  {
    id: "okta-api-token",
    description: "Okta API token (00… assigned to an Okta name)",
    provider: "Okta",
    severity: "critical",
    keywords: ["okta"],
    regex: assigned([vendorWord("okta")], "00[\\w=-]{40}", { sameLine: true }),
    entropy: 4.0,
    specificity: 60,
    remediation: ROTATE("API token", "the Okta Admin Console (Security → API → Tokens)"),
    docsUrl: "https://developer.okta.com/docs/guides/create-an-api-token/",
    tags: ["okta", "identity"],
    examples: {
      positive: [withSecret('"oktaApiToken": "', fakeToken("00", 40, "base64url", "okta"), '",')],
      negative: ["rookTable = 0023452Lllk2KqjLBvaxANWEgTd7bqjsxjo8aZj0wd"],
    },
  },

  // ----------------------------------------------------------------- Auth0
  {
    id: "auth0-client-secret",
    description: "Auth0 application client secret assigned to an Auth0 name",
    provider: "Auth0",
    severity: "critical",
    keywords: ["auth0"],
    regex: assigned([`${vendorWord("auth0")}[\\w.-]{0,20}?(?:${ci("secret")}|${ci("token")}|${ci("key")})`], "[A-Za-z0-9_-]{64}", { sameLine: true }),
    entropy: 4.0,
    specificity: 60,
    remediation: ROTATE("client secret", "the Auth0 dashboard (Applications → Settings → Rotate secret)"),
    docsUrl: "https://auth0.com/docs/get-started/applications/rotate-client-secret",
    tags: ["auth0", "identity"],
    examples: {
      positive: [withSecret("AUTH0_CLIENT_SECRET=", fakeToken("", 64, "base64url", "auth0"))],
      negative: ["AUTH0_CLIENT_SECRET=${AUTH0_CLIENT_SECRET}"],
    },
  },

  // ------------------------------------------------------------- 1Password
  {
    id: "1password-service-account-token",
    description: "1Password service account token (ops_eyJ…)",
    provider: "1Password",
    severity: "critical",
    keywords: ["ops_ey"],
    // The body is base64 JSON ("eyJ" = `{"`), several hundred characters.
    regex: LEFT + "(?<secret>ops_eyJ[A-Za-z0-9+/]{250,4000}={0,3})(?![A-Za-z0-9+/=])",
    entropy: 4.0,
    specificity: 85,
    remediation: ROTATE("service account token", "1Password (Developer → Service accounts → Revoke token)"),
    docsUrl: "https://developer.1password.com/docs/service-accounts/manage-service-accounts/",
    tags: ["1password"],
    examples: {
      positive: [withSecret("export OP_SERVICE_ACCOUNT_TOKEN=", fakeToken("ops_eyJ", 300, "base64", "1p-sa"))],
      negative: ["fn::secret: ops_eyJzaWduSW5B..[Redacted]"],
    },
  },
  {
    id: "1password-secret-key",
    description: "1Password account Secret Key (A3-XXXXXX-…)",
    provider: "1Password",
    severity: "critical",
    keywords: ["a3-"],
    regex:
      "(?<![A-Za-z0-9-])(?<secret>A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})(?![A-Za-z0-9-])",
    entropy: 3.5,
    specificity: 85,
    remediation: "Regenerate the Secret Key in 1Password (Profile → Secret Key → Regenerate), change the account password, and remove the value from git history.",
    docsUrl: "https://support.1password.com/secret-key/",
    tags: ["1password"],
    examples: {
      positive: [
        withSecret(
          "secret_key: ",
          joined("A3-", fakeToken("", 6, "upperAlnum", "1p-a"), "-", fakeToken("", 6, "upperAlnum", "1p-b"), "-", fakeToken("", 5, "upperAlnum", "1p-c"), "-", fakeToken("", 5, "upperAlnum", "1p-d"), "-", fakeToken("", 5, "upperAlnum", "1p-e"), "-", fakeToken("", 5, "upperAlnum", "1p-f")),
        ),
      ],
      negative: ["A3-XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX"],
    },
  },

  // --------------------------------------------------------------- Doppler
  {
    id: "doppler-token",
    description: "Doppler token (dp.pt., dp.st., dp.ct., dp.sa., dp.scim., dp.audit.)",
    provider: "Doppler",
    severity: "high",
    keywords: ["dp.pt.", "dp.st.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit."],
    regex: "(?<![A-Za-z0-9.])(?<secret>dp\\.(?:pt|st|ct|sa|scim|audit)\\.(?:[a-z0-9_-]{1,40}\\.)?[a-zA-Z0-9]{40,44})(?![A-Za-z0-9])",
    entropy: 3.5,
    specificity: 85,
    remediation: ROTATE("token", "the Doppler dashboard (Access → Tokens)"),
    docsUrl: "https://docs.doppler.com/docs/service-tokens",
    tags: ["doppler"],
    examples: {
      positive: [withSecret("dopplerToken=", fakeToken("dp.pt.", 43, "lowerAlnum", "doppler"))],
      negative: ["dp.pt." + "x".repeat(43)],
    },
  },
];
