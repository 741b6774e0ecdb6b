/**
 * The program behind `bin` is a bundle (scripts/build-bin.mjs): the rules go
 * in as data without their examples, the scan worker and the lazily loaded
 * commands become chunks beside it. These tests run the bundle itself and
 * hold it to what the source says, so a bundling mistake (a rule lost, a
 * worker or hook file not found from the chunk folder) fails here.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { builtinRules } from "../../src/rules/index.js";
import { fake } from "../helpers/fake-secrets.js";
import { BIN, runBin, runCli } from "../helpers/cli.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
let tree: TempTree | undefined;
let repo: GitRepo | undefined;
afterEach(() => {
  tree?.cleanup();
  repo?.cleanup();
  tree = repo = undefined;
});

describe("the bundled program (dist/cli/main.js)", () => {
  it("is a bundle: one entry that loads its commands as chunks", () => {
    const entry = readFileSync(BIN, "utf8");
    expect(entry.startsWith("#!/usr/bin/env node\n")).toBe(true);
    // Executable: `npx finta-guard` and the hooks run it directly.
    expect(statSync(BIN).mode & 0o111).toBe(0o111);
    expect(entry).toMatch(/from "\.\/chunk-[A-Z0-9]+\.js"/);
  });

  it("ships exactly the rules of src/rules, every field but the examples", async () => {
    const bundled = runBin(["rules", "--format", "json"], repoRoot);
    const source = await runCli(["rules", "--format", "json"], repoRoot);
    expect(bundled.code).toBe(0);
    expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(source.stdout));
    expect((JSON.parse(bundled.stdout) as { rules: unknown[] }).rules).toHaveLength(builtinRules.length);
  });

  it("finds its scan worker: a tree scan on worker threads gives the same findings as one thread", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 130; i++) files[`f${String(i).padStart(3, "0")}.txt`] = i % 13 === 0 ? `x\n  ${fake.liveKey(i)}\n` : "plain\n";
    tree = makeTempTree(files);
    const where = (jobs: string) => {
      const out = runBin(["scan", "--jobs", jobs, "--format", "json"], tree!.root);
      expect(out.code).toBe(1);
      return (JSON.parse(out.stdout) as { findings: { ruleId: string; file: string; line: number; column: number }[] }).findings.map(
        ({ ruleId, file, line, column }) => ({ ruleId, file, line, column }),
      );
    };
    const two = where("2");
    expect(two).toHaveLength(10);
    expect(two[0]).toEqual({ ruleId: "finta-secret-key-live", file: "f000.txt", line: 2, column: 3 });
    expect(where("1")).toEqual(two);
  });

  it("finds the hook text and the package version two folders up", () => {
    repo = makeGitRepo();
    const out = runBin(["install"], repo.root, { env: repo.env });
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const shipped = readFileSync(new URL("../../hooks/pre-commit", import.meta.url), "utf8");
    const installed = readFileSync(join(repo.root, ".git", "hooks", "pre-commit"), "utf8");
    expect(installed).toContain(shipped.split("\n").find((line) => line.includes("scan --staged")));
    const version = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
    expect(runBin(["--version"], repo.root).stdout).toBe(`${version}\n`);
  });
});
