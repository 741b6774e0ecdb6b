/**
 * A scanned repository is untrusted: nothing in it (its configuration, a
 * committed symbolic link, its file names) may make finta-guard write outside
 * it, into `.git/`, or through a link; a path from the command line may point
 * anywhere, but never through a link either. Records never carry raw control
 * characters or a remote's token. Each case runs the built binary on a real
 * git repository with real links, and checks the file system afterwards.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runBin } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

let repo: GitRepo | undefined;
afterEach(() => repo?.cleanup());

const VICTIM_TEXT = "# the user's own file\n";

/** A repository with one live key in `app.ts`, and a file outside it that must stay untouched. */
function setup(files: Record<string, string> = {}): { repo: GitRepo; victim: string } {
  const r = (repo = makeGitRepo());
  r.git(["config", "user.email", "dev@example.com"]);
  r.write("app.ts", `const key = "${fake.liveKey(7)}";\n`);
  for (const [path, content] of Object.entries(files)) r.write(path, content);
  const victim = join(r.base, "victim.txt");
  writeFileSync(victim, VICTIM_TEXT);
  return { repo: r, victim };
}

const run = (r: GitRepo, argv: string[]) => runBin(argv, r.root, { env: r.env });

describe("auditLog in the configuration is confined to the repository", () => {
  it.each([
    ["../victim.txt", 'must stay inside the repository, got "../victim.txt" (".." is not allowed)', (r: GitRepo) => join(r.base, "victim.txt")],
    [".git/hooks/post-commit", 'must not point into .git/, got ".git/hooks/post-commit"', (r: GitRepo) => join(r.root, ".git/hooks/post-commit")],
    ["logs/../../victim.txt", 'must stay inside the repository, got "logs/../../victim.txt" (".." is not allowed)', (r: GitRepo) => join(r.base, "victim.txt")],
  ])("%s: exit 2, one line, nothing written", (auditLog, problem, target) => {
    const { repo: r, victim } = setup({ "finta-guard.config.json": JSON.stringify({ auditLog }) });
    const before = existsSync(target(r)) ? readFileSync(target(r), "utf8") : undefined;
    const out = run(r, ["scan", "."]);
    expect([out.code, out.stdout, out.stderr]).toEqual([2, "", `finta-guard: finta-guard.config.json: auditLog: ${problem}\n`]);
    expect(existsSync(target(r)) ? readFileSync(target(r), "utf8") : undefined).toBe(before);
    expect(readFileSync(victim, "utf8")).toBe(VICTIM_TEXT);
  });

  it("an absolute auditLog is refused; the same file named with --audit-log is written", () => {
    const { repo: r } = setup();
    const outside = join(r.base, "ci-logs", "audit.jsonl");
    writeFileSync(join(r.root, "finta-guard.config.json"), JSON.stringify({ auditLog: outside }));
    const refused = run(r, ["scan", "."]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `finta-guard: finta-guard.config.json: auditLog: must be a path inside the repository, got the absolute path "${outside.slice(0, 40)}…" (name a file elsewhere with the command-line option instead)\n`,
    );
    expect(existsSync(outside)).toBe(false);

    writeFileSync(join(r.root, "finta-guard.config.json"), "{}");
    const allowed = run(r, ["scan", ".", "--audit-log", outside]);
    expect(allowed.code).toBe(1);
    expect(JSON.parse(readFileSync(outside, "utf8")).action).toBe("finta-guard.scan.tree");
  });

  it("audit and baseline refuse it too (one check for every command)", () => {
    const { repo: r, victim } = setup({ "finta-guard.config.json": JSON.stringify({ auditLog: "../victim.txt" }) });
    for (const command of ["audit", "baseline"]) {
      const out = run(r, [command]);
      expect([command, out.code, out.stderr]).toEqual([command, 2, 'finta-guard: finta-guard.config.json: auditLog: must stay inside the repository, got "../victim.txt" (".." is not allowed)\n']);
    }
    expect(readFileSync(victim, "utf8")).toBe(VICTIM_TEXT);
    expect(existsSync(join(r.root, ".finta-guard-baseline.json"))).toBe(false);
  });
});

