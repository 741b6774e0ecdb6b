/**
 * SARIF 2.1.0 (`--format sarif`), for code-scanning dashboards (GitHub's
 * `upload-sarif`, Azure DevOps, IDE viewers).
 *
 * Two layers:
 * - `buildSarifLog(input)` turns generic rule/result lists into one SARIF log
 *   object (one run). It knows SARIF, not findings, so other reports (the
 *   audit, the baseline) can reuse it with their own rules and results.
 * - `formatSarif` is the scan reporter: findings and suppressed findings →
 *   rules and results.
 *
 * Choices, and why:
 * - `run.columnKind` is `utf16CodeUnits`: our columns are JS string indices
 *   (findings/types.ts), so reporters never convert them.
 * - Artifact URIs are relative to the repository root with `uriBaseId`
 *   `%SRCROOT%` (code scanning resolves them against the checkout);
 *   `originalUriBaseIds` says where that root was.
 * - `partialFingerprints` carry our fingerprint (rule, repository-relative
 *   path, secret; findings/fingerprint.ts) and nothing else: code scanning
 *   deduplicates alerts by them, so commit or author data, or the folder the
 *   scan started in, there would open a new alert per commit or per folder.
 * - Suppressed findings are results with `suppressions` (`inSource` for
 *   `finta-guard:allow`, `external` for configuration and baseline), so a
 *   dashboard can show them as dismissed rather than lose them.
 * - Only the rules that have a result (reported or suppressed) are listed:
 *   a log of a few findings does not carry the whole catalogue.
 * - Snippets are the redacted line (every secret on it hidden, findings/build.ts);
 *   the full secret appears only with --no-redact.
 */
import { isEmpty, suppressionSourcesRecord } from "./suppression-sources.js";
import type { Severity } from "../findings/severity.js";
import { describePublicExample } from "../findings/public-example-note.js";
import type { Finding, ScanError, Suppressed, SuppressionKind } from "../findings/types.js";
import type { RuleSpec } from "../rules/types.js";
import { directoryFileUri, fileUri, pathToUriReference, repoRelativePath } from "./artifact-path.js";
import type { ReportContext, Reporter } from "./types.js";
import { verificationField, verificationText } from "./verification.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const SRCROOT = "%SRCROOT%";
/** Where to learn about the tool (SARIF `tool.driver.informationUri`). */
export const TOOL_INFORMATION_URI = "https://www.npmjs.com/package/finta-guard";
/** Key of our fingerprint in `partialFingerprints`; the suffix versions its derivation. */
export const FINGERPRINT_KEY = "fintaGuardFingerprint/v2";

export type SarifLevel = "error" | "warning" | "note" | "none";

/** Severity → SARIF level: blocking-class secrets are errors, the rest warnings, info a note. */
export const SEVERITY_LEVEL: Record<Severity, SarifLevel> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "warning",
  info: "note",
};

/**
 * GitHub code scanning's `security-severity` (a CVSS-like score: ≥9 critical,
 * 7–8.9 high, 4–6.9 medium, 0.1–3.9 low). Info has none: it stays a note.
 */
export const SECURITY_SEVERITY: Record<Severity, string | undefined> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  info: undefined,
};

// ---------------------------------------------------------------------------
// Generic builder

export interface SarifRuleInput {
  readonly id: string;
  /** An identifier-like name (SARIF recommends PascalCase), e.g. `FintaSecretKeyLive`. */
  readonly name: string;
  readonly shortDescription: string;
  readonly fullDescription: string;
  readonly help: { readonly text: string; readonly markdown: string };
  readonly helpUri?: string;
  readonly level: SarifLevel;
  readonly tags?: readonly string[];
  /** GitHub's `security-severity` score, as a string ("9.5"). */
  readonly securitySeverity?: string;
}

export interface SarifRegionInput {
  readonly startLine: number;
  readonly startColumn?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** Text shown for the region itself (e.g. the redacted secret). */
  readonly snippet?: string;
}

export interface SarifLocationInput {
  /**
   * A `/`-separated path relative to the source root (`relative: true`, gets
   * uriBaseId %SRCROOT%), or an absolute file path outside it.
   */
  readonly path: string;
  readonly relative: boolean;
  readonly region?: SarifRegionInput;
  /** The whole line(s) around the region (e.g. the redacted line). */
  readonly context?: { readonly startLine: number; readonly endLine: number; readonly snippet: string };
}

export interface SarifSuppressionInput {
  readonly kind: "inSource" | "external";
  readonly justification: string;
}

export interface SarifResultInput {
  readonly ruleId: string;
  readonly level: SarifLevel;
  /** `fail` (default), `pass`, `notApplicable`, … (SARIF result.kind). */
  readonly kind?: "fail" | "pass" | "notApplicable" | "informational" | "review" | "open";
  readonly message: string;
  readonly location?: SarifLocationInput;
  readonly partialFingerprints?: Readonly<Record<string, string>>;
  readonly suppressions?: readonly SarifSuppressionInput[];
  readonly properties?: Readonly<Record<string, unknown>>;
}

export interface SarifNotificationInput {
  readonly level: "error" | "warning" | "note";
  readonly message: string;
  readonly location?: SarifLocationInput;
}

