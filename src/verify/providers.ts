/**
 * The verifiers finta-guard ships: one entry per provider. Adding a provider
 * (GitHub `GET /user`, Stripe `GET /v1/balance`, …) is one entry here plus
 * its tests; the runner (run.ts) supplies every safety rule.
 *
 * Finta: API v2 authenticates with `Authorization: Bearer <key>`, and
 * `GET /v2/me` answers 200 with the key's account and key metadata for a
 * working key, 401 (unknown or revoked key) or 403 (a key that exists but is
 * disabled) otherwise (spec/finta-credentials.md, "Remediation").
 */
import { pickMetadata, type MetadataFields } from "./metadata.js";
import type { HttpAnswer, Verification, Verifier } from "./types.js";

/** Finta API keys and secret keys: the only values ever sent. */
const FINTA_SENDABLE = /^(?:finta_[A-Za-z0-9][A-Za-z0-9_-]{23,255}|sk_(?:live|test)_[A-Za-z0-9]{16,247})$/;

/** What is kept of `/v2/me`'s answer: facts about the key and account, never a credential. */
const FINTA_METADATA: MetadataFields = {
  keyName: ["key.name", "key_name", "name"],
  mode: ["key.mode", "mode", "livemode"],
  environment: ["key.environment", "environment"],
  createdAt: ["key.created_at", "key.created", "created_at", "created"],
  accountId: ["account.id", "account_id"],
  accountName: ["account.name", "account_name"],
};

export const fintaVerifier: Verifier = {
  id: "finta",
  provider: "Finta",
  ruleIds: ["finta-api-key", "finta-secret-key-live", "finta-secret-key-test", "finta-webhook-secret", "finta-env-secret", "finta-bearer-token"],
  defaultBase: "https://api.finta.io",
  baseEnv: "FINTA_API_BASE",
  notVerifiable(secret) {
    // A webhook signing secret only signs payloads; the API does not accept it.
    if (secret.startsWith("whsec_")) return "not verifiable";
    // A value held in a FINTA_* variable or a bearer header may be anything (a password, another
    // service's token): only values shaped like a Finta key are sent to Finta.
    if (!FINTA_SENDABLE.test(secret)) return "not verifiable (not a Finta API key or secret key)";
    return undefined;
  },
  request(secret) {
    return { path: "/v2/me", headers: { authorization: `Bearer ${secret}`, accept: "application/json" } };
  },
  classify(answer: HttpAnswer, secret: string): Verification {
    const reason = `HTTP ${answer.status}`;
    if (answer.status === 200) {
      const metadata = pickMetadata(answer.body, FINTA_METADATA, secret);
      return { state: "live", reason, ...(Object.keys(metadata).length ? { metadata } : {}) };
    }
    if (answer.status === 401 || answer.status === 403) return { state: "revoked", reason };
    return { state: "unknown", reason };
  },
};

/** Every shipped verifier. */
export const verifiers: readonly Verifier[] = [fintaVerifier];

/** The verifier that answers for findings of `ruleId`, if any. */
export function verifierFor(ruleId: string): Verifier | undefined {
  return verifiers.find((v) => v.ruleIds.includes(ruleId));
}
