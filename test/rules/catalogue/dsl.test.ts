/**
 * The rule dialect's "provider name, operator, value" pattern: every
 * assignment shape a config file or a program uses must put the value in the
 * `secret` group, and a provider name inside another word must not count.
 */
import { describe, expect, it } from "vitest";
import { HAND_MADE, assigned, ci, near, vendorWord } from "../../../src/rules/catalogue/dsl.js";
import { ALNUM, fakeBody } from "../../../src/rules/examples.js";

// A generated 32-character value: no literal secret-shaped string in the source.
const VALUE = fakeBody(32, ALNUM, "dsl");
const rule = new RegExp(assigned([ci("acme")], "[A-Za-z0-9]{32}"), "d");

function secretOf(text: string): [number, number] | undefined {
  return rule.exec(text)?.indices?.groups?.["secret"];
}

describe("assigned()", () => {
  it.each([
    ["ini", `acmeToken=${VALUE}`],
    ["ini quoted, spaced", `acmeToken = "${VALUE}"`],
    ["json", `{\n    "acme_token": "${VALUE}"\n}`],
    ["json escaped in a string", `\\{\n    \\"acme_token\\": \\"${VALUE}\\"\n\\}`],
    ["xml element", `<acmeToken>${VALUE}</acmeToken>`],
    ["xml element multiline", `<acmeToken>\n    ${VALUE}\n</acmeToken>`],
    ["yaml", `acme_token: '${VALUE}'`],
    ["yaml block literal", `acme_token: |\n  ${VALUE}`],
    ["yaml block folded", `acme_token: >\n  ${VALUE}`],
    ["go short", `acmeToken := \`${VALUE}\``],
    ["php concat", `$acmeToken .= "${VALUE}"`],
    ["make append", `ACME_TOKEN += "${VALUE}"`],
    ["make evaluated", `ACME_TOKEN :::= "${VALUE}"`],
    ["make conditional", `ACME_TOKEN ?= "${VALUE}"`],
    ["csv", `acmeToken,${VALUE},`],
    ["logstash", `  "acmeToken" => "${VALUE}"`],
    ["call argument", `System.setProperty("ACME_TOKEN", "${VALUE}")`],
    ["camelCase hump", `const myAcmeToken = "${VALUE}";`],
    ["escaped newline after the value", `{"a.ini": "ACME_TOKEN=${VALUE}\\nNEXT=1"}`],
  ])("finds the value in %s", (_shape, text) => {
    const start = text.indexOf(VALUE);
    expect(secretOf(text)).toEqual([start, start + VALUE.length]);
  });

  it.each([
    ["name inside a word", `ReactNativeCamera: ${VALUE}`.replace("Camera", "Cacmea")],
    ["name glued to a lower-case letter", `kacmeToken = "${VALUE}"`],
    ["name too far from the operator", `acme_${"x".repeat(30)} = "${VALUE}"`],
    ["no operator", `acme ${VALUE}`],
    ["value runs on", `acmeToken = "${VALUE}extra"`],
  ])("ignores %s", (_shape, text) => {
    expect(secretOf(text)).toBeUndefined();
  });
});

describe("assigned(…, { sameLine: true })", () => {
  const tight = new RegExp(assigned([vendorWord("acme")], "[A-Za-z0-9]{32}", { sameLine: true }), "d");
  const secretOfTight = (text: string): [number, number] | undefined => tight.exec(text)?.indices?.groups?.["secret"];

  it.each([
    ["ini", `acmeToken=${VALUE}`],
    ["yaml quoted", `acme_token: '${VALUE}'`],
    ["camelCase hump", `const myAcmeToken = "${VALUE}";`],
    ["xml element multiline", `<acmeToken>\n    ${VALUE}\n</acmeToken>`],
    ["escaped newline after the value", `{"a.ini": "ACME_TOKEN=${VALUE}\\nNEXT=1"}`],
  ])("finds the value in %s", (_shape, text) => {
    const start = text.indexOf(VALUE);
    expect(secretOfTight(text)).toEqual([start, start + VALUE.length]);
  });

  it.each([
    // What the general form accepts and the tight form does not.
    ["a value on the next line after `=`", `acme_token =\n${VALUE}`],
    ["a yaml block literal", `acme_token: |\n  ${VALUE}`],
    ["a make append", `ACME_TOKEN += "${VALUE}"`],
    ["a backslash other than an escaped newline after the value", `acmeToken=${VALUE}\\x`],
    ["name inside a word", `rookAcmeToken=${VALUE}`.replace("rookAcme", "rookacme")],
  ])("ignores %s", (_shape, text) => {
    expect(secretOfTight(text)).toBeUndefined();
  });
});

describe("near()", () => {
  const header = new RegExp(near([ci("acme")], "[A-Za-z0-9]{32}"), "d");
  it.each([
    ["an HTTP header", `-H "X-Acme-Server-Token: ${VALUE}"`],
    ["an XML element", `<acme-key>${VALUE}</acme-key>`],
  ])("finds the value after %s", (_shape, text) => {
    const start = text.indexOf(VALUE);
    expect(header.exec(text)?.indices?.groups?.["secret"]).toEqual([start, start + VALUE.length]);
  });
});

describe("HAND_MADE", () => {
  const handMade = new RegExp(HAND_MADE);
  it.each([
    ["ascending letters", "abc123xyz-456def789ghij-klmnopqrstuvwx", true],
    ["descending digits", "Hg76543210", true],
    ["one character eight times", "glsa_XXXXXXXX_1", true],
    ["a random body", VALUE, false],
  ])("%s → %s", (_what, text, expected) => {
    expect(handMade.test(text)).toBe(expected);
  });
});
