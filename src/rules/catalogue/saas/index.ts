/**
 * SaaS, productivity, social and developer-tooling APIs, one file per family,
 * in the order the registry lists them (order breaks ties between equally
 * specific rules). Cloud, hosting and identity platforms live in ../cloud/;
 * source hosting and CI in ../source-hosting.ts.
 */
import type { RuleSpec } from "../../types.js";
import { productivityRules } from "./productivity.js";
import { socialRules } from "./social.js";
import { developerToolRules } from "./developer-tools.js";
import { dataAndNetworkRules } from "./data-and-network.js";

export const saasRules: readonly RuleSpec[] = [
  ...productivityRules,
  ...socialRules,
  ...developerToolRules,
  ...dataAndNetworkRules,
];
