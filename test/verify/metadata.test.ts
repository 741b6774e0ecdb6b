/**
 * What is kept of a live key's `/v2/me` answer: the allowlisted fields only,
 * as plain one-line text, never the key or anything shaped like a credential.
 */
import { describe, expect, it } from "vitest";
import { MAX_METADATA_CHARS, pickMetadata } from "../../src/verify/metadata.js";
import { fintaVerifier } from "../../src/verify/providers.js";
import { fake } from "../helpers/fake-secrets.js";

const FIELDS = { keyName: ["key.name", "name"], mode: ["mode"], createdAt: ["created_at"] };
const key = fake.liveKey(51);

describe("pickMetadata", () => {
  it("keeps the first allowlisted path present, and nothing else", () => {
    const body = JSON.stringify({ key: { name: "deploy" }, name: "ignored", mode: true, created_at: 1767225600, balance: 1000, owner: { email: "a@b.c" } });
    expect(pickMetadata(body, FIELDS, key)).toEqual({ keyName: "deploy", mode: "true", createdAt: "1767225600" });
  });

  it("drops what may not be shown: the key, credential shapes, objects, control characters", () => {
    const other = fake.testKey(52);
    expect(pickMetadata(JSON.stringify({ key: { name: `x ${key}` }, mode: other, created_at: { at: 1 } }), FIELDS, key)).toEqual({});
    expect(pickMetadata(JSON.stringify({ name: "a\u001b]8;;http://x\u0007b\nc", mode: ["live"] }), FIELDS, key)).toEqual({ keyName: "a]8;;http://xbc" });
    expect(pickMetadata(JSON.stringify({ name: "a long key name ".repeat(10) }), FIELDS, key).keyName).toHaveLength(MAX_METADATA_CHARS);
  });

  it("reads nothing inherited and nothing from a body that is not JSON", () => {
    expect(pickMetadata('{"__proto__": {"name": "p"}}', { keyName: ["__proto__.name", "constructor.name"] }, key)).toEqual({ keyName: "p" });
    expect(pickMetadata("{}", { keyName: ["constructor.name", "toString"] }, key)).toEqual({});
    expect(pickMetadata("<html>", FIELDS, key)).toEqual({});
  });
});

describe("the Finta verifier's entry", () => {
  it("asks GET /v2/me with the key as a bearer token, nowhere else", () => {
    expect(fintaVerifier.request(key)).toEqual({ path: "/v2/me", headers: { authorization: `Bearer ${key}`, accept: "application/json" } });
  });

  it("sends API keys and secret keys only", () => {
    expect(fintaVerifier.notVerifiable(fake.fintaApiKey(53))).toBeUndefined();
    expect(fintaVerifier.notVerifiable(fake.liveKey(54))).toBeUndefined();
    expect(fintaVerifier.notVerifiable(fake.testKey(55))).toBeUndefined();
    expect(fintaVerifier.notVerifiable(fake.webhookSecret(56))).toBe("not verifiable");
    expect(fintaVerifier.notVerifiable(fake.envValue(57))).toBe("not verifiable (not a Finta API key or secret key)");
    // A key with something glued on (a custom rule's looser match) is not sent either.
    expect(fintaVerifier.notVerifiable(`${fake.liveKey(58)}"`)).toBe("not verifiable (not a Finta API key or secret key)");
  });

  it("reads 200 as live, 401 and 403 as revoked, anything else as unknown", () => {
    const answer = (status: number) => ({ status, headers: {}, body: "{}" });
    expect([200, 401, 403, 404, 500, 204].map((s) => fintaVerifier.classify(answer(s), key))).toEqual([
      { state: "live", reason: "HTTP 200" },
      { state: "revoked", reason: "HTTP 401" },
      { state: "revoked", reason: "HTTP 403" },
      { state: "unknown", reason: "HTTP 404" },
      { state: "unknown", reason: "HTTP 500" },
      { state: "unknown", reason: "HTTP 204" },
    ]);
  });
});
