/**
 * What `finta-guard ci` scans, worked out from the CI's environment:
 *
 * - GitHub Actions `pull_request` / `pull_request_target`: the pull request's
 *   commits, `base.sha..head.sha` of the event payload (GITHUB_EVENT_PATH);
 * - `push`: the pushed commits, `before..after`; a new branch (`before` all
 *   zeros) has no "before": every commit reachable from `after`; a deleted
 *   branch (`after` all zeros): nothing;
 * - GitLab merge request pipelines: `CI_MERGE_REQUEST_DIFF_BASE_SHA..CI_COMMIT_SHA`;
 * - anything else (schedule, workflow_dispatch, no CI): the working tree.
 *
 * The payload is the CI's, but a commit id from it is still checked to be
 * one (40 or 64 hex digits) before it reaches git.
 */
import { readFileSync } from "node:fs";
import { InputError } from "../errors.js";
import { runGit, type GitContext } from "../git/exec.js";

export type CiPlan =
  | { readonly kind: "history"; readonly revs: readonly string[]; readonly what: string; readonly need: readonly { sha: string; role: string }[] }
  | { readonly kind: "tree"; readonly what: string }
  | { readonly kind: "nothing"; readonly what: string };

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const ZERO = /^0+$/;

function sha(value: unknown, where: string): string {
  if (typeof value !== "string" || !SHA.test(value)) throw new InputError(`${where}: expected a commit id in the event payload, got ${JSON.stringify(value)?.slice(0, 80) ?? "nothing"}`);
  return value;
}

function readEvent(path: string | undefined, name: string): Record<string, unknown> {
  if (path === undefined || path === "") throw new InputError(`GITHUB_EVENT_PATH is not set: a ${name} event needs its payload`);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(`GITHUB_EVENT_PATH ${path}: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
}

export function planCiScan(env: Readonly<Record<string, string | undefined>>): CiPlan {
  const event = env.GITHUB_EVENT_NAME;
  if (event === "pull_request" || event === "pull_request_target") {
    const payload = readEvent(env.GITHUB_EVENT_PATH, event);
    const pr = payload.pull_request as { base?: { sha?: unknown }; head?: { sha?: unknown }; number?: unknown } | undefined;
    const base = sha(pr?.base?.sha, `${event}: pull_request.base.sha`);
    const head = sha(pr?.head?.sha, `${event}: pull_request.head.sha`);
    return { kind: "history", revs: [`${base}..${head}`], what: `pull request commits ${base.slice(0, 12)}..${head.slice(0, 12)}`, need: [{ sha: base, role: "base" }, { sha: head, role: "head" }] };
  }
  if (event === "push") {
    const payload = readEvent(env.GITHUB_EVENT_PATH, event);
    const after = sha(payload.after, "push: after");
    if (ZERO.test(after)) return { kind: "nothing", what: "a deleted branch (no commits pushed)" };
    const before = sha(payload.before, "push: before");
    if (ZERO.test(before)) return { kind: "history", revs: [after], what: `a new branch: every commit reachable from ${after.slice(0, 12)}`, need: [{ sha: after, role: "pushed" }] };
    return { kind: "history", revs: [`${before}..${after}`], what: `pushed commits ${before.slice(0, 12)}..${after.slice(0, 12)}`, need: [{ sha: before, role: "before" }, { sha: after, role: "pushed" }] };
  }
  const mrBase = env.CI_MERGE_REQUEST_DIFF_BASE_SHA;
  if (event === undefined && mrBase !== undefined && mrBase !== "") {
    const base = sha(mrBase, "CI_MERGE_REQUEST_DIFF_BASE_SHA");
    const head = sha(env.CI_COMMIT_SHA, "CI_COMMIT_SHA");
    return { kind: "history", revs: [`${base}..${head}`], what: `merge request commits ${base.slice(0, 12)}..${head.slice(0, 12)}`, need: [{ sha: base, role: "base" }, { sha: head, role: "head" }] };
  }
  return { kind: "tree", what: `the working tree${event ? ` (${event} event)` : ""}` };
}

/** Every commit the range needs must be in the clone: a shallow checkout is the usual reason one is not. */
export async function checkCommitsPresent(ctx: GitContext, plan: CiPlan): Promise<void> {
  if (plan.kind !== "history") return;
  for (const { sha: id, role } of plan.need) {
    const found = await runGit(ctx, ["cat-file", "-e", `${id}^{commit}`], { okExitCodes: [0, 1, 128] });
    if (found.exitCode !== 0) {
      const shallow = (await runGit(ctx, ["rev-parse", "--is-shallow-repository"], { okExitCodes: [0, 128] })).stdout.toString().trim() === "true";
      throw new InputError(
        `the ${role} commit ${id.slice(0, 12)} is not in this clone${shallow ? " (a shallow clone)" : ""}: check out the full history, e.g. actions/checkout with \`fetch-depth: 0\` (GitLab: GIT_DEPTH: 0)`,
      );
    }
  }
}
