/**
 * Golden files: every format on the fixed tree (test/report/fixture-scan.ts),
 * with findings, suppressions and an error, and on a clean tree. Update them
 * with `npx vitest run test/report -u` and read the diff. Every SARIF golden
 * also goes through the official validator.
 */
import { describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/findings/types.js";
import { reporters, type ReportFormat } from "../../src/report/index.js";
import { VALIDATOR_TIMEOUT_MS, validateSarif } from "../helpers/sarif-validator.js";
import { fixtureContext, scanFixture } from "./fixture-scan.js";

const EXTENSION: Record<ReportFormat, string> = { text: "txt", compact: "compact.txt", json: "json", sarif: "sarif", github: "github.txt" };
const FORMATS = Object.keys(reporters) as ReportFormat[];

const sarifLogs: Record<string, string> = {};

const fixtures: Record<string, () => Promise<ScanResult>> = {
  findings: () => scanFixture(undefined, [{ file: "vendor/blob.bin", message: "EACCES: permission denied" }]),
  clean: () => scanFixture({ "README.md": "Nothing to see here.\n", "src/index.ts": "export const answer = 42;\n" }),
};

describe.each(Object.keys(fixtures))("golden reports: %s", (name) => {
  it.each(FORMATS)("%s", async (format) => {
    const result = await fixtures[name]!();
    const report = reporters[format](result, fixtureContext());
    if (format === "sarif") sarifLogs[`${name}.sarif`] = report;
    await expect(report).toMatchFileSnapshot(`../golden/report/${name}.${EXTENSION[format]}`);
  });
});

describe("the golden SARIF logs", () => {
  it("pass the official SARIF validator with no error and no warning", () => {
    // Runs after the goldens above (vitest runs a file's tests in order); guards against a format list that lost SARIF.
    expect(Object.keys(sarifLogs).sort()).toEqual(["clean.sarif", "findings.sarif"]);
    // A broken log rides along: proof that the validator runs and its verdict is read.
    const broken = JSON.stringify({ version: "2.1.0", runs: [{ tool: { driver: {} }, results: [] }] });
    const validation = validateSarif({ ...sarifLogs, "broken.sarif": broken });
    expect(validation.errors.map((e) => [e.log, e.ruleId])).toEqual([["broken.sarif", "JSON1002"]]);
    expect(validation.warnings.filter((w) => w.log !== "broken.sarif")).toEqual([]);
  }, VALIDATOR_TIMEOUT_MS);
});
