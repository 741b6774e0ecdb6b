/**
 * The user-facing documents stay navigable: every relative link in the README,
 * CONTRIBUTING, CHANGELOG and docs/ resolves to a file of this repository
 * (the published tarball carries the README, so a dead link is a dead end for
 * users), and the README stays a short user's guide.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const documents = ["README.md", "CONTRIBUTING.md", "CHANGELOG.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

/** Markdown link targets `[text](target)` outside code fences, without anchors. */
function relativeLinks(markdown: string): string[] {
  const links: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.trimStart().startsWith("```")) fenced = !fenced;
    if (fenced) continue;
    for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = (m[1] ?? "").split("#")[0] ?? "";
      if (target === "" || /^[a-z]+:/i.test(target)) continue;
      links.push(target);
    }
  }
  return links;
}

describe("documentation links", () => {
  it.each(documents.filter((d) => existsSync(join(root, d))))("%s: every relative link resolves", (doc) => {
    const text = readFileSync(join(root, doc), "utf8");
    const dead = relativeLinks(text).filter((target) => !existsSync(resolve(root, dirname(doc), target)));
    expect(dead).toEqual([]);
  });

  it("the README is a user's guide of under 400 lines", () => {
    expect(readFileSync(join(root, "README.md"), "utf8").split("\n").length).toBeLessThan(400);
  });
});
