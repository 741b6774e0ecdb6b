/** Which code files the code checks read, and how comments and literals are masked. */
import { describe, expect, it } from "vitest";
import { isTestPath, languageOf, maskSource } from "../../src/audit/code-files.js";

describe("maskSource", () => {
  it.each([
    {
      name: "js line and block comments become spaces",
      language: "js" as const,
      text: "a(); // b()\n/* c()\n d() */ e();",
      code: "a();       \n      \n        e();",
      bare: "a();       \n      \n        e();",
    },
    {
      name: "string contents become _ in bare, quotes and length kept",
      language: "js" as const,
      text: 'log("timingSafeEqual(a)"); x === "y"',
      code: 'log("timingSafeEqual(a)"); x === "y"',
      bare: 'log("__________________"); x === "_"',
    },
    {
      name: "the header name and the secret's variable name stay readable",
      language: "js" as const,
      text: "req.get('x-finta-signature'); env[\"FINTA_WEBHOOK_SECRET\"]",
      code: "req.get('x-finta-signature'); env[\"FINTA_WEBHOOK_SECRET\"]",
      bare: "req.get('x-finta-signature'); env[\"FINTA_WEBHOOK_SECRET\"]",
    },
    {
      name: "regex literal contents are masked, division is not",
      language: "js" as const,
      text: "const r = /createHmac\\(/; const h = a / b / c;",
      code: "const r = /createHmac\\(/; const h = a / b / c;",
      bare: "const r = /____________/; const h = a / b / c;",
    },
    {
      name: "a // inside a string is not a comment",
      language: "js" as const,
      text: 'fetch("https://api.finta.io"); // call',
      code: 'fetch("https://api.finta.io");        ',
      bare: 'fetch("____________________");        ',
    },
    {
      name: "python comments and triple-quoted strings",
      language: "py" as const,
      text: 'x = 1  # y == sig\n"""doc\nsig == a"""\nz = "#"',
      code: 'x = 1            \n"""doc\nsig == a"""\nz = "#"',
      bare: 'x = 1            \n"""___\n________"""\nz = "_"',
    },
  ])("$name", ({ language, text, code, bare }) => {
    expect(maskSource(text, language)).toEqual({ code, bare });
  });
});

describe("which files are searched", () => {
  it.each([
    ["src/webhook.ts", "js", false],
    ["api/hooks.py", "py", false],
    ["web/app.jsx", "js", false],
    ["src/types.d.ts", "js", true],
    ["test/webhook.ts", "js", true],
    ["src/webhook.test.ts", "js", true],
    ["pkg/tests/test_hooks.py", "py", true],
    ["app/hooks_test.py", "py", true],
    ["README.md", undefined, false],
  ] as const)("%s: language %s, test %s", (path, language, test) => {
    expect([languageOf(path), isTestPath(path)]).toEqual([language, test]);
  });
});
