/**
 * Scans with untrusted (custom) rules run under the deadline like any other:
 * files and stream targets alike give the same findings as a plain scan, a
 * rule that backtracks catastrophically becomes an error naming it and the
 * file while every other target of the run is still scanned, and streams are
 * scanned as they arrive (they were buffered whole). Uses dist/ (the worker's
 * compiled entry, built by `npm test`).
 */
import { describe, expect, it } from "vitest";
import { DetectionEngine } from "../../src/detect/engine.js";
import { compileRules } from "../../src/detect/compile.js";
import { builtinRules } from "../../src/rules/index.js";
import type { RuleSpec } from "../../src/rules/types.js";
import { scanTargets } from "../../src/scan/scan-targets.js";
import { untrustedRuleIds } from "../../src/scan/untrusted-rules.js";
import type { StreamTarget, Target } from "../../src/sources/types.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeTempTree } from "../helpers/temp-tree.js";

const custom = (id: string, regex: string, keywords: string[]): RuleSpec => ({ id, description: id, severity: "high", keywords, regex, remediation: "rotate" });
const slow = custom("slow", "(x+x+)+y", ["x"]);
const acme = custom("acme-token", "acme_[0-9]{8}", ["acme_"]);
const rules = [...builtinRules, acme, slow];

const stream = (path: string, text: string, extra: Partial<StreamTarget> = {}): StreamTarget => ({
  kind: "stream",
  path,
  async *open() {
    const bytes = new TextEncoder().encode(text);
    yield bytes.subarray(0, 3);
    yield bytes.subarray(3);
  },
  ...extra,
});

describe("untrustedRuleIds", () => {
  it("names rules whose pattern is not a built-in one", () => {
    const builtin = builtinRules[0]!;
    expect(untrustedRuleIds([builtin, { ...builtin, severity: "low" }, { ...builtin, regex: "x{3}" }, acme])).toEqual([builtin.id, "acme-token"]);
  });
});

describe("guarded scans", () => {
  it("find the same things in files and streams, and stop only the stuck target", async () => {
    const tree = makeTempTree();
    try {
      const live = fake.liveKey(41);
      const files: Target[] = Array.from({ length: 6 }, (_, i) => {
        const path = `f${i}.txt`;
        const text = i === 2 ? "x".repeat(4000) + "\n" : `k = "${live}"\nid = acme_${String(40000000 + i)}\n`;
        return { kind: "file", path, absPath: tree.write(path, text) };
      });
      const targets = [...files, stream("s.txt", `a\nb = acme_73910582\n`, { commit: "c1" }), stream("t.txt", "x".repeat(3000))];
      const result = await scanTargets(targets, { rules, jobs: 2, fileTimeoutMs: 200 });
      expect(result.errors).toEqual([
        { file: "f2.txt", message: "rule slow timed out on f2.txt (limit 200 ms per MiB)" },
        { file: "t.txt", message: "rule slow timed out on t.txt (limit 200 ms per MiB)" },
      ]);
      expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}${f.commit ? " " + f.commit : ""}`)).toEqual([
        ...["f0", "f1", "f3", "f4", "f5"].flatMap((f) => [`${f}.txt:1:6 finta-secret-key-live`, `${f}.txt:2:6 acme-token`]),
        "s.txt:2:5 acme-token c1",
      ]);
      expect(result.stats.files).toBe(6);
    } finally {
      tree.cleanup();
    }
  });
});

describe("streams with custom rules in force", () => {
  it("are scanned as their bytes arrive, not buffered whole first", async () => {
    class CountingEngine extends DetectionEngine {
      calls = 0;
      override detect(...args: Parameters<DetectionEngine["detect"]>) {
        this.calls++;
        return super.detect(...args);
      }
    }
    const engine = new CountingEngine(compileRules([acme]));
    let windowsBeforeLastChunk = -1;
    const target: StreamTarget = {
      kind: "stream",
      path: "big.txt",
      async *open() {
        yield new TextEncoder().encode("x = 1\n".repeat(400_000));
        windowsBeforeLastChunk = engine.calls;
        yield new TextEncoder().encode("id = acme_73910582\n");
      },
    };
    const result = await scanTargets([target], { rules: [acme], jobs: 1, engine });
    expect(untrustedRuleIds([acme])).toEqual(["acme-token"]);
    expect(windowsBeforeLastChunk).toBeGreaterThan(0);
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual(["big.txt:400001:6 acme-token"]);
  });
});
