/**
 * Where people paste credentials without any assignment syntax to lean on:
 * prose (READMEs, wikis, tickets, chat exports) in several languages, the
 * line formats of credential files (`.pgpass`, `.htpasswd`), command lines
 * (`mysql -p…`, `wget --password`, `curl --user=`, `PGPASSWORD=… psql`),
 * and dependency URLs that carry a token (`git+https://<token>:x-oauth-basic@github.com/…`).
 *
 * Prose has no operator and no quotes, so a value counts only when it reads
 * like a password: six or more characters, a letter, a digit and an upper-case
 * letter or a symbol, and not a placeholder, identifier or sample word
 * (`wordFilter: "password"`). Specificity stays below the generic rules: where
 * a value is also an assignment, the generic or provider finding wins.
 */
import { fakeToken, withSecret } from "../examples.js";
import type { RuleSpec } from "../types.js";

const ROTATE_PASSWORD =
  "Change this password at its source (database, service or account), keep it in a password manager or secret store instead of documents and files in the repository, and purge the old value from git history if it was pushed.";

// A password-like value in prose: 6–64 characters without blanks, quotes or
// brackets; it holds a digit, a letter, and an upper-case letter or a symbol.
// The look-aheads read at most 64 characters each (linear).
const PROSE_VALUE =
  "(?<secret>(?=[^\\s]{0,63}[0-9])(?=[^\\s]{0,63}[A-Za-z])(?=[^\\s]{0,63}[A-Z!@#$%^&*?~+=_])[^\\s\"'<>()\\[\\]{}`,;|\\\\]{6,64})(?=[\\s\"'<>)\\]},;|]|$)";
// The label starts the text or follows a blank or an opening punctuation
// (`ID: a / PW: b`, `(pass: …)`), never another character (uuencoded or
// base64 text holds `PW:` by chance).
// After the label: a colon (ASCII or full-width), `=`, `-`, "is", or only blanks.
const PROSE_SEPARATOR = "(?:[ \\t]{0,3}[:：=][ \\t]{0,3}|[ \\t]{1,3}(?:is[ \\t]{1,3}|-[ \\t]{1,3})?)";

const prosePassword = (seed: string): string => `Xq${fakeToken("", 8, "alnum", seed)}!7`;
const dbPassword = fakeToken("", 18, "alnum", "pasted-db");

