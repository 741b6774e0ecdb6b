/** The usage text: the only copy of it. */
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
  finta-guard --version | --help

Options:
  --format text|json|sarif|github      report format (rules: text|json|markdown)   [text]
  -o, --output FILE                    write the report to FILE instead of stdout
  --config FILE                        configuration file      [finta-guard.config.json]
  --config-from REV                    read configuration, ignore files and baseline from git revision REV (CI)
  --baseline FILE                      baseline file           [.finta-guard-baseline.json]
  --fail-on info|low|medium|high|critical
                                       lowest severity that makes the exit code 1  [low]
  --no-redact                          print secrets in full (never the default)
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
