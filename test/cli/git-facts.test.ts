import { execFileSync } from "node:child_process";
import { mkdirSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { collectAuditIdentity, resolveReportPaths, stripCredentials } from "../../src/cli/git-facts.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";

let tree: TempTree | undefined;
afterEach(() => tree?.cleanup());

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" });
/** `scheme://userinfo@rest`, joined at run time: a literal URL with a password would trip this repository's own scan. */
const withUserinfo = (scheme: string, userinfo: string, rest: string) => [scheme + "://" + userinfo, rest].join("@");

describe("stripCredentials", () => {
  it.each([
    ["https with token", withUserinfo("https", "x-access-token:abc123", "github.com/acme/app.git"), "https://github.com/acme/app.git"],
    ["https with user only", withUserinfo("https", "deploy", "example.com/acme/app.git"), "https://example.com/acme/app.git"],
    ["https without userinfo", "https://github.com/acme/app.git", "https://github.com/acme/app.git"],
    ["ssh url", withUserinfo("ssh", "git:pw", "host:2222/acme/app.git"), "ssh://host:2222/acme/app.git"],
    ["scp-style", "git@github.com:acme/app.git", "git@github.com:acme/app.git"],
    ["local path", "/srv/git/app.git", "/srv/git/app.git"],
  ])("%s", (_name, url, expected) => {
    expect(stripCredentials(url)).toBe(expected);
  });
});

describe("collectAuditIdentity", () => {
  it("reads user.email, the origin remote without credentials, HEAD's ref and commit", async () => {
    tree = makeTempTree({ "a.txt": "a\n" });
    const root = realpathSync(tree.root);
    git(root, "init", "-q", "-b", "main");
    git(root, "config", "user.email", "dev@example.com");
    git(root, "config", "user.name", "Dev");
    git(root, "remote", "add", "origin", withUserinfo("https", "ci:tok3n", "example.com/acme/app.git"));
    git(root, "add", "a.txt");
    git(root, "commit", "-q", "-m", "first");
    const commit = git(root, "rev-parse", "HEAD").trim();
    mkdirSync(join(root, "sub"));
    expect(await collectAuditIdentity(join(root, "sub"), {})).toEqual({
      userId: "dev@example.com",
      resource: { repository: "https://example.com/acme/app.git", path: root, ref: "refs/heads/main", commit },
    });
  });

  it("outside git: no user from the repository, the directory as the resource", async () => {
    tree = makeTempTree({});
    const identity = await collectAuditIdentity(tree.root, { GIT_CEILING_DIRECTORIES: tree.root, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" });
    expect(identity).toEqual({ userId: null, resource: { repository: tree.root, path: tree.root, ref: null, commit: null } });
  });
});

describe("resolveReportPaths", () => {
  it.each([
    ["text", "tree", false],
    ["sarif", "tree", true],
    ["github", "staged", true],
  ] as const)("%s (%s scan)", async (format, mode, asks) => {
    tree = makeTempTree({ "pkg/a.txt": "a\n" });
    const root = realpathSync(tree.root);
    git(root, "init", "-q");
    const paths = await resolveReportPaths(format, { cwd: join(root, "pkg"), env: {} }, mode);
    const expected = !asks ? {} : { srcRoot: root, baseDir: mode === "tree" ? join(root, "pkg") : root };
    expect(paths).toEqual(expected);
  });
});
