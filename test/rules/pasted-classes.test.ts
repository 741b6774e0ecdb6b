/**
 * Issue 13's classes, one block each: where people paste credentials. Every
 * positive asserts the exact rule, line and column with the whole rule set
 * loaded; every class has negatives for its look-alikes. Secrets are built
 * at run time (the repository scans itself).
 */
import { describe, expect, it } from "vitest";
import { DetectionEngine } from "../../src/detect/engine.js";
import { ALNUM, fakeBody, fakeUuid, joined } from "../../src/rules/examples.js";
import { builtinRules } from "../../src/rules/index.js";
import { scanString } from "../../src/scan/stream-scanner.js";

const engine = DetectionEngine.fromSpecs(builtinRules);
const found = (text: string) => scanString(engine, text).map((f) => ({ ruleId: f.ruleId, line: f.line, column: f.column, severity: f.severity }));

const key = fakeBody(32, ALNUM, 9001);
const pw = `Zr${fakeBody(10, ALNUM, 9002)}!4`;

describe("Finta credentials in every common language and file", () => {
  it.each([
    ["Go", `const fintaAPIKey = "${key}"`, 1, 22],
    ["Rust", `const FINTA_API_KEY: &str = "${key}";`, 1, 30],
    ["Swift", `static let FintaSecretKey: String = "${key}"`, 1, 38],
    ["shell readonly", `readonly FINTA_API_KEY="${key}"`, 1, 25],
    [".env with CRLF", `FINTA_MODE=live\r\nFINTA_API_KEY=${key}\r\n`, 2, 15],
    ["properties with CRLF", `finta.api.key=${key}\r\n`, 1, 15],
    ["Dockerfile ARG", `FROM node:20\nARG FINTA_TOKEN=${key}`, 2, 17],
    ["Terraform default", `variable "finta_api_key" {\n  type    = string\n  default = "${key}"\n}`, 3, 14],
    ["Kubernetes env", `env:\n  - name: FINTA_API_KEY\n    value: "${key}"`, 3, 13],
    ["notebook cell", `{"source": ["finta.api_key = \\"${key}\\"\\n"]}`, 1, 32],
  ])("%s", (_name, text, line, column) => {
    expect(found(text)).toEqual([{ ruleId: "finta-env-secret", line, column, severity: "high" }]);
  });

  it.each([
    `FINTA_IDEMPOTENCY_KEY=${fakeUuid(9003)}`,
    `FINTA_ACCOUNT_TOKEN=acct_${fakeBody(16, ALNUM, 9004)}`,
    `finta:\n  event_key: evt_${fakeBody(24, ALNUM, 9005)}`,
    "FINTA_MERCHANT_KEY=4821395726019473",
    "FINTA_API_KEY_URL=https://api.finta.io/v2/keys",
  ])("identifier under a FINTA name stays silent: %s", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("a publishable key in a FINTA_*_KEY variable is one info note", () => {
    expect(found(`FINTA_PUBLISHABLE_KEY=${joined("pk_", "live_", key)}`)).toEqual([{ ruleId: "finta-publishable-key", line: 1, column: 23, severity: "info" }]);
  });
});

describe("credentials written in prose", () => {
  it.each([
    ["ID / PW", `ID: admin / PW: ${pw}`, "prose-password", 17],
    ["no separator", `user master password ${pw}`, "prose-password", 22],
    ["login … pass", `login ops pass ${pw}`, "prose-password", 16],
    ["French", `mot de passe : ${pw}`, "prose-password", 16],
    ["Korean", `비밀번호: ${pw}`, "prose-password-intl", 7],
    ["Japanese, full-width colon", `パスワード：${pw}`, "prose-password-intl", 7],
    ["Chinese", `密码: ${pw}`, "prose-password-intl", 5],
    ["Russian", `пароль: ${pw}`, "prose-password-intl", 9],
  ])("%s", (_name, text, ruleId, column) => {
    expect(found(text)).toEqual([{ ruleId, line: 1, column, severity: "medium" }]);
  });

  it.each([
    "The password must be at least 8 characters.",
    "Please reset your password before logging in.",
    "Password: ********",
    "password: <your password>",
    "パスワード：********",
    "pass the token through the header",
    `M[@%]PW:${pw}`,
  ])("silent: %s", (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("credential files by format", () => {
  it(".pgpass", () => {
    expect(found(`db.internal:5432:appdb:app:${pw}\n`)).toEqual([{ ruleId: "pgpass-entry", line: 1, column: 28, severity: "high" }]);
  });
  it(".htpasswd", () => {
    const hash = `$apr1$${fakeBody(8, ALNUM, 9006)}$${fakeBody(22, ALNUM, 9007)}`;
    expect(found(`admin:${hash}\n`)).toEqual([{ ruleId: "htpasswd-entry", line: 1, column: 7, severity: "medium" }]);
  });
  it("placeholders stay silent", () => {
    expect(found("localhost:5432:*:postgres:${PGPASSWORD}\nadmin:$apr1$salt$hash\n")).toEqual([]);
  });
});

describe("multi-line values", () => {
  it("XML element text on its own line", () => {
    expect(found(`<server>\n  <password>\n    ${pw}\n  </password>\n</server>`)).toEqual([{ ruleId: "multiline-element-secret", line: 3, column: 5, severity: "medium" }]);
  });
  it("YAML block scalar", () => {
    expect(found(`db:\n  password: |\n    ${pw}\n`)).toEqual([{ ruleId: "yaml-block-scalar-secret", line: 3, column: 5, severity: "medium" }]);
  });
  it("a ConfigMap's prose block stays silent", () => {
    expect(found("kind: ConfigMap\ndata:\n  notes: |\n    The token is sent as a header.\n")).toEqual([]);
  });
});

describe("auth in commands and URLs", () => {
  it.each([
    ["mysql -p", `mysql -u root -p${pw} app`, "cli-password-argument", 17],
    ["wget --http-password", `wget --http-password ${pw} https://files.example.net/a`, "cli-password-argument", 22],
    ["PGPASSWORD before psql", `PGPASSWORD=${pw} psql -h db`, "cli-password-argument", 12],
    ["curl --user=", `curl --user=ci:${pw} https://api.example.net`, "curl-user-equals", 13],
    ["git+https token", `"dep": "git+https://${fakeBody(40, "0123456789abcdef", 9008)}:x-oauth-basic@github.com/o/r.git"`, "git-url-oauth-token", 21],
  ])("%s", (_name, text, ruleId, column) => {
    expect(found(text)).toEqual([{ ruleId, line: 1, column, severity: "high" }]);
  });

  it.each(["mysql -u root -p app", "mysql -u root -p$MYSQL_PWD", "PGPASSWORD=$PGPASS psql", '"dep": "git+https://github.com/o/r.git"'])("silent: %s", (text) => {
    expect(found(text)).toEqual([]);
  });
});
