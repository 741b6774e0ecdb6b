/**
 * Paths named on the command line against ignore rules, as ripgrep treats
 * them: a named file is scanned even when ignored; a named folder is walked
 * even when it or a parent is ignored, and the ignore rules (its ancestors'
 * and its own) still apply to what lies inside it. The expected listings are
 * what `rg -l` prints for the same trees.
 */
import { afterEach, describe, expect, it } from "vitest";
import { listTreeTargets } from "../../src/sources/tree.js";
import { runCli } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";

let tree: TempTree | undefined;
afterEach(() => tree?.cleanup());

const ROOT_IGNORE = ["build/", "*.log", "out/**", "vendor/a", "/top.txt", "secret.env", "cache*/"].join("\n") + "\n";

function repo(): TempTree {
  return makeTempTree({
    ".git/HEAD": "ref: refs/heads/main\n",
    ".git/info/exclude": "private/\n",
    ".gitignore": ROOT_IGNORE,
    "build/d.js": "x",
    "build/sub/a.js": "x",
    "build/sub/b.log": "x",
    "build/sub/secret.env": "x",
    "build/sub/.gitignore": "deep/\n",
    "build/sub/deep/c.js": "x",
    "build/sub/build/e.js": "x",
    "build/sub/cache1/f.js": "x",
    "out/x/e.js": "x",
    "vendor/a/g.js": "x",
    "logs/f.log": "x",
    "top.txt": "x",
    "private/p.js": "x",
    "src/ok.js": "x",
    "src/.gitignore": "gen/\n",
    "src/gen/h.js": "x",
  });
}

const list = (paths: string[], cwd: string, noIgnore = false) =>
  listTreeTargets(paths, { cwd, ...(noIgnore ? { noIgnore } : {}) }).targets.map((t) => t.path);

describe("paths named on the command line override the ignore rules above them", () => {
  it("a whole-repository walk skips every ignored path", () => {
    tree = repo();
    expect(list(["."], tree.root)).toEqual([".gitignore", "src/.gitignore", "src/ok.js"]);
  });

  it.each([
    // Named inside an ignored folder: walked; the root's `*.log`, `secret.env`, `build/`
    // and `cache*/` still apply below it, and so does its own `.gitignore`.
    { named: "build/sub", files: ["build/sub/.gitignore", "build/sub/a.js"] },
    { named: "build", files: ["build/d.js", "build/sub/.gitignore", "build/sub/a.js"] },
    { named: "build/sub/deep", files: ["build/sub/deep/c.js"] },
    // `out/**` matches the files themselves, not only the folder: they stay ignored.
    { named: "out/x", files: [] },
    // `vendor/a` names the folder only.
    { named: "vendor/a", files: ["vendor/a/g.js"] },
    { named: "logs", files: [] },
    // `.git/info/exclude` is overridden the same way.
    { named: "private", files: ["private/p.js"] },
    // A nested ignore file between the repository root and the named folder.
    { named: "src/gen", files: ["src/gen/h.js"] },
  ])("scan $named", ({ named, files }) => {
    tree = repo();
    expect(list([named], tree.root)).toEqual(files);
  });

  it("`.` run from inside an ignored folder is a named folder too", () => {
    tree = repo();
    expect(list(["."], `${tree.root}/build/sub`)).toEqual([".gitignore", "a.js"]);
    expect(list([], `${tree.root}/build`)).toEqual(["d.js", "sub/.gitignore", "sub/a.js"]);
  });

  it("a named file is scanned even when ignored", () => {
    tree = repo();
    expect(list(["top.txt", "build/sub/b.log", "build/sub/deep/c.js", "out/x/e.js"], tree.root)).toEqual([
      "top.txt",
      "build/sub/b.log",
      "build/sub/deep/c.js",
      "out/x/e.js",
    ]);
  });

  it("folder names with glob characters are re-included literally", () => {
    tree = makeTempTree({
      ".git/HEAD": "ref: refs/heads/main\n",
      ".gitignore": "*\n!*/\n!*.js\nweird*/\n",
      "weird[1]*?/a.js": "x",
      "weird[1]*?/b.txt": "x",
      "weirdX/c.js": "x",
    });
    expect(list(["weird[1]*?"], tree.root)).toEqual(["weird[1]*?/a.js"]);
  });

  it("--no-ignore still scans everything", () => {
    tree = repo();
    expect(list(["build/sub"], tree.root, true)).toEqual([
      "build/sub/.gitignore",
      "build/sub/a.js",
      "build/sub/b.log",
      "build/sub/build/e.js",
      "build/sub/cache1/f.js",
      "build/sub/deep/c.js",
      "build/sub/secret.env",
    ]);
  });
});

describe("finta-guard scan on ignored paths named explicitly", () => {
  const key = fake.liveKey(31);
  const other = fake.liveKey(32);

  async function findings(args: string[], cwd: string) {
    const out = await runCli(["scan", ...args, "--format", "json"], cwd);
    const report = JSON.parse(out.stdout) as { findings: { ruleId: string; file: string; line: number; column: number }[]; stats: { files: number } };
    return { code: out.code, files: report.stats.files, where: report.findings.map(({ ruleId, file, line, column }) => ({ ruleId, file, line, column })) };
  }

  it("reports the secrets of a named folder under an ignored one, and of a named ignored file", async () => {
    tree = makeTempTree({
      ".git/HEAD": "ref: refs/heads/main\n",
      ".gitignore": "dist/\n*.bak\n",
      "dist/config/app.js": `// built\nconst key = "${key}";\n`,
      "dist/config/old.bak": `key = "${other}"\n`,
      "notes.bak": `\n\nkey: ${other}\n`,
    });
    expect(await findings(["."], tree.root)).toEqual({ code: 0, files: 1, where: [] });
    expect(await findings(["dist/config"], tree.root)).toEqual({
      code: 1,
      files: 1,
      where: [{ ruleId: "finta-secret-key-live", file: "dist/config/app.js", line: 2, column: 14 }],
    });
    expect(await findings(["notes.bak", "dist/config/old.bak"], tree.root)).toEqual({
      code: 1,
      files: 2,
      where: [
        { ruleId: "finta-secret-key-live", file: "dist/config/old.bak", line: 1, column: 8 },
        { ruleId: "finta-secret-key-live", file: "notes.bak", line: 3, column: 6 },
      ],
    });
  });
});
