/**
 * The one CI recipe every place shows (the audit's fix text, the README,
 * docs/ci.md and docs/examples/github-actions.yml): scan the whole checkout,
 * and on pull requests every commit the pull request adds, as annotations.
 * test/docs/ci-snippet.test.ts holds the documents to these exact commands,
 * so a change here is a change everywhere.
 */
export const CI_CHECKOUT_SCAN = "npx finta-guard scan --format github";
export const CI_PULL_REQUEST_SCAN = 'npx finta-guard scan --history "origin/${BASE_REF}..HEAD" --format github';

/** The steps of a GitHub Actions job, indented for a workflow's `steps:`. */
export const CI_STEPS: readonly string[] = [
  "- uses: actions/checkout@v4",
  "  with:",
  "    fetch-depth: 0",
  `- run: ${CI_CHECKOUT_SCAN}`,
  "- if: github.event_name == 'pull_request'",
  "  env:",
  "    BASE_REF: ${{ github.base_ref }}",
  `  run: ${CI_PULL_REQUEST_SCAN}`,
];
