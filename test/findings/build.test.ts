/** Snippets built per target: every secret on the line hidden, by position and by value. */
import { describe, expect, it } from "vitest";
import { DetectionEngine } from "../../src/detect/engine.js";
import { buildFindings } from "../../src/findings/build.js";
import { vendorPrefixes } from "../../src/findings/vendor-prefix.js";
import { builtinRules } from "../../src/rules/index.js";
import { scanString } from "../../src/scan/stream-scanner.js";
import { fake } from "../helpers/fake-secrets.js";

const engine = DetectionEngine.fromSpecs(builtinRules);
const build = (text: string, redact = true) =>
  buildFindings(scanString(engine, text), { display: "a.env", repoPath: "a.env" }, { redact, prefixes: vendorPrefixes(builtinRules) }).map(({ finding: f }) => [
    f.ruleId,
    f.line,
    f.column,
    f.encoding ?? "",
    f.lineText,
    f.lineText.slice(f.secretSpan![0], f.secretSpan![1]),
  ]);

describe("buildFindings", () => {
  it("hides an encoded secret at its position next to a plain one, in both snippets", () => {
    const live = fake.liveKey(71);
    const api = fake.fintaApiKey(72);
    const encoded = Buffer.from(live).toString("base64");
    const text = `blob = "${encoded}" other=${api}\n`;
    const line = `blob = "${encoded.slice(0, 2)}…(redacted)" other=${api.slice(0, 8)}…(redacted)`;
    expect(build(text)).toEqual([
      ["finta-secret-key-live", 1, 9, "base64", line, `${encoded.slice(0, 2)}…(redacted)`],
      ["finta-api-key", 1, 9 + encoded.length + 8, "", line, `${api.slice(0, 8)}…(redacted)`],
    ]);
  });

  it("hides a secret written again on the line where no rule reports it", () => {
    const password = ["Qwzx", "Plmk", "Vbnr", "7hJk", "9tRe"].join("-");
    const text = `DB_PASSWORD="${password}" # also in: login ${password} there\n`;
    expect(build(text)).toEqual([["generic-password", 1, 14, "", `DB_PASSWORD="Qw…(redacted)" # also in: login Qw…(redacted) there`, "Qw…(redacted)"]]);
  });

  it("with --no-redact keeps the line and points at the secret", () => {
    const api = fake.fintaApiKey(74);
    expect(build(`k=${api}\n`, false)).toEqual([["finta-api-key", 1, 3, "", `k=${api}`, api]]);
  });
});
