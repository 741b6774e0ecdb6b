/**
 * env-files-ignored: `.env`, `.env.local` and `.env.*.local` (where local
 * secrets live, by dotenv/Vite/Next.js convention) are excluded by the
 * repository's ignore rules, so `git add .` cannot pick them up.
 *
 * git answers, not a reimplementation of gitignore: `git check-ignore -v`
 * over the representative names plus every such file present and not already
 * ignored, so nested .gitignore files, negations (`!.env.local`),
 * .git/info/exclude and core.excludesFile all count as git counts them.
 */
import { existsAsFile } from "../repo-files.js";
import type { Check, CheckResult, Evidence } from "../types.js";

/** The patterns the practice asks for, and a name that stands for each in check-ignore. */
export const REQUIRED_ENV_PATTERNS: readonly { readonly pattern: string; readonly probes: readonly string[]; readonly matches: (name: string) => boolean }[] = [
  { pattern: ".env", probes: [".env"], matches: (n) => n === ".env" },
  { pattern: ".env.local", probes: [".env.local"], matches: (n) => n === ".env.local" },
  {
    pattern: ".env.*.local",
    probes: [".env.development.local", ".env.test.local", ".env.production.local"],
    matches: (n) => /^\.env\..+\.local$/.test(n),
  },
];

const base = (p: string): string => p.slice(p.lastIndexOf("/") + 1);

export const envFilesIgnored: Check = {
  id: "env-files-ignored",
  title: "Local .env files are git-ignored",
  practice: "Keys live in environment variables loaded from local .env files that git never sees.",
  async run({ git, repoRoot }): Promise<CheckResult> {
    // Existing files matter in any folder; the probes stand for the root.
    const present = (await git.visibleFiles()).filter((p) => REQUIRED_ENV_PATTERNS.some((r) => r.matches(base(p))));
    const probes = [...new Set([...REQUIRED_ENV_PATTERNS.flatMap((r) => r.probes), ...present])];
    const answers = await git.checkIgnore(probes);

    const notIgnored: string[] = [];
    const evidence: Evidence[] = [];
    const missingPatterns = new Set<string>();
    for (const path of probes) {
      const match = answers.get(path);
      const rule = REQUIRED_ENV_PATTERNS.find((r) => r.matches(base(path)));
      if (match?.ignored) continue;
      notIgnored.push(path);
      if (rule) missingPatterns.add(rule.pattern);
      const exists = present.includes(path);
      if (match) {
        evidence.push({ file: match.source, line: match.line, message: `${match.pattern} re-includes ${path}` });
      } else if (exists) {
        evidence.push({ file: path, message: "present and not ignored" });
      }
    }

    if (notIgnored.length === 0) {
      const deciding = [...answers.values()].filter((m) => m !== undefined);
      const seen = new Set<string>();
      const passEvidence: Evidence[] = [];
      for (const m of deciding) {
        const key = `${m.source}:${m.line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        passEvidence.push({ file: m.source, line: m.line, message: m.pattern });
      }
      return {
        id: this.id,
        title: this.title,
        status: "pass",
        reason: "git ignores .env, .env.local and .env.*.local.",
        evidence: passEvidence,
        fix: "",
      };
    }
    const lines = [...missingPatterns];
    const unruled = notIgnored.filter((p) => answers.get(p) === undefined && !present.includes(p));
    if (unruled.length && existsAsFile(repoRoot, ".gitignore")) {
      evidence.push({ file: ".gitignore", message: `no rule matches ${unruled.join(", ")}` });
    }
    const negations = evidence.filter((e) => e.message?.includes(" re-includes "));
    const fix = [
      "Add these lines to .gitignore:",
      ...lines.map((l) => `  ${l}`),
      ...(negations.length ? ["and remove the lines that re-include them:", ...negations.map((e) => `  ${e.file}:${e.line}`)] : []),
      ...(present.some((p) => notIgnored.includes(p)) ? ["If such a file was ever committed, also run: git rm --cached <file>"] : []),
    ].join("\n");
    return {
      id: this.id,
      title: this.title,
      status: "fail",
      reason: `git does not ignore ${notIgnored.join(", ")}.`,
      evidence,
      fix,
    };
  },
};
