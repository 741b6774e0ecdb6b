/**
 * The generic rules' value model (src/detect/value-model.ts) on the noise
 * classes of real code: each class as a negative with the exact text that was
 * reported on published npm packages, and beside it a near miss, the same
 * shape holding a real-looking secret literal, which must still be found at
 * its exact line, column and rule. Secrets are built at test time from a
 * seeded generator (nothing credential-shaped is committed).
 */
import { describe, expect, it } from "vitest";
import { DetectionEngine } from "../../src/detect/engine.js";
import {
  MINIFIED_LINE,
  bareCodeReason,
  genericDropReason,
  hasInterpolation,
  identifierParts,
  isIdentifier,
  isMemberPath,
  literalShapeReason,
  looksRandomLiteral,
  nameReason,
  onLongLine,
  operatorBefore,
} from "../../src/detect/value-model.js";
import { fakeToken } from "../../src/rules/examples.js";
import { builtinRules } from "../../src/rules/index.js";
import { scanString } from "../../src/scan/stream-scanner.js";

const engine = DetectionEngine.fromSpecs(builtinRules);

const token = fakeToken("", 32, "alnum", "value-model-token");
const password = fakeToken("", 18, "alnum", "value-model-password");
const b64 = fakeToken("", 56, "base64", "value-model-cursor");

/** Findings as rule@line:column. */
function found(text: string): string[] {
  return scanString(engine, text).map((f) => `${f.ruleId}@${f.line}:${f.column}`);
}

/** Where `secret` starts in `text`, as line:column (1-based). */
function at(text: string, secret: string): string {
  const offset = text.indexOf(secret);
  expect(offset).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `${line}:${offset - before.lastIndexOf("\n")}`;
}

/** Minified code around `middle`, more than MINIFIED_LINE characters on one line. */
function minified(middle: string): string {
  const filler = "function Bu(u,e,n,t,i,o,l){return e&1024||!(e&256)?B2(u,e,n,0,{$:t},0,i,o,l):D(u,e)}";
  const pad = filler.repeat(Math.ceil(MINIFIED_LINE / filler.length));
  return `${pad}${middle}${pad}`;
}

interface NoiseClass {
  readonly name: string;
  /** Exact text reported before (from the issue); must yield nothing. */
  readonly negative: string;
  /** Same shape, real-looking secret literal. */
  readonly nearMiss: string;
  readonly secret: string;
  readonly rule: string;
}

