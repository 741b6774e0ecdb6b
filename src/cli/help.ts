/** The usage texts: the only copies of them (`--help`, `help [COMMAND]`, `COMMAND --help`). */
export const HELP = `finta-guard: keep Finta credentials and other secrets out of git

Usage:
  finta-guard scan [PATH...]           scan files and folders of the working tree (default: .)
  finta-guard scan --staged            scan what the index holds for the next commit
  finta-guard scan --history [RANGE]   scan git history (default: all commits reachable from HEAD)
  finta-guard scan - [--stdin-name PATH]
                                       scan standard input, reported as PATH      [<stdin>]
  finta-guard install                  install the pre-commit hook (husky or plain git)
  finta-guard install --global         also when core.hooksPath is a folder shared by all repositories
  finta-guard uninstall                remove what install added
  finta-guard baseline [PATH...]       record current findings' fingerprints in the baseline
  finta-guard audit                    check the repository against the Finta security checklist
  finta-guard rules                    list the active rules
  finta-guard ci                       CI entry point: scan the PR's or push's commits (GitHub Actions,
                                       GitLab MRs), annotations, job summary, SARIF (--sarif-output FILE)
  finta-guard merge REPORT...          join the JSON or SARIF reports of scan --shard 1/N … N/N
  finta-guard help [COMMAND] | version (also --help, COMMAND --help, --version)

Options:
  --format text|compact|json|sarif|github
                                       report format (rules: text|json|markdown)   [text]
  -o, --output FILE                    write the report to FILE instead of stdout
  --config FILE                        configuration file      [finta-guard.config.json]
  --config-from REV                    read configuration, ignore files and baseline from git revision REV (CI)
  --baseline FILE                      baseline file           [.finta-guard-baseline.json]
  --fail-on info|low|medium|high|critical
                                       lowest severity that makes the exit code 1  [low]
  --no-redact                          print secrets in full (never the default; --redact: the default)
  --exit-zero                          exit 0 even with findings (errors still exit 2)
  --color, --no-color                  force colour on or off          [on for a terminal, NO_COLOR]
  --no-ignore                          do not honour .gitignore / .finta-guardignore
  -j, --jobs N                         worker threads          [number of cores]
  --include GLOB, --exclude GLOB       only / never scan matching paths (repeatable)
  --all-lines                          --staged: block on findings in untouched lines too
  --shard K/N                          scan only shard K of N (tree: by path, --history: by commit)
  --audit-log FILE                     scan, audit, baseline: append one JSON line per run to FILE
  --no-inline-allow                    ignore finta-guard:allow comments (audit them in CI)
  --report-unused                      list allow comments and baseline entries that matched nothing
  --fail-on-unused                     with --report-unused: exit 1 when there are any
  --prune                              baseline: drop entries that no longer match anything
  --staged, --add FP, --reason TEXT    baseline: record only what blocks this commit / one fingerprint
  --import gitleaks|detect-secrets FILE   baseline: convert a peer tool's baseline
  --progress, --no-progress            force the progress line on stderr on or off [on for a TTY]
  --verify                             scan: check each Finta key found against GET {base}/v2/me
                                       (base https://api.finta.io; FINTA_API_BASE or verify.baseUrl)
  --only-live                          with --verify: report only keys that still work
  --verify-timeout MS                  with --verify: deadline of one request  [5000]
  -v, --verbose                        also list suppressed findings
  -q, --quiet                          text report: print only findings, no summary when clean

Exit codes: 0 nothing at or above --fail-on, 1 findings (audit: a failed check), 2 error.
Inline allow: a line containing "finta-guard:allow [rule-id] [-- reason]" is not reported;
the marker alone on a line applies to the next line.
`;

/** `finta-guard scan --help`: the options of that command, and examples. */
export const SCAN_HELP = `Usage: finta-guard scan [options] [PATH...]
       finta-guard scan --staged [options]
       finta-guard scan --history [options] [RANGE]

Scan files and folders (default: .), the staged changes of the next commit, or git history.

Options:
  --format text|compact|json|sarif|github   report format                  [text]
  -o, --output FILE                    write the report to FILE (a summary goes to stderr)
  --fail-on info|low|medium|high|critical   lowest severity that exits 1   [low]
  --exit-zero                          exit 0 even with findings (errors still exit 2)
  --config FILE, --baseline FILE       configuration and baseline files
  --staged, --all-lines                scan the index; --all-lines: untouched lines block too
  --history [RANGE]                    scan commits (RANGE as git takes it)
  --include GLOB, --exclude GLOB       tree scans: only / never scan matching paths
  --no-ignore                          do not honour .gitignore / .finta-guardignore
  --no-inline-allow                    ignore allow comments and peer markers
  --report-unused, --fail-on-unused    list (and fail on) allows that matched nothing
  --no-redact                          print secrets in full (--redact: the default)
  --color, --no-color                  force colour on or off
  --verify, --only-live, --verify-timeout MS   check Finta keys against the API
  -j, --jobs N, --progress, --no-progress, -v, --verbose, -q, --quiet, --audit-log FILE

Examples:
  finta-guard scan --staged                         what the pre-commit hook runs
  finta-guard scan --format sarif -o scan.sarif .   a CI scan of the tree, SARIF for code scanning
`;

/** `finta-guard baseline --help`. */
export const BASELINE_HELP = `Usage: finta-guard baseline [options] [PATH...]
       finta-guard baseline --staged [--reason TEXT]
       finta-guard baseline --add FINGERPRINT [--reason TEXT]
       finta-guard baseline --import gitleaks|detect-secrets FILE

Record findings in the baseline file (.finta-guard-baseline.json) so later scans report only
what is new. Commit the baseline file.

Options:
  --staged                             only the findings that block the current commit
  --add FINGERPRINT                    only the finding with this fingerprint (repeatable)
  --reason TEXT                        why these findings are accepted (stored in the entries)
  --import gitleaks|detect-secrets FILE   convert a gitleaks report or a .secrets.baseline
  --prune                              drop entries that no longer match anything
  --baseline FILE, --config FILE, --no-inline-allow, --include GLOB, --exclude GLOB

Examples:
  finta-guard baseline --staged --reason "test fixture, not a live key"
  finta-guard baseline --import detect-secrets .secrets.baseline
`;

/** The usage text for a command (the general one when it has none of its own). */
export function helpFor(command: string | undefined): string {
  if (command === "scan") return SCAN_HELP;
  if (command === "baseline") return BASELINE_HELP;
  return HELP;
}
