// The human-readable side of the results: one table per section, with the
// reference beside each finta-guard figure, the ratio and the target verdict.

const ms = (v) => (v === null || v === undefined ? "—" : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
const x = (v) => (v === null || v === undefined ? "—" : `${v.toFixed(2)}×`);
const verdict = (v) => (v === null || v === undefined ? "n/a" : v ? "PASS" : "FAIL");
const mb = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join("  ").trimEnd();
  return [line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

function targets(t) {
  return Object.entries(t ?? {}).map(([k, v]) => `  target ${k}: ${verdict(v)}`).join("\n");
}

const unavailable = (name, s) => `\n## ${name}\n  not available yet (${s.why})`;

/** The noise figure (lib/noise.mjs): findings on the npm part outside planted lines. */
function noiseReport(n, planted) {
  const lines = [];
  const found = planted ? `, planted secrets found ${planted.found}/${planted.total}` : "";
  lines.push(`\n  Noise on the npm part (packages/, generated/) outside planted lines: ${n.outside} findings, ${n.blocking} blocking + ${n.info} info (published examples)${found}`);
  const parts = Object.entries(n.byPart).map(([p, c]) => `${p}/ ${c}`).join(", ");
  if (parts) lines.push(`    by part: ${parts}`);
  const rules = Object.entries(n.byRule).sort((a, b) => b[1].blocking - a[1].blocking || b[1].info - a[1].info || (a[0] < b[0] ? -1 : 1));
  if (rules.length) {
    lines.push(table([["rule", "blocking", "info"], ...rules.map(([id, c]) => [id, c.blocking, c.info])]).replace(/^/gm, "    "));
  }
  lines.push(n.listed.length ? `    blocking findings (first ${n.listed.length} of ${n.blocking}):` : "    blocking findings: none");
  for (const f of n.listed) lines.push(`      ${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.ruleId}  ${f.secret}`);
  if (n.examples?.length) {
    lines.push("    info notes by published example:");
    lines.push(table([["count", "example", "rules", "first at"], ...n.examples.map((e) => [e.count, e.name, e.rules.join(","), e.first])]).replace(/^/gm, "      "));
  }
  return lines.join("\n");
}

export function printReport(r) {
  const out = [];
  out.push(`finta-guard ${r.fintaGuard.version} bench — ${r.date} — ${r.machine.cpus} × ${r.machine.cpu}, node ${r.machine.node}`);
  out.push(`runs per command: ${r.options.runs} (medians); corpus ${r.options.sizeMB} MB${r.options.quick ? " (--quick)" : ""}`);
  const s = r.sections;

  if (s.tree) {
    if (s.tree.available === false) out.push(unavailable("Tree scan", s.tree));
    else {
      const t = s.tree;
      out.push(`\n## Tree scan: ${t.files} files, ${mb(t.bytes)}, ${t.planted} planted secrets`);
      if (r.keywords) out.push(`  references search for the ${r.keywords.count} keywords of ${r.keywords.rules} rules (${r.keywords.source})`);
      const fgMs = t.tools["finta-guard"]?.medianMs ?? null;
      const rows = [["tool", "median", "vs finta-guard", "planted hit", "runs"]];
      for (const [name, e] of Object.entries(t.tools)) {
        const rel = name === "finta-guard" || !fgMs || !e.medianMs ? "" : `${x(e.medianMs / fgMs)}`;
        const time = e.timedOutMs ? `> ${ms(e.timedOutMs)} (killed at the limit)` : e.error ? `error: ${e.error.slice(0, 60)}` : ms(e.medianMs);
        const relTo = e.timedOutMs && fgMs ? `> ${x(e.timedOutMs / fgMs)}` : rel;
        rows.push([name, time, relTo,
          e.plantedFound ? `${e.plantedFound.found}/${e.plantedFound.total}` : "—", e.runsMs.length]);
      }
      out.push(table(rows));
      out.push(`  finta-guard / rg: ${x(t.ratios.fintaGuardOverRg)}   secretlint / finta-guard: ${t.ratios.secretlintRatioIsLowerBound ? "> " : ""}${x(t.ratios.secretlintOverFintaGuard)}`);
      if (t.ratios.fintaGuardOverCompared) {
        const cmp = t.tools["finta-guard (--compare)"];
        out.push(`  finta-guard / --compare build (${cmp.compareRoot}): ${x(t.ratios.fintaGuardOverCompared)}`);
        if (cmp.noise) out.push(`  --compare build noise: ${cmp.noise.outside} findings outside planted lines (${cmp.noise.blocking} blocking + ${cmp.noise.info} info)`);
      }
      out.push(`  (rg, grep and naive node only look for keywords: for them "planted hit" counts planted lines holding a keyword; finta-guard and secretlint report secrets)`);
      const fg = t.tools["finta-guard"];
      if (fg?.plantedFound?.missed.length) out.push(`  finta-guard missed: ${fg.plantedFound.missed.join(", ")}`);
      if (fg?.warning) out.push(`  WARNING: finta-guard ${fg.warning}`);
      if (fg?.stats) out.push(`  finta-guard stats: ${JSON.stringify(fg.stats)}`);
      if (fg?.noise) out.push(noiseReport(fg.noise, fg.plantedFound));
      out.push(targets(t.targets));
    }
  }
  if (s.version) {
    if (s.version.available === false) out.push(unavailable("Start-up", s.version));
    else {
      const v = s.version;
      out.push(`\n## Start-up (${v.runs} runs)`);
      out.push(table([["command", "median"], ["node -e 0", ms(v.nodeMs)], ["finta-guard --version", ms(v.versionMs)], ["difference", ms(v.overheadMs)]]));
      if (v.error) out.push(`  error: ${v.error}`);
      out.push(targets(v.target));
    }
  }
  if (s.bigfile) {
    if (s.bigfile.available === false) out.push(unavailable("One big file", s.bigfile));
    else {
      const v = s.bigfile;
      const pct = (u) => (u === null ? "—" : `${(u * 100).toFixed(0)} %`);
      out.push(`\n## One big file: ${mb(v.bytes)}, --jobs 1 vs --jobs 2 (${v.runs} runs)`);
      out.push(table([["workers", "wall (median)", "CPU (median)", "utilisation"],
        ["1", ms(v.jobs1.wallMs), ms(v.jobs1.cpuMs), pct(v.jobs1.utilisation)],
        ["2", ms(v.jobs2.wallMs), ms(v.jobs2.cpuMs), pct(v.jobs2.utilisation)]]));
      out.push(`  wall time with 2 workers: ${v.speedup === null ? "—" : `${v.speedup.toFixed(2)}× better`}`);
      for (const j of [v.jobs1, v.jobs2]) if (j.error) out.push(`  error: ${j.error}`);
      out.push(targets(v.target));
    }
  }
  if (s.staged) {
    if (s.staged.available === false) out.push(unavailable("Pre-commit: scan --staged", s.staged));
    else {
      const v = s.staged;
      out.push(`\n## Pre-commit: scan --staged (${v.files} files, ${v.staged} staged changes, ${v.runs} runs)`);
      out.push(table([["command", "median"], ["node -e 0", ms(v.nodeMs)], ["finta-guard scan --staged", ms(v.stagedMs)], ["difference", ms(v.overheadMs)]]));
      if (v.error) out.push(`  error: ${v.error}`);
      out.push(`  planted secret in the staged changes found: ${v.plantedFound.found}/${v.plantedFound.total}`);
      out.push(targets(v.target));
    }
  }
  if (s.history) {
    if (s.history.available === false) out.push(unavailable("History", s.history));
    else {
      const v = s.history;
      out.push(`\n## History: ${v.commits} commits`);
      out.push(table([["command", "median", "commits/s"],
        ["git log -p > /dev/null", ms(v.gitLogMs), v.gitLogCommitsPerSecond?.toFixed(0) ?? "—"],
        ["finta-guard scan --history", ms(v.historyMs), v.historyCommitsPerSecond?.toFixed(0) ?? "—"]]));
      if (v.error) out.push(`  error: ${v.error}`);
      out.push(`  planted secrets found: ${v.plantedFound.found}/${v.plantedFound.total}${v.plantedFound.missed.length ? ` (missed ${v.plantedFound.missed.join(", ")})` : ""}`);
    }
  }
  if (s.adversarial) {
    if (s.adversarial.available === false) out.push(unavailable("Adversarial content", s.adversarial));
    else {
      const v = s.adversarial;
      const spm = (x) => (x === null || x === undefined ? "—" : `${x.toFixed(3)} s/MB`);
      out.push(`\n## Adversarial content: one ${v.sizeMB} MiB file per shape (${v.runs} runs, medians; bound ${v.boundSPerMB} s/MB)`);
      const rows = [["shape", "finta-guard", "s/MB", "rg -i -F (keywords)", "rg s/MB", "findings", "verdict"]];
      for (const [name, e] of Object.entries(v.shapes)) {
        rows.push([name, e.error ? `error: ${e.error.slice(0, 50)}` : ms(e.medianMs), spm(e.sPerMB), ms(e.rgMs), spm(e.rgSPerMB), e.findings ?? "—", verdict(e.withinBound)]);
      }
      out.push(table(rows));
      out.push(targets(v.target));
    }
  }
  if (s.baseline) {
    if (s.baseline.available === false) out.push(unavailable("Baseline", s.baseline));
    else {
      const v = s.baseline;
      out.push(`\n## Baseline: ${v.planted} planted findings, ${v.baselineEntries ?? "?"} baseline entries`);
      out.push(table([["scan", "median", "findings"], ["without baseline", ms(v.withoutMs), v.findingsWithout], ["with baseline", ms(v.withMs), v.findingsWith]]));
      out.push(`  extra time with the baseline: ${v.extra === null ? "—" : `${(v.extra * 100).toFixed(1)} %`}`);
      if (v.error) out.push(`  error: ${v.error}`);
      out.push(targets(v.target));
    }
  }
  if (s.memory) {
    if (s.memory.available === false) out.push(unavailable("Memory", s.memory));
    else {
      const v = s.memory;
      out.push(`\n## Memory: ${mb(v.bytes)} on one line`);
      if (v.scannedFiles === 0) out.push("  WARNING: finta-guard scanned no file");
      out.push(`  peak RSS ${v.maxRssMiB === null ? "—" : `${v.maxRssMiB.toFixed(0)} MiB`}, ${v.seconds.toFixed(1)} s, planted found ${v.plantedFound.found}/${v.plantedFound.total}`);
      if (v.error) out.push(`  error: ${v.error}`);
      out.push(targets(v.target));
    }
  }
  console.log(out.join("\n"));
}
