/**
 * The other public clouds: DigitalOcean, Alibaba Cloud, IBM Cloud, Oracle
 * Cloud, OpenShift.
 */
import { fakeToken, withSecret } from "../../examples.js";
import type { RuleSpec } from "../../types.js";
import { LEFT, RIGHT, assigned, ci, vendorWord } from "../dsl.js";
import { ROTATE } from "./common.js";

const IBM_PLACEHOLDERS = ["xxxx", "insert", "your", "fake", "placeholder", "example", "<", "${", "$("];

export const otherCloudRules: readonly RuleSpec[] = [
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
    regex: assigned([vendorWord("alibaba"), vendorWord("aliyun"), vendorWord("access_key_secret"), vendorWord("accessKeySecret")], "[a-zA-Z0-9]{30}", { sameLine: true }),
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
    regex: assigned(
      [`${vendorWord("oci")}[_.-]?(?:${ci("auth")}[_.-]?${ci("token")}|${ci("pass")}[_.-]?${ci("phrase")}|${ci("password")})`, `${vendorWord("oracle")}[_.-]?(?:${ci("cloud")}[_.-]?)?(?:${ci("auth")}[_.-]?${ci("token")}|${ci("password")})`],
      "[A-Za-z0-9()+:;.\\[\\]{}#_<>-]{20}", { sameLine: true },
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
];
