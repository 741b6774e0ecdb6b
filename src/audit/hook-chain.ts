/**
 * Does the pre-commit hook git will actually run reach finta-guard? Follows
 * the chain a real commit takes: git's hooks path (core.hooksPath honoured)
 * → husky's shim → the script → a hook manager it calls (lint-staged,
 * lefthook, the pre-commit framework) or an npm script → finta-guard. A
 * configuration that names finta-guard but is never called (lefthook.yml
 * without `lefthook install`, a husky folder husky does not activate, a line
 * after an unconditional `exit`, a hook git cannot execute) does not count:
 * it says why instead, so the audit's advice fixes the real gap.
 *
 * Heuristics over text, not a shell: every answer names the file and line it
 * rests on so a reader can judge it.
 */
import { accessSync, constants } from "node:fs";
import { isAbsolute, join } from "node:path";
import { readRepoText } from "./repo-files.js";

export interface HookReach {
  /** The file whose line runs finta-guard (the hook script or a manager's configuration). */
  readonly file: string;
  readonly line: number;
  /** How git gets there, e.g. "through lint-staged (.husky/pre-commit:2)"; "" when the hook runs it itself. */
  readonly via: string;
}

export interface HookChainResult {
  readonly reach?: HookReach;
  /** Why a hook that seems to mention finta-guard does not count; empty when none was found at all. */
  readonly problems: readonly string[];
}

const LINT_STAGED_FILES = [".lintstagedrc", ".lintstagedrc.json", ".lintstagedrc.yaml", ".lintstagedrc.yml", ".lintstagedrc.js", ".lintstagedrc.cjs", ".lintstagedrc.mjs", "lint-staged.config.js", "lint-staged.config.cjs", "lint-staged.config.mjs"];
const LEFTHOOK_FILES = ["lefthook.yml", "lefthook.yaml", ".lefthook.yml", ".lefthook.yaml", "lefthook-local.yml"];
const PRE_COMMIT_FILES = [".pre-commit-config.yaml", ".pre-commit-config.yml"];

/** A line that runs a package.json script: `npm run x`, `yarn x`, `pnpm x`, `bun run x`. */
const RUNS_SCRIPT = /\b(?:npm\s+run(?:-script)?|yarn(?:\s+run)?|pnpm(?:\s+run)?|bun\s+run)\s+([\w:.-]+)/;
/** An unconditional exit at the top level of a script: nothing after it runs. */
const TOP_LEVEL_EXIT = /^exit(?:\s+\d+)?\s*(?:#.*)?$/;

interface Package {
  readonly scripts: ReadonlyMap<string, string>;
  readonly json: Record<string, unknown>;
}

function readPackage(repoRoot: string): Package {
  const text = readRepoText(repoRoot, "package.json");
  if (text !== undefined) {
    try {
      const json = JSON.parse(text) as unknown;
      if (json !== null && typeof json === "object" && !Array.isArray(json)) {
        const record = json as Record<string, unknown>;
        const raw = Object.hasOwn(record, "scripts") ? record.scripts : undefined;
        const scripts = new Map<string, string>();
        if (raw !== null && typeof raw === "object") for (const [k, v] of Object.entries(raw)) if (typeof v === "string") scripts.set(k, v);
        return { scripts, json: record };
      }
    } catch {
      // A broken package.json is not this check's business.
    }
  }
  return { scripts: new Map(), json: {} };
}

/** Lines of a script that run, in order: comments dropped, nothing after a top-level `exit`. */
function liveLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^\s*#/.test(line) || line.trim() === "") continue;
    if (TOP_LEVEL_EXIT.test(line)) break;
    out.push({ line: i + 1, text: line });
  }
  return out;
}

