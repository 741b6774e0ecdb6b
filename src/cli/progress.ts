/**
 * The progress line of long tree and history scans, on stderr:
 *
 *   scanning 1234/5678 files · 48.2 MiB · 35.1 MiB/s
 *
 * Shown only where a person watches: stderr is a terminal, not in CI (`CI`
 * set), and not when a machine-read report (json, sarif) goes to the same
 * terminal's stdout; `--progress` / `--no-progress` force it either way.
 * Redrawn at most every 100 ms (a scan of small files reports thousands of
 * targets a second; a terminal does not need them), first drawn only once
 * the scan has run that long (short scans show nothing), and erased at the
 * end so the report starts on a clean line.
 */
import type { CliArgs } from "./args.js";
import type { CliIo } from "./io.js";
import { formatBytes } from "../report/text.js";
import type { ScanMode } from "../report/types.js";

/** Minimum time between two redraws (~10 per second). */
export const PROGRESS_INTERVAL_MS = 100;

const ERASE_LINE = "\r\x1b[2K";

/** Formats whose output is read by programs: no progress beside them on a terminal. */
const MACHINE_FORMATS: ReadonlySet<string> = new Set(["json", "sarif"]);

function isCi(env: CliIo["env"]): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

export function shouldShowProgress(args: CliArgs, io: Pick<CliIo, "env" | "stderrIsTTY">, format: string): boolean {
  if (args.values["no-progress"] === true) return false;
  if (args.values.progress === true) return true;
  if (args.values.quiet === true) return false;
  if (!io.stderrIsTTY || isCi(io.env)) return false;
  const toStdout = args.values.output === undefined || args.values.output === "-";
  return !(toStdout && MACHINE_FORMATS.has(format));
}

export interface ProgressLineOptions {
  readonly write: (text: string) => void;
  /** Milliseconds, monotonic (performance.now); injected in tests. */
  readonly now: () => number;
  /** What the targets are: "files", "commits", "blobs". */
  readonly unit: string;
  readonly intervalMs?: number;
}

/** Throttled single-line progress; `update` from scanTargets' onProgress, `finish` once. */
export class ProgressLine {
  private readonly started: number;
  private lastDraw: number;
  private drawn = false;
  private readonly interval: number;

  constructor(private readonly options: ProgressLineOptions) {
    this.started = options.now();
    this.lastDraw = this.started;
    this.interval = options.intervalMs ?? PROGRESS_INTERVAL_MS;
  }

  update(done: number, total: number, bytes: number): void {
    const now = this.options.now();
    if (now - this.lastDraw < this.interval) return;
    this.lastDraw = now;
    this.drawn = true;
    this.options.write(ERASE_LINE + formatProgress(done, total, bytes, now - this.started, this.options.unit));
  }

  /** Erase the line (if one was drawn). */
  finish(): void {
    if (this.drawn) this.options.write(ERASE_LINE);
    this.drawn = false;
  }
}

export function formatProgress(done: number, total: number, bytes: number, elapsedMs: number, unit: string): string {
  const rate = elapsedMs > 0 ? `${formatBytes(Math.round((bytes * 1000) / elapsedMs))}/s` : "–";
  return `scanning ${done}/${total} ${unit} · ${formatBytes(bytes)} · ${rate}`;
}

/** What scanTargets' progress counts, per scan mode; staged scans are short and show none. */
const PROGRESS_UNIT: Record<ScanMode, string | undefined> = { tree: "files", history: "commits", staged: undefined };

/** The progress line of a tree or history scan, or undefined when none is shown. */
export function startProgress(args: CliArgs, io: CliIo, format: string, mode: ScanMode): ProgressLine | undefined {
  const unit = PROGRESS_UNIT[mode];
  if (unit === undefined || !shouldShowProgress(args, io, format)) return undefined;
  return new ProgressLine({ write: io.stderr, now: () => performance.now(), unit });
}
