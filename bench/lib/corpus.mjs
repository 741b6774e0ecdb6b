// Builds the benchmark's deterministic corpus under bench/.corpus/ and caches it.
//
// Recipe: real source text from pinned npm packages (fetched with `npm pack`,
// untarred once), copied or replicated into a tree of the requested size, plus
// two generated files made from the same text: a big multi-line file (half of
// the size) and a single long line (8 % of it, minified-style). Fake secrets
// from planted-secrets.mjs are planted at known positions, recorded in the
// manifest so each tool's hits can be counted. A tree is rebuilt only when its
// recipe (this file, the planted secrets, the package list, the size) changes.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync,
  readSync, rmSync, statSync, writeFileSync, writeSync,
} from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { hash32, makeRng } from "./prng.mjs";
import { PLANT_KINDS } from "./planted-secrets.mjs";

/** Pinned packages: ~225 MB and ~20,000 files of JS, TS, JSON and Markdown. */
export const PACKAGES = [
  "typescript@5.4.5", "aws-sdk@2.1620.0", "date-fns@3.6.0", "three@0.164.1",
  "@types/node@20.12.12", "rxjs@7.8.1", "core-js@3.37.1", "moment@2.30.1",
  "webpack@5.91.0", "eslint@8.57.0", "prettier@3.2.5", "react-dom@18.3.1",
  "@babel/types@7.24.5", "highlight.js@11.9.0", "rollup@4.17.2", "terser@5.31.0",
  "vue@3.4.27", "chart.js@4.4.3", "graphql@16.8.1", "lodash@4.17.21",
];

const SEED = 0x5eed2026;
const RECIPE_VERSION = 3;
const MB = 1024 * 1024;
const here = dirname(fileURLToPath(import.meta.url));

/** Hash of everything that decides the corpus bytes. */
function recipeHash(extra) {
  const h = createHash("sha256");
  h.update(JSON.stringify({ RECIPE_VERSION, SEED, PACKAGES, extra }));
  h.update(readFileSync(join(here, "corpus.mjs")));
  h.update(readFileSync(join(here, "planted-secrets.mjs")));
  h.update(readFileSync(join(here, "prng.mjs")));
  return h.digest("hex").slice(0, 16);
}

const safeName = (spec) => spec.replace(/^@/, "").replace(/[/@]/g, "-");

/** `npm pack` each pinned package into packs/ and untar it into pkgs/<name>/ (once). */
export function fetchPackages(corpusRoot, log) {
  const packs = join(corpusRoot, "packs");
  const pkgs = join(corpusRoot, "pkgs");
  mkdirSync(packs, { recursive: true });
  mkdirSync(pkgs, { recursive: true });
  const dirs = [];
  for (const spec of PACKAGES) {
    const out = join(pkgs, safeName(spec));
    dirs.push(out);
    if (existsSync(join(out, ".done"))) continue;
    log(`  fetching ${spec}`);
    const r = spawnSync("npm", ["pack", spec, "--json", "--pack-destination", packs], {
      encoding: "utf8", stdio: ["ignore", "pipe", "pipe"],
    });
    if (r.status !== 0) throw new Error(`npm pack ${spec} failed: ${r.stderr.trim().split("\n").pop()}`);
    const filename = JSON.parse(r.stdout)[0].filename;
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const t = spawnSync("tar", ["-xzf", join(packs, filename), "-C", out], { encoding: "utf8" });
    if (t.status !== 0) throw new Error(`tar ${filename} failed: ${t.stderr}`);
    writeFileSync(join(out, ".done"), spec + "\n");
  }
  return dirs;
}

/** Files of a folder, recursively, sorted, without dot files (no ignore files, nothing hidden). */
function listFiles(dir, base = dir, out = []) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) listFiles(full, base, out);
    else if (e.isFile()) out.push(relative(base, full).split(sep).join("/"));
  }
  return out;
}

function isText(path) {
  const fd = openSync(path, "r");
  const buf = Buffer.alloc(8192);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  return !buf.subarray(0, n).includes(0);
}

/** All text files of the fetched packages: [{ abs, rel, size }], in a fixed order. */
function sourceFiles(pkgDirs) {
  const files = [];
  for (const dir of pkgDirs) {
    const name = dir.split(sep).pop();
    for (const rel of listFiles(dir)) {
      const abs = join(dir, rel);
      const size = statSync(abs).size;
      if (size === 0 || !isText(abs)) continue;
      files.push({ abs, rel: `packages/${name}/${rel.replace(/^package\//, "")}`, size });
    }
  }
  return files;
}

