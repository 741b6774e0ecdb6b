/**
 * CatFileBatch: one long-lived `git cat-file --batch` per scan, however many
 * blobs are read (a process per file would cost a fork and exec each).
 *
 * The protocol is a stream of `<oid> <type> <size>\n<bytes>\n` answers, one
 * per `<oid>\n` request, in request order. Reads are serialised: a blob's
 * bytes are handed out in chunks as git writes them (a 1 GiB blob never sits in
 * memory), and a reader that stops early has the rest of its blob drained so
 * the next answer starts where it should.
 */
import { GitCommandError, spawnGit, type GitContext, type GitStream } from "./exec.js";

const NEWLINE = 10;

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

export class CatFileBatch {
  readonly #git: GitStream;
  readonly #chunks: AsyncIterator<Buffer>;
  /** Bytes read from git but not consumed yet. */
  #pending: Buffer = Buffer.alloc(0);
  /** The previous read's completion: reads run one after another. */
  #turn: Promise<void> = Promise.resolve();
  #closed = false;
  /** Ids already written to git (prefetch) whose answers have not been read yet, in order. */
  #asked: string[] = [];

  constructor(ctx: GitContext) {
    this.#git = spawnGit(ctx, ["cat-file", "--batch"], { stdin: true });
    this.#chunks = this.#git.stdout[Symbol.asyncIterator]();
  }

  /**
   * The blob's bytes as git writes them. Throws a GitCommandError when the
   * object is missing or git died. The returned iterable is single-use.
   */
  blob(oid: string): AsyncIterable<Uint8Array> {
    if (!OID.test(oid)) throw new GitCommandError(["cat-file", "--batch"], -1, `bad object id "${oid}"`);
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    return {
      [Symbol.asyncIterator]() {
        return self.#read(oid);
      },
    };
  }

  /**
   * Asks git for these blobs now, in this order, without waiting for each
   * answer: a caller that will read them in this order saves one round trip
   * to git per blob (the pre-commit hook's critical path). Reading another
   * blob first stays correct: the answers before it are read and dropped.
   */
  prefetch(oids: readonly string[]): void {
    if (this.#closed) return;
    const valid = oids.filter((oid) => OID.test(oid));
    if (!valid.length) return;
    this.#asked.push(...valid);
    this.#git.child.stdin.write(valid.map((oid) => oid + "\n").join(""));
  }

  /** All of a blob at once (small blobs: tests, HEAD versions). */
  async readAll(oid: string): Promise<Buffer> {
    const parts: Uint8Array[] = [];
    for await (const chunk of this.blob(oid)) parts.push(chunk);
    return Buffer.concat(parts);
  }

  async *#read(oid: string): AsyncGenerator<Uint8Array> {
    const previous = this.#turn;
    let release!: () => void;
    this.#turn = new Promise((r) => (release = r));
    await previous;
    try {
      if (this.#closed) throw this.#error("cat-file was closed");
      // Answers to prefetched ids before this one are not wanted (any more).
      while (this.#asked.length && this.#asked[0] !== oid) {
        this.#asked.shift();
        await this.#skipAnswer();
      }
      if (this.#asked[0] === oid) this.#asked.shift();
      else this.#git.child.stdin.write(oid + "\n");
      const header = await this.#readLine();
      const parts = header.split(" ");
      if (parts.length !== 3) throw this.#error(`${oid}: ${parts.slice(1).join(" ") || "no answer"}`);
      const size = Number(parts[2]);
      let left = size;
      try {
        while (left > 0) {
          const chunk = await this.#take(left);
          left -= chunk.length;
          yield chunk;
        }
      } finally {
        // Drain what a reader that stopped early left behind, then the terminating newline.
        while (left > 0) left -= (await this.#take(left)).length;
        await this.#take(1);
      }
    } finally {
      release();
    }
  }

  /** Reads and drops one answer (header, content and its newline; a missing object has no content). */
  async #skipAnswer(): Promise<void> {
    const parts = (await this.#readLine()).split(" ");
    if (parts.length !== 3) return;
    let left = Number(parts[2]) + 1;
    while (left > 0) left -= (await this.#take(left)).length;
  }

  /** Up to `max` bytes (at least one). */
  async #take(max: number): Promise<Buffer> {
    if (this.#pending.length === 0) this.#pending = await this.#next();
    const n = Math.min(max, this.#pending.length);
    const out = this.#pending.subarray(0, n);
    this.#pending = this.#pending.subarray(n);
    return out;
  }

  async #readLine(): Promise<string> {
    const parts: Buffer[] = [];
    for (;;) {
      if (this.#pending.length === 0) this.#pending = await this.#next();
      const nl = this.#pending.indexOf(NEWLINE);
      if (nl >= 0) {
        parts.push(this.#pending.subarray(0, nl));
        this.#pending = this.#pending.subarray(nl + 1);
        return Buffer.concat(parts).toString("utf8");
      }
      parts.push(this.#pending);
      this.#pending = Buffer.alloc(0);
    }
  }

  async #next(): Promise<Buffer> {
    const { value, done } = await this.#chunks.next();
    if (done || !value) {
      // git exited: its own message says why.
      await this.#git.done;
      throw this.#error("git cat-file ended early");
    }
    return value;
  }

  #error(message: string): GitCommandError {
    return new GitCommandError(["cat-file", "--batch"], -1, message);
  }

  /** End git's input and wait for it to exit. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#turn.catch(() => {});
    this.#git.child.stdin.end();
    // Unread output would keep git blocked on a full pipe.
    this.#git.child.stdout.resume();
    await this.#git.done.catch(() => {});
  }
}
