/** webhook-signature-verified on fixture repositories (TS/JS and Python handlers) and its comparison heuristic. */
import { afterEach, describe, expect, it } from "vitest";
import { signatureVariables, unsafeComparisons } from "../../../src/audit/checks/webhook-signature-verified.js";
import { makeFixtureRepo, runCheck, verdict, type FixtureRepo } from "../fixture-repo.js";

let repo: FixtureRepo | undefined;
afterEach(() => repo?.cleanup());

const tsGood = [
  'import { createHmac, timingSafeEqual } from "node:crypto";', // 1
  'import express from "express";', // 2
  "const app = express();", // 3
  'app.post("/webhooks/finta", express.raw({ type: "application/json" }), (req, res) => {', // 4
  '  const given = Buffer.from(req.get("x-finta-signature") ?? "", "hex");', // 5
  '  const expected = createHmac("sha256", process.env.FINTA_WEBHOOK_SECRET ?? "").update(req.body).digest();', // 6
  "  // never compare with signature === expected", // 7
  "  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return res.sendStatus(400);", // 8
  "  const event = JSON.parse(req.body.toString());", // 9
  "  res.json({ received: event.id });", // 10
  "});", // 11
].join("\n");

const pyGood = [
  "import hashlib, hmac, json, os", // 1
  "from flask import Flask, request, abort", // 2
  "app = Flask(__name__)", // 3
  '@app.post("/webhooks/finta")', // 4
  "def finta_webhook():", // 5
  '    secret = os.environ["FINTA_WEBHOOK_SECRET"].encode()', // 6
  "    expected = hmac.new(secret, request.get_data(), hashlib.sha256).hexdigest()", // 7
  '    given = request.headers.get("X-Finta-Signature", "")', // 8
  "    if not hmac.compare_digest(expected, given):  # not expected == given", // 9
  "        abort(400)", // 10
  "    event = json.loads(request.get_data())", // 11
  '    return {"ok": event["id"]}', // 12
].join("\n");

