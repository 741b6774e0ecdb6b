/**
 * The built-in rule registry: every rule finta-guard ships, as data. Order
 * matters only to break ties between equally specific rules (earlier wins).
 */
import { fintaRules } from "./finta.js";
import type { RuleSpec } from "./types.js";

export const builtinRules: readonly RuleSpec[] = [
  ...fintaRules,
];

export type { RuleSpec } from "./types.js";
