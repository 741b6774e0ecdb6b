/**
 * Validates SARIF logs with Microsoft's official validator (`sarif-multitool
 * validate`, devDependency @microsoft/sarif-multitool; offline). It checks
 * the JSON schema (JSON1xxx) and the SARIF rules (SARIF1xxx/2xxx).
 *
 * Two traps, handled here: the validator silently skips files not named
 * `*.sarif`, and it exits 0 even when it reports errors, so the verdict is
 * read from its own SARIF output, and the number of files it says it scanned
 * is checked. Batch several logs into one call: each start costs ~2 s.
 */
import { spawnSync } from "node:child_process";
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The validator is a .NET program: ~2 s to start alone, far more on a busy machine. */
export const VALIDATOR_TIMEOUT_MS = 120_000;

export interface SarifIssue {
  /** The name the log was given. */
  readonly log: string;
  readonly level: string;
  readonly ruleId: string;
  readonly message: string;
}

export interface SarifValidation {
  readonly errors: SarifIssue[];
  readonly warnings: SarifIssue[];
}

function validatorPath(): string {
  const require = createRequire(import.meta.url);
  // The package's main resolves to the binary of this platform's package.
  const binary = require("@microsoft/sarif-multitool") as string;
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    // npm may skip the package's postinstall (`chmod u+x`) when install scripts are not allowed.
    chmodSync(binary, 0o755);
  }
  return binary;
}

interface ValidatorLog {
  runs: { results?: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] }; locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }[] }[];
}

/** Validate named SARIF texts in one validator run. */
export function validateSarif(logs: Readonly<Record<string, string>>): SarifValidation {
  const names = Object.keys(logs);
  if (names.length === 0) return { errors: [], warnings: [] };
  const dir = mkdtempSync(join(tmpdir(), "finta-guard-sarif-"));
  try {
    const files = names.map((name, i) => {
      const file = join(dir, `log-${i}.sarif`);
      writeFileSync(file, logs[name] ?? "");
      return file;
    });
    const output = join(dir, "validation.json");
    const run = spawnSync(validatorPath(), ["validate", ...files, "--output", output], {
      encoding: "utf8",
      // A .NET program: it needs no ICU for this, and must not phone home.
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1", DOTNET_CLI_TELEMETRY_OPTOUT: "1" },
    });
    if (run.error) throw run.error;
    const scanned = /Done\. (\d+) files? scanned/.exec(run.stdout)?.[1];
    if (Number(scanned) !== files.length) {
      throw new Error(`sarif-multitool scanned ${scanned ?? "no"} files of ${files.length}:\n${run.stdout}\n${run.stderr}`);
    }
    const result = JSON.parse(readFileSync(output, "utf8")) as ValidatorLog;
    const issues = (result.runs[0]?.results ?? []).map((r) => {
      const uri = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? "";
      const index = Number(/log-(\d+)\.sarif$/.exec(uri)?.[1] ?? -1);
      return {
        log: names[index] ?? uri,
        // SARIF's default level is "warning".
        level: r.level ?? "warning",
        ruleId: r.ruleId,
        message: r.message.text ?? [r.message.id, ...(r.message.arguments ?? [])].join(" "),
      };
    });
    return { errors: issues.filter((i) => i.level === "error"), warnings: issues.filter((i) => i.level === "warning") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
