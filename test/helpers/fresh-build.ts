/**
 * Vitest global setup: end-to-end tests run the built program (dist/), so a
 * build older than the sources would test yesterday's code and pass. Before
 * any test runs, compare dist/cli/main.js with every file it is built from
 * and rebuild when one is newer (or the build is missing). `npm test` builds
 * first anyway; this is for `npm run test:e2e` and `npx vitest run FILE`
 * during development.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function buildIsStale(): boolean {
  const bin = join(root, "dist", "cli", "main.js");
  if (!existsSync(bin)) return true;
  const inputs = ["src", "scripts", "package.json", "tsconfig.json", "tsconfig.build.json"].map((p) => join(root, p)).filter((p) => existsSync(p));
  return Math.max(...inputs.map(newestMtime)) > statSync(bin).mtimeMs;
}

export default function setup(): void {
  if (!buildIsStale()) return;
  process.stderr.write("dist/ is older than its sources: running npm run build before the tests\n");
  const built = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) throw new Error(`npm run build failed (exit ${built.status}); end-to-end tests would run a stale build`);
}
