/**
 * Scans many files on worker threads. Files go out in small batches as
 * workers free up (dynamic balancing: one huge file does not hold a queue
 * behind it); outcomes come back indexed, so the caller's order is kept
 * whatever the scheduling.
 */
import { Worker } from "node:worker_threads";
import type { FileTarget } from "../sources/types.js";
import type { FileOutcome, WorkerInit, WorkerResponse } from "./worker-protocol.js";

const BATCH_FILES = 32;

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
  const count = Math.max(1, Math.min(jobs, Math.ceil(files.length / BATCH_FILES)));
  let next = 0;
  let batchId = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: count }, () =>
        new Promise<void>((resolveWorker, rejectWorker) => {
          const worker = new Worker(workerUrl, { workerData: init });
          workers.push(worker);
          const send = () => {
            if (next >= files.length) {
              resolveWorker();
              return;
            }
            const slice = files.slice(next, next + BATCH_FILES).map((f, i) => ({ index: next + i, absPath: f.absPath }));
            next += slice.length;
            worker.postMessage({ batch: batchId++, files: slice });
          };
          worker.on("message", (response: WorkerResponse) => {
            for (const outcome of response.outcomes) onOutcome(outcome);
            send();
          });
          worker.on("error", rejectWorker);
          worker.on("exit", (code) => {
            if (next < files.length || code !== 0) rejectWorker(new Error(`scan worker exited with code ${code}`));
          });
          worker.once("online", send);
        }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
