/**
 * `finta-guard audit` and `finta-guard scan` agree: a credential that the
 * scan suppresses (inline allow, path allowlist, `.finta-guardignore`,
 * baseline) does not fail the audit's no-hardcoded-credentials check, and the
 * check's reason counts what was suppressed and by which mechanism. Through
 * the built program, on real repositories.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runBin } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";
import { fintaRules } from "../../src/rules/finta.js";

let repo: GitRepo | undefined;
afterEach(() => repo?.cleanup());

interface CheckJson {
  id: string;
  status: string;
  reason: string;
  evidence: { file: string; line: number; column?: number; message: string }[];
}

function credentialCheck(root: string, env: Record<string, string>): CheckJson {
  const out = runBin(["audit", "--format", "json"], root, { env });
  const report = JSON.parse(out.stdout) as { checks: CheckJson[] };
  const check = report.checks.find((c) => c.id === "no-hardcoded-credentials");
  if (!check) throw new Error(`no credential check in: ${out.stdout}${out.stderr}`);
  return check;
}

function scanExit(root: string, env: Record<string, string>): number {
  return runBin(["scan", "."], root, { env }).code;
}

const keyLine = () => `const key = "${fake.liveKey(7)}";`;

const mechanisms: { name: string; files: () => Record<string, string>; baseline?: boolean; counted: string }[] = [
  { name: "an inline allow comment", files: () => ({ "src/app.ts": `${keyLine()} // finta-guard:allow finta-secret-key-live -- revoked sandbox key\n` }), counted: "1 suppressed: 1 inline allow" },
  {
    name: "a path allowlist in the configuration",
    files: () => ({ "src/app.ts": `${keyLine()}\n`, "finta-guard.config.json": JSON.stringify({ allowlist: { description: "fixtures", paths: ["src/app.ts"] } }) }),
    counted: "1 suppressed: 1 path allowlist",
  },
  { name: "a .finta-guardignore entry", files: () => ({ "src/app.ts": `${keyLine()}\n`, ".finta-guardignore": "src/app.ts\n" }), counted: "1 suppressed: 1 path allowlist" },
  { name: "the baseline", files: () => ({ "src/app.ts": `${keyLine()}\n` }), baseline: true, counted: "1 suppressed: 1 baseline" },
];

describe("audit agrees with scan", () => {
  it("without any suppression both fail on the same credential, at the same place", () => {
    repo = makeGitRepo();
    repo.write("src/app.ts", `\n${keyLine()}\n`);
    repo.commitAll("key");
    const check = credentialCheck(repo.root, repo.env);
    expect(check.status).toBe("fail");
    expect(check.evidence.map(({ file, line, column }) => ({ file, line, column }))).toEqual([{ file: "src/app.ts", line: 2, column: 14 }]);
    expect(check.evidence[0]?.message.startsWith("finta-secret-key-live ")).toBe(true);
    expect(scanExit(repo.root, repo.env)).toBe(1);
  });

  it.each(mechanisms)("a credential suppressed by $name: scan exits 0, the check passes and counts it", ({ files, baseline, counted }) => {
    repo = makeGitRepo();
    for (const [path, text] of Object.entries(files())) repo.write(path, text);
    if (baseline) expect(runBin(["baseline"], repo.root, { env: repo.env }).code).toBe(0);
    repo.commitAll("suppressed key");
    expect(scanExit(repo.root, repo.env)).toBe(0);
    const check = credentialCheck(repo.root, repo.env);
    expect(check.status).toBe("pass");
    expect(check.reason).toMatch(new RegExp(`^No Finta credential found \\(\\d+ tracked file\\(s\\) scanned with ${fintaRules.length} Finta rules; ${counted}\\)\\.$`));
  });
});
