/** Run the CLI in-process (fast, exact stdout/stderr) or as the built binary (real exit codes). */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
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

/**
 * A copy of the built program any user can read: the bundle (dist/cli/*.js,
 * self-contained) and package.json (its version), in a fresh world-readable
 * temporary folder. For runs as another, unprivileged user: the checkout
 * itself may sit in a folder only its owner can enter (a clone under a
 * private home), which that user could not load the program from. The
 * caller removes `dir`.
 */
export function publicBinCopy(): { bin: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "finta-guard-bin-"));
  const cliDir = dirname(BIN);
  const target = join(dir, "dist", "cli");
  mkdirSync(target, { recursive: true });
  const files = readdirSync(cliDir).filter((name) => name.endsWith(".js")).map((name) => [join(cliDir, name), join(target, name)] as const);
  files.push([fileURLToPath(new URL("../../package.json", import.meta.url)), join(dir, "package.json")]);
  // Modes set explicitly: a checkout made under umask 077 holds 0600 files.
  for (const [from, to] of files) {
    copyFileSync(from, to);
    chmodSync(to, 0o644);
  }
  for (const folder of [dir, join(dir, "dist"), target]) chmodSync(folder, 0o755);
  return { bin: join(target, "main.js"), dir };
}

/** The built binary as a child process (npm test builds dist/ before vitest runs); `bin` runs another copy of it. */
export function runBin(argv: readonly string[], cwd: string, options: { env?: Record<string, string>; prefix?: readonly string[]; bin?: string } = {}): CliOutcome {
  const result = spawnSync(options.prefix?.[0] ?? process.execPath, [...(options.prefix?.slice(1) ?? []), ...(options.prefix ? [process.execPath] : []), options.bin ?? BIN, ...argv], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    encoding: "utf8",
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
