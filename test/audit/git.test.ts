/** The audit's git questions: NUL-separated answers survive odd path names; failures are GitErrors. */
import { afterEach, describe, expect, it } from "vitest";
import { AuditGit, findRepoRoot } from "../../src/audit/git.js";
import { splitNul } from "../../src/git/exec.js";
import { GitError } from "../../src/errors.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";
import { makeFixtureRepo, type FixtureRepo } from "./fixture-repo.js";

let repo: FixtureRepo | TempTree | undefined;
afterEach(() => repo?.cleanup());

describe("AuditGit", () => {
  it("lists tracked, staged and visible files with spaces and newlines in their names", async () => {
    const odd = "dir with space/new\nline.env";
    repo = makeFixtureRepo({
      files: { ".gitignore": "ignored.txt\n", "a.txt": "a\n", [odd]: "X=1\n", "ignored.txt": "x\n", "untracked.ts": "u\n" },
      commit: [".gitignore", "a.txt"],
      stage: [odd],
    });
    const git = new AuditGit(repo.root);
    expect(await git.trackedFiles()).toEqual([".gitignore", "a.txt", odd]);
    expect(await git.stagedFiles()).toEqual([odd]);
    expect((await git.visibleFiles()).sort()).toEqual([".gitignore", "a.txt", odd, "untracked.ts"].sort());
    expect(await git.indexText(odd)).toBe("X=1\n");
  });

  it("checkIgnore names the deciding rule, negations included", async () => {
    repo = makeFixtureRepo({ files: { ".gitignore": "*.env\n!keep.env\n", "sub/.gitignore": "secret file\n" } });
    const answers = await new AuditGit(repo.root).checkIgnore(["a.env", "keep.env", "sub/secret file", "other"]);
    expect(Object.fromEntries(answers)).toEqual({
      "a.env": { source: ".gitignore", line: 1, pattern: "*.env", ignored: true },
      "keep.env": { source: ".gitignore", line: 2, pattern: "!keep.env", ignored: false },
      "sub/secret file": { source: "sub/.gitignore", line: 1, pattern: "secret file", ignored: true },
      other: undefined,
    });
  });

  it("findRepoRoot: the top level from a subfolder; a GitError outside a repository", async () => {
    const fixture = makeFixtureRepo({ files: { "a/b/c.txt": "x\n" } });
    repo = fixture;
    const { realpathSync } = await import("node:fs");
    expect(await findRepoRoot(`${fixture.root}/a/b`)).toBe(realpathSync(fixture.root));
    const outside = makeTempTree({});
    try {
      await expect(findRepoRoot(outside.root)).rejects.toBeInstanceOf(GitError);
    } finally {
      outside.cleanup();
    }
  });

  it.each([
    ["", []],
    ["a\0", ["a"]],
    ["a\0b c\0", ["a", "b c"]],
    ["a\0\0", ["a", ""]],
  ] as const)("splitNul(%j)", (text, fields) => {
    expect(splitNul(text)).toEqual(fields);
  });
});
