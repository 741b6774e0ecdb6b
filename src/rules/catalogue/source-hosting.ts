/**
 * Source hosting and CI credentials: every GitHub and GitLab token kind,
 * Bitbucket, CircleCI, Travis CI, Buildkite and Atlassian (Jira/Confluence).
 *
 * GitHub and GitLab tokens carry documented prefixes, so these rules are
 * specific (85) and need no context; the right boundary matters more than the
 * left, because a token glued to further token characters is a different,
 * longer string (detect-secrets' negative cases test exactly that).
 */
import { fakeToken, joined, withSecret } from "../examples.js";
import type { RuleSpec } from "../types.js";
import { LEFT, RIGHT, SAME_LINE_VALUE_END, assigned, ci, namedBy, vendorWord } from "./dsl.js";

/** The 1,000 base64 groups that encode three ASCII digits (`000` → `MDAw`). */
const DIGIT_TRIPLE_GROUPS: readonly string[] = Array.from({ length: 1000 }, (_, n) => btoa(String(n).padStart(3, "0")));

/** A fake Data Center PAT: base64 of a 12-digit id, `:` and 20 pseudo-random bytes (never a real token). */
function dataCenterPat(seed: number): string {
  const id = fakeToken("", 12, "digits", `dc-pat-id-${seed}`);
  const random = [...fakeToken("", 20, "alnum", `dc-pat-${seed}`)].map((c, i) => String.fromCharCode((c.charCodeAt(0) * (i + 7)) % 256)).join("");
  return btoa(`${id}:${random}`);
}

const ROTATE = (what: string, where: string): string =>
  `Revoke this ${what} in ${where}, create a new one with the narrowest scopes and an expiry, store it as a CI/CD secret (never in the repository), and remove the old value from git history if it was pushed.`;

interface PrefixedToken {
  readonly id: string;
  readonly description: string;
  readonly provider: string;
  /** The prefix (or prefixes) the prefilter looks for, any case. */
  readonly keyword: string | readonly string[];
  /** Regex source of the whole token, prefix included. */
  readonly token: string;
  readonly example: string;
  readonly remediation: string;
  readonly docsUrl: string;
  readonly severity?: RuleSpec["severity"];
  readonly negative?: readonly string[];
}

/** A token recognised by its vendor prefix alone. */
function prefixed(t: PrefixedToken): RuleSpec {
  return {
    id: t.id,
    description: t.description,
    provider: t.provider,
    severity: t.severity ?? "high",
    keywords: (typeof t.keyword === "string" ? [t.keyword] : t.keyword).map((k) => k.toLowerCase()),
    regex: `${LEFT}(?<secret>${t.token})${RIGHT}`,
    entropy: 3.0,
    specificity: 85,
    remediation: t.remediation,
    docsUrl: t.docsUrl,
    tags: [t.provider.toLowerCase().replace(/\s+/g, "-"), "source-hosting"],
    examples: {
      positive: [withSecret(`${t.id.replace(/-/g, "_").toUpperCase()}="`, t.example, '"')],
      negative: [`${typeof t.keyword === "string" ? t.keyword : t.keyword[0] ?? ""}${"x".repeat(40)}`, ...(t.negative ?? [])],
    },
  };
}

const GH_DOCS = "https://docs.github.com/authentication/keeping-your-account-and-data-secure/token-expiration-and-revocation";
const GH_ROTATE = (what: string): string => ROTATE(what, "GitHub (Settings → Developer settings, or the app's settings)");
const GL_DOCS = "https://docs.gitlab.com/ee/security/tokens/";
const GL_ROTATE = (what: string): string => ROTATE(what, "GitLab (the token's settings page, or the API's rotate endpoint)");

const gh = (prefix: string, seed: string): string => fakeToken(prefix, 36, "alnum", seed);
const gl = (prefix: string, length: number, seed: string): string => fakeToken(prefix, length, "base64url", seed);