describe("no write goes through a link", () => {
  it("--audit-log .finta-guard/audit.jsonl where the repository commits that file as a link", () => {
    const { repo: r, victim } = setup();
    mkdirSync(join(r.root, ".finta-guard"));
    symlinkSync(victim, join(r.root, ".finta-guard", "audit.jsonl"));
    r.commitAll("a link where the log goes");
    const out = run(r, ["scan", "app.ts", "--audit-log", ".finta-guard/audit.jsonl"]);
    expect([out.code, out.stderr]).toEqual([2, "finta-guard: audit log .finta-guard/audit.jsonl: cannot write (refusing to write through a symbolic link)\n"]);
    expect(readFileSync(victim, "utf8")).toBe(VICTIM_TEXT);
  });

  it("the configured auditLog whose folder is a committed link to a folder outside", () => {
    const { repo: r } = setup({ "finta-guard.config.json": JSON.stringify({ auditLog: ".finta-guard/audit.jsonl" }) });
    const outsideDir = join(r.base, "elsewhere");
    mkdirSync(outsideDir);
    symlinkSync(outsideDir, join(r.root, ".finta-guard"));
    const out = run(r, ["scan", "app.ts"]);
    expect([out.code, out.stderr]).toEqual([2, "finta-guard: audit log .finta-guard/audit.jsonl: cannot write (refusing to write through a symbolic link (.finta-guard is one))\n"]);
    expect(existsSync(join(outsideDir, "audit.jsonl"))).toBe(false);
  });

  it("baseline does not create the target of a committed dangling .finta-guard-baseline.json link", () => {
    const { repo: r } = setup();
    const target = join(r.base, "created-by-baseline.json");
    symlinkSync(target, join(r.root, ".finta-guard-baseline.json"));
    r.commitAll("dangling baseline link");
    const out = run(r, ["baseline"]);
    expect([out.code, out.stderr]).toEqual([2, "finta-guard: .finta-guard-baseline.json: cannot write baseline: refusing to write through a symbolic link\n"]);
    expect(existsSync(target)).toBe(false);
    expect(readlinkSync(join(r.root, ".finta-guard-baseline.json"))).toBe(target);
  });

  it("--baseline FILE from the command line is not followed through a link either", () => {
    const { repo: r } = setup();
    const target = join(r.base, "accepted-elsewhere.json");
    symlinkSync(target, join(r.root, "accepted.json"));
    const out = run(r, ["baseline", "--baseline", "accepted.json"]);
    expect([out.code, out.stderr]).toEqual([2, "finta-guard: accepted.json: cannot write baseline: refusing to write through a symbolic link\n"]);
    expect(existsSync(target)).toBe(false);
  });

  it.each([
    ["scan", ["scan", "app.ts", "--format", "sarif", "--output", "report.sarif"], "finta-guard: --output report.sarif: refusing to write through a symbolic link\n"],
    ["rules", ["rules", "--output", "report.sarif"], "finta-guard: --output report.sarif: refusing to write through a symbolic link\n"],
    ["audit", ["audit", "--output", "report.sarif"], "finta-guard: --output report.sarif: cannot write (refusing to write through a symbolic link)\n"],
  ])("%s --output onto a committed link", (_name, argv, stderr) => {
    const { repo: r, victim } = setup();
    symlinkSync(victim, join(r.root, "report.sarif"));
    r.commitAll("report.sarif is a link");
    const out = run(r, argv);
    expect([out.code, out.stderr]).toEqual([2, stderr]);
    expect(readFileSync(victim, "utf8")).toBe(VICTIM_TEXT);
    expect(lstatSync(join(r.root, "report.sarif")).isSymbolicLink()).toBe(true);
  });

  it("--output into a folder the repository commits as a link", () => {
    const { repo: r } = setup();
    const outsideDir = join(r.base, "elsewhere");
    mkdirSync(outsideDir);
    symlinkSync(outsideDir, join(r.root, "reports"));
    const out = run(r, ["scan", "app.ts", "--output", "reports/scan.txt"]);
    expect([out.code, out.stderr]).toEqual([2, "finta-guard: --output reports/scan.txt: refusing to write through a symbolic link (reports is one)\n"]);
    expect(existsSync(join(outsideDir, "scan.txt"))).toBe(false);
  });

  it("a regular --output file is replaced as before (shorter content leaves no tail)", () => {
    const { repo: r } = setup();
    writeFileSync(join(r.root, "out.txt"), "x".repeat(10_000));
    const out = run(r, ["scan", "app.ts", "--format", "json", "--output", "out.txt"]);
    expect(out.code).toBe(1);
    expect(JSON.parse(readFileSync(join(r.root, "out.txt"), "utf8")).findings).toHaveLength(1);
  });
});

describe("records", () => {
  it("carry no raw control character, whatever the file names hold", () => {
    const names = ["$(touch PWNED).py", "tab\there.env", "c1\u009b[2K.env", "sep\u2028line.env", "esc\u001b]52;c;Zm9v\u0007.env"];
    const { repo: r } = setup(Object.fromEntries(names.map((n, i) => [n, `key = "${fake.liveKey(20 + i)}"\n`])));
    const log = join(r.base, "audit.jsonl");
    const out = run(r, ["scan", ".", "--audit-log", log]);
    expect(out.code).toBe(1);
    const text = readFileSync(log, "utf8");
    // eslint-disable-next-line no-control-regex
    expect(text.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(text.endsWith("\n")).toBe(true);
    const record = JSON.parse(text);
    expect(record.metadata.found.map((f: { file: string }) => f.file).sort()).toEqual(["app.ts", ...names].sort());
    expect(existsSync(join(r.root, "PWNED"))).toBe(false);
  });

  it("name the origin remote without userinfo, query or fragment", () => {
    const { repo: r } = setup();
    const token = fake.envValue(3);
    const url = ["https://ci:" + token, "example.com/acme/app.git?private_token=" + token + "#frag"].join("@");
    r.git(["remote", "add", "origin", url]);
    const log = join(r.base, "audit.jsonl");
    const out = run(r, ["scan", "app.ts", "--audit-log", log]);
    expect(out.code).toBe(1);
    const text = readFileSync(log, "utf8");
    expect(JSON.parse(text).resource.repository).toBe("https://example.com/acme/app.git");
    expect(text).not.toContain(token);
  });
});
