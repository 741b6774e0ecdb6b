/**
 * LineRanges: a set of line numbers stored as sorted runs, for the lines a
 * change adds. A commit that adds a 10-million-line file holds one run, not
 * ten million numbers. Lines are added in increasing order (as a patch lists
 * them); `has` is a binary search.
 */
export class LineRanges implements ReadonlySet<number> {
  /** Run i covers [starts[i], ends[i]] (inclusive). */
  #starts: number[] = [];
  #ends: number[] = [];
  #size = 0;

  /** Add a line; lines must come in increasing order (a smaller one is a bug in the caller). */
  add(line: number): this {
    const last = this.#ends.length - 1;
    const end = this.#ends[last];
    if (end !== undefined && line <= end) return this;
    if (end !== undefined && line === end + 1) this.#ends[last] = line;
    else {
      this.#starts.push(line);
      this.#ends.push(line);
    }
    this.#size++;
    return this;
  }

  /** Add lines from..to inclusive. */
  addRange(from: number, to: number): this {
    for (let line = from; line <= to; ) {
      const last = this.#ends.length - 1;
      const end = this.#ends[last];
      if (end !== undefined && line <= end) {
        line = end + 1;
        continue;
      }
      if (end !== undefined && line === end + 1) this.#ends[last] = to;
      else {
        this.#starts.push(line);
        this.#ends.push(to);
      }
      this.#size += to - line + 1;
      break;
    }
    return this;
  }

  get size(): number {
    return this.#size;
  }

  has(line: number): boolean {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (line < this.#starts[mid]!) hi = mid - 1;
      else if (line > this.#ends[mid]!) lo = mid + 1;
      else return true;
    }
    return false;
  }

  *values(): SetIterator<number> {
    for (let i = 0; i < this.#starts.length; i++) for (let n = this.#starts[i]!; n <= this.#ends[i]!; n++) yield n;
  }

  keys(): SetIterator<number> {
    return this.values();
  }

  *entries(): SetIterator<[number, number]> {
    for (const n of this.values()) yield [n, n];
  }

  [Symbol.iterator](): SetIterator<number> {
    return this.values();
  }

  forEach(callback: (value: number, key: number, set: ReadonlySet<number>) => void): void {
    for (const n of this.values()) callback(n, n, this);
  }
}
