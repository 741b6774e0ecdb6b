/**
 * CatFileBatch: one process answers many reads in order, hands big blobs out in
 * chunks, survives a reader that stops early, and fails with a GitError for a
 * missing object.
 */
import { afterEach, describe, expect, it } from "vitest";
import { CatFileBatch } from "../../src/git/cat-file.js";
import { GitError } from "../../src/errors.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

let repo: GitRepo;
let cat: CatFileBatch | undefined;
afterEach(async () => {
  await cat?.close();
  repo?.cleanup();
});

const store = (text: string | Buffer) => repo.git(["hash-object", "-w", "--stdin"], repo.root, text).trim();

describe("CatFileBatch", () => {
  it("reads many blobs through one process, in order, including empty and binary ones", async () => {
    repo = makeGitRepo();
    const blobs = ["hello\n", "", "no newline at end", Buffer.from([0, 1, 2, 10, 255])];
    const oids = blobs.map(store);
    cat = new CatFileBatch({ cwd: repo.root, env: repo.env });
    const read = await Promise.all(oids.map((oid) => cat!.readAll(oid)));
    expect(read.map((b) => b.toString("latin1"))).toEqual(blobs.map((b) => Buffer.from(b).toString("latin1")));
  });

  it("a reader that stops early leaves the stream in step for the next read", async () => {
    repo = makeGitRepo();
    const big = store(Buffer.alloc(3 << 20, 120));
    const small = store("after\n");
    cat = new CatFileBatch({ cwd: repo.root, env: repo.env });
    let first = 0;
    for await (const chunk of cat.blob(big)) {
      first = chunk.length;
      break;
    }
    expect(first).toBeGreaterThan(0);
    expect((await cat.readAll(small)).toString()).toBe("after\n");
    expect((await cat.readAll(big)).length).toBe(3 << 20);
  });

  it("prefetched blobs read in order; one read out of order skips the answers before it", async () => {
    repo = makeGitRepo();
    const texts = ["one\n", "two two\n", "", "four\n"];
    const [a, b, c, d] = texts.map(store) as [string, string, string, string];
    const missing = "0".repeat(39) + "1";
    cat = new CatFileBatch({ cwd: repo.root, env: repo.env });
    cat.prefetch([a, missing, b, c]);
    expect((await cat.readAll(a)).toString()).toBe("one\n");
    // `missing` and its one-line answer are skipped, `b` comes next.
    expect((await cat.readAll(b)).toString()).toBe("two two\n");
    // Not prefetched: asked on its own; the prefetched `c` before it is dropped.
    expect((await cat.readAll(d)).toString()).toBe("four\n");
    // Asked again after being dropped.
    expect((await cat.readAll(c)).toString()).toBe("");
    expect((await cat.readAll(a)).toString()).toBe("one\n");
  });

  it("a missing object is a GitError naming it", async () => {
    repo = makeGitRepo();
    cat = new CatFileBatch({ cwd: repo.root, env: repo.env });
    const missing = "d".repeat(40);
    const error = await cat.readAll(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toBe(`git cat-file: ${missing}: missing`);
    expect((await cat.readAll(store("ok"))).toString()).toBe("ok");
  });
});
