/**
 * UTF-16 and UTF-32 files with a byte-order mark (PowerShell writes UTF-16LE
 * by default) are decoded, not skipped as binary: in tree, staged and history
 * scans, through the built CLI. Columns count UTF-16 code units from the
 * first character after the BOM (an astral character counts 2).
 */
import { afterEach, describe, expect, it } from "vitest";
import { runBin } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

function utf16(text: string, littleEndian: boolean): Buffer {
  const le = Buffer.from(`\ufeff${text}`, "utf16le");
  return littleEndian ? le : le.swap16();
}

function utf32(text: string, littleEndian: boolean): Buffer {
  const points = [...`\ufeff${text}`].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((cp, i) => (littleEndian ? out.writeUInt32LE(cp, i * 4) : out.writeUInt32BE(cp, i * 4)));
  return out;
}

const ENCODINGS = [
  { name: "UTF-16LE", file: "profile-16le.ps1", encode: (t: string) => utf16(t, true) },
  { name: "UTF-16BE", file: "profile-16be.ps1", encode: (t: string) => utf16(t, false) },
  { name: "UTF-32LE", file: "profile-32le.txt", encode: (t: string) => utf32(t, true) },
  { name: "UTF-32BE", file: "profile-32be.txt", encode: (t: string) => utf32(t, false) },
] as const;

const RULE = "finta-secret-key-live";
/** Line 2; `$𝒳 = "` is 7 UTF-16 code units (𝒳 is 2), so the key starts at column 8. */
const content = (seed: number) => `# settings\r\n$𝒳 = "${fake.liveKey(seed)}"\r\n`;
const LINE = 2;
const COLUMN = 8;

interface Row {
  file: string;
  line: number;
  column: number;
  ruleId: string;
}

function scan(repo: GitRepo, args: string[]): { code: number; rows: Row[]; binarySkipped: number } {
  const out = runBin(["scan", ...args, "--format", "json"], repo.root, { env: repo.env });
  const report = JSON.parse(out.stdout) as { findings: Row[]; stats: { binarySkipped: number } };
  return {
    code: out.code,
    rows: report.findings.map(({ file, line, column, ruleId }) => ({ file, line, column, ruleId })),
    binarySkipped: report.stats.binarySkipped,
  };
}

let repo: GitRepo;
afterEach(() => repo?.cleanup());

function writeAll(): Row[] {
  ENCODINGS.forEach((e, i) => repo.write(e.file, e.encode(content(i + 1))));
  return ENCODINGS.map((e) => ({ file: e.file, line: LINE, column: COLUMN, ruleId: RULE })).sort((a, b) => (a.file < b.file ? -1 : 1));
}

describe("files with a UTF-16 or UTF-32 byte-order mark are decoded", () => {
  it("tree scan", () => {
    repo = makeGitRepo();
    const rows = writeAll();
    expect(scan(repo, [])).toEqual({ code: 1, rows, binarySkipped: 0 });
  });

  it("staged scan (git calls them binary: every line of the new file blocks)", () => {
    repo = makeGitRepo();
    repo.write("README", "x\n");
    repo.commitAll("init");
    const rows = writeAll();
    repo.git(["add", "-A"]);
    expect(scan(repo, ["--staged"])).toEqual({ code: 1, rows, binarySkipped: 0 });
  });

  it("history scan", () => {
    repo = makeGitRepo();
    const rows = writeAll();
    repo.commitAll("windows profile");
    expect(scan(repo, ["--history"])).toEqual({ code: 1, rows, binarySkipped: 0 });
  });

  it("a UTF-16 file holding a NUL character is still binary", () => {
    repo = makeGitRepo();
    repo.write("blob.bin", utf16(`x\u0000${fake.liveKey(9)}`, true));
    expect(scan(repo, [])).toEqual({ code: 0, rows: [], binarySkipped: 1 });
  });
});
