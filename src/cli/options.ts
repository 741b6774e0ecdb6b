/**
 * Resolved options ("hiargs"): raw CliArgs + environment → what a command
 * needs, validated once. Formats, severities and numbers are checked here so
 * that commands never see a bad value.
 */
import { availableParallelism } from "node:os";
import { UsageError } from "../errors.js";
import { isSeverity, SEVERITIES, type Severity } from "../findings/severity.js";
import type { CliArgs } from "./args.js";
import type { CliIo } from "./io.js";

export function resolveFailOn(args: CliArgs): Severity {
  const value = args.values["fail-on"] ?? "low";
  if (!isSeverity(value)) throw new UsageError(`--fail-on: expected one of ${SEVERITIES.join(", ")}, got "${value}"`);
  return value;
}

export function resolveJobs(args: CliArgs): number {
  const raw = args.values.jobs;
  if (raw === undefined) return availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs: expected a whole number from 1 to 256, got "${raw}"`);
  return n;
}

export function resolveFormat<T extends string>(args: CliArgs, allowed: readonly T[], fallback: T): T {
  const value = args.values.format ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--format: expected one of ${allowed.join(", ")}, got "${value}"`);
  }
  return value as T;
}

/** Colour on a TTY only; NO_COLOR (any value) turns it off, FORCE_COLOR (not "0") on. */
export function useColor(io: CliIo, toTTY: boolean): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return toTTY;
}

/** Reject options that mean nothing for a command, so typos don't pass silently. */
export function rejectOptions(args: CliArgs, command: string, names: readonly string[]): void {
  for (const name of names) {
    if ((args.values as Record<string, unknown>)[name] !== undefined) {
      throw new UsageError(`--${name} does not apply to "${command}"`);
    }
  }
}

/**
 * `--config-from REV` (CI on pull requests): configuration, ignore files and
 * baseline come from git revision REV. `--config FILE` names a working-tree
 * file, the very thing this option exists to avoid: the two are exclusive.
 */
export function resolveConfigFrom(args: CliArgs): string | undefined {
  const rev = args.values["config-from"];
  if (rev === undefined) return undefined;
  if (args.values.config !== undefined) throw new UsageError("--config and --config-from cannot be used together (--config-from reads finta-guard.config.json from the revision)");
  if (rev === "" || rev.startsWith("-")) throw new UsageError(`--config-from: "${rev}" is not a revision`);
  return rev;
}
