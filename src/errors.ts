/**
 * One error family, one exit path: every expected failure is a FintaGuardError;
 * `cli/run.ts` prints its one-line message and returns exit code 2.
 */
export class FintaGuardError extends Error {
  readonly exitCode = 2 as const;
  constructor(
    readonly kind: "usage" | "config" | "git" | "input" | "internal",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "FintaGuardError";
  }
}

export class UsageError extends FintaGuardError {
  constructor(message: string, options?: { cause?: unknown }) {
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
  constructor(message: string, options?: { cause?: unknown }) {
    super("git", message, options);
    this.name = "GitError";
  }
}

export class InputError extends FintaGuardError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("input", message, options);
    this.name = "InputError";
  }
}
