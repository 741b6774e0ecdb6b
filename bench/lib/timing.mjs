// Timing without a timing library: run a command as a child, time it with
// hrtime, repeat, take the median. Commands being compared are interleaved
// (A B A B …) so that a burst of load on the shared machine hits all of them.
import { spawnSync } from "node:child_process";
import { closeSync, openSync } from "node:fs";

/**
 * Runs one command once. `stdout` is a file path, "ignore", "/dev/null" or
 * "pipe" (captured). Returns { ms, status, stdout?, stderr }.
 */
export function runOnce(cmd, { cwd, stdout = "ignore", env, timeoutMs = 30 * 60 * 1000 } = {}) {
  const [file, ...args] = cmd;
  let fd = null;
  let out = stdout;
  if (stdout !== "ignore" && stdout !== "pipe") {
    fd = openSync(stdout, "w");
    out = fd;
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, args, {
    cwd, env: env ?? process.env, stdio: ["ignore", out, "pipe"], encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024, timeout: timeoutMs,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (fd !== null) closeSync(fd);
  return {
    ms, status: r.status, signal: r.signal, error: r.error?.message,
    stdout: stdout === "pipe" ? r.stdout : undefined, stderr: r.stderr ?? "",
  };
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/**
 * Times several commands `runs` times each, interleaved, after `warmup`
 * untimed runs of each (page cache, JIT caches). `cases` is
 * [{ name, cmd, cwd?, stdout?, okStatus? }]. A run whose exit status is not in
 * okStatus (default [0, 1]) stops that case and records the error; `maxRuns`
 * caps the timed runs of a slow case (secretlint), and `timeoutMs` its time:
 * a run killed at that limit is reported as `timedOutMs` (a lower bound).
 */
export function timeInterleaved(cases, { runs, warmup = 1 }) {
  const res = new Map(cases.map((c) => [c.name, { times: [], error: null, last: null }]));
  const one = (c) => {
    const r = runOnce(c.cmd, c);
    const ok = (c.okStatus ?? [0, 1]).includes(r.status);
    if (!ok && c.timeoutMs !== undefined && r.signal && r.ms >= c.timeoutMs) {
      // Killed at its time limit: the time is a lower bound, not an error.
      res.get(c.name).timedOutMs = c.timeoutMs;
      res.get(c.name).error = `timed out after ${Math.round(c.timeoutMs / 1000)} s`;
    } else if (!ok) {
      const msg = r.error ?? (r.stderr.trim().split("\n")[0] || `exit ${r.status ?? r.signal}`);
      res.get(c.name).error = `exit ${r.status ?? r.signal}: ${msg}`;
    }
    res.get(c.name).last = r;
    return { ok, r };
  };
  for (const c of cases) for (let i = 0; i < (c.warmup ?? warmup); i++) one(c);
  for (let i = 0; i < runs; i++) {
    for (const c of cases) {
      const state = res.get(c.name);
      if (state.error || (c.maxRuns !== undefined && state.times.length >= c.maxRuns)) continue;
      const { ok, r } = one(c);
      if (ok) state.times.push(r.ms);
    }
  }
  const out = {};
  for (const [name, s] of res) {
    out[name] = {
      medianMs: s.times.length ? median(s.times) : null,
      minMs: s.times.length ? Math.min(...s.times) : null,
      runsMs: s.times.map((t) => Math.round(t * 10) / 10),
      error: s.error,
      timedOutMs: s.timedOutMs ?? null,
      last: s.last,
    };
  }
  return out;
}
