/**
 * One error family, one exit path: every expected failure is a FintaGuardError;
 * `cli/run.ts` prints its one-line message (`finta-guard: <what>: <why>`),
 * then `hint: …` when there is an obvious fix, and returns exit code 2.
 */
export interface ErrorOptions {
  readonly cause?: unknown;
  /** One line saying what to do instead (printed after the message as `hint: …`). */
  readonly hint?: string;
}

export class FintaGuardError extends Error {
  readonly exitCode = 2 as const;
  readonly hint: string | undefined;
  constructor(
    readonly kind: "usage" | "config" | "git" | "input" | "internal",
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.hint = options?.hint;
    this.name = "FintaGuardError";
  }
}

export class UsageError extends FintaGuardError {
  constructor(message: string, options?: ErrorOptions) {
    super("usage", message, options);
    this.name = "UsageError";
  }
}

/** A configuration problem; `path` is the dot path of the offending key. */
export class ConfigError extends FintaGuardError {
  constructor(
    readonly file: string,
    readonly keyPath: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super("config", `${file}: ${keyPath ? keyPath + ": " : ""}${problem}`, options);
    this.name = "ConfigError";
  }
}

export class GitError extends FintaGuardError {
  constructor(message: string, options?: ErrorOptions) {
    super("git", message, options);
    this.name = "GitError";
  }
}

export class InputError extends FintaGuardError {
  constructor(message: string, options?: ErrorOptions) {
    super("input", message, options);
    this.name = "InputError";
  }
}
