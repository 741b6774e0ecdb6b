/** The audit's configuration reader: fields, lines and one-line ConfigErrors. */
import { afterEach, describe, expect, it } from "vitest";
import { loadAuditConfig } from "../../src/audit/audit-config.js";
import { parseDay } from "../../src/config/date.js";
import { jsonValueLines } from "../../src/audit/json-lines.js";
import { ConfigError } from "../../src/errors.js";
import { makeTempTree, type TempTree } from "../helpers/temp-tree.js";

let tree: TempTree | undefined;
afterEach(() => tree?.cleanup());

describe("loadAuditConfig", () => {
  it("no file: defaults", () => {
    tree = makeTempTree({});
    expect(loadAuditConfig({ repoRoot: tree.root })).toEqual({ rotationDays: 90 });
  });

  it("reads auditLog, keys and rotationDays with their lines", () => {
    tree = makeTempTree({
      "finta-guard.config.json": '{\n  "auditLog": "log.jsonl",\n  "rotationDays": 30,\n  "keys": [\n    { "name": "a", "environment": "production", "createdAt": "2026-01-02" }\n  ]\n}\n',
    });
    expect(loadAuditConfig({ repoRoot: tree.root })).toEqual({
      file: "finta-guard.config.json",
      auditLog: { value: "log.jsonl", line: 2 },
      keys: [{ name: "a", environment: "production", createdAt: "2026-01-02", line: 5 }],
      keysLine: 4,
      rotationDays: 30,
    });
  });

  it.each([
    ["not JSON", "{ nope", "finta-guard.config.json: invalid JSON: "],
    // The configuration reader and validator are src/config's, shared with scan and baseline: their wording.
    ["array", "[]", "finta-guard.config.json: expected an object, got an array"],
    ["auditLog type", '{ "auditLog": 3 }', "finta-guard.config.json: auditLog: must be a string (a file path)"],
    ["rotationDays", '{ "rotationDays": 0 }', "finta-guard.config.json: rotationDays: must be a positive whole number of days"],
    ["keys type", '{ "keys": {} }', "finta-guard.config.json: keys: must be an array of { name, environment, createdAt }"],
    ["missing field", '{ "keys": [{ "name": "a", "createdAt": "2026-01-01" }] }', "finta-guard.config.json: keys[0].environment: must be a non-empty string"],
    ["bad date", '{ "keys": [{ "name": "a", "environment": "x", "createdAt": "last year" }] }', 'finta-guard.config.json: keys[0].createdAt: "last year" is not a date (YYYY-MM-DD)'],
    // What the schema rejects, the audit rejects too (it used to skip keys it did not read).
    ["unknown key", '{ "auditlog": "a.jsonl" }', "finta-guard.config.json: auditlog: unknown key"],
    ["empty auditLog", '{ "auditLog": " " }', "finta-guard.config.json: auditLog: must not be empty"],
    ["rotationDays too large", '{ "rotationDays": 4000 }', "finta-guard.config.json: rotationDays: must be between 1 and 3650, got 4000"],
    ["unknown key in a key entry", '{ "keys": [{ "name": "a", "environment": "x", "createdAt": "2026-01-01", "value": "v" }] }', "finta-guard.config.json: keys[0].value: unknown key"],
  ])("%s → ConfigError", (_name, text, message) => {
    tree = makeTempTree({ "finta-guard.config.json": text });
    let caught: unknown;
    try {
      loadAuditConfig({ repoRoot: tree.root });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message.startsWith(message)).toBe(true);
  });

  it("--config FILE that does not exist is an error", () => {
    tree = makeTempTree({});
    expect(() => loadAuditConfig({ repoRoot: tree!.root, configPath: "missing.json" })).toThrow("missing.json: configuration file not found");
  });
});

describe("jsonValueLines", () => {
  it("maps dot paths to 1-based lines", () => {
    const lines = jsonValueLines('{\n  "a": 1,\n  "b": [\n    {},\n    { "c": "x\\"y" }\n  ],\n  "d": { "e": null }\n}');
    expect(Object.fromEntries(lines)).toEqual({ "": 1, a: 2, b: 3, "b[0]": 4, "b[1]": 5, "b[1].c": 5, d: 7, "d.e": 7 });
  });
});

describe("parseDay", () => {
  it.each([
    ["2026-11-29", Date.UTC(2026, 10, 29)],
    ["2026-11-29T10:00:00Z", Date.UTC(2026, 10, 29, 10)],
    ["29/11/2026", undefined],
    ["2026-13-01", undefined],
    ["2026-02-30", undefined],
  ] as const)("%s", (value, ms) => {
    expect(parseDay(value)).toBe(ms);
  });
});
