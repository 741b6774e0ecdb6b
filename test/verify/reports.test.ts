/**
 * How each report format shows verification (in-process CLI, local Finta API
 * stand-in): text, SARIF `properties`, GitHub annotations, and the audit
 * log's counts per state, which never hold a key.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { startFintaMock, type FintaMock } from "../helpers/finta-mock.js";
import { validateSarif, VALIDATOR_TIMEOUT_MS } from "../helpers/sarif-validator.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";

let mock: FintaMock | undefined;
let tree: TempTree | undefined;
afterEach(async () => {
  await mock?.close();
  tree?.cleanup();
  mock = tree = undefined;
});

const live = fake.liveKey(41);
const revoked = fake.fintaApiKey(42);
const webhook = fake.webhookSecret(43);

async function setUp(): Promise<{ api: FintaMock; root: string; env: Record<string, string> }> {
  const api = (mock = await startFintaMock());
  api.keys.set(live, "live").set(revoked, "revoked");
  tree = makeTempTree({ "app.js": `k = "${live}"\nk = "${revoked}"\nk = "${webhook}"\n` });
  return { api, root: tree.root, env: { FINTA_API_BASE: api.base } };
}

const LIVE_TEXT = "live (HTTP 200; keyName: ci deploy[31m; mode: live; environment: production; createdAt: 2026-03-01; accountId: acct_42; accountName: Acme Ltd)";

describe("verification in reports", () => {
  it("text: a line under each verified finding and the counts in the summary", async () => {
    const { root, env } = await setUp();
    const out = await runCli(["scan", ".", "--verify"], root, env);
    expect(out.code).toBe(1);
    const lines = out.stdout.split("\n");
    expect(lines.filter((l) => l.startsWith("       verified: "))).toEqual([
      `       verified: ${LIVE_TEXT}: the key works: rotate it now (new key, update the secret store, then revoke this one), then remove it from history`,
      "       verified: revoked (HTTP 401): the API refuses this key: it no longer works; remove it from the code (and from history if it was pushed)",
      "       verified: unknown (not verifiable): could not tell whether the key works: treat it as live",
    ]);
    expect(lines).toContain("  verified: 1 live, 1 revoked, 1 unknown");
    // The verification line follows the finding's snippet.
    const first = lines.indexOf(lines.find((l) => l.startsWith("app.js:1:6  critical  finta-secret-key-live"))!);
    expect(lines[first + 3]).toMatch(/^ {7}verified: live /);
  });

  it("SARIF: `properties.verification` and the state in the message; the log stays valid", async () => {
    const { root, env } = await setUp();
    const out = await runCli(["scan", ".", "--verify", "--format", "sarif"], root, env);
    expect(out.code).toBe(1);
    const log = JSON.parse(out.stdout) as { runs: [{ results: Array<{ ruleId: string; message: { text: string }; properties: Record<string, unknown> }> }] };
    const results = log.runs[0].results;
    expect(results.map((r) => [r.ruleId, r.properties.severity, r.properties.verification])).toEqual([
      ["finta-secret-key-live", "critical", { state: "live", reason: "HTTP 200", metadata: { keyName: "ci deploy[31m", mode: "live", environment: "production", createdAt: "2026-03-01", accountId: "acct_42", accountName: "Acme Ltd" } }],
      ["finta-api-key", "critical", { state: "revoked", reason: "HTTP 401" }],
      ["finta-webhook-secret", "critical", { state: "unknown", reason: "not verifiable" }],
    ]);
    expect(results[1]!.message.text).toMatch(/ Verified: revoked \(HTTP 401\)\.$/);
    expect(validateSarif({ "verify.sarif": out.stdout }).errors).toEqual([]);
  }, VALIDATOR_TIMEOUT_MS);

  it("GitHub: the state in the annotation's title and message", async () => {
    const { root, env } = await setUp();
    const out = await runCli(["scan", ".", "--verify", "--format", "github"], root, env);
    const annotations = out.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations.map((a) => /title=([^:]+)::/.exec(a)?.[1])).toEqual([
      "critical secret%3A finta-secret-key-live (live)",
      "critical secret%3A finta-api-key (revoked)",
      "critical secret%3A finta-webhook-secret (unknown)",
    ]);
    expect(annotations[1]).toContain("%0AVerified: revoked (HTTP 401).%0A");
    expect(out.stdout).toContain("\n  verified: 1 live, 1 revoked, 1 unknown\n");
  });

  it("audit log: findings per state and each finding's state, never a key", async () => {
    const { root, env } = await setUp();
    const out = await runCli(["scan", ".", "--verify", "--audit-log", "audit.jsonl"], root, env);
    expect(out.code).toBe(1);
    const text = readFileSync(join(root, "audit.jsonl"), "utf8");
    const record = JSON.parse(text) as { metadata: { findingsByVerification: unknown; found: Array<{ line: number; verification?: string }> } };
    expect(record.metadata.findingsByVerification).toEqual({ live: 1, revoked: 1, unknown: 1 });
    expect(record.metadata.found.map((f) => [f.line, f.verification])).toEqual([
      [1, "live"],
      [2, "revoked"],
      [3, "unknown"],
    ]);
    for (const key of [live, revoked, webhook]) expect(text).not.toContain(key.slice(8));
    // Without --verify the record has no verification fields at all.
    const plain = await runCli(["scan", ".", "--audit-log", "plain.jsonl"], root, {});
    expect(plain.code).toBe(1);
    expect(readFileSync(join(root, "plain.jsonl"), "utf8")).not.toContain("erification");
  });
});
