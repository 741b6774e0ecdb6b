#!/usr/bin/env node
// Compares two builds of finta-guard: the same rules and the same findings.
//
// Why: restructuring the rule catalogue (moving rules between files,
// rewriting how their regexes are assembled) must not change what is
// detected. This script is the evidence: it loads the built-in rules of
// both builds and compares them field by field (everything but the
// examples, which are test data), then scans the given folders with each
// build's program and compares the JSON findings.
//
// Usage:
//   node scripts/compare-findings.mjs --before DIST_A --after DIST_B [--cwd DIR] [--rule-changed ID,...] FOLDER...
//
// DIST_A and DIST_B are `dist/` folders (e.g. a copy of `dist/` built from
// the base commit, and this checkout's `dist/`). Folders are scanned with
// `scan FOLDER --no-ignore --format json` from --cwd (default: the current
// directory), so file paths in the findings are the same for both builds.
// --rule-changed lists rules whose data is meant to differ (a deliberate fix
// in the same change); any other rule that differs is a difference.
// Exit 0 when rules and findings are identical, 1 when they differ, 2 on bad
// usage.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

function fail(what, why) {
  process.stderr.write(`compare-findings: ${what}: ${why}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      before: { type: "string" },
      after: { type: "string" },
      cwd: { type: "string" },
      "rule-changed": { type: "string" },
      help: { type: "boolean" },
    },
  });
} catch (err) {
  fail("arguments", err.message);
}
const { values, positionals } = parsed;
if (values.help || !values.before || !values.after || positionals.length === 0) {
  process.stdout.write("usage: node scripts/compare-findings.mjs --before DIST_A --after DIST_B [--cwd DIR] [--rule-changed ID,...] FOLDER...\n");
  process.exit(values.help ? 0 : 2);
}
const builds = { before: resolve(values.before), after: resolve(values.after) };
const cwd = resolve(values.cwd ?? ".");
const meantToChange = new Set((values["rule-changed"] ?? "").split(",").filter((id) => id !== ""));

/** The built-in rules of one build, without their examples, keyed by id. */
async function rulesOf(dist) {
  const { builtinRules } = await import(pathToFileURL(join(dist, "rules", "index.js")).href);
  return builtinRules.map(({ examples: _examples, ...rule }) => rule);
}

/** Runs one build's program over `folder`; returns its findings, sorted. */
function findingsOf(dist, folder, scratch, label) {
  const out = join(scratch, `${label}.json`);
  const run = spawnSync(process.execPath, [join(dist, "cli", "main.js"), "scan", folder, "--no-ignore", "--format", "json", "-o", out], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  // 0: no findings, 1: findings; anything else is an error of the run itself.
  if (run.status !== 0 && run.status !== 1) fail(`${label} scan of ${folder}`, (run.stderr || `exit ${run.status}`).trim());
  const report = JSON.parse(readFileSync(out, "utf8"));
  const key = (f) => `${f.file}\u0000${String(f.line).padStart(9, "0")}\u0000${String(f.column).padStart(9, "0")}\u0000${f.ruleId}`;
  return report.findings.map((f) => ({ key: key(f), json: JSON.stringify(f) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

let differences = 0;

const [rulesBefore, rulesAfter] = await Promise.all([rulesOf(builds.before), rulesOf(builds.after)]);
const byId = (rules) => new Map(rules.map((r) => [r.id, JSON.stringify(r)]));
const [mapBefore, mapAfter] = [byId(rulesBefore), byId(rulesAfter)];
const orderSame = rulesBefore.map((r) => r.id).join("\n") === rulesAfter.map((r) => r.id).join("\n");
const changedRules = [...new Set([...mapBefore.keys(), ...mapAfter.keys()])].filter((id) => mapBefore.get(id) !== mapAfter.get(id));
const unexpected = changedRules.filter((id) => !meantToChange.has(id));
process.stdout.write(
  `rules: ${rulesBefore.length} before, ${rulesAfter.length} after, ${changedRules.length} differ` +
    `${changedRules.length > unexpected.length ? ` (${changedRules.length - unexpected.length} as listed by --rule-changed)` : ""}, order ${orderSame ? "same" : "DIFFERS"}\n`,
);
for (const id of changedRules.slice(0, 20)) process.stdout.write(`  rule differs: ${id}${meantToChange.has(id) ? " (listed)" : ""}\n`);
differences += unexpected.length + (orderSame ? 0 : 1);

const scratch = mkdtempSync(join(tmpdir(), "compare-findings-"));
try {
  for (const folder of positionals) {
    const before = findingsOf(builds.before, folder, scratch, "before");
    const after = findingsOf(builds.after, folder, scratch, "after");
    const afterSet = new Set(after.map((f) => f.json));
    const beforeSet = new Set(before.map((f) => f.json));
    const lost = before.filter((f) => !afterSet.has(f.json));
    const gained = after.filter((f) => !beforeSet.has(f.json));
    const identical = lost.length === 0 && gained.length === 0 && before.length === after.length;
    process.stdout.write(`${folder}: ${before.length} findings before, ${after.length} after, ${identical ? "identical" : `${lost.length} lost, ${gained.length} new`}\n`);
    for (const f of lost.slice(0, 10)) process.stdout.write(`  - ${f.json}\n`);
    for (const f of gained.slice(0, 10)) process.stdout.write(`  + ${f.json}\n`);
    if (!identical) differences++;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

process.stdout.write(differences === 0 ? `same ${meantToChange.size > 0 ? "rules (but the listed ones)" : "rules"}, same findings\n` : "DIFFERENT\n");
process.exit(differences === 0 ? 0 : 1);
