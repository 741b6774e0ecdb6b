/**
 * What a command may touch of the outside world, passed in so commands can run
 * in-process in tests. Only cli/main.ts builds the real one from `process`.
 */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** Standard input, for `scan -` (absent: nothing to read, as in most in-process tests). */
  readonly stdin?: AsyncIterable<Uint8Array>;
}
