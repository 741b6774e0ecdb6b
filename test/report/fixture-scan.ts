/**
 * The fixed tree the report goldens are made from, scanned for real at test
 * time (secrets built from parts, never committed), with what varies between
 * machines pinned: the duration, and the repository root (`/repo`).
 *
 * It exercises every report feature: each severity class (critical/high →
 * error, medium → warning, info → note, through a configuration-style
 * override and a custom rule, as spec/cli.md's configuration example has),
 * suppressions of both SARIF kinds, a path that needs escaping (`,` `%` and
 * a space), and an unreadable file.
 */
import type { FindingFilter } from "../../src/filter/types.js";
import type { ScanResult } from "../../src/findings/types.js";
import type { ReportContext } from "../../src/report/types.js";
import { builtinRules } from "../../src/rules/index.js";
import { LOWER_ALNUM } from "../../src/rules/examples.js";
import type { RuleSpec } from "../../src/rules/types.js";
import { scanTargets } from "../../src/scan/scan-targets.js";
import { listTreeTargets } from "../../src/sources/tree.js";
import { fake, fakeBody } from "../helpers/fake-secrets.js";
import { makeTempTree } from "../helpers/temp-tree.js";

/** A custom rule of the kind a configuration adds (spec/cli.md "rules"). */
export const acmeRule: RuleSpec = {
  id: "acme-token",
  description: "ACME deploy token",
  severity: "info",
  keywords: ["acme_"],
  regex: "acme_[a-z0-9]{20}(?![a-z0-9])",
  remediation: "Rotate the token in the ACME console and read it from the environment.",
};

/** Built-in rules, with `finta-secret-key-test` overridden to medium (as `override` in a configuration does). */
export const fixtureRules: readonly RuleSpec[] = [
  ...builtinRules.map((r) => (r.id === "finta-secret-key-test" ? { ...r, severity: "medium" as const } : r)),
  acmeRule,
];

export const fixtureFiles = (): Record<string, string> => ({
  "src/config.ts": `export const config = {\n  region: "eu",\n  secretKey: "${fake.liveKey(101)}",\n};\n`,
  "deploy/.env": `FINTA_WEBHOOK_SECRET=${fake.webhookSecret(102)}\r\nFINTA_SECRET_KEY=${fake.testKey(103)}\r\n`,
  "docs/notes, 100%.md": `# Notes\n\nDeploy: acme_${fakeBody(20, LOWER_ALNUM, 104, "acme")}: see the wiki\n`,
  "fixtures/allowed.ts": `const sample = "${fake.liveKey(105)}"; // finta-guard:allow\n`,
  "legacy/old.env": `FINTA_SECRET_KEY=${fake.liveKey(106)}\n`,
  "README.md": "Nothing to see here.\n",
});

/** Stands in for the configured filters: an inline allow and a baseline entry. */
export const fixtureFilter: FindingFilter = {
  check(finding) {
    if (finding.file.startsWith("fixtures/")) return { kind: "inline", by: "finta-guard:allow on line 1" };
    if (finding.file.startsWith("legacy/")) return { kind: "baseline", by: finding.fingerprint };
    return undefined;
  },
};

export const FIXED_DURATION_MS = 42;
export const FIXED_ROOT = "/repo";

export function fixtureContext(overrides: Partial<ReportContext> = {}): ReportContext {
  return {
    toolName: "finta-guard",
    toolVersion: "1.2.3",
    rules: new Map(fixtureRules.map((r) => [r.id, r])),
    failOn: "low",
    mode: "tree",
    color: false,
    srcRoot: FIXED_ROOT,
    baseDir: FIXED_ROOT,
    ...overrides,
  };
}

/** Scan a tree of `files` (default: the fixture) and pin what varies. */
export async function scanFixture(files: Record<string, string> = fixtureFiles(), extraErrors: ScanResult["errors"] = []): Promise<ScanResult> {
  const tree = makeTempTree(files);
  try {
    const listing = listTreeTargets(["."], { cwd: tree.root, noIgnore: false });
    const scanned = await scanTargets(listing.targets, { rules: fixtureRules, jobs: 1, filter: fixtureFilter });
    return {
      ...scanned,
      stats: { ...scanned.stats, durationMs: FIXED_DURATION_MS },
      errors: [...listing.errors, ...scanned.errors, ...extraErrors],
    };
  } finally {
    tree.cleanup();
  }
}
