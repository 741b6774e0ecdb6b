/**
 * Runs scanning work under a deadline on the thread it is on. A regex that
 * backtracks catastrophically cannot be interrupted from JavaScript, but V8
 * can terminate the execution of a script that outlives a `vm` timeout
 * (node's watchdog thread), and that stops a regex mid-match too. The work
 * runs as a call from a tiny script in a context of its own; on time-out the
 * call is abandoned and DeadlineExceeded names what was running
 * (detect/activity.ts). The thread stays usable, so the scan goes on with
 * the next file, and the file that timed out becomes an error (exit 2).
 *
 * Cost: one watchdog thread per call, some tens of microseconds: calls are
 * per window of a file (at most 1 MiB), never per rule or per match.
 */
import { Script, createContext, type Context } from "node:vm";
import { activity } from "../detect/activity.js";

/** Default time one MiB of content may take to scan (configurable: `scanTimeoutMs`). */
export const DEFAULT_DEADLINE_MS_PER_MIB = 5000;

export class DeadlineExceeded extends Error {
  constructor(
    /** What was running: `rule <id>`, `allowlist regex "…"`, `the scan`. */
    readonly what: string,
    readonly limitMsPerMiB: number,
  ) {
    super(`${what} timed out (limit ${limitMsPerMiB} ms per MiB)`);
    this.name = "DeadlineExceeded";
  }

  /** The one-line error for a target. */
  on(path: string): string {
    return `${this.what} timed out on ${path} (limit ${this.limitMsPerMiB} ms per MiB)`;
  }
}

/**
 * Extra time for a thread's first call: V8 compiles each regex when it first
 * runs, so the first window also pays for compiling every rule it touches
 * (hundreds of patterns, slow on a loaded machine), which says nothing about
 * the content.
 */
export const FIRST_CALL_GRACE_MS = 1000;

let context: Context | undefined;
let calls = 0;
let script: Script | undefined;
let depth = 0;

/** Time allowed for `chars` characters of content at `msPerMiB` (at least one MiB's worth). */
export function deadlineFor(msPerMiB: number, chars: number): number {
  return msPerMiB * Math.max(1, Math.ceil(chars / (1 << 20)));
}

/** Runs `work`, throwing DeadlineExceeded if it takes longer than `ms`. */
export function withDeadline<T>(ms: number, msPerMiB: number, work: () => T): T {
  // Inside another deadline already: that one bounds this work too.
  if (depth > 0) return work();
  context ??= createContext({ work: undefined });
  script ??= new Script("work()", { filename: "finta-guard-deadline" });
  activity.what = "the scan";
  context.work = work;
  depth++;
  try {
    const grace = calls++ === 0 ? FIRST_CALL_GRACE_MS : 0;
    return script.runInContext(context, { timeout: Math.max(1, Math.round(ms + grace)) }) as T;
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") throw new DeadlineExceeded(activity.what, msPerMiB);
    throw error;
  } finally {
    depth--;
    context.work = undefined;
  }
}