export const pastedRules: readonly RuleSpec[] = [
  // ------------------------------------------------------------- prose
  {
    id: "prose-password",
    description: "Password written in prose or notes (`PW: …`, `password …`, `pass …`, `Passwort: …`, `senha: …`)",
    provider: "Generic",
    severity: "medium",
    keywords: ["pass", "pwd", "pw:", "pw=", "senha", "contrase"],
    regex:
      "(?<![^\\s(,/|>*\"'])(?:(?:[Pp]asswor[dt]s?|PASSWOR[DT]S?|[Pp]asswd|PASSWD|[Pp]ass|PASS|[Pp]wd|PWD|[Ss]enha|SENHA|[Cc]ontrase[ñn]a|[Mm]ot de passe)" +
      PROSE_SEPARATOR +
      "|[Pp][Ww][:=][ \\t]{0,3})" +
      PROSE_VALUE,
    wordFilter: "password",
    specificity: 8,
    remediation: ROTATE_PASSWORD,
    docsUrl: "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html",
    tags: ["prose", "password"],
    examples: {
      positive: [
        withSecret("Server access\nID: admin / PW: ", prosePassword("prose-1"), "\n"),
        withSecret("user master password ", prosePassword("prose-2")),
        withSecret("login ops pass ", prosePassword("prose-3"), " (rotate monthly)"),
        withSecret("mot de passe : ", prosePassword("prose-6")),
      ],
      negative: [
        "The password must be at least 8 characters.",
        "Reset your password in the settings page.",
        "Password: ********",
        "password: <your password>",
        "PW: changeme1",
        "pass the token through the header",
        "if (pass) return next(err1);",
      ],
    },
  },
  {
    id: "prose-password-intl",
    description: "Password written in prose under a non-Latin label (비밀번호, 패스워드, パスワード, 密码, 密碼, 口令, пароль, hasło)",
    provider: "Generic",
    severity: "medium",
    // The labels are not ASCII, which the keyword prefilter cannot look for:
    // this rule runs over the whole text (a literal alternation at its start
    // lets the regex engine skip to the labels).
    keywords: ["비밀번호", "패스워드", "パスワード", "密码", "密碼", "口令", "пароль", "hasło"],
    regex: "(?:비밀번호|패스워드|암호|パスワード|密码|密碼|口令|[Пп]ароль|ПАРОЛЬ|[Hh]asło)" + PROSE_SEPARATOR + PROSE_VALUE,
    wordFilter: "password",
    specificity: 8,
    remediation: ROTATE_PASSWORD,
    docsUrl: "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html",
    tags: ["prose", "password"],
    examples: {
      positive: [
        withSecret("비밀번호: ", prosePassword("intl-1")),
        withSecret("パスワード：", prosePassword("intl-2")),
        withSecret("密码: ", prosePassword("intl-3b")),
        withSecret("пароль: ", prosePassword("intl-4")),
      ],
      negative: ["비밀번호를 잊으셨나요?", "パスワード：********", "пароль: <пароль>"],
    },
  },

  // ------------------------------------------------- multi-line values
  {
    id: "multiline-element-secret",
    description: "Password or token as the text of an XML/HTML element that spans lines (<password>\\n  …\\n</password>)",
    provider: "Generic",
    severity: "medium",
    keywords: ["<password", "<passwd", "<secret", "<token", "<apikey", "<api_key", "<clientsecret", "<client_secret"],
    // The one-line form is generic-xml-secret's; here the text sits on its
    // own line(s) between the tags, indented.
    regex:
      "<(?<tag>[Pp]assword|PASSWORD|[Pp]asswd|[Ss]ecret|SECRET|[Tt]oken|TOKEN|[Aa]pi[Kk]ey|API_KEY|api_key|[Cc]lient[Ss]ecret|client_secret)>[ \\t]{0,20}\\r?\\n\\s{0,80}(?<secret>[^\\s<>]{6,256})\\s{0,80}</\\k<tag>>",
    wordFilter: "password",
    specificity: 12,
    remediation: "Move the value out of the file: read it from an environment variable or a secret manager at run time, rotate it if it was ever pushed, and purge it from git history.",
    docsUrl: "https://maven.apache.org/guides/mini/guide-encryption.html",
    tags: ["xml", "multi-line"],
    examples: {
      positive: [withSecret("<server>\n  <id>nexus</id>\n  <password>\n    ", dbPassword, "\n  </password>\n</server>")],
      negative: ["<password>\n  ${env.NEXUS_PASSWORD}\n</password>", "<token>\n  <value>abc</value>\n</token>"],
    },
  },
  {
    id: "yaml-block-scalar-secret",
    description: "Password or token as a YAML block scalar (password: |, secret: >-) on the next line",
    provider: "Generic",
    severity: "medium",
    keywords: ["password", "passwd", "secret", "token"],
    // `name: |` (or `>`, with a chomping indicator), then one indented line
    // holding the value and nothing after it in the block.
    regex:
      "^[ \\t]{0,40}[\"']?[A-Za-z0-9_.-]{0,40}(?:[Pp]assword|PASSWORD|[Pp]asswd|PASSWD|[Ss]ecret|SECRET|[Tt]oken|TOKEN)[A-Za-z0-9_.-]{0,20}[\"']?:[ \\t]{1,4}[|>][-+]?[ \\t]{0,4}\\r?\\n[ \\t]{1,60}(?<secret>[^\\s#]{8,256})[ \\t]{0,20}\\r?(?:\\n(?![ \\t]{1,60}[^\\s])|$)",
    flags: "m",
    wordFilter: "password",
    specificity: 12,
    remediation: "Move the value out of the file: read it from an environment variable or a secret manager at run time, rotate it if it was ever pushed, and purge it from git history.",
    docsUrl: "https://yaml.org/spec/1.2.2/#81-block-scalar-headers",
    tags: ["yaml", "multi-line"],
    examples: {
      positive: [
        withSecret("db:\n  password: |\n    ", dbPassword, "\n  host: db.internal\n"),
        withSecret("stringData:\n  api-token: >-\n    ", dbPassword, "\n"),
      ],
      negative: ["db:\n  password: |\n    ${DB_PASSWORD}\n", "description: |\n  The token is sent as a header.\n"],
    },
  },

  // ------------------------------------------------ Kubernetes stringData
  {
    id: "kubernetes-secret-string-data",
    description: "Kubernetes Secret stringData value (plain, quoted, block | or folded >)",
    provider: "Kubernetes",
    severity: "high",
    keywords: ["stringdata"],
    // Every entry of a Secret's stringData block is a secret in clear text,
    // whatever its key says. The look-behind walks back over the block's
    // indented lines (comments included) to `stringData:` (one blank, then
    // the rest of the line: a single way to read each line, so linear); the value is on
    // the key's line, or on the next line after `|`/`>`; the line after it
    // is no deeper than the key (a one-line value, not a multi-line file).
    regex:
      "^(?<=^[ \\t]{0,8}stringData:[ \\t]{0,20}\\r?\\n(?:[ \\t][^\\n]{0,200}\\n){0,40})" +
      "(?<ind>[ \\t]{1,12})[\"']?[\\w.-]{1,128}[\"']?[ \\t]{0,4}:[ \\t]{0,4}(?:[|>][-+]?[ \\t]{0,4}\\r?\\n\\k<ind>[ \\t]{1,40})?" +
      "(?<q>[\"']?)(?<secret>[^\\s\"'#|>][^\\s\"'#]{7,255})\\k<q>[ \\t]{0,20}\\r?(?=\\n(?!\\k<ind>[ \\t])|$)",
    flags: "m",
    requires: {
      near: "(?:^|\\n)[ \\t]*kind:[ \\t]*[\"']?Secret[\"']?[ \\t]*\\r?(?:\\n|$)",
      lines: 45,
    },
    wordFilter: "password",
    specificity: 30,
    remediation:
      "Do not commit Secret manifests with values: rotate them, then manage them with Sealed Secrets, SOPS, External Secrets or your cloud's secret manager, and purge the manifest from git history.",
    docsUrl: "https://kubernetes.io/docs/concepts/configuration/secret/",
    tags: ["kubernetes"],
    examples: {
      positive: [
        withSecret("apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\nstringData:\n  # the API password\n  api-password: ", `${dbPassword}!`, "\n"),
        withSecret("kind: Secret\nstringData:\n  folded: >-\n    ", `${dbPassword}%`, "\n  other: x\n"),
      ],
      negative: [
        "kind: ConfigMap\nstringData:\n  build-id: " + dbPassword + "\n",
        "kind: Secret\nstringData:\n  config.ini: |\n    user=app-service\n    password=${DB_PASSWORD}\n",
        "kind: Secret\nstringData:\n  password: <set-me>\n",
      ],
    },
  },

  // ---------------------------------------------------- credential files
  {
    id: "pgpass-entry",
    description: "PostgreSQL password file line (.pgpass: host:port:database:user:password)",
    provider: "PostgreSQL",
    severity: "high",
    // The port field: the usual 5432, or `*` for any.
    keywords: [":5432:", ":*:"],
    regex: "^[A-Za-z0-9.*_\\[\\]:-]{1,253}:(?:5432|\\*):[^:\\s]{1,63}:[^:\\s]{1,63}:(?<secret>[^\\s]{4,128})\\r?$",
    flags: "m",
    wordFilter: "password",
    specificity: 40,
    remediation: ROTATE_PASSWORD + " Keep ~/.pgpass in the home directory with mode 600, never in a repository.",
    docsUrl: "https://www.postgresql.org/docs/current/libpq-pgpass.html",
    tags: ["postgres", "password-file"],
    examples: {
      positive: [withSecret("db.internal:5432:appdb:appuser:", dbPassword, "\n"), withSecret("*:*:*:replicator:", dbPassword, "\r\n")],
      negative: ["localhost:5432:*:postgres:${PGPASSWORD}", "host:5432:db:user:*****"],
    },
  },
  {
    id: "htpasswd-entry",
    description: "Apache .htpasswd line (user:hash; the hash can be cracked offline)",
    provider: "Apache",
    severity: "medium",
    keywords: ["$apr1$", "$2y$", "$2a$", "$2b$", "{sha}"],
    regex:
      "^[A-Za-z0-9._@-]{1,64}:(?<secret>\\$apr1\\$[./A-Za-z0-9]{1,8}\\$[./A-Za-z0-9]{22}|\\$2[aby]\\$[0-9]{2}\\$[./A-Za-z0-9]{53}|\\{SHA\\}[A-Za-z0-9+/]{27}=)\\r?$",
    flags: "m",
    entropy: 3.0,
    // A hash starts with `$`, which the placeholder filter reads as a reference.
    placeholderFilter: false,
    specificity: 50,
    remediation: "Change the passwords of the users in this file and keep .htpasswd outside the repository (generate it at deploy time from a secret store).",
    docsUrl: "https://httpd.apache.org/docs/current/programs/htpasswd.html",
    tags: ["password-file"],
    examples: {
      positive: [withSecret("admin:", `$apr1$${fakeToken("", 8, "alnum", "ht-salt")}$${fakeToken("", 22, "alnum", "ht-hash")}`, "\n")],
      negative: ["admin:$apr1$salt$hash", "user:password"],
    },
  },

  // ---------------------------------------------------- command lines
  {
    id: "cli-password-argument",
    description: "Password on a command line (mysql -p…, --password=…, wget --http-password, PGPASSWORD=… psql, sshpass -p)",
    provider: "Generic",
    severity: "high",
    keywords: ["mysql", "mariadb", "mysqldump", "wget", "pgpassword", "mysql_pwd", "sshpass"],
    // One secret group after the prefix each tool writes; a value that
    // starts with `$` or `-` is a reference or the next option.
    regex:
      "(?:(?<![\\w-])(?:mysql|mariadb|mysqldump|mysqladmin)[ \\t][^\\n]{0,120}?(?<=[ \\t])-p" +
      "|(?<![\\w-])wget[ \\t][^\\n]{0,120}?--(?:http-|ftp-|proxy-)?password[ \\t=][ \\t]{0,3}[\"']?" +
      "|(?<![\\w-])sshpass[ \\t]{1,5}-p[ \\t]{0,3}[\"']?" +
      "|(?<![\\w$-])(?:PGPASSWORD|MYSQL_PWD)=[\"']?(?=[^\\s\"'`;]{4,128}[\"']?[ \\t]{1,5}(?:psql|pg_dump|pg_restore|pg_dumpall|mysql|mysqldump|exec)\\b))" +
      "(?![$-])(?<secret>[^\\s\"'`;]{4,128})(?=[\\s\"'`;]|$)",
    wordFilter: "password",
    specificity: 36,
    remediation: ROTATE_PASSWORD + " Read it from a client option file with mode 600 (~/.my.cnf, ~/.pgpass), or an environment variable set by the secret store.",
    docsUrl: "https://dev.mysql.com/doc/refman/8.0/en/password-security-user.html",
    tags: ["cli", "password"],
    examples: {
      positive: [
        withSecret("mysql -u root -p", dbPassword, " appdb"),
        withSecret("wget --http-user=ci --http-password ", dbPassword, " https://files.example.net/a.tgz"),
        withSecret("PGPASSWORD=", dbPassword, " psql -h db.internal -U app"),
        withSecret("sshpass -p '", dbPassword, "' ssh deploy@10.0.0.5"),
      ],
      negative: ["mysql -u root -p appdb", "mysql -u root -p$MYSQL_ROOT_PASSWORD", 'wget --password="$WGET_PASSWORD" https://x', "PGPASSWORD=$PGPASS psql"],
    },
  },
  {
    id: "curl-user-equals",
    description: "curl --user=user:password (the `=` spelling)",
    provider: "Generic",
    severity: "high",
    keywords: ["--user="],
    regex: "(?<=\\s)--user=(?<q>[\"']?)(?<secret>[^\\s\"':$]{1,128}:[^\\s\"'$]{4,128})\\k<q>(?=\\s|$)",
    requires: { near: "\\bcurl\\b", lines: 4 },
    wordFilter: "password",
    specificity: 45,
    remediation: ROTATE_PASSWORD + " Read the credential from a .netrc file (`curl --netrc`) or an environment variable.",
    docsUrl: "https://curl.se/docs/manpage.html#-u",
    tags: ["curl", "http"],
    examples: {
      positive: [withSecret("curl --user=", `admin:${dbPassword}`, " https://api.example.net/v1")],
      negative: ["curl --user=$USER:$PASS https://x", "curl --user=admin:admin https://x"],
    },
  },

  // ---------------------------------------------------- dependency URLs
  {
    id: "git-url-oauth-token",
    description: "GitHub token as the user of a git URL (https://<token>:x-oauth-basic@github.com/…, also git+https in package.json and lockfiles)",
    provider: "GitHub",
    severity: "high",
    keywords: ["x-oauth-basic"],
    regex: "(?<![A-Za-z0-9.-])(?:git\\+)?https?://(?<secret>[A-Za-z0-9_-]{20,255}):x-oauth-basic@",
    entropy: 3.0,
    specificity: 42,
    remediation: "Revoke the token, then install private dependencies with a credential helper or an npm/yarn auth token from the CI secret store, not a URL in package.json or the lockfile.",
    docsUrl: "https://docs.npmjs.com/cli/v10/configuring-npm/package-json#git-urls-as-dependencies",
    tags: ["url", "npm"],
    examples: {
      positive: [
        withSecret('"priv": "git+https://', fakeToken("", 40, "hex", "git-dep"), ':x-oauth-basic@github.com/org/priv.git"'),
        withSecret("git clone https://", fakeToken("", 40, "hex", "git-dep-2"), ":x-oauth-basic@github.com/org/priv.git"),
      ],
      negative: ['"priv": "git+https://${GH_TOKEN}:x-oauth-basic@github.com/org/priv.git"', "https://<token>:x-oauth-basic@github.com/org/priv.git"],
    },
  },
  {
    id: "git-dependency-url-password",
    description: "Password or token in a git dependency URL (git+https://user:token@host/…, git+ssh://…)",
    provider: "Generic",
    severity: "high",
    keywords: ["git+http", "git+ssh"],
    regex: "(?<![A-Za-z0-9.-])git\\+(?:https?|ssh)://[^\\s:/?#@'\"<>]{1,128}:(?!x-oauth-basic@)(?<secret>[^\\s/?#@:'\"<>]{4,255})@",
    entropy: 3.0,
    specificity: 41,
    remediation: "Revoke the credential, then install private dependencies with a credential helper or an auth token from the CI secret store, not a URL in package.json or the lockfile.",
    docsUrl: "https://docs.npmjs.com/cli/v10/configuring-npm/package-json#git-urls-as-dependencies",
    tags: ["url", "npm"],
    examples: {
      positive: [withSecret('"resolved": "git+https://ci:', dbPassword, '@git.example.org/org/lib.git#abc"')],
      negative: ['"priv": "git+https://github.com/org/priv.git"', '"lib": "git+ssh://git:${DEPLOY_TOKEN}@git.example.org/org/lib.git"'],
    },
  },
];
