/**
 * `scan --verify` end to end, through the built CLI (dist/), against a local
 * stand-in for Finta's API on 127.0.0.1: each kind of answer gives its state
 * in the report, each key is sent once however often it occurs, nothing else
 * is sent, suppressed findings are never sent, and without --verify nothing
 * is sent at all (in every mode, the pre-commit hook's included).
 */
import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, type CliOutcome } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { startFintaMock, type FintaMock } from "../helpers/finta-mock.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";

/** The built binary, without blocking this process (the mock server runs here). */
function runBinAsync(argv: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd, env: { ...process.env, NO_COLOR: "1", FINTA_API_BASE: "", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (t: string) => (stdout += t));
    child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

let mock: FintaMock | undefined;
let other: FintaMock | undefined;
let tree: TempTree | undefined;
let repo: GitRepo | undefined;
afterEach(async () => {
  await mock?.close();
  await other?.close();
  tree?.cleanup();
  repo?.cleanup();
  mock = other = tree = repo = undefined;
});

const keys = {
  live: fake.liveKey(1),
  revoked: fake.fintaApiKey(2),
  forbidden: fake.fintaApiKey(3),
  limitedOnce: fake.liveKey(4),
  error: fake.liveKey(5),
  slow: fake.liveKey(6),
  redirect: fake.liveKey(7),
  reset: fake.liveKey(8),
  webhook: fake.webhookSecret(9),
  suppressed: fake.liveKey(10),
  liveTest: fake.testKey(11),
};

const appJs = [
  `k = "${keys.live}"`,
  `k = "${keys.revoked}"`,
  `k = "${keys.forbidden}"`,
  `k = "${keys.limitedOnce}"`,
  `k = "${keys.error}"`,
  `k = "${keys.slow}"`,
  `k = "${keys.redirect}"`,
  `k = "${keys.reset}"`,
  `k = "${keys.webhook}"`,
  `k = "${keys.suppressed}" // finta-guard:allow -- documented fixture`,
  `k = "${keys.liveTest}"`,
].join("\n") + "\n";
// The live key again, twice: still sent once.
const otherJs = `k = "${keys.live}"\n\nk = "${keys.live}"\n`;

async function startMocks(): Promise<FintaMock> {
  other = await startFintaMock();
  mock = await startFintaMock({ redirectTo: `http://localhost:${new URL(other.base).port}/v2/me`, slowMs: 3000 });
  mock.keys
    .set(keys.live, "live")
    .set(keys.revoked, "revoked")
    .set(keys.forbidden, "forbidden")
    .set(keys.limitedOnce, "rate-limited-once")
    .set(keys.error, "error")
    .set(keys.slow, "slow")
    .set(keys.redirect, "redirect")
    .set(keys.reset, "reset")
    .set(keys.liveTest, "live");
  return mock;
}

interface Row {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  severity: string;
  verification?: { state: string; reason: string; metadata?: Record<string, string> };
}

function rows(stdout: string): Row[] {
  return (JSON.parse(stdout) as { findings: Row[] }).findings.map(({ file, line, column, ruleId, severity, verification }) => ({
    file,
    line,
    column,
    ruleId,
    severity,
    ...(verification ? { verification } : {}),
  }));
}

const META = { keyName: "ci deploy[31m", mode: "live", environment: "production", createdAt: "2026-03-01", accountId: "acct_42", accountName: "Acme Ltd" };
const LIVE = "finta-secret-key-live";

describe("scan --verify (built CLI, local Finta API)", () => {
  it("gives each finding the state its key's answer means, sending each key once and nothing else", async () => {
    const api = await startMocks();
    tree = makeTempTree({ "app.js": appJs, "other.js": otherJs });
    const out = await runBinAsync(["scan", ".", "--verify", "--verify-timeout", "300", "--format", "json"], tree.root, { FINTA_API_BASE: api.base });

    expect(out.code).toBe(1);
    expect(rows(out.stdout)).toEqual([
      { file: "app.js", line: 1, column: 6, ruleId: LIVE, severity: "critical", verification: { state: "live", reason: "HTTP 200", metadata: META } },
      { file: "app.js", line: 2, column: 6, ruleId: "finta-api-key", severity: "critical", verification: { state: "revoked", reason: "HTTP 401" } },
      { file: "app.js", line: 3, column: 6, ruleId: "finta-api-key", severity: "critical", verification: { state: "revoked", reason: "HTTP 403" } },
      { file: "app.js", line: 4, column: 6, ruleId: LIVE, severity: "critical", verification: { state: "live", reason: "HTTP 200", metadata: META } },
      { file: "app.js", line: 5, column: 6, ruleId: LIVE, severity: "critical", verification: { state: "unknown", reason: "HTTP 500" } },
      { file: "app.js", line: 6, column: 6, ruleId: LIVE, severity: "critical", verification: { state: "unknown", reason: "timeout after 300 ms" } },
      { file: "app.js", line: 7, column: 6, ruleId: LIVE, severity: "critical", verification: { state: "unknown", reason: "redirect not followed (HTTP 302)" } },
      { file: "app.js", line: 8, column: 6, ruleId: LIVE, severity: "critical", verification: { state: "unknown", reason: "network error: ECONNRESET" } },
      { file: "app.js", line: 9, column: 6, ruleId: "finta-webhook-secret", severity: "critical", verification: { state: "unknown", reason: "not verifiable" } },
      // A test key's rule is `high`; a live one is critical.
      { file: "app.js", line: 11, column: 6, ruleId: "finta-secret-key-test", severity: "critical", verification: { state: "live", reason: "HTTP 200", metadata: META } },
      { file: "other.js", line: 1, column: 6, ruleId: LIVE, severity: "critical", verification: { state: "live", reason: "HTTP 200", metadata: META } },
      { file: "other.js", line: 3, column: 6, ruleId: LIVE, severity: "critical", verification: { state: "live", reason: "HTTP 200", metadata: META } },
    ]);

    // Each key once (the one rate-limited at first: once more after Retry-After); the webhook
    // secret and the suppressed key never; the redirect's host nothing.
    const sent = api.sentKeys();
    const expected = [keys.live, keys.revoked, keys.forbidden, keys.limitedOnce, keys.limitedOnce, keys.error, keys.slow, keys.redirect, keys.reset, keys.liveTest];
    expect([...sent].sort()).toEqual([...expected].sort());
    expect(api.requests.every((r) => r.method === "GET" && r.url === "/v2/me" && r.body === "")).toBe(true);
    expect(other!.requests).toEqual([]);
    // No key in the report, redacted or not, beyond its redacted form.
    for (const key of Object.values(keys)) expect(out.stdout + out.stderr).not.toContain(key);
    // Where the keys went, on stderr.
    expect(out.stderr).toBe(`finta-guard: --verify: sent 9 distinct keys to ${api.base}/v2/me (base from FINTA_API_BASE); 1 not verifiable, not sent\n`);
  });

  it("sends nothing without --verify: tree, staged (the pre-commit hook) and history scans", async () => {
    const api = await startMocks();
    repo = makeGitRepo();
    repo.write("finta-guard.config.json", JSON.stringify({ verify: { baseUrl: api.base } }));
    repo.write("app.js", appJs);
    repo.commitAll("keys");
    repo.write("new.js", `k = "${keys.liveTest}"\n`);
    repo.git(["add", "new.js"]);
    const env = { ...repo.env, FINTA_API_BASE: api.base };
    const tree = await runBinAsync(["scan", "."], repo.root, env);
    const staged = await runBinAsync(["scan", "--staged"], repo.root, env);
    const history = await runBinAsync(["scan", "--history"], repo.root, env);
    expect([tree.code, staged.code, history.code]).toEqual([1, 1, 1]);
    expect(api.requests).toEqual([]);
    expect(tree.stderr + staged.stderr + history.stderr).toBe("");
    // The hook install writes runs `scan --staged` without the flag.
    const { HUSKY_BLOCK, plainHookText } = await import("../../src/install/hook-text.js");
    expect(HUSKY_BLOCK + plainHookText()).not.toContain("--verify");
  });

  it("verifies in --staged and --history modes, with verify.baseUrl from the configuration", async () => {
    const api = await startMocks();
    repo = makeGitRepo();
    repo.write("finta-guard.config.json", JSON.stringify({ verify: { baseUrl: api.base } }));
    repo.write("old.js", `k = "${keys.revoked}"\n`);
    repo.commitAll("old key");
    repo.write("new.js", `x\nk = "${keys.liveTest}"\n`);
    repo.git(["add", "new.js"]);

    const staged = await runBinAsync(["scan", "--staged", "--verify", "--format", "json"], repo.root, repo.env);
    expect(staged.code).toBe(1);
    expect(rows(staged.stdout)).toEqual([
      { file: "new.js", line: 2, column: 6, ruleId: "finta-secret-key-test", severity: "critical", verification: { state: "live", reason: "HTTP 200", metadata: META } },
    ]);
    expect(staged.stderr).toBe(`finta-guard: --verify: sent 1 distinct key to ${api.base}/v2/me (base from verify.baseUrl in finta-guard.config.json)\n`);

    const history = await runBinAsync(["scan", "--history", "--verify", "--format", "json"], repo.root, repo.env);
    expect(history.code).toBe(1);
    expect(rows(history.stdout)).toEqual([
      { file: "old.js", line: 1, column: 6, ruleId: "finta-api-key", severity: "critical", verification: { state: "revoked", reason: "HTTP 401" } },
    ]);
    expect(api.sentKeys()).toEqual([keys.liveTest, keys.revoked]);
  });

  it("FINTA_API_BASE wins over verify.baseUrl", async () => {
    const api = await startMocks();
    const configured = await startFintaMock();
    try {
      tree = makeTempTree({ "app.js": `k = "${keys.live}"\n`, "finta-guard.config.json": JSON.stringify({ verify: { baseUrl: configured.base } }) });
      const out = await runBinAsync(["scan", ".", "--verify", "--format", "json"], tree.root, { FINTA_API_BASE: api.base });
      expect(out.code).toBe(1);
      expect(api.sentKeys()).toEqual([keys.live]);
      expect(configured.requests).toEqual([]);
    } finally {
      await configured.close();
    }
  });

  it("--only-live keeps the live findings, and exits 0 when none is live", async () => {
    const api = await startMocks();
    tree = makeTempTree({ "app.js": `k = "${keys.revoked}"\nk = "${keys.live}"\n` });
    const out = await runBinAsync(["scan", ".", "--verify", "--only-live", "--format", "json"], tree.root, { FINTA_API_BASE: api.base });
    expect(out.code).toBe(1);
    expect(rows(out.stdout).map((r) => [r.line, r.verification?.state])).toEqual([[2, "live"]]);

    tree.write("app.js", `k = "${keys.revoked}"\n`);
    const none = await runBinAsync(["scan", ".", "--verify", "--only-live", "--format", "json"], tree.root, { FINTA_API_BASE: api.base });
    expect(none.code).toBe(0);
    expect(rows(none.stdout)).toEqual([]);
  });

  it("refuses an unsafe base or a misplaced flag before anything is sent (exit 2, one line)", async () => {
    const api = await startMocks();
    tree = makeTempTree({ "app.js": `k = "${keys.live}"\n` });
    const cases: Array<[string[], Record<string, string>, string]> = [
      [["scan", ".", "--verify"], { FINTA_API_BASE: "http://example.com" }, "finta-guard: FINTA_API_BASE: must be an https:// URL (http:// only for a loopback host such as 127.0.0.1)\n"],
      [["scan", ".", "--verify"], { FINTA_API_BASE: `http://user:pw@127.0.0.1:${new URL(api.base).port}` }, "finta-guard: FINTA_API_BASE: must not hold a user name or password\n"],
      [["scan", ".", "--only-live"], { FINTA_API_BASE: api.base }, "finta-guard: --only-live needs --verify\n"],
      [["scan", ".", "--verify", "--verify-timeout", "fast"], { FINTA_API_BASE: api.base }, 'finta-guard: --verify-timeout: expected a whole number of milliseconds from 50 to 60000, got "fast"\n'],
      [["baseline", "--verify"], { FINTA_API_BASE: api.base }, 'finta-guard: --verify applies to "scan" only\n'],
    ];
    for (const [argv, env, stderr] of cases) {
      const out = await runBinAsync(argv, tree.root, env);
      expect({ argv, code: out.code, stderr: out.stderr }).toEqual({ argv, code: 2, stderr });
    }
    tree.write("finta-guard.config.json", JSON.stringify({ verify: { baseUrl: "http://api.finta.io" } }));
    const config = await runBinAsync(["scan", ".", "--verify"], tree.root);
    expect(config.code).toBe(2);
    expect(config.stderr).toBe(
      'finta-guard: finta-guard.config.json: verify.baseUrl: must be an https:// URL (http:// only for a loopback host such as 127.0.0.1), got "http://api.finta.io"\n',
    );
    expect(api.requests).toEqual([]);
  });
});
