/**
 * Worker thread entry: compiles the rules it was given (RegExps cannot cross
 * threads), then scans batches of files by path (or buffered stream bytes)
 * and posts raw findings back. In guarded scans it publishes which item it is
 * on, so the main thread can stop it when an untrusted rule hangs.
 */
import { closeSync } from "node:fs";
import { openRegularFileSync } from "../sources/open-regular.js";
import { parentPort, workerData } from "node:worker_threads";
import { DetectionEngine } from "../detect/engine.js";
import { describeFsError } from "../sources/fs-error.js";
import { scanFile } from "./read-file.js";
import { scanSegment } from "./segment-scan.js";
import { StreamScanner } from "./stream-scanner.js";
import type { FileOutcome, WorkItem, WorkerInit, WorkerRequest, WorkerResponse } from "./worker-protocol.js";

const init = workerData as WorkerInit;
const engine = DetectionEngine.fromSpecs(init.rules);
const options = init.windowChars !== undefined ? { windowChars: init.windowChars } : {};
const progress = init.progress ? new Int32Array(init.progress) : undefined;

function sizeKiB(item: WorkItem): number {
  if (item.bytes) return Math.ceil(item.bytes.byteLength / 1024);
  const { fd, size } = openRegularFileSync(item.absPath);
  closeSync(fd);
  return Math.ceil(size / 1024);
}

function scanItem(item: WorkItem): FileOutcome {
  const { index } = item;
  try {
    if (progress) {
      Atomics.store(progress, 1, sizeKiB(item));
      Atomics.store(progress, 0, index + 1);
    }
    if (item.bytes) {
      const scanner = new StreamScanner(engine, options);
      scanner.push(item.bytes);
      const result = scanner.finish();
      return { index, findings: result.findings, bytes: result.bytes, binary: result.binary };
    }
    if (item.segment) {
      const part = scanSegment(item.absPath, item.segment, engine, options);
      return { index, findings: part.findings, bytes: part.bytes, binary: part.binary, part: item.part, span: part.span };
    }
    const result = scanFile(item.absPath, engine, options);
    return { index, findings: result.findings, bytes: result.bytes, binary: result.binary };
  } catch (error) {
    return { index, findings: [], bytes: 0, binary: false, error: describeFsError(error) };
  }
}

parentPort?.on("message", (request: WorkerRequest) => {
  const outcomes: FileOutcome[] = request.files.map(scanItem);
  const response: WorkerResponse = { batch: request.batch, outcomes };
  parentPort?.postMessage(response);
});
