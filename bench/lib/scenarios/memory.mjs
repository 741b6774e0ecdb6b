// Memory bound (opt-in with --big): a 1 GiB single-line file scanned with
// peak resident memory under 200 MiB. Peak RSS from /usr/bin/time -v when
// present, else from the child's own process.resourceUsage() via a wrapper.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ensureOneLineFile } from "../corpus.mjs";
import { countPlanted, fintaGuardHits } from "../hits.mjs";
import { cliPath } from "../finta-guard.mjs";
import { timeVPath } from "../tools.mjs";
import { runOnce } from "../timing.mjs";

export function memoryScenario(ctx) {
  const { root, work, corpusRoot, log } = ctx;
  const m = ensureOneLineFile({ corpusRoot, bytes: 1024 * 1024 * 1024, log });
  const out = join(work, "memory.out");
  const args = [cliPath(root), "scan", ".", "--format", "json"];
  const timeV = timeVPath();
  log(`memory: finta-guard scan of a 1 GiB single-line file (${timeV ? "/usr/bin/time -v" : "resourceUsage"})`);
  let maxRssKiB = null;
  let r;
  if (timeV) {
    r = runOnce([timeV, "-v", process.execPath, ...args], { cwd: m.dir, stdout: out });
    const mm = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    if (mm) maxRssKiB = Number(mm[1]);
  } else {
    // Without GNU time: a wrapper runs the CLI in-process and reports its own peak.
    const wrapper = `process.argv=[process.argv[0],${JSON.stringify(args[0])},...${JSON.stringify(args.slice(1))}];` +
      `process.on("exit",()=>process.stderr.write("\\nMAXRSS "+process.resourceUsage().maxRSS+"\\n"));` +
      `await import(${JSON.stringify("file://" + args[0])});`;
    r = runOnce([process.execPath, "--input-type=module", "-e", wrapper], { cwd: m.dir, stdout: out });
    const mm = /MAXRSS (\d+)/.exec(r.stderr);
    if (mm) maxRssKiB = Number(mm[1]);
  }
  const ok = r.status === 0 || r.status === 1;
  const report = fintaGuardHits(m.dir, out);
  return {
    scannedFiles: report.stats?.files ?? null,
    bytes: m.bytes, seconds: r.ms / 1000, status: r.status,
    error: ok ? null : (r.stderr.trim().split("\n").find((l) => !l.startsWith("\t")) ?? `exit ${r.status}`),
    maxRssMiB: maxRssKiB === null ? null : maxRssKiB / 1024,
    plantedFound: countPlanted(m.planted, report.hits),
    // A scan that skipped the file proves nothing about memory.
    target: { "peak RSS < 200 MiB": maxRssKiB === null || !ok || report.stats?.files === 0 ? null : maxRssKiB / 1024 < 200 },
  };
}
