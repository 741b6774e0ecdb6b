/** RawFinding / Finding records for filter tests, built around a generated fake secret. */
import { buildFinding } from "../../src/findings/build.js";
import type { Finding, RawFinding } from "../../src/findings/types.js";

export function rawFinding(secret: string, over: Partial<RawFinding> = {}): RawFinding {
  const lineText = over.lineText ?? `key = "${secret}"`;
  return {
    ruleId: "finta-secret-key-live",
    severity: "critical",
    line: 10,
    column: 8,
    endLine: 10,
    endColumn: 8 + secret.length,
    secret,
    match: secret,
    lineText,
    lineOffset: 1,
    prevLineText: "",
    entropy: 4.5,
    ...over,
  };
}

/** `file` is the display path; `repoPath` the identity path (default: the same). */
export function findingPair(file: string, secret: string, over: Partial<RawFinding> = {}, repoPath = file): [Finding, RawFinding] {
  const raw = rawFinding(secret, over);
  return [buildFinding(raw, { display: file, repoPath }, { redact: true }), raw];
}
