/**
 * Opening a file the scan listed, safely against the file changing between
 * listing and reading (a race an untrusted repository, or a process beside
 * the scan, can win): a FIFO swapped in would block `open` and `read`
 * forever, a symbolic link swapped in would be followed out of the tree.
 * The file is opened without following a final link and without blocking,
 * then `fstat` on the open descriptor (not the path, which may change again)
 * must say it is a regular file.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";

/** O_NONBLOCK and O_NOFOLLOW where the platform has them (not on Windows, where neither hazard exists in this form). */
const SAFE_READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** The file is no longer what was listed: a FIFO, device, folder or link now stands at its path. */
export class NotRegularFileError extends Error {
  readonly code = "ENOTREGULAR";
  constructor(
    readonly path: string,
    why = "not a regular file (replaced during the scan?); not read",
  ) {
    super(why);
    this.name = "NotRegularFileError";
  }
}

/** Open `absPath` for reading; the descriptor is a regular file's, or this throws (ELOOP for a link, NotRegularFileError). */
export function openRegularFileSync(absPath: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(absPath, SAFE_READ_FLAGS);
  } catch (error) {
    // O_NOFOLLOW refuses a final link with ELOOP.
    if ((error as NodeJS.ErrnoException).code === "ELOOP") throw new NotRegularFileError(absPath, "is a symbolic link (replaced during the scan?); not followed");
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotRegularFileError(absPath);
    return { fd, size: stat.size };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The whole text of a regular file at `absPath` (never through a final link, never blocking). */
export function readRegularFileSync(absPath: string): string {
  const { fd } = openRegularFileSync(absPath);
  try {
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}
