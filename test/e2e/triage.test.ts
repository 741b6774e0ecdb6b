/**
 * The blocked developer's next minute, through the built CLI (issue 15):
 * allow hints in each file's comment syntax, unknown rule ids in allow
 * comments, `baseline --staged` / `--add` / `--import`, peer tools' markers,
 * a text report that fits 80 columns, `--format compact`, and the CLI
 * conventions (`--exit-zero`, `-o` summary, colour flags, help and version
 * subcommands, error hints). Needs `npm run build` (npm test does it first).
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runBin } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

let repo: GitRepo;
afterEach(() => repo?.cleanup());

/** The CLI in the test repository, at a known width (COLUMNS as a terminal would give it). */
const cli = (argv: string[], env: Record<string, string> = {}) => runBin(argv, repo.root, { env: { ...repo.env, COLUMNS: "80", ...env } });
const redacted = (key: string) => `${key.slice(0, 10)}…(redacted)`;

/** The lines of step 3 of the blocked-commit message (the allow hints), up to step 4. */
function allowHints(stdout: string): string {
  const from = stdout.indexOf("  3. ");
  const to = stdout.indexOf("  4. ");
  return stdout.slice(from, to);
}

describe("allow hints in the file's own comment syntax", () => {
  const STEP3 = "  3. Not a secret (a test fixture, an example)? Allow it on its line with a\n     reason:\n";
  it.each([
    ["config/.env", (k: string) => `FINTA_KEY=${k}\n`, "       config/.env:  # finta-guard:allow finta-secret-key-live -- reason\n"],
    ["deploy.yaml", (k: string) => `key: ${k}\n`, "       deploy.yaml:  # finta-guard:allow finta-secret-key-live -- reason\n"],
    ["settings.toml", (k: string) => `key = "${k}"\n`, "       settings.toml:  # finta-guard:allow finta-secret-key-live -- reason\n"],
    ["run.sh", (k: string) => `export KEY=${k}\n`, "       run.sh:  # finta-guard:allow finta-secret-key-live -- reason\n"],
    ["app.py", (k: string) => `KEY = "${k}"\n`, "       app.py:  # finta-guard:allow finta-secret-key-live -- reason\n"],
    ["src/app.ts", (k: string) => `const key = "${k}";\n`, "       src/app.ts:  // finta-guard:allow finta-secret-key-live -- reason\n"],
    ["Main.java", (k: string) => `String key = "${k}";\n`, "       Main.java:  // finta-guard:allow finta-secret-key-live -- reason\n"],
    ["site.css", (k: string) => `/* ${k} */\n`, "       site.css:  /* finta-guard:allow finta-secret-key-live -- reason */\n"],
    ["index.html", (k: string) => `<meta name="key" content="${k}">\n`, "       index.html:  <!-- finta-guard:allow finta-secret-key-live -- reason -->\n"],
    ["README.md", (k: string) => `Key: ${k}\n`, "       README.md:  <!-- finta-guard:allow finta-secret-key-live -- reason -->\n"],
    ["seed.sql", (k: string) => `INSERT INTO keys VALUES ('${k}');\n`, "       seed.sql:  -- finta-guard:allow finta-secret-key-live -- reason\n"],
    ["init.lua", (k: string) => `local key = "${k}"\n`, "       init.lua:  -- finta-guard:allow finta-secret-key-live -- reason\n"],
    ["php.ini", (k: string) => `key = ${k}\n`, "       php.ini:  ; finta-guard:allow finta-secret-key-live -- reason\n"],
    [
      "config.json",
      (k: string) => `{"key": "${k}"}\n`,
      '       config.json:  no comments in this format: add "config.json" to\n         allowlist.paths in finta-guard.config.json, or record it in the\n         baseline (step 4)\n',
    ],
  ])("%s", (file, content, hint) => {
    repo = makeGitRepo();
    repo.write(file, content(fake.liveKey(1)));
    repo.git(["add", "-A"]);
    const out = cli(["scan", "--staged"]);
    expect(out.code).toBe(1);
    expect(allowHints(out.stdout)).toBe(STEP3 + hint);
  });

  it("the suggested comment, pasted on the line, does allow the finding", () => {
    repo = makeGitRepo();
    repo.write("config/.env", `FINTA_KEY=${fake.liveKey(1)} # finta-guard:allow finta-secret-key-live -- reason\n`);
    repo.git(["add", "-A"]);
    const out = cli(["scan", "--staged", "--format", "compact"]);
    expect(out).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("offers baseline --staged and says to commit the baseline file", () => {
    repo = makeGitRepo();
    repo.write("app.py", `KEY = "${fake.liveKey(1)}"\n`);
    repo.git(["add", "-A"]);
    const out = cli(["scan", "--staged"]);
    const step4 = out.stdout.slice(out.stdout.indexOf("  4. "), out.stdout.indexOf("  Emergency only"));
    expect(step4).toBe(
      [
        "  4. A known secret you accept for now? Record exactly these findings in the",
        "     baseline, then commit the baseline file:",
        '       npx finta-guard baseline --staged --reason "why it is accepted"',
        "       git add .finta-guard-baseline.json",
        "",
      ].join("\n"),
    );
  });
});

describe("unknown rule ids in allow comments", () => {
  const setUp = () => {
    repo = makeGitRepo();
    repo.write("app.py", `KEY = "${fake.liveKey(1)}"  # finta-guard:allow finta-secret-key-lvie\nname = "x"  # finta-guard:allow no-such-rule-anywhere -- why\n`);
  };
  const WARNINGS =
    'finta-guard: warning: app.py:1: finta-guard:allow names unknown rule "finta-secret-key-lvie" (did you mean finta-secret-key-live?); it allows nothing\n' +
    'finta-guard: warning: app.py:2: finta-guard:allow names unknown rule "no-such-rule-anywhere"; it allows nothing\n';

  it("warn on every scan, one line each with file:line; the finding stays reported", () => {
    setUp();
    const out = cli(["scan", ".", "--format", "compact"]);
    expect(out).toEqual({ code: 1, stdout: "app.py:1:8  critical  finta-secret-key-live\n", stderr: WARNINGS });
  });

  it("warn in the staged scan the hook runs", () => {
    setUp();
    repo.git(["add", "-A"]);
    const out = cli(["scan", "--staged", "--format", "compact"]);
    expect(out.stderr).toBe(WARNINGS);
  });

  it("count as unused with --fail-on-unused (exit 1 when nothing else fails)", () => {
    repo = makeGitRepo();
    repo.write("app.py", 'name = "x"  # finta-guard:allow finta-secret-key-lvie\n');
    expect(cli(["scan", ".", "--format", "compact"])).toEqual({
      code: 0,
      stdout: "",
      stderr: 'finta-guard: warning: app.py:1: finta-guard:allow names unknown rule "finta-secret-key-lvie" (did you mean finta-secret-key-live?); it allows nothing\n',
    });
    const strict = cli(["scan", ".", "--format", "compact", "--fail-on-unused"]);
    // Warned once, not listed again as an unused allow.
    expect(strict).toEqual({
      code: 1,
      stdout: "",
      stderr: 'finta-guard: warning: app.py:1: finta-guard:allow names unknown rule "finta-secret-key-lvie" (did you mean finta-secret-key-live?); it allows nothing\n',
    });
  });

  it("a disabled built-in rule is a known id, not a typo", () => {
    repo = makeGitRepo();
    repo.write("finta-guard.config.json", JSON.stringify({ disable: ["finta-secret-key-test"] }));
    repo.write("app.py", 'name = "x"  # finta-guard:allow finta-secret-key-test\n');
    expect(cli(["scan", ".", "--format", "compact"])).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});

describe("baseline --staged / --add / --reason", () => {
  const baselineOf = () => JSON.parse(readFileSync(join(repo.root, ".finta-guard-baseline.json"), "utf8")) as { entries: Record<string, string>[] };

  it("records only what blocks this commit, with the reason; the commit then passes", () => {
    repo = makeGitRepo();
    const old = fake.liveKey(1);
    repo.write("old.py", `KEY = "${old}"\n`);
    repo.commitAll("init");
    repo.write("old.py", `KEY = "${old}"\nOTHER = 1\n`);
    repo.write("new.py", `KEY = "${fake.liveKey(2)}"\n`);
    repo.write("untracked.py", `KEY = "${fake.liveKey(3)}"\n`);
    repo.git(["add", "old.py", "new.py"]);
    const out = cli(["baseline", "--staged", "--reason", "test fixture"]);
    expect(out).toEqual({
      code: 0,
      stdout: "finta-guard: recorded 1 finding blocking the commit in .finta-guard-baseline.json (1 new, 1 in all); commit it: git add .finta-guard-baseline.json\n",
      stderr: "",
    });
    const entries = baselineOf().entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ ruleId: "finta-secret-key-live", file: "new.py", hint: redacted(fake.liveKey(2)), reason: "test fixture" });
    expect(cli(["scan", "--staged", "--format", "compact"]).code).toBe(0);
  });

  it("--add FINGERPRINT records that one finding of the tree", () => {
    repo = makeGitRepo();
    repo.write("a.py", `A = "${fake.liveKey(1)}"\nB = "${fake.liveKey(2)}"\n`);
    const report = JSON.parse(cli(["scan", ".", "--format", "json"]).stdout) as { findings: { line: number; fingerprint: string }[] };
    const second = report.findings.find((f) => f.line === 2)!.fingerprint;
    const out = cli(["baseline", "--add", second, "--reason", "rotated"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe("finta-guard: recorded 1 finding named by --add in .finta-guard-baseline.json (1 new, 1 in all); commit it: git add .finta-guard-baseline.json\n");
    expect(baselineOf().entries.map((e) => [e.fingerprint, e.reason])).toEqual([[second, "rotated"]]);
    expect(cli(["scan", ".", "--format", "compact"]).stdout).toBe("a.py:1:6  critical  finta-secret-key-live\n");
  });

  it("--add with a fingerprint nothing has: exit 2, what and a hint", () => {
    repo = makeGitRepo();
    repo.write("a.py", "A = 1\n");
    const out = cli(["baseline", "--add", "0".repeat(32)]);
    expect(out).toEqual({
      code: 2,
      stdout: "",
      stderr: `finta-guard: --add ${"0".repeat(32)}: no current finding has this fingerprint\nhint: fingerprints are in the JSON report: finta-guard scan --format json\n`,
    });
  });
});

describe("peer tools' markers", () => {
  const lines = () => [
    `a = "${fake.liveKey(1)}"  # gitleaks:allow`,
    `b = "${fake.liveKey(2)}"  # pragma: allowlist secret`,
    "# pragma: allowlist nextline secret",
    `c = "${fake.liveKey(3)}"`,
    `d = "${fake.liveKey(4)}"  // secretlint-disable-line`,
    "// secretlint-disable-next-line",
    `e = "${fake.liveKey(5)}"`,
    `f = "${fake.liveKey(6)}"`,
    "# gitleaks:allow",
    `g = "${fake.liveKey(7)}"`,
  ];

  it("each suppresses exactly its line (or the next, for the next-line forms), counted as peer-marker", () => {
    repo = makeGitRepo();
    repo.write("keys.py", lines().join("\n") + "\n");
    expect(cli(["scan", ".", "--format", "compact"]).stdout).toBe("keys.py:8:6  critical  finta-secret-key-live\nkeys.py:10:6  critical  finta-secret-key-live\n");
    const json = JSON.parse(cli(["scan", ".", "--format", "json"]).stdout) as { stats: { suppressed: Record<string, number> }; suppressed: { line: number; kind: string; by: string }[] };
    expect(json.stats.suppressed).toEqual({ "peer-marker": 5 });
    expect(json.suppressed.map((s) => [s.line, s.kind, s.by])).toEqual([
      [1, "peer-marker", "line 1: gitleaks:allow"],
      [2, "peer-marker", "line 2: pragma: allowlist secret"],
      [4, "peer-marker", "line 3: pragma: allowlist nextline secret"],
      [5, "peer-marker", "line 5: secretlint-disable-line"],
      [7, "peer-marker", "line 6: secretlint-disable-next-line"],
    ]);
    const text = cli(["scan", "."]).stdout;
    expect(text).toContain("  suppressed: 5 by peer-marker\n");
  });

  it("--no-inline-allow ignores them; --report-unused lists one that allowed nothing", () => {
    repo = makeGitRepo();
    repo.write("keys.py", lines().join("\n") + "\n");
    expect(cli(["scan", ".", "--format", "compact", "--no-inline-allow"]).stdout.split("\n").filter(Boolean)).toHaveLength(7);
    const unused = cli(["scan", ".", "--format", "compact", "--report-unused"]);
    expect(unused.stderr).toBe("finta-guard: unused peer marker: keys.py:9: gitleaks:allow\n");
  });

  it("baseline --import gitleaks: the same secret on the same line; says what it could not convert", () => {
    repo = makeGitRepo();
    repo.write("app.py", `A = "${fake.liveKey(1)}"\nB = "${fake.liveKey(2)}"\n`);
    const report = [
      { RuleID: "finta-live-key", File: "app.py", StartLine: 1, Secret: fake.liveKey(1), Match: `A = "${fake.liveKey(1)}"` },
      { RuleID: "generic-api-key", File: "app.py", StartLine: 2, Secret: "REDACTED", Match: "REDACTED" },
      { RuleID: "generic-api-key", File: "gone.py", StartLine: 3, Secret: "REDACTED" },
      { RuleID: "generic-api-key", File: "app.py", StartLine: 9, Secret: "notdetected" },
    ];
    writeFileSync(join(repo.base, "gitleaks-report.json"), JSON.stringify(report));
    const out = cli(["baseline", "--import", "gitleaks", "../gitleaks-report.json"]);
    expect(out).toEqual({
      code: 0,
      stdout: "finta-guard: converted 2 of 4 gitleaks entries into .finta-guard-baseline.json (2 new); commit it: git add .finta-guard-baseline.json\n",
      stderr:
        "finta-guard: not converted: gone.py:3 (generic-api-key): the file is not in this repository\n" +
        "finta-guard: not converted: app.py:9 (generic-api-key): no finta-guard finding is that secret (not a secret finta-guard detects, or already allowed)\n",
    });
    expect(cli(["scan", ".", "--format", "compact"])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("baseline --import detect-secrets: SHA-1 of the secret", () => {
    repo = makeGitRepo();
    repo.write("app.py", `A = "${fake.liveKey(1)}"\nB = "${fake.liveKey(2)}"\n`);
    const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");
    const baseline = {
      version: "1.5.0",
      results: {
        "app.py": [
          { type: "Secret Keyword", filename: "app.py", hashed_secret: sha1(fake.liveKey(2)), is_verified: false, line_number: 7 },
          { type: "Hex High Entropy String", filename: "app.py", hashed_secret: sha1("something else"), is_verified: false, line_number: 12 },
        ],
      },
    };
    repo.write(".secrets.baseline", JSON.stringify(baseline));
    const out = cli(["baseline", "--import", "detect-secrets", ".secrets.baseline"]);
    expect(out).toEqual({
      code: 0,
      stdout: "finta-guard: converted 1 of 2 detect-secrets entries into .finta-guard-baseline.json (1 new); commit it: git add .finta-guard-baseline.json\n",
      stderr: "finta-guard: not converted: app.py:12 (Hex High Entropy String): no finta-guard finding is that secret (not a secret finta-guard detects, or already allowed)\n",
    });
    expect(cli(["scan", "app.py", "--format", "compact"]).stdout).toBe("app.py:1:6  critical  finta-secret-key-live\n");
  });
});

describe("a text report that fits the terminal", () => {
  it("80 columns: a minified line is clipped around the secret, the caret under it", () => {
    repo = makeGitRepo();
    const key = fake.liveKey(1);
    repo.write("dist/bundle.min.js", "var a=1;".repeat(40) + `var k="${key}";` + "function f(){return 2}".repeat(30) + "\n");
    const out = cli(["scan", "dist", "--no-ignore"], { COLUMNS: "" });
    const lines = out.stdout.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "dist/bundle.min.js:1:328  critical  finta-secret-key-live",
      "       Finta live secret key (sk_live_…)",
      `     1 | …;var a=1;var a=1;var k="${redacted(key)}";function f(){return 2}…`,
      "       |                          ^^^^^^^^^^^^^^^^^^^^^",
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("each rule's remediation once, after its findings", () => {
    repo = makeGitRepo();
    repo.write("a.py", `A = "${fake.liveKey(1)}"\nB = "${fake.liveKey(2)}"\n`);
    const out = cli(["scan", "."]);
    expect(out.stdout.match(/→ Rotate this key now/g)).toHaveLength(1);
    expect(out.stdout.indexOf("→ Rotate this key now")).toBeGreaterThan(out.stdout.indexOf("a.py:2:6"));
  });

  it("--format compact: one line per finding", () => {
    repo = makeGitRepo();
    repo.write("a.py", `A = "${fake.liveKey(1)}"\n`);
    repo.write("b.env", `WH=${fake.webhookSecret(1)}\n`);
    expect(cli(["scan", ".", "--format", "compact"])).toEqual({
      code: 1,
      stdout: "a.py:1:6  critical  finta-secret-key-live\nb.env:1:4  critical  finta-webhook-secret\n",
      stderr: "",
    });
  });
});

describe("CLI conventions", () => {
  const withKey = () => {
    repo = makeGitRepo();
    repo.write("a.py", `A = "${fake.liveKey(1)}"\n`);
  };

  it("--exit-zero reports and exits 0; errors still exit 2", () => {
    withKey();
    const out = cli(["scan", ".", "--format", "compact", "--exit-zero"]);
    expect(out).toEqual({ code: 0, stdout: "a.py:1:6  critical  finta-secret-key-live\n", stderr: "" });
    expect(cli(["scan", "missing-dir", "--exit-zero"]).code).toBe(2);
  });

  it("-o FILE: the report in the file, one summary line on stderr", () => {
    withKey();
    const out = cli(["scan", ".", "--format", "json", "-o", "report.json"]);
    expect(out).toEqual({ code: 1, stdout: "", stderr: "finta-guard: 1 finding (1 critical); report written to report.json\n" });
    expect(JSON.parse(readFileSync(join(repo.root, "report.json"), "utf8")).findings).toHaveLength(1);
    const below = cli(["scan", ".", "-o", "report.txt", "--fail-on", "critical", "--exit-zero"]);
    expect(below.stderr).toBe("finta-guard: 1 finding (1 critical); report written to report.txt\n");
  });

  it("--color / --no-color override the terminal and NO_COLOR", () => {
    withKey();
    expect(cli(["scan", ".", "--color"]).stdout).toContain("\x1b[1ma.py:1:6\x1b[0m");
    expect(cli(["scan", ".", "--no-color"], { FORCE_COLOR: "1" }).stdout).not.toContain("\x1b[");
    expect(cli(["scan", ".", "--color", "--no-color"])).toEqual({ code: 2, stdout: "", stderr: "finta-guard: --color and --no-color cannot be used together\n" });
  });

  it("--redact is the default, accepted", () => {
    withKey();
    const out = cli(["scan", ".", "--format", "compact", "--redact"]);
    expect(out).toEqual({ code: 1, stdout: "a.py:1:6  critical  finta-secret-key-live\n", stderr: "" });
    expect(cli(["scan", ".", "--redact", "--no-redact"]).stderr).toBe("finta-guard: --redact and --no-redact cannot be used together\n");
  });

  it("help and version subcommands; scan --help lists scan's options and two examples", () => {
    repo = makeGitRepo();
    const version = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
    expect(cli(["version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    const help = cli(["help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^finta-guard: keep Finta credentials/);
    const scanHelp = cli(["scan", "--help"]);
    expect(scanHelp.code).toBe(0);
    expect(scanHelp.stdout.split("\n")[0]).toBe("Usage: finta-guard scan [options] [PATH...]");
    expect(scanHelp.stdout).toContain("  --exit-zero                          exit 0 even with findings (errors still exit 2)\n");
    expect(scanHelp.stdout).toContain(
      "Examples:\n  finta-guard scan --staged                         what the pre-commit hook runs\n  finta-guard scan --format sarif -o scan.sarif .   a CI scan of the tree, SARIF for code scanning\n",
    );
    expect(cli(["help", "scan"]).stdout).toBe(scanHelp.stdout);
  });

  it("errors: finta-guard: <what>: <why>, and a hint line when the fix is obvious", () => {
    repo = makeGitRepo({ init: false });
    const out = cli(["scan", "--staged"], { GIT_CEILING_DIRECTORIES: repo.base });
    expect(out.code).toBe(2);
    const [first, hint, ...rest] = out.stderr.split("\n");
    expect(first).toMatch(/^finta-guard: not a git repository \(.*\): /);
    expect(hint).toBe("hint: run inside a git repository, or scan a folder: finta-guard scan PATH");
    expect(rest).toEqual([""]);
  });
});
