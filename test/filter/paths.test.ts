/** Path allowlists: gitignore syntax and micromatch globs, never more than they say. */
import { describe, expect, it } from "vitest";
import { PathMatcher } from "../../src/filter/paths.js";

describe("PathMatcher", () => {
  it.each([
    // pattern, path, the pattern reported (or undefined: not allowed)
    ["docs/", "docs/a.md", "docs/"],
    ["docs/", "docs/deep/er/a.md", "docs/"],
    ["docs/", "packages/x/docs/a.md", "docs/"],
    ["docs/", "docs2/a.md", undefined],
    ["docs/", "mydocs/a.md", undefined],
    ["docs/", "docs", undefined],
    ["/docs/", "packages/x/docs/a.md", undefined],
    ["/docs/", "docs/a.md", "/docs/"],
    ["*.md", "a/b/c.md", "*.md"],
    ["*.md", "a/b/c.mdx", undefined],
    ["test/fixtures/", "test/fixtures/config/x.json", "test/fixtures/"],
    ["test/fixtures/", "test/fixtures-old/x.json", undefined],
    ["test/**/*.{json,yml}", "test/a/b.yml", "test/**/*.{json,yml}"],
    ["test/**/*.{json,yml}", "src/a/b.yml", undefined],
    ["src/*.ts", "src/a/b.ts", undefined],
    ["docs/", "../docs/a.md", undefined],
    ["docs/", "/abs/docs/a.md", undefined],
  ] as const)("%s on %s → %s", (pattern, path, expected) => {
    expect(new PathMatcher([pattern]).match(path)).toBe(expected);
  });

  it("honours negations of gitignore syntax", () => {
    const m = new PathMatcher(["docs/**", "!docs/keep.md"]);
    expect([m.match("docs/a.md"), m.match("docs/keep.md")]).toEqual(["docs/**", undefined]);
  });

  it("matches nothing when empty", () => {
    expect(new PathMatcher([]).match("a.txt")).toBeUndefined();
  });
});
