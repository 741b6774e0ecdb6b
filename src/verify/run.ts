/**
 * Runs the checks: each distinct key once, a few at a time, under the safety
 * rules every provider gets whatever its entry says:
 * - the key goes only to the configured base of its verifier, in the header
 *   the verifier names (never in a URL, never in a message);
 * - a redirect is not followed (any 3xx is `unknown`): a key is never
 *   carried to another host;
 * - each request has a deadline, and the whole run a time budget; keys not
 *   yet sent when it is used up are `unknown`, not sent;
 * - 429 is retried up to `maxAttempts` times, after `Retry-After` when the
 *   answer gives it (seconds or an HTTP date), else with exponential backoff;
 *   a wait longer than MAX_RETRY_WAIT_MS or the budget left gives up.
 */
import { endpointUrl } from "./base-url.js";
import { httpGet } from "./http.js";
import type { Verification, Verifier } from "./types.js";

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_BUDGET_MS = 60_000;
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_MAX_ATTEMPTS = 3;
/** The longest 429 wait honoured; a server asking for more is answered `unknown`. */
export const MAX_RETRY_WAIT_MS = 30_000;
/** First backoff after a 429 without Retry-After; doubled each time. */
export const BACKOFF_MS = 1000;

export interface VerifyJob {
  readonly verifier: Verifier;
  readonly secret: string;
}

export interface RunOptions {
  /** Base URL per verifier id (validated: see base-url.ts). */
  readonly bases: ReadonlyMap<string, string>;
  readonly timeoutMs?: number;
  readonly budgetMs?: number;
  readonly concurrency?: number;
  readonly maxAttempts?: number;
  readonly userAgent: string;
  /** Waits between 429 retries (tests pass a recorder). */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

export interface RunReport {
  /** Keyed by `jobKey(verifier, secret)`. */
  readonly results: Map<string, Verification>;
  /** Endpoint URL → how many distinct keys were sent there. */
  readonly sentTo: Map<string, number>;
  /** Keys not sent because their verifier cannot check them. */
  readonly notSent: number;
}

export function jobKey(verifier: Verifier, secret: string): string {
  return `${verifier.id}\u0000${secret}`;
}

/** Milliseconds a 429 asks to wait: `Retry-After` as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | string[] | undefined, now: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (text === undefined || text === "") return undefined;
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runVerification(jobs: readonly VerifyJob[], options: RunOptions): Promise<RunReport> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const deadline = now() + budgetMs;
  const results = new Map<string, Verification>();
  const sentTo = new Map<string, number>();
  let notSent = 0;

  // Each distinct key once, however many findings carry it.
  const queue: VerifyJob[] = [];
  const seen = new Set<string>();
  for (const job of jobs) {
    const key = jobKey(job.verifier, job.secret);
    if (seen.has(key)) continue;
    seen.add(key);
    const why = job.verifier.notVerifiable(job.secret);
    if (why !== undefined) {
      results.set(key, { state: "unknown", reason: why });
      notSent++;
    } else {
      queue.push(job);
    }
  }

  const check = async (job: VerifyJob): Promise<Verification> => {
    const base = options.bases.get(job.verifier.id) ?? job.verifier.defaultBase;
    const request = job.verifier.request(job.secret);
    const url = endpointUrl(base, request.path);
    const headers = { ...request.headers, "user-agent": options.userAgent };
    let counted = false;
    for (let attempt = 1; ; attempt++) {
      const left = deadline - now();
      if (left <= 0) return { state: "unknown", reason: `not sent: the verification time budget (${budgetMs} ms) is used up` };
      if (!counted) {
        counted = true;
        sentTo.set(url.href, (sentTo.get(url.href) ?? 0) + 1);
      }
      const limit = Math.min(timeoutMs, left);
      const outcome = await httpGet(url, headers, limit);
      if (outcome.kind === "timeout") return { state: "unknown", reason: `timeout after ${limit} ms` };
      if (outcome.kind === "network") return { state: "unknown", reason: `network error: ${outcome.code}` };
      const { status } = outcome.answer;
      if (status >= 300 && status < 400) return { state: "unknown", reason: `redirect not followed (HTTP ${status})` };
      if (status !== 429) return job.verifier.classify(outcome.answer, job.secret);
      if (attempt >= maxAttempts) return { state: "unknown", reason: `rate limited (HTTP 429, ${attempt} attempts)` };
      const wait = retryAfterMs(outcome.answer.headers["retry-after"], now()) ?? BACKOFF_MS * 2 ** (attempt - 1);
      if (wait > MAX_RETRY_WAIT_MS || wait >= deadline - now()) {
        return { state: "unknown", reason: `rate limited (HTTP 429, Retry-After ${Math.ceil(wait / 1000)} s is beyond the time budget)` };
      }
      await sleep(wait);
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const job = queue[next++]!;
      results.set(jobKey(job.verifier, job.secret), await check(job));
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, queue.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  return { results, sentTo, notSent };
}
