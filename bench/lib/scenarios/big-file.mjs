// One big file on one worker and on two: the corpus's generated/big-bundle.js
// (half the corpus size, 200 MB by default) scanned with --jobs 1 and
// --jobs 2, interleaved. Target: wall time at least 1.7× better with two
// workers. Each run goes through /usr/bin/time so CPU time (user + system)
// is known too; utilisation = CPU / (wall × workers) says how busy the
// workers were (on a machine shared with other work it is also capped by
// what the others leave).
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fg } from "../finta-guard.mjs";
import { median, runOnce } from "../timing.mjs";

const TIME = "/usr/bin/time";

export function bigFileScenario(ctx, corpus) {
  const { root, work, runs, log } = ctx;
  const treeDir = resolve(root, corpus.treeDir);
  const file = join(treeDir, "generated", "big-bundle.js");
  if (!existsSync(file)) return { available: false, why: "no generated/big-bundle.js in the corpus" };
  if (!existsSync(TIME)) return { available: false, why: `${TIME} is missing (it gives the CPU time)` };
  const bytes = statSync(file).size;
  const jobsList = [1, 2];
  const state = new Map(jobsList.map((j) => [j, { wall: [], cpu: [], error: null }]));
  const one = (jobs) => {
    const cmd = [TIME, "-f", "TIME %e %U %S", ...fg(root, "scan", "generated/big-bundle.js", "--format", "json", "--jobs", String(jobs))];
    const r = runOnce(cmd, { cwd: treeDir, stdout: join(work, `big-file-${jobs}.out`) });
    const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
    const s = state.get(jobs);
    if (![0, 1].includes(r.status) || !m) {
      s.error = `exit ${r.status ?? r.signal}: ${r.stderr.trim().split("\n")[0] ?? ""}`;
      return;
    }
    s.wall.push(r.ms);
    s.cpu.push((Number(m[2]) + Number(m[3])) * 1000);
  };
  log(`big file: finta-guard scan of one ${(bytes / 1e6).toFixed(0)} MB file, --jobs 1 vs --jobs 2 × ${runs} runs`);
  for (const j of jobsList) one(j); // warm-up (page cache)
  for (const j of jobsList) Object.assign(state.get(j), { wall: [], cpu: [] });
  for (let i = 0; i < runs; i++) for (const j of jobsList) if (!state.get(j).error) one(j);
  const figures = Object.fromEntries(jobsList.map((j) => {
    const s = state.get(j);
    const wallMs = s.wall.length ? median(s.wall) : null;
    const cpuMs = s.cpu.length ? median(s.cpu) : null;
    return [`jobs${j}`, { wallMs, cpuMs, utilisation: wallMs && cpuMs ? cpuMs / (wallMs * j) : null, runsMs: s.wall.map((t) => Math.round(t)), error: s.error }];
  }));
  const speedup = figures.jobs1.wallMs && figures.jobs2.wallMs ? figures.jobs1.wallMs / figures.jobs2.wallMs : null;
  return {
    available: true, bytes, runs, ...figures, speedup,
    target: { "wall time ≥ 1.7× better with 2 workers": speedup === null ? null : speedup >= 1.7 },
  };
}
