/**
 * Targets for `scan --history [RANGE]`: every file version a commit in the
 * range adds lines to, with the lines it adds and the commit's id, author and
 * date.
 *
 * One `git log -p -U0` streams the whole range (oldest first, parents before
 * children, so the first commit to add a secret is the first one seen) and is
 * parsed as it arrives: memory stays bounded by one file's added lines (capped)
 * whatever the number or size of the commits. Merge commits are read as dense
 * combined diffs, so only lines new against every parent (an "evil merge")
 * count; renames are followed (`-M`), so moving a file adds none of its lines:
 * a secret is reported once, where it was first added, not again at each move.
 *
 * Reading every file version whole would cost far more than `git log -p`
 * itself, so the caller supplies a cheap test over the added lines alone
 * (`suspects`); only when it says yes is the whole version read through
 * `git cat-file --batch` and scanned with its surrounding file as context,
 * exactly like a staged file. Versions whose added text is too big to hold,
 * and files git calls binary (no line information), are always read whole.
 *
 * Must not: know rules or findings (the test is the caller's), print.
 */
import { CatFileBatch } from "../git/cat-file.js";
import { STABLE_OUTPUT_CONFIG, runGit, spawnGit, type GitContext } from "../git/exec.js";
import { LineRanges } from "../git/line-ranges.js";
import { PatchParser, type PatchFile } from "../git/patch.js";
import { UsageError } from "../errors.js";
import type { StreamTarget } from "./types.js";

/** Added text kept per file version for the cheap test; beyond it the version is read whole. */
export const MAX_ADDED_BYTES = 4 << 20;
const SUBMODULE_MODE = "160000";

export interface HistoryOptions {
  /** Revisions as git takes them (`origin/main..HEAD`, `A ^B`); empty: HEAD. */
  readonly revs: readonly string[];
  /**
   * Which of these added-line texts (one per file version) may hold a secret?
   * Those versions are read and scanned whole. Asked once per batch, so the
   * caller can test many small texts in one pass.
   */
  readonly suspects: (addedTexts: readonly string[], paths: readonly string[]) => ReadonlySet<number>;
  /**
   * `--shard`: scan only the commits this says yes to (asked once per commit,
   * in the range's order). The others are parsed past, not counted, not read.
   */
  readonly keepCommit?: (commit: string) => boolean;
}

export interface HistoryCounts {
  commits: number;
  /** File versions with added lines. */
  fileVersions: number;
  /** File versions read whole and scanned. */
  scannedVersions: number;
  /** Bytes of added lines examined. */
  addedBytes: number;
}

export interface HistorySource {
  /** Batches of targets, one batch per chunk of git's output; scan each before asking for the next. */
  readonly batches: AsyncIterable<StreamTarget[]>;
  readonly counts: HistoryCounts;
  /** Position (0 = oldest) of a kept commit in the whole range: merging shards orders commits by it. */
  commitOrder(commit: string): number | undefined;
  close(): Promise<void>;
}

interface CommitMeta {
  commit: string;
  author: string;
  date: string;
}

/** `git log` arguments for a history scan of `revs`. */
export function historyLogArgs(revs: readonly string[]): string[] {
  for (const rev of revs) {
    // A revision must never be read as an option (`--output=…`).
    if (rev.startsWith("-")) throw new UsageError(`--history: "${rev}" is not a revision range`);
  }
  return [
    ...STABLE_OUTPUT_CONFIG,
    "log",
    "-p",
    "-U0",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "-M",
    "--full-index",
    "--diff-merges=dense-combined",
    "--topo-order",
    "--reverse",
    "--format=%x00%H%x00%an <%ae>%x00%aI",
    "--end-of-options",
    ...(revs.length ? revs : ["HEAD"]),
    "--",
  ];
}

