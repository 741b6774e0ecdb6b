/**
 * Finds and reads the configuration: `--config FILE`, else
 * `finta-guard.config.json` at the repository root (the nearest folder up
 * from cwd holding `.git`), else none (defaults). A file that does not parse
 * or validate is a ConfigError listing every problem, one line each.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { ConfigError } from "../errors.js";
import { DEFAULT_CONFIG_FILE, type LoadedConfig } from "./types.js";
import { asRawConfig, validateConfig, type ConfigProblem } from "./validate.js";

/** The nearest folder at or above `cwd` holding `.git` (a folder or a worktree's file); cwd when there is none. */
export function findRepoRoot(cwd: string): string {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(cwd);
    dir = parent;
  }
}

/** How a path is shown in messages: relative to cwd when under it, absolute otherwise. */
export function shownPath(absPath: string, cwd: string): string {
  const rel = relative(cwd, absPath);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : absPath;
}

/**
 * One ConfigError for all problems: run.ts prints `finta-guard: <message>`,
 * so each further line carries the same prefix and every problem reads alone.
 */
export function configProblemsError(file: string, problems: readonly ConfigProblem[]): ConfigError {
  const [first, ...rest] = problems;
  const line = (p: ConfigProblem) => `${file}: ${p.path}: ${p.problem}`;
  const error = new ConfigError(file, first?.path ?? "", [first?.problem ?? "invalid", ...rest.map((p) => `\nfinta-guard: ${line(p)}`)].join(""));
  return error;
}

export interface LoadConfigOptions {
  readonly cwd: string;
  /** `--config FILE`, resolved against cwd; must exist. */
  readonly configPath?: string;
  readonly knownRuleIds: ReadonlySet<string>;
}

/** The configuration file found for a run, unparsed: `file` and `text` are both there, or neither (no file, defaults). */
export type ConfigFileText =
  | { readonly root: string; readonly file: string; readonly text: string }
  | { readonly root: string; readonly file?: undefined; readonly text?: undefined };

/**
 * Finds and reads the file, without parsing it: for readers that need the
 * text as well as the values (the audit points evidence at its lines).
 */
export function readConfigFile(options: Omit<LoadConfigOptions, "knownRuleIds">): ConfigFileText {
  const root = findRepoRoot(options.cwd);
  const abs = options.configPath !== undefined ? resolve(options.cwd, options.configPath) : join(root, DEFAULT_CONFIG_FILE);
  const file = shownPath(abs, options.cwd);
  if (!existsSync(abs)) {
    if (options.configPath !== undefined) throw new ConfigError(file, "", "configuration file not found");
    return { root };
  }
  try {
    return { root, file, text: readFileSync(abs, "utf8") };
  } catch (error) {
    throw new ConfigError(file, "", `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
}

export function loadConfig(options: LoadConfigOptions): LoadedConfig {
  const found = readConfigFile(options);
  if (found.text === undefined) return { root: found.root, raw: {} };
  return { file: found.file, root: found.root, raw: parseConfigText(found.text, found.file, options.knownRuleIds) };
}

/** Parse + validate the text of a configuration file named `file` in messages. */
export function parseConfigText(text: string, file: string, knownRuleIds: ReadonlySet<string>) {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ConfigError(file, "", `invalid JSON: ${(error as Error).message}`, { cause: error });
  }
  const problems = validateConfig(value, knownRuleIds);
  if (problems.length) throw configProblemsError(file, problems);
  return asRawConfig(value);
}

/**
 * The configuration as committed in a trusted revision (`--config-from REV`):
 * `finta-guard.config.json` at the root of that commit, shown as
 * `REV:finta-guard.config.json`; none there means the defaults. The working
 * tree is never read.
 */
export async function loadConfigFromRevision(
  revision: { readonly rev: string; read(path: string): Promise<string | undefined> },
  cwd: string,
  knownRuleIds: ReadonlySet<string>,
): Promise<LoadedConfig> {
  const root = findRepoRoot(cwd);
  const text = await revision.read(DEFAULT_CONFIG_FILE);
  if (text === undefined) return { root, raw: {} };
  const file = `${revision.rev}:${DEFAULT_CONFIG_FILE}`;
  return { file, root, raw: parseConfigText(text, file, knownRuleIds) };
}