/** Text for the generated files: real source, ASCII only, no control characters but LF. */
function* material(files, rng) {
  const order = files.filter((f) => /\.(m?js|cjs|ts|json|md)$/.test(f.rel) && f.size < 4 * MB);
  for (;;) {
    const f = order[Math.floor(rng() * order.length)];
    let s = readFileSync(f.abs, "latin1").replace(/\r\n?/g, "\n").replace(/[^\n\t\x20-\x7e]/g, "?");
    if (!s.endsWith("\n")) s += "\n";
    yield s;
  }
}

/**
 * Writes a generated file of about `bytes` bytes, planting `plants` at evenly
 * spread points. `oneLine` turns every line end into a space. Returns the
 * planted secrets with their exact line/column (1-based, UTF-16 = ASCII here).
 */
function writeGenerated(path, bytes, oneLine, plants, text, rng) {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, "w");
  let written = 0;
  let line = 1;
  let col = 1; // column of the next character to be written
  const out = [];
  const at = plants.map((_, i) => Math.floor(((i + 1) * bytes) / (plants.length + 1)));
  let next = 0;
  const emit = (s) => {
    writeSync(fd, s);
    written += s.length;
    const lastNl = s.lastIndexOf("\n");
    if (lastNl === -1) col += s.length;
    else {
      for (let i = 0; i <= lastNl; i++) if (s.charCodeAt(i) === 10) line++;
      col = s.length - lastNl;
    }
  };
  while (written < bytes) {
    let chunk = text.next().value;
    if (oneLine) chunk = chunk.replace(/\n/g, " ");
    if (written + chunk.length > bytes) chunk = chunk.slice(0, bytes - written);
    emit(chunk);
    while (next < plants.length && written >= at[next]) {
      const { kind, make } = plants[next];
      const { secret, text: carrier } = make(rng);
      const piece = oneLine ? carrier : `${carrier}\n`;
      const first = secret.split("\n")[0];
      const offset = carrier.indexOf(first);
      out.push({ kind, line, column: col + offset, secretLength: first.length });
      emit(piece);
      next++;
    }
  }
  closeSync(fd);
  return out;
}

/** Small hand-written-looking files in the tree, one planted secret each. */
function writePlantedFiles(treeDir, plants, rng) {
  const names = {
    "finta-api-key": "app/src/finta-client.ts",
    "finta-secret-key-live": "app/src/payments/config.js",
    "finta-webhook-secret": "app/config/webhooks.yml",
    "finta-env-secret": "app/deploy/production.env",
    "aws-access-key-id": "app/config/aws-credentials.ini",
    "aws-secret-access-key": "app/config/aws-secret.ini",
    "github-pat-classic": "app/scripts/release.sh",
    "slack-bot-token": "app/config/notify.yml",
    "private-key": "app/certs/server-key.pem",
    "database-url": "app/deploy/database.env",
  };
  const out = [];
  for (const { kind, make } of plants) {
    const rel = names[kind] ?? `app/misc/${kind}.txt`;
    const { secret, text } = make(rng);
    const before = ["// configuration for the deployment", "// generated by the release tooling", ""];
    const content = [...before, text, "", "// end of file", ""].join("\n");
    mkdirSync(dirname(join(treeDir, rel)), { recursive: true });
    writeFileSync(join(treeDir, rel), content);
    const first = secret.split("\n")[0];
    out.push({ kind, file: rel, line: before.length + 1, column: text.indexOf(first) + 1, secretLength: first.length });
  }
  return out;
}

/**
 * The corpus for one size: returns its manifest (tree folder, file count,
 * bytes, planted secrets), building it first when missing or stale.
 */
