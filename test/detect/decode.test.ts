import { describe, expect, it } from "vitest";
import { DetectionEngine } from "../../src/detect/engine.js";
import { findEncodedRuns, isPrintableText } from "../../src/detect/decode.js";
import { KeywordFilter } from "../../src/detect/keyword-filter.js";
import { builtinRules } from "../../src/rules/index.js";
import { scanString } from "../../src/scan/stream-scanner.js";
import { fake } from "../helpers/fake-secrets.js";

const engine = DetectionEngine.fromSpecs(builtinRules);
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
const live = fake.liveKey(31);

function located(text: string) {
  return scanString(engine, text).map(({ ruleId, line, column, endColumn, encoding }) => ({ ruleId, line, column, endColumn, encoding }));
}

describe("encoded secrets", () => {
  it("a key inside a base64 string is reported at the encoded string", () => {
    const encoded = b64(`{"secretKey":"${live}"}`);
    expect(located(`config:\n  blob: ${encoded}\n`)).toEqual([
      { ruleId: "finta-secret-key-live", line: 2, column: 9, endColumn: 9 + encoded.length, encoding: "base64" },
    ]);
  });

  it("two levels deep", () => {
    const encoded = b64(`data=${b64(`key ${live}`)}`);
    expect(located(`x = "${encoded}"`)).toEqual([{ ruleId: "finta-secret-key-live", line: 1, column: 6, endColumn: 6 + encoded.length, encoding: "base64" }]);
  });

  it("a percent-encoded secret", () => {
    const hook = fake.webhookSecret(32);
    const encoded = encodeURIComponent(`secret=${hook}`);
    expect(encoded).toContain("%");
    expect(located(`url: ${encoded}`)).toEqual([{ ruleId: "finta-webhook-secret", line: 1, column: 6, endColumn: 6 + encoded.length, encoding: "percent" }]);
  });

  it("a plain key is reported plainly, not again through an encoding", () => {
    expect(located(`key=${live}`)).toEqual([{ ruleId: "finta-secret-key-live", line: 1, column: 5, endColumn: 5 + live.length, encoding: undefined }]);
  });

  it.each([
    { name: "lockfile integrity", text: `"integrity": "sha512-${b64("x".repeat(40) + live)}"` },
    { name: "data: URI", text: `src="data:text/plain;base64,${b64(live)}"` },
    { name: "a base64 string that decodes to binary", text: Buffer.from(Array.from({ length: 48 }, (_, i) => (i * 37) % 256)).toString("base64") },
  ])("$name: not decoded", ({ text }) => {
    expect(located(text)).toEqual([]);
  });

  it("identifiers and words are not taken for base64", () => {
    const text = "const someVeryLongIdentifierName = anotherLongIdentifierValue;";
    expect(findEncodedRuns(text, new KeywordFilter([]).findHits(text), 0, text.length)).toEqual([]);
  });

  it("isPrintableText", () => {
    expect([isPrintableText("abc\tdef\n"), isPrintableText("a\u0000b"), isPrintableText("\ufffd"), isPrintableText("")]).toEqual([true, false, false, false]);
  });
});
