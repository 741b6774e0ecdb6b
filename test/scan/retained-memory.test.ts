/**
 * Memory bound: what a scan keeps must not grow with the size of the file,
 * only with the number of findings. A 1 GiB single-line file once peaked at
 * well over a gigabyte because each finding's strings were V8 slices of its
 * scan window and so kept every such window alive until the end of the file.
 *
 * The check is on retained heap after a full garbage collection (what is
 * still reachable), not on timing and not on peak RSS, which depends on when
 * the collector happens to run.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { DetectionEngine } from "../../src/detect/engine.js";
import type { RawFinding } from "../../src/findings/types.js";
import { builtinRules } from "../../src/rules/index.js";
import { READ_CHUNK_BYTES } from "../../src/scan/read-file.js";
import { DEFAULT_WINDOW_CHARS, SNIPPET_CONTEXT_CHARS, StreamScanner } from "../../src/scan/stream-scanner.js";
import { fake } from "../helpers/fake-secrets.js";

const engine = DetectionEngine.fromSpecs(builtinRules);
const MiB = 1024 * 1024;

setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

function retainedHeap(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

/** One line of `windows` windows' worth of filler with one secret in each window, fed as a file would be. */
function scanOneLongLine(windows: number): { findings: RawFinding[]; columns: number[] } {
  const scanner = new StreamScanner(engine);
  const encoder = new TextEncoder();
  const filler = encoder.encode("a ".repeat(READ_CHUNK_BYTES / 2));
  const columns: number[] = [];
  let offset = 0;
  for (let w = 0; w < windows; w++) {
    const key = fake.liveKey(w + 1);
    const piece = encoder.encode(` ${key} `);
    columns.push(offset + 2);
    scanner.push(piece);
    offset += piece.length;
    for (let pushed = 0; pushed < DEFAULT_WINDOW_CHARS; pushed += filler.length) {
      scanner.push(filler);
      offset += filler.length;
    }
  }
  return { findings: scanner.finish().findings, columns };
}

describe("retained memory", () => {
  it("findings on a 48 MiB single line keep kilobytes, not their scan windows", () => {
    const windows = 48;
    const before = retainedHeap();
    const { findings, columns } = scanOneLongLine(windows);
    const retained = retainedHeap() - before;

    expect(findings.map((f) => ({ ruleId: f.ruleId, line: f.line, column: f.column }))).toEqual(
      columns.map((column) => ({ ruleId: "finta-secret-key-live", line: 1, column })),
    );
    // Each finding carries a snippet bounded around its secret, never the line.
    for (const f of findings) {
      expect(f.lineText.length).toBeLessThanOrEqual(2 * SNIPPET_CONTEXT_CHARS + f.secret.length);
      expect(f.prevLineText).toBe("");
    }
    // Keeping one window per finding would be at least `windows` MiB.
    expect(retained).toBeLessThan(4 * MiB);
  });
});
