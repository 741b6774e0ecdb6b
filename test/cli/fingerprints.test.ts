/**
 * Fingerprints end to end through the built CLI: the same secret at the same
 * path has one identity whatever folder the scan starts in (JSON
 * fingerprints, SARIF partialFingerprints, baselines); a guessable secret's
 * fingerprint cannot be confirmed with a fast hash; baselines written with
 * v1 fingerprints are still honoured, and `baseline` rewrites them as v2.
 */
import { createHash, scryptSync } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fingerprint, isRandomLooking, KDF_PARAMS, legacyFingerprint } from "../../src/findings/fingerprint.js";
import { runBin } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";
import { makeTempTree } from "../helpers/temp-tree.js";

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function gitRepo(): GitRepo {
  const repo = makeGitRepo();
  cleanups.push(() => repo.cleanup());
  return repo;
}

const live = fake.liveKey(51);
/** A human password (word, year, symbol): the kind a dictionary attack finds. */
const human = ["Sun", "shine", "2024", "!"].join("");

interface JsonReport {
  findings: { ruleId: string; file: string; repoPath: string; line: number; column: number; fingerprint: string }[];
  suppressed: { ruleId: string; file: string; kind: string }[];
}
interface SarifLog {
  runs: { results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("one identity per finding, whatever folder the scan starts in", () => {
  it("root and subfolder scans give the same JSON fingerprints and SARIF partialFingerprints; display paths differ", () => {
    const repo = gitRepo();
    repo.write("app/config/.env", `FINTA_SECRET_KEY=${live}\nDB_PASSWORD="${human}"\n`);
    const fromRoot = JSON.parse(runBin(["scan", "--format", "json"], repo.root, { env: repo.env }).stdout) as JsonReport;
    const fromSub = JSON.parse(runBin(["scan", "--format", "json"], join(repo.root, "app"), { env: repo.env }).stdout) as JsonReport;
    const rows = (r: JsonReport) => r.findings.map((f) => [f.ruleId, f.file, f.repoPath, f.line, f.column, f.fingerprint]);
    expect(rows(fromRoot)).toEqual([
      ["finta-secret-key-live", "app/config/.env", "app/config/.env", 1, 18, fingerprint("finta-secret-key-live", "app/config/.env", live)],
      ["generic-password", "app/config/.env", "app/config/.env", 2, 14, fingerprint("generic-password", "app/config/.env", human)],
    ]);
    expect(rows(fromSub)).toEqual(rows(fromRoot).map(([rule, , repoPath, line, column, fp]) => [rule, "config/.env", repoPath, line, column, fp]));

    const sarif = (cwd: string) =>
      (JSON.parse(runBin(["scan", "--format", "sarif"], cwd, { env: repo.env }).stdout) as SarifLog).runs[0]!.results.map((r) => [
        r.ruleId,
        r.locations[0]!.physicalLocation.artifactLocation.uri,
        r.partialFingerprints,
      ]);
    const rootSarif = sarif(repo.root);
    expect(rootSarif).toEqual(rows(fromRoot).map(([rule, , repoPath, , , fp]) => [rule, repoPath, { "fintaGuardFingerprint/v2": fp }]));
    expect(sarif(join(repo.root, "app", "config"))).toEqual(rootSarif);
  });

  it("a baseline written from a subfolder suppresses the same findings in scans from the root and from another subfolder", () => {
    const repo = gitRepo();
    repo.write("app/config/.env", `FINTA_SECRET_KEY=${live}\n`);
    expect(runBin(["baseline"], join(repo.root, "app"), { env: repo.env }).code).toBe(0);
    const baseline = JSON.parse(readFileSync(join(repo.root, ".finta-guard-baseline.json"), "utf8")) as { fingerprintVersion: number; entries: { file: string; fingerprint: string }[] };
    expect(baseline.fingerprintVersion).toBe(2);
    expect(baseline.entries.map((e) => [e.file, e.fingerprint])).toEqual([["app/config/.env", fingerprint("finta-secret-key-live", "app/config/.env", live)]]);
    for (const cwd of [repo.root, join(repo.root, "app", "config")]) {
      const out = runBin(["scan", "--format", "json"], cwd, { env: repo.env });
      expect(out.code).toBe(0);
      expect((JSON.parse(out.stdout) as JsonReport).suppressed.map((s) => [s.ruleId, s.kind])).toEqual([["finta-secret-key-live", "baseline"]]);
    }
  });

  it("outside git, the identity path is relative to the folder the scan runs in", () => {
    const tree = makeTempTree({ "conf/.env": `FINTA_SECRET_KEY=${live}\n` });
    cleanups.push(() => tree.cleanup());
    const out = JSON.parse(runBin(["scan", "--format", "json", "conf"], tree.root).stdout) as JsonReport;
    expect(out.findings.map((f) => [f.file, f.repoPath, f.fingerprint])).toEqual([["conf/.env", "conf/.env", fingerprint("finta-secret-key-live", "conf/.env", live)]]);
  });
});

describe("a guessable secret's fingerprint costs a KDF per guess", () => {
  it("v2 is pinned: the same value on every machine and clone, from the documented derivation", () => {
    const rule = "generic-password";
    const path = "config/db.env";
    const salt = `finta-guard/fingerprint/v2\0${rule}\0${path}`;
    const stretched = scryptSync(human, salt, KDF_PARAMS.keyLength, { N: KDF_PARAMS.N, r: KDF_PARAMS.r, p: KDF_PARAMS.p }).toString("hex");
    const expected = sha256(`v2\0${rule}\0${path}\0k\0${stretched}`).slice(0, 32);
    expect(isRandomLooking(human)).toBe(false);
    expect(fingerprint(rule, path, human)).toBe(expected);
    // Pinned: changing the derivation changes every fingerprint users hold.
    expect(expected).toBe("d9527ea125cd67e67bc26cb8240b161a");
    // A random-looking key needs no KDF: a fast hash of it cannot be guessed.
    expect(isRandomLooking(live)).toBe(true);
    expect(fingerprint("finta-secret-key-live", path, live)).toBe(sha256(`v2\0finta-secret-key-live\0${path}\0r\0${live}`).slice(0, 32));
  });

  it("a reported fingerprint of a human password does not match a fast hash of the right guess (what v1 allowed)", () => {
    const repo = gitRepo();
    repo.write("db.env", `DB_PASSWORD="${human}"\n`);
    const report = JSON.parse(runBin(["scan", "--format", "json"], repo.root, { env: repo.env }).stdout) as JsonReport;
    const reported = report.findings.map((f) => [f.ruleId, f.line, f.column, f.fingerprint]);
    expect(reported).toEqual([["generic-password", 1, 14, fingerprint("generic-password", "db.env", human)]]);
    for (const v of ["v1", "v2"]) expect(reported[0]![3]).not.toBe(sha256(`${v}\0generic-password\0db.env\0${human}`).slice(0, 32));
  });
});

describe("baselines written with v1 fingerprints", () => {
  function v1Baseline(repo: GitRepo): void {
    const entry = { ruleId: "generic-password", file: "db.env", fingerprint: legacyFingerprint("generic-password", "db.env", human), hint: "Su…(redacted)", reason: "staging only", expires: "2099-01-01" };
    writeFileSync(join(repo.root, ".finta-guard-baseline.json"), JSON.stringify({ version: 1, fingerprintVersion: 1, entries: [entry] }, null, 2));
  }

  it("are still honoured, with a notice to rewrite them; `baseline` rewrites them as v2, keeping reason and expiry", () => {
    const repo = gitRepo();
    repo.write("db.env", `DB_PASSWORD="${human}"\n`);
    v1Baseline(repo);
    const scan = runBin(["scan"], repo.root, { env: repo.env });
    expect(scan.code).toBe(0);
    expect(scan.stderr).toBe(
      "finta-guard: .finta-guard-baseline.json: 1 entry uses fingerprint version 1, which lets anyone confirm a guessed password offline; run `finta-guard baseline` to rewrite it as version 2\n",
    );
    expect(scan.stdout).toContain("suppressed: 1 by baseline");

    const rewrite = runBin(["baseline"], repo.root, { env: repo.env });
    expect(rewrite).toMatchObject({ code: 0, stdout: "finta-guard: wrote 1 baseline entry to .finta-guard-baseline.json (0 new, 1 rewritten from fingerprint version 1)\n" });
    const written = JSON.parse(readFileSync(join(repo.root, ".finta-guard-baseline.json"), "utf8")) as unknown;
    expect(written).toEqual({
      version: 1,
      fingerprintVersion: 2,
      entries: [{ ruleId: "generic-password", file: "db.env", fingerprint: fingerprint("generic-password", "db.env", human), hint: "Su…(redacted)", reason: "staging only", expires: "2099-01-01" }],
    });
    const again = runBin(["scan"], repo.root, { env: repo.env });
    expect([again.code, again.stderr]).toEqual([0, ""]);
  });

  it("an entry `baseline` cannot find again stays a legacy entry, still honoured", () => {
    const repo = gitRepo();
    repo.write("db.env", `DB_PASSWORD="${human}"\n`);
    v1Baseline(repo);
    mkdirSync(join(repo.root, "other"));
    repo.write("other/x.env", `FINTA_SECRET_KEY=${live}\n`);
    // Only `other/` is scanned: the db.env entry is neither found nor pruned.
    expect(runBin(["baseline", "other"], repo.root, { env: repo.env }).code).toBe(0);
    const written = JSON.parse(readFileSync(join(repo.root, ".finta-guard-baseline.json"), "utf8")) as { fingerprintVersion: number; entries: { file: string; fingerprintVersion?: number }[] };
    expect(written.fingerprintVersion).toBe(2);
    expect(written.entries.map((e) => [e.file, e.fingerprintVersion])).toEqual([
      ["db.env", 1],
      ["other/x.env", undefined],
    ]);
    const scan = runBin(["scan", "--format", "json"], repo.root, { env: repo.env });
    expect(scan.code).toBe(0);
    expect((JSON.parse(scan.stdout) as JsonReport).suppressed.map((s) => [s.file, s.kind])).toEqual([
      ["db.env", "baseline"],
      ["other/x.env", "baseline"],
    ]);
  });
});
