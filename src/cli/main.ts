#!/usr/bin/env node
/**
 * Binary entry: a deliberately small wrapper. `--version` answers before any
 * other module loads (it must cost no more than starting node); everything
 * else goes through run(), which returns the exit code. process.exit() is
 * never called, so output is flushed; a closed stdout (EPIPE, `| head`) is a
 * clean end, not a crash.
 */
import { toolVersion } from "./version.js";

const argv = process.argv.slice(2);

for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exitCode ??= 0;
    else throw error;
  });
}

if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  process.stdout.write(`${toolVersion()}\n`);
} else {
  const { run } = await import("./run.js");
  process.exitCode = await run(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    // A getter: the stream is created only when `scan -` reads it (a hook never does).
    get stdin() {
      return process.stdin;
    },
  });
}
