/**
 * `scan --shard K/N` + `finta-guard merge`: on a real repository with
 * history, the merged report of N = 1, 3 and 8 shards equals the unsharded
 * report (findings, fingerprints, suppressions, counts, errors, exit code;
 * only the duration differs), for tree and history scans, JSON and SARIF.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBin, runCli } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

let repo: GitRepo;
const key = (seed: number) => `const key${seed} = "${fake.liveKey(seed)}";`;

beforeAll(() => {
  repo = makeGitRepo();
  repo.write("finta-guard.config.json", JSON.stringify({ allowlist: { paths: ["fixtures/**"] } }));
  repo.write("fixtures/sample.js", `${key(90)}\n`);
  for (let i = 0; i < 12; i++) repo.write(`src/mod${i}/index.js`, `// module ${i}\nexport const n = ${i};\n`);
  repo.commitAll("init");
  // Secrets added over many commits; some removed and added again later (reported once, at the first commit).
  for (let c = 1; c <= 14; c++) {
    const file = `src/mod${c % 12}/index.js`;
    const secretLine = c % 4 === 0 ? `${key(c)} // finta-guard:allow finta-secret-key-live -- test fixture` : key(c);
    repo.write(file, `// module ${c % 12}\n${secretLine}\nexport const n = ${c};\n`);
    repo.commitAll(`add ${c}`);
    if (c % 3 === 0) {
      repo.write(file, `// module ${c % 12}\nexport const n = ${c};\n`);
      repo.commitAll(`remove ${c}`);
      repo.write(file, `// module ${c % 12}\nexport const n = ${c};\n${key(c)}\n`);
      repo.commitAll(`re-add ${c}`);
    }
  }
  repo.write("docs/notes.md", `token: ${fake.testKey(5)}\n`);
  repo.commitAll("notes");
}, 120_000);
afterAll(() => repo?.cleanup());

/** The report without its timings. */
function normal(text: string): unknown {
  const doc = JSON.parse(text) as { stats?: { durationMs?: number }; runs?: { properties?: { durationMs?: number } }[] };
  if (doc.stats) doc.stats.durationMs = 0;
  for (const run of doc.runs ?? []) if (run.properties) run.properties.durationMs = 0;
  return doc;
}

async function scan(mode: string[], format: string, out: string, shard?: string) {
  const r = await runCli(["scan", ...mode, "--format", format, "-o", out, ...(shard ? ["--shard", shard] : [])], repo.root, repo.env);
  expect(r.stderr).toBe("");
  return r.code;
}

const cases = [
  { name: "tree", mode: [] as string[] },
  { name: "history", mode: ["--history"] },
];

describe.each(cases)("$name scan", ({ name, mode }) => {
  for (const format of ["json", "sarif"]) {
    it(`${format}: merged N = 1, 3, 8 equals the unsharded report and exit code`, async () => {
      const single = join(repo.base, `${name}-single.${format}`);
      const code = await scan(mode, format, single);
      expect(code).toBe(1);
      const expected = normal(readFileSync(single, "utf8"));
      const reported = format === "json" ? (expected as { findings: unknown[] }).findings.length : (expected as { runs: { results: unknown[] }[] }).runs[0]!.results.length;
      expect(reported).toBeGreaterThan(8);
      for (const n of [1, 3, 8]) {
        const parts: string[] = [];
        for (let k = 1; k <= n; k++) {
          const part = join(repo.base, `${name}-${k}of${n}.${format}`);
          await scan(mode, format, part, `${k}/${n}`);
          parts.push(part);
        }
        const merged = join(repo.base, `${name}-merged-${n}.${format}`);
        const m = await runCli(["merge", ...parts.reverse(), "-o", merged], repo.root, repo.env);
        expect([m.code, m.stderr]).toEqual([code, ""]);
        expect(normal(readFileSync(merged, "utf8"))).toEqual(expected);
        if (name === "history" && format === "json" && n === 8) {
          // A secret removed and added again in a commit of another shard is in two shard reports: merged once.
          const total = parts.reduce((sum, p) => sum + (JSON.parse(readFileSync(p, "utf8")) as { findings: unknown[] }).findings.length, 0);
          expect(total).toBeGreaterThan(reported);
        }
      }
    }, 120_000);
  }

  it("shards split the work: each file version is scanned by exactly one shard", async () => {
    const files: number[] = [];
    for (let k = 1; k <= 3; k++) {
      const part = join(repo.base, `${name}-count-${k}.json`);
      await scan(mode, "json", part, `${k}/3`);
      files.push((JSON.parse(readFileSync(part, "utf8")) as { stats: { files: number } }).stats.files);
    }
    const single = join(repo.base, `${name}-count.json`);
    await scan(mode, "json", single);
    expect(files.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(files.reduce((a, b) => a + b, 0)).toBe((JSON.parse(readFileSync(single, "utf8")) as { stats: { files: number } }).stats.files);
  }, 60_000);
});

describe("merge refuses incomplete or mixed input", () => {
  it("a missing shard, a repeated shard, a bad --shard", async () => {
    const part = (k: number) => join(repo.base, `m-${k}of3.json`);
    for (const k of [1, 2]) await scan([], "json", part(k), `${k}/3`);
    const missing = await runCli(["merge", part(1), part(2)], repo.root, repo.env);
    expect([missing.code, missing.stderr]).toEqual([2, "finta-guard: shard 3/3 missing: merge needs the reports of all 3 shards\n"]);
    // The built program too: merge runs beside the bundle (scripts/build-bin.mjs), its errors still one line.
    expect(runBin(["merge", part(1), part(2)], repo.root, { env: repo.env })).toEqual(missing);
    const twice = await runCli(["merge", part(1), part(1)], repo.root, repo.env);
    expect([twice.code, twice.stderr]).toEqual([2, `finta-guard: ${part(1)}: shard 1/3 was already given (${part(1)})\n`]);
    const bad = await runCli(["scan", "--shard", "4/3"], repo.root, repo.env);
    expect([bad.code, bad.stderr]).toEqual([2, `finta-guard: --shard: expected K/N with 1 <= K <= N <= 1024 (e.g. 2/8), got "4/3"\n`]);
    const staged = await runCli(["scan", "--staged", "--shard", "1/2"], repo.root, repo.env);
    expect([staged.code, staged.stderr]).toEqual([2, "finta-guard: --shard applies to tree and --history scans, not --staged\n"]);
  });
});
