import { describe, expect, it } from "vitest";
import { DetectionEngine } from "../../src/detect/engine.js";
import type { RawFinding } from "../../src/findings/types.js";
import { builtinRules } from "../../src/rules/index.js";
import { HOLDBACK_CHARS, LOOKBACK_CHARS, StreamScanner, scanString } from "../../src/scan/stream-scanner.js";
import { fake } from "../helpers/fake-secrets.js";
import { prng } from "../helpers/prng.js";

const engine = DetectionEngine.fromSpecs(builtinRules);
const encoder = new TextEncoder();

type Pos = Pick<RawFinding, "ruleId" | "line" | "column" | "endLine" | "endColumn">;
const pos = (f: RawFinding): Pos => ({ ruleId: f.ruleId, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn });

/** Feed `bytes` in reads of the given sizes (cycled), with the given window size. */
function scanInReads(bytes: Uint8Array, readSizes: readonly number[], windowChars?: number) {
  const scanner = new StreamScanner(engine, windowChars === undefined ? {} : { windowChars });
  let offset = 0;
  let i = 0;
  while (offset < bytes.length) {
    const size = Math.max(1, readSizes[i++ % readSizes.length] ?? 1);
    scanner.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return scanner.finish();
}

/** A text mixing code, multi-byte characters, every line ending, and planted secrets. */
function corpus(seed: number, lines: number): string {
  const rnd = prng(seed);
  const eols = ["\n", "\r\n", "\r"];
  const filler = ["const x = 1;", "// ünïcödé ✓ 𝒳 comment", "", "  return value;", "x".repeat(300), "é".repeat(50)];
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const r = rnd();
    let line: string;
    if (r < 0.08) line = `const k${i} = "${fake.liveKey(seed * 1000 + i)}";`;
    else if (r < 0.12) line = `FINTA_API_TOKEN=${fake.envValue(seed * 1000 + i)}`;
    else if (r < 0.15) line = `é${fake.fintaApiKey(seed * 1000 + i)} 𝒳 ${fake.webhookSecret(i)}`;
    else line = filler[Math.floor(rnd() * filler.length)] ?? "";
    out.push(line + (eols[Math.floor(rnd() * eols.length)] ?? "\n"));
  }
  return out.join("");
}

describe("streaming equals a whole-buffer scan", () => {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
  it.each(seeds)("random read and window sizes, seed %i", (seed) => {
    const text = corpus(seed, 4000);
    const bytes = encoder.encode(text);
    const whole = scanString(engine, text).map(pos);
    expect(whole.length).toBeGreaterThan(100);
    const rnd = prng(seed + 100);
    for (let round = 0; round < 4; round++) {
      const reads = Array.from({ length: 7 }, () => 1 + Math.floor(rnd() * 70_000));
      const windowChars = 1 + Math.floor(rnd() * 50_000);
      expect(scanInReads(bytes, reads, windowChars).findings.map(pos)).toEqual(whole);
    }
  });

  it.each([1, 2, 3, 7, 64, 65_536])("read size %i with tiny windows", (readSize) => {
    const text = corpus(42, 600);
    const whole = scanString(engine, text).map(pos);
    expect(scanInReads(encoder.encode(text), [readSize], 97).findings.map(pos)).toEqual(whole);
  });

  it("a secret placed exactly across every possible read boundary is found once", () => {
    const key = fake.liveKey(9);
    const text = `${"é".repeat(10)}\nkey = "${key}"\n`;
    const bytes = encoder.encode(text);
    const expected = [{ ruleId: "finta-secret-key-live", line: 2, column: 8, endLine: 2, endColumn: 8 + key.length }];
    for (let cut = 1; cut < bytes.length; cut++) {
      const scanner = new StreamScanner(engine, { windowChars: 5 });
      scanner.push(bytes.subarray(0, cut));
      scanner.push(bytes.subarray(cut));
      expect(scanner.finish().findings.map(pos)).toEqual(expected);
    }
  });

  it("a single line longer than the window is cut with an overlap: the secret is found once", () => {
    const key = fake.liveKey(10);
    const line = "a ".repeat(60_000) + key + " b".repeat(60_000);
    const whole = scanString(engine, line).map(pos);
    expect(whole).toEqual([{ ruleId: "finta-secret-key-live", line: 1, column: 120_001, endLine: 1, endColumn: 120_001 + key.length }]);
    for (const windowChars of [1000, 4096, LOOKBACK_CHARS, HOLDBACK_CHARS + 3, 119_990]) {
      expect(scanInReads(encoder.encode(line), [4093], windowChars).findings.map(pos)).toEqual(whole);
    }
  });
});

describe("line and column", () => {
  const key = fake.liveKey(3);
  it.each([
    { name: "LF", text: `a\nb\n  ${key}\n`, line: 3, column: 3 },
    { name: "CRLF", text: `a\r\nb\r\n  ${key}\r\n`, line: 3, column: 3 },
    { name: "CR", text: `a\rb\r  ${key}\r`, line: 3, column: 3 },
    { name: "mixed endings", text: `a\r\n\rb\n${key}`, line: 4, column: 1 },
    { name: "UTF-8 BOM is not part of line 1", text: `\uFEFFx=${key}`, line: 1, column: 3 },
    { name: "columns count UTF-16 code units (astral = 2)", text: `𝒳é=${key}`, line: 1, column: 5 },
    { name: "no trailing newline", text: `\n\n${key}`, line: 3, column: 1 },
  ])("$name", ({ text, line, column }) => {
    expect(scanString(engine, text).map(pos)).toEqual([
      { ruleId: "finta-secret-key-live", line, column, endLine: line, endColumn: column + key.length },
    ]);
  });

  it("a line tens of megabytes long keeps exact columns", () => {
    const pad = "x ".repeat(10 * 1024 * 1024);
    const bytes = encoder.encode(`first\n${pad}${key}\n`);
    const result = scanInReads(bytes, [1 << 20]);
    expect(result.findings.map(pos)).toEqual([
      { ruleId: "finta-secret-key-live", line: 2, column: pad.length + 1, endLine: 2, endColumn: pad.length + 1 + key.length },
    ]);
  });
});

describe("binary files", () => {
  it("a NUL byte in the first 8000 bytes marks the file binary and stops the scan", () => {
    const bytes = encoder.encode(`\0${fake.liveKey(4)}`);
    const result = scanInReads(bytes, [3]);
    expect(result).toEqual({ findings: [], bytes: 3, binary: true, allowRules: [] });
  });
  it("a NUL byte after the first 8000 bytes does not (git's rule)", () => {
    const key = fake.liveKey(5);
    const bytes = encoder.encode(`${"a".repeat(8000)}\0\n${key}`);
    expect(scanInReads(bytes, [1000]).findings.map(pos)).toEqual([
      { ruleId: "finta-secret-key-live", line: 2, column: 1, endLine: 2, endColumn: 1 + key.length },
    ]);
  });
  it("an empty input has no findings", () => {
    expect(scanInReads(new Uint8Array(0), [1])).toEqual({ findings: [], bytes: 0, binary: false, allowRules: [] });
  });
});
