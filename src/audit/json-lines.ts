/**
 * Where each value of a JSON document starts: `{ "keys": [ { "createdAt": … } ] }`
 * gives `keys` → 1, `keys[0]` → 1, `keys[0].createdAt` → 1 (1-based lines), so
 * audit evidence can point at the line of a configuration entry. JSON.parse
 * gives values but no positions; this walker gives positions and no values.
 * It expects text JSON.parse already accepted, and gives up (an empty map)
 * on anything else rather than guess.
 */
export function jsonValueLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;

  const skipSpace = (): void => {
    while (i < text.length) {
      const c = text[i];
      if (c === "\n") line++;
      else if (c !== " " && c !== "\t" && c !== "\r" && c !== "\uFEFF") return;
      i++;
    }
  };
  const readString = (): string => {
    // Called with text[i] === '"'. Strings cannot hold raw newlines in JSON.
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    skipSpace();
    lines.set(path, line);
    const c = text[i];
    if (c === "{") {
      i++;
      skipSpace();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') throw new Error("not JSON");
        const key = readString();
        skipSpace();
        i++; // ':'
        value(path === "" ? key : `${path}.${key}`);
        skipSpace();
        if (text[i++] === "}") return;
      }
    } else if (c === "[") {
      i++;
      skipSpace();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        if (i >= text.length) throw new Error("not JSON");
        value(`${path}[${n}]`);
        skipSpace();
        if (text[i++] === "]") return;
      }
    } else if (c === '"') {
      readString();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i] ?? "")) i++;
    }
  };

  try {
    value("");
  } catch {
    return new Map();
  }
  return lines;
}
