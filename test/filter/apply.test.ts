/**
 * The composed filter: which mechanism decides, that none reaches beyond
 * what it names, baseline matching from any folder, expiry, usage records.
 */
import { describe, expect, it } from "vitest";
import { ConfiguredFilter, todayUtc, type FilterOptions } from "../../src/filter/apply.js";
import { fingerprint, legacyFingerprint } from "../../src/findings/fingerprint.js";
import { fake } from "../helpers/fake-secrets.js";
import { findingPair } from "./raw-finding.js";

const ROOT = "/repo";
const secret = fake.liveKey(11);
const other = fake.liveKey(12);
const filterOf = (over: Partial<FilterOptions> = {}) => new ConfiguredFilter({ root: ROOT, pathBase: ROOT, inline: true, today: "2026-11-29", ...over });
const entry = (file: string, s: string, extra: object = {}) => ({ ruleId: "finta-secret-key-live", file, fingerprint: fingerprint("finta-secret-key-live", file, s), hint: "h", ...extra });

describe("ConfiguredFilter.check", () => {
  it.each([
    ["global path docs/", { global: [{ paths: ["docs/"] }] }, "docs/a.md", { kind: "path", by: "docs/" }],
    ["global path docs/ on docs2/", { global: [{ paths: ["docs/"] }] }, "docs2/a.md", undefined],
    ["per-rule path for this rule", { perRule: new Map([["finta-secret-key-live", [{ paths: ["test/"] }]]]) }, "test/a.ts", { kind: "path", by: "test/" }],
    ["per-rule path for another rule", { perRule: new Map([["jwt", [{ paths: ["test/"] }]]]) }, "test/a.ts", undefined],
    ["per-rule stopword for another rule", { perRule: new Map([["jwt", [{ stopwords: ["sk_"] }]]]) }, "a.ts", undefined],
    ["per-rule regex for this rule", { perRule: new Map([["finta-secret-key-live", [{ regexes: ["^sk_live_"] }]]]) }, "a.ts", { kind: "regex", by: "^sk_live_" }],
    ["global stopword", { global: [{ stopwords: ["SK_LIVE"] }] }, "a.ts", { kind: "stopword", by: "sk_live" }],
    ["baseline entry for this secret in this file", { baseline: { entries: [entry("src/a.ts", secret)] } }, "src/a.ts", { kind: "baseline", by: fingerprint("finta-secret-key-live", "src/a.ts", secret) }],
    ["baseline entry for this secret in another file", { baseline: { entries: [entry("src/b.ts", secret)] } }, "src/a.ts", undefined],
    ["baseline entry for another secret in this file", { baseline: { entries: [entry("src/a.ts", other)] } }, "src/a.ts", undefined],
    ["expired baseline entry", { baseline: { entries: [entry("src/a.ts", secret, { expires: "2026-11-29" })] } }, "src/a.ts", undefined],
    ["baseline entry expiring tomorrow", { baseline: { entries: [entry("src/a.ts", secret, { expires: "2026-11-30" })] } }, "src/a.ts", { kind: "baseline", by: fingerprint("finta-secret-key-live", "src/a.ts", secret) }],
  ] as const)("%s", (_what, options, file, expected) => {
    const [finding, raw] = findingPair(file, secret);
    expect(filterOf(options as Partial<FilterOptions>).check(finding, raw)).toEqual(expected);
  });

  it("matches the baseline on the identity path, whatever the display path (a scan in a subfolder)", () => {
    const filter = filterOf({ pathBase: "/repo/src", baseline: { entries: [entry("src/a.ts", secret)] } });
    const [finding, raw] = findingPair("a.ts", secret, {}, "src/a.ts");
    expect(filter.check(finding, raw)?.kind).toBe("baseline");
    const [elsewhere, raw2] = findingPair("src/a.ts", secret, {}, "lib/src/a.ts");
    expect(filter.check(elsewhere, raw2)).toBeUndefined();
  });

  it("honours legacy (v1) entries by their v1 fingerprint, and records them as used", () => {
    const legacy = { ruleId: "finta-secret-key-live", file: "src/a.ts", fingerprint: legacyFingerprint("finta-secret-key-live", "src/a.ts", secret), hint: "h", fingerprintVersion: 1 as const };
    // A v1 fingerprint written as a current entry matches nothing: versions are never mixed up.
    const { fingerprintVersion: _v, ...misfiled } = legacy;
    const filter = filterOf({ baseline: { entries: [legacy, entry("src/b.ts", other)] } });
    const [finding, raw] = findingPair("src/a.ts", secret);
    expect(filter.check(finding, raw)).toEqual({ kind: "baseline", by: legacy.fingerprint });
    expect(filter.unusedBaselineEntries().map((e) => e.file)).toEqual(["src/b.ts"]);
    expect(filterOf({ baseline: { entries: [misfiled] } }).check(finding, raw)).toBeUndefined();
    expect(legacy.fingerprint).not.toBe(finding.fingerprint);
  });

  it("honours inline allows unless disabled, and lets allowlists decide first", () => {
    const [finding, raw] = findingPair("a.ts", secret, { line: 5, lineText: `k = "${secret}" # finta-guard:allow -- sandbox` });
    expect(filterOf().check(finding, raw)).toEqual({ kind: "inline", by: "line 5: finta-guard:allow -- sandbox" });
    expect(filterOf({ inline: false }).check(finding, raw)).toBeUndefined();
    expect(filterOf({ global: [{ paths: ["*.ts"] }] }).check(finding, raw)).toEqual({ kind: "path", by: "*.ts" });
  });

  it("skips files under a global path allowlist before reading them, and only those", () => {
    const filter = filterOf({ global: [{ paths: ["vendor/"] }], perRule: new Map([["jwt", [{ paths: ["test/"] }]]]) });
    expect(["vendor/x.js", "vendor2/x.js", "test/x.js"].map((f) => filter.skipsPath(f))).toEqual([true, false, false]);
  });
});

describe("usage records for --report-unused", () => {
  it("lists baseline entries and allow comments that suppressed nothing", () => {
    const used = entry("a.ts", secret);
    const unused = entry("b.ts", other);
    const filter = filterOf({ baseline: { entries: [used, unused] } });
    const [f1, r1] = findingPair("a.ts", secret);
    const [f2, r2] = findingPair("c.ts", other, { line: 3, prevLineText: "# finta-guard:allow" });
    expect([filter.check(f1, r1)?.kind, filter.check(f2, r2)?.kind]).toEqual(["baseline", "inline"]);
    expect(filter.unusedBaselineEntries()).toEqual([unused]);
    const text = ["x", "# finta-guard:allow", "k = 1", "y // finta-guard:allow jwt"].join("\n");
    expect(filter.unusedInlineAllows("c.ts", text)).toEqual([{ file: "c.ts", line: 4, comment: { ruleId: "jwt", alone: false, text: "finta-guard:allow jwt" } }]);
    expect(filterOf({ inline: false }).unusedInlineAllows("c.ts", text)).toEqual([]);
  });
});

it("todayUtc is the UTC calendar day", () => {
  expect(todayUtc(new Date("2026-11-29T23:59:59Z"))).toBe("2026-11-29");
});
