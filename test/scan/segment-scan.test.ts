import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DetectionEngine } from "../../src/detect/engine.js";
import type { RawFinding } from "../../src/findings/types.js";
import { builtinRules } from "../../src/rules/index.js";
import { scanFile } from "../../src/scan/read-file.js";
import { mergeSegments, planSegments, safeCut, scanSegment } from "../../src/scan/segment-scan.js";
import { fake } from "../helpers/fake-secrets.js";
import { prng } from "../helpers/prng.js";

const engine = DetectionEngine.fromSpecs(builtinRules);
const encoder = new TextEncoder();
const dir = mkdtempSync(join(tmpdir(), "segment-scan-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Random bytes mixing code, multi-byte and astral characters, invalid UTF-8,
 * a BOM mid-file, every line ending, very long lines, and planted secrets.
 */
function corpus(seed: number, lines: number): Uint8Array {
  const rnd = prng(seed);
  const eols = ["\n", "\r\n", "\r", ""];
  const filler = ["const x = 1;", "// ünïcödé ✓ 𝒳 comment", "", "  return value;", "x ".repeat(3000), "é".repeat(500), "\uFEFFbom", "password = "];
  const parts: Uint8Array[] = [];
  for (let i = 0; i < lines; i++) {
    const r = rnd();
    let line: string;
    if (r < 0.06) line = `const k${i} = "${fake.liveKey(seed * 1000 + i)}";`;
    else if (r < 0.09) line = `FINTA_API_TOKEN=${fake.envValue(seed * 1000 + i)}`;
    else if (r < 0.12) line = `é${fake.fintaApiKey(seed * 1000 + i)} 𝒳 ${fake.webhookSecret(i)}`;
    else if (r < 0.14) line = `token: "${Buffer.from(`key=${fake.liveKey(i)}`).toString("base64")}"`;
    else line = filler[Math.floor(rnd() * filler.length)] ?? "";
    parts.push(encoder.encode(line + (eols[Math.floor(rnd() * eols.length)] ?? "\n")));
    // Invalid UTF-8 now and then: a lone continuation byte, a cut sequence, a run of continuations.
    if (rnd() < 0.03) parts.push(Uint8Array.from([[0x80], [0xe2, 0x82], [0x80, 0x80, 0x80, 0x80, 0x80], [0xf0, 0x9f]][Math.floor(rnd() * 4)]!));
  }
  return Buffer.concat(parts);
}

type Pos = Pick<RawFinding, "ruleId" | "line" | "column" | "endLine" | "endColumn" | "gitLine" | "gitEndLine" | "lineOffset" | "lineText" | "prevLineText" | "secret" | "match">;
const pos = (f: RawFinding): Pos => ({
  ruleId: f.ruleId, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, gitLine: f.gitLine ?? f.line, gitEndLine: f.gitEndLine ?? f.endLine,
  lineOffset: f.lineOffset, lineText: f.lineText, prevLineText: f.prevLineText, secret: f.secret, match: f.match,
});

function scanInSegments(path: string, size: number, segmentBytes: number, windowChars?: number) {
  const options = windowChars === undefined ? {} : { windowChars };
  return mergeSegments(planSegments(size, segmentBytes).map((plan) => scanSegment(path, plan, engine, options)));
}

describe("a file scanned in segments equals a one-worker scan", () => {
  it.each([1, 2, 3, 4, 5, 6])("random content, segment and window sizes, seed %i", (seed) => {
    const bytes = corpus(seed, 1500);
    const path = join(dir, `random-${seed}.txt`);
    writeFileSync(path, bytes);
    const whole = scanFile(path, engine);
    expect(whole.findings.length).toBeGreaterThan(50);
    const rnd = prng(seed + 100);
    for (let round = 0; round < 3; round++) {
      const segmentBytes = 8000 + Math.floor(rnd() * 60_000);
      const windowChars = rnd() < 0.5 ? undefined : 1000 + Math.floor(rnd() * 40_000);
      const merged = scanInSegments(path, bytes.length, segmentBytes, windowChars);
      expect(merged.bytes).toBe(bytes.length);
      expect(merged.binary).toBe(false);
      expect(merged.findings.map(pos)).toEqual(whole.findings.map(pos));
    }
  });

  it("a secret on a single line across every segment cut keeps its column", () => {
    const key = fake.liveKey(11);
    const text = `first\n${"a ".repeat(20_000)}${key}${" b".repeat(20_000)}`;
    const path = join(dir, "one-line.txt");
    writeFileSync(path, text);
    const expected = [{ ruleId: "finta-secret-key-live", line: 2, column: 40_001, endLine: 2, endColumn: 40_001 + key.length }];
    const short = (f: RawFinding) => ({ ruleId: f.ruleId, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn });
    expect(scanFile(path, engine).findings.map(short)).toEqual(expected);
    for (const segmentBytes of [8000, 8001, 40_006, 40_010, 40_020, 40_040, 40_050]) {
      expect(scanInSegments(path, text.length, segmentBytes).findings.map(short)).toEqual(expected);
    }
  });

  it("a binary file (NUL in the first 8000 bytes) stays binary and reports nothing", () => {
    const path = join(dir, "binary.bin");
    const bytes = encoder.encode(`\0${"x\n".repeat(20_000)}${fake.liveKey(4)}\n`);
    writeFileSync(path, bytes);
    expect(scanInSegments(path, bytes.length, 8000)).toEqual({ findings: [], bytes: bytes.length, binary: true });
  });
});

describe("safeCut", () => {
  it.each([
    { name: "an ASCII byte stays", bytes: [0x61, 0x62], at: 1, cut: 1 },
    { name: "inside a 3-byte character moves past it", bytes: [0xe2, 0x82, 0xac, 0x61], at: 1, cut: 3 },
    { name: "inside a 4-byte character moves past it", bytes: [0xf0, 0x9f, 0x98, 0x80, 0x61], at: 1, cut: 4 },
    { name: "a run of continuation bytes stops after three", bytes: [0x80, 0x80, 0x80, 0x80, 0x80, 0x80], at: 1, cut: 4 },
    { name: "between CR and LF moves past the LF", bytes: [0x61, 0x0d, 0x0a, 0x62], at: 2, cut: 3 },
  ])("$name", ({ bytes, at, cut }) => {
    expect(safeCut(Uint8Array.from(bytes), at, 0)).toBe(cut);
  });
});
