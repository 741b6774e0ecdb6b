// Start-up cost: `finta-guard --version` against `node -e 0` (target: within 20 ms, issue 18).
import { fg } from "../finta-guard.mjs";
import { timeInterleaved } from "../timing.mjs";

export function versionScenario(ctx) {
  const { root, runs, log } = ctx;
  const n = Math.max(runs * 4, 20); // cheap: more samples, steadier medians
  log(`version: finta-guard --version vs node -e 0 × ${n} runs`);
  const t = timeInterleaved([
    { name: "node -e 0", cmd: [process.execPath, "-e", "0"], okStatus: [0] },
    { name: "finta-guard --version", cmd: fg(root, "--version"), okStatus: [0] },
  ], { runs: n, warmup: 2 });
  const node = t["node -e 0"];
  const v = t["finta-guard --version"];
  const overheadMs = node.medianMs !== null && v.medianMs !== null ? v.medianMs - node.medianMs : null;
  return {
    nodeMs: node.medianMs, versionMs: v.medianMs, overheadMs, error: v.error ?? node.error,
    runs: n, target: { "within 20 ms of node -e 0": overheadMs === null ? null : overheadMs <= 20 },
  };
}
