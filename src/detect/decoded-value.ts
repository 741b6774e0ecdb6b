/**
 * The text behind a base64 value, for rules whose values are always encoded
 * (a Kubernetes Secret's `data:`): `changeme` is a placeholder whether it is
 * written out or encoded as `Y2hhbmdlbWU=`, so the rule judges what the value
 * decodes to. Pure, no I/O.
 */

const BASE64 = /^[A-Za-z0-9+/]{4,16000}={0,2}$/;
// Printable text (and the whitespace a config file holds), not binary.
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

/** The UTF-8 text a base64 value encodes, or undefined when it is not base64 of text. */
export function decodedBase64Text(value: string): string | undefined {
  if (value.length % 4 !== 0 || !BASE64.test(value)) return undefined;
  const text = Buffer.from(value, "base64").toString("utf8");
  if (text.length === 0 || BINARY.test(text)) return undefined;
  return text;
}
