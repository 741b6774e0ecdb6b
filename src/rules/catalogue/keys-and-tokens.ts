/**
 * Vendor-neutral credential formats: private keys (PEM of every kind, OpenSSH,
 * PuTTY, age, JWK), PGP private key blocks, JWTs, credentials inside URLs and
 * database connection strings, HTTP auth in curl commands, Kubernetes
 * `Secret` manifests, and the credential files of package managers and tools
 * (.pypirc, .netrc; .npmrc and Docker's config.json are registry rules, in
 * registries.ts).
 *
 * A PEM block spans many lines; the rule matches the whole block (so the
 * finding's fingerprint is the key's) and the finding is reported at the
 * BEGIN line. Matches stay under the engine's 16 KiB bound: the largest
 * common private keys (RSA-8192, ML-KEM/ML-DSA PKCS#8) fit in 16,000
 * characters of armour.
 */
import { armouredBody, fakeToken, joined, withSecret } from "../examples.js";
import type { RuleSpec } from "../types.js";

const REMOVE_KEY =
  "Treat the key as compromised: generate a new key pair, replace the public half wherever it is trusted (servers, deploy keys, certificates), revoke the old one, and purge the private key from git history. Keep private keys in a secret manager or an untracked file.";
const ROTATE_PASSWORD =
  "Change this password at its source (database, service or account), move the value to an environment variable or secret manager, and purge the old value from git history if it was pushed.";

const BEGIN = "-----BEGIN ";
const END = "-----END ";

// Values that are not a key body: elisions, templates, sample markers.
const KEY_PLACEHOLDERS = [
  "\\.\\.\\.",
  "\\u2026",
  "\\*{3}",
  "\\$\\{",
  "\\{\\{",
  "<[A-Za-z][^<>\\n]{0,60}>",
  "x{12}|X{12}",
  "^-----BEGIN [A-Z ]{0,40}(?:FAKE|EXAMPLE|DUMMY|SAMPLE)",
];

const rsaPem = joined(BEGIN, "RSA PRIVATE KEY-----\n", armouredBody(1600, "rsa-pem"), "\n", END, "RSA PRIVATE KEY-----");
const sshPem = joined(BEGIN, "OPENSSH PRIVATE KEY-----\n", armouredBody(400, "openssh", 70), "\n", END, "OPENSSH PRIVATE KEY-----");
const ecEscaped = joined(BEGIN, "EC PRIVATE KEY-----\\n", fakeToken("", 64, "base64", "ec-a"), "\\n", fakeToken("", 56, "base64", "ec-b"), "\\n", END, "EC PRIVATE KEY-----");
const pgpBlock = joined(BEGIN, "PGP PRIVATE KEY BLOCK-----\n\n", armouredBody(640, "pgp"), "\n=", fakeToken("", 4, "base64", "pgp-crc"), "\n", END, "PGP PRIVATE KEY BLOCK-----");
const jwtHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
const jwt = joined(jwtHeader, ".", "eyJ", fakeToken("", 60, "base64url", "jwt-payload"), ".", fakeToken("", 43, "base64url", "jwt-sig"));
const dbPassword = fakeToken("", 18, "alnum", "db-password");
const urlPassword = fakeToken("", 16, "alnum", "url-password");
const k8sValue = fakeToken("", 32, "base64", "k8s-secret") + "=";
const ethKey = fakeToken("", 64, "hex", "eth-private-key");

