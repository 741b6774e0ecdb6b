import { describe, expect, it } from "vitest";
import { DetectionEngine } from "../../src/detect/engine.js";
import { fakeBody, joined, ALNUM, HEX } from "../../src/rules/examples.js";
import { builtinRules } from "../../src/rules/index.js";
import { scanString } from "../../src/scan/stream-scanner.js";

// Every line of spec/finta-credentials.md, positive and negative, with exact
// positions. Fake keys are built from parts here so no literal credential is
// committed.
const engine = DetectionEngine.fromSpecs(builtinRules);
const live = joined("sk_", "live_") + fakeBody(28, ALNUM, 101);
const test = joined("sk_", "test_") + fakeBody(24, ALNUM, 102);
const api = joined("finta_", fakeBody(30, ALNUM, 103));
const hook = joined("whsec_", fakeBody(32, ALNUM + "+/", 104));
const envValue = fakeBody(32, ALNUM, 105);
const hexValue = fakeBody(40, HEX, 106);

type Expect = { ruleId: string; line: number; column: number; endLine: number; endColumn: number };
const at = (ruleId: string, line: number, column: number, length: number): Expect => ({
  ruleId,
  line,
  column,
  endLine: line,
  endColumn: column + length,
});

function detect(text: string): Expect[] {
  return scanString(engine, text).map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }));
}

describe("Finta credentials: each must be found", () => {
  it.each([
    { name: "finta API key in code", text: `const key = "${api}";`, expected: [at("finta-api-key", 1, 14, api.length)] },
    { name: "finta API key with _ and - after the first 8", text: `k=${api.slice(0, 14)}_-${api.slice(14)}`, expected: [at("finta-api-key", 1, 3, api.length + 2)] },
    { name: "live secret key", text: `\nSECRET=${live}\n`, expected: [at("finta-secret-key-live", 2, 8, live.length)] },
    { name: "test secret key", text: `stripe.key = '${test}'`, expected: [at("finta-secret-key-test", 1, 15, test.length)] },
    { name: "webhook secret", text: `  secret: ${hook}`, expected: [at("finta-webhook-secret", 1, 11, hook.length)] },
    { name: ".env variable", text: `FINTA_API_KEY=${envValue}`, expected: [at("finta-env-secret", 1, 15, envValue.length)] },
    { name: "export with quotes", text: `export FINTA_CLIENT_SECRET="${envValue}"`, expected: [at("finta-env-secret", 1, 29, envValue.length)] },
    { name: "YAML env block", text: `env:\n  FINTA_TOKEN: ${hexValue}\n`, expected: [at("finta-env-secret", 2, 16, hexValue.length)] },
    { name: "JSON", text: `{\n  "FINTA_API_KEY": "${envValue}"\n}`, expected: [at("finta-env-secret", 2, 21, envValue.length)] },
    { name: "TOML", text: `FINTA_PASSWORD = "${envValue}"`, expected: [at("finta-env-secret", 1, 19, envValue.length)] },
    { name: "Dockerfile ENV", text: `FROM node:20\nENV FINTA_API_KEY ${envValue}`, expected: [at("finta-env-secret", 2, 19, envValue.length)] },
    { name: "JS object property", text: `const cfg = { FINTA_SECRET: "${envValue}" };`, expected: [at("finta-env-secret", 1, 30, envValue.length)] },
    { name: "prefix key inside a FINTA_ variable is one finding, under the prefix rule", text: `FINTA_API_KEY=${live}`, expected: [at("finta-secret-key-live", 1, 15, live.length)] },
    {
      name: "bearer token in a curl to api.finta.io",
      text: `curl https://api.finta.io/v2/me \\\n  -H "Authorization: Bearer ${envValue}"`,
      expected: [at("finta-bearer-token", 2, 29, envValue.length)],
    },
    { name: "bearer finta_ key is reported as the API key", text: `curl -H "Authorization: Bearer ${api}" https://api.finta.io/v2/me`, expected: [at("finta-api-key", 1, 32, api.length)] },
  ])("$name", ({ text, expected }) => {
    expect(detect(text)).toEqual(expected);
  });
});

describe("Not credentials: each must stay silent", () => {
  it.each([
    "sk_live_***",
    "sk_live_xxxxxxxxxxxxxxxx",
    "sk_live_...",
    "sk_live_<your key>",
    "whsec_***",
    "FINTA_API_KEY=YOUR_API_KEY",
    "FINTA_API_KEY=new_key_here",
    "FINTA_PASSWORD=changeme",
    "FINTA_API_KEY=<redacted>",
    "sk_test_1234567890abcdef",
    "sk_live_0000000000000000",
    "FINTA_API_KEY=${FINTA_API_KEY}",
    "FINTA_API_KEY=$FINTA_API_KEY",
    "apiKey: process.env.FINTA_API_KEY",
    'key = os.environ["FINTA_API_KEY"]',
    "FINTA_API_KEY: ${{ secrets.FINTA_API_KEY }}",
    "FINTA_API_KEY=@finta_api_key",
    'FINTA_SECRET = env("FINTA_SECRET")',
    "from finta import finta_client",
    "finta_webhook_secret = load()",
    "finta_api_key_rotation_days: 90",
    'curl https://api.finta.io/v2/me -H "Authorization: Bearer $FINTA_API_KEY"',
  ])("%s", (text) => {
    expect(detect(text)).toEqual([]);
  });

  // Publishable keys are meant for browsers: at most an info note, wherever they sit.
  it.each([
    `publishable = "pk_live_${fakeBody(24, ALNUM, 107)}"`,
    `publishable = "pk_test_${fakeBody(24, ALNUM, 108)}"`,
    `FINTA_PUBLISHABLE_KEY=pk_live_${fakeBody(32, ALNUM, 109)}`,
    `publishable_key=pk_test_${fakeBody(32, ALNUM, 110)}\r\n`,
    `{"PublishableKey": "pk_live_${fakeBody(32, ALNUM, 111)}"}`,
    `window.fintaConfig={publishableKey:"pk_live_${fakeBody(32, ALNUM, 112)}",mode:"live"};`,
  ])("publishable key %s is one info note", (text) => {
    const found = scanString(engine, text);
    expect(found.map((f) => [f.ruleId, f.severity])).toEqual([["finta-publishable-key", "info"]]);
  });

  // A bearer token sent elsewhere may be another rule's finding, never a Finta one.
  it("a bearer token in a request that does not name Finta is not a Finta finding", () => {
    const text = `curl https://api.example.com -H "Authorization: Bearer ${envValue}"`;
    expect(detect(text).filter((f) => f.ruleId.startsWith("finta-"))).toEqual([]);
  });
});
