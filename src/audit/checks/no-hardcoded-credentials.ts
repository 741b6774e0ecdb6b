/**
 * no-hardcoded-credentials: a full scan of the tracked files (their working
 * tree copies) finds no Finta credential. It is the scanner itself
 * (scan/scan-targets.ts over the `finta-*` rules in force), with the filters
 * `finta-guard scan` applies (allowlists, `.finta-guardignore`, inline allows,
 * the baseline), so the audit and the scan never disagree about what is a
 * reportable credential; what the filters suppressed is counted in the
 * reason. Findings carry the redacted secret only.
 */
import { lstatSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../errors.js";
import { builtinRules } from "../../rules/index.js";
import { scanTargets } from "../../scan/scan-targets.js";
import type { SuppressionKind } from "../../findings/types.js";
import type { FileTarget } from "../../sources/types.js";
import type { Check, CheckResult } from "../types.js";

export const FINTA_RULES = builtinRules.filter((r) => r.id.startsWith("finta-"));

export const noHardcodedCredentials: Check = {
  id: "no-hardcoded-credentials",
  title: "No Finta credential in tracked files",
  practice: "Keys are read from the environment or a secret store at run time, never written into code or config that git tracks.",
  async run({ git, repoRoot, scan }): Promise<CheckResult> {
    const tracked = await git.trackedFiles();
    // A tracked symbolic link holds a path, not content; its target is scanned as itself when tracked.
    const targets: FileTarget[] = tracked.filter((path) => !isSymlink(join(repoRoot, path))).map((path) => ({ kind: "file", path, absPath: join(repoRoot, path) }));
    const rules = scan?.rules ? scan.rules.filter((r) => r.id.startsWith("finta-")) : FINTA_RULES;
    const result = await scanTargets(targets, {
      rules,
      jobs: scan?.jobs ?? 1,
      ...(scan?.filter ? { filter: scan.filter } : {}),
    });
    // A tracked file that vanished from the working tree has nothing to scan;
    // any other read error leaves the answer unknown: fail closed (exit 2).
    const unreadable = result.errors.filter((e) => !/ENOENT|no such file/i.test(e.message));
    if (unreadable.length) {
      const first = unreadable[0];
      throw new InputError(`audit: ${first?.file}: ${first?.message}${unreadable.length > 1 ? ` (and ${unreadable.length - 1} more unreadable files)` : ""}`);
    }
    const searched = `${result.stats.files} tracked file(s) scanned with ${rules.length} Finta rules${suppressedNote(result.stats.suppressed)}`;
    if (result.findings.length === 0) {
      return { id: this.id, title: this.title, status: "pass", reason: `No Finta credential found (${searched}).`, evidence: [], fix: "" };
    }
    const files = new Set(result.findings.map((f) => f.file));
    return {
      id: this.id,
      title: this.title,
      status: "fail",
      reason: `${result.findings.length} Finta credential(s) in ${files.size} tracked file(s) (${searched}).`,
      evidence: result.findings.map((f) => ({ file: f.file, line: f.line, column: f.column, message: `${f.ruleId} ${f.secret}` })),
      fingerprints: result.findings.map((f) => f.fingerprint),
      fix: [
        "For each credential: rotate it now (create a new key in the Finta dashboard's API settings, update the environment",
        "variable or secret store, verify with GET https://api.finta.io/v2/me, then revoke the old key).",
        "Replace the literal with an environment variable (process.env.FINTA_SECRET_KEY / os.environ[\"FINTA_SECRET_KEY\"]).",
        "If it was ever pushed, remove it from history (git filter-repo) and check with `finta-guard scan --history`.",
      ].join("\n"),
    };
  },
};

const KIND_NAMES: Record<SuppressionKind, string> = { path: "path allowlist", regex: "regex allowlist", stopword: "stopword", inline: "inline allow", baseline: "baseline" };

/** `; 3 suppressed: 2 inline allow, 1 baseline`, or nothing when the filters suppressed nothing. */
function suppressedNote(counts: Partial<Record<SuppressionKind, number>>): string {
  const parts = (Object.keys(KIND_NAMES) as SuppressionKind[]).filter((k) => (counts[k] ?? 0) > 0).map((k) => `${counts[k]} ${KIND_NAMES[k]}`);
  const total = (Object.values(counts) as number[]).reduce((a, b) => a + b, 0);
  return total > 0 ? `; ${total} suppressed: ${parts.join(", ")}` : "";
}

function isSymlink(absPath: string): boolean {
  try {
    return lstatSync(absPath).isSymbolicLink();
  } catch {
    return false; // Gone from the working tree: the scan reports nothing for it.
  }
}