export interface SarifLogInput {
  readonly tool: { readonly name: string; readonly version: string; readonly informationUri: string };
  readonly rules: readonly SarifRuleInput[];
  readonly results: readonly SarifResultInput[];
  /** Absolute path of the source root (%SRCROOT%); absent: the root is described, not located. */
  readonly srcRoot?: string;
  readonly executionSuccessful: boolean;
  readonly notifications?: readonly SarifNotificationInput[];
  /** `run.automationDetails.id`, e.g. `finta-guard/tree/`; groups runs in dashboards. */
  readonly automationId?: string;
  readonly properties?: Readonly<Record<string, unknown>>;
}

function text(value: string): { text: string } {
  return { text: value };
}

function buildLocation(location: SarifLocationInput): object {
  const artifactLocation = location.relative
    ? { uri: pathToUriReference(location.path), uriBaseId: SRCROOT }
    : { uri: fileUri(location.path) };
  const r = location.region;
  const region = r
    ? {
        region: {
          startLine: r.startLine,
          ...(r.startColumn !== undefined ? { startColumn: r.startColumn } : {}),
          ...(r.endLine !== undefined ? { endLine: r.endLine } : {}),
          ...(r.endColumn !== undefined ? { endColumn: r.endColumn } : {}),
          ...(r.snippet !== undefined ? { snippet: text(r.snippet) } : {}),
        },
      }
    : {};
  const c = location.context;
  const contextRegion = c ? { contextRegion: { startLine: c.startLine, endLine: c.endLine, snippet: text(c.snippet) } } : {};
  return { physicalLocation: { artifactLocation, ...region, ...contextRegion } };
}

/** One SARIF 2.1.0 log with one run, as a plain object (JSON.stringify it). */
export function buildSarifLog(input: SarifLogInput): Record<string, unknown> {
  const ruleIndex = new Map(input.rules.map((rule, index) => [rule.id, index]));
  const rules = input.rules.map((rule) => {
    const properties: Record<string, unknown> = {};
    if (rule.tags?.length) properties.tags = [...rule.tags];
    if (rule.securitySeverity !== undefined) properties["security-severity"] = rule.securitySeverity;
    return {
      id: rule.id,
      name: rule.name,
      shortDescription: text(rule.shortDescription),
      fullDescription: text(rule.fullDescription),
      help: { text: rule.help.text, markdown: rule.help.markdown },
      ...(rule.helpUri !== undefined ? { helpUri: rule.helpUri } : {}),
      defaultConfiguration: { level: rule.level },
      ...(Object.keys(properties).length ? { properties } : {}),
    };
  });
  const results = input.results.map((result) => {
    const index = ruleIndex.get(result.ruleId);
    return {
      ruleId: result.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      ...(result.kind !== undefined ? { kind: result.kind } : {}),
      level: result.level,
      message: text(result.message),
      ...(result.location ? { locations: [buildLocation(result.location)] } : {}),
      ...(result.partialFingerprints ? { partialFingerprints: { ...result.partialFingerprints } } : {}),
      ...(result.suppressions?.length
        ? { suppressions: result.suppressions.map((s) => ({ kind: s.kind, status: "accepted", justification: s.justification })) }
        : {}),
      ...(result.properties && Object.keys(result.properties).length ? { properties: { ...result.properties } } : {}),
    };
  });
  const notifications = (input.notifications ?? []).map((n) => ({
    level: n.level,
    message: text(n.message),
    ...(n.location ? { locations: [buildLocation(n.location)] } : {}),
  }));
  const srcRoot = input.srcRoot !== undefined
    ? { uri: directoryFileUri(input.srcRoot), description: text("The repository root.") }
    : { description: text("The directory the scan started in.") };
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: input.tool.name, version: input.tool.version, informationUri: input.tool.informationUri, rules } },
        invocations: [
          {
            executionSuccessful: input.executionSuccessful,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        ...(input.automationId !== undefined ? { automationDetails: { id: input.automationId } } : {}),
        originalUriBaseIds: { [SRCROOT]: srcRoot },
        columnKind: "utf16CodeUnits",
        results,
        ...(input.properties && Object.keys(input.properties).length ? { properties: { ...input.properties } } : {}),
      },
    ],
  };
}

// ---------------------------------------------------------------------------
// The scan report

/** `finta-secret-key-live` → `FintaSecretKeyLive`. */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

/**
 * Descriptions and remediations are written as light Markdown already
 * (`inline code`, intraword underscores GFM leaves alone); only HTML is
 * neutralised, so a custom rule's text cannot inject markup into a dashboard.
 */
