import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { builtinRules } from "../../src/rules/index.js";
import { scanTargets } from "../../src/scan/scan-targets.js";
import { SEGMENT_MIN_FILE_BYTES } from "../../src/scan/segment-scan.js";
import { fake } from "../helpers/fake-secrets.js";

const dir = mkdtempSync(join(tmpdir(), "split-big-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a file above the split threshold, scanned on two workers", () => {
  it("reports exactly what one thread reports (same lines, columns, rules)", async () => {
    // Lines of varied length with a secret every ~1 MB, one on a line that crosses the 8 MiB cuts.
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < SEGMENT_MIN_FILE_BYTES + (3 << 20); i++) {
      const line = i % 20_000 === 7 ? `é key_${i} = "${fake.liveKey(i)}"` : i % 997 === 0 ? "x ".repeat(40_000) : `const v${i} = "ünïcödé ${i}";`;
      lines.push(line);
      size += Buffer.byteLength(line) + 1;
    }
    const path = join(dir, "big.log");
    writeFileSync(path, lines.join("\n"));
    const target = { kind: "file" as const, path: "big.log", absPath: path };
    const one = await scanTargets([target], { rules: builtinRules, jobs: 1 });
    const two = await scanTargets([target], { rules: builtinRules, jobs: 2 });
    expect(one.errors).toEqual([]);
    expect(one.findings.length).toBeGreaterThan(5);
    expect(one.findings.filter((f) => f.ruleId === "finta-secret-key-live").map((f) => f.line)).toEqual(
      lines.flatMap((l, i) => (l.startsWith("é key_") ? [i + 1] : [])),
    );
    expect(two.findings).toEqual(one.findings);
    expect(two.errors).toEqual([]);
    expect(two.stats.bytes).toBe(one.stats.bytes);
  }, 120_000);
});
