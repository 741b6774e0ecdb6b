// Bundles the command-line program after `tsc` has compiled src/ to dist/.
//
// Why: the pre-commit hook runs on every commit, and Node's ES module loader
// pays per file (resolve, read, compile, link). Loading ~90 small modules cost
// about 45 ms of a staged scan; one entry with lazily loaded chunks costs a
// fraction of it. The library (`exports`, dist/index.js and its types) stays
// tsc's plain output: only the program behind `bin` is bundled.
//
// The bundle overwrites dist/cli/main.js (the `bin` entry, so every script,
// hook and test that runs it gets the bundle) and writes its chunks and the
// scan worker (dist/cli/worker.js) next to it: src/scan/pool.ts finds the
// worker as `./worker.js` beside the code that starts it, and
// src/cli/version.ts / src/install/hook-text.ts read files two folders up,
// which holds for dist/cli/ as for dist/<folder>/.
//
// The built-in rules go in as plain data without their `examples`: those are
// test data (every rule's own true and false positives, generated at import
// time) and building them was a third of the rules' load time. They carry
// their `regionShape` precomputed. The test suite
// checks the bundled program lists exactly the rules of src/rules.
import { chmodSync, readdirSync, rmSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const cliDir = join(root, "dist", "cli");

const { builtinRules } = await import(pathToFileURL(join(root, "dist", "rules", "index.js")).href);
const { regionShape } = await import(pathToFileURL(join(root, "dist", "detect", "compile.js")).href);
// Each rule's region shape (how far around a keyword its regex can read) is
// worked out here once, instead of on every start of the program.
const shippedRules = builtinRules.map(({ examples: _examples, ...rule }) => ({ ...rule, regionShape: regionShape(rule) }));

// Chunks of an earlier build would otherwise pile up (their names carry a hash).
for (const name of readdirSync(cliDir)) {
  if (name.startsWith("chunk-") && name.endsWith(".js")) rmSync(join(cliDir, name));
}

/** Replaces dist/rules/index.js with the rules as one JSON literal (parsed faster than the equivalent object literal). */
const rulesAsData = {
  name: "rules-as-data",
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]rules[\\/]index\.js$/ }, () => ({
      contents: `export const builtinRules = JSON.parse(${JSON.stringify(JSON.stringify(shippedRules))});\n`,
      loader: "js",
    }));
  },
};

/**
 * `ci` and `merge` (CI-only commands) stay tsc's plain modules beside the
 * bundle (dist/cli/commands/), loaded by path. Bundled, they would share
 * modules with `scan` and esbuild would split the hook's chunks finer: more
 * files for every commit to load, for commands a hook never runs.
 */
const ciCommandsOutside = {
  name: "ci-commands-outside",
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/(ci|merge)\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

await build({
  entryPoints: { main: join(cliDir, "main.js"), worker: join(root, "dist", "scan", "worker.js") },
  outdir: cliDir,
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunk-[hash]",
  plugins: [rulesAsData, ciCommandsOutside],
  // micromatch and its helpers are CommonJS and call require() for node built-ins.
  banner: { js: "import { createRequire as __fintaGuardRequire } from 'node:module'; const require = __fintaGuardRequire(import.meta.url);" },
  logLevel: "warning",
});

// The bin is run directly (`npx finta-guard`, node_modules/.bin, the hooks):
// it must be executable whatever mode the compiler left it with.
chmodSync(join(cliDir, "main.js"), 0o755);