const classes: readonly NoiseClass[] = [
  // Code, not values.
  {
    name: "comparison with a number in minified code",
    negative: minified("function q(u,e,n){return u.token!==1074790415?0:(D(u,e),1)}"),
    nearMiss: minified(`function q(u,e,n){if(u.token!=="${token}")return 0;D(u,e)}`),
    secret: token,
    rule: "generic-secret",
  },
  {
    name: "member compared with a word in minified code",
    negative: minified('if(e.key==="Enter"){x()}'),
    nearMiss: minified(`if(e.key==="${token}"){x()}`),
    secret: token,
    rule: "generic-secret",
  },
  {
    name: "typeof name compared with a password member",
    negative: "if (this.password === 'function') {",
    nearMiss: `if (this.password === '${password}') {`,
    secret: password,
    rule: "generic-password",
  },
  {
    name: "literal on the other side of a comparison in minified code",
    negative: minified('if(".length"===e.key)return'),
    nearMiss: minified(`if("${token}"===e.apiKey)return`),
    secret: token,
    rule: "generic-secret-comparison",
  },
  {
    name: "object literal",
    negative: "a={authToken:{requestStatus:0},b:1}",
    nearMiss: `a={authToken:"${token}",b:1}`,
    secret: token,
    rule: "generic-secret",
  },
  {
    name: "object literal in a service model",
    negative: 'members:{NextToken:{locationName:"nextToken"}}',
    nearMiss: `members:{AuthToken:"${token}"}`,
    secret: token,
    rule: "generic-secret",
  },
  {
    name: "template literal with an interpolation",
    negative: "const EVENT_KEYDOWN = `keydown${EVENT_KEY}`",
    nearMiss: `const EVENT_KEY = \`${token}\``,
    secret: token,
    rule: "generic-secret",
  },
  {
    name: "call",
    negative: "    key = arg.match(/^--(.+)/)[1];",
    nearMiss: `    key = '${token}';`,
    secret: token,
    rule: "generic-secret",
  },
  {
    name: "SCSS variable",
    negative: "@each $key, $value in $theme-colors {\n  $key: map-get($theme-colors, $value);\n}",
    nearMiss: `@each $key, $value in $theme-colors {\n  $api-key: "${token}";\n}`,
    secret: token,
    rule: "generic-secret",
  },
  {
    name: "minified bundle where every key and token is an identifier",
    negative: minified("let{token:g,tokenValue:m}=u;for(k=f.key,n=d;null!==n;){if(n.key===k){k=f.type;if(k===Bb){"),
    nearMiss: minified(`var dbConfig={password:"${password}"};`),
    secret: password,
    rule: "generic-password",
  },
  // Structured data with key-ish names.
  {
    name: "paginator result key",
    negative: '  "result_key": "DhcpOptions"',
    nearMiss: `  "result_key": "${token}"`,
    secret: token,
    rule: "generic-secret",
  },
  {
    name: "paginator output token (a path expression)",
    negative: '  "output_token": "StreamDescription.Shards[-1].ShardId",',
    nearMiss: `  "output_token": "${token}",`,
    secret: token,
    rule: "generic-secret",
  },
  {
    name: "date under a password name",
    negative: '  "PasswordLastUsed": "2016-09-24T16:18:07Z",',
    nearMiss: `  "PasswordLastUsed": "${password}",`,
    secret: password,
    rule: "generic-password",
  },
  {
    name: "object key that is a file name",
    negative: '  "Key": "HappyFaceCopyjpg"',
    nearMiss: `  "Key": "${token}"`,
    secret: token,
    rule: "generic-secret",
  },
  {
    name: "pagination token",
    negative: `  "NextToken": "${b64}"`,
    nearMiss: `  "SessionToken": "${b64}"`,
    secret: b64,
    rule: "generic-secret",
  },
  {
    name: "continuation token",
    negative: `  "NextContinuationToken": "${b64}",`,
    nearMiss: `  "ContinuationSecret": "${b64}",`,
    secret: b64,
    rule: "generic-secret",
  },
  {
    name: "localisation string",
    negative: "pdfjs-password-ok-button = OK",
    nearMiss: `pdfjs-password = ${password}`,
    secret: password,
    rule: "generic-password",
  },
];

describe("value model: each noise class of real code", () => {
  it.each(classes)("$name: the reported text is quiet", ({ negative }) => {
    expect(found(negative)).toEqual([]);
  });

  it.each(classes)("$name: the same shape with a secret literal is found", ({ nearMiss, secret, rule }) => {
    expect(found(nearMiss)).toEqual([`${rule}@${at(nearMiss, secret)}`]);
  });
});

describe("value model: is it a literal?", () => {
  it.each([
    ["{locationName:", "object-literal"],
    ["[1,2,3]", "array-literal"],
    ["({unexpected:a})=>", "expression"],
    ["==69271571&&d(u", "expression"],
    ["=o.key)h(e)", "expression"],
    ["!0,location", "expression"],
    ["arg.match(/^--(.+)/)[1]", "call"],
    ["a.b||c.d", "expression"],
  ])("bare %s is code (%s)", (value, reason) => {
    expect(bareCodeReason(value, "=")).toBe(reason);
  });

  it("a bare value compared with == is code, one assigned is not", () => {
    expect(bareCodeReason(token, "===")).toBe("comparison");
    expect(bareCodeReason(token, "=")).toBeUndefined();
    // A password may start with `!` followed by a letter.
    expect(bareCodeReason("!X" + password, "=")).toBeUndefined();
  });

  it("reads the operator back from the value, counting a bare value's leading = signs", () => {
    const text = "return u.token===1077936157?x:y";
    const start = text.indexOf("u.token");
    const secretStart = text.indexOf("==1077");
    expect(operatorBefore(text, start, secretStart, "bare")).toBe("===");
    const quoted = 'if (password !== "abc") {';
    expect(operatorBefore(quoted, 4, quoted.indexOf("abc"), "quoted")).toBe("!==");
  });

  it("a template literal holds an interpolation only when `${…}` encloses an expression", () => {
    expect(hasInterpolation("keydown${EVENT_KEY}")).toBe(true);
    expect(hasInterpolation("${this.prefix}-${id}")).toBe(true);
    // Random text that happens to contain `${`: brackets close before they open.
    expect(hasInterpolation("m{{h}o)p${e]nob(ody[finds>-_$#thisone}}")).toBe(false);
    expect(hasInterpolation(token)).toBe(false);
  });
});

