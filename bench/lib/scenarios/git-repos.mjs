// Scratch git repositories for the staged and history scenarios, kept in
// bench/.work/ and rebuilt only when their recipe changes. Commits use a fixed
// identity and dates so the repositories are the same on every machine.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { makeRng } from "../prng.mjs";
import { PLANT_KINDS } from "../planted-secrets.mjs";

export const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "Bench", GIT_AUTHOR_EMAIL: "bench@example.invalid",
  GIT_COMMITTER_NAME: "Bench", GIT_COMMITTER_EMAIL: "bench@example.invalid",
  GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z", GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z",
  GIT_CONFIG_NOSYSTEM: "1",
};

export function git(cwd, args, input) {
  const r = spawnSync("git", args, { cwd, env: GIT_ENV, encoding: "utf8", input, maxBuffer: 1 << 30, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${(r.stderr || "").trim().split("\n").pop()}`);
  return r.stdout;
}

const stamp = (dir) => join(dir, ".git", "bench-recipe");
const fresh = (dir, hash) => existsSync(stamp(dir)) && readFileSync(stamp(dir), "utf8").trim() === hash;
const hashOf = (x) => createHash("sha256").update(JSON.stringify(x)).digest("hex").slice(0, 16);

/**
 * A repository of `count` real source files in one commit, then 25 staged
 * changes. One staged change adds a Finta key that is then removed from the
 * working copy (the commit would still carry it: must be found); another file
 * gets a key in the working copy only, never staged (must not be found: a
 * scan that reports it is reading the working tree, not the index).
 * Returns { dir, files, staged, planted, decoys }.
 */
export function ensureStagedRepo({ work, files, count, log }) {
  const dir = join(work, "staged-repo");
  const step = Math.max(1, Math.floor(files.length / count));
  const chosen = files.filter((_, i) => i % step === 0).slice(0, count);
  const hash = hashOf({ v: 1, paths: chosen.map((f) => f.rel) });
  if (!fresh(dir, hash)) {
    log(`building staged-scan repo ${dir} (${chosen.length} files)`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    git(dir, ["init", "-q", "-b", "main"]);
    for (const f of chosen) {
      const dest = join(dir, f.rel);
      mkdirSync(dirname(dest), { recursive: true });
      copyFileSync(f.abs, dest);
    }
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "initial import"]);
    writeFileSync(stamp(dir), hash + "\n");
  }
  // Same 25 staged changes on every run, whatever the last run left behind.
  git(dir, ["reset", "-q", "--hard", "HEAD"]);
  git(dir, ["clean", "-q", "-fd"]);
  const tracked = git(dir, ["ls-files", "-z"]).split("\0").filter((p) => p.endsWith(".js") || p.endsWith(".ts"));
  const changed = [];
  for (let i = 0; i < 25; i++) changed.push(tracked[Math.floor((i * tracked.length) / 25)]);
  const rng = makeRng(42);
  const planted = [];
  const decoys = [];
  const afterAdd = [];
  changed.forEach((rel, i) => {
    const path = join(dir, rel);
    const before = readFileSync(path, "utf8");
    const lines = before.split("\n").length - (before.endsWith("\n") ? 1 : 0);
    const sep = before.endsWith("\n") || before.length === 0 ? "" : "\n";
    const edit = `${sep}// bench: staged change ${i}\nexport const benchChange${i} = ${i};\n`;
    appendFileSync(path, edit);
    if (i === 12) {
      const { secret, text } = PLANT_KINDS[0].make(rng);
      appendFileSync(path, `${text}\n`);
      planted.push({ kind: PLANT_KINDS[0].kind, file: rel, line: lines + 3, column: text.indexOf(secret) + 1, secretLength: secret.length });
      afterAdd.push(() => writeFileSync(path, before + edit)); // gone from the working copy, still staged
    }
    if (i === 20) {
      const { secret, text } = PLANT_KINDS[1].make(rng);
      afterAdd.push(() => appendFileSync(path, `${text}\n`)); // in the working copy only
      decoys.push({ kind: PLANT_KINDS[1].kind, file: rel, line: lines + 3, column: text.indexOf(secret) + 1, secretLength: secret.length });
    }
  });
  git(dir, ["add", "--", ...changed]);
  for (const f of afterAdd) f();
  return { dir, files: chosen.length, staged: changed.length, planted, decoys };
}

/**
 * A linear history of `commits` commits written with git fast-import: each
 * commit edits one to three of 300 files with real source lines; a few commits
 * add a planted secret. Returns { dir, commits, planted }.
 */
export function ensureHistoryRepo({ work, files, commits, log }) {
  const dir = join(work, `history-repo-${commits}`);
  const pool = files.filter((f) => f.size < 16 * 1024).slice(0, 3000);
  const hash = hashOf({ v: 1, commits, pool: pool.map((f) => f.rel) });
  const plantedPath = join(dir, ".git", "bench-planted.json");
  if (fresh(dir, hash)) return { dir, commits, planted: JSON.parse(readFileSync(plantedPath, "utf8")) };
  log(`building history repo ${dir} (${commits} commits, git fast-import)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, ["init", "-q", "-b", "main"]);
  const rng = makeRng(7);
  const state = new Map(); // path -> current lines
  const names = Array.from({ length: 300 }, (_, i) => `src/module-${String(i).padStart(3, "0")}.js`);
  const plantEvery = Math.floor(commits / 6);
  const planted = [];
  const parts = [];
  const flush = () => {
    git(dir, ["fast-import", "--quiet", "--done"], parts.join("") + "done\n");
  };
  let kindIndex = 0;
  for (let c = 1; c <= commits; c++) {
    const edits = 1 + Math.floor(rng() * 3);
    const changes = [];
    for (let e = 0; e < edits; e++) {
      const name = names[Math.floor(rng() * names.length)];
      const src = readFileSync(pool[Math.floor(rng() * pool.length)].abs, "utf8").split("\n").slice(0, 40);
      const lines = state.get(name) ?? [];
      const next = lines.length > 400 ? src : [...lines, ...src];
      if (e === 0 && c % plantEvery === 0 && planted.length < 5) {
        const kind = PLANT_KINDS[[0, 1, 6, 10, 12][kindIndex++]];
        const { secret, text } = kind.make(rng);
        next.push(text);
        planted.push({ kind: kind.kind, commit: c, file: name, line: next.length, column: text.indexOf(secret) + 1, secretLength: secret.length });
      }
      state.set(name, next);
      changes.push([name, next.join("\n") + "\n"]);
    }
    const when = 1767225600 + c * 60;
    let s = `commit refs/heads/main\nmark :${c}\nauthor Bench <bench@example.invalid> ${when} +0000\ncommitter Bench <bench@example.invalid> ${when} +0000\n`;
    const msg = `change ${c}\n`;
    s += `data ${Buffer.byteLength(msg)}\n${msg}`;
    if (c > 1) s += `from :${c - 1}\n`;
    for (const [name, content] of changes) s += `M 100644 inline ${name}\ndata ${Buffer.byteLength(content)}\n${content}\n`;
    parts.push(s);
  }
  flush();
  git(dir, ["reset", "-q", "--hard", "main"]);
  writeFileSync(plantedPath, JSON.stringify(planted) + "\n");
  writeFileSync(stamp(dir), hash + "\n");
  return { dir, commits, planted };
}
