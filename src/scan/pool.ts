/**
 * Scans many files on worker threads. Files go out in small batches as
 * workers free up (dynamic balancing: one huge file does not hold a queue
 * behind it); outcomes come back indexed, so the caller's order is kept
 * whatever the scheduling.
 */
import { Worker } from "node:worker_threads";
import type { FileTarget } from "../sources/types.js";
import { mergeSegments, planSegments, plannedSize, SEGMENT_MIN_FILE_BYTES, type SegmentOutcome } from "./segment-scan.js";
import type { FileOutcome, WorkItem, WorkerInit, WorkerRequest, WorkerResponse } from "./worker-protocol.js";

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
    const failed = entry.outcomes.find((o) => o.error !== undefined);
    if (failed) {
      onOutcome({ index: outcome.index, findings: [], bytes: 0, binary: false, error: failed.error! });
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

/** How often the main thread looks at guarded workers' progress. */
const WATCH_INTERVAL_MS = 20;
/** Guarded batches are small: a timed-out batch's other items are scanned again. */
const GUARDED_BATCH = 4;

export interface GuardedOptions {
  /** Time an item may take per started MiB of its size (at least one MiB's worth). */
  readonly timeoutMs: number;
  /** Ids of the untrusted rules: on a timeout each is tried alone to name the culprit. */
  readonly suspects: readonly string[];
  /** Item index → path, for the timeout message. */
  readonly pathOf: (index: number) => string;
}

/**
 * Scans items (files by path, or buffered stream bytes) on workers with a
 * per-item deadline, for rule sets holding untrusted (user) regexes: a JS
 * regex cannot be interrupted on its own thread, but the thread can be
 * terminated. Each worker publishes the item it is on in shared memory; a
 * watchdog on this thread terminates a worker whose item outlives its
 * deadline, reports `rule <id> timed out on <file>` for that item (the rule
 * found by running each untrusted rule alone on it), requeues the batch's
 * other items and starts a fresh worker. Never hangs, never drops an item.
 */
export async function scanItemsGuarded(
  items: readonly WorkItem[],
  init: WorkerInit,
  jobs: number,
  guard: GuardedOptions,
  onOutcome: (outcome: FileOutcome) => void,
): Promise<void> {
  const workerUrl = workerEntry();
  const queue: WorkItem[] = [...items];
  const count = Math.max(1, Math.min(jobs, Math.ceil(items.length / GUARDED_BATCH)));
  const live = new Set<Worker>();
  let batchId = 0;
  let failure: Error | undefined;

  const runSlot = async (): Promise<void> => {
    while (queue.length && !failure) {
      const progress = new Int32Array(new SharedArrayBuffer(8));
      const worker = new Worker(workerUrl, { workerData: { ...init, progress: progress.buffer } });
      live.add(worker);
      try {
        // One worker serves batches until it times out (then a fresh one takes over).
        for (;;) {
          const batch = queue.splice(0, GUARDED_BATCH);
          if (!batch.length) return;
          const result = await runBatch(worker, progress, batch, batchId++, guard.timeoutMs);
          if (result.kind === "done") {
            for (const outcome of result.outcomes) onOutcome(outcome);
            continue;
          }
          if (result.kind === "crash") throw result.error;
          const stuck = batch.find((item) => item.index === result.index);
          queue.unshift(...batch.filter((item) => item !== stuck));
          if (stuck) {
            const culprits = await findCulprits(workerUrl, init, stuck, guard);
            const path = guard.pathOf(stuck.index);
            const who = culprits.length ? `rule ${culprits.join(", ")}` : "the scan";
            onOutcome({ index: stuck.index, findings: [], bytes: 0, binary: false, error: `${who} timed out on ${path} (limit ${guard.timeoutMs} ms per MiB)` });
          }
          break;
        }
      } finally {
        live.delete(worker);
        await worker.terminate();
      }
    }
  };

  try {
    await Promise.all(
      Array.from({ length: count }, () =>
        runSlot().catch((error: unknown) => {
          failure ??= error instanceof Error ? error : new Error(String(error));
        }),
      ),
    );
  } finally {
    await Promise.all([...live].map((w) => w.terminate()));
  }
  if (failure) throw failure;
}

type BatchResult =
  | { readonly kind: "done"; readonly outcomes: FileOutcome[] }
  | { readonly kind: "timeout"; readonly index: number }
  | { readonly kind: "crash"; readonly error: Error };

/** Posts one batch and waits for its outcomes, or for an item to outlive its deadline. */
function runBatch(worker: Worker, progress: Int32Array, batch: readonly WorkItem[], id: number, timeoutMs: number): Promise<BatchResult> {
  return new Promise((resolveBatch) => {
    let seen = Atomics.load(progress, 0);
    let since = performance.now();
    const finish = (result: BatchResult) => {
      clearInterval(watch);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      resolveBatch(result);
    };
    const onMessage = (response: WorkerResponse) => {
      if (response.batch === id) finish({ kind: "done", outcomes: response.outcomes });
    };
    const onError = (error: Error) => finish({ kind: "crash", error });
    const onExit = (code: number) => finish({ kind: "crash", error: new Error(`scan worker exited with code ${code}`) });
    const watch = setInterval(() => {
      const now = performance.now();
      const current = Atomics.load(progress, 0);
      if (current !== seen) {
        seen = current;
        since = now;
        return;
      }
      // Until its first item starts, a fresh worker is loading and compiling (no user regex runs yet).
      if (current === 0) return;
      const limit = timeoutMs * Math.max(1, Math.ceil(Atomics.load(progress, 1) / 1024));
      if (now - since > limit) finish({ kind: "timeout", index: current > 0 && batch.some((b) => b.index === current - 1) ? current - 1 : (batch[0]?.index ?? -1) });
    }, WATCH_INTERVAL_MS);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    const request: WorkerRequest = { batch: id, files: batch };
    worker.postMessage(request);
  });
}

/** Runs each suspect rule alone on the stuck item; those that time out again are named. */
async function findCulprits(workerUrl: URL, init: WorkerInit, item: WorkItem, guard: GuardedOptions): Promise<string[]> {
  const verdicts = await Promise.all(
    guard.suspects.map(async (id) => {
      const rules = init.rules.filter((r) => r.id === id);
      const progress = new Int32Array(new SharedArrayBuffer(8));
      const worker = new Worker(workerUrl, { workerData: { ...init, rules, progress: progress.buffer } });
      try {
        const result = await runBatch(worker, progress, [item], 0, guard.timeoutMs);
        return result.kind === "timeout" ? id : undefined;
      } finally {
        await worker.terminate();
      }
    }),
  );
  return verdicts.filter((id): id is string => id !== undefined);
}
