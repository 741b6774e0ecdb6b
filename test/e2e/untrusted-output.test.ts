/**
 * File names, line content and configuration text come from the scanned
 * repository and end up in terminals and CI logs. A raw newline there starts
 * a line GitHub's runner reads as a workflow command (`::error …`), ESC starts
 * a terminal sequence (OSC 52 writes the clipboard, `ESC[2K` erases the
 * line). Every human-readable output shows them escaped. Through the built
 * binary, on real files with such names.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runBin } from "../helpers/cli.js";
import { fake } from "../helpers/fake-secrets.js";
import { makeGitRepo, type GitRepo } from "../helpers/git-repo.js";

let repo: GitRepo | undefined;
afterEach(() => repo?.cleanup());

const FORGED_NAME = "x\n::error file=README.md,line=1::forged.env";
const OSC52 = "\u001b]52;c;cHduZWQ=\u0007";
const ERASE = "\u001b[2K";
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function setup(): GitRepo {
  const r = (repo = makeGitRepo());
  r.write(FORGED_NAME, `token = "${fake.liveKey(3)}"\n`);
  r.write("app.ts", `const key = "${fake.liveKey(4)}"; ${OSC52}${ERASE}\n`);
  return r;
}

/** Lines of `text` that a GitHub runner would take as workflow commands. */
const commandLines = (text: string) => text.split("\n").filter((l) => l.startsWith("::"));

describe("text report", () => {
  it("shows control characters of names and lines escaped; no line can become a workflow command", () => {
    const r = setup();
    const out = runBin(["scan", "."], r.root, { env: r.env });
    expect(out.code).toBe(1);
    expect(out.stdout).not.toMatch(RAW_CONTROL);
    expect(commandLines(out.stdout)).toEqual([]);
    expect(out.stdout).toContain("x\\n::error file=README.md,line=1::forged.env:1:10  critical  finta-secret-key-live");
    const snippet = out.stdout.split("\n").find((l) => l.includes("const key"));
    expect(snippet).toMatch(/\\x1b\]52;c;cHduZWQ=\\x07\\x1b\[2K$/);
    // The caret still sits under the secret (column 14 of the line).
    const caret = out.stdout.split("\n")[out.stdout.split("\n").indexOf(snippet as string) + 1] as string;
    expect(caret.indexOf("^") - caret.indexOf("|") - 2).toBe(13);
  });

  it("the staged report too", () => {
    const r = setup();
    r.git(["add", "-A"]);
    const out = runBin(["scan", "--staged"], r.root, { env: r.env });
    expect(out.code).toBe(1);
    expect(out.stdout).not.toMatch(RAW_CONTROL);
    expect(commandLines(out.stdout)).toEqual([]);
    expect(out.stdout).toContain("x\\n::error file=README.md,line=1::forged.env:1:10");
  });
});

describe("github annotations", () => {
  it("only finta-guard's own annotations start a line; no raw control character", () => {
    const r = setup();
    const out = runBin(["scan", ".", "--format", "github"], r.root, { env: r.env });
    expect(out.code).toBe(1);
    expect(out.stdout).not.toMatch(RAW_CONTROL);
    const commands = commandLines(out.stdout);
    expect(commands).toHaveLength(2);
    expect(commands.map((c) => c.slice(0, c.indexOf(",line=")))).toEqual(["::error file=app.ts", "::error file=x%0A%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged.env"]);
  });
});

describe("stderr", () => {
  it("a path named on the command line is shown escaped in the error line", () => {
    const r = setup();
    // ESC c resets a terminal (no glob character, so the path is not taken as a pattern).
    const out = runBin(["scan", "missing\u001bc\n::error::x"], r.root, { env: r.env });
    expect([out.code, out.stderr]).toEqual([2, "finta-guard: missing\\x1bc\\n::error::x: no such file or directory\n"]);
  });

  it("a configuration key is shown escaped; each problem keeps its own line", () => {
    const r = setup();
    writeFileSync(join(r.root, "finta-guard.config.json"), JSON.stringify({ override: { [`x${OSC52}\n::error::forged`]: {} }, disable: ["nope"] }));
    const out = runBin(["scan", "app.ts"], r.root, { env: r.env });
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      'finta-guard: finta-guard.config.json: disable[0]: unknown rule id "nope"\n' +
        'finta-guard: finta-guard.config.json: override.x\\x1b]52;c;cHduZWQ=\\x07\\n::error::forged: unknown rule id "x\\x1b]52;c;cHduZWQ=\\x07\\n::error::forged"\n',
    );
  });
});

describe("rules listing", () => {
  it("a custom rule's description is shown escaped in text and Markdown", () => {
    const r = setup();
    const description = `ACME${OSC52}\n::error::forged`;
    writeFileSync(join(r.root, "finta-guard.config.json"), JSON.stringify({ rules: [{ id: "acme", severity: "high", regex: "acme_[a-z0-9]{12}", description }] }));
    for (const format of ["text", "markdown"]) {
      const out = runBin(["rules", "--format", format], r.root, { env: r.env });
      expect(out.code).toBe(0);
      expect(out.stdout).not.toMatch(RAW_CONTROL);
      expect(commandLines(out.stdout)).toEqual([]);
      expect(out.stdout).toContain("ACME\\x1b]52;c;cHduZWQ=\\x07");
    }
  });
});
