/**
 * What reports, baselines and notices may show of a secret, end to end
 * through the built CLI (real files, real git): every secret on a snippet's
 * line is hidden (suppressed ones included) in text, staged text and SARIF;
 * redacted forms keep a vendor prefix only where the rule has one, else at
 * most two characters; allow-comment text is redacted and cut short in JSON,
 * `-v` and `--report-unused`. Secrets are built from parts at test time.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runBin } from "../helpers/cli.js";
import { ALNUM, fake, fakeBody } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";
import { VALIDATOR_TIMEOUT_MS, validateSarif } from "../helpers/sarif-validator.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function repoTree(files: Record<string, string>): TempTree {
  const tree = makeTempTree(files);
  mkdirSync(join(tree.root, ".git"));
  cleanups.push(() => tree.cleanup());
  return tree;
}

function gitRepo(): GitRepo {
  const repo = makeGitRepo();
  cleanups.push(() => repo.cleanup());
  return repo;
}

const live = fake.liveKey(41);
const api = fake.fintaApiKey(42);
const live2 = fake.liveKey(43);
const api2 = fake.fintaApiKey(44);
/** A human-made generic secret of 23 characters (the example shape). */
const generic = ["Qwzx", "Plmk", "Vbnr", "7hJk", "9tRe"].join("-");

/** `sk_live_` + two characters: the form every report uses for these keys. */
const shownLive = (k: string) => `${k.slice(0, "sk_live_".length + 2)}…(redacted)`;
const shownApi = (k: string) => `${k.slice(0, "finta_".length + 2)}…(redacted)`;

// Line 1: two secrets, both reported. Line 2: two secrets, the second allowed
// inline for its rule only (suppressed), the first reported.
const twoOnALine = () =>
  `KEYS="${live}" "${api}"\n` + `x = "${live2}" "${api2}" # finta-guard:allow finta-api-key -- test fixture\n`;

function expectNoSecret(text: string): void {
  for (const s of [live, api, live2, api2, generic]) {
    // Not the secret, and not even its body past the two characters redaction keeps.
    expect(text).not.toContain(s);
    expect(text).not.toContain(s.slice(-12));
  }
}

interface SarifLog {
  runs: {
    results: {
      ruleId: string;
      suppressions?: unknown[];
      partialFingerprints: Record<string, string>;
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number; endColumn: number; snippet: { text: string } };
          contextRegion: { snippet: { text: string } };
        };
      }[];
    }[];
  }[];
}

describe("two secrets on one line", () => {
  it("text report: each snippet hides both, the caret sits under the finding's own secret", () => {
    const t = repoTree({ "sub/two.env": twoOnALine() });
    const out = runBin(["scan"], t.root);
    expect(out.code).toBe(1);
    expectNoSecret(out.stdout);
    const line1 = `KEYS="${shownLive(live)}" "${shownApi(api)}"`;
    const lines = out.stdout.split("\n");
    const block = (where: string) => lines.slice(lines.findIndex((l) => l.startsWith(where)), lines.findIndex((l) => l.startsWith(where)) + 3);
    expect(block("sub/two.env:1:7 ")).toEqual([
      expect.stringMatching(/^sub\/two\.env:1:7 {2}critical {2}finta-secret-key-live/),
      `     1 | ${line1}`,
      `       | ${" ".repeat(6)}${"^".repeat(shownLive(live).length)}`,
    ]);
    expect(block(`sub/two.env:1:${7 + live.length + 3} `)).toEqual([
      expect.stringMatching(/^sub\/two\.env:1:50 {2}critical {2}finta-api-key/),
      `     1 | ${line1}`,
      `       | ${" ".repeat(6 + shownLive(live).length + 3)}${"^".repeat(shownApi(api).length)}`,
    ]);
    // Line 2: the reported key's snippet hides the suppressed one too.
    expect(block("sub/two.env:2:6 ").slice(1)).toEqual([
      `     2 | x = "${shownLive(live2)}" "${shownApi(api2)}" # finta-guard:allow finta-api-key -- test fixture`,
      `       | ${" ".repeat(5)}${"^".repeat(shownLive(live2).length)}`,
    ]);
  });

  it("SARIF: region and context snippets of every result (suppressed ones too) hide every secret, and the log is valid", () => {
    const t = repoTree({ "sub/two.env": twoOnALine() });
    const out = runBin(["scan", "--format", "sarif"], t.root);
    expect(out.code).toBe(1);
    expectNoSecret(out.stdout);
    const results = (JSON.parse(out.stdout) as SarifLog).runs[0]!.results;
    const seen = results.map((r) => {
      const loc = r.locations[0]!.physicalLocation;
      return [r.ruleId, loc.region.startLine, loc.region.startColumn, loc.region.endColumn, r.suppressions ? "suppressed" : "reported", loc.region.snippet.text, loc.contextRegion.snippet.text];
    });
    const line1 = `KEYS="${shownLive(live)}" "${shownApi(api)}"`;
    const line2 = `x = "${shownLive(live2)}" "${shownApi(api2)}" # finta-guard:allow finta-api-key -- test fixture`;
    expect(seen).toEqual([
      ["finta-secret-key-live", 1, 7, 7 + live.length, "reported", shownLive(live), line1],
      ["finta-api-key", 1, 50, 50 + api.length, "reported", shownApi(api), line1],
      ["finta-secret-key-live", 2, 6, 6 + live2.length, "reported", shownLive(live2), line2],
      ["finta-api-key", 2, 6 + live2.length + 3, 6 + live2.length + 3 + api2.length, "suppressed", shownApi(api2), line2],
    ]);
    expect(validateSarif({ "two.sarif": out.stdout })).toEqual({ errors: [], warnings: [] });
  }, VALIDATOR_TIMEOUT_MS);

  it("staged text report (the blocked commit) hides both", () => {
    const repo = gitRepo();
    repo.write("two.env", `KEYS="${live}" "${api}"\n`);
    repo.git(["add", "two.env"]);
    const out = runBin(["scan", "--staged"], repo.root, { env: repo.env });
    expect(out.code).toBe(1);
    expectNoSecret(out.stdout);
    expect(out.stdout.split("\n").filter((l) => l.startsWith("     1 | "))).toEqual([
      `     1 | KEYS="${shownLive(live)}" "${shownApi(api)}"`,
      `     1 | KEYS="${shownLive(live)}" "${shownApi(api)}"`,
    ]);
  });
});

