// Pre-commit and history scenarios. The staged scan is timed beside `node -e 0`
// (target: within 100 ms, median of at least 15 interleaved runs: issue 18); the history scan is given in commits per second
// beside `git log -p` written to /dev/null over the same commits. Either is
// reported as "not available yet" when the CLI does not support it.
import { join } from "node:path";
import { countPlanted, fintaGuardHits } from "../hits.mjs";
import { fg, probe } from "../finta-guard.mjs";
import { timeInterleaved } from "../timing.mjs";
import { ensureHistoryRepo, ensureStagedRepo } from "./git-repos.mjs";

export function stagedScenario(ctx, files) {
  const { root, work, runs, log } = ctx;
  const repo = ensureStagedRepo({ work, files, count: 10000, log });
  const cmd = fg(root, "scan", "--staged", "--format", "json");
  const out = join(work, "staged.out");
  const p = probe(cmd, repo.dir, out);
  if (!p.ok) return { available: false, why: p.why, files: repo.files };
  // An option that is parsed but not implemented yet would scan the working
  // tree: the unstaged decoy gives that away.
  const first = fintaGuardHits(repo.dir, out);
  if (!first.parsed) return { available: false, why: "--staged output is not a JSON report", files: repo.files };
  if (countPlanted(repo.decoys, first.hits).found > 0) {
    return { available: false, why: "--staged is accepted but reported a secret that is only in the working tree", files: repo.files };
  }
  const n = Math.max(runs * 2, 15);
  log(`staged: finta-guard scan --staged (${repo.files} files, ${repo.staged} staged) vs node -e 0 × ${n} runs`);
  const t = timeInterleaved([
    { name: "node -e 0", cmd: [process.execPath, "-e", "0"], okStatus: [0] },
    { name: "scan --staged", cmd, cwd: repo.dir, stdout: out },
  ], { runs: n, warmup: 2 });
  const node = t["node -e 0"].medianMs;
  const staged = t["scan --staged"].medianMs;
  const overheadMs = node !== null && staged !== null ? staged - node : null;
  return {
    available: true, files: repo.files, staged: repo.staged, nodeMs: node, stagedMs: staged, overheadMs,
    error: t["scan --staged"].error, runs: n,
    plantedFound: countPlanted(repo.planted, fintaGuardHits(repo.dir, out).hits),
    target: { "within 100 ms of node -e 0": overheadMs === null ? null : overheadMs <= 100 },
  };
}

export function historyScenario(ctx, files) {
  const { root, work, runs, log, quick } = ctx;
  const commits = quick ? 1000 : 5000;
  const repo = ensureHistoryRepo({ work, files, commits, log });
  const cmd = fg(root, "scan", "--history", "--format", "json");
  const out = join(work, "history.out");
  const p = probe(cmd, repo.dir, out);
  if (!p.ok) return { available: false, why: p.why, commits };
  // History findings carry the commit that introduced them; findings without
  // one mean the option is parsed but the working tree was scanned.
  const first = fintaGuardHits(repo.dir, out);
  if (!first.parsed || !first.hits.some((h) => h.commit)) {
    return { available: false, why: "--history is accepted but its findings carry no commit (working tree scanned?)", commits };
  }
  log(`history: finta-guard scan --history vs git log -p > /dev/null, ${commits} commits × ${runs} runs`);
  const t = timeInterleaved([
    { name: "git log -p", cmd: ["git", "log", "-p", "HEAD"], cwd: repo.dir, stdout: "/dev/null", okStatus: [0] },
    { name: "scan --history", cmd, cwd: repo.dir, stdout: out },
  ], { runs, warmup: 1 });
  const gitMs = t["git log -p"].medianMs;
  const fgMs = t["scan --history"].medianMs;
  const hits = fintaGuardHits(repo.dir, out).hits;
  return {
    available: true, commits, gitLogMs: gitMs, historyMs: fgMs, error: t["scan --history"].error,
    gitLogCommitsPerSecond: gitMs ? commits / (gitMs / 1000) : null,
    historyCommitsPerSecond: fgMs ? commits / (fgMs / 1000) : null,
    plantedFound: countPlanted(repo.planted, hits),
  };
}
