/**
 * The built-in rule registry: every rule finta-guard ships, as data. Order
 * matters only to break ties between equally specific rules (earlier wins).
 */
import { fintaRules } from "./finta.js";
import { cloudRules } from "./catalogue/cloud/index.js";
import { genericRules } from "./catalogue/generic.js";
import { keysAndTokensRules } from "./catalogue/keys-and-tokens.js";
import { sourceHostingRules } from "./catalogue/source-hosting.js";
import { paymentsRules } from "./catalogue/payments.js";
import { messagingRules } from "./catalogue/messaging.js";
import { aiRules } from "./catalogue/ai.js";
import { observabilityRules } from "./catalogue/observability.js";
import { saasRules } from "./catalogue/saas/index.js";
import { registriesRules } from "./catalogue/registries.js";
import { pastedRules } from "./catalogue/pasted.js";
import type { RuleSpec } from "./types.js";

export const builtinRules: readonly RuleSpec[] = [
  ...fintaRules,
  ...cloudRules,
  ...sourceHostingRules,
  ...keysAndTokensRules,
  ...paymentsRules,
  ...messagingRules,
  ...aiRules,
  ...observabilityRules,
  ...saasRules,
  ...registriesRules,
  ...pastedRules,
  ...genericRules,
];

export type { RuleSpec } from "./types.js";
