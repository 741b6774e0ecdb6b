/**
 * hook-installed: secrets are stopped before they are committed (the
 * pre-commit hook git actually runs reaches finta-guard: directly, through an
 * npm script, or through lint-staged, lefthook, simple-git-hooks or the
 * pre-commit framework; see audit/hook-chain.ts) and again in CI (a workflow
 * that runs finta-guard), because a local hook can be skipped with
 * `--no-verify` or never installed. A CI line counts when it names
 * finta-guard or runs a package.json script that does (`npm run scan`).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { CI_STEPS } from "../ci-snippet.js";
import { preCommitReach } from "../hook-chain.js";
import { readRepoText } from "../repo-files.js";
import type { Check, CheckResult, Evidence } from "../types.js";

const CI_FILES = [
  ".gitlab-ci.yml",
  ".circleci/config.yml",
  "azure-pipelines.yml",
  "bitbucket-pipelines.yml",
  "Jenkinsfile",
  ".travis.yml",
  ".buildkite/pipeline.yml",
  ".drone.yml",
];

/** package.json scripts that run finta-guard, by name. */
function fintaGuardScripts(repoRoot: string): Set<string> {
  const names = new Set<string>();
  const text = readRepoText(repoRoot, "package.json");
  if (text === undefined) return names;
  try {
    const scripts = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts ?? {};
    for (const [name, command] of Object.entries(scripts)) if (typeof command === "string" && command.includes("finta-guard")) names.add(name);
  } catch {
    // A broken package.json is not this check's business.
  }
  return names;
}

/** First 1-based line that runs finta-guard, directly or through a package.json script. */
export function lineRunningFintaGuard(text: string, scripts: ReadonlySet<string>): number | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^\s*#/.test(line)) continue;
    if (line.includes("finta-guard")) return i + 1;
    const m = /\b(?:npm\s+run(?:-script)?|yarn(?:\s+run)?|pnpm(?:\s+run)?|bun\s+run)\s+([\w:.-]+)/.exec(line);
    if (m?.[1] && scripts.has(m[1])) return i + 1;
  }
  return undefined;
}

function ciFiles(repoRoot: string): string[] {
  const found: string[] = [];
  try {
    for (const name of readdirSync(join(repoRoot, ".github", "workflows")).sort()) {
      if (/\.ya?ml$/i.test(name)) found.push(`.github/workflows/${name}`);
    }
  } catch {
    // No workflows folder.
  }
  return [...found, ...CI_FILES];
}

export const hookInstalled: Check = {
  id: "hook-installed",
  title: "Pre-commit hook and CI scan are in place",
  practice: "Secrets are blocked before they are committed (pre-commit hook) and again on every push (CI scan).",
  async run({ git, repoRoot }): Promise<CheckResult> {
    const scripts = fintaGuardScripts(repoRoot);
    const chain = preCommitReach(repoRoot, await git.hooksPath());
    const hook: Evidence | undefined = chain.reach
      ? { file: chain.reach.file, line: chain.reach.line, message: chain.reach.via ? `pre-commit runs finta-guard ${chain.reach.via}` : "pre-commit runs finta-guard" }
      : undefined;
    const ciCandidates = ciFiles(repoRoot);
    let ci: Evidence | undefined;
    for (const file of ciCandidates) {
      const text = readRepoText(repoRoot, file);
      const line = text === undefined ? undefined : lineRunningFintaGuard(text, scripts);
      if (line !== undefined) {
        ci = { file, line, message: "CI runs finta-guard" };
        break;
      }
    }
    const evidence = [hook, ci].filter((e): e is Evidence => e !== undefined);
    if (hook && ci) {
      return { id: this.id, title: this.title, status: "pass", reason: "A pre-commit hook and a CI job run finta-guard.", evidence, fix: "" };
    }
    const missing: string[] = [];
    const fix: string[] = [];
    if (!hook) {
      missing.push(
        chain.problems.length
          ? `the pre-commit hook git runs does not reach finta-guard: ${chain.problems.join("; ")}`
          : "no pre-commit hook runs finta-guard (looked at git's hooks path, .husky/pre-commit, lint-staged, lefthook, simple-git-hooks and pre-commit configs)",
      );
      fix.push("Install the hook (husky when the repository uses it, otherwise .git/hooks):", "  npx finta-guard install");
    }
    if (!ci) {
      missing.push("no CI workflow runs finta-guard (looked at .github/workflows/*.yml, .gitlab-ci.yml and other CI files)");
      fix.push(
        "Add a CI job, e.g. .github/workflows/finta-guard.yml (docs/examples/github-actions.yml is the complete file):",
        "  on: [push, pull_request]",
        "  jobs:",
        "    finta-guard:",
        "      runs-on: ubuntu-latest",
        "      steps:",
        ...CI_STEPS.map((line) => `        ${line}`),
      );
    }
    return { id: this.id, title: this.title, status: "warn", reason: missing.join("; ") + ".", evidence, fix: fix.join("\n") };
  },
};
