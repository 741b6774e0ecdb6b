/**
 * Package registries and artifact stores: npm access tokens, PyPI, RubyGems,
 * NuGet (API keys and nuget.config passwords), Docker Hub access tokens,
 * JFrog Artifactory, Clojars, Pulumi, crates.io, Hex,
 * Gradle Plugin Portal, Cloudsmith, Gemfury, and the registry credentials of
 * client configuration files: `.npmrc` auth entries and Docker's
 * `config.json` `auths`.
 *
 * A publish token lets anyone ship code under the project's name, so every
 * live token here is critical.
 */
import { ALNUM, BASE64URL, HEX, LOWER_ALNUM, fakeBody, fakeToken, joined, withSecret } from "../examples.js";
import type { RuleSpec } from "../types.js";
import { DOC_EXAMPLE, LEFT, RIGHT, assigned, ci, named } from "./dsl.js";

// npm's legacy tokens are UUIDs.
const npmLegacyHex = fakeToken("", 32, HEX, "npmrc-legacy");
const npmLegacyToken = `${npmLegacyHex.slice(0, 8)}-${npmLegacyHex.slice(8, 12)}-${npmLegacyHex.slice(12, 16)}-${npmLegacyHex.slice(16, 20)}-${npmLegacyHex.slice(20)}`;