function markdownText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The SARIF rule for one of our rules (or a bare one for an id not in the rule set). */
export function sarifRuleFor(id: string, severity: Severity, rule: RuleSpec | undefined): SarifRuleInput {
  const description = rule?.description ?? id;
  const provider = rule?.provider;
  const remediation = rule?.remediation ?? "Revoke the credential, replace it with a new one kept outside the repository, and remove it from the code.";
  const docs = rule?.docsUrl;
  const tags = ["security", "secret", "external/cwe/cwe-798", ...(provider ? [provider.toLowerCase()] : []), ...(rule?.tags ?? [])];
  const securitySeverity = SECURITY_SEVERITY[severity];
  return {
    id,
    name: ruleName(id),
    shortDescription: description,
    fullDescription: `${description}${provider ? `, issued by ${provider}` : ""}. A credential in the repository can be read by everyone with access to it, its forks and its history; severity ${severity}.`,
    help: {
      text: `${remediation}${docs ? `\nSee ${docs}` : ""}`,
      markdown: `**${markdownText(description)}**\n\n${markdownText(remediation)}${docs ? `\n\nSee [${markdownText(provider ?? "the provider's documentation")}](${docs}).` : ""}`,
    },
    ...(docs ? { helpUri: docs } : {}),
    level: SEVERITY_LEVEL[severity],
    tags: [...new Set(tags)],
    ...(securitySeverity !== undefined ? { securitySeverity } : {}),
  };
}

const SUPPRESSION: Record<SuppressionKind, { kind: "inSource" | "external"; why: string }> = {
  inline: { kind: "inSource", why: "finta-guard:allow comment" },
  path: { kind: "external", why: "allowlisted path" },
  regex: { kind: "external", why: "allowlisted regex" },
  stopword: { kind: "external", why: "allowlisted stopword" },
  baseline: { kind: "external", why: "listed in the baseline" },
};

function suppressionFor(s: Suppressed): SarifSuppressionInput {
  const { kind, why } = SUPPRESSION[s.kind];
  // An inline allow's `by` may be the source line itself (which holds the
  // secret): name the mechanism only. The others name configuration values.
  return { kind, justification: s.kind === "inline" ? why : `${why}: ${s.by}` };
}

function locationOf(file: string, context: ReportContext): Pick<SarifLocationInput, "path" | "relative"> {
  const relative = repoRelativePath(file, context.srcRoot, context.baseDir);
  return relative !== undefined ? { path: relative, relative: true } : { path: file, relative: false };
}

function findingResult(f: Finding, context: ReportContext, suppressed?: Suppressed): SarifResultInput {
  const rule = context.rules.get(f.ruleId);
  const encoded = f.encoding ? ` (inside a ${f.encoding}-encoded string)` : "";
  const commit = f.commit ? ` Introduced in commit ${f.commit}.` : "";
  const verified = f.verification ? ` Verified: ${verificationText(f.verification)}.` : "";
  const example = f.publicExample ? ` ${describePublicExample(f.publicExample)}.` : "";
  return {
    ruleId: f.ruleId,
    level: SEVERITY_LEVEL[f.severity],
    message: `${rule?.description ?? f.ruleId}: ${f.secret}${encoded}.${example}${commit}${verified}`,
    location: {
      ...locationOf(f.file, context),
      region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn, snippet: f.secret },
      context: { startLine: f.line, endLine: f.line, snippet: f.lineText },
    },
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(suppressed ? { suppressions: [suppressionFor(suppressed)] } : {}),
    properties: {
      severity: f.severity,
      ...(f.encoding !== undefined ? { encoding: f.encoding } : {}),
      ...(f.publicExample !== undefined ? { publicExample: { name: f.publicExample.name, source: f.publicExample.source } } : {}),
      ...(f.commit !== undefined ? { commit: f.commit } : {}),
      ...(f.blocking !== undefined ? { blocking: f.blocking } : {}),
      ...verificationField(f),
    },
  };
}

function errorNotification(error: ScanError, context: ReportContext): SarifNotificationInput {
  return { level: "error", message: `${error.file}: ${error.message}`, location: locationOf(error.file, context) };
}

export const formatSarif: Reporter = (result, context) => {
  const all = [...result.findings, ...result.suppressed.map((s) => s.finding)];
  const severityOf = new Map<string, Severity>();
  for (const f of all) if (!severityOf.has(f.ruleId)) severityOf.set(f.ruleId, context.rules.get(f.ruleId)?.severity ?? f.severity);
  const rules = [...severityOf.keys()].sort().map((id) => sarifRuleFor(id, severityOf.get(id)!, context.rules.get(id)));
  const log = buildSarifLog({
    tool: { name: context.toolName, version: context.toolVersion, informationUri: TOOL_INFORMATION_URI },
    rules,
    results: [...result.findings.map((f) => findingResult(f, context)), ...result.suppressed.map((s) => findingResult(s.finding, context, s))],
    ...(context.srcRoot !== undefined ? { srcRoot: context.srcRoot } : {}),
    executionSuccessful: result.errors.length === 0,
    notifications: result.errors.map((e) => errorNotification(e, context)),
    automationId: `${context.toolName}/${context.mode}/`,
    properties: {
      mode: context.mode,
      files: result.stats.files,
      bytes: result.stats.bytes,
      binarySkipped: result.stats.binarySkipped,
      durationMs: result.stats.durationMs,
      ...(context.suppressionSources && !isEmpty(context.suppressionSources) ? { suppressionSources: suppressionSourcesRecord(context.suppressionSources) } : {}),
    },
  });
  return JSON.stringify(log, null, 2) + "\n";
};
