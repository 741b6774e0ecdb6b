#!/usr/bin/env node
// `npm run bench`: finta-guard's speed and memory figures, each beside a
// reference measured in the same run on the same machine (the machine is
// shared and noisy, so medians of several interleaved runs, and ratios).
//
//   node bench/run.mjs [--quick] [--size MB] [--runs N] [--only LIST] [--big] [--compare DIR]
//
// Plain Node ESM on purpose: it needs nothing but `npm run build` (for
// dist/cli/main.js). The corpus lives in bench/.corpus/, scratch repositories
// and tool outputs in bench/.work/ (both git-ignored); results are printed as
// a table and written to bench/.work/results.json (with --only, merged into
// the sections already there).
import { cpus, totalmem } from "node:os";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureCorpus, smallSourceFiles } from "./lib/corpus.mjs";
import { hasCli, ruleKeywords } from "./lib/finta-guard.mjs";
import { printReport } from "./lib/report.mjs";
import { ensureRipgrep, ensureSecretlint, grepPath } from "./lib/tools.mjs";
import { baselineScenario } from "./lib/scenarios/baseline.mjs";
import { bigFileScenario } from "./lib/scenarios/big-file.mjs";
import { historyScenario, stagedScenario } from "./lib/scenarios/git-scans.mjs";
import { memoryScenario } from "./lib/scenarios/memory.mjs";
import { treeScenario } from "./lib/scenarios/tree.mjs";
import { adversarialScenario } from "./lib/scenarios/adversarial.mjs";
import { versionScenario } from "./lib/scenarios/version.mjs";

const SECTIONS = ["tree", "bigfile", "version", "staged", "history", "baseline", "adversarial", "memory"];
const USAGE = `usage: node bench/run.mjs [options]
  --quick        small corpus (~40 MB) and fewer commits: a smoke run
  --size MB      corpus size in MB (default 400, or 40 with --quick)
  --runs N       timed runs per command; medians are reported (default 5, 3 with --quick)
  --only LIST    comma-separated sections: ${SECTIONS.join(",")}
  --big          also run the memory section (a 1 GiB single-line file; slow, needs 1 GiB of disk)
  --adversarial-mb N  size of each crafted file of the adversarial section (default 10, or 2 with --quick)
  --secretlint-runs N   timed secretlint runs (default 1, or min(runs, 3) with --quick: it is slow)
  --secretlint-timeout S  kill a secretlint run after S seconds and report "> S" (default 600)
  --compare DIR  tree section: also time another finta-guard build (DIR/dist/cli/main.js, e.g. a
                 checkout of the previous version) in the same interleaved runs, with its noise figure
  -h, --help     this text`;

