/**
 * Cloud and platform credentials: AWS, Google Cloud, Azure, DigitalOcean,
 * Alibaba, IBM Cloud, Oracle Cloud, plus the hosting, identity and data
 * platforms teams deploy on (HashiCorp Vault / Terraform Cloud, Vercel,
 * Netlify, Heroku, Cloudflare, Okta, Auth0, 1Password, Doppler, Databricks,
 * Snowflake, MongoDB Atlas, PlanetScale, Supabase, Firebase).
 *
 * Shapes follow the vendors' documented formats, cross-checked against the
 * gitleaks and betterleaks rule sets. Vendor-prefixed tokens are specific
 * (80); values recognisable only by a variable that names the vendor are
 * contextual (40–60) and carry an entropy floor, since the name alone proves
 * little.
 */
import { fakeToken, joined, withSecret } from "../examples.js";
import type { RuleSpec } from "../types.js";
import { LEFT, RIGHT, ci } from "./regex-parts.js";
import { VALUE_END, namedBy, namedValue, vendorWord } from "./named-value.js";

// A SAS signature: 32 bytes of HMAC in base64, URL-encoded as a query value.
const sasSig = joined(fakeToken("", 20, "alnum", "sas-a"), "%2B", fakeToken("", 16, "alnum", "sas-b"), "%2F", fakeToken("", 7, "alnum", "sas-c"), "%3D");

const ROTATE = (what: string, where: string): string =>
  `Revoke this ${what} in ${where}, issue a new one, store it in a secret manager or CI secret (never in the repository), and remove the old value from git history if it was pushed.`;

