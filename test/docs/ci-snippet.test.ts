/**
 * One CI recipe everywhere: the README, docs/ci.md, the example workflow and
 * the audit's fix text run exactly the commands of src/audit/ci-snippet.ts.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { CI_CHECKOUT_SCAN, CI_PULL_REQUEST_SCAN, CI_STEPS } from "../../src/audit/ci-snippet.js";
import { makeFixtureRepo, runCheck, type FixtureRepo } from "../audit/fixture-repo.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

let repo: FixtureRepo | undefined;
afterEach(() => repo?.cleanup());

describe("the CI recipe", () => {
  it("the README shows exactly the recipe's steps", () => {
    expect(read("README.md")).toContain(CI_STEPS.join("\n"));
  });

  it.each(["docs/ci.md", "docs/examples/github-actions.yml"])("%s runs the recipe's two commands", (path) => {
    const text = read(path);
    expect(text).toContain(`run: ${CI_CHECKOUT_SCAN}\n`);
    expect(text).toContain(`run: ${CI_PULL_REQUEST_SCAN}\n`);
  });

  it("the audit's hook-installed fix prints the recipe's steps", async () => {
    repo = makeFixtureRepo({ files: { "README.md": "x\n" } });
    const fix = (await runCheck(repo, "hook-installed")).fix;
    expect(fix).toContain(CI_STEPS.map((line) => `        ${line}`).join("\n"));
  });
});
