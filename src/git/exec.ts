/**
 * The only module that spawns git. Every caller passes the working directory
 * and the environment explicitly (library code never reads `process`), asks
 * for NUL-separated output (`-z`) wherever git offers it, and gets failures as
 * a GitCommandError carrying the arguments, the exit code and git's first
 * stderr line: one line for the user, exit 2, and a commit stays blocked.
 *
 * Configuration that would change the shape of git's output (prefixes, quoting,
 * colour, external diff drivers, relative paths) is overridden per command with
 * `-c`, so a user's gitconfig cannot confuse the parsers.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { GitError } from "../errors.js";

export type GitEnv = Readonly<Record<string, string | undefined>>;

export interface GitContext {
  /** Directory git runs in. */
  readonly cwd: string;
  /** The whole environment for git (PATH, HOME, and GIT_INDEX_FILE inside a hook). */
  readonly env: GitEnv;
}

/** Output-shaping configuration, fixed for every command we parse. */
export const STABLE_OUTPUT_CONFIG: readonly string[] = [
  "-c", "core.quotePath=true",
  "-c", "color.ui=never",
  "-c", "diff.noprefix=false",
  "-c", "diff.mnemonicPrefix=false",
  "-c", "diff.suppressBlankEmpty=false",
  "-c", "diff.relative=false",
  "-c", "log.showSignature=false",
];

export class GitCommandError extends GitError {
  constructor(
    readonly args: readonly string[],
    /** git's exit code (-1: it did not run or was killed). */
    readonly gitExitCode: number,
    /** git's first non-empty stderr line (or a description of how it failed). */
    readonly stderrLine: string,
    options?: { cause?: unknown },
  ) {
    super(`git ${commandName(args)}: ${stderrLine}`, options);
    this.name = "GitCommandError";
  }
}

/** The subcommand, skipping `-c key=value` pairs, for messages. */
function commandName(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-c") i++;
    else if (!args[i]!.startsWith("-")) return args[i]!;
  }
  return args[0] ?? "";
}

export function firstLine(stderr: string): string {
  return (
    stderr
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l !== "") ?? ""
  );
}

function childEnv(env: GitEnv): NodeJS.ProcessEnv {
  // Read-only questions must not take the index lock (a hook runs while git holds it).
  return { ...env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0" };
}

export interface RunGitOptions {
  readonly input?: string | Uint8Array;
  /** Exit codes that are answers, not failures (e.g. `rev-parse --verify -q` exits 1 for "no such ref"). */
  readonly okExitCodes?: readonly number[];
}

export interface RunGitResult {
  readonly stdout: Buffer;
  readonly exitCode: number;
}

/** Run `git args…` to completion, collecting stdout. For small outputs only; stream big ones with spawnGit. */
export function runGit(ctx: GitContext, args: readonly string[], options: RunGitOptions = {}): Promise<RunGitResult> {
  const ok = options.okExitCodes ?? [0];
  return new Promise((resolve, reject) => {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn("git", [...args], { cwd: ctx.cwd, env: childEnv(ctx.env), stdio: ["pipe", "pipe", "pipe"] });
    } catch (error) {
      reject(new GitCommandError(args, -1, `cannot run git: ${(error as Error).message}`, { cause: error }));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (error) => reject(new GitCommandError(args, -1, `cannot run git: ${error.message}`, { cause: error })));
    child.on("close", (code, signal) => {
      const exitCode = code ?? -1;
      if (!ok.includes(exitCode)) {
        const line = firstLine(Buffer.concat(err).toString("utf8")) || (signal ? `killed by ${signal}` : `exit code ${exitCode}`);
        reject(new GitCommandError(args, exitCode, line));
        return;
      }
      resolve({ stdout: Buffer.concat(out), exitCode });
    });
    // A git that exits before reading its input must not crash us with EPIPE.
    child.stdin.on("error", () => {});
    child.stdin.end(options.input ?? "");
  });
}

/** A running git whose stdout is read as a stream (with backpressure). */
export interface GitStream {
  readonly child: ChildProcessWithoutNullStreams;
  /** stdout chunks; pulling them is what lets git go on writing. */
  readonly stdout: AsyncIterable<Buffer>;
  /** Resolves when git has exited successfully; rejects with a GitCommandError otherwise. */
  readonly done: Promise<void>;
  /** Stop git early (the caller has read enough or failed). */
  kill(): void;
}

export function spawnGit(ctx: GitContext, args: readonly string[], options: { stdin?: boolean } = {}): GitStream {
  const child = spawn("git", [...args], { cwd: ctx.cwd, env: childEnv(ctx.env), stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (s: string) => {
    // Only the first line is ever shown; keep a bounded prefix.
    if (stderr.length < 4096) stderr += s;
  });
  child.stdin.on("error", () => {});
  if (!options.stdin) child.stdin.end();
  let killed = false;
  const done = new Promise<void>((resolve, reject) => {
    child.on("error", (error) => reject(new GitCommandError(args, -1, `cannot run git: ${error.message}`, { cause: error })));
    child.on("close", (code, signal) => {
      if (code === 0 || killed) resolve();
      else reject(new GitCommandError(args, code ?? -1, firstLine(stderr) || (signal ? `killed by ${signal}` : `exit code ${code}`)));
    });
  });
  // The caller awaits `done` after reading; an early failure must not be an unhandled rejection meanwhile.
  done.catch(() => {});
  return {
    child,
    stdout: child.stdout,
    done,
    kill() {
      killed = true;
      child.kill();
    },
  };
}

/** Split NUL-terminated output into its fields (a trailing NUL ends the last field, it does not start one). */
export function splitNul(output: string): string[] {
  if (output === "") return [];
  const fields = output.split("\0");
  if (fields[fields.length - 1] === "") fields.pop();
  return fields;
}
