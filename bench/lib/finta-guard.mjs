// How the benchmark calls finta-guard: the built CLI (dist/cli/main.js, made
// by `npm run build`), and the rules' keywords taken from the built rule set
// so the rg/grep references search for exactly what the prefilter looks for.
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const cliPath = (root) => join(root, "dist", "cli", "main.js");
export const hasCli = (root) => existsSync(cliPath(root));
export const fg = (root, ...args) => [process.execPath, cliPath(root), ...args];

/**
 * Lower-case keywords of the built-in rules: `rules --format json` when the
 * CLI has it, else dist/rules/index.js `builtinRules`. Returns { keywords, source }.
 */
export async function ruleKeywords(root) {
  const collect = (rules) => [...new Set(rules.flatMap((r) => r.keywords ?? []).map((k) => String(k).toLowerCase()))]
    .filter(Boolean).sort();
  if (hasCli(root)) {
    const r = spawnSync(process.execPath, [cliPath(root), "rules", "--format", "json"], { encoding: "utf8", maxBuffer: 64 << 20 });
    if (r.status === 0) {
      try {
        const data = JSON.parse(r.stdout);
        const rules = Array.isArray(data) ? data : data.rules;
        const keywords = collect(rules ?? []);
        if (keywords.length) return { keywords, source: "finta-guard rules --format json", rules: rules.length };
      } catch { /* not JSON yet: fall through */ }
    }
  }
  const index = join(root, "dist", "rules", "index.js");
  if (existsSync(index)) {
    const mod = await import(pathToFileURL(index).href);
    if (Array.isArray(mod.builtinRules)) {
      return { keywords: collect(mod.builtinRules), source: "dist/rules/index.js builtinRules", rules: mod.builtinRules.length };
    }
  }
  return null;
}

/**
 * Whether a finta-guard invocation works: runs it once and treats exit 0/1 as
 * supported, anything else (usage error, not implemented) as not available.
 * Standard output goes to `stdoutFile` when given, for the caller to check.
 */
export function probe(cmd, cwd, stdoutFile) {
  const fd = stdoutFile ? openSync(stdoutFile, "w") : "ignore";
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd, encoding: "utf8", stdio: ["ignore", fd, "pipe"], timeout: 10 * 60 * 1000 });
  if (typeof fd === "number") closeSync(fd);
  if (r.status === 0 || r.status === 1) return { ok: true };
  return { ok: false, why: (r.stderr || "").trim().split("\n")[0] || `exit ${r.status ?? r.signal}` };
}
