/**
 * The message of a blocked commit at 80 columns, whole, against a golden
 * file (test/golden/blocked-commit-80.txt): three findings of two rules in
 * two files, through a real `git commit` running the installed hook and the
 * built CLI. It must read cleanly: no line over 80 columns, each rule's
 * remediation once, an allow hint per file in its own comment syntax, the
 * baseline --staged offer. Regenerate with `npx vitest run
 * test/e2e/blocked-commit-golden.test.ts -u` and read the diff.
 */
import { afterEach, expect, it } from "vitest";
import { runBin } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

let repo: GitRepo;
afterEach(() => repo?.cleanup());

it("a blocked commit with three findings of two rules, at 80 columns", async () => {
  repo = makeGitRepo();
  // Captured by git, the hook's output is no terminal: 80 columns, whatever the test runner's COLUMNS says.
  delete repo.env.COLUMNS;
  repo.write("README.md", "# app\n");
  repo.commitAll("init");
  repo.linkLocalBin();
  expect(runBin(["install"], repo.root, { env: repo.env }).code).toBe(0);
  repo.write("config/.env", `FINTA_SECRET_KEY=${fake.liveKey(1)}\nFINTA_WEBHOOK_SECRET=${fake.webhookSecret(1)}\n`);
  repo.write("src/client.ts", `export const client = new Finta({ apiKey: "${fake.liveKey(2)}" });\n`);
  repo.git(["add", "-A"]);
  const result = repo.tryGit(["commit", "-q", "-m", "add client"]);
  expect(result.status).not.toBe(0);
  // The hook's output (git passes it through); the timing is the only varying part.
  const capture = (result.stdout + result.stderr).replace(/ in \d+ ms/g, " in N ms");
  for (const line of capture.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  await expect(capture).toMatchFileSnapshot("../golden/blocked-commit-80.txt");
});
