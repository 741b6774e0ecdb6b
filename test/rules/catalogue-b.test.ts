/**
 * Part B of the rule catalogue (payments, messaging, AI, observability, SaaS,
 * package registries): every rule's own examples run through the real engine
 * with the whole built-in rule set, so overlaps with other rules are exercised.
 *
 * The expected position never comes from the rule under test: it is the span
 * recorded by `withSecret()` when the example was built, or else (the
 * convention the catalogue follows) the longest token of the example, tokens
 * being split at whitespace, quotes, backticks, `=`, `;`, `,`, `<`, `>`, `(`
 * and `)`. Each positive must give exactly one finding, under the
 * rule's id, spanning exactly that token.
 */
import { describe, expect, it } from "vitest";
import { DetectionEngine } from "../../src/detect/engine.js";
import { secretSpanOf } from "../../src/rules/examples.js";
import { aiRules } from "../../src/rules/catalogue/ai.js";
import { messagingRules } from "../../src/rules/catalogue/messaging.js";
import { observabilityRules } from "../../src/rules/catalogue/observability.js";
import { paymentsRules } from "../../src/rules/catalogue/payments.js";
import { registriesRules } from "../../src/rules/catalogue/registries.js";
import { saasRules } from "../../src/rules/catalogue/saas/index.js";
import { builtinRules } from "../../src/rules/index.js";
import type { RuleSpec } from "../../src/rules/types.js";
import { scanString } from "../../src/scan/stream-scanner.js";

const groups: Record<string, readonly RuleSpec[]> = {
  payments: paymentsRules,
  messaging: messagingRules,
  ai: aiRules,
  observability: observabilityRules,
  saas: saasRules,
  registries: registriesRules,
};
const mine = Object.values(groups).flat();
const engine = DetectionEngine.fromSpecs(builtinRules);

interface Located {
  readonly ruleId: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** 1-based line/column of offset `at` in `text`. */
function position(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  return { line, column: at - (before.lastIndexOf("\n") + 1) + 1 };
}

/** Where the example's secret is: the span `withSecret` recorded, else the longest token. */
function expectedSpan(ruleId: string, text: string): Located {
  let best = secretSpanOf(text) ?? { start: 0, end: 0 };
  if (best.end === 0) {
    for (const m of text.matchAll(/[^\s"'`=;,<>()]+/g)) {
      if (m[0].length > best.end - best.start) best = { start: m.index, end: m.index + m[0].length };
    }
  }
  const from = position(text, best.start);
  const to = position(text, best.end);
  return { ruleId, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

function located(text: string): Located[] {
  return scanString(engine, text).map((f) => ({
    ruleId: f.ruleId,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
  }));
}

describe("catalogue part B", () => {
  it("registers every rule of part B in the built-in set, once", () => {
    const ids = builtinRules.map((r) => r.id);
    expect(mine.filter((r) => ids.filter((id) => id === r.id).length !== 1).map((r) => r.id)).toEqual([]);
  });

  it("gives every rule examples of both kinds, keywords, remediation and a provider", () => {
    const incomplete = mine
      .filter(
        (r) =>
          !r.examples?.positive.length ||
          !r.examples.negative.length ||
          r.keywords.length === 0 ||
          // The keyword filter only looks for lower-case literals of three or more characters.
          r.keywords.some((k) => k !== k.toLowerCase() || k.length < 3) ||
          !r.remediation ||
          !r.provider,
      )
      .map((r) => r.id);
    expect(incomplete).toEqual([]);
  });

  it("keeps every quantifier bounded", () => {
    // An unbounded `+`/`*` (not escaped, not inside a class) could run a match past 16 KiB.
    const unbounded = mine.filter((r) => /(?<!\\)[+*](?![^[]*\])/.test(r.regex.replace(/\\\\/g, ""))).map((r) => r.id);
    expect(unbounded).toEqual([]);
  });

  for (const [group, rules] of Object.entries(groups)) {
    describe(group, () => {
      const positives = rules.flatMap((r) => (r.examples?.positive ?? []).map((text, i) => [r.id, i, text] as const));
      const negatives = rules.flatMap((r) => (r.examples?.negative ?? []).map((text, i) => [r.id, i, text] as const));

      it.each(positives)("%s positive #%i is one finding at the secret", (ruleId, _i, text) => {
        expect(located(text)).toEqual([expectedSpan(ruleId, text)]);
      });

      it.each(negatives)("%s negative #%i is silent", (_ruleId, _i, text) => {
        expect(located(text)).toEqual([]);
      });
    });
  }
});
