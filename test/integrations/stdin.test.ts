/**
 * `finta-guard scan -` reads the text from standard input; `--stdin-name`
 * gives it the path used for positions, allowlists and reports. Run as the
 * built binary with a real pipe.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

let repo: GitRepo;
afterEach(() => repo?.cleanup());

function scanStdin(args: string[], input: string, cwd: string, env: Record<string, string>) {
  const r = spawnSync(process.execPath, [BIN, "scan", "-", ...args], { cwd, env, input, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const text = () => `// config\nexport const key = "${fake.liveKey()}";\n`;

describe("scan - (standard input)", () => {
  it("reports at the position in the piped text, under --stdin-name", () => {
    repo = makeGitRepo();
    const out = scanStdin(["--stdin-name", "src/app.ts", "--format", "json"], text(), repo.root, repo.env);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(1);
    const findings = (JSON.parse(out.stdout) as { findings: { file: string; line: number; column: number; ruleId: string }[] }).findings;
    expect(findings.map(({ file, line, column, ruleId }) => ({ file, line, column, ruleId }))).toEqual([
      { file: "src/app.ts", line: 2, column: 21, ruleId: "finta-secret-key-live" },
    ]);
  });

  it("names it <stdin> without --stdin-name; a clean text exits 0", () => {
    repo = makeGitRepo();
    const dirty = scanStdin(["--format", "json"], text(), repo.root, repo.env);
    expect((JSON.parse(dirty.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file)).toEqual(["<stdin>"]);
    const clean = scanStdin([], "nothing to see\n", repo.root, repo.env);
    expect(clean.code).toBe(0);
  });

  it("applies path allowlists to the --stdin-name path", () => {
    repo = makeGitRepo();
    writeFileSync(join(repo.root, "finta-guard.config.json"), JSON.stringify({ allowlist: { paths: ["fixtures/**"] } }));
    expect(scanStdin(["--stdin-name", "fixtures/keys.ts"], text(), repo.root, repo.env).code).toBe(0);
    expect(scanStdin(["--stdin-name", "src/keys.ts"], text(), repo.root, repo.env).code).toBe(1);
  });

  it("rejects - with other paths, with --staged, and --stdin-name without -", () => {
    repo = makeGitRepo();
    const mixed = scanStdin(["src"], "", repo.root, repo.env);
    expect([mixed.code, mixed.stderr]).toEqual([2, `finta-guard: "-" (standard input) cannot be combined with other paths\n`]);
    const staged = scanStdin(["--staged"], "", repo.root, repo.env);
    expect([staged.code, staged.stderr]).toEqual([2, `finta-guard: "-" (standard input) cannot be combined with --staged\n`]);
    const r = spawnSync(process.execPath, [BIN, "scan", ".", "--stdin-name", "x"], { cwd: repo.root, env: repo.env, encoding: "utf8" });
    expect([r.status, r.stderr]).toEqual([2, `finta-guard: --stdin-name applies to "scan -" only\n`]);
  });
});