export const registriesRules: readonly RuleSpec[] = [
  // ----------------------------------------------------------------- npm
  {
    id: "npm-access-token",
    description: "npm access token (npm_ + 36 characters)",
    provider: "npm",
    severity: "critical",
    keywords: ["npm_"],
    regex: `${LEFT}(?<secret>npm_[A-Za-z0-9]{36})${RIGHT}`,
    entropy: 3.0,
    allowlist: { regexes: [DOC_EXAMPLE] },
    specificity: 85,
    remediation: "Revoke the token (npmjs.com → Access Tokens, or `npm token revoke`) and create a granular one for CI.",
    docsUrl: "https://docs.npmjs.com/revoking-access-tokens",
    examples: {
      positive: [withSecret("//registry.npmjs.org/:_authToken=", fakeToken("npm_", 36, ALNUM, 1))],
      negative: ["//registry.npmjs.org/:_authToken=${NPM_TOKEN}", "npm_config_registry"],
    },
  },
  {
    id: "npmrc-auth-token",
    description: ".npmrc registry credential (_authToken, _auth or _password of a registry entry)",
    provider: "npm",
    severity: "high",
    keywords: ["_auth", "_password"],
    // `//host[/path]/:_authToken=…` (per registry) or a bare `_authToken=…`
    // line (the old global form). npm's legacy tokens are UUIDs, other
    // registries issue their own formats: any value counts; `${NPM_TOKEN}`
    // is a reference. A token in a known format is reported by its own rule.
    regex: "(?:^[ \\t]{0,20}|^[ \\t]{0,20}//[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?(?:/[^\\s:=]{0,200})?/:)(?:_authToken|_auth|_password)[ \\t]{0,5}=[ \\t]{0,5}[\"']?(?<secret>[^\\s\"'#;]{8,512})",
    flags: "m",
    entropy: 3.0,
    specificity: 60,
    remediation: "Revoke the token in the registry (npmjs.com → Access Tokens, or `npm token revoke`), reference it from the environment in .npmrc (`//registry.npmjs.org/:_authToken=${NPM_TOKEN}`) and keep the real value in your CI's secret store.",
    docsUrl: "https://docs.npmjs.com/cli/configuring-npm/npmrc#auth-related-configuration",
    tags: ["npm", "registry"],
    examples: {
      positive: [
        withSecret("//registry.npmjs.org/:_authToken=", npmLegacyToken),
        withSecret("@acme:registry=https://npm.acme.dev/\n//npm.acme.dev/packages/:_auth=", btoa(`ci:${fakeToken("", 18, ALNUM, "npmrc-auth")}`), "\n"),
        withSecret("_authToken = ", fakeToken("", 40, ALNUM, "npmrc-global"), "\n"),
      ],
      negative: [
        "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
        "///:_authToken=" + npmLegacyToken,
        "this._auth = createAuth(options);",
        "//registry.npmjs.org/:always-auth=true",
      ],
    },
  },
  // ---------------------------------------------------------------- PyPI
  {
    id: "pypi-upload-token",
    description: "PyPI / TestPyPI API token (pypi-AgEIcHlwaS5vcmc… macaroon)",
    provider: "PyPI",
    severity: "critical",
    keywords: ["pypi-ageichlwas5vcmc", "pypi-agendgvzdc5wexbplm9yz"],
    // The macaroon's first bytes encode the location (pypi.org or
    // test.pypi.org); the body is at least ~70 characters, usually 150+.
    regex: `${LEFT}(?<secret>pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{70,2000})${RIGHT}`,
    entropy: 4.0,
    specificity: 90,
    remediation: "Remove the token (pypi.org → Account settings → API tokens) and prefer Trusted Publishing from CI.",
    docsUrl: "https://pypi.org/help/#apitoken",
    examples: {
      positive: [withSecret("password = ", joined("pypi-", "AgEIcHlwaS5vcmc", fakeBody(150, BASE64URL, 6)))],
      negative: [joined("pypi-", "AgEIcHlwaS5vcmc", fakeBody(40, BASE64URL, 7))],
    },
  },
  // ------------------------------------------------------------ RubyGems
  {
    id: "rubygems-api-token",
    description: "RubyGems API key (rubygems_ + 48 hex)",
    provider: "RubyGems",
    severity: "critical",
    keywords: ["rubygems_"],
    regex: `${LEFT}(?<secret>rubygems_[a-f0-9]{48})${RIGHT}`,
    specificity: 85,
    remediation: "Delete the key (rubygems.org → Settings → API keys) and create a scoped one.",
    docsUrl: "https://guides.rubygems.org/api-key-scopes/",
    examples: {
      positive: [withSecret(":rubygems_api_key: ", fakeToken("rubygems_", 48, HEX, 8))],
      negative: ["rubygems_api_key_name"],
    },
  },
  // --------------------------------------------------------------- NuGet
  {
    id: "nuget-api-key",
    description: "NuGet.org API key (oy2 + 43 characters)",
    provider: "NuGet",
    severity: "critical",
    keywords: ["oy2"],
    regex: `${LEFT}(?<secret>oy2[a-z0-9]{43})${RIGHT}`,
    entropy: 3.5,
    specificity: 80,
    remediation: "Regenerate or delete the key (nuget.org → API Keys) and use Trusted Publishing or a CI secret.",
    docsUrl: "https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys",
    examples: {
      positive: [withSecret("dotnet nuget push pkg.nupkg -k ", fakeToken("oy2", 43, LOWER_ALNUM, 9))],
      negative: ["oy2_config"],
    },
  },
  {
    id: "nuget-config-password",
    description: "Clear-text password in a nuget.config package source",
    provider: "NuGet",
    severity: "high",
    // The key name closes with its quote: `key="ClearTextPassword"` (keywords cannot hold a space).
    keywords: ['password"', "password'"],
    regex: `<add\\s{1,10}key=["'](?:ClearText)?Password["']\\s{1,10}value=["'](?<secret>[^"'\\s]{8,256})["']`,
    flags: "i",
    entropy: 1.0,
    specificity: 70,
    // The two sample passwords of Microsoft's nuget.config reference page.
    allowlist: { regexes: ["^(?:33f!!lloppa|hal\\+9ooo_da!sY)$"] },
    remediation: "Remove the password from nuget.config; use `dotnet nuget update source --store-password-in-clear-text` only on CI with a secret, or a credential provider.",
    docsUrl: "https://learn.microsoft.com/en-us/nuget/reference/nuget-config-file#packagesourcecredentials",
    examples: {
      positive: [withSecret('<add key="ClearTextPassword" value="', fakeBody(20, ALNUM, 10), '" />')],
      negative: ['<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />', '<add key="Username" value="builder" />'],
    },
  },
  // ---------------------------------------------------------- Docker Hub
  {
    id: "docker-hub-token",
    description: "Docker Hub personal or organisation access token (dckr_pat_/dckr_oat_)",
    provider: "Docker",
    severity: "critical",
    keywords: ["dckr_pat_", "dckr_oat_"],
    regex: `${LEFT}(?<secret>dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32})${RIGHT}`,
    entropy: 3.0,
    specificity: 85,
    remediation: "Delete the token (Docker Hub → Account settings → Personal access tokens) and create a new one.",
    docsUrl: "https://docs.docker.com/security/for-developers/access-tokens/",
    examples: {
      positive: [withSecret("DOCKER_TOKEN=", fakeToken("dckr_pat_", 27, BASE64URL, 11))],
      negative: ["dckr_pat_token"],
    },
  },
  {
    id: "docker-config-auth",
    description: "Docker client config.json registry credential (base64 user:password under auths)",
    provider: "Docker",
    severity: "high",
    keywords: ['"auth"', '"identitytoken"'],
    regex: '"(?:auth|identitytoken)"[ \\t]{0,5}:[ \\t]{0,5}"(?<secret>[A-Za-z0-9+/=._-]{12,4096})"',
    // `"auth"` is a common JSON key; in a Docker config it sits under `"auths"`.
    requires: { near: '"auths"[ \\t]*:', lines: 200 },
    entropy: 3.0,
    specificity: 60,
    remediation: "Change the registry password or revoke the token, log in again with a credential helper (`credsStore`) so that config.json holds no secret, and never commit a Docker config.",
    docsUrl: "https://docs.docker.com/reference/cli/docker/login/#credential-stores",
    tags: ["docker", "registry"],
    examples: {
      positive: [withSecret('{\n  "auths": {\n    "registry.acme.dev": {\n      "auth": "', btoa(`deploy:${fakeToken("", 20, ALNUM, "docker-auth")}`), '"\n    }\n  }\n}\n')],
      negative: [
        '{ "auths": { "registry.acme.dev": {} }, "credsStore": "desktop" }',
        '{ "auth": "' + btoa(`deploy:${fakeToken("", 20, ALNUM, "docker-auth-elsewhere")}`) + '", "mode": "basic" }',
      ],
    },
  },
  // --------------------------------------------------------------- JFrog
  {
    id: "artifactory-api-key",
    description: "JFrog Artifactory API key (AKCp + 69 characters)",
    provider: "JFrog",
    severity: "critical",
    keywords: ["akcp"],
    regex: `${LEFT}(?<secret>AKCp[A-Za-z0-9]{69})${RIGHT}`,
    entropy: 4.0,
    specificity: 85,
    remediation: "Revoke the API key (Artifactory → Edit profile → API key) and move to access tokens.",
    docsUrl: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key",
    examples: {
      positive: [withSecret("X-JFrog-Art-Api: ", fakeToken("AKCp", 69, ALNUM, 14))],
      negative: [`AkCp${fakeBody(69, ALNUM, 15)}`],
    },
  },
  {
    id: "artifactory-reference-token",
    description: "JFrog access/reference token (cmVmdGtuOjAx… = base64 of reftkn:01:)",
    provider: "JFrog",
    severity: "critical",
    keywords: ["cmvmdgtuojax"],
    // base64("reftkn:01:") pins the real format; a token that merely starts
    // with base64("reftkn") and decodes to prose is not one.
    regex: `${LEFT}(?<secret>cmVmdGtuOjAx[A-Za-z0-9]{52})${RIGHT}`,
    entropy: 4.0,
    specificity: 85,
    remediation: "Revoke the token (JFrog Platform → Administration → Identity and Access → Access Tokens).",
    docsUrl: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens",
    examples: {
      positive: [withSecret("ARTIFACTORY_TOKEN=", joined("cmVmdGtu", "OjAx", fakeBody(52, ALNUM, 16)))],
      negative: ["cmVmdGtuOlRoZXJlIGFyZSBub3QgdGhlIHRva2VucyB5b3UncmUgbG9va2luZyA0"],
    },
  },
  {
    id: "jfrog-api-key",
    description: "JFrog API key (73 characters) next to a JFrog/Artifactory/Bintray/Xray name",
    provider: "JFrog",
    severity: "critical",
    keywords: ["jfrog", "artifactory", "bintray", "xray"],
    regex: assigned([ci("jfrog"), ci("artifactory"), ci("bintray"), ci("xray")], "[A-Za-z0-9]{73}"),
    entropy: 4.0,
    specificity: 45,
    remediation: "Revoke the API key in the JFrog Platform and move to scoped access tokens.",
    docsUrl: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key",
    examples: {
      positive: [withSecret("--set imagePullSecretJfrog.password=", fakeBody(73, LOWER_ALNUM, 17))],
      negative: ["jfrog_url=https://example.jfrog.io/artifactory"],
    },
  },
  {
    id: "jfrog-identity-token",
    description: "JFrog identity token (64 characters) next to a JFrog/Artifactory/Bintray/Xray name",
    provider: "JFrog",
    severity: "critical",
    keywords: ["jfrog", "artifactory", "bintray", "xray"],
    regex: assigned([ci("jfrog"), ci("artifactory"), ci("bintray"), ci("xray")], "[A-Za-z0-9]{64}"),
    entropy: 4.0,
    specificity: 45,
    remediation: "Revoke the identity token (JFrog Platform → Edit profile → Identity tokens).",
    docsUrl: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens",
    examples: {
      positive: [withSecret('xrayToken="', fakeBody(64, LOWER_ALNUM, 19), '"')],
      negative: ['xrayToken="${XRAY_TOKEN}"'],
    },
  },
  // ------------------------------------------------------------- Clojars
  {
    id: "clojars-api-token",
    description: "Clojars deploy token (CLOJARS_ + 60 characters)",
    provider: "Clojars",
    severity: "critical",
    keywords: ["clojars_"],
    regex: `${LEFT}(?<secret>CLOJARS_[a-z0-9]{60})${RIGHT}`,
    flags: "i",
    entropy: 3.0,
    specificity: 85,
    remediation: "Disable the token (clojars.org → Dashboard → Deploy tokens) and create a new one.",
    docsUrl: "https://github.com/clojars/clojars-web/wiki/Deploy-Tokens",
    examples: {
      positive: [withSecret("CLOJARS_PASSWORD=", fakeToken("CLOJARS_", 60, LOWER_ALNUM, 21))],
      negative: ["CLOJARS_USERNAME=builder"],
    },
  },
  // -------------------------------------------------------------- Pulumi
  {
    id: "pulumi-api-token",
    description: "Pulumi access token (pul- + 40 hex)",
    provider: "Pulumi",
    severity: "critical",
    keywords: ["pul-"],
    regex: `${LEFT}(?<secret>pul-[a-f0-9]{40})${RIGHT}`,
    specificity: 85,
    remediation: "Delete the token (app.pulumi.com → Personal access tokens) and create a new one.",
    docsUrl: "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/",
    examples: {
      positive: [withSecret("PULUMI_ACCESS_TOKEN=", fakeToken("pul-", 40, HEX, 22))],
      negative: [`<img src="./assets/vipul-${fakeBody(64, HEX, 23)}.png">`],
    },
  },
  // ------------------------------------------------------------ crates.io
  {
    id: "crates-io-api-token",
    description: "crates.io API token (cio + 32 characters)",
    provider: "crates.io",
    severity: "critical",
    keywords: ["cio"],
    // Real tokens mix digits, upper and lower case; identifiers starting with
    // `cio` do not.
    regex: `${LEFT}(?<secret>cio(?=[A-Za-z0-9]{0,31}[0-9])(?=[A-Za-z0-9]{0,31}[A-Z])(?=[A-Za-z0-9]{0,31}[a-z])[A-Za-z0-9]{32})${RIGHT}`,
    entropy: 4.0,
    specificity: 70,
    remediation: "Revoke the token (crates.io → Account settings → API tokens) and use Trusted Publishing.",
    docsUrl: "https://doc.rust-lang.org/cargo/reference/publishing.html",
    examples: {
      positive: [withSecret("CARGO_REGISTRY_TOKEN=", fakeToken("cio", 32, ALNUM, 24))],
      negative: ["ciofficialsupportteam", "ciomanagerhelpersconfigloader"],
    },
  },
  // ---------------------------------------------- Gradle, Cloudsmith, Fury
  {
    id: "gradle-plugin-portal-key",
    description: "Gradle Plugin Portal publishing key or secret (gradle.publish.key/secret)",
    provider: "Gradle",
    severity: "critical",
    keywords: ["gradle.publish.", "gradle_publish_"],
    regex: assigned([`${ci("gradle")}[._]${ci("publish")}[._](?:${ci("key")}|${ci("secret")})`], "[A-Za-z0-9]{32}"),
    entropy: 3.5,
    specificity: 60,
    remediation: "Regenerate the API keys on plugins.gradle.org (your profile → API Keys) and keep them in ~/.gradle/gradle.properties or CI secrets.",
    docsUrl: "https://docs.gradle.org/current/userguide/publishing_gradle_plugins.html",
    examples: {
      positive: [withSecret("gradle.publish.secret=", fakeBody(32, ALNUM, 26))],
      negative: ["gradle.publish.secret=${GRADLE_PUBLISH_SECRET}"],
    },
  },
  named({
    id: "cloudsmith-api-key", provider: "Cloudsmith", what: "API key (40 hex)",
    names: [ci("cloudsmith")], keywords: ["cloudsmith"], body: "[a-f0-9]{40}", entropy: 3.0,
    example: fakeBody(40, HEX, 27), exampleName: "CLOUDSMITH_API_KEY",
    remediation: "Refresh the API key in Cloudsmith (User settings → API Key) and use OIDC from CI where possible.",
    docsUrl: "https://help.cloudsmith.io/docs/api-keys",
  }),
  named({
    id: "gemfury-token", provider: "Gemfury", what: "push or deploy token",
    names: [ci("gemfury"), `(?<![A-Za-z])${ci("fury")}_`], keywords: ["gemfury", "fury_"], body: "[A-Za-z0-9_-]{20,32}", entropy: 3.5,
    example: fakeBody(24, ALNUM, 28), exampleName: "GEMFURY_PUSH_TOKEN",
    remediation: "Revoke the token in Gemfury (Account → Tokens) and create a new one.",
    docsUrl: "https://gemfury.com/help/tokens/",
  }),
  // ------------------------------------------------------------------ Hex
  {
    id: "hex-api-key",
    description: "Hex.pm API key (32 hex) next to a Hex name",
    provider: "Hex",
    severity: "critical",
    keywords: ["hex_api_key", "hex_auth", "hexpm"],
    regex: assigned([ci("hex_api_key"), ci("hex_auth"), ci("hexpm")], "[a-f0-9]{32}"),
    entropy: 3.0,
    specificity: 50,
    remediation: "Revoke the key (`mix hex.user key revoke`) and create a new one for CI.",
    docsUrl: "https://hex.pm/docs/publish",
    examples: {
      positive: [withSecret("HEX_API_KEY=", fakeBody(32, HEX, 25))],
      negative: ["HEX_API_KEY=${HEX_API_KEY}"],
    },
  },
];