const cases: { name: string; files: Record<string, string>; expected: ReturnType<typeof verdict> }[] = [
  {
    name: "skips: no webhook handler",
    files: { "src/index.ts": "export const x = 1;\n" },
    expected: { status: "skip", evidence: [] },
  },
  {
    name: "passes: TypeScript, raw body, length check, timingSafeEqual, parse after",
    files: { "src/webhook.ts": tsGood },
    expected: { status: "pass", evidence: [{ file: "src/webhook.ts", line: 8, message: "constant-time comparison" }] },
  },
  {
    name: "passes: Python, compare_digest, json.loads after",
    files: { "app/hooks.py": pyGood },
    expected: { status: "pass", evidence: [{ file: "app/hooks.py", line: 9, message: "constant-time comparison" }] },
  },
  {
    name: "passes: handler delegates to a verifier in another file",
    files: {
      "src/routes.js": 'const { verify } = require("./verify");\napp.post("/w", (req, res) => verify(req.get("x-finta-signature"), req.rawBody));\n',
      "src/verify.js":
        'const crypto = require("crypto");\nexports.verify = (sig, raw) => {\n  const mac = crypto.createHmac("sha256", process.env.FINTA_WEBHOOK_SECRET).update(raw).digest("hex");\n  return sig.length === mac.length && crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(mac));\n};\n',
    },
    expected: { status: "pass", evidence: [{ file: "src/verify.js", line: 4, message: "constant-time comparison" }] },
  },
  {
    name: "passes: Django view reading META, compare_digest",
    files: {
      "shop/views.py": [
        "import hmac, hashlib",
        "from django.conf import settings",
        "def finta(request):",
        "    given = request.META.get(\"HTTP_X_FINTA_SIGNATURE\", \"\")",
        "    mac = hmac.new(settings.FINTA_WEBHOOK_SECRET.encode(), request.body, hashlib.sha256).hexdigest()",
        "    if not hmac.compare_digest(mac, given):",
        "        return HttpResponseBadRequest()",
      ].join("\n"),
    },
    expected: { status: "pass", evidence: [{ file: "shop/views.py", line: 6, message: "constant-time comparison" }] },
  },
  {
    name: "passes: edge worker with crypto.subtle.verify",
    files: {
      "worker/index.ts": [
        "export default {",
        "  async fetch(request: Request, env: { FINTA_WEBHOOK_SECRET: string }) {",
        "    const raw = await request.arrayBuffer();",
        "    const key = await crypto.subtle.importKey(\"raw\", enc(env.FINTA_WEBHOOK_SECRET), { name: \"HMAC\", hash: \"SHA-256\" }, false, [\"verify\"]);",
        "    const ok = await crypto.subtle.verify(\"HMAC\", key, hex(request.headers.get(\"x-finta-signature\")), raw);",
        "    return new Response(null, { status: ok ? 200 : 400 });",
        "  },",
        "};",
      ].join("\n"),
    },
    expected: { status: "pass", evidence: [{ file: "worker/index.ts", line: 5, message: "constant-time comparison" }] },
  },
  {
    name: "fails: TypeScript compares with ===",
    files: {
      "src/webhook.ts": [
        'import { createHmac } from "node:crypto";',
        "export function ok(raw: Buffer, header: string): boolean {",
        '  const digest = createHmac("sha256", process.env.FINTA_WEBHOOK_SECRET!).update(raw).digest("hex");',
        "  return digest === header; // x-finta-signature",
        "}",
      ].join("\n"),
    },
    expected: {
      status: "fail",
      evidence: [
        { file: "src/webhook.ts", line: 4, message: "signature compared with `digest === header` (not constant-time)" },
      ],
    },
  },
  {
    name: "fails: Python compares with ==",
    files: {
      "hooks.py": [
        "import hmac, hashlib, os",
        "def verify(body, headers):",
        '    mac = hmac.new(os.environ["FINTA_WEBHOOK_SECRET"].encode(), body, hashlib.sha256).hexdigest()',
        '    return mac == headers["x-finta-signature"]',
      ].join("\n"),
    },
    expected: {
      status: "fail",
      evidence: [
        { file: "hooks.py", line: 4, message: 'signature compared with `mac == headers["x-finta-signature"]` (not constant-time)' },
      ],
    },
  },
  {
    name: "fails at the comparison: the x-finta-signature header compared with !==",
    files: {
      "src/webhook.ts": [
        'import { createHmac } from "node:crypto";', // 1
        'app.post("/webhooks/finta", express.raw({ type: "application/json" }), (req, res) => {', // 2
        '  const expected = createHmac("sha256", process.env.FINTA_WEBHOOK_SECRET ?? "").update(req.body).digest("hex");', // 3
        '  if (req.headers["x-finta-signature"] !== expected) return res.sendStatus(400);', // 4
        "  res.sendStatus(200);", // 5
        "});", // 6
      ].join("\n"),
    },
    expected: {
      status: "fail",
      evidence: [{ file: "src/webhook.ts", line: 4, message: 'signature compared with `req.headers["x-finta-signature"] !== expected` (not constant-time)' }],
    },
  },
  {
    name: "fails at the comparison: Python == between variables holding the digest and the header",
    files: {
      "app/hooks.py": [
        "import hashlib, hmac, os", // 1
        "def finta_webhook(request):", // 2
        '    given = request.headers.get("X-Finta-Signature", "")', // 3
        '    expected = hmac.new(os.environ["FINTA_WEBHOOK_SECRET"].encode(), request.get_data(), hashlib.sha256).hexdigest()', // 4
        "    if expected == given:", // 5
        "        return 200", // 6
        "    return 400", // 7
      ].join("\n"),
    },
    expected: { status: "fail", evidence: [{ file: "app/hooks.py", line: 5, message: "signature compared with `expected == given` (not constant-time)" }] },
  },
  {
    name: "fails: HMAC over JSON.stringify(req.body)",
    files: {
      "src/webhook.ts": tsGood.replace("express.raw({ type: \"application/json\" })", "express.json()").replace(".update(req.body)", ".update(JSON.stringify(req.body))"),
    },
    expected: {
      status: "fail",
      evidence: [
        { file: "src/webhook.ts", line: 4, message: "body parsed as JSON before the signature is verified" },
        { file: "src/webhook.ts", line: 6, message: "HMAC over re-serialised JSON, not the raw request body" },
      ],
    },
  },
  {
    name: "fails: handler that never verifies",
    files: { "api/finta.mjs": 'export default async (req) => {\n  const event = await req.json();\n  console.log(req.headers.get("x-finta-signature"), event);\n};\n' },
    expected: { status: "fail", evidence: [{ file: "api/finta.mjs", line: 3, message: "no HMAC over the request body" }] },
  },
  {
    name: "warns: timingSafeEqual without a length check",
    files: { "src/webhook.ts": tsGood.replace("given.length !== expected.length || ", "") },
    expected: {
      status: "warn",
      evidence: [{ file: "src/webhook.ts", line: 8, message: "timingSafeEqual without a length check before it (it throws on unequal lengths)" }],
    },
  },
  {
    name: "warns: Python parses JSON before verifying",
    files: { "app/hooks.py": pyGood.replace('    secret = os.environ["FINTA_WEBHOOK_SECRET"].encode()', '    event = json.loads(request.data); secret = os.environ["FINTA_WEBHOOK_SECRET"].encode()') },
    expected: { status: "warn", evidence: [{ file: "app/hooks.py", line: 6, message: "body parsed as JSON before the signature is verified" }] },
  },
  {
    name: "skips: test files are not handlers",
    files: { "test/webhook.test.ts": 'expect(sign(body) === headers["x-finta-signature"]).toBe(true);\n', "src/util.spec.ts": "FINTA_WEBHOOK_SECRET\n" },
    expected: { status: "skip", evidence: [] },
  },
];