const uuid = (seed: string): string => {
  const h = fakeToken("", 32, "hex", seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

const IBM_PLACEHOLDERS = ["xxxx", "insert", "your", "fake", "placeholder", "example", "<", "${", "$("];

// ---------------------------------------------------------------- AWS
const awsKeyId = fakeToken("AKIA", 16, "base32", "aws-akid");
const awsTempKeyId = fakeToken("ASIA", 16, "base32", "aws-asia");
const awsSecret = fakeToken("", 40, "base64", "aws-secret");
const bedrockLong = fakeToken(joined("ABSK", "QmVkcm9ja0FQSUtleS"), 110, "base64", "bedrock");
const bedrockShort = joined("bedrock-api-key-", "YmVkcm9jay5hbWF6b25hd3MuY29t", fakeToken("", 120, "base64", "bedrock-short"));
const mwsKey = joined("amzn.mws.", uuid("mws"));

// ---------------------------------------------------------------- Google
const gcpKey = fakeToken("AIza", 35, "base64url", "gcp-key");
const pemBody = fakeToken("", 120, "base64", "gcp-sa-pem");
const saPem = joined("-----BEGIN ", "PRIVATE KEY-----\\n", pemBody.slice(0, 64), "\\n", pemBody.slice(64), "\\n-----END ", "PRIVATE KEY-----\\n");

// ---------------------------------------------------------------- Azure
const azureClientSecret = joined(fakeToken("", 3, "alnum", "az-cs-a"), "8Q~", fakeToken("", 34, "alnum", "az-cs-b"));
const azureStorageKey = fakeToken("", 86, "base64", "az-storage") + "==";
const azureSasKey = fakeToken("", 43, "base64", "az-sas") + "=";

export const cloudRules: readonly RuleSpec[] = [
  // ------------------------------------------------------------------ AWS
  {
    id: "aws-access-key-id",
    description: "AWS access key ID (AKIA… long-term, ASIA… temporary)",
    provider: "AWS",
    severity: "high",
    keywords: ["akia", "asia", "abia", "acca", "a3t"],
    // Real ids are RFC 4648 base32 after the prefix (A–Z, 2–7), but samples
    // and older tools write [A-Z0-9]; both are accepted, and the boundaries
    // keep `…ASIAAUSTRALIA…` out.
    regex: "(?<![A-Za-z0-9])(?<secret>(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})(?![A-Za-z0-9])",
    entropy: 3.0,
    specificity: 80,
    allowlist: { regexes: ["EXAMPLE$"] },
    remediation: ROTATE("access key", "the AWS IAM console (IAM → Users → Security credentials)") + " Check CloudTrail for use of the key.",
    docsUrl: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
    tags: ["aws", "cloud"],
    examples: {
      positive: [withSecret("aws_access_key_id = ", awsKeyId), withSecret('AWS_ACCESS_KEY_ID: "', awsTempKeyId, '"')],
      negative: [joined("aws_access_key_id = AKIA", "IOSFODNN7", "EXAMPLE"), "TODAYINASIAASACKOFRICEFELLOVER"],
    },
  },
  {
    id: "aws-secret-access-key",
    description: "AWS secret access key (40 base64 characters assigned to an AWS secret key name)",
    provider: "AWS",
    severity: "critical",
    keywords: ["secret"],
    // The key itself has no prefix, so the name must say AWS secret key:
    // aws_secret_access_key, AWS_SECRET_KEY, awsSecretKey, secretAccessKey.
    regex:
      "(?:(?:aws|amazon)[\\w.-]{0,24}?secret[\\w.-]{0,12}?key|secret[_.-]?access[_.-]?key)[\"'\\]]{0,2}[ \\t]{0,5}(?:=|:=|:|=>|,)[ \\t]{0,5}[\"'\\x60]?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
    flags: "i",
    entropy: 4.0,
    specificity: 75,
    allowlist: { regexes: ["EXAMPLEKEY$"] },
    remediation: ROTATE("access key pair", "the AWS IAM console") + " Check CloudTrail for use of the key.",
    docsUrl: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
    tags: ["aws", "cloud"],
    examples: {
      positive: [withSecret("aws_secret_access_key = ", awsSecret), withSecret('  "secretAccessKey": "', awsSecret, '",')],
      negative: [`aws_secret_access_key = ${"x".repeat(40)}`, 'aws_secret_access_key = "${AWS_SECRET_ACCESS_KEY}"'],
    },
  },
  {
    id: "aws-bedrock-api-key",
    description: "Amazon Bedrock API key (long-lived ABSK… or short-lived bedrock-api-key-…)",
    provider: "AWS",
    severity: "high",
    keywords: ["absk", "bedrock-api-key-"],
    // Long-lived keys are base64 of "BedrockAPIKey-…"; short-lived ones are a
    // presigned URL for bedrock.amazonaws.com, base64-encoded. The group
    // after the prefix keeps this source file from matching its own rule.
    regex:
      "(?<![A-Za-z0-9+/])(?<secret>ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{60,300}={0,2}|bedrock-api-key-(?:YmVkcm9jay5hbWF6b25hd3MuY29t)[A-Za-z0-9+/=]{0,3000})(?![A-Za-z0-9+/=])",
    entropy: 3.5,
    specificity: 85,
    allowlist: { regexes: ["EXAMPLE"] },
    remediation: ROTATE("Bedrock API key", "the Amazon Bedrock console (API keys)"),
    docsUrl: "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html",
    tags: ["aws", "ai"],
    examples: {
      positive: [withSecret("BEDROCK_KEY=", bedrockLong), withSecret('token = "', bedrockShort, '"')],
      negative: [joined("ABSK", "QmVkcm9ja0FQSUtleS1", "EXAMPLE")],
    },
  },
  {
    id: "aws-mws-key",
    description: "Amazon Marketplace Web Service auth token",
    provider: "AWS",
    severity: "high",
    keywords: ["amzn.mws."],
    regex: "(?<secret>amzn\\.mws\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f])",
    specificity: 85,
    remediation: ROTATE("MWS auth token", "Amazon Seller Central (User permissions → MWS)"),
    tags: ["aws"],
    examples: { positive: [withSecret("mws_token: ", mwsKey)], negative: ["amzn.mws.not-a-token"] },
  },

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

  // ---------------------------------------------------------------- Azure
  {
    id: "azure-ad-client-secret",
    description: "Microsoft Entra ID (Azure AD) application client secret",
    provider: "Microsoft Azure",
    severity: "critical",
    // The digit and `Q~` at positions 4–6 (a keyword needs three characters).
    keywords: [..."0123456789"].map((d) => `${d}q~`),
    // Client secrets created since 2021: 3 characters, a digit, `Q~`, then
    // 31–34 characters of [A-Za-z0-9_~.-]; delimited on both sides.
    regex:
      "(?:^|[\\\\'\"\\x60\\s>=:(,)])(?<secret>[a-zA-Z0-9_~.]{3}\\dQ~[a-zA-Z0-9_~.-]{31,34})(?=$|[\\\\'\"\\x60\\s<),])",
    flags: "m",
    entropy: 3.0,
    specificity: 80,
    remediation: ROTATE("client secret", "the Azure portal (Entra ID → App registrations → Certificates & secrets)"),
    docsUrl: "https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials",
    tags: ["azure", "cloud"],
    examples: {
      positive: [withSecret("client_secret=", azureClientSecret)],
      negative: ["client_secret=bP88Q~" + "x".repeat(34), "~".repeat(40)],
    },
  },
  {
    id: "azure-storage-account-key",
    description: "Azure Storage account key (in a connection string or assigned to an account-key name)",
    provider: "Microsoft Azure",
    severity: "critical",
    keywords: ["accountkey", "account_key", "storagekey", "storage_key", "storage-key", "account-key"],
    // Storage account keys are 64 random bytes: 86 base64 characters + `==`.
    regex:
      "(?:AccountKey=|(?:account|storage)[_.-]?(?:access[_.-]?)?key[\"'\\]]{0,2}[ \\t]{0,5}(?:=|:|=>|:=)[ \\t]{0,5}[\"']?)(?<secret>[A-Za-z0-9+/]{86}==)",
    flags: "i",
    entropy: 4.5,
    specificity: 80,
    remediation: ROTATE("storage account key", "the Azure portal (Storage account → Access keys → Rotate key)") + " Prefer Entra ID auth or short-lived SAS tokens.",
    docsUrl: "https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage",
    tags: ["azure", "cloud"],
    examples: {
      positive: [withSecret("DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=", azureStorageKey, ";EndpointSuffix=core.windows.net")],
      negative: ["DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=<your-account-key>"],
    },
  },
  {
    id: "azure-shared-access-key",
    description: "Azure Service Bus / Event Hubs / IoT Hub shared access key in a connection string",
    provider: "Microsoft Azure",
    severity: "high",
    keywords: ["sharedaccesskey="],
    regex: "SharedAccessKey=(?<secret>[A-Za-z0-9+/]{43}=)",
    flags: "i",
    entropy: 4.0,
    specificity: 80,
    remediation: ROTATE("shared access key", "the Azure portal (Shared access policies → Regenerate key)"),
    docsUrl: "https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas",
    tags: ["azure", "cloud"],
    examples: {
      positive: [withSecret("Endpoint=sb://demo.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=", azureSasKey)],
      negative: ["Endpoint=sb://demo.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${SAS_KEY}"],
    },
  },

  {
    id: "azure-sas-token",
    description: "Azure Storage shared access signature (the sig= of a SAS URL or token with its sv= version)",
    provider: "Microsoft Azure",
    severity: "high",
    keywords: ["sig="],
    // A SAS is a query string: `sv=<version date>`, the grant (`sp`, `se`,
    // `sr`…) and `sig=`, the HMAC-SHA256 that makes it a bearer credential
    // (44 base64 characters, URL-encoded). `sig=` alone is a common parameter
    // name, so the same query must carry a storage service version, before
    // or after it.
    regex:
      "(?:(?<=sv=\\d{4}-\\d{2}-\\d{2}&[^\\s\"'<>#]{0,400})|(?=sig=[^&\\s\"'<>#]{40,100}&[^\\s\"'<>#]{0,400}?(?<=[?&])sv=\\d{4}-\\d{2}-\\d{2}))" +
      "(?<=[?&;])sig=(?<secret>[A-Za-z0-9%+/]{40,100}(?:%3[Dd]|=){0,2})(?=[&\\s\"'<>#;]|$)",
    entropy: 4.0,
    specificity: 80,
    remediation:
      ROTATE("shared access signature", "Azure (rotate the storage account key that signed it, or revoke the stored access policy it names)") +
      " Prefer short-lived user-delegation SAS issued at run time.",
    docsUrl: "https://learn.microsoft.com/azure/storage/common/storage-sas-overview",
    tags: ["azure", "cloud"],
    examples: {
      positive: [
        withSecret("https://demo.blob.core.windows.net/backups/db.bak?sp=r&st=2024-01-01T00:00:00Z&se=2024-12-31T00:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=", sasSig),
        withSecret('AZURE_STORAGE_SAS_TOKEN="?sv=2022-11-02&ss=bfqt&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=', sasSig, '"'),
        withSecret("?sig=", sasSig, "&se=2030-01-01T00:00:00Z&sp=r&sv=2021-08-06&sr=c"),
      ],
      negative: [
        "https://demo.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=${SAS_SIGNATURE}",
        `https://api.example.com/photos?method=upload&sig=${fakeToken("", 44, "alnum", "not-sas")}`,
      ],
    },
  },

  {
    id: "azure-devops-pat",
    description: "Azure DevOps personal access token (52 base32 characters assigned to an Azure DevOps name)",
    provider: "Microsoft Azure",
    severity: "high",
    keywords: ["devops", "ado_", "ado-", "vsts", "azdo"],
    regex: namedValue(
      [`${vendorWord("azure")}[_.-]?${ci("devops")}[\\w.-]{0,20}?(?:${ci("pat")}|${ci("token")})`, `(?:${vendorWord("ado")}|${vendorWord("vsts")}|${vendorWord("azdo")})[_.-]?(?:${ci("pat")}|${ci("token")}|${ci("personal")}[_.-]?${ci("access")}[_.-]?${ci("token")})`],
      "[a-z2-7]{52}",
    ),
    entropy: 3.5,
    specificity: 60,
    remediation: ROTATE("personal access token", "Azure DevOps (User settings → Personal access tokens → Revoke)"),
    docsUrl: "https://learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate",
    tags: ["azure", "source-hosting"],
    examples: {
      positive: [withSecret("AZURE_DEVOPS_PAT=", fakeToken("", 52, "abcdefghijklmnopqrstuvwxyz234567", "ado-pat"))],
      negative: ["AZURE_DEVOPS_PAT=$(System.AccessToken)"],
    },
  },

  // ---------------------------------------------------------- DigitalOcean
  {
    id: "digitalocean-token",
    description: "DigitalOcean personal access, OAuth or refresh token (dop_v1_, doo_v1_, dor_v1_)",
    provider: "DigitalOcean",
    severity: "high",
    keywords: ["dop_v1_", "doo_v1_", "dor_v1_"],
    regex: LEFT + "(?<secret>do[opr]_v1_[a-f0-9]{64})" + RIGHT,
    entropy: 3.0,
    specificity: 85,
    remediation: ROTATE("token", "the DigitalOcean control panel (API → Tokens)"),
    docsUrl: "https://docs.digitalocean.com/reference/api/create-personal-access-token/",
    tags: ["digitalocean", "cloud"],
    examples: {
      positive: [withSecret('doToken := "', fakeToken("dop_v1_", 64, "hex", "do-pat"), '"')],
      negative: ["dop_v1_" + "0".repeat(64)],
    },
  },

  // --------------------------------------------------------------- Alibaba
  {
    id: "alibaba-access-key-id",
    description: "Alibaba Cloud AccessKey ID (LTAI…)",
    provider: "Alibaba Cloud",
    severity: "high",
    keywords: ["ltai"],
    regex: "(?<![A-Za-z0-9])(?<secret>LTAI[a-zA-Z0-9]{20})(?![A-Za-z0-9])",
    entropy: 3.0,
    specificity: 80,
    remediation: ROTATE("AccessKey pair", "the Alibaba Cloud RAM console (AccessKey management)"),
    docsUrl: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair",
    tags: ["alibaba", "cloud"],
    examples: {
      positive: [withSecret('alibabaKey := "', fakeToken("LTAI", 20, "alnum", "ali-id"), '"')],
      negative: ["LTAIxxxxxxxxxxxxxxxxxxxx"],
    },
  },
  {
    id: "alibaba-access-key-secret",
    description: "Alibaba Cloud AccessKey secret (30 characters assigned to an Alibaba name)",
    provider: "Alibaba Cloud",
    severity: "critical",
    keywords: ["alibaba", "aliyun", "access_key_secret", "accesskeysecret"],
    regex: namedValue([vendorWord("alibaba"), vendorWord("aliyun"), vendorWord("access_key_secret"), vendorWord("accessKeySecret")], "[a-zA-Z0-9]{30}"),
    entropy: 3.5,
    specificity: 55,
    remediation: ROTATE("AccessKey pair", "the Alibaba Cloud RAM console (AccessKey management)"),
    docsUrl: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair",
    tags: ["alibaba", "cloud"],
    examples: {
      positive: [withSecret('alibabaToken="', fakeToken("", 30, "lowerAlnum", "ali-secret"), '"')],
      negative: ['alibabaToken="this_is_not_a_secret_value_at"'],
    },
  },

  // ------------------------------------------------------------------- IBM
  {
    id: "ibm-cloud-api-key",
    description: "IBM Cloud IAM API key (44 characters assigned to an IBM/IAM key name)",
    provider: "IBM Cloud",
    severity: "critical",
    keywords: ["ibm", "iam", "apikey", "api_key", "api-key"],
    // Names as detect-secrets recognises them: ibm_cloud_iam_api_key,
    // cloud-api-key, iam-password, ibm_api_key, plain apikey.
    regex:
      "(?:ibm[_-]?(?:cloud)?[_-]?(?:iam)?[_-]?(?:api)?[_-]?(?:key|pwd|password|pass|token)|(?:cloud|iam)[_-]?(?:iam)?[_-]?(?:api)?[_-]?(?:key|pwd|password|pass|token)|apikey)[\"']?[ \\t]{0,5}(?::=|=|:|=>)[ \\t]{0,5}[\"']?(?<secret>[a-zA-Z0-9_-]{44})(?![a-zA-Z0-9_-])",
    flags: "i",
    entropy: 3.0,
    // Keys named this plainly are reported even when they look hand-made
    // (`abcd1234…`): only explicit placeholders are dropped.
    placeholderFilter: false,
    allowlist: { stopwords: IBM_PLACEHOLDERS },
    specificity: 55,
    remediation: ROTATE("API key", "IBM Cloud (Manage → Access (IAM) → API keys)"),
    docsUrl: "https://cloud.ibm.com/docs/account?topic=account-userapikey",
    tags: ["ibm", "cloud"],
    examples: {
      positive: [withSecret('"ibm_cloud_iam_api_key": "', fakeToken("", 44, "base64url", "ibm-iam"), '"')],
      negative: ['CLOUD_APIKEY: "insert_key_here"', "cloud-iam-key:=afakekey"],
    },
  },
  {
    id: "ibm-cos-hmac-secret",
    description: "IBM Cloud Object Storage HMAC secret access key (48 hex characters)",
    provider: "IBM Cloud",
    severity: "critical",
    keywords: ["secret_access_key", "secret_key", "secretaccesskey", "secret-key", "secret-access-key"],
    regex: "(?:ibm[_-]?cos[_-]?|cos[_-]?hmac[_-]?|ibmcoshmac[_-]?)?secret[_-]?(?:access[_-]?)?key[\"']?[ \\t]{0,5}(?::=|=|:|=>)[ \\t]{0,5}[\"']?(?<secret>[a-f0-9]{48})(?![a-f0-9])",
    flags: "i",
    entropy: 3.0,
    // Keys named this plainly are reported even when they look hand-made
    // (`abcd1234…`): only explicit placeholders are dropped.
    placeholderFilter: false,
    allowlist: { stopwords: IBM_PLACEHOLDERS },
    specificity: 60,
    remediation: ROTATE("HMAC credential", "IBM Cloud (Object Storage → Service credentials)"),
    docsUrl: "https://cloud.ibm.com/docs/cloud-object-storage?topic=cloud-object-storage-uhc-hmac-credentials-main",
    tags: ["ibm", "cloud"],
    examples: {
      positive: [withSecret('ibm_cos_secret_access_key = "', fakeToken("", 48, "hex", "ibm-cos"), '"')],
      negative: ['someotherpassword = "doesnt start right"'],
    },
  },
  {
    id: "ibm-softlayer-api-key",
    description: "IBM SoftLayer (Classic Infrastructure) API key (64 hex characters)",
    provider: "IBM Cloud",
    severity: "high",
    keywords: ["softlayer", "sl_api", "sl-api", "slapi"],
    regex:
      "(?:(?:softlayer|sl)[_-]?(?:api)?[_-]?key[\"']?[ \\t]{0,5}(?::=|=|:|=>)[ \\t]{0,5}[\"']?|api\\.softlayer\\.com/(?:soap|rest)/v3(?:\\.1)?/)(?<secret>[a-z0-9]{64})(?![a-z0-9])",
    flags: "i",
    entropy: 3.0,
    // Keys named this plainly are reported even when they look hand-made
    // (`abcd1234…`): only explicit placeholders are dropped.
    placeholderFilter: false,
    allowlist: { stopwords: IBM_PLACEHOLDERS },
    specificity: 60,
    remediation: ROTATE("API key", "the IBM Cloud classic infrastructure portal (Account → Users → API key)"),
    docsUrl: "https://cloud.ibm.com/docs/account?topic=account-classic_keys",
    tags: ["ibm", "cloud"],
    examples: {
      positive: [withSecret("softlayer_api_key = ", fakeToken("", 64, "lowerAlnum", "softlayer"))],
      negative: ['SOFTLAYER_APIKEY: "insert_key_here"', 'fake-softlayer-key= "not_long_enough"'],
    },
  },
  {
    id: "ibm-cloudant-credential",
    description: "IBM Cloudant password or API key (in a Cloudant URL or assigned to a Cloudant name)",
    provider: "IBM Cloud",
    severity: "high",
    keywords: ["cloudant", "clou_"],
    // Legacy Cloudant passwords are 64 hex characters, API-key passwords 24
    // lowercase letters.
    regex:
      "(?:(?:cloudant|clou)[_-]?(?:password|pwd|pw|api[_-]?key|key|pass)[\"']?[ \\t]{0,5}(?::=|=|:|=>)[ \\t]{0,5}[\"']?|https?://[\\w-]{1,64}:(?=[a-z0-9]{24,64}@[\\w-]{1,64}\\.cloudant\\.com))(?<secret>[a-z0-9]{64}|[a-z]{24})(?![a-z0-9])",
    flags: "i",
    entropy: 3.0,
    // Keys named this plainly are reported even when they look hand-made
    // (`abcd1234…`): only explicit placeholders are dropped.
    placeholderFilter: false,
    allowlist: { stopwords: IBM_PLACEHOLDERS },
    specificity: 65,
    remediation: ROTATE("credential", "the IBM Cloud console (Cloudant → Service credentials)"),
    docsUrl: "https://cloud.ibm.com/docs/Cloudant?topic=Cloudant-managing-access-for-cloudant",
    tags: ["ibm", "cloud"],
    examples: {
      positive: [withSecret("cloudant_password='", fakeToken("", 64, "hex", "cloudant"), "'")],
      negative: ['cl_api_key = "a-fake-api-key"'],
    },
  },

  // ---------------------------------------------------------------- Oracle
  {
    id: "oracle-cloud-auth-token",
    description: "Oracle Cloud (OCI) auth token or API key passphrase assigned to an OCI name",
    provider: "Oracle Cloud",
    severity: "high",
    // `oci` alone is inside every `social`, `precious`, `ociConfig`: the keywords
    // are the name's `oci` + separator + the start of auth/pass (every match has one).
    keywords: [...["", "_", ".", "-"].flatMap((s) => [`oci${s}auth`, `oci${s}pass`]), "oracle"],
    // OCI auth tokens are 20 printable characters from a wide alphabet.
    regex: namedValue(
      [`${vendorWord("oci")}[_.-]?(?:${ci("auth")}[_.-]?${ci("token")}|${ci("pass")}[_.-]?${ci("phrase")}|${ci("password")})`, `${vendorWord("oracle")}[_.-]?(?:${ci("cloud")}[_.-]?)?(?:${ci("auth")}[_.-]?${ci("token")}|${ci("password")})`],
      "[A-Za-z0-9()+:;.\\[\\]{}#_<>-]{20}",
    ),
    entropy: 3.5,
    specificity: 55,
    remediation: ROTATE("auth token", "the OCI console (Identity → Users → Auth tokens)"),
    docsUrl: "https://docs.oracle.com/iaas/Content/Registry/Tasks/registrygettingauthtoken.htm",
    tags: ["oracle", "cloud"],
    examples: {
      positive: [withSecret('OCI_AUTH_TOKEN="', fakeToken("", 20, "alnum", "oci") , '"')],
      negative: ['OCI_AUTH_TOKEN="${{ secrets.OCI_AUTH_TOKEN }}"'],
    },
  },

  // -------------------------------------------------------------- OpenShift
  {
    id: "openshift-user-token",
    description: "Red Hat OpenShift OAuth access token (sha256~…)",
    provider: "Red Hat OpenShift",
    severity: "high",
    keywords: ["sha256~"],
    regex: "(?<![A-Za-z0-9_~-])(?<secret>sha256~[\\w-]{43})(?![\\w-])",
    entropy: 3.5,
    specificity: 85,
    remediation: "Log the token out (`oc logout`, or delete the OAuthAccessToken object), and use a service account token from a secret store in automation.",
    docsUrl: "https://docs.openshift.com/container-platform/latest/authentication/managing-oauth-access-tokens.html",
    tags: ["openshift", "kubernetes"],
    examples: {
      positive: [withSecret("oc login --token=", fakeToken("sha256~", 43, "base64url", "openshift"), " --server=https://api.example.net:6443")],
      negative: ["sha256~" + "x".repeat(43)],
    },
  },

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
      namedBy([`(?:${ci("vault")}|${ci("token")})(?<=${vendorWord("vault")}|${vendorWord("token")})`]) +
      "(?<secret>s\\.(?=[A-Za-z0-9]{0,23}[0-9])(?=[A-Za-z0-9]{0,23}[a-z])(?=[A-Za-z0-9]{0,23}[A-Z])[A-Za-z0-9]{24})(?![A-Za-z0-9_-])",
    entropy: 3.5,
    specificity: 80,
    remediation: ROTATE("token", "Vault (`vault token revoke <token>`)") + " Prefer short-lived tokens from an auth method over stored ones.",
    docsUrl: "https://developer.hashicorp.com/vault/docs/concepts/tokens",
    tags: ["hashicorp", "vault"],
    examples: {
      positive: [withSecret("token: ", fakeToken("s.", 24, "alnum", "vault-legacy"))],
      negative: ["token: s.THISSTRINGISALLUPPERCASE", withSecret("label = ", fakeToken("s.", 24, "alnum", "vault-legacy"))],
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
    regex: namedValue([vendorWord("vercel")], "[A-Za-z0-9]{24}"),
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
    regex: `(?:${LEFT}(?=nfp_)|${namedBy([vendorWord("netlify")])})(?<secret>nfp_[A-Za-z0-9]{36}|[A-Za-z0-9=_.-]{40,46})${VALUE_END}`,
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
    regex: namedValue([vendorWord("heroku")], "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
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
    regex: namedValue([vendorWord("cloudflare"), `${vendorWord("cf")}[_-](?:${ci("api")}|${ci("token")}|${ci("key")})`], "[A-Za-z0-9_-]{40}|[a-f0-9]{37}"),
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

  // ------------------------------------------------------------------ Okta
  {
    id: "okta-api-token",
    description: "Okta API token (00… assigned to an Okta name)",
    provider: "Okta",
    severity: "critical",
    keywords: ["okta"],
    regex: namedValue([vendorWord("okta")], "00[\\w=-]{40}"),
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
    regex: namedValue([`${vendorWord("auth0")}[\\w.-]{0,20}?(?:${ci("secret")}|${ci("token")}|${ci("key")})`], "[A-Za-z0-9_-]{64}"),
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

  // ------------------------------------------------------------ Databricks
  {
    id: "databricks-api-token",
    description: "Databricks personal access token (dapi…)",
    provider: "Databricks",
    severity: "high",
    keywords: ["dapi"],
    regex: "(?<![A-Za-z0-9])(?<secret>dapi[a-f0-9]{32}(?:-\\d)?)(?![A-Za-z0-9])",
    entropy: 3.0,
    specificity: 80,
    remediation: ROTATE("token", "Databricks (User settings → Developer → Access tokens)"),
    docsUrl: "https://docs.databricks.com/en/dev-tools/auth/pat.html",
    tags: ["databricks"],
    examples: {
      positive: [withSecret("databricksToken = ", fakeToken("dapi", 32, "hex", "databricks"))],
      negative: ["dapi" + "0".repeat(32)],
    },
  },

  // ------------------------------------------------------------- Snowflake
  {
    id: "snowflake-credential",
    description: "Snowflake password or key passphrase assigned to a Snowflake name, or inline in a Snowflake JDBC URL",
    provider: "Snowflake",
    severity: "high",
    keywords: ["snowflake"],
    regex:
      "(?:" + namedValue([`${vendorWord("snowflake")}[\\w.-]{0,20}?(?:${ci("password")}|${ci("passwd")}|${ci("pwd")}|${ci("passphrase")}|${ci("token")})`], "[^\\s'\"\\x60;,\\\\]{8,128}") + ")",
    entropy: 3.0,
    specificity: 55,
    wordFilter: "password",
    remediation: ROTATE("credential", "Snowflake (ALTER USER … SET PASSWORD / RSA_PUBLIC_KEY)") + " Prefer key-pair or OAuth authentication.",
    docsUrl: "https://docs.snowflake.com/en/user-guide/key-pair-auth",
    tags: ["snowflake", "database"],
    examples: {
      positive: [withSecret("SNOWFLAKE_PASSWORD=", fakeToken("", 20, "alnum", "snowflake"))],
      negative: ["snowflake.password=\njdbc.snowflake.url="],
    },
  },

  // --------------------------------------------------------- MongoDB Atlas
  {
    id: "mongodb-atlas-api-key",
    description: "MongoDB Atlas service-account secret (mdb_sa_sk_…) or Admin API private key",
    provider: "MongoDB Atlas",
    severity: "critical",
    keywords: ["mdb_sa_sk_", "atlas"],
    regex:
      "(?:" + LEFT + "(?=mdb_sa_sk_)|" + namedBy([`${vendorWord("atlas")}[\\w.-]{0,20}?${ci("private")}[_.-]?${ci("key")}`]) + "(?=[0-9a-f]{8}-))" +
      "(?<secret>mdb_sa_sk_[A-Za-z0-9_-]{32,64}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})" + RIGHT,
    entropy: 3.0,
    specificity: 80,
    remediation: ROTATE("API key", "MongoDB Atlas (Organization → Access Manager → API keys / Service accounts)"),
    docsUrl: "https://www.mongodb.com/docs/atlas/configure-api-access/",
    tags: ["mongodb", "database"],
    examples: {
      positive: [withSecret("MONGODB_ATLAS_CLIENT_SECRET=", fakeToken("mdb_sa_sk_", 40, "base64url", "atlas"))],
      negative: ["mdb_sa_sk_" + "x".repeat(40)],
    },
  },

  // ----------------------------------------------------------- PlanetScale
  {
    id: "planetscale-token",
    description: "PlanetScale API token, OAuth token or database password (pscale_tkn_, pscale_oauth_, pscale_pw_)",
    provider: "PlanetScale",
    severity: "high",
    keywords: ["pscale_"],
    regex: "(?<![A-Za-z0-9_])(?<secret>pscale_(?:tkn|oauth|pw)_[\\w=.-]{32,64})(?![\\w=.-])",
    entropy: 3.0,
    specificity: 85,
    remediation: ROTATE("token or password", "PlanetScale (Organization settings → Service tokens, or Branch → Passwords)"),
    docsUrl: "https://planetscale.com/docs/concepts/service-tokens",
    tags: ["planetscale", "database"],
    examples: {
      positive: [withSecret('planetScaleToken = "', fakeToken("pscale_pw_", 43, "base64url", "pscale"), '"')],
      negative: ["pscale_pw_" + "x".repeat(43)],
    },
  },

  // -------------------------------------------------------------- Supabase
  {
    id: "supabase-token",
    description: "Supabase personal access token (sbp_…) or secret API key (sb_secret_…)",
    provider: "Supabase",
    severity: "critical",
    keywords: ["sbp_", "sb_secret_"],
    regex: LEFT + "(?<secret>sbp_(?:oauth_)?[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{31,64})" + RIGHT,
    entropy: 3.0,
    specificity: 85,
    remediation: ROTATE("key", "the Supabase dashboard (Account → Access tokens, or Project settings → API keys)"),
    docsUrl: "https://supabase.com/docs/guides/api/api-keys",
    tags: ["supabase", "database"],
    examples: {
      positive: [withSecret("SUPABASE_ACCESS_TOKEN=", fakeToken("sbp_", 40, "hex", "supabase"))],
      negative: ["sbp_" + "0".repeat(40)],
    },
  },

  // -------------------------------------------------------------- Firebase
  {
    id: "firebase-cloud-messaging-key",
    description: "Firebase Cloud Messaging legacy server key (AAAA…:APA91b…)",
    provider: "Firebase",
    severity: "high",
    keywords: ["aaaa"],
    regex: "(?<![A-Za-z0-9_-])(?<secret>AAAA[A-Za-z0-9_-]{7}:[A-Za-z0-9_-]{140})(?![A-Za-z0-9_-])",
    entropy: 4.0,
    specificity: 85,
    remediation: ROTATE("server key", "the Firebase console (Project settings → Cloud Messaging)") + " Migrate to the FCM HTTP v1 API with short-lived OAuth tokens.",
    docsUrl: "https://firebase.google.com/docs/cloud-messaging/migrate-v1",
    tags: ["firebase", "google"],
    examples: {
      positive: [withSecret('fcm_server_key: "', joined(fakeToken("AAAA", 7, "base64url", "fcm-a"), ":APA91b", fakeToken("", 134, "base64url", "fcm-b")), '"')],
      negative: ["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    },
  },
];
