/**
 * RuleSpec (data) → CompiledRule. The only place that builds rule RegExps:
 * once per thread, never per file or per chunk.
 */
import { FintaGuardError } from "../errors.js";
import type { RegionShape, RuleSpec, Severity } from "../rules/types.js";
import type { CompiledRule } from "./types.js";
import { DEFAULT_REACH } from "./regions.js";
import { matchBound, usesLineAnchors } from "./match-bound.js";

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

/**
 * How far around a keyword the rule runs: the rule's own `reach`, else the
 * most its regex can read (match-bound.ts) when that is shorter than the
 * default and every match holds a keyword. Most rules read a few hundred
 * characters, so their regions shrink to a fraction of the default's 2 KiB
 * either side. A spec that carries both `reach` and `wholeLines` (the built-in
 * rules in the bundle) is taken as it is.
 */
export function regionShape(spec: RuleSpec): RegionShape {
  if (spec.regionShape) return spec.regionShape;
  const cached = shapes.get(spec);
  if (cached) return cached;
  const flags = spec.flags ?? "";
  const fallback = spec.multiline ? MAX_MATCH_CHARS : DEFAULT_REACH;
  const proven = matchBound(spec.regex, spec.keywords, flags);
  // A bound helps only when every match holds a keyword: context keywords (a vendor name nearby) keep the default.
  const bound = proven?.keywordInside ? proven.bound : undefined;
  const reach = spec.reach ?? (bound === undefined ? fallback : Math.min(bound, fallback));
  // Only a proven bound makes the region exact without line widening.
  const exact = bound !== undefined && bound <= reach;
  const lineAnchored = usesLineAnchors(spec.regex, flags);
  const lead = exact && proven?.lead !== undefined && proven.lead <= MAX_LEAD ? proven.lead : undefined;
  const shape: RegionShape = { reach, wholeLines: !exact || lineAnchored, ...(lead !== undefined ? { lead } : {}) };
  shapes.set(spec, shape);
  return shape;
}

/**
 * Past this lead, trying the sticky regex at every position before a keyword
 * costs more than scanning the region once.
 */
const MAX_LEAD = 64;

/** Analyses already made, per spec object (engines are compiled per test, per worker, per restricted rule set). */
const shapes = new WeakMap<RuleSpec, RegionShape>();

function compiledShape(spec: RuleSpec, extra: string): Pick<CompiledRule, "reach" | "wholeLines" | "anchored"> {
  const { reach, wholeLines, lead } = regionShape(spec);
  // On a region widened to whole lines `^` and `$` meet at line ends; anchored
  // attempts read the whole text, where the `m` flag gives them that meaning.
  const lines = wholeLines && usesLineAnchors(spec.regex, extra) && !extra.includes("m") ? "m" : "";
  const anchored = lead !== undefined ? { regex: buildRegex(spec.id, "regex", spec.regex, "gdy" + extra + lines), lead } : undefined;
  return { reach, wholeLines, anchored };
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
    ...compiledShape(spec, extra),
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