export function ensureCorpus({ corpusRoot, sizeMB, log }) {
  const recipe = { sizeMB, big: 0.5, oneLine: 0.08 };
  const hash = recipeHash(recipe);
  const treeDir = join(corpusRoot, `tree-${sizeMB}mb`);
  const manifestPath = join(corpusRoot, `tree-${sizeMB}mb.manifest.json`);
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, "utf8"));
    if (m.recipeHash === hash && existsSync(treeDir)) return m;
  }
  log(`building corpus ${treeDir} (${sizeMB} MB, recipe ${hash})`);
  const t0 = Date.now();
  const pkgDirs = fetchPackages(corpusRoot, log);
  const files = sourceFiles(pkgDirs);
  const available = files.reduce((a, f) => a + f.size, 0);
  rmSync(treeDir, { recursive: true, force: true });
  rmSync(manifestPath, { force: true });
  mkdirSync(treeDir, { recursive: true });

  const total = sizeMB * MB;
  const bigBytes = Math.floor(total * recipe.big);
  const lineBytes = Math.floor(total * recipe.oneLine);
  const sourceBudget = total - bigBytes - lineBytes;

  // Source part: a deterministic, evenly spread subset of the packages'
  // files, or several copies of all of them when the budget is larger.
  let bytes = 0;
  let count = 0;
  const ratio = sourceBudget / available;
  for (let copy = 1; bytes < sourceBudget; copy++) {
    const prefix = copy === 1 ? "" : `copy-${copy}/`;
    for (const f of files) {
      if (bytes >= sourceBudget) break;
      if (copy === 1 && ratio < 1 && hash32(f.rel) / 4294967296 >= ratio) continue;
      const dest = join(treeDir, prefix + f.rel);
      mkdirSync(dirname(dest), { recursive: true });
      copyFileSync(f.abs, dest);
      bytes += f.size;
      count++;
    }
  }

  const rng = makeRng(SEED);
  const text = material(files, makeRng(SEED + 1));
  const planted = [];
  const treePlants = PLANT_KINDS.slice(0, 10);
  const bigPlants = PLANT_KINDS.slice(10, 15);
  const linePlants = PLANT_KINDS.slice(15);
  planted.push(...writePlantedFiles(treeDir, treePlants, rng));
  const bigRel = "generated/big-bundle.js";
  const lineRel = "generated/minified-one-line.js";
  for (const p of writeGenerated(join(treeDir, bigRel), bigBytes, false, bigPlants, text, rng)) planted.push({ ...p, file: bigRel });
  for (const p of writeGenerated(join(treeDir, lineRel), lineBytes, true, linePlants, text, rng)) planted.push({ ...p, file: lineRel });
  count += treePlants.length + 2;
  bytes += bigBytes + lineBytes;

  // A repository root of its own (no commit needed): scanners that apply
  // .gitignore files up to the repository root, as git and rg do, stop here
  // instead of at the project's .gitignore, which ignores bench/.corpus/.
  const init = spawnSync("git", ["init", "-q", treeDir], { encoding: "utf8" });
  if (init.status !== 0) throw new Error(`git init ${treeDir} failed: ${init.stderr}`);

  const manifest = {
    recipeHash: hash, sizeMB, treeDir, files: count, bytes, packages: PACKAGES,
    planted: planted.map((p, i) => ({ id: i + 1, ...p })), buildSeconds: (Date.now() - t0) / 1000,
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
  log(`  corpus ready: ${count} files, ${(bytes / MB).toFixed(0)} MB, ${planted.length} planted secrets (${manifest.buildSeconds.toFixed(1)} s)`);
  return manifest;
}

/**
 * A single-line file of `bytes` bytes (memory scenario, opt-in) with three
 * planted secrets; cached like the tree.
 */
export function ensureOneLineFile({ corpusRoot, bytes, log }) {
  const hash = recipeHash({ oneLineFile: bytes });
  const dir = join(corpusRoot, `one-line-${Math.round(bytes / MB)}mb`);
  const manifestPath = `${dir}.manifest.json`;
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, "utf8"));
    if (m.recipeHash === hash && existsSync(dir)) return m;
  }
  log(`building ${dir} (${Math.round(bytes / MB)} MB on one line)`);
  const pkgDirs = fetchPackages(corpusRoot, log);
  const files = sourceFiles(pkgDirs);
  rmSync(dir, { recursive: true, force: true });
  const rng = makeRng(SEED + 7);
  const rel = "one-line.js";
  const plants = [PLANT_KINDS[0], PLANT_KINDS[1], PLANT_KINDS[6]].map((k) => ({ ...k, make: (r) => {
    const { secret, text } = k.make(r);
    return { secret, text: ` ${text.replace(/\n/g, " ")} ` };
  } }));
  const planted = writeGenerated(join(dir, rel), bytes, true, plants, material(files, makeRng(SEED + 8)), rng)
    .map((p, i) => ({ id: i + 1, ...p, file: rel }));
  const init = spawnSync("git", ["init", "-q", dir], { encoding: "utf8" }); // a repository root, as the tree is
  if (init.status !== 0) throw new Error(`git init ${dir} failed: ${init.stderr}`);
  const manifest = { recipeHash: hash, dir, bytes, planted };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}

/** Files usable to populate the git scenarios (small real source files). */
export function smallSourceFiles(corpusRoot, log) {
  const pkgDirs = fetchPackages(corpusRoot, log);
  return sourceFiles(pkgDirs).filter((f) => f.size <= 64 * 1024);
}
