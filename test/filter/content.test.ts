/** Content allowlists: regexes on secret / match / line, stopwords; nothing beyond what they match. */
import { describe, expect, it } from "vitest";
import { ContentAllowlist } from "../../src/filter/content.js";
import { fake } from "../helpers/fake-secrets.js";
import { rawFinding } from "./raw-finding.js";

const secret = fake.liveKey(7);
const raw = rawFinding(secret, { match: `token: ${secret}`, lineText: `  token: ${secret} # staging` });

describe("ContentAllowlist", () => {
  it.each([
    ["a regex on the secret (default target)", { regexes: ["^sk_"] }, { kind: "regex", by: "^sk_" }],
    ["a regex that does not match the secret", { regexes: ["^pk_"] }, undefined],
    ["a regex meant for the line, applied to the secret", { regexes: ["staging"] }, undefined],
    ["a regex on the line", { regexes: ["# staging$"], regexTarget: "line" }, { kind: "regex", by: "# staging$" }],
    ["a regex on the match", { regexes: ["^token: "], regexTarget: "match" }, { kind: "regex", by: "^token: " }],
    ["a regex on the match that only the line has", { regexes: ["staging"], regexTarget: "match" }, undefined],
    ["a stopword in the secret (any case)", { stopwords: [secret.slice(10, 14).toUpperCase()] }, { kind: "stopword", by: secret.slice(10, 14).toLowerCase() }],
    ["a stopword only on the line, not in the secret", { stopwords: ["staging"] }, undefined],
    ["nothing", {}, undefined],
  ] as const)("%s", (_what, spec, expected) => {
    expect(new ContentAllowlist(spec).check(raw)).toEqual(expected);
  });
});
