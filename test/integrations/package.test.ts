/**
 * The published package, as a user gets it: `npm pack` of this checkout,
 * installed into a fresh project (from the npm cache where it can), then
 * imported as `finta-guard` (the library API, and its types under tsc) and
 * run as its bin. Also what the tarball holds: LICENSE, docs the README links
 * to, no sources or tests, and only the runtime dependencies the code uses.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo } from "../helpers/git-repo.js";

const PROJECT = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(PROJECT, "package.json"), "utf8")) as { dependencies: Record<string, string>; version: string; license: string };

let base: string;
let tarball: string;
let files: string[];
let app: string;

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, HUSKY: "0", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" }, stdio: ["ignore", "pipe", "pipe"] });
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "finta-guard-pack-"));
  // dist/ is built by `npm test` before vitest runs; packing it again would rebuild it under the running tests.
  const packed = JSON.parse(npm(["pack", "--ignore-scripts", "--json", "--pack-destination", base], PROJECT)) as { filename: string; files: { path: string }[] }[];
  tarball = join(base, packed[0]!.filename);
  files = packed[0]!.files.map((f) => f.path).sort();
  app = join(base, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", version: "1.0.0", private: true, type: "module" }));
  npm(["install", tarball, "--prefer-offline", "--no-audit", "--no-fund"], app);
}, 300_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("the packed tarball", () => {
  it("holds the licence, the built library and bin, the docs, and no sources or tests", () => {
    for (const f of ["LICENSE", "README.md", "package.json", "dist/index.js", "dist/index.d.ts", "dist/cli/main.js", "docs/rules.md", "config.schema.json"]) expect(files).toContain(f);
    expect(files.filter((f) => /^(src|test|bench|scripts|\.ci|\.husky)\//.test(f))).toEqual([]);
    expect(readFileSync(join(PROJECT, "LICENSE"), "utf8")).toMatch(new RegExp(`^${pkg.license} License`));
  });

  it("every relative link of the README resolves to a file in the tarball", () => {
    const readme = readFileSync(join(PROJECT, "README.md"), "utf8");
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/i.test(l));
    expect(links.filter((l) => !files.includes(l.replace(/^\.\//, "")))).toEqual([]);
  });

  it("installs exactly the declared runtime dependencies, and the code imports no other package", () => {
    const installed = JSON.parse(readFileSync(join(app, "node_modules", "finta-guard", "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(Object.keys(installed.dependencies).sort()).toEqual(["fast-glob", "ignore", "micromatch"]);
    // Static and dynamic imports of every shipped module (the bundled bin's chunks included).
    const dist = execFileSync("find", [join(app, "node_modules", "finta-guard", "dist"), "-name", "*.js"], { encoding: "utf8" }).split("\n").filter(Boolean);
    const specifiers = dist.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)\b[^;]*?[\s}]from\s*"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/gm)].map((m) => m[1] ?? m[2]!));
    const imported = new Set(specifiers.filter((s) => !s.startsWith(".") && !s.startsWith("node:")).map((s) => s.split("/")[0]!));
    expect([...imported].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it("import('finta-guard'): scanText, scanPaths, scanStaged and listRules work from the installed package", () => {
    const repo = makeGitRepo({ dir: "work" });
    try {
      repo.write("src/app.js", `// app\nconst key = "${fake.liveKey()}";\n`);
      repo.git(["add", "src/app.js"]);
      writeFileSync(
        join(app, "use.mjs"),
        `import { scanText, scanPaths, scanStaged, listRules } from "finta-guard";
const cwd = process.argv[2];
const text = await scanText("x\\nconst k = \\"" + process.argv[3] + "\\";\\n", { path: "lib/k.ts", cwd });
const paths = await scanPaths(["src"], { cwd });
const staged = await scanStaged({ cwd });
const rules = await listRules({ cwd });
const pick = (r) => r.findings.map((f) => [f.file, f.line, f.column, f.ruleId, f.blocking ?? null, f.secret.endsWith("(redacted)")]);
console.log(JSON.stringify({ text: pick(text), paths: pick(paths), staged: pick(staged), hasRule: rules.some((r) => r.id === "finta-secret-key-live"), count: rules.length > 50 }));
`,
      );
      const out = execFileSync(process.execPath, ["use.mjs", repo.root, fake.liveKey(2)], { cwd: app, encoding: "utf8", env: repo.env });
      expect(JSON.parse(out)).toEqual({
        text: [["lib/k.ts", 2, 12, "finta-secret-key-live", null, true]],
        paths: [["src/app.js", 2, 14, "finta-secret-key-live", null, true]],
        staged: [["src/app.js", 2, 14, "finta-secret-key-live", true, true]],
        hasRule: true,
        count: true,
      });
    } finally {
      repo.cleanup();
    }
  });

  it("its types: a TypeScript consumer type-checks against dist/index.d.ts", () => {
    writeFileSync(
      join(app, "use.ts"),
      `import { scanText, type Finding, type ScanResult, type FintaGuardConfig, type Severity } from "finta-guard";
const config: FintaGuardConfig = { allowlist: { paths: ["fixtures/**"] } };
const result: ScanResult = await scanText("hello", { path: "a.txt" });
const first: Finding | undefined = result.findings[0];
const severity: Severity | undefined = first?.severity;
export { config, severity };
`,
    );
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "nodenext", target: "es2022", strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ["use.ts"] }));
    const tsc = spawnSync(process.execPath, [join(PROJECT, "node_modules", "typescript", "bin", "tsc"), "-p", "."], { cwd: app, encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });

  it("its bin runs: npx finta-guard --version", () => {
    expect(execFileSync(join(app, "node_modules", ".bin", "finta-guard"), ["--version"], { encoding: "utf8" }).trim()).toContain(pkg.version);
  });
});
