/**
 * Credentials that are published as examples: documentation keys, emulator
 * keys, the sample token of a debugger. Anyone can read them in the vendor's
 * documentation, so committing one leaks nothing; a scanner that blocks on
 * them teaches people to ignore it. A candidate whose value is on this list
 * is reported as `info`, with what it is and where it is published, by
 * whichever rule found it (see detect/public-example.ts).
 *
 * Values are listed by the SHA-256 of their exact text (hex), with their
 * length: this file holds no credential-shaped text of its own, and a
 * reader checks an entry with `printf %s VALUE | sha256sum`. Add an entry
 * only for a value its owner published as an example, with the page.
 */

export interface PublicExample {
  /** SHA-256 of the exact value (UTF-8), lower-case hex. */
  readonly sha256: string;
  /** Length of the value in characters. */
  readonly length: number;
  /** What the value is, for the report: "AWS documentation example access key ID". */
  readonly name: string;
  /** Where its owner publishes it (a documentation page). */
  readonly source: string;
}

const AWS_KEYS_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html";
const AWS_CLI_PROFILES_DOC = "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html";
// Examples of the AWS API references, shipped with every AWS SDK's service
// models (aws-sdk-js: apis/<service>.examples.json).
const awsApiExample = (service: string, operation: string, url: string) =>
  `AWS ${service} API reference, ${operation} example (${url}); also in the AWS SDKs' service models`;

