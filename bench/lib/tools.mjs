// The reference tools the benchmark compares against, found or installed on
// first use: ripgrep from Debian (apt-get), secretlint with its recommended
// preset from npm into bench/.work/secretlint (never a project dependency).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const which = (name) => {
  const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
};

/** Path of `rg`, installing Debian's ripgrep when missing; null (with a message) if impossible. */
export function ensureRipgrep(log) {
  let rg = which("rg");
  if (rg) return rg;
  log("ripgrep (rg) not found: installing it with apt-get install -y ripgrep …");
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const sudo = root ? [] : ["sudo", "-n"];
  const run = (args) => spawnSync(sudo[0] ?? args[0], [...sudo.slice(1), ...(sudo.length ? args : args.slice(1))], {
    stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  let r = run(["apt-get", "install", "-y", "ripgrep"]);
  if (r.status !== 0) {
    run(["apt-get", "update"]);
    r = run(["apt-get", "install", "-y", "ripgrep"]);
  }
  rg = which("rg");
  if (!rg) {
    log(`could not install ripgrep (${(r.stderr || r.error?.message || "").trim().split("\n").pop()}); ` +
      "install it yourself (apt-get install ripgrep) to get the rg reference; continuing without it.");
  }
  return rg;
}

export const grepPath = () => which("grep");
export const gitPath = () => which("git");
export const timeVPath = () => (existsSync("/usr/bin/time") ? "/usr/bin/time" : null);

// Pinned: the newest line that still runs on Node 20 (12.x and later need Node 22).
export const SECRETLINT_PACKAGES = ["secretlint@11.7.1", "@secretlint/secretlint-rule-preset-recommend@11.7.1"];

/**
 * secretlint's CLI and a config enabling the recommended preset, installed in
 * `workDir/secretlint` on first use. Returns { bin, config, version } or null.
 */
export function ensureSecretlint(workDir, log) {
  const dir = join(workDir, "secretlint");
  const bin = join(dir, "node_modules", ".bin", "secretlint");
  const config = join(dir, ".secretlintrc.json");
  const stampFile = join(dir, "installed.txt");
  const wanted = SECRETLINT_PACKAGES.join(" ");
  const installed = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : null;
  if (!existsSync(bin) || installed !== wanted) {
    log(`installing ${SECRETLINT_PACKAGES.join(" ")} into ${dir} (first run only) …`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "bench-secretlint", private: true }, null, 2) + "\n");
    const r = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--silent", ...SECRETLINT_PACKAGES], {
      cwd: dir, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8",
    });
    if (r.status !== 0 || !existsSync(bin)) {
      log(`could not install secretlint: ${(r.stderr || "").trim().split("\n").pop()}; continuing without it.`);
      return null;
    }
    writeFileSync(stampFile, wanted + "\n");
  }
  writeFileSync(config, JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] }, null, 2) + "\n");
  const v = spawnSync(bin, ["--version"], { encoding: "utf8" });
  return { bin, config, dir, version: (v.stdout || "").trim() };
}