export const sourceHostingRules: readonly RuleSpec[] = [
  // ----------------------------------------------------------------- GitHub
  prefixed({
    id: "github-pat",
    description: "GitHub personal access token (classic, ghp_)",
    provider: "GitHub",
    keyword: "ghp_",
    token: "ghp_[A-Za-z0-9]{36}",
    example: gh("ghp_", "ghp"),
    remediation: GH_ROTATE("personal access token"),
    docsUrl: GH_DOCS,
    severity: "critical",
  }),
  prefixed({
    id: "github-fine-grained-pat",
    description: "GitHub fine-grained personal access token (github_pat_)",
    provider: "GitHub",
    keyword: "github_pat_",
    // 22 characters, `_`, 59 characters: 82 after the prefix.
    token: "github_pat_[A-Za-z0-9_]{82}",
    example: joined("github_pat_", fakeToken("", 22, "alnum", "ghfg-a"), "_", fakeToken("", 59, "alnum", "ghfg-b")),
    remediation: GH_ROTATE("fine-grained token"),
    docsUrl: GH_DOCS,
    severity: "critical",
  }),
  prefixed({
    id: "github-oauth-token",
    description: "GitHub OAuth access token (gho_)",
    provider: "GitHub",
    keyword: "gho_",
    token: "gho_[A-Za-z0-9]{36}",
    example: gh("gho_", "gho"),
    remediation: GH_ROTATE("OAuth token"),
    docsUrl: GH_DOCS,
  }),
  prefixed({
    id: "github-app-token",
    description: "GitHub App user-to-server or server-to-server token (ghu_, ghs_)",
    provider: "GitHub",
    keyword: ["ghu_", "ghs_"],
    // Installation tokens may also come as ghs_<date>_<JWT-like body>.
    token: "gh[us]_[A-Za-z0-9]{36}|ghs_\\d{8}_eyJ[A-Za-z0-9_.-]{40,4000}",
    example: gh("ghs_", "ghs"),
    remediation: GH_ROTATE("GitHub App token"),
    docsUrl: GH_DOCS,
    negative: ["ghu_" + "x".repeat(36)],
  }),
  prefixed({
    id: "github-refresh-token",
    description: "GitHub App refresh token (ghr_)",
    provider: "GitHub",
    keyword: "ghr_",
    token: "ghr_[A-Za-z0-9]{36,76}",
    example: gh("ghr_", "ghr"),
    remediation: GH_ROTATE("refresh token"),
    docsUrl: GH_DOCS,
  }),

  // ----------------------------------------------------------------- GitLab
  prefixed({
    id: "gitlab-pat",
    description: "GitLab personal, project or group access token (glpat-, including routable tokens)",
    provider: "GitLab",
    keyword: "glpat-",
    // Legacy: 20 characters. Routable (GitLab 17.x+): 27+ characters, `.`,
    // then a 2-character version and 7-character CRC in base36.
    token: "glpat-(?:[\\w-]{27,300}\\.[0-9a-z]{2}[0-9a-z]{7}|[\\w-]{20})(?![\\w.-])",
    example: gl("glpat-", 20, "glpat"),
    remediation: GL_ROTATE("access token"),
    docsUrl: GL_DOCS,
    severity: "critical",
    negative: ["glpat-abc", "glpat_hellOworld380_testin"],
  }),
  prefixed({
    id: "gitlab-deploy-token",
    description: "GitLab deploy token (gldt-)",
    provider: "GitLab",
    keyword: "gldt-",
    token: "gldt-[\\w-]{20}",
    example: gl("gldt-", 20, "gldt"),
    remediation: GL_ROTATE("deploy token"),
    docsUrl: GL_DOCS,
  }),
  prefixed({
    id: "gitlab-runner-token",
    description: "GitLab runner authentication token (glrt-, including routable tokens)",
    provider: "GitLab",
    keyword: "glrt-",
    token: "glrt-(?:t\\d_[\\w-]{27,300}\\.[0-9a-z]{2}[0-9a-z]{7}|[\\w-]{20})(?![\\w.-])",
    example: gl("glrt-", 20, "glrt"),
    remediation: GL_ROTATE("runner authentication token"),
    docsUrl: GL_DOCS,
  }),
  prefixed({
    id: "gitlab-runner-registration-token",
    description: "GitLab runner registration token (GR1348941…)",
    provider: "GitLab",
    keyword: "gr1348941",
    token: "GR1348941[\\w-]{20,50}",
    example: gl("GR1348941", 20, "glrrt"),
    remediation: GL_ROTATE("runner registration token"),
    docsUrl: GL_DOCS,
  }),
  prefixed({
    id: "gitlab-pipeline-trigger-token",
    description: "GitLab pipeline trigger token (glptt-)",
    provider: "GitLab",
    keyword: "glptt-",
    token: "glptt-[\\w-]{40}",
    example: fakeToken("glptt-", 40, "hex", "glptt"),
    remediation: GL_ROTATE("pipeline trigger token"),
    docsUrl: GL_DOCS,
  }),
  prefixed({
    id: "gitlab-scim-token",
    description: "GitLab SCIM OAuth token (glsoat-)",
    provider: "GitLab",
    keyword: "glsoat-",
    token: "glsoat-[\\w-]{20}",
    example: gl("glsoat-", 20, "glsoat"),
    remediation: GL_ROTATE("SCIM token"),
    docsUrl: GL_DOCS,
  }),
  prefixed({
    id: "gitlab-feature-flag-client-token",
    description: "GitLab feature flag client token (glffct-)",
    provider: "GitLab",
    keyword: "glffct-",
    token: "glffct-[\\w-]{20}",
    example: gl("glffct-", 20, "glffct"),
    remediation: GL_ROTATE("feature flag client token"),
    docsUrl: GL_DOCS,
  }),
  prefixed({
    id: "gitlab-feed-token",
    description: "GitLab feed token (glft-)",
    provider: "GitLab",
    keyword: "glft-",
    token: "glft-[\\w-]{20}",
    example: gl("glft-", 20, "glft"),
    remediation: GL_ROTATE("feed token"),
    docsUrl: GL_DOCS,
  }),
  prefixed({
    id: "gitlab-incoming-mail-token",
    description: "GitLab incoming mail token (glimt-)",
    provider: "GitLab",
    keyword: "glimt-",
    token: "glimt-[\\w-]{25}",
    example: gl("glimt-", 25, "glimt"),
    remediation: GL_ROTATE("incoming mail token"),
    docsUrl: GL_DOCS,
  }),
  prefixed({
    id: "gitlab-kubernetes-agent-token",
    description: "GitLab agent for Kubernetes token (glagent-)",
    provider: "GitLab",
    keyword: "glagent-",
    token: "glagent-[\\w-]{50,1024}",
    example: gl("glagent-", 50, "glagent"),
    remediation: GL_ROTATE("agent token"),
    docsUrl: GL_DOCS,
  }),
  prefixed({
    id: "gitlab-oauth-app-secret",
    description: "GitLab OAuth application secret (gloas-)",
    provider: "GitLab",
    keyword: "gloas-",
    token: "gloas-[\\w-]{64}",
    example: gl("gloas-", 64, "gloas"),
    remediation: GL_ROTATE("OAuth application secret"),
    docsUrl: GL_DOCS,
  }),
  prefixed({
    id: "gitlab-cicd-job-token",
    description: "GitLab CI/CD job token (glcbt-)",
    provider: "GitLab",
    keyword: "glcbt-",
    token: "glcbt-(?:[0-9a-fA-F]{1,5}_)?[\\w-]{20}",
    example: gl("glcbt-", 20, "glcbt"),
    remediation: GL_ROTATE("job token"),
    docsUrl: GL_DOCS,
  }),
  {
    id: "gitlab-session-cookie",
    description: "GitLab session cookie (_gitlab_session=…)",
    provider: "GitLab",
    severity: "high",
    keywords: ["_gitlab_session="],
    regex: "_gitlab_session=(?<secret>[0-9a-z]{32})(?![0-9a-z])",
    entropy: 3.0,
    specificity: 85,
    remediation: "Sign out of that GitLab session (User settings → Active sessions → Revoke) and remove the cookie from the repository and its history.",
    docsUrl: GL_DOCS,
    tags: ["gitlab", "source-hosting"],
    examples: {
      positive: [withSecret("Cookie: _gitlab_session=", fakeToken("", 32, "lowerAlnum", "gl-session"))],
      negative: ["_gitlab_session=" + "x".repeat(32)],
    },
  },

  // -------------------------------------------------------------- Bitbucket
  prefixed({
    id: "bitbucket-app-password",
    description: "Bitbucket app password (ATBB…)",
    provider: "Bitbucket",
    keyword: "atbb",
    token: "ATBB[A-Za-z0-9]{32}(?:[A-F0-9]{8})?",
    example: fakeToken("ATBB", 32, "alnum", "atbb"),
    remediation: ROTATE("app password", "Bitbucket (Personal settings → App passwords)"),
    docsUrl: "https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/",
  }),
  prefixed({
    id: "bitbucket-data-center-token",
    description: "Bitbucket Data Center / Server HTTP access token (BBDC-…)",
    provider: "Bitbucket",
    keyword: "bbdc-",
    token: "BBDC-[A-Za-z0-9+/]{44}",
    example: fakeToken("BBDC-", 44, "base64", "bbdc"),
    remediation: ROTATE("HTTP access token", "Bitbucket Data Center (Manage account → HTTP access tokens)"),
    docsUrl: "https://confluence.atlassian.com/bitbucketserver/http-access-tokens-939515499.html",
  }),
  {
    id: "bitbucket-client-secret",
    description: "Bitbucket OAuth consumer key or secret assigned to a Bitbucket name",
    provider: "Bitbucket",
    severity: "high",
    keywords: ["bitbucket"],
    // Consumer keys are 18–32 characters, secrets 32–64; both lowercase
    // alphanumerics in gitleaks' samples, mixed case in the wild.
    regex: assigned([vendorWord("bitbucket")], "[A-Za-z0-9=_-]{64}|[A-Za-z0-9]{32}", { sameLine: true }),
    entropy: 3.5,
    specificity: 55,
    remediation: ROTATE("OAuth consumer", "Bitbucket (Workspace settings → OAuth consumers)"),
    docsUrl: "https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/",
    tags: ["bitbucket", "source-hosting"],
    examples: {
      positive: [withSecret('String bitbucketToken = "', fakeToken("", 32, "lowerAlnum", "bb-id"), '";')],
      negative: ['bitbucket_workspace = "my-team"'],
    },
  },

  // --------------------------------------------------------------- CircleCI
  prefixed({
    id: "circleci-token",
    description: "CircleCI personal or project API token (CCIPAT_, CCIPRJ_)",
    provider: "CircleCI",
    keyword: ["ccipat_", "cciprj_"],
    token: "CCIP(?:AT|RJ)_[A-Za-z0-9]{22}_[a-f0-9]{40}",
    example: joined("CCIPAT_", fakeToken("", 22, "alnum", "cci-a"), "_", fakeToken("", 40, "hex", "cci-b")),
    remediation: ROTATE("API token", "CircleCI (User settings → Personal API tokens, or Project settings → API permissions)"),
    docsUrl: "https://circleci.com/docs/managing-api-tokens/",
  }),
  {
    id: "circleci-token-assigned",
    description: "CircleCI API token (40 hex characters assigned to a CircleCI name)",
    provider: "CircleCI",
    severity: "high",
    keywords: ["circle"],
    regex: assigned([vendorWord("circle")], "[a-f0-9]{40}", { sameLine: true }),
    entropy: 3.0,
    specificity: 55,
    remediation: ROTATE("API token", "CircleCI (User settings → Personal API tokens)"),
    docsUrl: "https://circleci.com/docs/managing-api-tokens/",
    tags: ["circleci", "source-hosting"],
    examples: {
      positive: [withSecret("CIRCLE_TOKEN=", fakeToken("", 40, "hex", "circle"))],
      negative: ["CIRCLE_SHA1=${CIRCLE_SHA1}"],
    },
  },

  // -------------------------------------------------------------- Travis CI
  {
    id: "travisci-access-token",
    description: "Travis CI access token (22 characters assigned to a Travis name)",
    provider: "Travis CI",
    severity: "high",
    keywords: ["travis"],
    regex: assigned([vendorWord("travis")], "[A-Za-z0-9_-]{22}", { sameLine: true }),
    entropy: 3.0,
    specificity: 55,
    remediation: ROTATE("access token", "Travis CI (Settings → API authentication → regenerate)"),
    docsUrl: "https://docs.travis-ci.com/user/migrate/travis-migrate-to-apps-gem-guide/",
    tags: ["travis", "source-hosting"],
    examples: {
      positive: [withSecret("travis_token: ", fakeToken("", 22, "lowerAlnum", "travis"))],
      negative: ["travis_branch: main"],
    },
  },

  // -------------------------------------------------------------- Buildkite
  prefixed({
    id: "buildkite-api-token",
    description: "Buildkite API access token (bkua_)",
    provider: "Buildkite",
    keyword: "bkua_",
    token: "bkua_[a-f0-9]{40}",
    example: fakeToken("bkua_", 40, "hex", "bkua"),
    remediation: ROTATE("API access token", "Buildkite (Personal settings → API access tokens)"),
    docsUrl: "https://buildkite.com/docs/apis/managing-api-tokens",
  }),
  {
    id: "buildkite-agent-token",
    description: "Buildkite agent token assigned to a Buildkite agent name",
    provider: "Buildkite",
    severity: "high",
    keywords: ["buildkite"],
    regex: assigned([`${vendorWord("buildkite")}[_.-]?${ci("agent")}[_.-]?${ci("token")}`], "[a-f0-9]{50}|bkct_[A-Za-z0-9]{32,64}", { sameLine: true }),
    entropy: 3.0,
    specificity: 60,
    remediation: ROTATE("agent token", "Buildkite (Agents → Agent tokens)"),
    docsUrl: "https://buildkite.com/docs/agent/v3/tokens",
    tags: ["buildkite", "source-hosting"],
    examples: {
      positive: [withSecret("BUILDKITE_AGENT_TOKEN=", fakeToken("", 50, "hex", "bk-agent"))],
      negative: ["BUILDKITE_AGENT_TOKEN=$BUILDKITE_AGENT_TOKEN"],
    },
  },

  // -------------------------------------------------------------- Atlassian
  prefixed({
    id: "atlassian-api-token",
    description: "Atlassian API token (ATATT3…, ATCTT3…, ATBBT3…)",
    provider: "Atlassian",
    keyword: ["atatt3", "atctt3", "atbbt3"],
    // Current tokens: ATATT3 + ~180 base64url characters, `=`, 8-hex checksum.
    token: "AT(?:ATT|CTT|BBT)3[A-Za-z0-9_=-]{150,250}",
    example: joined(fakeToken("ATATT3", 183, "base64url", "atatt"), "=", fakeToken("", 8, "upperHex", "atatt-crc")),
    remediation: ROTATE("API token", "Atlassian (id.atlassian.com → Security → API tokens)"),
    docsUrl: "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",
  }),
  {
    id: "atlassian-data-center-pat",
    description: "Jira / Confluence Data Center personal access token (base64 of a 12-digit id, `:` and 20 random bytes)",
    provider: "Atlassian",
    severity: "high",
    // The token is 44 characters of base64 over `<12-digit id>:<20 bytes>`:
    // four groups that encode three ASCII digits each, then `O` + g–v (the
    // `:` and the first bits of the random part), then 26 more characters.
    // Nothing else is fixed, so the keywords are the 1,000 possible first
    // groups (frequent in code: `ndex`, `ntex`; see test/rules/rule-quality).
    keywords: DIGIT_TRIPLE_GROUPS.map((g) => g.toLowerCase()),
    regex: `(?<![A-Za-z0-9+=_-])(?<secret>(?:[MNO][DTjz][AEIMQUYcgk][wxyz0-5]){4}O[g-v][A-Za-z0-9+/]{26})(?![A-Za-z0-9+=_-])`,
    entropy: 3.5,
    specificity: 60,
    remediation: ROTATE("personal access token", "Jira or Confluence (Profile → Personal Access Tokens → Revoke)"),
    docsUrl: "https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html",
    tags: ["atlassian", "source-hosting"],
    examples: {
      positive: [withSecret("curl -H 'Authorization: Bearer ", dataCenterPat(7), "' https://jira.example.com/rest/api/2/myself")],
      negative: [`Authorization: Bearer ${dataCenterPat(8).slice(0, 40)}`, "MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIz"],
    },
  },
  {
    id: "atlassian-api-token-assigned",
    description: "Atlassian (Jira, Confluence) API token: 24 characters assigned to an Atlassian name",
    provider: "Atlassian",
    severity: "high",
    keywords: ["atlassian", "confluence", "jira"],
    regex: assigned([vendorWord("atlassian"), vendorWord("confluence"), vendorWord("jira")], "[A-Za-z0-9]{24}", { sameLine: true }),
    entropy: 3.5,
    specificity: 55,
    remediation: ROTATE("API token", "Atlassian (id.atlassian.com → Security → API tokens)"),
    docsUrl: "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",
    tags: ["atlassian", "source-hosting"],
    examples: {
      positive: [withSecret("JIRA_API_TOKEN=", fakeToken("", 24, "alnum", "jira"))],
      negative: ["JIRA_PROJECT=PLATFORM"],
    },
  },
];
