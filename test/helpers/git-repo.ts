/**
 * Temporary git repositories for end-to-end tests: real git, isolated from
 * the machine's configuration (no global or system gitconfig, a private HOME)
 * and from any git environment the test runner inherited (GIT_DIR,
 * GIT_INDEX_FILE when run from a hook). Removed by `cleanup()`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { BIN } from "./cli.js";

/** The environment for git and the CLI in tests. */
export function isolatedGitEnv(home: string): Record<string, string> {
  const env: Record<string, string> = {};
  // COLUMNS too: the text report wraps to it, and a test's expected text is written for 80.
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("GIT_") && k !== "HUSKY" && k !== "COLUMNS") env[k] = v;
  return {
    ...env,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: join(home, ".gitconfig"),
    GIT_AUTHOR_NAME: "Ada Test",
    GIT_AUTHOR_EMAIL: "ada@example.test",
    GIT_COMMITTER_NAME: "Ada Test",
    GIT_COMMITTER_EMAIL: "ada@example.test",
    GIT_AUTHOR_DATE: "2026-01-02T03:04:05+00:00",
    GIT_COMMITTER_DATE: "2026-01-02T03:04:05+00:00",
    NO_COLOR: "1",
  };
}

export interface GitRepo {
  /** Work tree root (symlinks resolved, as git reports it). */
  readonly root: string;
  /** The temporary folder holding the repository (and HOME). */
  readonly base: string;
  readonly env: Record<string, string>;
  /** Run git in `cwd` (default: root); returns stdout; throws on failure. */
  git(args: readonly string[], cwd?: string, input?: string | Buffer): string;
  /** Run git and return status and output without throwing. */
  tryGit(args: readonly string[], cwd?: string): { status: number; stdout: string; stderr: string };
  write(path: string, content: string | Buffer, cwd?: string): void;
  /** Stage `content` as `path` without touching the working tree (what `git add -p` leaves behind). */
  stageContent(path: string, content: string, mode?: string): void;
  commitAll(message: string): string;
  /** node_modules/.bin/finta-guard running this checkout's build (what `npm install finta-guard` gives a project). */
  linkLocalBin(cwd?: string): void;
  cleanup(): void;
}

export function makeGitRepo(options: { init?: boolean; dir?: string } = {}): GitRepo {
  const base = realpathSync(mkdtempSync(join(tmpdir(), "finta-guard-git-")));
  const home = join(base, "home");
  mkdirSync(home);
  writeFileSync(join(home, ".gitconfig"), "[init]\n\tdefaultBranch = main\n[protocol \"file\"]\n\tallow = always\n");
  const root = join(base, options.dir ?? "repo");
  mkdirSync(root, { recursive: true });
  const env = isolatedGitEnv(home);
  const git = (args: readonly string[], cwd = root, input?: string | Buffer) =>
    execFileSync("git", [...args], { cwd, env, encoding: "utf8", ...(input !== undefined ? { input } : {}), stdio: ["pipe", "pipe", "pipe"] });
  if (options.init !== false) git(["init", "-q"]);
  const repo: GitRepo = {
    root,
    base,
    env,
    git,
    tryGit(args, cwd = root) {
      const r = spawnSync("git", [...args], { cwd, env, encoding: "utf8" });
      return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    },
    write(path, content, cwd = root) {
      const abs = join(cwd, path);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    },
    stageContent(path, content, mode = "100644") {
      const oid = git(["hash-object", "-w", "--stdin"], root, content).trim();
      git(["update-index", "--add", "--cacheinfo", `${mode},${oid},${path}`]);
    },
    commitAll(message) {
      git(["add", "-A"]);
      git(["commit", "-q", "--no-verify", "-m", message]);
      return git(["rev-parse", "HEAD"]).trim();
    },
    linkLocalBin(cwd = root) {
      const bin = join(cwd, "node_modules", ".bin", "finta-guard");
      mkdirSync(dirname(bin), { recursive: true });
      writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
      chmodSync(bin, 0o755);
      // Untracked and ignored, as an installed node_modules is.
      const exclude = resolve(cwd, git(["rev-parse", "--git-path", "info/exclude"], cwd).trim());
      mkdirSync(dirname(exclude), { recursive: true });
      writeFileSync(exclude, "node_modules/\n", { flag: "a" });
    },
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
  return repo;
}
