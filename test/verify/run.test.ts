/**
 * The verification runner against a real local server: each answer maps to
 * its state, each key goes out once, 429 waits as Retry-After says (the
 * waits are recorded, not slept), and the budget and concurrency hold.
 */
import { afterEach, describe, expect, it } from "vitest";
import { fintaVerifier } from "../../src/verify/providers.js";
import { jobKey, retryAfterMs, runVerification, type RunOptions } from "../../src/verify/run.js";
import { fake } from "../helpers/fake-secrets.js";
import { startFintaMock, type FintaMock } from "../helpers/finta-mock.js";

let mock: FintaMock | undefined;
let other: FintaMock | undefined;
afterEach(async () => {
  await mock?.close();
  await other?.close();
  mock = other = undefined;
});

const job = (secret: string) => ({ verifier: fintaVerifier, secret });
const options = (base: string, extra: Partial<RunOptions> = {}): RunOptions => ({
  bases: new Map([["finta", base]]),
  userAgent: "finta-guard/test",
  timeoutMs: 300,
  sleep: async () => {},
  ...extra,
});

describe("runVerification", () => {
  it("maps every kind of answer to its state and reason", async () => {
    other = await startFintaMock();
    mock = await startFintaMock({ redirectTo: `http://localhost:${new URL(other.base).port}/v2/me`, slowMs: 2000 });
    const k = {
      live: fake.liveKey(1),
      revoked: fake.fintaApiKey(2),
      forbidden: fake.testKey(3),
      error: fake.liveKey(4),
      slow: fake.liveKey(5),
      redirect: fake.liveKey(6),
      reset: fake.liveKey(7),
      limited: fake.liveKey(8),
    };
    mock.keys.set(k.live, "live").set(k.revoked, "revoked").set(k.forbidden, "forbidden").set(k.error, "error");
    mock.keys.set(k.slow, "slow").set(k.redirect, "redirect").set(k.reset, "reset").set(k.limited, "rate-limited");
    const run = await runVerification(Object.values(k).map(job), options(mock.base));
    const state = (secret: string) => run.results.get(jobKey(fintaVerifier, secret));
    expect(state(k.live)).toEqual({
      state: "live",
      reason: "HTTP 200",
      // The name lost its escape sequence; the echoed key and the `secret` field are not kept.
      metadata: { keyName: "ci deploy[31m", mode: "live", environment: "production", createdAt: "2026-03-01", accountId: "acct_42", accountName: "Acme Ltd" },
    });
    expect(state(k.revoked)).toEqual({ state: "revoked", reason: "HTTP 401" });
    expect(state(k.forbidden)).toEqual({ state: "revoked", reason: "HTTP 403" });
    expect(state(k.error)).toEqual({ state: "unknown", reason: "HTTP 500" });
    expect(state(k.slow)).toEqual({ state: "unknown", reason: "timeout after 300 ms" });
    expect(state(k.redirect)).toEqual({ state: "unknown", reason: "redirect not followed (HTTP 302)" });
    expect(state(k.reset)).toEqual({ state: "unknown", reason: "network error: ECONNRESET" });
    expect(state(k.limited)).toEqual({ state: "unknown", reason: "rate limited (HTTP 429, 3 attempts)" });
    // The redirect's target host never heard of the key.
    expect(other.requests).toEqual([]);
    // One request per key, three for the one rate-limited on every attempt.
    const sent = mock.sentKeys();
    expect(sent.filter((s) => s === k.limited)).toHaveLength(3);
    expect(sent.filter((s) => s !== k.limited).sort()).toEqual(Object.values(k).filter((s) => s !== k.limited).sort());
    expect(run.sentTo).toEqual(new Map([[`${mock.base}/v2/me`, 8]]));
  });

  it("sends each distinct key once, however many findings carry it, and never the ones it cannot check", async () => {
    mock = await startFintaMock();
    const live = fake.liveKey(11);
    mock.keys.set(live, "live");
    const run = await runVerification([job(live), job(live), job(fake.webhookSecret(12)), job(live), job("0123abcdXYZ0123abcdXYZ99")], options(mock.base));
    expect(mock.sentKeys()).toEqual([live]);
    expect(run.results.get(jobKey(fintaVerifier, fake.webhookSecret(12)))).toEqual({ state: "unknown", reason: "not verifiable" });
    expect(run.results.get(jobKey(fintaVerifier, "0123abcdXYZ0123abcdXYZ99"))).toEqual({ state: "unknown", reason: "not verifiable (not a Finta API key or secret key)" });
    expect(run.notSent).toBe(2);
  });

  it("sends the key in the Authorization header only: GET, no body, no query, nothing else", async () => {
    mock = await startFintaMock();
    const key = fake.fintaApiKey(13);
    await runVerification([job(key)], options(mock.base));
    expect(mock.requests).toHaveLength(1);
    const [request] = mock.requests;
    expect({ method: request!.method, url: request!.url, body: request!.body, authorization: request!.authorization }).toEqual({
      method: "GET",
      url: "/v2/me",
      body: "",
      authorization: `Bearer ${key}`,
    });
    const { authorization: _a, ...others } = request!.headers;
    expect(JSON.stringify(others)).not.toContain(key.slice(6));
  });

  it("retries a 429 after the time Retry-After asks for, then reads the answer", async () => {
    mock = await startFintaMock();
    const key = fake.liveKey(14);
    mock.keys.set(key, "rate-limited-once");
    const waits: number[] = [];
    const run = await runVerification([job(key)], options(mock.base, { sleep: async (ms) => void waits.push(ms) }));
    expect(waits).toEqual([1000]);
    expect(run.results.get(jobKey(fintaVerifier, key))?.state).toBe("live");
    expect(mock.sentKeys()).toEqual([key, key]);
  });

  it("backs off exponentially when a 429 gives no usable Retry-After", async () => {
    mock = await startFintaMock();
    const key = fake.liveKey(15);
    mock.keys.set(key, "rate-limited-bare");
    const waits: number[] = [];
    expect(retryAfterMs(undefined, 0)).toBeUndefined();
    expect(retryAfterMs("soon", 0)).toBeUndefined();
    expect(retryAfterMs("7", 0)).toBe(7000);
    expect(retryAfterMs(["2", "9"], 0)).toBe(2000);
    expect(retryAfterMs("Thu, 01 Jan 1970 00:00:05 GMT", 1000)).toBe(4000);
    expect(retryAfterMs("Thu, 01 Jan 1970 00:00:05 GMT", 9000)).toBe(0);
    const run = await runVerification([job(key)], options(mock.base, { sleep: async (ms) => void waits.push(ms), maxAttempts: 3 }));
    expect(waits).toEqual([1000, 2000]);
    expect(run.results.get(jobKey(fintaVerifier, key))).toEqual({ state: "unknown", reason: "rate limited (HTTP 429, 3 attempts)" });
    expect(mock.sentKeys()).toEqual([key, key, key]);
  });

  it("gives up on a Retry-After beyond the time budget instead of waiting", async () => {
    mock = await startFintaMock();
    const key = fake.liveKey(16);
    mock.keys.set(key, "rate-limited-once");
    const waits: number[] = [];
    const run = await runVerification([job(key)], options(mock.base, { budgetMs: 800, sleep: async (ms) => void waits.push(ms) }));
    expect(waits).toEqual([]);
    expect(run.results.get(jobKey(fintaVerifier, key))).toEqual({ state: "unknown", reason: "rate limited (HTTP 429, Retry-After 1 s is beyond the time budget)" });
    expect(mock.sentKeys()).toEqual([key]);
  });

  it("does not send keys once the time budget is used up", async () => {
    mock = await startFintaMock();
    const keys = [fake.liveKey(17), fake.liveKey(18), fake.liveKey(19)];
    for (const key of keys) mock.keys.set(key, "live");
    let clock = 0;
    // The clock moves 400 ms at each look: the budget of 1000 ms has 600 and 200 ms left before
    // the first two requests, none before the third.
    const run = await runVerification(keys.map(job), options(mock.base, { budgetMs: 1000, concurrency: 1, now: () => (clock += 400) - 400 }));
    expect(mock.sentKeys()).toEqual(keys.slice(0, 2));
    expect(run.results.get(jobKey(fintaVerifier, keys[2]!))).toEqual({ state: "unknown", reason: "not sent: the verification time budget (1000 ms) is used up" });
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    mock = await startFintaMock({ delayMs: 50 });
    const keys = Array.from({ length: 7 }, (_, i) => fake.liveKey(30 + i));
    for (const key of keys) mock.keys.set(key, "live");
    await runVerification(keys.map(job), options(mock.base, { concurrency: 2, timeoutMs: 5000 }));
    expect(mock.requests).toHaveLength(7);
    expect(mock.maxInFlight()).toBe(2);
  });
});
