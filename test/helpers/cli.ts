/** Run the CLI in-process (fast, exact stdout/stderr) or as the built binary (real exit codes). */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { run } from "../../src/cli/run.js";

export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(argv: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliOutcome> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    cwd,
    env: { NO_COLOR: "1", ...env },
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
  return { code, stdout, stderr };
}

export const BIN = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

/** The built binary as a child process (npm test builds dist/ before vitest runs). */
export function runBin(argv: readonly string[], cwd: string, options: { env?: Record<string, string>; prefix?: readonly string[] } = {}): CliOutcome {
  const result = spawnSync(options.prefix?.[0] ?? process.execPath, [...(options.prefix?.slice(1) ?? []), ...(options.prefix ? [process.execPath] : []), BIN, ...argv], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    encoding: "utf8",
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