describe("webhook-signature-verified", () => {
  it("signatureVariables: names assigned from the header or an HMAC, not other names", () => {
    const code = ['const given: string = req.get("x-finta-signature");', "let mac = createHmac(\"sha256\", k).update(b).digest();", "expected = hmac.new(k, b, sha256).hexdigest()", "const other = given.length;", "if (a == b) {}"].join("\n");
    expect([...signatureVariables(code, /\bcreateHmac\s*\(|\bhmac\.new\s*\(/)].sort()).toEqual(["expected", "given", "mac"]);
  });

  it.each(cases)("$name", async ({ files, expected }) => {
    repo = makeFixtureRepo({ files });
    expect(verdict(await runCheck(repo, "webhook-signature-verified"))).toEqual(expected);
  });

  it("says which files were searched and which are handlers", async () => {
    repo = makeFixtureRepo({ files: { "src/webhook.ts": tsGood, "src/other.ts": "export {};\n", "README.md": "x-finta-signature\n" } });
    expect((await runCheck(repo, "webhook-signature-verified")).reason).toBe(
      "HMAC compared in constant time (handlers: src/webhook.ts; searched 2 file(s) (*.ts, *.tsx, *.mts, *.cts, *.js, *.jsx, *.mjs, *.cjs, *.py (tests and .d.ts excluded)) for x-finta-signature / FINTA_WEBHOOK_SECRET).",
    );
  });

  it.each([
    ["if (signature === expected) ok();", ["signature === expected"]],
    ["if (sig !== computed) fail();", ["sig !== computed"]],
    ["if (verify(sig) !== hex(mac)) x();", ["verify(sig) !== hex(mac)"]],
    ["if mac != given:", ["mac != given"]],
    ["if (typeof signature === \"string\") {}", []],
    ["if (sig.length !== mac.length) return;", []],
    ["if len(signature) != len(expected):", []],
    ["if (signature === undefined || header == null) {}", []],
    ["if (digestBuf.equals(given)) {}", [".equals()"]],
    ["if (status === 200) {}", []],
    ['if (req.headers["x-finta-signature"] != computed) {}', ['req.headers["x-finta-signature"] != computed']],
  ] as const)("unsafeComparisons(%j)", (code, expected) => {
    expect(unsafeComparisons(code).map((u) => u.text)).toEqual(expected);
  });
});
