/**
 * Reporter registry: the `--format` values follow from its keys, so adding a
 * format is one line here.
 */
import { formatCompact } from "./compact.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatSarif } from "./sarif.js";
import { formatText } from "./text.js";
import type { Reporter } from "./types.js";

export const reporters = {
  text: formatText,
  compact: formatCompact,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
} satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof reporters;

export function isReportFormat(value: string): value is ReportFormat {
  return Object.hasOwn(reporters, value);
}
