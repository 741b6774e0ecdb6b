/**
 * keys-per-environment: each environment has its own keys. Reads the
 * per-environment files present in the working tree (`.env.<env>`,
 * `.env.<env>.local`, `config/finta.<env>.json|yaml|yml`), finds Finta
 * credentials in them with the scanner's `finta-*` rules, and compares them
 * by value fingerprint (sha256 prefix; values are never printed):
 *   - one value in two environments fails (a leak in one is a leak in both);
 *   - a live secret key (`sk_live_`) in development or test fails;
 *   - a test secret key (`sk_test_`) in production warns (payments would not go through).
 * The files are usually git-ignored, which is why the working tree is read.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { valueFingerprint } from "../../findings/fingerprint.js";
import { scanString } from "../../scan/stream-scanner.js";
import { fintaCredentialEngine, readRepoText } from "../repo-files.js";
import type { Check, CheckResult, Evidence } from "../types.js";

export const ENVIRONMENTS = ["development", "test", "staging", "production"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

const ALIASES: Record<string, Environment> = {
  development: "development",
  dev: "development",
  test: "test",
  testing: "test",
  staging: "staging",
  stage: "staging",
  production: "production",
  prod: "production",
};

/** Folders where per-environment files are looked for, relative to the repository root. */
export const ENV_FILE_DIRS = ["", "config"] as const;

/** The environment a file name stands for, or undefined when it is not a per-environment file. */
export function environmentOf(dir: string, name: string): Environment | undefined {
  const env = /^\.env\.([a-z]+)(?:\.local)?$/i.exec(name)?.[1];
  if (env !== undefined) return ALIASES[env.toLowerCase()];
  if (dir === "config") {
    const cfg = /^finta\.([a-z]+)\.(?:json|ya?ml)$/i.exec(name)?.[1];
    if (cfg !== undefined) return ALIASES[cfg.toLowerCase()];
  }
  return undefined;
}

interface Occurrence {
  readonly file: string;
  readonly line: number;
  readonly env: Environment;
  readonly fp: string;
  readonly kind: "live" | "test" | "other";
}

function listEnvironmentFiles(repoRoot: string): { file: string; env: Environment }[] {
  const out: { file: string; env: Environment }[] = [];
  for (const dir of ENV_FILE_DIRS) {
    let names: string[];
    try {
      names = readdirSync(join(repoRoot, dir));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const env = environmentOf(dir, name);
      if (env) out.push({ file: dir ? `${dir}/${name}` : name, env });
    }
  }
  return out;
}

export const keysPerEnvironment: Check = {
  id: "keys-per-environment",
  title: "Each environment has its own keys",
  practice: "Development, test, staging and production use separate keys with minimal scopes; live keys never leave production.",
  async run({ repoRoot }): Promise<CheckResult> {
    const files = listEnvironmentFiles(repoRoot);
    if (files.length === 0) {
      return {
        id: this.id,
        title: this.title,
        status: "skip",
        reason: "No per-environment files found (.env.<env>, .env.<env>.local, config/finta.<env>.json).",
        evidence: [],
        fix: "",
      };
    }
    const occurrences: Occurrence[] = [];
    for (const { file, env } of files) {
      const text = readRepoText(repoRoot, file);
      if (text === undefined) continue;
      for (const f of scanString(fintaCredentialEngine(), text)) {
        const kind = f.secret.startsWith("sk_live_") ? "live" : f.secret.startsWith("sk_test_") ? "test" : "other";
        occurrences.push({ file, line: f.line, env, fp: valueFingerprint(f.secret), kind });
      }
    }

    const failures: Evidence[] = [];
    const warnings: Evidence[] = [];
    // Value fingerprints behind each verdict, for the audit log.
    const failing = new Set<string>();
    const warning = new Set<string>();
    const byValue = new Map<string, Occurrence[]>();
    for (const o of occurrences) byValue.set(o.fp, [...(byValue.get(o.fp) ?? []), o]);
    for (const [fp, list] of byValue) {
      const envs = [...new Set(list.map((o) => o.env))];
      if (envs.length < 2) continue;
      for (const o of list) {
        const others = list.filter((x) => x.env !== o.env).map((x) => `${x.file}:${x.line}`);
        failures.push({ file: o.file, line: o.line, message: `same value (fingerprint ${fp}) in ${o.env} and ${others.join(", ")}` });
        failing.add(fp);
      }
    }
    for (const o of occurrences) {
      if (o.kind === "live" && (o.env === "development" || o.env === "test")) {
        failures.push({ file: o.file, line: o.line, message: `live secret key in ${o.env} (fingerprint ${o.fp})` });
        failing.add(o.fp);
      } else if (o.kind === "test" && o.env === "production") {
        warnings.push({ file: o.file, line: o.line, message: `test secret key in production (fingerprint ${o.fp})` });
        warning.add(o.fp);
      }
    }
    const order = (a: Evidence, b: Evidence) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0));
    const searched = `${files.length} file(s): ${files.map((f) => `${f.file} (${f.env})`).join(", ")}`;
    if (failures.length) {
      return {
        id: this.id,
        title: this.title,
        status: "fail",
        reason: `Keys are shared across environments or live keys are used outside production (${searched}).`,
        evidence: [...failures, ...warnings].sort(order),
        fingerprints: [...new Set([...failing, ...warning])],
        fix: [
          "Create a separate key per environment in the Finta dashboard (test-mode sk_test_ keys for development and test,",
          "a live key only in production, each with the smallest scopes it needs), put each in its own environment's file",
          "or secret store, then revoke the key that was shared or used outside production.",
        ].join("\n"),
      };
    }
    if (warnings.length) {
      return {
        id: this.id,
        title: this.title,
        status: "warn",
        reason: `A test-mode key is configured for production (${searched}).`,
        evidence: warnings.sort(order),
        fingerprints: [...warning],
        fix: "Use a live secret key (sk_live_) in production; test-mode keys cannot move money.",
      };
    }
    return {
      id: this.id,
      title: this.title,
      status: "pass",
      reason: `${occurrences.length} Finta credential(s), none shared across environments (${searched}).`,
      evidence: [],
      fix: "",
    };
  },
};
