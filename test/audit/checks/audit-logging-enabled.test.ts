/** audit-logging-enabled on fixture repositories: configuration or audit logger calls next to Finta calls. */
import { afterEach, describe, expect, it } from "vitest";
import { makeFixtureRepo, runCheck, verdict, type FixtureRepo } from "../fixture-repo.js";

let repo: FixtureRepo | undefined;
afterEach(() => repo?.cleanup());

const cases: { name: string; files: Record<string, string>; expected: ReturnType<typeof verdict> }[] = [
  {
    name: "passes: configuration sets auditLog",
    files: { "finta-guard.config.json": '{\n  "disable": [],\n  "auditLog": ".finta-guard/audit.jsonl"\n}\n' },
    expected: { status: "pass", evidence: [{ file: "finta-guard.config.json", line: 3, message: "auditLog" }] },
  },
  {
    name: "passes: code calling Finta writes audit records",
    files: {
      "src/payments.ts": 'import { Finta } from "@finta/node";\nimport { auditLog } from "./audit";\nconst finta = new Finta(process.env.FINTA_SECRET_KEY!);\nexport async function pay() {\n  auditLog({ action: "payout", key: "prod" });\n  return finta.payouts.create();\n}\n',
    },
    expected: { status: "pass", evidence: [{ file: "src/payments.ts", line: 5, message: "audit logger call next to Finta calls" }] },
  },
  {
    name: "passes: Python audit_logger next to api.finta.io calls",
    files: { "svc/client.py": 'import requests\nBASE = "https://api.finta.io/v2"\ndef me():\n    audit_logger.info("GET /me")\n    return requests.get(BASE + "/me")\n' },
    expected: { status: "pass", evidence: [{ file: "svc/client.py", line: 4, message: "audit logger call next to Finta calls" }] },
  },
  {
    name: "warns: configuration without auditLog, no logger in code",
    files: { "finta-guard.config.json": '{ "rotationDays": 30 }\n', "src/client.ts": 'fetch("https://api.finta.io/v2/me");\n// auditLog("commented out does not count")\n' },
    expected: { status: "warn", evidence: [{ file: "finta-guard.config.json", message: "no auditLog" }] },
  },
  {
    name: "warns: audit logger in code that does not call Finta",
    files: { "src/other.ts": 'auditLog("login");\n' },
    expected: { status: "warn", evidence: [] },
  },
];

describe("audit-logging-enabled", () => {
  it.each(cases)("$name", async ({ files, expected }) => {
    repo = makeFixtureRepo({ files });
    expect(verdict(await runCheck(repo, "audit-logging-enabled"))).toEqual(expected);
  });

  it("the warning's fix shows the configuration line to add", async () => {
    repo = makeFixtureRepo({ files: { "a.ts": "export {};\n" } });
    expect((await runCheck(repo, "audit-logging-enabled")).fix).toBe(
      'Add to finta-guard.config.json:\n  "auditLog": ".finta-guard/audit.jsonl"\nand/or record each Finta API call (key name, caller, time, endpoint — never the key) with your audit logger.',
    );
  });
});