/** Does this command line run finta-guard, itself or through a package.json script that does? */
export function runsFintaGuard(line: string, scripts: ReadonlyMap<string, string>): boolean {
  if (/\bfinta-guard\b/.test(line.replace(/#.*$/, ""))) return true;
  const script = RUNS_SCRIPT.exec(line)?.[1];
  return script !== undefined && (scripts.get(script) ?? "").includes("finta-guard");
}

/** First line of a text that names finta-guard outside a comment (for hook managers' configuration files). */
function configLine(text: string): number | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^\s*(?:#|\/\/)/.test(line)) continue;
    if (line.includes("finta-guard")) return i + 1;
  }
  return undefined;
}

/** lint-staged's configuration: package.json's "lint-staged" key or one of its files. */
function lintStagedReach(repoRoot: string, pkg: Package): { file: string; line: number } | undefined {
  if (Object.hasOwn(pkg.json, "lint-staged") && JSON.stringify(pkg.json["lint-staged"]).includes("finta-guard")) {
    const text = readRepoText(repoRoot, "package.json") ?? "";
    const at = text.split(/\r?\n/).findIndex((l, i, all) => l.includes("finta-guard") && all.slice(0, i).some((p) => p.includes('"lint-staged"')));
    return { file: "package.json", line: at + 1 };
  }
  for (const file of LINT_STAGED_FILES) {
    const text = readRepoText(repoRoot, file);
    const line = text === undefined ? undefined : configLine(text);
    if (line !== undefined) return { file, line };
  }
  return undefined;
}

/** lefthook: finta-guard inside the `pre-commit:` section of its configuration. */
function lefthookReach(repoRoot: string): { file: string; line: number } | undefined {
  for (const file of LEFTHOOK_FILES) {
    const text = readRepoText(repoRoot, file);
    if (text === undefined) continue;
    const lines = text.split(/\r\n|\r|\n/);
    let inPreCommit = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? "";
      if (/^\S/.test(line)) inPreCommit = /^pre-commit\s*:/.test(line);
      else if (inPreCommit && !/^\s*#/.test(line) && line.includes("finta-guard")) return { file, line: i + 1 };
    }
  }
  return undefined;
}

/** The pre-commit framework: a hook with id finta-guard (or an entry running it) in its configuration. */
function preCommitFrameworkReach(repoRoot: string): { file: string; line: number } | undefined {
  for (const file of PRE_COMMIT_FILES) {
    const text = readRepoText(repoRoot, file);
    const line = text === undefined ? undefined : configLine(text);
    if (line !== undefined) return { file, line };
  }
  return undefined;
}

function isExecutable(abs: string): boolean {
  try {
    accessSync(abs, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Follow one hook script: the first live line that reaches finta-guard,
 * directly, through an npm script, or through a hook manager it calls.
 */
function followScript(repoRoot: string, file: string, text: string, pkg: Package, problems: string[]): HookReach | undefined {
  for (const { line, text: command } of liveLines(text)) {
    if (runsFintaGuard(command, pkg.scripts)) return { file, line, via: "" };
    const script = RUNS_SCRIPT.exec(command)?.[1];
    const expanded = script !== undefined ? (pkg.scripts.get(script) ?? "") : "";
    const runs = `${command} ${expanded}`;
    const at = `${file}:${line}`;
    if (/\blint-staged\b/.test(runs)) {
      const target = lintStagedReach(repoRoot, pkg);
      if (target) return { ...target, via: `through lint-staged (${at})` };
      problems.push(`${at} runs lint-staged, but no lint-staged configuration runs finta-guard`);
    }
    if (/\blefthook\b/.test(runs)) {
      const target = lefthookReach(repoRoot);
      if (target) return { ...target, via: `through lefthook (${at})` };
      problems.push(`${at} runs lefthook, but its pre-commit section does not run finta-guard`);
    }
    if (/\bpre-commit\b/.test(runs) && /\bhook-impl\b|INSTALL_PYTHON|File generated by pre-commit/.test(text)) {
      const target = preCommitFrameworkReach(repoRoot);
      if (target) return { ...target, via: `through the pre-commit framework (${at})` };
    }
  }
  return undefined;
}

/** Git's hooks directory made repository-relative when it lies inside the repository. */
function inRepo(repoRoot: string, hooksDir: string): string {
  if (!isAbsolute(hooksDir)) return hooksDir;
  const prefix = repoRoot.endsWith("/") ? repoRoot : `${repoRoot}/`;
  return hooksDir.startsWith(prefix) ? hooksDir.slice(prefix.length) : hooksDir;
}

/**
 * What git runs before a commit, and whether it reaches finta-guard.
 * `hooksDir` is git's answer to `rev-parse --git-path hooks`.
 */
export function preCommitReach(repoRoot: string, hooksDir: string): HookChainResult {
  const pkg = readPackage(repoRoot);
  const problems: string[] = [];
  const dir = inRepo(repoRoot, hooksDir).replace(/\/+$/, "");
  const read = (file: string) => (isAbsolute(file) ? readRepoText("/", file.slice(1)) : readRepoText(repoRoot, file));
  const abs = (file: string) => (isAbsolute(file) ? file : join(repoRoot, file));

  // husky v9 points core.hooksPath at .husky/_, whose shim runs .husky/<hook>; husky v4-8 at .husky itself.
  const huskyActive = /(?:^|\/)\.husky(?:\/_)?$/.test(dir);
  const huskyOnInstall = !huskyActive && /\bhusky\b/.test(pkg.scripts.get("prepare") ?? "");
  const huskyScript = readRepoText(repoRoot, ".husky/pre-commit");

  if (huskyActive || huskyOnInstall) {
    if (huskyScript !== undefined) {
      const reach = followScript(repoRoot, ".husky/pre-commit", huskyScript, pkg, problems);
      if (reach) return { reach, problems };
    }
    if (huskyActive) return { problems };
  } else if (huskyScript !== undefined && followScript(repoRoot, ".husky/pre-commit", huskyScript, pkg, []) !== undefined) {
    problems.push(`.husky/pre-commit runs finta-guard, but husky is not active in this clone (core.hooksPath is ${dir}, and no prepare script runs husky): run npx husky`);
  }

  const hook = `${dir}/pre-commit`;
  const text = read(hook);
  if (text !== undefined) {
    const reach = followScript(repoRoot, hook, text, pkg, problems);
    if (reach && !isExecutable(abs(hook))) {
      problems.push(`${hook} runs finta-guard but is not executable, so git skips it: chmod +x ${hook}`);
    } else if (reach) {
      return { reach, problems };
    }
  }

  // Managers configured but never installed into the hook git runs.
  const unreached: [string, { file: string; line: number } | undefined, string][] = [
    ["lint-staged", lintStagedReach(repoRoot, pkg), "call lint-staged from the pre-commit hook (npx lint-staged)"],
    ["lefthook", lefthookReach(repoRoot), "run npx lefthook install"],
    ["the pre-commit framework", preCommitFrameworkReach(repoRoot), "run pre-commit install"],
  ];
  for (const [name, where, fix] of unreached) {
    if (where && !problems.some((p) => p.includes(name))) problems.push(`${where.file}:${where.line} runs finta-guard through ${name}, but the hook git runs (${hook}) never calls it: ${fix}`);
  }
  const simple = Object.hasOwn(pkg.json, "simple-git-hooks") ? JSON.stringify(pkg.json["simple-git-hooks"]) : "";
  if (simple.includes("finta-guard")) problems.push(`package.json's simple-git-hooks runs finta-guard, but ${hook} does not: run npx simple-git-hooks`);
  return { problems };
}
