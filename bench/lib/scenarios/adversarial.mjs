// Crafted content (docs/performance-bounds.md): each shape of
// lib/adversarial-shapes.mjs written as one file of `sizeMB` MB and scanned
// by finta-guard, beside rg searching the same file for the rules' keywords
// in the same run. Reported as seconds per MB; the bound is 1 s per MB.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ADVERSARIAL_SHAPES } from "../adversarial-shapes.mjs";
import { fg } from "../finta-guard.mjs";
import { timeInterleaved } from "../timing.mjs";

/** Seconds per MB allowed on any content. */
export const BOUND_S_PER_MB = 1;

function ensureShape(corpusRoot, name, bytes, log) {
  const dir = join(corpusRoot, "adversarial", `${name}-${bytes}`);
  const file = join(dir, "content.txt");
  if (!existsSync(file) || statSync(file).size !== bytes) {
    log(`adversarial: writing ${name} (${(bytes / 1e6).toFixed(0)} MB)`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, ADVERSARIAL_SHAPES[name](bytes));
  }
  return { dir, file };
}

export function adversarialScenario(ctx, { sizeMB, rg, keywords }) {
  const { root, work, corpusRoot, log } = ctx;
  const bytes = sizeMB * 1024 * 1024;
  const mb = bytes / 1e6;
  // Each run of a slow shape takes a while: a few runs are enough for a bound.
  const runs = Math.min(ctx.runs, 3);
  const kwFile = keywords ? join(work, "keywords.txt") : null;
  if (kwFile) writeFileSync(kwFile, keywords.join("\n") + "\n");
  const shapes = {};
  for (const name of Object.keys(ADVERSARIAL_SHAPES)) {
    const { dir, file } = ensureShape(corpusRoot, name, bytes, log);
    const out = join(work, `adversarial-${name}.json`);
    const cases = [{ name: "finta-guard", cmd: fg(root, "scan", "content.txt", "--format", "json"), cwd: dir, stdout: out }];
    if (rg && kwFile) cases.push({ name: "rg", cmd: [rg, "-i", "-F", "-c", "-f", kwFile, "content.txt"], cwd: dir, stdout: "ignore" });
    log(`adversarial: ${name}: ${cases.map((c) => c.name).join(", ")} × ${runs} runs`);
    const t = timeInterleaved(cases, { runs, warmup: 0 });
    const fgr = t["finta-guard"];
    let findings = null;
    try {
      findings = JSON.parse(readFileSync(out, "utf8")).findings.length;
    } catch { /* no report: see error */ }
    const sPerMB = fgr.medianMs === null ? null : fgr.medianMs / 1000 / mb;
    shapes[name] = {
      medianMs: fgr.medianMs, runsMs: fgr.runsMs, error: fgr.error, findings,
      sPerMB, rgMs: t.rg?.medianMs ?? null, rgSPerMB: t.rg?.medianMs ? t.rg.medianMs / 1000 / mb : null,
      withinBound: sPerMB === null ? null : sPerMB <= BOUND_S_PER_MB,
    };
  }
  const worst = Math.max(...Object.values(shapes).map((s) => s.sPerMB ?? Infinity));
  return { sizeMB, bytes, runs, boundSPerMB: BOUND_S_PER_MB, shapes, worstSPerMB: worst, target: { [`every shape ≤ ${BOUND_S_PER_MB} s/MB`]: worst <= BOUND_S_PER_MB } };
}
