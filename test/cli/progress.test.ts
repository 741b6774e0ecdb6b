import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../src/cli/args.js";
import { formatProgress, ProgressLine, shouldShowProgress } from "../../src/cli/progress.js";

describe("when the progress line shows", () => {
  it.each([
    { name: "text to a terminal", argv: [], tty: true, env: {}, show: true },
    { name: "stderr piped", argv: [], tty: false, env: {}, show: false },
    { name: "in CI", argv: [], tty: true, env: { CI: "true" }, show: false },
    { name: "CI=false is not CI", argv: [], tty: true, env: { CI: "false" }, show: true },
    { name: "json to stdout", argv: ["--format", "json"], tty: true, env: {}, show: false },
    { name: "sarif to stdout", argv: ["--format", "sarif"], tty: true, env: {}, show: false },
    { name: "sarif to a file", argv: ["--format", "sarif", "--output", "r.sarif"], tty: true, env: {}, show: true },
    { name: "github annotations", argv: ["--format", "github"], tty: true, env: {}, show: true },
    { name: "--quiet", argv: ["--quiet"], tty: true, env: {}, show: false },
    { name: "--progress forces it in CI", argv: ["--progress"], tty: false, env: { CI: "1" }, show: true },
    { name: "--no-progress wins on a terminal", argv: ["--no-progress"], tty: true, env: {}, show: false },
  ])("$name → $show", ({ argv, tty, env, show }) => {
    const args = parseCliArgs(["scan", ...argv]);
    expect(shouldShowProgress(args, { env, stderrIsTTY: tty }, args.values.format ?? "text")).toBe(show);
  });
});

describe("progress line", () => {
  function harness() {
    const writes: string[] = [];
    let clock = 1000;
    const line = new ProgressLine({ write: (t) => writes.push(t), now: () => clock, unit: "files" });
    return { writes, line, tick: (ms: number) => (clock += ms) };
  }

  it("draws nothing for a scan shorter than one interval, and then erases nothing", () => {
    const { writes, line, tick } = harness();
    tick(10);
    line.update(1, 3, 100);
    tick(50);
    line.update(3, 3, 300);
    line.finish();
    expect(writes).toEqual([]);
  });

  it("redraws at most every 100 ms and erases the line at the end", () => {
    const { writes, line, tick } = harness();
    tick(100);
    line.update(10, 100, 2048 * 1024);
    tick(30);
    line.update(11, 100, 2100 * 1024);
    tick(70);
    line.update(20, 100, 4096 * 1024);
    line.finish();
    expect(writes).toEqual([
      "\r\x1b[2Kscanning 10/100 files · 2.0 MiB · 20 MiB/s",
      "\r\x1b[2Kscanning 20/100 files · 4.0 MiB · 20 MiB/s",
      "\r\x1b[2K",
    ]);
  });

  it.each([
    [0, 0, 0, "commits", "scanning 0/0 commits · 0 B · –"],
    [5, 9, 1536, "files", "scanning 5/9 files · 1.5 KiB · 1.5 KiB/s"],
  ])("formats %i/%i, %i bytes", (done, total, bytes, unit, expected) => {
    expect(formatProgress(done, total, bytes, bytes === 0 ? 0 : 1000, unit)).toBe(expected);
  });
});
