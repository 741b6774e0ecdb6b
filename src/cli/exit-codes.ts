/** Exit codes, spec/cli.md: 0 clean, 1 findings (or failed audit checks), 2 the run could not be done. */
export const ExitCode = { clean: 0, findings: 1, error: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
