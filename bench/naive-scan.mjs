// Reference only: the naive way to look for the rules' keywords in a tree
// with Node: one thread, each file read whole and decoded, one
// case-insensitive RegExp of all keywords run over it. It shows what
// finta-guard's streaming, worker-thread scanner is measured against.
// Usage: node naive-scan.mjs KEYWORDS_FILE DIR  → prints path:count per file with hits.
import { readdirSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";

const [keywordsFile, root] = process.argv.slice(2);
const keywords = readFileSync(keywordsFile, "utf8").split("\n").filter(Boolean);
const escape = (k) => k.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const re = new RegExp(keywords.map(escape).join("|"), "gi");
const out = [];

function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== ".git") walk(full);
    } else if (e.isFile()) scan(full);
  }
}

function scan(path) {
  const buf = readFileSync(path);
  if (buf.subarray(0, 8192).includes(0)) return;
  const text = buf.toString("utf8");
  let count = 0;
  re.lastIndex = 0;
  while (re.exec(text) !== null) count++;
  if (count) out.push(`${path}:${count}`);
}

walk(root);
writeSync(1, out.join("\n") + (out.length ? "\n" : ""));