export const keysAndTokensRules: readonly RuleSpec[] = [
  // ----------------------------------------------------------- private keys
  {
    id: "private-key",
    description: "Private key in PEM or OpenSSH armour (RSA, DSA, EC, PKCS#8, OpenSSH, …)",
    provider: "Generic",
    severity: "critical",
    // Every armour line ends `PRIVATE KEY-----` (keywords cannot hold a space).
    keywords: ["key-----"],
    // Encrypted keys (PKCS#8 `ENCRYPTED PRIVATE KEY`, or legacy PEM with a
    // `Proc-Type: 4,ENCRYPTED` header) need their passphrase and are left to
    // the passphrase rules. The body must hold a 40-character base64 run, so a
    // header next to a footer ("-----BEGIN … anything … -----END") is not a key.
    // The footer may lose a dash or two in copy-paste. `[\s\S]` because bodies may sit in string literals with `\n` escapes,
    // comment prefixes or concatenation between lines.
    regex:
      "(?<secret>-----BEGIN (?!ENCRYPTED|PGP)[A-Z0-9 _-]{0,60}PRIVATE KEY-----(?![\\s\\S]{0,80}Proc-Type: 4,ENCRYPTED)(?=[\\s\\S]{0,300}?[A-Za-z0-9+/]{40})[\\s\\S]{40,16000}?-----END[A-Z0-9 _-]{0,60}PRIVATE KEY-{3,5})",
    multiline: true,
    placeholderFilter: false,
    specificity: 70,
    allowlist: { regexes: KEY_PLACEHOLDERS },
    remediation: REMOVE_KEY,
    tags: ["private-key"],
    examples: {
      positive: [withSecret("", rsaPem, "\n"), withSecret("var SECRET = `", sshPem, "`"), withSecret('char pk[] = "', ecEscaped, '";')],
      negative: [
        joined(BEGIN, "PRIVATE KEY-----\nanything\n", END, "PRIVATE KEY-----"),
        joined(BEGIN, "ENCRYPTED PRIVATE KEY-----\n", armouredBody(800, "enc"), "\n", END, "ENCRYPTED PRIVATE KEY-----"),
        joined('header="', BEGIN, 'OPENSSH PRIVATE KEY-----"\nfooter="', END, 'OPENSSH PRIVATE KEY-----"'),
      ],
    },
  },
  {
    id: "pgp-private-key-block",
    description: "PGP / GnuPG private key block",
    provider: "Generic",
    severity: "critical",
    keywords: ["block-----"],
    regex:
      "(?<secret>-----BEGIN PGP PRIVATE KEY BLOCK-----(?=[\\s\\S]{0,400}?[A-Za-z0-9+/]{40})[\\s\\S]{40,16000}?-----END PGP PRIVATE KEY BLOCK-----)",
    multiline: true,
    placeholderFilter: false,
    specificity: 70,
    allowlist: { regexes: KEY_PLACEHOLDERS },
    remediation: REMOVE_KEY + " Publish a revocation certificate for the old PGP key.",
    docsUrl: "https://www.gnupg.org/gph/en/manual/c14.html",
    tags: ["private-key", "pgp"],
    examples: {
      positive: [withSecret("", pgpBlock, "\n")],
      negative: [joined(BEGIN, "PGP PUBLIC KEY BLOCK-----\n\n", armouredBody(640, "pgp-pub"), "\n", END, "PGP PUBLIC KEY BLOCK-----")],
    },
  },
  {
    id: "putty-private-key",
    description: "PuTTY private key file (.ppk) with an unencrypted private part",
    provider: "Generic",
    severity: "critical",
    keywords: ["putty-user-key-file-"],
    regex:
      "PuTTY-User-Key-File-\\d: [\\w-]{3,40}\\r?\\nEncryption: none\\r?\\n[\\s\\S]{0,4000}?Private-Lines: \\d{1,3}\\r?\\n(?<secret>[A-Za-z0-9+/=]{40,80}(?:\\r?\\n[A-Za-z0-9+/=]{1,80}(?=\\r?\\n|$)){0,100})",
    multiline: true,
    entropy: 4.0,
    specificity: 70,
    remediation: REMOVE_KEY,
    docsUrl: "https://the.earth.li/~sgtatham/putty/0.78/htmldoc/AppendixC.html",
    tags: ["private-key"],
    examples: {
      positive: [
        withSecret(
          "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ci\nPublic-Lines: 2\n" + armouredBody(96, "ppk-pub") + "\nPrivate-Lines: 1\n",
          fakeToken("", 64, "base64", "ppk-priv"),
          "\nPrivate-MAC: " + fakeToken("", 64, "hex", "ppk-mac") + "\n",
        ),
      ],
      negative: ["PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: aes256-cbc\nPrivate-Lines: 1\n" + fakeToken("", 64, "base64", "ppk-enc")],
    },
  },
  {
    id: "age-secret-key",
    description: "age encryption secret key (AGE-SECRET-KEY-1…, post-quantum AGE-SECRET-KEY-PQ-1…)",
    provider: "age",
    severity: "critical",
    keywords: ["age-secret-key-"],
    // Bech32: 58 characters of the bech32 alphabet after the `1` separator
    // (a 32-byte X25519 key, or the 32-byte ML-KEM-768 + X25519 seed of a
    // post-quantum identity made by `age-keygen -pq`).
    regex: "(?<![A-Za-z0-9-])(?<secret>AGE-SECRET-KEY-(?:PQ-)?1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Za-z0-9])",
    // A key body that is one repeated character (`QQQ…`, bech32 for zero) is a sample.
    entropy: 3.0,
    specificity: 85,
    remediation: REMOVE_KEY + " Re-encrypt every file encrypted to the old age recipient.",
    docsUrl: "https://age-encryption.org/v1",
    tags: ["private-key"],
    examples: {
      positive: [
        withSecret('"ageToken" => "', fakeToken("AGE-SECRET-KEY-1", 58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", "age"), '"'),
        withSecret("# public key: age1pq1…\n", fakeToken("AGE-SECRET-KEY-PQ-1", 58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", "age-pq")),
      ],
      negative: ["AGE-SECRET-KEY-1" + "Q".repeat(58), "AGE-SECRET-KEY-PQ-1" + "Q".repeat(58)],
    },
  },
  {
    id: "ethereum-private-key",
    description: "secp256k1 (Ethereum/EVM) private key handed to a wallet API, a Hardhat/Truffle account list or --private-key",
    provider: "Ethereum",
    severity: "critical",
    keywords: ["wallet(", "wallet.add(", "walletprovider(", "privatekeytoaccount", "fromprivatekey", "from_private_key", "from_key(", "fromkey(", "accounts", "privatekeys", "--private-key"],
    // A bare `0x` + 64 hex digits is as often a transaction id, a Keccak or
    // SHA-256 digest or a storage slot as a key, so the value only counts
    // where the API takes nothing but a private key: ethers `new Wallet(…)`,
    // web3/viem `privateKeyToAccount(…)`, eth-account `Account.from_key(…)`,
    // `fromPrivateKey(…)`, `wallet.add(…)`, `new HDWalletProvider(…)`, the
    // `accounts: [...]` of a Hardhat network (addresses there are 40 digits)
    // and Foundry's `--private-key`.
    regex:
      "(?:(?:(?<![A-Za-z0-9_$])Wallet|WalletProvider|wallet\\.add|[Pp]rivateKeyToAccount|[Ff]romPrivateKey|from_private_key|from_key|fromKey)\\([ \\t]{0,4}\\[?[ \\t]{0,4}" +
      "|(?<![A-Za-z0-9_$])(?:accounts|privateKeys)[\"']?[ \\t]{0,4}:[ \\t]{0,4}\\[[ \\t\\r\\n]{0,40}" +
      "|(?<![\\w-])--private-key(?:[ \\t]{1,4}|=))" +
      "(?:Buffer\\.from\\([ \\t]{0,4})?[\"'\\x60]?(?:0x)?(?<secret>[0-9a-fA-F]{64})(?![0-9A-Za-z])",
    entropy: 3.0,
    entropyHex: 3.0,
    specificity: 70,
    remediation:
      "A blockchain key cannot be rotated: treat the account as compromised, move its funds and roles (contract ownership, minter, admin) to a new key at once, and keep deployer keys in a hardware wallet, keystore file or secret manager read at run time.",
    docsUrl: "https://docs.ethers.org/v6/api/wallet/",
    tags: ["private-key", "blockchain"],
    examples: {
      positive: [
        withSecret('const wallet = new ethers.Wallet("0x', ethKey, '", provider);'),
        withSecret("networks: {\n  sepolia: {\n    url: RPC_URL,\n    accounts: [\"0x", ethKey, '"],\n  },\n}'),
        withSecret("acct = Account.from_key('", ethKey, "')"),
        withSecret("forge script Deploy --broadcast --private-key 0x", ethKey),
      ],
      negative: [
        "const wallet = new ethers.Wallet(process.env.PRIVATE_KEY, provider);",
        `accounts: ["0x${fakeToken("", 40, "hex", "eth-address")}"]`,
        `Transaction 0x${fakeToken("", 64, "hex", "eth-tx")} was mined`,
        `accounts: ["0x${"0".repeat(63)}1"]`,
      ],
    },
  },
  {
    id: "jwk-private-key",
    description: "JSON Web Key holding private or symmetric key material (\"d\" of RSA/EC/OKP, \"k\" of oct)",
    provider: "Generic",
    severity: "critical",
    keywords: ["\"kty\""],
    // The match runs from the object's "kty" member to its private member;
    // the secret (where the finding is reported) is that member's value, the
    // private key material itself.
    regex:
      "\"kty\"\\s{0,10}:\\s{0,10}\"\\[?(?:RSA|EC|OKP|oct)\\]?\"[^{}]{0,2000}?\"(?:d|k)\"\\s{0,10}:\\s{0,10}\"(?<secret>[A-Za-z0-9_-]{16,1400})\"",
    multiline: true,
    placeholderFilter: false,
    allowlist: { regexes: ["\"(?:d|k)\"\\s*:\\s*\"([A-Za-z])\\1{7}", "\\.\\.\\.", "EXAMPLE"], regexTarget: "match" },
    specificity: 70,
    remediation: REMOVE_KEY + " Remove the key from every JWKS that publishes it.",
    docsUrl: "https://www.rfc-editor.org/rfc/rfc7517",
    tags: ["private-key", "jwk"],
    examples: {
      positive: [
        withSecret('{"kty": "EC", "crv": "P-256", "x": "' + fakeToken("", 43, "base64url", "jwk-x") + '", "d": "', fakeToken("", 43, "base64url", "jwk-d"), '"}'),
        withSecret('{\n  "kty": "oct",\n  "alg": "HS256",\n  "k": "', fakeToken("", 22, "base64url", "jwk-k"), '"\n}'),
      ],
      negative: ['{"kty": "EC", "crv": "P-256", "x": "' + fakeToken("", 43, "base64url", "jwk-x2") + '", "y": "' + fakeToken("", 43, "base64url", "jwk-y") + '"}'],
    },
  },

  // ------------------------------------------------------------------ NTLM
  {
    id: "ntlm-authenticate-message",
    description: "NTLM AUTHENTICATE (type 3) message: a user's challenge response, crackable offline or relayable",
    provider: "Generic",
    severity: "high",
    // Base64 of the `NTLMSSP\0` signature and message type 3: every type-3
    // message starts `TlRMTVNTUAADAAAA`. Types 1 and 2 (negotiate, challenge)
    // carry no credential and start `…AAB`/`…AAC`.
    keywords: ["tlrmtvntuaad"],
    regex: "(?<![A-Za-z0-9+/])(?<secret>TlRMTVNTUAADAAAA[A-Za-z0-9+/]{40,4000}={0,2})(?![A-Za-z0-9+/=])",
    entropy: 3.0,
    specificity: 70,
    // Documentation samples spell out that they are one inside the base64
    // (`…ThisIsAnExample…`); a random message holds "xample" about once in
    // 10^8 messages.
    allowlist: { regexes: ["[Ee]xample|EXAMPLE"] },
    remediation:
      "Remove the captured message (logs, HAR files, test fixtures) and change the password of the account it belongs to: the response it carries can be cracked offline.",
    docsUrl: "https://learn.microsoft.com/openspecs/windows_protocols/ms-nlmp/033d32cc-88f9-4483-9bf2-b273055038ce",
    tags: ["ntlm", "windows"],
    examples: {
      positive: [withSecret("Authorization: NTLM ", fakeToken("TlRMTVNTUAADAAAA", 160, "base64", "ntlm-3") + "=", "")],
      negative: [
        `Authorization: NTLM ${fakeToken("TlRMTVNTUAABAAAA", 40, "base64", "ntlm-1")}`,
        `Authorization: NTLM ${fakeToken("TlRMTVNTUAADAAAA", 40, "base64", "ntlm-2")}ThisIsAnExample${fakeToken("", 40, "base64", "ntlm-3")}`,
      ],
    },
  },

  // ------------------------------------------------------------------- JWT
  {
    id: "jwt",
    description: "JSON Web Token with a JSON header and payload",
    provider: "Generic",
    severity: "medium",
    keywords: ["eyj"],
    // A real JWT's header and payload are base64url JSON objects, so both
    // start with `eyJ` ("{\""); the signature may be empty (alg "none") or
    // absent in unsigned samples. Bounded parts keep the match under 16 KiB.
    regex:
      "(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{10,2000}\\.eyJ[A-Za-z0-9_-]{10,8000}(?:\\.[A-Za-z0-9_-]{0,2000})?)(?![A-Za-z0-9_-])",
    entropy: 3.0,
    specificity: 45,
    // Documentation samples sign with a visibly fake signature.
    allowlist: { regexes: ["EXAMPLE|FAKESIG|\\.FAKE"] },
    remediation:
      "If this token is live, revoke it (or rotate the signing key so it no longer verifies), and do not commit tokens: load them at run time. Test fixtures should use a token signed with a test-only key and an expired `exp`.",
    docsUrl: "https://www.rfc-editor.org/rfc/rfc7519",
    tags: ["jwt"],
    examples: {
      positive: [withSecret('"access_token": "', jwt, '"'), withSecret("Authorization: Bearer ", jwt)],
      negative: ["eyJBB.eyJCC.eyJDDDD", "bm90X3ZhbGlkX2pzb25fYXRfYWxs.bm90X3ZhbGlkX2pzb25fYXRfYWxs.SflKxwRJSMeKKF2QT4fw"],
    },
  },

  // ------------------------------------------------- credentials inside URLs
  {
    id: "database-connection-string",
    description: "Database connection URL with an inline password (postgres, mysql, mongodb, redis, amqp, mssql, …)",
    provider: "Generic",
    severity: "high",
    keywords: ["://"],
    regex:
      "(?<![A-Za-z0-9+.-])(?:jdbc:)?(?:postgres(?:ql)?|mysql|mysqlx|mariadb|mongodb(?:\\+srv)?|redis|rediss|valkey|amqps?|mssql|sqlserver|oracle|cockroachdb|clickhouse|couchdb|couchbase|neo4j(?:\\+s)?|cassandra|memcached|nats|snowflake|db2|timescaledb)://[^\\s:/?#@'\"<>\\[\\](){}]{1,128}:(?<secret>[^\\s/?#@'\"<>\\[\\](){}]{1,128})@[^\\s/?#'\"<>]{1,253}",
    flags: "i",
    specificity: 45,
    allowlist: {
      regexTarget: "match",
      regexes: [
        // user and password identical (`postgres:postgres@`), a local demo pattern.
        "://([^:@/]{1,128}):\\1@",
        // The password is a template or a word that names itself.
        "://[^:@/]{0,128}:(?:\\$\\{?[A-Za-z_][\\w:-]*\\}?|\\$\\([^)]*\\)|%[A-Za-z_]+%|\\{[\\w.-]*\\}|\\*{1,}|x{3,}|X{3,}|password|passwd|pass_?word|pwd|secret|token|api[_-]?key|key|credentials?|changeme|your[_-]?password|REPLACE[_A-Z]*|<[^>]*>|YOUR_[A-Z_]+)@",
      ],
    },
    remediation: ROTATE_PASSWORD + " Build the URL at run time from an environment variable (DATABASE_URL) instead.",
    tags: ["database", "url"],
    examples: {
      positive: [withSecret("DATABASE_URL=postgres://app:", dbPassword, "@db.internal:5432/app"), withSecret('MONGO_URI = "mongodb+srv://svc:', dbPassword, '@cluster0.mongodb.net/prod"')],
      negative: [
        "const PG_TEMPLATE = \"postgresql://{username}:{password}@{{host}}:5432/{database}\";",
        "postgres://postgres:postgres@localhost:5432/database",
        "DB_URL = postgres://$(PGUSER):$(PGPASSWORD)@$(PGHOST)/$(PGDATABASE)",
      ],
    },
  },
  {
    id: "basic-auth-url",
    description: "URL with an inline user name and password (scheme://user:password@host)",
    provider: "Generic",
    severity: "high",
    keywords: ["://"],
    regex:
      "(?<![A-Za-z0-9+.-])(?:https?|ftps?|sftp|ssh|git|svn|smtps?|imaps?|pop3s?|ldaps?|wss?|rsync|s3|webdav|davs?)://[^\\s:/?#@'\"<>\\[\\](){}]{1,128}:(?<secret>[^\\s/?#@'\"<>\\[\\](){}]{4,128})@[A-Za-z0-9._-]{1,253}",
    flags: "i",
    // Passwords shorter than 4 characters are documentation (`https://a:b@host`).
    specificity: 40,
    allowlist: {
      regexTarget: "match",
      regexes: [
        "://([^:@/]{1,128}):\\1@",
        "://[^:@/]{0,128}:(?:\\$\\{?[A-Za-z_][\\w:-]*\\}?|\\$\\([^)]*\\)|%[A-Za-z_]+%|\\{[\\w.-]*\\}|\\*{1,}|x{3,}|X{3,}|password|passwd|pass_?word|pwd|secret|token|api[_-]?key|key|credentials?|changeme|your[_-]?password|REPLACE[_A-Z]*|<[^>]*>|YOUR_[A-Z_]+)@",
        // GitHub's token-as-user convention: the token is git-url-oauth-token's finding.
        "://[^:@/]{1,255}:x-oauth-basic@",
        // `host:port@…` is not user:password (`https://url:8000/ @x` never gets here; `http://a:8080@b` might).
        "://[^:@/]{1,128}:\\d{2,5}@",
      ],
    },
    remediation: ROTATE_PASSWORD + " Pass credentials in a header or a credential helper, not in the URL.",
    tags: ["url"],
    examples: {
      positive: [withSecret("git clone https://deploy:", urlPassword, "@git.example.org/team/repo.git")],
      negative: ["https://example.com is good", "https://url:8000/ @something else", "http://user:${PASSWORD}@example.com"],
    },
  },
  {
    id: "connection-string-password",
    description: "Password inside an ADO.NET/ODBC connection string or a JDBC URL parameter",
    provider: "Generic",
    severity: "high",
    keywords: ["password=", "pwd="],
    regex: "(?:(?:^|[;\"'\\s])(?:Password|Pwd)[ \\t]{0,3}=[ \\t]{0,3}|[?&;](?:password|pwd)=)(?<secret>[^;&\"'\\s]{4,128})(?=[;&\"'\\s]|$)",
    flags: "im",
    requires: { near: "(?:Server|Data Source|Host|Initial Catalog|Database|User ID|Uid)\\s*=|jdbc:|odbc:", lines: 0 },
    placeholderFilter: true,
    wordFilter: "password",
    specificity: 35,
    remediation: ROTATE_PASSWORD + " Use integrated/managed identity authentication where the platform offers it.",
    tags: ["database"],
    examples: {
      positive: [withSecret('"Server=tcp:sql.internal,1433;Database=app;User ID=app;Password=', dbPassword, ';Encrypt=True;"')],
      negative: ['"Server=tcp:sql.internal;Database=app;User ID=app;Password=${DB_PASSWORD};"'],
    },
  },
  {
    id: "curl-basic-auth",
    description: "curl command with a user name and password (-u / --user)",
    provider: "Generic",
    severity: "high",
    keywords: ["curl"],
    // `-u user:pass`, quoted or not, possibly on a continuation line of the
    // command; the secret is the whole `user:pass` pair (either half may be
    // the token, e.g. `-u "apikey:"`).
    regex: "(?<=\\s)(?:-u|--user)[ \\t]{1,5}(?<q>[\"']?)(?<secret>[^\\s\"':]{0,128}:['\"]?[^\\s\"']{0,128}['\"]?)\\k<q>(?=\\s|$)",
    requires: { near: "\\bcurl\\b", lines: 4 },
    specificity: 45,
    allowlist: {
      regexes: [
        "^:?['\"]*$",
        "^([^:]+):\\1$",
        "(?:^|:)['\"]?\\$[A-Za-z0-9_{(]",
        "\\{\\{|\\$\\{",
        "^(?:user(?:name)?|admin|test|demo)?:(?:pass(?:word)?|test|admin)?$",
        "^[^:]*@[^:]*:$",
      ],
    },
    remediation: ROTATE_PASSWORD + " Read the credential from a .netrc file (`curl --netrc`) or an environment variable.",
    tags: ["curl", "http"],
    examples: {
      positive: [withSecret("curl -s --user '", `api:${urlPassword}`, "' https://api.example.net/v2/messages")],
      negative: ['curl -u "${_username}:${_password}"', "curl -i -u 'test:test'", 'curl -u ":" https://localhost:9200', 'curl -X POST --user "$(cat ./login.txt):$(cat ./password.txt)"'],
    },
  },
  {
    id: "curl-option-credential",
    description: "libcurl option set to a literal password, user:password pair or bearer token (CURLOPT_USERPWD, …)",
    provider: "Generic",
    severity: "high",
    keywords: ["curlopt_"],
    regex:
      "CURLOPT_(?:USERPWD|PROXYUSERPWD|PASSWORD|PROXYPASSWORD|KEYPASSWD|SSLKEYPASSWD|XOAUTH2_BEARER|TLSAUTH_PASSWORD|PROXY_TLSAUTH_PASSWORD)[ \\t]{0,5},[ \\t]{0,5}[Lu8]{0,2}\"(?<secret>(?:[^\"\\\\\\r\\n]|\\\\.){4,256})\"",
    placeholderFilter: false,
    wordFilter: "password",
    specificity: 50,
    remediation: ROTATE_PASSWORD + " Load the credential at run time (environment, keychain, config outside the repository).",
    docsUrl: "https://curl.se/libcurl/c/CURLOPT_USERPWD.html",
    tags: ["curl", "password"],
    examples: {
      positive: [withSecret('curl_easy_setopt(curl, CURLOPT_USERPWD, "', `root:${urlPassword}`, '");')],
      negative: ["curl_easy_setopt(curl, CURLOPT_USERPWD, userpwd);", 'curl_easy_setopt(curl, CURLOPT_PASSWORD, "");'],
    },
  },
  {
    id: "curl-auth-header",
    description: "curl command sending a literal Authorization or API-key header",
    provider: "Generic",
    severity: "high",
    keywords: ["curl"],
    regex:
      "(?:-H|--header)[ \\t]{1,5}[\"']?(?:Authorization|X-API-KEY|Api-?Key|X-Auth-Token|PRIVATE-TOKEN|X-Access-Token)[ \\t]{0,3}:[ \\t]{0,5}(?:(?:Bearer|Basic|Token|Api-Token|Bot|apikey)[ \\t]{1,5})?(?<secret>[A-Za-z0-9+/=._~-]{16,4000})(?=[\"'\\s]|$)",
    flags: "i",
    requires: { near: "\\bcurl\\b", lines: 6 },
    entropy: 3.0,
    specificity: 35,
    remediation: "Revoke the token sent in this header, then pass it from an environment variable (`-H \"Authorization: Bearer $TOKEN\"`) instead of the literal value.",
    tags: ["curl", "http"],
    examples: {
      positive: [withSecret('curl -X GET "http://localhost:3000/api/status" -H "Authorization: Bearer ', fakeToken("", 32, "hex", "curl-bearer"), '"')],
      negative: ['curl -H "Authorization: Bearer $(gcloud auth print-access-token)" https://example.com', 'curl -H "Authorization: Bearer <token>" https://example.com'],
    },
  },

  // ------------------------------------------------------------ Kubernetes
  {
    id: "kubernetes-secret-manifest",
    description: "Kubernetes Secret manifest with a literal data value",
    provider: "Kubernetes",
    severity: "high",
    keywords: ["secret"],
    // One finding per data entry of a `kind: Secret` document; the manifest
    // may put `kind` before or after `data`. Values shorter than 12 base64
    // characters (≤ 8 bytes) are too short to be a credential.
    regex: "^[ \\t]{1,12}[\"']?[\\w.-]{1,128}[\"']?[ \\t]{0,4}:[ \\t]{0,4}[\"']?(?<secret>[A-Za-z0-9+/]{12,8000}={0,2})[\"']?[ \\t]{0,20}\\r?$",
    flags: "m",
    requires: {
      near: "^(?=[\\s\\S]*?(?:^|\\n)[ \\t]*kind:[ \\t]*[\"']?Secret[\"']?[ \\t]*\\r?(?:\\n|$))(?=[\\s\\S]*?(?:^|\\n)[ \\t]*(?:data|stringData):[ \\t]*\\r?(?:\\n|$))",
      lines: 40,
    },
    // The keyword ("secret", from `kind: Secret`) is context, not part of the
    // match: let the match sit up to ~40 lines of YAML away from it.
    reach: 8192,
    entropy: 3.0,
    wordFilter: true,
    // data: values are base64: judge the text they decode to (base64 of
    // `changeme` or `password` is still a placeholder).
    judgeDecoded: "base64",
    specificity: 30,
    remediation:
      "Do not commit Secret manifests with data: rotate the values, then manage them with Sealed Secrets, SOPS, External Secrets or your cloud's secret manager, and purge the manifest from git history.",
    docsUrl: "https://kubernetes.io/docs/concepts/configuration/secret/",
    tags: ["kubernetes"],
    examples: {
      positive: [withSecret("apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-credentials\ntype: Opaque\ndata:\n  password: ", k8sValue, "\n")],
      negative: [
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: registry-auth-data\ntype: Opaque\ndata:\n  htpasswd: ''\n",
        `apiVersion: v1\nkind: Secret\ntype: Opaque\ndata:\n  password: ${Buffer.from("changeme-please").toString("base64")}\n  token: ${Buffer.from("<your token here>").toString("base64")}\n`, "apiVersion: v1\nkind: ConfigMap\ndata:\n  value: " + k8sValue + "\n"],
    },
  },

  // -------------------------------------------------- tool credential files
  {
    id: "pypirc-password",
    description: ".pypirc repository password or token",
    provider: "PyPI",
    severity: "high",
    keywords: ["password"],
    regex: "^[ \\t]{0,20}password[ \\t]{0,20}[:=][ \\t]{0,20}(?<secret>[^\\s#;]{6,256})",
    flags: "m",
    requires: { near: "^\\s*\\[(?:pypi|testpypi|distutils|[\\w-]+)\\]\\s*$[\\s\\S]*repository|\\[(?:pypi|testpypi|distutils)\\]", lines: 12 },
    wordFilter: "password",
    specificity: 40,
    remediation: "Revoke the PyPI API token (pypi.org → Account settings → API tokens), use trusted publishing or `TWINE_PASSWORD` from your CI's secret store, and purge the old value from git history.",
    docsUrl: "https://packaging.python.org/en/latest/specifications/pypirc/",
    tags: ["pypi", "registry"],
    examples: {
      positive: [withSecret("[distutils]\nindex-servers = private\n\n[private]\nrepository = https://pypi.internal/\nusername = ci\npassword = ", fakeToken("", 24, "alnum", "pypirc"), "\n")],
      negative: ["[pypi]\nusername = __token__\npassword = ${PYPI_TOKEN}\n"],
    },
  },
  {
    id: "netrc-password",
    description: ".netrc machine entry with a password",
    provider: "Generic",
    severity: "high",
    keywords: ["machine"],
    regex: "\\bmachine[ \\t]{1,20}[^\\s]{1,253}(?:\\s{1,20}(?:login|account)[ \\t]{1,20}[^\\s]{1,256}){0,2}\\s{1,20}password[ \\t]{1,20}(?<secret>[^\\s]{3,256})",
    wordFilter: "password",
    specificity: 45,
    remediation: ROTATE_PASSWORD + " Keep .netrc in the home directory with mode 600, never in a repository.",
    docsUrl: "https://everything.curl.dev/usingcurl/netrc.html",
    tags: ["netrc"],
    examples: {
      positive: [withSecret("machine api.example.net\n  login ci-bot\n  password ", urlPassword, "\n")],
      negative: ["machine api.example.net login ci-bot password $NETRC_PASSWORD"],
    },
  },
];
