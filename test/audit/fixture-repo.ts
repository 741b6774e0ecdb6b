/**
 * Small fixture repositories for audit tests: a temp directory with a real
 * `git init`, the given files written, some of them added to the index and,
 * optionally, committed. Git runs with no global or system configuration so
 * the machine's own ignore rules or hooks path cannot change an answer.
 */
import { execFileSync } from "node:child_process";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";
import { runAudit, type AuditOptions } from "../../src/audit/index.js";
import type { CheckResult } from "../../src/audit/types.js";

process.env.GIT_CONFIG_NOSYSTEM = "1";
process.env.GIT_CONFIG_GLOBAL = "/dev/null";

export interface FixtureRepoSpec {
  /** Files in the working tree. */
  readonly files: Record<string, string>;
  /** Paths committed first (default: none). */
  readonly commit?: readonly string[];
  /** Paths added to the index after the commit (default: none). */
  readonly stage?: readonly string[];
  /** Extra `git config` pairs. */
  readonly gitConfig?: Record<string, string>;
}

export interface FixtureRepo extends TempTree {
  git(...args: string[]): string;
}

export function makeFixtureRepo(spec: FixtureRepoSpec): FixtureRepo {
  const tree = makeTempTree(spec.files, "finta-guard-audit-");
  const git = (...args: string[]) => execFileSync("git", args, { cwd: tree.root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  git("init", "-q");
  git("config", "user.name", "Audit Test");
  git("config", "user.email", "audit@example.invalid");
  git("config", "commit.gpgsign", "false");
  for (const [k, v] of Object.entries(spec.gitConfig ?? {})) git("config", k, v);
  if (spec.commit?.length) {
    git("add", "--", ...spec.commit);
    git("commit", "-q", "-m", "fixture");
  }
  if (spec.stage?.length) git("add", "--", ...spec.stage);
  return { ...tree, git };
}

export const TODAY = new Date("2026-11-29T12:00:00Z");

/** Run one check on a fixture repository. */
export async function runCheck(repo: FixtureRepo, id: string, options: AuditOptions = {}): Promise<CheckResult> {
  const report = await runAudit(repo.root, { now: TODAY, ...options, only: [id] });
  const result = report.results[0];
  if (!result) throw new Error(`no result for ${id}`);
  return result;
}

/** The parts of a result a test pins exactly. */
export function verdict(r: CheckResult): { status: string; evidence: CheckResult["evidence"] } {
  return { status: r.status, evidence: r.evidence };
}
