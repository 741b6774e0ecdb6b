/**
 * Published example credentials (src/rules/public-examples.ts) are reported
 * as `info`, with what they are and where they are published, by whichever
 * rule matches them; the same shape with another value is a normal finding.
 * The examples are assembled from parts here so that this file holds none
 * of them whole.
 */
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { DetectionEngine } from "../../src/detect/engine.js";
import { publicExampleOf } from "../../src/detect/public-example.js";
import { fakeToken, joined } from "../../src/rules/examples.js";
import { builtinRules } from "../../src/rules/index.js";
import { PUBLIC_EXAMPLES } from "../../src/rules/public-examples.js";
import { scanString } from "../../src/scan/stream-scanner.js";
import { runCli } from "../helpers/cli.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";

const engine = DetectionEngine.fromSpecs(builtinRules);

const AWS_ID = joined("AKIA", "IOSFODNN7", "EXAMPLE");
const AWS_SECRET = joined("wJalrXUtnFEMI", "/K7MDENG/bPxRfiCY", "EXAMPLEKEY");
const AZURITE_KEY = joined("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsu", "Fq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==");
const JWT_IO = joined(
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
  ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ",
  ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
);

const connection = (key: string) => `AZURE=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${key};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`;

/** rule@line:column severity, with the example's name when it is one. */
function found(text: string): string[] {
  return scanString(engine, text).map((f) => `${f.ruleId}@${f.line}:${f.column} ${f.severity}${f.publicExample ? ` (${f.publicExample.name})` : ""}`);
}

describe("the list of published examples", () => {
  it("names each value by a SHA-256, once, with what it is and where it is published", () => {
    for (const e of PUBLIC_EXAMPLES) {
      expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(e.length).toBeGreaterThan(0);
      expect(e.name.length).toBeGreaterThan(10);
      expect(e.source).toMatch(/https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
    }
    expect(new Set(PUBLIC_EXAMPLES.map((e) => e.sha256)).size).toBe(PUBLIC_EXAMPLES.length);
  });

  it("finds a listed value by its exact text only", () => {
    const hash = createHash("sha256").update(AZURITE_KEY).digest("hex");
    expect(PUBLIC_EXAMPLES.find((e) => e.sha256 === hash)?.length).toBe(AZURITE_KEY.length);
    expect(publicExampleOf(AZURITE_KEY)?.name).toMatch(/Azurite/);
    expect(publicExampleOf(AZURITE_KEY.slice(1))).toBeUndefined();
    expect(publicExampleOf(AZURITE_KEY.replace("E", "F"))).toBeUndefined();
  });
});

describe("published examples are info notes, other values are findings", () => {
  it("the Azure Storage emulator key in a connection string", () => {
    expect(found(connection(AZURITE_KEY))).toEqual([
      "azure-storage-account-key@1:77 info (Azure Storage emulator (Azurite) well-known key of devstoreaccount1)",
    ]);
    const key = fakeToken("", 86, "base64", "public-example-azure") + "==";
    expect(found(connection(key))).toEqual(["azure-storage-account-key@1:77 critical"]);
  });

  it("the AWS documentation access key pair", () => {
    expect(found(`aws_access_key_id = ${AWS_ID}\naws_secret_access_key = ${AWS_SECRET}`)).toEqual([
      "aws-access-key-id@1:21 info (AWS documentation example access key ID (AKIAIOSF…))",
      "aws-secret-access-key@2:25 info (AWS documentation example secret access key (wJalrXUt…))",
    ]);
    const id = joined("AKIA", fakeToken("", 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "public-example-aws"));
    expect(found(`aws_access_key_id = ${id}`)).toEqual(["aws-access-key-id@1:21 high"]);
  });

  it("the jwt.io sample token", () => {
    expect(found(`token: ${JWT_IO}`)).toEqual(["jwt@1:8 info (jwt.io debugger sample token (John Doe, HS256))"]);
  });

  it("the same example under a generic name", () => {
    expect(found(`key = "${AZURITE_KEY}"`)).toEqual(["generic-secret@1:8 info (Azure Storage emulator (Azurite) well-known key of devstoreaccount1)"]);
  });
});

describe("reports say what the example is and do not block", () => {
  let tree: TempTree | undefined;
  afterEach(() => tree?.cleanup());

  it("JSON carries the note, text shows it instead of the remediation, the exit code is 0", async () => {
    tree = makeTempTree({ "local.env": connection(AZURITE_KEY) + "\n" });
    const json = await runCli(["scan", ".", "--format", "json"], tree.root);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { findings: { ruleId: string; severity: string; line: number; column: number; publicExample?: { name: string; source: string } }[] };
    expect(report.findings).toEqual([
      expect.objectContaining({
        ruleId: "azure-storage-account-key",
        severity: "info",
        line: 1,
        column: 77,
        publicExample: {
          name: "Azure Storage emulator (Azurite) well-known key of devstoreaccount1",
          source: "https://learn.microsoft.com/azure/storage/common/storage-use-azurite#well-known-storage-account-and-key",
        },
      }),
    ]);
    const text = await runCli(["scan", "."], tree.root);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      "known public example: Azure Storage emulator (Azurite) well-known key of devstoreaccount1 — https://learn.microsoft.com/azure/storage/common/storage-use-azurite#well-known-storage-account-and-key",
    );
    expect(text.stdout).not.toContain("→ Revoke");
    expect(text.stdout).not.toContain(AZURITE_KEY);
  });
});