function options() {
  let v;
  try {
    ({ values: v } = parseArgs({
      options: {
        quick: { type: "boolean" }, size: { type: "string" }, runs: { type: "string" }, only: { type: "string" },
        big: { type: "boolean" }, "adversarial-mb": { type: "string" }, "secretlint-runs": { type: "string" }, "secretlint-timeout": { type: "string" }, compare: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    fail(e.message.split("\n")[0]);
  }
  if (v.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name, value, def) => {
    if (value === undefined) return def;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a positive integer, got "${value}"`);
    return n;
  };
  const quick = Boolean(v.quick);
  const compare = v.compare === undefined ? null : resolve(v.compare);
  if (compare !== null && !existsSync(join(compare, "dist", "cli", "main.js"))) fail(`--compare: no dist/cli/main.js under "${v.compare}" (build that checkout first)`);
  const runs = int("runs", v.runs, quick ? 3 : 5);
  const only = v.only ? v.only.split(",").map((s) => s.trim()).filter(Boolean) : null;
  for (const s of only ?? []) if (!SECTIONS.includes(s)) fail(`--only: unknown section "${s}" (expected ${SECTIONS.join(", ")})`);
  const sections = only ?? SECTIONS.filter((s) => s !== "memory" || v.big);
  if (only?.includes("memory") && !v.big) console.error("note: --only memory runs the 1 GiB memory test (same as --big)");
  return {
    quick, runs, sections, only: Boolean(only), compare,
    sizeMB: int("size", v.size, quick ? 40 : 400),
    adversarialMB: int("adversarial-mb", v["adversarial-mb"], quick ? 2 : 10),
    // secretlint takes minutes on the default corpus: one timed run unless asked.
    secretlintRuns: int("secretlint-runs", v["secretlint-runs"], quick ? Math.min(runs, 3) : 1),
    // Its whole-tree time grows faster than the file count; past the limit the
    // run is killed and reported as a lower bound.
    secretlintTimeoutMs: int("secretlint-timeout", v["secretlint-timeout"], 600) * 1000,
  };
}

function fail(message) {
  console.error(`bench: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

async function main() {
  const opts = options();
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const corpusRoot = join(root, "bench", ".corpus");
  const work = join(root, "bench", ".work");
  mkdirSync(work, { recursive: true });
  const log = (m) => console.error(`[bench] ${m}`);
  const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
  const cli = hasCli(root);
  if (!cli) log("dist/cli/main.js not found: run `npm run build` first. Only the reference tools are measured.");

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    fintaGuard: { version, built: cli },
    options: opts,
    sections: {},
  };
  const ctx = {
    root, work, corpusRoot, log, runs: opts.runs, quick: opts.quick,
    secretlintRuns: opts.secretlintRuns, secretlintTimeoutMs: opts.secretlintTimeoutMs, compareRoot: opts.compare,
  };
  let smallFiles = null;
  const files = () => (smallFiles ??= smallSourceFiles(corpusRoot, log));

  for (const section of opts.sections) {
    try {
      if (section === "tree") {
        const corpus = ensureCorpus({ corpusRoot, sizeMB: opts.sizeMB, log });
        const kw = await ruleKeywords(root);
        if (!kw) log("no built rule set (dist/rules): rg/grep/naive references need the rules' keywords; skipped.");
        const tools = { rg: ensureRipgrep(log), grep: grepPath(), secretlint: ensureSecretlint(work, log) };
        results.tools = { rg: tools.rg, grep: tools.grep, secretlint: tools.secretlint?.version ?? null };
        results.keywords = kw ? { count: kw.keywords.length, source: kw.source, rules: kw.rules } : null;
        results.sections.tree = treeScenario({ ...ctx, tools, keywords: kw?.keywords ?? null }, corpus);
      } else if (!cli) {
        results.sections[section] = { available: false, why: "dist/cli/main.js not built" };
      } else if (section === "bigfile") results.sections.bigfile = bigFileScenario(ctx, ensureCorpus({ corpusRoot, sizeMB: opts.sizeMB, log }));
      else if (section === "version") results.sections.version = versionScenario(ctx);
      else if (section === "staged") results.sections.staged = stagedScenario(ctx, files());
      else if (section === "history") results.sections.history = historyScenario(ctx, files());
      else if (section === "baseline") results.sections.baseline = baselineScenario(ctx, files());
      else if (section === "memory") results.sections.memory = memoryScenario(ctx);
      else if (section === "adversarial") {
        const kw = await ruleKeywords(root);
        results.sections.adversarial = adversarialScenario(ctx, { sizeMB: opts.adversarialMB, rg: ensureRipgrep(log), keywords: kw?.keywords ?? null });
      }
    } catch (e) {
      log(`${section}: failed: ${e.message}`);
      results.sections[section] = { available: false, why: `bench error: ${e.message}` };
    }
  }
  printReport(results);
  const strip = (k, val) => (k === "last" ? undefined : val);
  const resultsPath = join(work, "results.json");
  // With --only, the sections run replace theirs in the last results of the
  // same corpus size and the others are kept (each records when it was measured).
  for (const s of Object.values(results.sections)) s.measuredAt = results.date;
  if (opts.only && existsSync(resultsPath)) {
    try {
      const previous = JSON.parse(readFileSync(resultsPath, "utf8"));
      // Only figures of the same corpus size belong in one file.
      if (previous.options?.sizeMB === opts.sizeMB) {
        Object.assign(results, { ...previous, ...results, sections: { ...previous.sections, ...results.sections } });
      }
    } catch { /* unreadable: start over */ }
  }
  writeFileSync(resultsPath, JSON.stringify(results, strip, 2) + "\n");
  console.log(`\nresults: ${join("bench", ".work", "results.json")}`);
}

await main();
