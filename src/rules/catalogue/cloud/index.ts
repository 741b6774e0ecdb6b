/**
 * Cloud and platform credentials, one file per provider family, in the order
 * the registry lists them (order breaks ties between equally specific rules).
 *
 * Shapes follow the vendors' documented formats, cross-checked against the
 * gitleaks and betterleaks rule sets. Vendor-prefixed tokens are specific
 * (80); values recognisable only by a variable that names the vendor are
 * contextual (40–60) and carry an entropy floor, since the name alone proves
 * little.
 */
import type { RuleSpec } from "../../types.js";
import { awsRules } from "./aws.js";
import { googleCloudRules } from "./google.js";
import { azureRules } from "./azure.js";
import { otherCloudRules } from "./other-clouds.js";
import { hostingRules } from "./hosting.js";
import { identityRules } from "./identity.js";
import { dataPlatformRules } from "./data.js";

export const cloudRules: readonly RuleSpec[] = [
  ...awsRules,
  ...googleCloudRules,
  ...azureRules,
  ...otherCloudRules,
  ...hostingRules,
  ...identityRules,
  ...dataPlatformRules,
];
