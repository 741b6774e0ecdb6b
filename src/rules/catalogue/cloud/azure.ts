/**
 * Microsoft Azure credentials: Entra ID client secrets, storage account and
 * shared access keys, SAS tokens, Azure DevOps personal access tokens.
 */
import { fakeToken, joined, withSecret } from "../../examples.js";
import type { RuleSpec } from "../../types.js";
import { assigned, ci, vendorWord } from "../dsl.js";
import { ROTATE } from "./common.js";

// A SAS signature: 32 bytes of HMAC in base64, URL-encoded as a query value.
const sasSig = joined(fakeToken("", 20, "alnum", "sas-a"), "%2B", fakeToken("", 16, "alnum", "sas-b"), "%2F", fakeToken("", 7, "alnum", "sas-c"), "%3D");
const azureClientSecret = joined(fakeToken("", 3, "alnum", "az-cs-a"), "8Q~", fakeToken("", 34, "alnum", "az-cs-b"));
const azureStorageKey = fakeToken("", 86, "base64", "az-storage") + "==";
const azureSasKey = fakeToken("", 43, "base64", "az-sas") + "=";

export const azureRules: readonly RuleSpec[] = [
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
    regex: assigned(
      [`${vendorWord("azure")}[_.-]?${ci("devops")}[\\w.-]{0,20}?(?:${ci("pat")}|${ci("token")})`, `(?:${vendorWord("ado")}|${vendorWord("vsts")}|${vendorWord("azdo")})[_.-]?(?:${ci("pat")}|${ci("token")}|${ci("personal")}[_.-]?${ci("access")}[_.-]?${ci("token")})`],
      "[a-z2-7]{52}", { sameLine: true },
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
];
