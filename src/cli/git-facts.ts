/**
 * What the CLI asks git about the run's surroundings, for reports and the
 * audit log: the repository root (SARIF's %SRCROOT%), the user's e-mail, the
 * `origin` remote (credentials stripped), HEAD's ref and commit. Read-only
 * questions; any that fails (no git, not a repository, unset e-mail) answers
 * "unknown" rather than failing the scan.
 */
import { execFile } from "node:child_process";
import { realpathSync } from "node:fs";
import type { AuditResource } from "../report/audit-record.js";
import type { ScanMode } from "../report/types.js";
import type { CliIo } from "./io.js";

/**
 * A remote URL fit for a log: `https://user:token@host/x.git?access_token=…#…`
 * → `https://host/x.git`. Userinfo, query and fragment go (each can carry a
 * token: `?private_token=` is a common way to clone); scp-style
 * `git@host:x.git` and local paths are kept (no secret in them).
 */
export function stripCredentials(url: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  try {
    const parsed = new URL(url);
    if (parsed.username === "" && parsed.password === "" && parsed.search === "" && parsed.hash === "" && !/[?#]/.test(url)) return url;
    parsed.username = "";
    parsed.password = "";
    parsed.search = "";
    parsed.hash = "";
    return parsed.href.replace(/[?#]$/, "");
  } catch {
    // Not parseable as a URL: drop anything that looks like userinfo, a query or a fragment.
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1").replace(/[?#][\s\S]*$/, "");
  }
}

/** stdout of `git args` in cwd, trimmed; undefined when git fails or is missing. */
function gitOutput(cwd: string, args: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<string | undefined> {
  return new Promise((done) => {
    // The process environment under the run's (PATH, HOME for git's config), read-only locks.
    const childEnv = { ...process.env, ...env, GIT_OPTIONAL_LOCKS: "0" };
    execFile("git", [...args], { cwd, env: childEnv, encoding: "utf8", timeout: 10_000 }, (error, stdout) => {
      const value = stdout.trim();
      done(error || value === "" ? undefined : value);
    });
  });
}

export interface AuditIdentity {
  readonly userId: string | null;
  readonly resource: AuditResource;
}

/** Who runs, on which repository and ref: four read-only git questions, asked at once. */
export async function collectAuditIdentity(cwd: string, env: Readonly<Record<string, string | undefined>>): Promise<AuditIdentity> {
  const [root, email, remote, ref, commit] = await Promise.all([
    gitOutput(cwd, ["rev-parse", "--show-toplevel"], env),
    gitOutput(cwd, ["config", "user.email"], env),
    gitOutput(cwd, ["remote", "get-url", "origin"], env),
    gitOutput(cwd, ["symbolic-ref", "-q", "HEAD"], env),
    gitOutput(cwd, ["rev-parse", "-q", "--verify", "HEAD"], env),
  ]);
  const path = root ?? cwd;
  return {
    userId: email ?? null,
    resource: { repository: remote ? stripCredentials(remote) : path, path, ref: ref ?? null, commit: commit ?? null },
  };
}

/** The repository root for `cwd` (reports' %SRCROOT%), or undefined outside git. */
export function findSourceRoot(cwd: string, env: Readonly<Record<string, string | undefined>>): Promise<string | undefined> {
  return gitOutput(cwd, ["rev-parse", "--show-toplevel"], env);
}

/** Formats whose paths are read relative to the repository root. */
const ROOT_RELATIVE_FORMATS: ReadonlySet<string> = new Set(["sarif", "github"]);

/**
 * `srcRoot` and `baseDir` of the report context. Only SARIF and GitHub
 * annotations need them, so other formats spend no git call. `baseDir` is the
 * directory the findings' paths start from: the current one for tree scans
 * (resolved through symlinks, as git resolves the root), the root for staged
 * and history scans (spec/cli.md). Outside git the current directory is the root.
 */
export async function resolveReportPaths(format: string, io: Pick<CliIo, "cwd" | "env">, mode: ScanMode): Promise<{ srcRoot?: string; baseDir?: string }> {
  if (!ROOT_RELATIVE_FORMATS.has(format)) return {};
  const root = await findSourceRoot(io.cwd, io.env);
  let cwd = io.cwd;
  try {
    cwd = realpathSync(io.cwd);
  } catch {
    // A vanished directory keeps its name; paths then stay as they are.
  }
  const srcRoot = root ?? cwd;
  return { srcRoot, baseDir: mode === "tree" ? cwd : srcRoot };
}

