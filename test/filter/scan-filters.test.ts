/**
 * End to end through the CLI (in process): configuration errors, allowlists,
 * inline allows, the baseline command and file, unused reports, and custom
 * rules (including one that backtracks catastrophically). Each temp tree has
 * a `.git` folder so it is a repository root.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";

let tree: TempTree | undefined;
afterEach(() => tree?.cleanup());

function repo(files: Record<string, string>): TempTree {
  tree = makeTempTree(files);
  mkdirSync(join(tree.root, ".git"));
  return tree;
}

interface Report {
  findings: { ruleId: string; file: string; line: number; column: number }[];
  stats: { suppressed: Record<string, number> };
  suppressed: { ruleId: string; file: string; line: number; kind: string; by: string }[];
}

async function scan(cwd: string, ...args: string[]) {
  const out = await runCli(["scan", "--format", "json", ...args], cwd);
  const report = out.stdout ? (JSON.parse(out.stdout) as Report) : undefined;
  return {
    code: out.code,
    stderr: out.stderr,
    found: report?.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`) ?? [],
    suppressedStats: report?.stats.suppressed ?? {},
    suppressed: report?.suppressed.map((s) => `${s.file}:${s.line} ${s.kind} ${s.by}`) ?? [],
  };
}

const live = fake.liveKey(31);
const live2 = fake.liveKey(32);
const line = (s: string) => `const key = "${s}";\n`; // secret at column 14

describe("configuration errors", () => {
  it("prints one line per problem with file and key path, and exits 2", async () => {
    const t = repo({ "finta-guard.config.json": '{ "disable": ["nope"], "allowlist": { "regexes": ["("] } }', "a.ts": "" });
    const out = await runCli(["scan"], t.root);
    expect(out).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "finta-guard: finta-guard.config.json: allowlist.regexes[0]: invalid regex \"(\": Unterminated group\n" +
        "finta-guard: finta-guard.config.json: disable[0]: unknown rule id \"nope\"\n",
    });
  });
});

describe("allowlists", () => {
  it("suppress what they match, count it, and report the rest", async () => {
    const t = repo({
      "finta-guard.config.json": JSON.stringify({
        allowlist: { paths: ["docs/"], stopwords: [live2.slice(12, 18)] },
        override: { "finta-secret-key-live": { allowlist: { paths: ["legacy/**"] } } },
      }),
      "docs/a.md": line(live),
      "docs2/a.md": line(live),
      "legacy/old.ts": line(live),
      "src/b.ts": line(live2),
    });
    const r = await scan(t.root);
    expect(r.found).toEqual(["docs2/a.md:1:14 finta-secret-key-live"]);
    expect(r.suppressedStats).toEqual({ path: 2, stopword: 1 });
    expect(r.code).toBe(1);
  });

  it("apply the root .finta-guardignore", async () => {
    const t = repo({ ".finta-guardignore": "# generated\nfixtures/\n", "fixtures/x.ts": line(live), "src/x.ts": line(live) });
    expect((await scan(t.root)).found).toEqual(["src/x.ts:1:14 finta-secret-key-live"]);
  });
});

describe("inline allow comments", () => {
  const files = { "a.py": `# finta-guard:allow -- sandbox\nKEY = "${live}"\nOTHER = "${live2}"\n` };
  it("suppress the next line only, and are ignored with --no-inline-allow", async () => {
    const t = repo(files);
    const r = await scan(t.root);
    expect([r.found, r.suppressed, r.suppressedStats]).toEqual([["a.py:3:10 finta-secret-key-live"], ["a.py:2 inline line 1: finta-guard:allow -- sandbox"], { inline: 1 }]);
    expect((await scan(t.root, "--no-inline-allow")).found).toEqual(["a.py:2:8 finta-secret-key-live", "a.py:3:10 finta-secret-key-live"]);
  });
});

describe("finta-guard baseline", () => {
  it("records findings without the secret; rescans report only what is new", async () => {
    const t = repo({ "src/a.ts": line(live), "src/b.ts": `x\n${line(live2)}` });
    const made = await runCli(["baseline"], t.root);
    expect(made).toEqual({ code: 0, stdout: "finta-guard: wrote 2 baseline entries to .finta-guard-baseline.json (2 new)\n", stderr: "" });
    const text = readFileSync(join(t.root, ".finta-guard-baseline.json"), "utf8");
    expect(text.includes(live) || text.includes(live2)).toBe(false);
    expect((JSON.parse(text) as { entries: { file: string; ruleId: string }[] }).entries.map((e) => `${e.file} ${e.ruleId}`)).toEqual([
      "src/a.ts finta-secret-key-live",
      "src/b.ts finta-secret-key-live",
    ]);

    expect(await scan(t.root)).toMatchObject({ code: 0, found: [], suppressedStats: { baseline: 2 } });
    // Lines move and unrelated edits happen: still the same findings.
    writeFileSync(join(t.root, "src/a.ts"), `import x from "y";\n\n// edited\n${line(live)}const z = 1;\n`);
    // The same secret in a new file is new; so is a new secret in a baselined file.
    writeFileSync(join(t.root, "src/c.ts"), line(live));
    writeFileSync(join(t.root, "src/b.ts"), `x\n${line(live2)}${line(fake.liveKey(33))}`);
    const r = await scan(t.root);
    expect([r.code, r.found, r.suppressedStats]).toEqual([1, ["src/b.ts:3:14 finta-secret-key-live", "src/c.ts:1:14 finta-secret-key-live"], { baseline: 2 }]);
    // From a subfolder, paths are relative to it but the baseline still matches.
    expect((await scan(join(t.root, "src"))).found).toEqual(["b.ts:3:14 finta-secret-key-live", "c.ts:1:14 finta-secret-key-live"]);
  });

  it("is not itself scanned, unless its free text holds a secret", async () => {
    const t = repo({ "a.ts": line(live) });
    await runCli(["baseline"], t.root);
    const file = join(t.root, ".finta-guard-baseline.json");
    const clean = await runCli(["scan", "--format", "json"], t.root);
    expect((JSON.parse(clean.stdout) as { stats: { files: number } }).stats.files).toBe(1);
    const data = JSON.parse(readFileSync(file, "utf8")) as { entries: Record<string, string>[] };
    data.entries[0]!.reason = `replaced by ${live2}`;
    writeFileSync(file, JSON.stringify(data, null, 2));
    expect((await scan(t.root)).found).toEqual([".finta-guard-baseline.json:10:30 finta-secret-key-live"]);
  });

  it("keeps reasons and expiry dates; --prune drops entries that match nothing", async () => {
    const t = repo({ "a.ts": line(live), "b.ts": line(live2) });
    await runCli(["baseline"], t.root);
    const file = join(t.root, ".finta-guard-baseline.json");
    const data = JSON.parse(readFileSync(file, "utf8")) as { entries: Record<string, string>[] };
    data.entries[0]!.reason = "sandbox key, revoked";
    data.entries[0]!.expires = "2099-01-01";
    writeFileSync(file, JSON.stringify(data));
    writeFileSync(join(t.root, "b.ts"), "fixed\n");

    expect((await runCli(["baseline"], t.root)).stdout).toBe("finta-guard: wrote 2 baseline entries to .finta-guard-baseline.json (0 new)\n");
    expect((await runCli(["baseline", "--prune"], t.root)).stdout).toBe("finta-guard: wrote 1 baseline entry to .finta-guard-baseline.json (0 new, 1 pruned)\n");
    const after = JSON.parse(readFileSync(file, "utf8")) as { entries: Record<string, string>[] };
    expect(after.entries.map((e) => [e.file, e.reason, e.expires])).toEqual([["a.ts", "sandbox key, revoked", "2099-01-01"]]);
  });

  it("stops suppressing an entry once it has expired", async () => {
    const t = repo({ "a.ts": line(live) });
    await runCli(["baseline"], t.root);
    const file = join(t.root, ".finta-guard-baseline.json");
    const data = JSON.parse(readFileSync(file, "utf8")) as { entries: Record<string, string>[] };
    data.entries[0]!.expires = "2000-01-01";
    writeFileSync(file, JSON.stringify(data));
    expect((await scan(t.root)).found).toEqual(["a.ts:1:14 finta-secret-key-live"]);
  });

  it.each([
    ["a malformed baseline", "{ nope", /^finta-guard: \.finta-guard-baseline\.json: malformed baseline: invalid JSON: .+\n$/],
    ["a stale baseline", '{ "version": 1, "fingerprintVersion": 0, "entries": [] }', /^finta-guard: \.finta-guard-baseline\.json: stale baseline: written with fingerprint version 0, this finta-guard reads 1 and 2; regenerate it with `finta-guard baseline`\n$/],
  ])("fails with exit 2 on %s", async (_what, text, stderr) => {
    const t = repo({ "a.ts": line(live), ".finta-guard-baseline.json": text });
    const out = await runCli(["scan"], t.root);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(stderr);
  });

  it("fails with exit 2 when --baseline names a missing file", async () => {
    const t = repo({ "a.ts": "" });
    expect(await runCli(["scan", "--baseline", "none.json"], t.root)).toEqual({ code: 2, stdout: "", stderr: "finta-guard: none.json: baseline file not found\n" });
  });
});

describe("--report-unused / --fail-on-unused", () => {
  it("lists baseline entries and allow comments that suppressed nothing", async () => {
    const t = repo({ "a.ts": line(live), "b.ts": line(live2) });
    await runCli(["baseline"], t.root);
    writeFileSync(join(t.root, "b.ts"), "// finta-guard:allow -- was a key\nclean();\n");
    const fp = (JSON.parse(readFileSync(join(t.root, ".finta-guard-baseline.json"), "utf8")) as { entries: { file: string; fingerprint: string; hint: string }[] }).entries.find((e) => e.file === "b.ts")!;
    const expected = `finta-guard: unused baseline entry: b.ts: finta-secret-key-live ${fp.fingerprint} ${fp.hint}\nfinta-guard: unused inline allow: b.ts:1: finta-guard:allow -- was a key\n`;
    expect(await scan(t.root, "--report-unused")).toMatchObject({ code: 0, stderr: expected });
    expect(await scan(t.root, "--fail-on-unused")).toMatchObject({ code: 1, stderr: expected });
  });
});

describe("custom rules", () => {
  it("find what they describe, with their own allowlist", async () => {
    const body = fake.envValue(5).slice(0, 20).toLowerCase();
    const t = repo({
      "finta-guard.config.json": JSON.stringify({
        rules: [{ id: "acme-token", severity: "high", regex: "acme_[a-z0-9]{20}", keywords: ["acme_"], allowlist: { paths: ["test/"] } }],
      }),
      "src/a.ts": `t = "acme_${body}"\n`,
      "test/a.ts": `t = "acme_${body}"\n`,
    });
    const r = await scan(t.root);
    expect([r.found, r.suppressedStats]).toEqual([["src/a.ts:1:6 acme-token"], { path: 1 }]);
  });

  it("that backtrack catastrophically are stopped and reported as an error (exit 2)", async () => {
    const t = repo({
      "finta-guard.config.json": JSON.stringify({
        scanTimeoutMs: 300,
        rules: [
          { id: "fine", severity: "low", regex: "fine_[0-9]{6}", keywords: ["fine_"] },
          { id: "slow", severity: "low", regex: "(x+x+)+y", keywords: ["x"] },
        ],
      }),
      "ok.txt": "nothing\n",
      "big.txt": "x".repeat(5000) + "\n",
    });
    const out = await runCli(["scan"], t.root);
    expect([out.code, out.stderr]).toEqual([2, "finta-guard: big.txt: rule slow timed out on big.txt (limit 300 ms per MiB)\n"]);
  });
});
