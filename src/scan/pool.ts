/**
 * Scans many files on worker threads. Files go out in small batches as
 * workers free up (dynamic balancing: one huge file does not hold a queue
 * behind it); outcomes come back indexed, so the caller's order is kept
 * whatever the scheduling.
 */
import { Worker } from "node:worker_threads";
import type { FileTarget } from "../sources/types.js";
import { mergeSegments, planSegments, plannedSize, SEGMENT_MIN_FILE_BYTES, type SegmentOutcome } from "./segment-scan.js";
import type { FileOutcome, WorkItem, WorkerInit, WorkerResponse } from "./worker-protocol.js";

const BATCH_FILES = 32;

/**
 * A worker's young generation grows to V8's default (three 16 MiB
 * semi-spaces) under the scan's stream of short-lived strings; with a big
 * file split across workers every worker does so at once, which took a
 * 1 GiB file's scan past 200 MiB resident. Scavenges of a smaller young
 * generation are cheap here (most of it is garbage by then).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 12 };

/** The work items for one file: itself, or its segments when it is big (split across workers). */
function itemsFor(file: FileTarget, index: number, size: number): WorkItem[] {
  if (size <= SEGMENT_MIN_FILE_BYTES) return [{ index, absPath: file.absPath }];
  return planSegments(size).map((segment, part) => ({ index, absPath: file.absPath, segment, part }));
}

/** True when some file is big enough to be split (only asked for short lists: it stats each file). */
export function anyFileToSplit(files: readonly FileTarget[]): boolean {
  return files.some((f) => plannedSize(f.absPath) > SEGMENT_MIN_FILE_BYTES);
}

/**
 * The worker's compiled entry. Built code runs `dist/scan/worker.js` next to
 * this file; when this module runs from TypeScript source (the test runner
 * transforms it, but worker threads load plain JS), use the build that
 * `npm test` makes before running the tests.
 */
function workerEntry(): URL {
  return import.meta.url.endsWith(".ts") ? new URL("../../dist/scan/worker.js", import.meta.url) : new URL("./worker.js", import.meta.url);
}

export async function scanFilesOnWorkers(
  files: readonly FileTarget[],
  init: WorkerInit,
  jobs: number,
  onOutcome: (outcome: FileOutcome) => void,
): Promise<void> {
  const workerUrl = workerEntry();
  // A short list is planned up front (a few stats) so that one big file gets every worker;
  // a long one keeps every worker busy anyway and is planned batch by batch.
  const planned: WorkItem[] = [];
  /** File index → how many segments it was cut into (big files only). */
  const partsOf = new Map<number, number>();
  const plan = (index: number) => {
    const items = itemsFor(files[index]!, index, plannedSize(files[index]!.absPath));
    if (items[0]?.segment) partsOf.set(index, items.length);
    planned.push(...items);
  };
  let nextFile = 0;
  if (files.length < jobs * BATCH_FILES) {
    while (nextFile < files.length) plan(nextFile++);
  }
  const count = Math.max(1, Math.min(jobs, planned.length ? planned.length : Math.ceil(files.length / BATCH_FILES)));
  const hasWork = () => planned.length > 0 || nextFile < files.length;
  /** The next batch: up to BATCH_FILES whole files, or one segment alone (8 MiB is a batch's worth). */
  const nextBatch = (): WorkItem[] => {
    const batch: WorkItem[] = [];
    while (batch.length < BATCH_FILES) {
      if (!planned.length) {
        if (nextFile >= files.length) break;
        plan(nextFile++);
      }
      if (planned[0]!.segment && batch.length) break;
      const item = planned.shift()!;
      batch.push(item);
      if (item.segment) break;
    }
    return batch;
  };
  // Segments of a file come back in any order: joined once all are in.
  const parts = new Map<number, { outcomes: FileOutcome[]; left: number }>();
  const receive = (outcome: FileOutcome, total: number) => {
    let entry = parts.get(outcome.index);
    if (!entry) parts.set(outcome.index, (entry = { outcomes: [], left: total }));
    entry.outcomes[outcome.part ?? 0] = outcome;
    if (--entry.left > 0) return;
    parts.delete(outcome.index);
    // One segment that failed or outlived its deadline stands for the whole file.
    const failed = entry.outcomes.find((o) => o.error !== undefined || o.timedOut !== undefined);
    if (failed) {
      onOutcome({ index: outcome.index, findings: [], bytes: 0, binary: false, ...(failed.timedOut !== undefined ? { timedOut: failed.timedOut } : { error: failed.error! }) });
      return;
    }
    const merged = mergeSegments(entry.outcomes.map((o): SegmentOutcome => ({ findings: o.findings, span: o.span ?? { line: 1, column: 1, gitLine: 1 }, bytes: o.bytes, binary: o.binary })));
    onOutcome({ index: outcome.index, ...merged });
  };
  let batchId = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: count }, () =>
        new Promise<void>((resolveWorker, rejectWorker) => {
          const worker = new Worker(workerUrl, { workerData: init, resourceLimits: WORKER_LIMITS });
          workers.push(worker);
          const send = () => {
            if (!hasWork()) {
              resolveWorker();
              return;
            }
            worker.postMessage({ batch: batchId++, files: nextBatch() });
          };
          worker.on("message", (response: WorkerResponse) => {
            for (const outcome of response.outcomes) {
              if (outcome.part === undefined) onOutcome(outcome);
              else receive(outcome, partsOf.get(outcome.index) ?? 1);
            }
            send();
          });
          worker.on("error", rejectWorker);
          worker.on("exit", (code) => {
            if (hasWork() || code !== 0) rejectWorker(new Error(`scan worker exited with code ${code}`));
          });
          worker.once("online", send);
        }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
