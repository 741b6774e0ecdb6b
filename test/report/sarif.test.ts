import { afterAll, describe, expect, it } from "vitest";
import type { Severity } from "../../src/findings/severity.js";
import type { Finding, ScanResult, Suppressed, SuppressionKind } from "../../src/findings/types.js";
import { buildSarifLog, FINGERPRINT_KEY, formatSarif, ruleName, SEVERITY_LEVEL } from "../../src/report/sarif.js";
import { VALIDATOR_TIMEOUT_MS, validateSarif } from "../helpers/sarif-validator.js";
import { acmeRule, fixtureContext } from "./fixture-scan.js";

// Every SARIF text this file produces is validated once, at the end.
const produced: Record<string, string> = {};
afterAll(() => {
  expect(Object.keys(produced)).toHaveLength(16);
  expect(validateSarif(produced)).toEqual({ errors: [], warnings: [] });
}, VALIDATOR_TIMEOUT_MS);

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: "acme-token",
    severity: "info",
    file: "src/app.ts",
    repoPath: "src/app.ts",
    line: 3,
    column: 9,
    endLine: 3,
    endColumn: 34,
    secret: "acme_ab…(redacted)",
    fingerprint: "0123456789abcdef0123456789abcdef",
    lineText: 'const t = "acme_ab…(redacted)";',
    lineOffset: 1,
    entropy: 4.1,
    ...overrides,
  };
}

function result(findings: Finding[], suppressed: Suppressed[] = [], errors: ScanResult["errors"] = []): ScanResult {
  return { findings, suppressed, errors, stats: { files: 1, bytes: 100, binarySkipped: 0, durationMs: 7, suppressed: {} } };
}

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, unknown>; contextRegion: Record<string, unknown> } }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; status: string; justification: string }[];
  properties: Record<string, unknown>;
}
interface SarifRun {
  tool: { driver: { rules: { id: string; defaultConfiguration: { level: string }; properties?: Record<string, unknown> }[] } };
  invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string } }[] }[];
  originalUriBaseIds: Record<string, unknown>;
  columnKind: string;
  results: SarifResult[];
}

function sarif(name: string, scan: ScanResult, context = fixtureContext()): SarifRun {
  const text = formatSarif(scan, context);
  produced[`${name}.sarif`] = text;
  return (JSON.parse(text) as { runs: SarifRun[] }).runs[0]!;
}

