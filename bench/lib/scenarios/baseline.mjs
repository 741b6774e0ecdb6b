// Baseline cost: a tree with 10,000 findings scanned without and with a
// baseline listing all of them (target: under 10 % more time).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fintaGuardHits } from "../hits.mjs";
import { fg } from "../finta-guard.mjs";
import { makeRng } from "../prng.mjs";
import { BULK_KINDS } from "../planted-secrets.mjs";
import { timeInterleaved } from "../timing.mjs";

const FILES = 200;
const PER_FILE = 50;

function ensureFindingsTree(work, files, log) {
  const dir = join(work, "baseline-tree");
  const hash = createHash("sha256").update(JSON.stringify({ v: 1, FILES, PER_FILE, n: BULK_KINDS.length, pool: files.slice(0, 400).map((f) => f.rel) })).digest("hex").slice(0, 16);
  const stamp = join(work, "baseline-tree.recipe");
  if (existsSync(stamp) && readFileSync(stamp, "utf8").trim() === hash && existsSync(dir)) return dir;
  log(`building baseline tree ${dir} (${FILES * PER_FILE} planted findings)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "src"), { recursive: true });
  spawnSync("git", ["init", "-q", dir]);
  const rng = makeRng(99);
  const filler = files.slice(0, 400).map((f) => readFileSync(f.abs, "utf8").split("\n").slice(0, 200));
  let k = 0;
  for (let i = 0; i < FILES; i++) {
    const src = filler[i % filler.length];
    const lines = [];
    for (let j = 0; j < PER_FILE; j++) {
      lines.push(...src.slice((j * 4) % Math.max(1, src.length - 4), ((j * 4) % Math.max(1, src.length - 4)) + 4));
      lines.push(BULK_KINDS[k++ % BULK_KINDS.length](rng));
    }
    writeFileSync(join(dir, "src", `settings-${String(i).padStart(3, "0")}.js`), lines.join("\n") + "\n");
  }
  writeFileSync(stamp, hash + "\n");
  return dir;
}

export function baselineScenario(ctx, files) {
  const { root, work, runs, log } = ctx;
  const dir = ensureFindingsTree(work, files, log);
  const baselineFile = join(work, "baseline-10k.json");
  const written = join(dir, ".finta-guard-baseline.json");
  rmSync(written, { force: true });
  const b = spawnSync(process.execPath, fg(root, "baseline").slice(1), { cwd: dir, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  if (!existsSync(written)) {
    return { available: false, why: (b.stderr || "").trim().split("\n")[0] || `exit ${b.status}: no .finta-guard-baseline.json written` };
  }
  renameSync(written, baselineFile);
  log(`baseline: scan without vs with a baseline of ${FILES * PER_FILE} planted findings × ${runs} runs`);
  const outA = join(work, "baseline-without.out");
  const outB = join(work, "baseline-with.out");
  const t = timeInterleaved([
    { name: "without", cmd: fg(root, "scan", ".", "--format", "json"), cwd: dir, stdout: outA },
    { name: "with", cmd: fg(root, "scan", ".", "--format", "json", "--baseline", baselineFile), cwd: dir, stdout: outB },
  ], { runs, warmup: 1 });
  const a = t.without.medianMs;
  const w = t.with.medianMs;
  const extra = a && w ? w / a - 1 : null;
  let entries = null;
  try {
    const data = JSON.parse(readFileSync(baselineFile, "utf8"));
    entries = Array.isArray(data) ? data.length : (data.entries ?? data.findings ?? []).length;
  } catch { /* format unknown: leave null */ }
  return {
    available: true, planted: FILES * PER_FILE, baselineEntries: entries,
    findingsWithout: fintaGuardHits(dir, outA).findings, findingsWith: fintaGuardHits(dir, outB).findings,
    withoutMs: a, withMs: w, extra, error: t.without.error ?? t.with.error,
    target: { "< 10 % more with the baseline": extra === null ? null : extra < 0.1 },
  };
}
