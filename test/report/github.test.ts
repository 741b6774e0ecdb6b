import { describe, expect, it } from "vitest";
import type { Finding, ScanResult } from "../../src/findings/types.js";
import { escapeData, escapeProperty, formatGithub, workflowCommand } from "../../src/report/github.js";
import { acmeRule, fixtureContext } from "./fixture-scan.js";

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
    lineText: "",
    lineOffset: 1,
    entropy: 4.1,
    ...overrides,
  };
}

function result(findings: Finding[], errors: ScanResult["errors"] = []): ScanResult {
  return { findings, suppressed: [], errors, stats: { files: 1, bytes: 100, binarySkipped: 0, durationMs: 7, suppressed: {} } };
}

const annotations = (text: string) => text.split("\n").filter((l) => l.startsWith("::"));

describe("workflow command escaping", () => {
  it.each([
    ["plain", "plain", "plain"],
    ["percent", "100%", "100%25"],
    ["newline", "a\nb", "a%0Ab"],
    ["carriage return", "a\r\nb", "a%0D%0Ab"],
    ["colon and comma", "a:b,c", "a:b,c"],
    ["an already-escaped sequence", "%0A", "%250A"],
  ])("data: %s", (_name, input, expected) => {
    expect(escapeData(input)).toBe(expected);
  });

  it.each([
    ["plain", "src/app.ts", "src/app.ts"],
    ["colon", "C:/x", "C%3A/x"],
    ["comma", "notes, 100%.md", "notes%2C 100%25.md"],
    ["newline", "a\nb", "a%0Ab"],
    ["all of them", "%\r\n:,", "%25%0D%0A%3A%2C"],
  ])("property: %s", (_name, input, expected) => {
    expect(escapeProperty(input)).toBe(expected);
  });

  it("leaves undefined properties out and keeps the order given", () => {
    expect(workflowCommand("warning", [["file", "a,b"], ["line", 2], ["endLine", undefined], ["title", "t:1"]], "m\n")).toBe(
      "::warning file=a%2Cb,line=2,title=t%3A1::m%0A",
    );
    expect(workflowCommand("notice", [], "m")).toBe("::notice::m");
  });
});

describe("GitHub annotations reporter", () => {
  it.each([
    ["critical", "error"],
    ["high", "error"],
    ["medium", "warning"],
    ["low", "warning"],
    ["info", "notice"],
  ] as const)("severity %s → ::%s", (severity, command) => {
    const rules = new Map([[acmeRule.id, { ...acmeRule, severity }]]);
    expect(annotations(formatGithub(result([finding({ severity })]), fixtureContext({ rules })))).toEqual([
      `::${command} file=src/app.ts,line=3,col=9,endColumn=34,title=${severity} secret%3A acme-token::ACME deploy token: acme_ab…(redacted)%0ARotate the token in the ACME console and read it from the environment.`,
    ]);
  });

  it("a multi-line secret gets endLine and no endColumn; the path is relative to the repository root", () => {
    const pem = finding({ file: "keys/id, rsa", line: 1, column: 1, endLine: 27, endColumn: 30 });
    expect(annotations(formatGithub(result([pem]), fixtureContext({ srcRoot: "/repo", baseDir: "/repo/app" })))[0]).toBe(
      "::notice file=app/keys/id%2C rsa,line=1,endLine=27,col=1,title=info secret%3A acme-token::ACME deploy token: acme_ab…(redacted)%0ARotate the token in the ACME console and read it from the environment.",
    );
  });

  it("scan errors are ::error annotations; a file name cannot inject a command", () => {
    const text = formatGithub(result([], [{ file: "evil\n::stop-commands::x", message: "EACCES: permission denied" }]), fixtureContext());
    expect(text.split("\n")).toEqual([
      "::error file=evil%0A%3A%3Astop-commands%3A%3Ax,title=finta-guard%3A scan error::EACCES: permission denied",
      "✔ no secrets found · 1 file (100 B) in 7 ms",
      "",
    ]);
  });
});