export async function openHistory(ctx: GitContext, options: HistoryOptions): Promise<HistorySource> {
  const counts: HistoryCounts = { commits: 0, fileVersions: 0, scannedVersions: 0, addedBytes: 0 };
  if (options.revs.length === 0) {
    // A repository with no commit yet has no history (git log would fail on HEAD).
    const head = await runGit(ctx, ["rev-parse", "--verify", "-q", "HEAD^{commit}"], { okExitCodes: [0, 1] });
    if (head.exitCode !== 0) return { batches: (async function* () {})(), counts, commitOrder: () => undefined, close: async () => {} };
  }
  const args = historyLogArgs(options.revs);
  let cat: CatFileBatch | undefined;
  const blob = (oid: string) => (cat ??= new CatFileBatch(ctx)).blob(oid);

  let meta: CommitMeta = { commit: "", author: "", date: "" };
  let keep = true;
  let ordinal = -1;
  const order = new Map<string, number>();
  let parts: Buffer[] = [];
  let partBytes = 0;
  let overflow = false;
  let lines = new LineRanges();

  const resetFile = () => {
    parts = [];
    partBytes = 0;
    overflow = false;
    lines = new LineRanges();
  };

  const parser = new PatchParser({
    commit(fields) {
      ordinal++;
      meta = { commit: fields[0] ?? "", author: fields[1] ?? "", date: fields[2] ?? "" };
      keep = options.keepCommit?.(meta.commit) ?? true;
      if (!keep) return;
      counts.commits++;
      if (options.keepCommit) order.set(meta.commit, ordinal);
    },
    added(lineNo, bytes, truncated) {
      if (!keep) return;
      lines.add(lineNo);
      counts.addedBytes += bytes.length + 1;
      if (overflow) return;
      if (truncated || partBytes + bytes.length > MAX_ADDED_BYTES) {
        overflow = true;
        parts = [];
        return;
      }
      parts.push(bytes);
      partBytes += bytes.length + 1;
    },
    file(file: PatchFile) {
      const target = keep ? targetFor(file) : undefined;
      if (target) entries.push({ target });
      resetFile();
    },
  });

  /** This chunk's versions in commit order; those with `text` await the caller's test. */
  let entries: { target: StreamTarget; text?: string }[] = [];

  const targetFor = (file: PatchFile): StreamTarget | undefined => {
    if (file.deleted || file.path === undefined || file.newOid === undefined || /^0+$/.test(file.newOid)) return undefined;
    if (file.newMode === SUBMODULE_MODE) return undefined;
    const oid = file.newOid;
    const base = { kind: "stream" as const, path: file.path, open: () => blob(oid), commit: meta.commit, author: meta.author, date: meta.date };
    if (file.binary) {
      // No line information: a text file git was told to treat as binary is read whole, every line counting.
      counts.fileVersions++;
      counts.scannedVersions++;
      return base;
    }
    if (lines.size === 0) return undefined;
    counts.fileVersions++;
    const target = { ...base, changedLines: lines };
    if (overflow) {
      counts.scannedVersions++;
      return target;
    }
    entries.push({ target, text: Buffer.concat(parts.flatMap((p) => [p, NEWLINE])).toString("utf8") });
    return undefined;
  };

  /** Targets of this chunk, in commit order: those read whole regardless, and those the caller's test picks. */
  const takeBatch = (): StreamTarget[] => {
    const tested = entries.filter((e) => e.text !== undefined);
    const picked = tested.length ? options.suspects(tested.map((e) => e.text!), tested.map((e) => e.target.path)) : new Set<number>();
    counts.scannedVersions += picked.size;
    const keep = new Set(tested.filter((_, i) => picked.has(i)));
    const batch = entries.filter((e) => e.text === undefined || keep.has(e)).map((e) => e.target);
    entries = [];
    return batch;
  };

  const git = spawnGit(ctx, args);
  async function* batches(): AsyncGenerator<StreamTarget[]> {
    try {
      for await (const chunk of git.stdout) {
        parser.push(chunk);
        const batch = takeBatch();
        if (batch.length) yield batch;
      }
      parser.end();
      const batch = takeBatch();
      if (batch.length) yield batch;
      await git.done;
    } finally {
      git.kill();
    }
  }
  return {
    batches: batches(),
    counts,
    commitOrder: (commit) => order.get(commit),
    close: async () => {
      git.kill();
      await cat?.close();
    },
  };
}

const NEWLINE = Buffer.from("\n");
