/**
 * Live verification of found credentials (`scan --verify`): the shapes every
 * part of src/verify/ shares. A provider is data (a `Verifier`): which
 * findings it answers for, how to ask its API about one key, and how to read
 * the answer. Everything generic (timeouts, redirects, rate limits, the
 * budget, sending each key once) lives in the runner, so a provider cannot
 * weaken it.
 */

/** What the provider's API said about a key. */
export type VerificationState = "live" | "revoked" | "unknown";

export const VERIFICATION_STATES: readonly VerificationState[] = ["live", "revoked", "unknown"];

/** A finding's verification, as reports show it. Never holds the key. */
export interface Verification {
  readonly state: VerificationState;
  /** Why: `HTTP 200`, `HTTP 401`, `timeout after 5000 ms`, `network error: ECONNRESET`, `not verifiable`, … */
  readonly reason: string;
  /** Non-secret facts the API returned about a live key (key name, mode, environment, created date). */
  readonly metadata?: Readonly<Record<string, string>>;
}

/** One HTTP request, as a provider describes it: relative to the configured base, the key in a header only. */
export interface VerifierRequest {
  /** Appended to the base URL's path, e.g. `/v2/me`. Never holds the key. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** A complete HTTP answer (the body cut at MAX_BODY_BYTES). */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface Verifier {
  /** Short id, used in messages: `finta`. */
  readonly id: string;
  /** Who issues the keys: `Finta`. */
  readonly provider: string;
  /** Rule ids whose findings this verifier answers for (verified, or marked not verifiable). */
  readonly ruleIds: readonly string[];
  /** The API's base URL when nothing overrides it. */
  readonly defaultBase: string;
  /** Environment variable that overrides the base (for mocks and proxies). */
  readonly baseEnv: string;
  /**
   * Undefined when `secret` is a key the API can check and may be sent;
   * otherwise the reason it is not sent (e.g. a webhook signing secret).
   */
  notVerifiable(secret: string): string | undefined;
  request(secret: string): VerifierRequest;
  /**
   * The state an answer means. Called only for answers the runner does not
   * handle itself (it handles 3xx and 429).
   */
  classify(answer: HttpAnswer, secret: string): Verification;
}
