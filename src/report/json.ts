/**
 * JSON report, wire format version 1 (spec/cli.md "JSON report"):
 *
 *   { "version": 1,
 *     "tool": { "name": "finta-guard", "version": "x.y.z" },
 *     "findings": [ { "ruleId", "severity", "file", "repoPath", "line", "column", "endLine",
 *                     "endColumn", "secret" (redacted), "fingerprint", "entropy",
 *                     "encoding"? ("base64" | "percent": found by decoding the string at this position),
 *                     "publicExample"? ({ "name", "source" }: a published example credential, severity info),
 *                     "commit"?, "author"?, "date"? (history), "blocking"? (staged),
 *                     "verification"? ({ "state": "live" | "revoked" | "unknown", "reason", "metadata"? }: scan --verify) } ],
 *     "stats": { "files", "bytes", "durationMs", "binarySkipped",
 *                "suppressed": { "<kind>": n }, "findingsBySeverity", "findingsByRule" },
 *     "suppressed": [ { "ruleId", "file", "repoPath", "line", "column", "fingerprint", "kind", "by" } ],
 *     "errors": [ { "file", "message" } ],
 *     "suppressionSources"?: { "configFrom"?, "ignoredPaths": [ { "by", "paths" } ],
 *                              "disabledRules": [ { "ruleId", "by" } ] } }
 *
 * `file` is the display path (spec/cli.md); `repoPath` the identity path the
 * fingerprint is keyed on (repository-relative, whatever folder the scan ran
 * in). `by` of an inline suppression is the allow comment with every secret
 * redacted and cut short.
 *
 * Fields are only ever added (consumers must ignore unknown ones); `version`
 * changes if one is removed or changes meaning.
 */
import type { Finding } from "../findings/types.js";
import { isEmpty, suppressionSourcesRecord } from "./suppression-sources.js";
import type { Reporter } from "./types.js";
import { verificationField } from "./verification.js";

function findingRecord(f: Finding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    file: f.file,
    repoPath: f.repoPath,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    secret: f.secret,
    fingerprint: f.fingerprint,
    entropy: f.entropy,
    ...(f.encoding !== undefined ? { encoding: f.encoding } : {}),
    ...(f.publicExample !== undefined ? { publicExample: { name: f.publicExample.name, source: f.publicExample.source } } : {}),
    ...(f.commit !== undefined ? { commit: f.commit } : {}),
    ...(f.author !== undefined ? { author: f.author } : {}),
    ...(f.date !== undefined ? { date: f.date } : {}),
    ...(f.blocking !== undefined ? { blocking: f.blocking } : {}),
    ...verificationField(f),
  };
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  // A Map: a rule id such as "constructor" must count from 0, not from Object.prototype's member.
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export const formatJson: Reporter = (result, context) => {
  const document = {
    version: 1,
    tool: { name: context.toolName, version: context.toolVersion },
    findings: result.findings.map(findingRecord),
    stats: {
      files: result.stats.files,
      bytes: result.stats.bytes,
      durationMs: result.stats.durationMs,
      binarySkipped: result.stats.binarySkipped,
      suppressed: result.stats.suppressed,
      findingsBySeverity: countBy(result.findings, (f) => f.severity),
      findingsByRule: countBy(result.findings, (f) => f.ruleId),
    },
    suppressed: result.suppressed.map((s) => ({
      ruleId: s.finding.ruleId,
      file: s.finding.file,
      repoPath: s.finding.repoPath,
      line: s.finding.line,
      column: s.finding.column,
      fingerprint: s.finding.fingerprint,
      kind: s.kind,
      by: s.by,
    })),
    errors: result.errors,
    ...(context.suppressionSources && !isEmpty(context.suppressionSources) ? { suppressionSources: suppressionSourcesRecord(context.suppressionSources) } : {}),
  };
  return JSON.stringify(document, null, 2) + "\n";
};
