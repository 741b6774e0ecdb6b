/**
 * The paths git tracks in a repository, for the tree walker: a tracked file
 * is scanned whatever `.gitignore` says (as git itself does; a force-added
 * file is content of the repository), and an ignored folder is entered when
 * it holds tracked files. One `git ls-files -z` (tens of milliseconds on a
 * repository of 10,000 files), run only when an ignore rule first hides
 * something.
 */
import { spawnSync } from "node:child_process";
import { STABLE_OUTPUT_CONFIG } from "./exec.js";

export interface TrackedPaths {
  /** Is `relPath` (`/`-separated, relative to the repository root) tracked? */
  has(relPath: string): boolean;
  /** Does the folder `relDir` hold a tracked path at any depth? */
  holdsTracked(relDir: string): boolean;
}

const NONE: TrackedPaths = { has: () => false, holdsTracked: () => false };

/**
 * The tracked paths of the repository whose work tree root is `root`. When
 * git cannot answer (not installed, not a repository it reads), nothing is
 * known tracked: ignore files then hide as they say, as before.
 */
export function readTrackedPaths(root: string): TrackedPaths {
  const result = spawnSync("git", [...STABLE_OUTPUT_CONFIG, "ls-files", "-z", "--cached", "--full-name"], {
    cwd: root,
    maxBuffer: 1 << 30,
    stdio: ["ignore", "pipe", "ignore"],
  });
  if (result.status !== 0 || !result.stdout) return NONE;
  const files = new Set<string>();
  const dirs = new Set<string>();
  for (const path of result.stdout.toString("utf8").split("\0")) {
    if (path === "") continue;
    files.add(path);
    for (let slash = path.lastIndexOf("/"); slash > 0; slash = path.lastIndexOf("/", slash - 1)) {
      const dir = path.slice(0, slash);
      if (dirs.has(dir)) break;
      dirs.add(dir);
    }
  }
  return { has: (p) => files.has(p), holdsTracked: (d) => dirs.has(d) };
}