export const PUBLIC_EXAMPLES: readonly PublicExample[] = [
  {
    sha256: "1a5d44a2dca19669d72edf4c4f1c27c4c1ca4b4408fbb17f6ce4ad452d78ddb3",
    length: 20,
    name: "AWS documentation example access key ID (AKIAIOSF…)",
    source: AWS_KEYS_DOC,
  },
  {
    sha256: "78314b11be2e581549ac1c4f616563fad3fdf0c3b71678f6e2299182080e0598",
    length: 40,
    name: "AWS documentation example secret access key (wJalrXUt…)",
    source: AWS_KEYS_DOC,
  },
  {
    sha256: "c6ea27c534f993d31f0aef882e3d200e7b87470c379ae79c8f9b19d3bd363dc9",
    length: 20,
    name: "AWS CLI documentation example access key ID (AKIAI44Q…)",
    source: AWS_CLI_PROFILES_DOC,
  },
  {
    sha256: "e21b597ba6b9cafa59d9ebc4d65c0385f5eb3fa56abab2607fa76589ad849a33",
    length: 40,
    name: "AWS CLI documentation example secret access key (je7MtGbC…)",
    source: AWS_CLI_PROFILES_DOC,
  },
  {
    sha256: "0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059",
    length: 88,
    name: "Azure Storage emulator (Azurite) well-known key of devstoreaccount1",
    source: "https://learn.microsoft.com/azure/storage/common/storage-use-azurite#well-known-storage-account-and-key",
  },
  {
    sha256: "7f75367e7881255134e1375e723d1dea8ad5f6a4fdb79d938df1f1754a830606",
    length: 155,
    name: "jwt.io debugger sample token (John Doe, HS256)",
    source: "https://jwt.io/",
  },
  {
    sha256: "2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326",
    length: 32,
    name: "Stripe documentation test-mode secret key (sk_test_4eC3…)",
    source: "https://docs.stripe.com/keys",
  },
  {
    sha256: "b1471f544ceeea31333bde7e1ecbaad6eac0d4a749412ad29bd66ef895b81c6b",
    length: 32,
    name: "Stripe documentation test-mode publishable key (pk_test_TYoo…)",
    source: "https://docs.stripe.com/keys",
  },
  {
    sha256: "8f60821fdfc3b4c9fc600ac69e5dcaa30993db89dffd9b72e8fe76234039682c",
    length: 19,
    name: "Amazon Cognito example temporary password",
    source: awsApiExample("Cognito user pools", "AdminCreateUser", "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html"),
  },
  {
    sha256: "1d23b6b67fde9263896ffd38cb422c62669b806d5ba5a9aeb73169639de76346",
    length: 52,
    name: "Amazon Cognito example app client secret",
    source: awsApiExample("Cognito user pools", "CreateUserPoolClient", "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html"),
  },
  {
    sha256: "e3c33e889e0e1b62cb7f65c63b60c42bd77275d0e730432fc37b7e624b09ad1f",
    length: 7,
    name: "AWS DMS example endpoint password",
    source: awsApiExample("Database Migration Service", "CreateEndpoint", "https://docs.aws.amazon.com/dms/latest/APIReference/API_CreateEndpoint.html"),
  },
  {
    sha256: "6caa448826c11cd39c78a3a223c3ddb55358c975c0456e37058ccfbc559c86ce",
    length: 14,
    name: "AWS IAM example new password",
    source: awsApiExample("IAM", "ChangePassword", "https://docs.aws.amazon.com/IAM/latest/APIReference/API_ChangePassword.html"),
  },
  {
    sha256: "d8ccc3c547c850170a24a46dceca05861438dca7b115589739d526d2df404b66",
    length: 12,
    name: "AWS IAM example console password",
    source: awsApiExample("IAM", "CreateLoginProfile", "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateLoginProfile.html"),
  },
  {
    sha256: "a6bbff9561713790a2206df45229ad06c81a405ff628840a1e4934d476eaa196",
    length: 7,
    name: "AWS KMS example key store password",
    source: awsApiExample("KMS", "CreateCustomKeyStore", "https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateCustomKeyStore.html"),
  },
  {
    sha256: "f420161d76f067dddce7bd3f694d8176326edc0a48d628ef8a3739a75dac5318",
    length: 44,
    name: "AWS KMS example external key store proxy secret access key",
    source: awsApiExample("KMS", "CreateCustomKeyStore", "https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateCustomKeyStore.html"),
  },
  {
    sha256: "874a0cf0e19334918a1871f4f3e76da740e5a9c6268b34b564079e4f307266c1",
    length: 65,
    name: "AWS IAM Identity Center OIDC example client secret",
    source: awsApiExample("IAM Identity Center OIDC", "CreateToken", "https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_CreateToken.html"),
  },
  {
    sha256: "45a87856c0d470a0c8b4f725e7024bf3876cb7b3fe6b2591d272a3c591e011f2",
    length: 976,
    name: "AWS IAM Identity Center OIDC example ID token",
    source: awsApiExample("IAM Identity Center OIDC", "CreateTokenWithIAM", "https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_CreateTokenWithIAM.html"),
  },
  {
    sha256: "79d571b6c0c11df36b4fc38c42055ffb35dfb4a7cc3a8ba956f6f59961aa137b",
    length: 920,
    name: "AWS IAM Identity Center OIDC example ID token",
    source: awsApiExample("IAM Identity Center OIDC", "CreateTokenWithIAM", "https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_CreateTokenWithIAM.html"),
  },
  {
    sha256: "1314a52039d7ab429e5068ec6079d295536e600085fd7d35b781f12838a4239c",
    length: 1139,
    name: "AWS IAM Identity Center OIDC example JWT bearer assertion (Microsoft Entra sample user)",
    source: awsApiExample("IAM Identity Center OIDC", "CreateTokenWithIAM", "https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_CreateTokenWithIAM.html"),
  },
  {
    sha256: "3e92cee0b2f11c7a3e1b9dc35ddb7983278e39a035943cc29afb884629c40109",
    length: 29,
    name: "AWS Storage Gateway example activation key",
    source: awsApiExample("Storage Gateway", "ActivateGateway", "https://docs.aws.amazon.com/storagegateway/latest/APIReference/API_ActivateGateway.html"),
  },
  {
    sha256: "577cfe66bf6c95ddd0aa06c4ac4fc36f6cf641fdad7ab445b33071fea3612f74",
    length: 54,
    name: "AWS DataSync documentation example Azure SAS token signature",
    source: "AWS DataSync API reference, AzureBlobSasConfiguration (https://docs.aws.amazon.com/datasync/latest/userguide/API_AzureBlobSasConfiguration.html)",
  },
];
