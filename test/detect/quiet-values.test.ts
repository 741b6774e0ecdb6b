/**
 * What the word-likeness filter (detect/word-likeness.ts) keeps quiet: values
 * that read as words, paths, URLs, versions, hashes, templates or samples,
 * and passwords that are single words but not placeholders.
 */
import { describe, expect, it } from "vitest";
import { isQuietValue, quietReason, wordLikeness } from "../../src/detect/word-likeness.js";
import { fakeToken } from "../../src/rules/examples.js";

describe("word-likeness filter", () => {
  it.each([
    ["SalesResults-1.2", "words"],
    ["this is just a long string, like a user facing error message", "prose"],
    ["env/cert.p12", "path"],
    ["/tmp/app.keytab", "path"],
    ["https://vault.example.com/v1/secret", "url"],
    ["rc0.13.0_20230412_0712-SNAPSHOT", "version"],
    ["sha512-" + fakeToken("", 86, "base64", "wl-sri") + "==", "content-hash"],
    ["${API_TOKEN}", "template"],
    ["{{ .Values.password }}", "template"],
    ["process.env.API_TOKEN", "reference"],
    ["X25519.secret_length", "member-access"],
    ["james.fake@ymail.com", "email"],
    ["0x31c45018", "number"],
    ["ZHVtbXkgdGV4dCBkYXRhIGRhdGEgZGF0YQ==", "encoded-text"],
    [`${fakeToken("", 8, "hex", "wl-uuid-a")}-46da-4fdb-b8d5-${fakeToken("", 12, "hex", "wl-uuid-b")}`, "uuid"],
    [`EXAMPLE1-90ab-cdef-fedc-${fakeToken("", 12, "alnum", "wl-sample")}`, "sample"],
    [`mysql://app:${fakeToken("", 12, "alnum", "wl-url")}@db.internal/app`, "url-with-credentials"],
  ])("%s is quiet (%s)", (value, reason) => {
    expect(quietReason(value)).toBe(reason);
  });

  it.each([
    fakeToken("", 32, "alnum", "wl-1"),
    fakeToken("", 40, "hex", "wl-2"),
    fakeToken("", 44, "base64url", "wl-3"),
    fakeToken("", 22, "lowerAlnum", "wl-4"),
  ])("random value %s is not quiet", (value) => {
    expect(quietReason(value)).toBeUndefined();
    expect(wordLikeness(value)).toBeLessThan(0.5);
  });

  it.each([
    ["rootpasswd", false],
    ["cackle!", false],
    ["real_secret", true],
    ["somefakekey", true],
    ["TestSourcePassword", true],
    ["password", true],
    ["m{{h}o)p${e]nob(ody[finds>-_$#thisone}}", false],
    ["${DB_PASSWORD}", true],
  ])("password %s quiet: %s", (value, quiet) => {
    expect(isQuietValue(value, "password")).toBe(quiet);
  });

  it.each([
    ["m{{h}o)p${e]nob(ody[finds>-_$#thisone}}", undefined, false],
    ["previousKey)", "key !== previousKey)", true],
    ["objectAllocator.getTokenConstructor()))(", "TokenConstructor = objectAllocator.getTokenConstructor()))(", true],
    ["{self._key!r}", "key={self._key!r}", true],
    ["id-Gost28147-89-None-KeyMeshing", 'SN_id_Gost28147_89_None_KeyMeshing = "id-Gost28147-89-None-KeyMeshing', true],
    [fakeToken("", 32, "alnum", "wl-ctx"), "api_key = ", false],
  ])("value %s in %s quiet: %s", (value, context, quiet) => {
    expect(isQuietValue(value, "value", context === undefined ? undefined : context + (context.endsWith(value) ? "" : value))).toBe(quiet);
  });
});
