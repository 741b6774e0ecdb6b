/**
 * Reporter registry: the `--format` values follow from its keys, so adding a
 * format is one line here.
 */
import { formatJson } from "./json.js";
import { formatText } from "./text.js";
import type { Reporter } from "./types.js";

export const reporters = {
  text: formatText,
  json: formatJson,
} satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof reporters;

export function isReportFormat(value: string): value is ReportFormat {
  return Object.hasOwn(reporters, value);
}
