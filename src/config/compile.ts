/**
 * Validated configuration → what a scan runs with: the rule set (built-ins,
 * minus `disable`, with `override` applied, plus custom rules, a custom rule
 * replacing a built-in one of the same id) and the allowlists the filters
 * apply. Per-rule allowlists from the configuration are applied by the
 * filters, not the engine, so that what they suppress is counted and shown.
 */
import type { RuleSpec } from "../rules/types.js";
import type { RawAllowlist, RawConfig, RawRule } from "./types.js";

/** Default per-file scan time limit (per MiB) when custom rules are in force. */
export const DEFAULT_SCAN_TIMEOUT_MS = 5000;

export interface CompiledConfig {
  readonly rules: readonly RuleSpec[];
  readonly globalAllowlist?: RawAllowlist;
  /** Rule id → allowlists from the configuration (a custom rule's own and its `override`). */
  readonly ruleAllowlists: ReadonlyMap<string, readonly RawAllowlist[]>;
  /** Ids of rules whose regexes come from the configuration: untrusted, run under a time limit. */
  readonly customRuleIds: ReadonlySet<string>;
  readonly scanTimeoutMs: number;
}

const DEFAULT_REMEDIATION = "Remove the secret from the file and rotate it with its issuer; keep it in a secret store or an environment variable.";

export function customRuleSpec(rule: RawRule): RuleSpec {
  return {
    id: rule.id,
    description: rule.description ?? `Custom rule ${rule.id}`,
    severity: rule.severity,
    keywords: (rule.keywords ?? []).map((k) => k.toLowerCase()),
    regex: rule.regex,
    ...(rule.flags !== undefined ? { flags: rule.flags } : {}),
    ...(rule.secretGroup !== undefined ? { secretGroup: rule.secretGroup } : {}),
    ...(rule.entropy !== undefined ? { entropy: rule.entropy } : {}),
    ...(rule.multiline !== undefined ? { multiline: rule.multiline } : {}),
    remediation: rule.remediation ?? DEFAULT_REMEDIATION,
    tags: ["custom"],
  };
}

export function compileConfig(raw: RawConfig, builtins: readonly RuleSpec[]): CompiledConfig {
  const disabled = new Set(raw.disable ?? []);
  const custom = new Map((raw.rules ?? []).map((r) => [r.id, r] as const));
  const allowlists = new Map<string, RawAllowlist[]>();
  const addAllowlist = (id: string, list: RawAllowlist | undefined) => {
    if (list) allowlists.set(id, [...(allowlists.get(id) ?? []), list]);
  };

  const merged: RuleSpec[] = builtins.filter((b) => !custom.has(b.id));
  for (const rule of custom.values()) {
    merged.push(customRuleSpec(rule));
    addAllowlist(rule.id, rule.allowlist);
  }

  const rules = merged
    .filter((spec) => !disabled.has(spec.id))
    .map((spec): RuleSpec => {
      // Own keys only: a rule id such as "constructor" is not Object.prototype's.
      const o = raw.override !== undefined && Object.hasOwn(raw.override, spec.id) ? raw.override[spec.id] : undefined;
      addAllowlist(spec.id, o?.allowlist);
      // A disabled rule is not reported under another rule's promotion either.
      const promote = spec.promote?.filter((p) => !disabled.has(p.to));
      return {
        ...spec,
        ...(o?.severity !== undefined ? { severity: o.severity } : {}),
        ...(o?.entropy !== undefined ? { entropy: o.entropy } : {}),
        ...(o?.entropyHex !== undefined ? { entropyHex: o.entropyHex } : {}),
        ...(promote !== undefined ? { promote } : {}),
      };
    });

  return {
    rules,
    ...(raw.allowlist ? { globalAllowlist: raw.allowlist } : {}),
    ruleAllowlists: allowlists,
    customRuleIds: new Set(custom.keys()),
    scanTimeoutMs: raw.scanTimeoutMs ?? DEFAULT_SCAN_TIMEOUT_MS,
  };
}
