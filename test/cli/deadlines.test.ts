/**
 * Nothing in a repository can hang a scan: every rule (built-in or custom)
 * and every regex from the configuration runs under the per-MiB deadline,
 * and a target that outlives it is an error naming what ran (a configured
 * pattern quoted to at most 40 characters) and the file: exit 2. Through the
 * built binary, in real git repositories. Also: staged blobs are streamed
 * with custom rules in force (they were buffered whole).
 */
import { afterEach, describe, expect, it } from "vitest";
import { runBin } from "../helpers/cli.js";
import { fakeBody, ALNUM } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

let repo: GitRepo | undefined;
afterEach(() => repo?.cleanup());

/** The allowlist regex: nested quantifiers over the same characters. */
const HANGING = '^(?:[a-z ="_A-Z0-9;/]+)+$';
/** A line it backtracks on for ever: 60 of its characters, then one it refuses. */
const hangingLine = () => `password = "${fakeBody(14, ALNUM, 3, "deadline")}" ${"a".repeat(40)}!\n`;

function setup(config: object, files: Record<string, string>): GitRepo {
  repo = makeGitRepo();
  repo.write("finta-guard.config.json", JSON.stringify(config));
  for (const [path, text] of Object.entries(files)) repo.write(path, text);
  return repo;
}

describe("linear filters", () => {
  it("a long passphrase in the hook is reported at once (the word filter's regex backtracked for minutes on it)", () => {
    // 14 letters longer than the example (which took 6 s; this one took 110 s).
    const phrase = ["correct", "horse", "battery", "staple", "correct", "horse", "battery", "staple"].join("") + "2024!";
    const r = setup({}, { "app.env": `DB_PASSWORD="${phrase}"\n` });
    r.git(["add", "-A"]);
    const out = runBin(["scan", "--staged", "--format", "json"], r.root, { env: r.env });
    const report = JSON.parse(out.stdout) as { findings: { file: string; line: number; column: number; endColumn: number; ruleId: string }[] };
    expect([out.code, report.findings.map((f) => `${f.file}:${f.line}:${f.column}-${f.endColumn} ${f.ruleId}`)]).toEqual([1, [`app.env:1:14-${14 + phrase.length} generic-password`]]);
  });
});

describe("deadlines", () => {
  it("a global allowlist regex that backtracks catastrophically: exit 2 naming it and the file", () => {
    const r = setup({ scanTimeoutMs: 200, allowlist: { regexes: [HANGING], regexTarget: "line" } }, { "ok.txt": "nothing\n", "a.txt": hangingLine() });
    const out = runBin(["scan", ".", "--format", "json"], r.root, { env: r.env });
    expect([out.code, out.stderr]).toEqual([2, `finta-guard: a.txt: allowlist regex ${JSON.stringify(HANGING)} timed out on a.txt (limit 200 ms per MiB)\n`]);
  });

  it("a per-rule override's allowlist regex, in a staged scan: exit 2, at most 40 characters of the pattern quoted", () => {
    const long = `^(?:(?:[a-z ="_A-Z0-9;/]+)+$|no-such-line-in-this-file)`;
    const r = setup({ scanTimeoutMs: 200, override: { "generic-password": { allowlist: { regexes: [long], regexTarget: "line" } } } }, { "a.txt": hangingLine() });
    r.git(["add", "-A"]);
    const out = runBin(["scan", "--staged"], r.root, { env: r.env });
    expect(long.length).toBeGreaterThan(40);
    expect([out.code, out.stderr]).toEqual([2, `finta-guard: a.txt: allowlist regex ${JSON.stringify(long.slice(0, 40) + "…")} timed out on a.txt (limit 200 ms per MiB)\n`]);
  });

  it("built-in rules run under the deadline too: a file that takes longer is exit 2 naming the rule", () => {
    // Each MiB of real findings takes far more than the smallest limit allowed (10 ms per
    // MiB); three of them, as a thread's first window has extra time (for compiling the rules).
    const lines = Array.from({ length: 120_000 }, (_, i) => `password: "${fakeBody(12, ALNUM, i, "dense")}"`).join("\n");
    // (Only that file: any other would be the first to meet rules V8 has not compiled yet.)
    const r = setup({ scanTimeoutMs: 10, allowlist: { paths: ["finta-guard.config.json"] } }, { "dense.txt": lines + "\n" });
    const out = runBin(["scan", ".", "--format", "json"], r.root, { env: r.env });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^finta-guard: dense\.txt: (?:rule [a-z0-9-]+|the scan) timed out on dense\.txt \(limit 10 ms per MiB\)\n$/);
  });

  it("a custom rule in force: a staged blob of several MiB is streamed and its findings located exactly", () => {
    const filler = "const x = 1;\n".repeat(300_000);
    const r = setup({ rules: [{ id: "acme-token", severity: "high", regex: "acme_[0-9]{8}", keywords: ["acme_"] }] }, { "big.txt": `${filler}id = acme_73910582\n` });
    r.git(["add", "-A"]);
    const out = runBin(["scan", "--staged", "--format", "json"], r.root, { env: r.env });
    const report = JSON.parse(out.stdout) as { findings: { file: string; line: number; column: number; ruleId: string }[] };
    expect([out.code, out.stderr, report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)]).toEqual([1, "", ["big.txt:300001:6 acme-token"]]);
  });
});
