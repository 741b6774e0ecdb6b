/**
 * AWS credentials: access key ids, secret access keys, Bedrock API keys,
 * Marketplace Web Service tokens.
 */
import { fakeToken, joined, withSecret } from "../../examples.js";
import type { RuleSpec } from "../../types.js";
import { ROTATE, uuid } from "./common.js";

const awsKeyId = fakeToken("AKIA", 16, "base32", "aws-akid");
const awsTempKeyId = fakeToken("ASIA", 16, "base32", "aws-asia");
const awsSecret = fakeToken("", 40, "base64", "aws-secret");
const bedrockLong = fakeToken(joined("ABSK", "QmVkcm9ja0FQSUtleS"), 110, "base64", "bedrock");
const bedrockShort = joined("bedrock-api-key-", "YmVkcm9jay5hbWF6b25hd3MuY29t", fakeToken("", 120, "base64", "bedrock-short"));
const mwsKey = joined("amzn.mws.", uuid("mws"));

export const awsRules: readonly RuleSpec[] = [
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
];
