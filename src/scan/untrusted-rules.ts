/**
 * Which rules of a set are untrusted: those whose regex does not come from
 * the built-in catalogue (custom rules from a configuration file, or a
 * built-in id given another pattern). Built-in patterns are reviewed and
 * bounded; a user's may backtrack catastrophically, so code that runs rules
 * outside a scan's deadline (scan/deadline.ts) leaves these out.
 */
import { builtinRules } from "../rules/index.js";
import type { RuleSpec } from "../rules/types.js";

const builtin = new Map(builtinRules.map((r) => [r.id, r] as const));

export function untrustedRuleIds(rules: readonly RuleSpec[]): string[] {
  return rules
    .filter((r) => {
      const known = builtin.get(r.id);
      return !known || known.regex !== r.regex || (known.flags ?? "") !== (r.flags ?? "");
    })
    .map((r) => r.id);
}
