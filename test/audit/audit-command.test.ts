/** finta-guard audit as a command: whole-repository runs, exit codes, --output, argument errors. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CliArgs } from "../../src/cli/args.js";
import { auditCommand, auditCommandFromArgs } from "../../src/cli/commands/audit.js";
import { ConfigError, FintaGuardError, UsageError } from "../../src/errors.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";
import { makeFixtureRepo, TODAY, type FixtureRepo } from "./fixture-repo.js";

let repo: FixtureRepo | TempTree | undefined;
afterEach(() => repo?.cleanup());

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) }, out, err };
}

/** A repository that follows the whole checklist. */
const goodRepo = {
  files: {
    ".gitignore": ".env\n.env.local\n.env.*.local\n",
    ".env.example": "FINTA_SECRET_KEY=\n",
    ".env.development": `FINTA_SECRET_KEY=${fake.testKey(31)}\n`,
    ".env.production": `FINTA_SECRET_KEY=${fake.liveKey(32)}\n`,
    ".husky/pre-commit": "npx finta-guard scan --staged\n",
    // husky is activated by npm install (the prepare script), as in a real project.
    "package.json": '{ "scripts": { "prepare": "husky" } }\n',
    ".github/workflows/ci.yml": "on: [push]\njobs:\n  s:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx finta-guard scan\n",
    "finta-guard.config.json": '{\n  "auditLog": ".finta-guard/audit.jsonl",\n  "keys": [{ "name": "prod", "environment": "production", "createdAt": "2026-11-01" }]\n}\n',
    "src/webhook.ts":
      'import { createHmac, timingSafeEqual } from "node:crypto";\nexport function verify(raw: Buffer, header: string): boolean {\n  const mac = createHmac("sha256", process.env.FINTA_WEBHOOK_SECRET ?? "").update(raw).digest();\n  const given = Buffer.from(header, "hex"); // x-finta-signature\n  return given.length === mac.length && timingSafeEqual(given, mac);\n}\n',
  },
  commit: [".gitignore", ".env.example", ".husky/pre-commit", "package.json", ".github/workflows/ci.yml", "finta-guard.config.json", "src/webhook.ts"],
};

describe("auditCommand", () => {
  it("a repository that follows the checklist: every check passes, exit 0", async () => {
    repo = makeFixtureRepo(goodRepo);
    const { io, out } = capture();
    const code = await auditCommand({ format: "json", cwd: join(repo.root, "src"), now: TODAY }, io);
    const doc = JSON.parse(out.join(""));
    expect(doc.checks.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
      ["env-files-ignored", "pass"],
      ["env-files-untracked", "pass"],
      ["no-hardcoded-credentials", "pass"],
      ["keys-per-environment", "pass"],
      ["webhook-signature-verified", "pass"],
      ["audit-logging-enabled", "pass"],
      ["hook-installed", "pass"],
      ["key-rotation", "pass"],
    ]);
    expect(code).toBe(0);
  });

  it("a failed check: exit 1; warnings alone: exit 0", async () => {
    const fixture = makeFixtureRepo({ files: { ".gitignore": ".env*\n", "a.ts": `const k = "${fake.liveKey(33)}";\n` }, commit: [".gitignore", "a.ts"] });
    repo = fixture;
    const { io, out } = capture();
    expect(await auditCommand({ format: "text", cwd: repo.root, now: TODAY }, io)).toBe(1);
    expect(out.join("")).toContain("✗ no-hardcoded-credentials");
    fixture.git("rm", "-q", "--cached", "a.ts");
    expect(await auditCommand({ format: "text", cwd: repo.root, now: TODAY }, capture().io)).toBe(0);
  });

  it("--output writes the report to a file (SARIF)", async () => {
    repo = makeFixtureRepo(goodRepo);
    const { io, out } = capture();
    expect(await auditCommand({ format: "sarif", output: "audit.sarif", cwd: repo.root, now: TODAY }, io)).toBe(0);
    expect(out).toEqual([]);
    expect(JSON.parse(readFileSync(join(repo.root, "audit.sarif"), "utf8")).version).toBe("2.1.0");
  });

  it("not a git repository: FintaGuardError (exit 2)", async () => {
    repo = makeTempTree({});
    await expect(auditCommand({ format: "text", cwd: repo.root }, capture().io)).rejects.toBeInstanceOf(FintaGuardError);
  });

  it.each([
    ["--format github", { positionals: [], values: { format: "github" } }, UsageError, "--format github: audit supports text, json, sarif"],
    ["a path", { positionals: ["src"], values: {} }, UsageError, 'audit takes no paths (got "src"); run it inside the repository'],
    ["--jobs 0", { positionals: [], values: { jobs: "0" } }, UsageError, "--jobs 0: expected a positive whole number"],
    ["--config missing", { positionals: [], values: { config: "nope.json" } }, ConfigError, "nope.json: configuration file not found"],
  ] as const)("%s: a one-line FintaGuardError (exit 2)", async (_name, parsed, type, message) => {
    repo = makeFixtureRepo({ files: { "a.txt": "x\n" } });
    const args = { command: undefined, ...parsed } as unknown as CliArgs;
    const io = { cwd: repo.root, env: {}, stdout: () => {}, stderr: () => {}, stdoutIsTTY: false, stderrIsTTY: false };
    const outcome = await auditCommandFromArgs(args, io).then(
      () => undefined,
      (error: Error) => ({ type: error.constructor, message: error.message }),
    );
    expect(outcome).toEqual({ type, message });
  });
});
