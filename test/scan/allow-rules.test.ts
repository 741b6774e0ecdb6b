/**
 * The scanner notes allow comments that name a rule (for the unknown-rule
 * warning) with their line, in order with the findings' positions, whatever
 * the window size cuts through.
 */
import { describe, expect, it } from "vitest";
import { DetectionEngine } from "../../src/detect/engine.js";
import { builtinRules } from "../../src/rules/index.js";
import { StreamScanner } from "../../src/scan/stream-scanner.js";
import { fake } from "../helpers/fake-secrets.js";

const engine = DetectionEngine.fromSpecs(builtinRules);

const text = [
  "// finta-guard:allow finta-secret-key-lvie",
  `const a = "${fake.liveKey(1)}";`,
  "x = 1 # finta-guard:allow",
  `const b = "${fake.liveKey(2)}"; // finta-guard:allow other-rule -- reason`,
  "\"finta-guard:allow not-a-comment\"",
  "-- finta-guard:allow sql-rule",
].join("\r\n");

describe("allow comments naming a rule", () => {
  it.each([1, 7, 64, 1 << 20])("window of %i characters", (windowChars) => {
    const scanner = new StreamScanner(engine, { windowChars });
    scanner.push(new TextEncoder().encode(text));
    const result = scanner.finish();
    expect(result.allowRules).toEqual([
      { line: 1, ruleId: "finta-secret-key-lvie" },
      { line: 4, ruleId: "other-rule" },
      { line: 6, ruleId: "sql-rule" },
    ]);
    expect(result.findings.map((f) => [f.line, f.column, f.ruleId])).toEqual([
      [2, 12, "finta-secret-key-live"],
      [4, 12, "finta-secret-key-live"],
    ]);
  });
});