describe("SARIF reporter", () => {
  it.each<[Severity, string, string | undefined]>([
    ["critical", "error", "9.5"],
    ["high", "error", "8.0"],
    ["medium", "warning", "5.5"],
    ["low", "warning", "3.0"],
    ["info", "note", undefined],
  ])("severity %s → level %s, security-severity %s", (severity, level, securitySeverity) => {
    const rules = new Map([[acmeRule.id, { ...acmeRule, severity }]]);
    const run = sarif(`severity-${severity}`, result([finding({ severity })]), fixtureContext({ rules }));
    expect(SEVERITY_LEVEL[severity]).toBe(level);
    expect(run.results.map((r) => r.level)).toEqual([level]);
    expect(run.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level, r.properties?.["security-severity"]])).toEqual([
      ["acme-token", level, securitySeverity],
    ]);
  });

  it.each([
    ["finta-secret-key-live", "FintaSecretKeyLive"],
    ["1password-secret-key", "1passwordSecretKey"],
    ["acme-token", "AcmeToken"],
  ])("rule %s is named %s", (id, name) => {
    expect(ruleName(id)).toBe(name);
  });

  it("locates the secret relative to the repository root, with the redacted line as context", () => {
    const run = sarif("location", result([finding({ file: "src/my app/x#1.ts" })]), fixtureContext({ srcRoot: "/repo", baseDir: "/repo/packages/web" }));
    expect(run.columnKind).toBe("utf16CodeUnits");
    expect(run.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: "file:///repo/", description: { text: "The repository root." } } });
    expect(run.results[0]!.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: "packages/web/src/my%20app/x%231.ts", uriBaseId: "%SRCROOT%" },
          region: { startLine: 3, startColumn: 9, endLine: 3, endColumn: 34, snippet: { text: "acme_ab…(redacted)" } },
          contextRegion: { startLine: 3, endLine: 3, snippet: { text: 'const t = "acme_ab…(redacted)";' } },
        },
      },
    ]);
  });

  it("gives a file outside the repository an absolute file URI", () => {
    const run = sarif("outside", result([finding({ file: "/elsewhere/k.txt" })]));
    expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: "file:///elsewhere/k.txt" });
  });

  it("partialFingerprints carry our fingerprint only, never commit or author data", () => {
    const history = finding({ commit: "a".repeat(40), author: "Dev <dev@example.com>", date: "2026-01-02T03:04:05Z" });
    const run = sarif("history", result([history]), fixtureContext({ mode: "history" }));
    const only = run.results[0]!;
    expect(only.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: "0123456789abcdef0123456789abcdef" });
    expect(JSON.stringify(only)).not.toContain("dev@example.com");
    expect(only.properties).toEqual({ severity: "info", commit: "a".repeat(40) });
  });

  it.each<[SuppressionKind, string, string]>([
    ["inline", "inSource", "finta-guard:allow comment"],
    ["baseline", "external", "listed in the baseline: 0123456789abcdef0123456789abcdef"],
    ["path", "external", "allowlisted path: fixtures/**"],
    ["regex", "external", "allowlisted regex: ^acme_0+"],
    ["stopword", "external", "allowlisted stopword: example"],
  ])("a %s suppression is a result with suppressions kind %s", (kind, sarifKind, justification) => {
    const by = { inline: 'const t = "acme_…"; // finta-guard:allow', baseline: "0123456789abcdef0123456789abcdef", path: "fixtures/**", regex: "^acme_0+", stopword: "example" }[kind];
    const run = sarif(`suppressed-${kind}`, result([], [{ finding: finding(), kind, by }]));
    expect(run.results.map((r) => r.suppressions)).toEqual([[{ kind: sarifKind, status: "accepted", justification }]]);
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(["acme-token"]);
  });

  it("reports scan errors as failed execution with notifications", () => {
    const run = sarif("errors", result([], [], [{ file: "vendor/blob.bin", message: "EACCES: permission denied" }]));
    expect(run.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: "error",
            message: { text: "vendor/blob.bin: EACCES: permission denied" },
            locations: [{ physicalLocation: { artifactLocation: { uri: "vendor/blob.bin", uriBaseId: "%SRCROOT%" } } }],
          },
        ],
      },
    ]);
  });

  it("lists each rule once, sorted, and points results at it by index", () => {
    const rules = new Map([
      [acmeRule.id, acmeRule],
      ["zeta-token", { ...acmeRule, id: "zeta-token", severity: "high" as const }],
    ]);
    const scan = result([finding({ ruleId: "zeta-token", severity: "high" }), finding(), finding({ line: 9, endLine: 9 })]);
    const run = sarif("rule-index", scan, fixtureContext({ rules }));
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(["acme-token", "zeta-token"]);
    expect(run.results.map((r) => [r.ruleId, r.ruleIndex])).toEqual([
      ["zeta-token", 1],
      ["acme-token", 0],
      ["acme-token", 0],
    ]);
  });
});

describe("buildSarifLog (generic, for other reports)", () => {
  it("builds a valid log from plain rule and result lists", () => {
    const log = buildSarifLog({
      tool: { name: "finta-guard", version: "1.2.3", informationUri: "https://www.npmjs.com/package/finta-guard" },
      rules: [
        {
          id: "env-files-ignored",
          name: "EnvFilesIgnored",
          shortDescription: ".env files are ignored",
          fullDescription: "Every .env file is listed in .gitignore.",
          help: { text: "Add .env to .gitignore.", markdown: "Add `.env` to `.gitignore`." },
          level: "error",
        },
      ],
      results: [
        { ruleId: "env-files-ignored", kind: "fail", level: "error", message: ".env is not ignored.", location: { path: ".gitignore", relative: true, region: { startLine: 1 } } },
        { ruleId: "env-files-ignored", kind: "pass", level: "none", message: "All good." },
      ],
      executionSuccessful: true,
      automationId: "finta-guard-audit/",
    });
    produced["generic.sarif"] = JSON.stringify(log);
    const run = (log.runs as SarifRun[])[0]!;
    expect(run.results).toEqual([
      {
        ruleId: "env-files-ignored",
        ruleIndex: 0,
        kind: "fail",
        level: "error",
        message: { text: ".env is not ignored." },
        locations: [{ physicalLocation: { artifactLocation: { uri: ".gitignore", uriBaseId: "%SRCROOT%" }, region: { startLine: 1 } } }],
      },
      { ruleId: "env-files-ignored", ruleIndex: 0, kind: "pass", level: "none", message: { text: "All good." } },
    ]);
    expect(run.originalUriBaseIds).toEqual({ "%SRCROOT%": { description: { text: "The directory the scan started in." } } });
  });
});
