// Turns each tool's output into hits { file, line, column? } (file relative to
// the scanned folder, `/`-separated; column 1-based when the tool gives one)
// and counts how many planted secrets each tool hit.
import { closeSync, existsSync, openSync, readFileSync, readSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";

const norm = (root, file) => {
  let f = file;
  if (isAbsolute(f)) f = relative(root, f).split(sep).join("/");
  return f.replace(/^\.\//, "");
};

/** finta-guard --format json: { findings: [{ file, line, column }] }. */
export function fintaGuardHits(root, path) {
  if (!existsSync(path)) return { hits: [], findings: 0, parsed: false };
  const text = readFileSync(path, "utf8");
  try {
    const report = JSON.parse(text);
    const findings = report.findings ?? [];
    return {
      hits: findings.map((f) => ({ file: norm(root, f.file), line: f.line, column: f.column, ruleId: f.ruleId, commit: f.commit })),
      findings: findings.length,
      stats: report.stats,
      parsed: true,
    };
  } catch {
    return { hits: [], findings: 0, parsed: false };
  }
}

/**
 * How many planted secrets a keyword search would hit: a keyword on the
 * planted line (on a single-line file, within 200 characters before the
 * secret or inside it). Read straight from the files, so it costs no tool run.
 */
export function keywordsOnPlantedLines(root, planted, keywords) {
  const found = [];
  const missed = [];
  const texts = new Map();
  for (const p of planted) {
    let window;
    if (p.line === 1 && p.column > 1000) {
      const fd = openSync(join(root, p.file), "r");
      const start = Math.max(0, p.column - 1 - 200);
      const buf = Buffer.alloc(200 + p.secretLength + 10);
      const n = readSync(fd, buf, 0, buf.length, start);
      closeSync(fd);
      window = buf.subarray(0, n).toString("latin1");
    } else {
      if (!texts.has(p.file)) texts.set(p.file, readLineAt(join(root, p.file), p.line));
      window = texts.get(p.file);
      texts.delete(p.file); // one planted line per file in the small files; big files are read per line
    }
    const lower = window.toLowerCase();
    (keywords.some((k) => lower.includes(k)) ? found : missed).push(p.kind);
  }
  return { found: found.length, total: planted.length, missed };
}

/** One line of a (possibly huge, multi-line) file, read in chunks. */
function readLineAt(path, lineNo) {
  const fd = openSync(path, "r");
  const buf = Buffer.alloc(1 << 20);
  let line = 1;
  let pos = 0;
  let acc = [];
  for (;;) {
    const n = readSync(fd, buf, 0, buf.length, pos);
    if (n === 0) break;
    let start = 0;
    for (let i = 0; i < n; i++) {
      if (buf[i] !== 10) continue;
      if (line === lineNo) {
        acc.push(Buffer.from(buf.subarray(start, i)));
        closeSync(fd);
        return Buffer.concat(acc).toString("latin1");
      }
      line++;
      start = i + 1;
    }
    if (line === lineNo) acc.push(Buffer.from(buf.subarray(start, n)));
    pos += n;
  }
  closeSync(fd);
  return Buffer.concat(acc).toString("latin1");
}

/** secretlint --format compact: `/abs/path: line N, col M, Error - …` (col 0-based). */
export function secretlintHits(root, path) {
  if (!existsSync(path)) return [];
  const hits = [];
  const re = /^(.*?): line (\d+), col (\d+), /;
  for (const l of readFileSync(path, "utf8").split("\n")) {
    const m = re.exec(l);
    if (m) hits.push({ file: norm(root, m[1]), line: Number(m[2]), column: Number(m[3]) + 1 });
  }
  return hits;
}

/**
 * Planted secrets hit: same file and line; on very long lines (the
 * single-line files) the hit's column must also fall near the secret, since
 * line 1 there holds everything.
 */
export function countPlanted(planted, hits) {
  const byKey = new Map();
  for (const h of hits) {
    const k = `${h.file}\0${h.line}`;
    if (!byKey.has(k)) byKey.set(k, []);
    byKey.get(k).push(h);
  }
  const found = [];
  const missed = [];
  for (const p of planted) {
    const cands = byKey.get(`${p.file}\0${p.line}`) ?? [];
    const ok = cands.some((h) => p.line > 1 || h.column === undefined
      || (h.column >= p.column - 200 && h.column <= p.column + p.secretLength + 10));
    (ok ? found : missed).push(p.kind);
  }
  return { found: found.length, total: planted.length, missed };
}
