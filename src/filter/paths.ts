/**
 * Path allowlists: a pattern matches a repository-relative path in gitignore
 * syntax (`docs/` = the folder docs at any depth and everything under it,
 * never `docs2/`) or as a micromatch glob (`**\/*.{md,txt}`). Both readings
 * are tried; a path outside the repository matches nothing.
 */
import ignore, { type Ignore } from "ignore";
import micromatch from "micromatch";

export class PathMatcher {
  readonly #gitignore: Ignore;
  readonly #globs: readonly string[];
  readonly patterns: readonly string[];

  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    this.#gitignore = ignore().add([...patterns]);
    // Negations belong to gitignore syntax; as globs they would match everything else.
    this.#globs = patterns.filter((p) => !p.startsWith("!"));
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  /** The pattern that matches `relPath` (`/`-separated, relative to the root), or undefined. */
  match(relPath: string): string | undefined {
    if (this.empty || relPath === "" || relPath.startsWith("../") || relPath === ".." || relPath.startsWith("/") || /^[A-Za-z]:/.test(relPath)) return undefined;
    const verdict = this.#gitignore.test(relPath);
    // A negation (`!docs/keep.md`) that re-includes the path wins over the glob reading too.
    if (verdict.unignored) return undefined;
    if (verdict.ignored) {
      // Name the pattern that decided, for the report's `by`.
      return this.patterns.find((p) => !p.startsWith("!") && ignore().add(p).ignores(relPath)) ?? this.patterns[0];
    }
    return this.#globs.find((g) => micromatch.isMatch(relPath, g, { dot: true }));
  }
}
