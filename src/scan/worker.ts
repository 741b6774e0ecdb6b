/**
 * Worker thread entry: compiles the rules it was given (RegExps cannot cross
 * threads), then scans batches of files by path and posts raw findings back.
 * Each file is scanned under the deadline (scan/deadline.ts): one that
 * outlives it comes back as `timedOut`, naming the rule that was running.
 */
import { parentPort, workerData } from "node:worker_threads";
import { DetectionEngine } from "../detect/engine.js";
import { describeFsError } from "../sources/fs-error.js";
import { scanFile } from "./read-file.js";
import { DeadlineExceeded } from "./deadline.js";
import { scanSegment } from "./segment-scan.js";
import type { FileOutcome, WorkItem, WorkerInit, WorkerRequest, WorkerResponse } from "./worker-protocol.js";

const init = workerData as WorkerInit;
const engine = DetectionEngine.fromSpecs(init.rules);
const options = {
  ...(init.windowChars !== undefined ? { windowChars: init.windowChars } : {}),
  ...(init.deadlineMsPerMiB !== undefined ? { deadlineMsPerMiB: init.deadlineMsPerMiB } : {}),
};

function scanItem(item: WorkItem): FileOutcome {
  const { index } = item;
  try {
    if (item.segment) {
      const part = scanSegment(item.absPath, item.segment, engine, options);
      return { index, findings: part.findings, bytes: part.bytes, binary: part.binary, part: item.part, span: part.span };
    }
    const result = scanFile(item.absPath, engine, options);
    return { index, findings: result.findings, bytes: result.bytes, binary: result.binary, ...(result.allowRules.length ? { allowRules: result.allowRules } : {}) };
  } catch (error) {
    if (error instanceof DeadlineExceeded) return { index, findings: [], bytes: 0, binary: false, timedOut: error.what };
    return { index, findings: [], bytes: 0, binary: false, error: describeFsError(error) };
  }
}

parentPort?.on("message", (request: WorkerRequest) => {
  const outcomes: FileOutcome[] = request.files.map(scanItem);
  const response: WorkerResponse = { batch: request.batch, outcomes };
  parentPort?.postMessage(response);
});