describe("value model: does the literal read like a secret?", () => {
  it.each([
    ["2016-09-24T16:18:07Z", "password", "date"],
    ["2016-09-24", "value", "date"],
    ["StreamDescription.Shards[-1].ShardId", "value", "member-path"],
    ["Jobs[-1].JobId", "value", "member-path"],
    ["DhcpOptions", "value", "identifier"],
    ["DBProxyEndpoints", "value", "identifier"],
    ["HappyFaceCopyjpg", "value", "identifier"],
    ["{toneMapping:", "value", "code-fragment"],
  ] as const)("%s (%s) is %s", (value, mode, reason) => {
    expect(literalShapeReason(value, mode, ":", "quoted")).toBe(reason);
  });

  it("a typeof name is quiet only in a comparison", () => {
    expect(literalShapeReason("function", "password", "===", "quoted")).toBe("type-name");
    expect(literalShapeReason("function", "password", "=", "quoted")).toBeUndefined();
  });

  it("a bare value running into the next query parameter is read up to `&`", () => {
    expect(literalShapeReason("2145916800&token-hash=" + token, "value", "=", "bare")).toBe("query-string");
    expect(literalShapeReason(token + "&expires=1", "value", "=", "bare")).toBeUndefined();
  });

  it("identifiers are split into words, random strings are not identifiers", () => {
    expect(identifierParts("DBProxyEndpoints")).toEqual(["DB", "Proxy", "Endpoints"]);
    expect(identifierParts("sha256Digest")).toEqual(["sha", "256", "Digest"]);
    expect(identifierParts("a.b")).toBeUndefined();
    expect(isIdentifier("task_templates")).toBe(true);
    for (const seed of ["id-1", "id-2", "id-3", "id-4"]) {
      expect(isIdentifier(fakeToken("", 24, "alnum", seed))).toBe(false);
      expect(isIdentifier(fakeToken("", 20, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", seed))).toBe(false);
    }
    expect(isMemberPath(fakeToken("", 20, "alnum", "mp-1") + "." + fakeToken("", 20, "alnum", "mp-2"))).toBe(false);
  });

  it.each([
    ["NextToken", "pagination-token"],
    ["nextPageToken", "pagination-token"],
    ["next_page_token", "pagination-token"],
    ["ContinuationToken", "pagination-token"],
    ["SyncToken", "pagination-token"],
    ["AccessToken", undefined],
    ["refresh_token", undefined],
    ["SessionToken", undefined],
  ])("name %s: %s", (name, reason) => {
    expect(nameReason(name)).toBe(reason);
  });
});

describe("value model: minified and generated code", () => {
  it("a line is long when the rest of it, without the value, is MINIFIED_LINE characters", () => {
    const value = "x".repeat(2 * MINIFIED_LINE);
    // A long value on a short line (a certificate in a .env file) is not minified code.
    expect(onLongLine(`KEY=${value}\n`, 4, 4 + value.length)).toBe(false);
    const line = minified(`token="${token}"`);
    const start = line.indexOf(token);
    expect(onLongLine(line, start, start + token.length)).toBe(true);
    expect(onLongLine(`a\n${line}`, start + 2, start + 2 + token.length)).toBe(true);
  });

  it("only random-looking literals count there", () => {
    expect(looksRandomLiteral(token)).toBe(true);
    expect(looksRandomLiteral(password)).toBe(true);
    expect(looksRandomLiteral("1077936157")).toBe(false);
    expect(looksRandomLiteral("getTokenConstructor")).toBe(false);
    expect(looksRandomLiteral("short1A")).toBe(false);
  });

  it("a provider rule with a specific prefix fires in minified code as everywhere", () => {
    const key = fakeToken("ghp_", 36, "alnum", "value-model-ghp");
    const text = minified(`var t="${key}";`);
    expect(found(text)).toEqual([`github-pat@${at(text, key)}`]);
  });

  it("a bare word in minified code is dropped, the same word quoted and random is kept", () => {
    const text = minified(`u.token=${token};`);
    const start = text.indexOf(token);
    expect(genericDropReason({ text, start: text.indexOf("u.token"), secretStart: start, secretEnd: start + token.length, mode: "value" })).toBeUndefined();
    const word = minified("u.token=tokenConstructorValue;");
    const wordStart = word.indexOf("tokenConstructorValue");
    expect(
      genericDropReason({ text: word, start: word.indexOf("u.token"), secretStart: wordStart, secretEnd: wordStart + "tokenConstructorValue".length, mode: "value" }),
    ).toBe("identifier");
  });
});
