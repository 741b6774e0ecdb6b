/**
 * Targets for `scan --staged`: exactly what the next commit will contain.
 *
 * The changed paths and their *index* blob ids come from
 * `git diff --cached --raw -z --no-abbrev -M` (never the working tree: a file
 * edited after `git add` is scanned as it was staged); the bytes come from one
 * long-lived `git cat-file --batch`. Added, copied, modified, renamed and
 * type-changed entries are scanned; deletions, unmerged entries and submodules
 * (mode 160000) are not; a symlink is scanned as its blob (the target path).
 *
 * `changedLines` (the lines a commit adds, which alone block it) come from
 * `git diff --cached -U0` against HEAD, read in the same moment as the list;
 * with no commit yet every line is new, which git's diff against the empty
 * tree already says. When git gives no line information for a changed blob
 * (a file marked binary in .gitattributes that is text), every line counts:
 * this module fails closed.
 *
 * Runs inside a pre-commit hook, so git's own environment is passed through
 * untouched: `git commit -a` and `git commit <path>` point GIT_INDEX_FILE at
 * the index they are about to commit.
 */
import { CatFileBatch } from "../git/cat-file.js";
import { STABLE_OUTPUT_CONFIG, runGit, spawnGit, type GitContext } from "../git/exec.js";
import { LineRanges } from "../git/line-ranges.js";
import { PatchParser, type PatchFile } from "../git/patch.js";
import { repoInfo } from "../git/repo.js";
import type { StreamTarget } from "./types.js";

const SUBMODULE_MODE = "160000";
const NULL_OID = /^0+$/;

/** One record of `git diff --raw -z`. */
export interface RawEntry {
  readonly srcMode: string;
  readonly dstMode: string;
  readonly srcOid: string;
  readonly dstOid: string;
  /** Status letter: A C D M R T U X. */
  readonly status: string;
  /** Path in the index (the destination of a rename or copy). */
  readonly path: string;
  readonly srcPath: string;
}

/** Parse `git diff --raw -z` output: `:<m> <m> <oid> <oid> <status>\0<path>\0[<path>\0]`. */
export function parseRawDiff(output: string): RawEntry[] {
  const fields = output.split("\0");
  const entries: RawEntry[] = [];
  for (let i = 0; i < fields.length; ) {
    const head = fields[i++] ?? "";
    if (!head.startsWith(":")) continue;
    const [srcMode = "", dstMode = "", srcOid = "", dstOid = "", status = ""] = head.slice(1).split(" ");
    const letter = status.charAt(0);
    const first = fields[i++] ?? "";
    const second = letter === "R" || letter === "C" ? (fields[i++] ?? "") : undefined;
    entries.push({ srcMode, dstMode, srcOid, dstOid, status: letter, path: second ?? first, srcPath: first });
  }
  return entries;
}

/** Is this index entry something the commit adds content with? */
export function isScannable(entry: RawEntry): boolean {
  if (!"ACMRT".includes(entry.status) || entry.status === "") return false;
  if (entry.dstMode === SUBMODULE_MODE || NULL_OID.test(entry.dstOid)) return false;
  return true;
}

interface SectionLines {
  readonly lines: LineRanges;
  binary: boolean;
}

/** Added lines per `path\0newOid`, from `git diff --cached -U0`. */
async function stagedAddedLines(ctx: GitContext): Promise<Map<string, SectionLines>> {
  const byKey = new Map<string, SectionLines>();
  let current = new LineRanges();
  const parser = new PatchParser({
    added(lineNo) {
      current.add(lineNo);
    },
    file(file: PatchFile) {
      if (file.path !== undefined && file.newOid !== undefined) byKey.set(`${file.path}\0${file.newOid}`, { lines: current, binary: file.binary });
      current = new LineRanges();
    },
  });
  const git = spawnGit(ctx, [
    ...STABLE_OUTPUT_CONFIG,
    "diff", "--cached", "-p", "-U0", "-M", "--full-index", "--no-color", "--no-ext-diff", "--no-textconv",
  ]);
  try {
    for await (const chunk of git.stdout) parser.push(chunk);
    parser.end();
  } finally {
    await git.done;
  }
  return byKey;
}

export interface StagedOptions {
  /** Every line blocks (`--all-lines`): no line diff is needed. */
  readonly allLines?: boolean;
}

export interface StagedSource {
  readonly targets: StreamTarget[];
  /** Entries left out (deleted, submodule, unmerged), for verbose output and tests. */
  readonly skipped: readonly RawEntry[];
  /** Stop the cat-file process; call once the targets are read. */
  close(): Promise<void>;
}

export async function listStagedTargets(ctx: GitContext, options: StagedOptions = {}): Promise<StagedSource> {
  const rawPromise = runGit(ctx, [...STABLE_OUTPUT_CONFIG, "diff", "--cached", "--raw", "-z", "--no-abbrev", "-M", "--no-ext-diff"]);
  const linesPromise = options.allLines ? undefined : stagedAddedLines(ctx);
  // All three git processes start at once: on the hook's critical path their
  // start-up costs overlap instead of adding up.
  const cat = new CatFileBatch(ctx);
  // Both run at once; a failure of one must not leave the other's rejection unhandled.
  linesPromise?.catch(() => {});
  try {
    let raw: Buffer;
    try {
      raw = (await rawPromise).stdout;
    } catch (error) {
      // Outside a repository `git diff` turns into `diff --no-index`: say what is really wrong.
      await repoInfo(ctx);
      throw error;
    }
    const entries = parseRawDiff(raw.toString("utf8"));
    const scannable = entries.filter(isScannable);
    const skipped = entries.filter((e) => !isScannable(e));
    // The blobs are read in this order: git can start on them while the line diff finishes.
    cat.prefetch(scannable.map((e) => e.dstOid));
    const added = linesPromise ? await linesPromise : undefined;
    if (scannable.length === 0) {
      await cat.close();
      return { targets: [], skipped, close: async () => {} };
    }
    const targets = scannable.map((entry): StreamTarget => {
      const changedLines = added ? changedLinesFor(entry, added) : undefined;
      return {
        kind: "stream",
        path: entry.path,
        open: () => cat.blob(entry.dstOid),
        ...(changedLines ? { changedLines } : {}),
      };
    });
    return { targets, skipped, close: () => cat.close() };
  } catch (error) {
    await cat.close();
    throw error;
  }
}

/**
 * The lines of `entry`'s staged blob that HEAD does not have; undefined
 * (every line blocks) when git gave no line information for changed content.
 */
function changedLinesFor(entry: RawEntry, added: ReadonlyMap<string, SectionLines>): ReadonlySet<number> | undefined {
  const section = added.get(`${entry.path}\0${entry.dstOid}`);
  if (section && !section.binary) return section.lines;
  // A pure rename or mode change adds no line.
  if (!section && entry.srcOid === entry.dstOid) return new LineRanges();
  return undefined;
}
