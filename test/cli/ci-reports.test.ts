/**
 * `--format sarif` and `--format github` through the CLI: paths relative to
 * the repository root wherever the scan starts, and a SARIF log the official
 * validator accepts.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { VALIDATOR_TIMEOUT_MS, validateSarif } from "../helpers/sarif-validator.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";

let tree: TempTree | undefined;
afterEach(() => tree?.cleanup());

const produced: Record<string, string> = {};
afterAll(() => {
  expect(Object.keys(produced).sort()).toEqual(["outside-git.sarif", "subdir.sarif"]);
  expect(validateSarif(produced)).toEqual({ errors: [], warnings: [] });
}, VALIDATOR_TIMEOUT_MS);

const live = fake.liveKey(31);

function repo(): string {
  tree = makeTempTree({ "web/src/app.ts": `\nconst key = "${live}";\n`, "README.md": "hi\n" });
  const root = realpathSync(tree.root);
  execFileSync("git", ["init", "-q"], { cwd: root });
  return root;
}

interface Run {
  originalUriBaseIds: Record<string, { uri?: string }>;
  results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[] }[];
}

describe("CI report formats from the command line", () => {
  it("sarif: started in a subdirectory, URIs are relative to the repository root", async () => {
    const root = repo();
    const out = await runCli(["scan", "--format", "sarif", "--output", "report.sarif", "--jobs", "1"], join(root, "web"));
    // The report is in the file; stderr says so in one line.
    expect([out.code, out.stdout, out.stderr]).toEqual([1, "", "finta-guard: 1 finding (1 critical); report written to report.sarif\n"]);
    const text = readFileSync(join(root, "web/report.sarif"), "utf8");
    produced["subdir.sarif"] = text;
    const run = (JSON.parse(text) as { runs: Run[] }).runs[0]!;
    expect(run.originalUriBaseIds["%SRCROOT%"]?.uri).toBe(pathToFileURL(root).href + "/");
    expect(run.results.map((r) => r.locations[0]!.physicalLocation)).toEqual([
      {
        artifactLocation: { uri: "web/src/app.ts", uriBaseId: "%SRCROOT%" },
        region: expect.objectContaining({ startLine: 2, startColumn: 14 }),
        contextRegion: expect.objectContaining({ startLine: 2 }),
      },
    ]);
    expect(text).not.toContain(live);
  });

  it("sarif outside a git repository: the current directory is the root", async () => {
    tree = makeTempTree({ "a/k.env": `KEY=${live}\n` });
    const cwd = realpathSync(tree.root);
    const out = await runCli(["scan", "--format", "sarif", "--jobs", "1"], cwd, { GIT_CEILING_DIRECTORIES: cwd });
    expect(out.code).toBe(1);
    produced["outside-git.sarif"] = out.stdout;
    const run = (JSON.parse(out.stdout) as { runs: Run[] }).runs[0]!;
    expect(run.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation)).toEqual([{ uri: "a/k.env", uriBaseId: "%SRCROOT%" }]);
  });

  it("github: one annotation per finding, path relative to the repository root", async () => {
    const root = repo();
    mkdirSync(join(root, "web/empty"));
    const out = await runCli(["scan", "..", "--format", "github", "--jobs", "1"], join(root, "web/empty"));
    expect(out.code).toBe(1);
    const annotations = out.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations.map((a) => a.slice(0, a.indexOf("::", 2)))).toEqual([
      "::error file=web/src/app.ts,line=2,col=14,endColumn=54,title=critical secret%3A finta-secret-key-live",
    ]);
  });
});
