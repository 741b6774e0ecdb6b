/** Finding the configuration: repository root, --config, none; errors name the file as the user gave it. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findRepoRoot, loadConfig } from "../../src/config/load.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";

let tree: TempTree | undefined;
afterEach(() => tree?.cleanup());
const known = new Set(["generic-password"]);

describe("loadConfig", () => {
  it("finds finta-guard.config.json at the repository root from a subfolder", () => {
    tree = makeTempTree({ "finta-guard.config.json": '{ "disable": ["generic-password"] }', "src/app/x.ts": "" });
    mkdirSync(join(tree.root, ".git"));
    const cwd = join(tree.root, "src/app");
    expect(findRepoRoot(cwd)).toBe(tree.root);
    expect(loadConfig({ cwd, knownRuleIds: known })).toEqual({ file: join(tree.root, "finta-guard.config.json"), root: tree.root, raw: { disable: ["generic-password"] } });
  });

  it("accepts a worktree's .git file as the root marker", () => {
    tree = makeTempTree({ ".git": "gitdir: elsewhere\n", "a/b.txt": "" });
    expect(findRepoRoot(join(tree.root, "a"))).toBe(tree.root);
  });

  it("uses defaults when there is no configuration file", () => {
    tree = makeTempTree({ "x.txt": "" });
    mkdirSync(join(tree.root, ".git"));
    expect(loadConfig({ cwd: tree.root, knownRuleIds: known })).toEqual({ root: tree.root, raw: {} });
  });

  it("reads --config relative to cwd, and names it as given", () => {
    tree = makeTempTree({ "conf/guard.json": '{ "rotationDays": 30 }' });
    expect(loadConfig({ cwd: tree.root, configPath: "conf/guard.json", knownRuleIds: known })).toMatchObject({ file: "conf/guard.json", raw: { rotationDays: 30 } });
  });

  it.each([
    ["a missing --config file", {}, "nope.json", "nope.json: configuration file not found"],
    ["an invalid file", { "finta-guard.config.json": '{ "disable": 3 }' }, undefined, "finta-guard.config.json: disable: expected an array, got number 3"],
  ] as const)("rejects %s", (_what, files, configPath, message) => {
    tree = makeTempTree(files);
    mkdirSync(join(tree.root, ".git"));
    expect(() => loadConfig({ cwd: tree!.root, ...(configPath ? { configPath } : {}), knownRuleIds: known })).toThrow(message);
  });
});
