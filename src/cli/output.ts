/** Writes a report to --output FILE or stdout. */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { InputError } from "../errors.js";
import { describeFsError } from "../sources/fs-error.js";
import type { CliIo } from "./io.js";

export function writeReport(text: string, output: string | undefined, io: CliIo): void {
  if (output === undefined || output === "-") {
    io.stdout(text);
    return;
  }
  try {
    writeFileSync(resolve(io.cwd, output), text);
  } catch (error) {
    throw new InputError(`--output ${output}: ${describeFsError(error)}`, { cause: error });
  }
}
