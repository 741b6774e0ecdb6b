/**
 * RuleSpec (data) → CompiledRule. The only place that builds rule RegExps:
 * once per thread, never per file or per chunk.
 */
import { FintaGuardError } from "../errors.js";
import type { RuleSpec, Severity } from "../rules/types.js";
import type { CompiledRule } from "./types.js";
import { DEFAULT_REACH } from "./regions.js";

/** No match may be longer than this; rules keep their quantifiers bounded (see scan/stream-scanner.ts). */
export const MAX_MATCH_CHARS = 16384;

/** Default specificity: a rule with a vendor prefix beats a keyword + entropy rule. */
export const DEFAULT_SPECIFICITY = 50;

const ALLOWED_FLAGS = /^[imsuv]*$/;

function buildRegex(ruleId: string, what: string, source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new FintaGuardError("config", `rule ${ruleId}: ${what}: ${(error as Error).message}`, { cause: error });
  }
}

export function compileRule(spec: RuleSpec, severityOf: (ruleId: string) => Severity | undefined = () => undefined): CompiledRule {
  const extra = spec.flags ?? "";
  if (!ALLOWED_FLAGS.test(extra)) {
    throw new FintaGuardError("config", `rule ${spec.id}: flags: only i, m, s, u, v are allowed, got "${extra}"`);
  }
  const regex = buildRegex(spec.id, "regex", spec.regex, "gd" + extra);
  const hasNamed = /\(\?<secret>/.test(spec.regex);
  const secretGroup: number | string = spec.secretGroup ?? (hasNamed ? "secret" : 0);
  const allowTarget = spec.allowlist?.regexTarget ?? "secret";
  return {
    spec,
    id: spec.id,
    severity: spec.severity,
    keywords: spec.keywords.map((k) => k.toLowerCase()),
    regex,
    secretGroup,
    specificity: spec.specificity ?? DEFAULT_SPECIFICITY,
    reach: spec.reach ?? (spec.multiline ? MAX_MATCH_CHARS : DEFAULT_REACH),
    allowRegexes: (spec.allowlist?.regexes ?? []).map((r, i) =>
      buildRegex(spec.id, `allowlist.regexes[${i}]`, r, (extra.includes("u") || extra.includes("v")) ? "u" : ""),
    ),
    allowTarget,
    stopwords: (spec.allowlist?.stopwords ?? []).map((s) => s.toLowerCase()),
    promote: (spec.promote ?? []).map((p, i) => ({
      to: p.to,
      severity: severityOf(p.to) ?? spec.severity,
      key: p.key === undefined ? undefined : buildRegex(spec.id, `promote[${i}].key`, p.key, "i"),
      parentKey: p.parentKey?.toLowerCase(),
    })),
    requires: spec.requires
      ? { near: buildRegex(spec.id, "requires.near", spec.requires.near, "i"), lines: spec.requires.lines ?? 0 }
      : undefined,
  };
}

/** Compile a rule set; promotion targets take their severity from the set. */
export function compileRules(specs: readonly RuleSpec[]): CompiledRule[] {
  const severities = new Map(specs.map((s) => [s.id, s.severity] as const));
  return specs.map((spec) => compileRule(spec, (id) => severities.get(id)));
}
