/**
 * Google Cloud credentials: API keys, service-account keys, OAuth client
 * secrets and tokens.
 */
import { fakeToken, joined, withSecret } from "../../examples.js";
import type { RuleSpec } from "../../types.js";
import { LEFT, RIGHT, ci } from "../dsl.js";
import { ROTATE } from "./common.js";

const gcpKey = fakeToken("AIza", 35, "base64url", "gcp-key");
const pemBody = fakeToken("", 120, "base64", "gcp-sa-pem");
const saPem = joined("-----BEGIN ", "PRIVATE KEY-----\\n", pemBody.slice(0, 64), "\\n", pemBody.slice(64), "\\n-----END ", "PRIVATE KEY-----\\n");

export const googleCloudRules: readonly RuleSpec[] = [
  // ---------------------------------------------------------------- Google
  {
    id: "gcp-api-key",
    description: "Google API key (AIza…): GCP, Maps, Firebase",
    provider: "Google Cloud",
    severity: "high",
    keywords: ["aiza"],
    regex: "(?<![A-Za-z0-9_-])(?<secret>AIza[\\w-]{35})(?![A-Za-z0-9_-])",
    entropy: 3.5,
    specificity: 80,
    allowlist: {
      // Sample keys published in Google's own SDKs (firebase-android-sdk),
      // listed by gitleaks; split after the prefix so this file holds no key.
      regexes: [
        "^AIza(?:Syabcdefghijklmnopqrstuvwxyz1234567|SyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs|SyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM|SyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU|SyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0|yDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A|SyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c|SyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4|SyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY|SyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM|SyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ|SyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g|SyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU|SyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw|SyB8qGxt4ec15vitgn44duC5ucxaOi4FmqE|SyA8vmApnrHNFE0bApF4hoZ11srVL_n0nvY)$",
      ],
    },
    remediation:
      ROTATE("API key", "the Google Cloud console (APIs & Services → Credentials)") +
      " If the key must ship in a client app, restrict it to your app and to the APIs it needs.",
    docsUrl: "https://cloud.google.com/docs/authentication/api-keys",
    tags: ["gcp", "google", "cloud"],
    examples: {
      positive: [withSecret('const firebaseConfig = { apiKey: "', gcpKey, '" };')],
      negative: [`apiKey: "AIza${"a".repeat(35)}"`, `AIZASY${gcpKey.slice(6).toUpperCase()}`],
    },
  },
  {
    id: "gcp-service-account-key",
    description: "Google Cloud service-account key file (JSON with an embedded private key)",
    provider: "Google Cloud",
    severity: "critical",
    keywords: ["private_key"],
    // The private key string of a service-account JSON, newlines escaped as
    // `\n`; the file is recognised by its "type": "service_account" nearby.
    regex:
      "\"private_key\"\\s{0,10}:\\s{0,10}\"(?<secret>-----BEGIN (?:RSA )?PRIVATE KEY-----(?:\\\\n|\\s){1,4}[A-Za-z0-9+/=\\\\\\s]{64,8192}?-----END (?:RSA )?PRIVATE KEY-----(?:\\\\n)?)\"",
    requires: { near: "\"type\"\\s*:\\s*\"service_account\"", lines: 40 },
    specificity: 85,
    remediation: ROTATE("service-account key", "the Google Cloud console (IAM → Service accounts → Keys)") + " Prefer workload identity federation over key files.",
    docsUrl: "https://cloud.google.com/iam/docs/keys-create-delete",
    tags: ["gcp", "google", "cloud", "private-key"],
    examples: {
      positive: [
        withSecret('{\n  "type": "service_account",\n  "project_id": "demo-project",\n  "private_key": "', saPem, '",\n  "client_email": "ci@demo-project.iam.gserviceaccount.com"\n}'),
      ],
      negative: ['{\n  "type": "service_account",\n  "private_key_id": "DUMMY",\n  "private_key": "DUMMY"\n}'],
    },
  },

  {
    id: "google-oauth-client-secret",
    description: "Google OAuth client secret (GOCSPX-…)",
    provider: "Google Cloud",
    severity: "high",
    keywords: ["gocspx-"],
    regex: LEFT + "(?<secret>GOCSPX-[A-Za-z0-9_-]{28})" + RIGHT,
    entropy: 3.5,
    specificity: 85,
    remediation: ROTATE("OAuth client secret", "the Google Cloud console (APIs & Services → Credentials → the OAuth client → Reset secret)"),
    docsUrl: "https://support.google.com/cloud/answer/15549257",
    tags: ["gcp", "google", "oauth"],
    examples: {
      positive: [withSecret('"client_secret": "', fakeToken("GOCSPX-", 28, "base64url", "gocspx"), '"')],
      negative: ["GOCSPX-" + "x".repeat(28)],
    },
  },
  {
    id: "google-oauth-token",
    description: "Google OAuth access token (ya29.…) or refresh token (1//0…)",
    provider: "Google Cloud",
    severity: "high",
    keywords: ["ya29.", "1//0"],
    regex: "(?<![A-Za-z0-9_./-])(?<secret>ya29\\.[A-Za-z0-9_-]{30,2048}|1//0[A-Za-z0-9_-]{40,512})(?![A-Za-z0-9_-])",
    entropy: 3.5,
    specificity: 85,
    remediation: "Revoke the token (`https://oauth2.googleapis.com/revoke?token=…` or the account's third-party access page), and keep OAuth tokens out of source: they belong in a credential store.",
    docsUrl: "https://developers.google.com/identity/protocols/oauth2",
    tags: ["gcp", "google", "oauth"],
    examples: {
      positive: [withSecret("access_token = ", fakeToken("ya29.", 60, "base64url", "ya29"))],
      negative: ["Custom examples ya29. and more"],
    },
  },

  {
    id: "google-oauth-client-secret-legacy",
    description: "Google OAuth client secret of the pre-2021 format (24 characters) next to its client ID",
    provider: "Google Cloud",
    severity: "high",
    keywords: ["apps.googleusercontent.com"],
    // Without a prefix, only the client ID a few lines away makes a bare
    // 24-character value credible.
    regex: "(?<![A-Za-z0-9_.-])(?<secret>[A-Za-z0-9_-]{24})(?![A-Za-z0-9_.-])",
    requires: { near: "\\d{6,14}-[a-z0-9]{32}\\.apps\\.googleusercontent\\.com", lines: 3 },
    entropy: 3.5,
    wordFilter: true,
    specificity: 50,
    remediation: ROTATE("OAuth client secret", "the Google Cloud console (APIs & Services → Credentials → the OAuth client → Reset secret)"),
    docsUrl: "https://support.google.com/cloud/answer/15549257",
    tags: ["gcp", "google", "oauth"],
    examples: {
      positive: [withSecret(`client_id: ${fakeToken("", 12, "digits", "gclient-a")}-${fakeToken("", 32, "lowerAlnum", "gclient-b")}.apps.googleusercontent.com\nclient_secret: `, fakeToken("", 24, "base64url", "gclient-secret"))],
      negative: [`client_id: ${fakeToken("", 12, "digits", "gclient-c")}-${fakeToken("", 32, "lowerAlnum", "gclient-d")}.apps.googleusercontent.com\nproject: my_demo_project_name_here`],
    },
  },
];
