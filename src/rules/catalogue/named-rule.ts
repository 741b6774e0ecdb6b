/**
 * Builds the catalogue's contextual rules: a credential with no vendor prefix
 * (a bare hex key, a 40-character token) that is only reported when a
 * variable, key or element naming the provider holds it. Every such rule has
 * the same shape (specificity 40, an entropy floor, examples of a literal
 * value, a reference and the same value under an unrelated name), so it is
 * written once here and the catalogue files list only what differs.
 */
import { withSecret } from "../examples.js";
import type { RuleSpec, Severity } from "../types.js";
import { assigned } from "./regex-parts.js";

export interface NamedSpec {
  readonly id: string;
  readonly provider: string;
  /** What the value is, e.g. "API key (32 hex)"; the description adds the context. */
  readonly what: string;
  /** Regex sources of the names (use `ci()`), e.g. [ci("datadog")]. */
  readonly names: readonly string[];
  /** Lower-case literals, one of which occurs in every match (the names). */
  readonly keywords: readonly string[];
  /** The value's shape, without anchors. */
  readonly body: string;
  readonly entropy: number;
  /** Entropy floor for all-hex values (a hex alphabet carries at most 4 bits). */
  readonly entropyHex?: number;
  /** A generated example value and the variable name the positive example uses. */
  readonly example: string;
  readonly exampleName: string;
  readonly remediation: string;
  readonly docsUrl: string;
  readonly severity?: Severity;
  /** The whole regex, when `assigned(names, body)` is not the fastest way to say it (`assignedWord`). */
  readonly regex?: string;
}

export function named(spec: NamedSpec): RuleSpec {
  return {
    id: spec.id,
    description: `${spec.provider} ${spec.what} next to a ${spec.provider} name`,
    provider: spec.provider,
    severity: spec.severity ?? "high",
    keywords: spec.keywords,
    regex: spec.regex ?? assigned(spec.names, spec.body),
    entropy: spec.entropy,
    ...(spec.entropyHex === undefined ? {} : { entropyHex: spec.entropyHex }),
    // Below every vendor-prefixed rule: the name alone proves little.
    specificity: 40,
    remediation: spec.remediation,
    docsUrl: spec.docsUrl,
    examples: {
      positive: [withSecret(`${spec.exampleName} = "`, spec.example, '"')],
      negative: [`${spec.exampleName} = "\${${spec.exampleName.toUpperCase()}}"`, `unrelated_value = "${spec.example}"`],
    },
  };
}
