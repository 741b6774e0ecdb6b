/**
 * Fake credentials for tests, built at run time from parts so that no literal
 * credential is committed (this repository scans itself, and code hosts'
 * push protection would fire). Deterministic: the same seed, the same text.
 */
import { ALNUM, BASE64, HEX, fakeBody, joined } from "../../src/rules/examples.js";

export { fakeBody, joined, ALNUM, BASE64, HEX };

export const fake = {
  fintaApiKey: (seed = 1) => joined("finta_", fakeBody(32, ALNUM, seed, "api")),
  liveKey: (seed = 1) => joined("sk_", "live_") + fakeBody(32, ALNUM, seed, "live"),
  testKey: (seed = 1) => joined("sk_", "test_") + fakeBody(32, ALNUM, seed, "test"),
  webhookSecret: (seed = 1) => joined("whsec_") + fakeBody(32, BASE64, seed, "whsec"),
  envValue: (seed = 1) => fakeBody(32, ALNUM, seed, "env"),
};
