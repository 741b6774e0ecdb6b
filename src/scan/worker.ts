/**
 * Worker thread entry: compiles the rules it was given (RegExps cannot cross
 * threads), then scans batches of files by path and posts raw findings back.
 */
import { parentPort, workerData } from "node:worker_threads";
import { DetectionEngine } from "../detect/engine.js";
import { describeFsError } from "../sources/tree.js";
import { scanFile } from "./read-file.js";
import type { FileOutcome, WorkerInit, WorkerRequest, WorkerResponse } from "./worker-protocol.js";

const init = workerData as WorkerInit;
const engine = DetectionEngine.fromSpecs(init.rules);
const options = init.windowChars !== undefined ? { windowChars: init.windowChars } : {};

parentPort?.on("message", (request: WorkerRequest) => {
  const outcomes: FileOutcome[] = request.files.map(({ index, absPath }) => {
    try {
      const result = scanFile(absPath, engine, options);
      return { index, findings: result.findings, bytes: result.bytes, binary: result.binary };
    } catch (error) {
      return { index, findings: [], bytes: 0, binary: false, error: describeFsError(error) };
    }
  });
  const response: WorkerResponse = { batch: request.batch, outcomes };
  parentPort?.postMessage(response);
});