describe("redacted forms", () => {
  it("keep a vendor prefix only where the rule has one, else at most two characters (JSON, text, baseline hint)", () => {
    const t = repoTree({ "db.env": `DB_PASSWORD="${generic}"\nFINTA_KEY=${api}\n` });
    const json = JSON.parse(runBin(["scan", "--format", "json"], t.root).stdout) as { findings: { ruleId: string; line: number; column: number; secret: string }[] };
    expect(json.findings.map((f) => [f.ruleId, f.line, f.column, f.secret])).toEqual([
      ["generic-password", 1, 14, "Qw…(redacted)"],
      ["finta-api-key", 2, 11, shownApi(api)],
    ]);
    const text = runBin(["scan"], t.root).stdout;
    expect(text).toContain(`     1 | DB_PASSWORD="Qw…(redacted)"\n`);
    expectNoSecret(text);
    expect(runBin(["baseline"], t.root).code).toBe(0);
    const baseline = JSON.parse(readFileSync(join(t.root, ".finta-guard-baseline.json"), "utf8")) as { entries: { ruleId: string; hint: string }[] };
    expect(baseline.entries.map((e) => [e.ruleId, e.hint])).toEqual([
      ["finta-api-key", shownApi(api)],
      ["generic-password", "Qw…(redacted)"],
    ]);
  });

  it("a baseline rewrite cuts hints an older version wrote too long", () => {
    const t = repoTree({ "db.env": `DB_PASSWORD="${generic}"\n`, "gone.env": "" });
    // An entry no scan finds any more (its file is empty now) keeps its fingerprint, not its long hint.
    const old = { ruleId: "generic-password", file: "gone.env", fingerprint: "ab".repeat(16), hint: `${generic.slice(0, 17)}…(redacted)`, reason: "kept" };
    writeFileSync(join(t.root, ".finta-guard-baseline.json"), JSON.stringify({ version: 1, fingerprintVersion: 2, entries: [old] }));
    expect(runBin(["baseline"], t.root).code).toBe(0);
    const baseline = JSON.parse(readFileSync(join(t.root, ".finta-guard-baseline.json"), "utf8")) as { entries: { file: string; hint: string; reason?: string }[] };
    expect(baseline.entries).toEqual([
      expect.objectContaining({ file: "db.env", hint: "Qw…(redacted)" }),
      { ruleId: "generic-password", file: "gone.env", fingerprint: "ab".repeat(16), hint: "Qw…(redacted)", reason: "kept" },
    ]);
  });
});

describe("allow-comment text", () => {
  const reason = (key: string) => `rotated; the old one was ${key} (see the incident ticket for the whole story, it is long)`;

  it("is redacted and cut short in JSON suppressed[].by and with -v", () => {
    const t = repoTree({ "a.env": `KEY=${live} # finta-guard:allow -- ${reason(api)}\n` });
    const json = JSON.parse(runBin(["scan", "--format", "json"], t.root).stdout) as { suppressed: { ruleId: string; line: number; column: number; by: string }[] };
    // Redacted first (the key is found on the line), then cut to 80 characters.
    const by = `line 1: finta-guard:allow -- rotated; the old one was fi…(redacted) (see the incident ticket for the whole story, it is long)`.slice(0, 79) + "…";
    expect(json.suppressed.map((s) => [s.ruleId, s.line, s.column, s.by])).toEqual([
      ["finta-secret-key-live", 1, 5, by],
      ["finta-api-key", 1, 5 + live.length + " # finta-guard:allow -- rotated; the old one was ".length, by],
    ]);
    const verbose = runBin(["scan", "-v"], t.root);
    expectNoSecret(verbose.stdout);
    expect(verbose.stdout).toContain(`  a.env:1:5  finta-secret-key-live  (inline: ${by})\n`);
  });

  it("is redacted with --report-unused, also a key no rule finds alone", () => {
    // The comment stands alone, so it covers line 2, where nothing is found: unused.
    const bare = fakeBody(32, ALNUM, 45, "bare");
    const t = repoTree({ "a.sh": `# finta-guard:allow jwt -- old ${live2} and ${bare}\necho hi\n` });
    const out = runBin(["scan", "--report-unused"], t.root);
    expect(out.stderr).toBe(`finta-guard: unused inline allow: a.sh:1: finta-guard:allow jwt -- old sk…(redacted) and ${bare.slice(0, 2)}…(redacted)\n`);
    expect(out.stderr).not.toContain(bare);
  });
});
