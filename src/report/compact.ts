/**
 * `--format compact`: one line per finding, `file:line:col  severity  rule`
 * (spec/cli.md additions), for editors' problem matchers and `grep`. No
 * snippet, no secret, no summary: a clean scan prints nothing.
 */
import type { Reporter } from "./types.js";

export const formatCompact: Reporter = (result) => result.findings.map((f) => `${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.ruleId}\n`).join("");
