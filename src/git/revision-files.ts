/**
 * Files read from a git revision instead of the working tree, for
 * `--config-from REV`: in CI the pull request under test is untrusted, and it
 * may add the very suppression that hides its secrets (`*` in
 * `.finta-guardignore`, `disable` in the configuration). The configuration,
 * the ignore files and the baseline then come from a trusted revision (the
 * base branch), read with `git cat-file` from git's object store: never from
 * the working tree, so no file the pull request adds or changes there counts.
 */
import { UsageError } from "../errors.js";
import { STABLE_OUTPUT_CONFIG, runGit, splitNul, type GitContext } from "./exec.js";

export interface RevisionFiles {
  /** The revision as given (`origin/main`), for messages and reports. */
  readonly rev: string;
  /** The commit it names. */
  readonly commit: string;
  /** The text of the file at `path` (repository-relative, `/`-separated) in that commit; undefined when it has none (or not a regular file). */
  read(path: string): Promise<string | undefined>;
  /** Repository-relative paths of every file named `name` (any folder) in that commit. */
  findAll(names: readonly string[]): Promise<string[]>;
}

/** Resolve `rev` to a commit in the repository around `ctx.cwd`; a one-line usage error when it names none. */
export async function openRevision(ctx: GitContext, rev: string): Promise<RevisionFiles> {
  // A revision must never be read as an option.
  if (rev === "" || rev.startsWith("-")) throw new UsageError(`--config-from: "${rev}" is not a revision`);
  const resolved = await runGit(ctx, ["rev-parse", "--verify", "-q", "--end-of-options", `${rev}^{commit}`], { okExitCodes: [0, 1, 128] });
  const commit = resolved.stdout.toString("utf8").trim();
  if (resolved.exitCode !== 0 || !/^[0-9a-f]{40,64}$/.test(commit)) {
    throw new UsageError(`--config-from: "${rev}" names no commit in this repository (fetch it first, e.g. git fetch origin ${rev.replace(/^origin\//, "")})`);
  }
  return {
    rev,
    commit,
    async read(path) {
      // ls-tree first: only a regular file (not a link, folder or submodule) is read.
      const entry = await runGit(ctx, [...STABLE_OUTPUT_CONFIG, "ls-tree", "-z", "--full-tree", commit, "--", path]);
      const match = /^(100644|100755) blob ([0-9a-f]+)\t/.exec(entry.stdout.toString("utf8"));
      if (!match) return undefined;
      const blob = await runGit(ctx, ["cat-file", "blob", match[2]!]);
      return blob.stdout.toString("utf8");
    },
    async findAll(names) {
      const listing = await runGit(ctx, [...STABLE_OUTPUT_CONFIG, "ls-tree", "-r", "-z", "--full-tree", "--name-only", commit]);
      return splitNul(listing.stdout.toString("utf8")).filter((p) => p !== "" && names.includes(p.slice(p.lastIndexOf("/") + 1)));
    },
  };
}
