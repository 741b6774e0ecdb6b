/**
 * Reads one file in fixed-size chunks into a StreamScanner. Synchronous on
 * purpose: it runs on worker threads (or for a handful of files on the main
 * thread), where blocking reads into one reused buffer are the fastest way
 * through many small files, and memory stays at one chunk per thread.
 */
import { closeSync, readSync } from "node:fs";
import { openRegularFileSync } from "../sources/open-regular.js";
import type { DetectionEngine } from "../detect/engine.js";
import { StreamScanner, type StreamScanOptions, type StreamScanResult } from "./stream-scanner.js";

/**
 * 64 KiB: each read becomes one decoded string, and strings this small are
 * born and die in V8's young generation. Megabyte reads made every chunk a
 * large object that only a full collection frees, which added tens of MiB to
 * the peak resident memory of a long scan for no gain in speed.
 */
export const READ_CHUNK_BYTES = 1 << 16;

let sharedBuffer: Buffer | undefined;

export function scanFile(absPath: string, engine: DetectionEngine, options: StreamScanOptions = {}): StreamScanResult {
  sharedBuffer ??= Buffer.allocUnsafe(READ_CHUNK_BYTES);
  const buffer = sharedBuffer;
  const scanner = new StreamScanner(engine, options);
  // Never blocks on a FIFO nor follows a link swapped in after listing.
  const { fd } = openRegularFileSync(absPath);
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      // The scanner decodes the bytes before the next read overwrites them.
      if (!scanner.push(buffer.subarray(0, n))) break;
    }
  } finally {
    closeSync(fd);
  }
  return scanner.finish();
}
