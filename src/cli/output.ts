/**
 * Writes a report to --output FILE or stdout. The file is opened without
 * following links (report/safe-write.ts): in CI, `--output report.sarif`
 * runs in a checkout of the pull request, which may commit `report.sarif`
 * (or a folder on its way) as a link to a file the job should not touch.
 */
import { resolve } from "node:path";
import { findRepoRoot } from "../config/load.js";
import { escapeControls } from "../report/escape.js";
import { writeFileSafely } from "../report/safe-write.js";
import type { CliIo } from "./io.js";

/**
 * The notice for a path named on the command line that is not a regular file
 * (link, FIFO, device, socket): on stderr, exit code unaffected; the same
 * words whatever it is, so scripts see one behaviour.
 */
export function skippedNotice(skipped: { readonly path: string; readonly kind: string }): string {
  return `finta-guard: ${escapeControls(skipped.path)}: skipped, not a regular file (${skipped.kind})\n`;
}

export function writeReport(text: string, output: string | undefined, io: CliIo): void {
  if (output === undefined || output === "-") {
    io.stdout(text);
    return;
  }
  writeFileSafely({ path: resolve(io.cwd, output), root: findRepoRoot(io.cwd), describe: (why) => `--output ${output}: ${why}` }, text);
}
