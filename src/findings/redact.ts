/**
 * Redaction: what a report may show of a secret. A vendor prefix (`sk_live_`,
 * `ghp_`, `finta_`) and the first two characters of the body stay visible so
 * a reader can tell which key it is; the rest never leaves the process.
 */
export const REDACTED = "…(redacted)";

const PREFIX = /^(?:[A-Za-z]{1,12}[_-]){1,3}/;

export function redactSecret(secret: string): string {
  const prefix = PREFIX.exec(secret)?.[0] ?? "";
  const body = secret.slice(prefix.length);
  // Show at most a quarter of the body, never more than 2 characters of it.
  const shown = Math.min(2, Math.floor(body.length / 4));
  return prefix + body.slice(0, shown) + REDACTED;
}

/** `text` with every occurrence of `secret` replaced by its redacted form. */
export function redactIn(text: string, secret: string): string {
  if (!secret) return text;
  let out = text.split(secret).join(redactSecret(secret));
  // A multi-line secret (a PEM body) shows in a one-line snippet only in part:
  // hide each of its lines too.
  if (/[\r\n]/.test(secret)) {
    for (const part of secret.split(/\r\n|\r|\n/)) {
      if (part.length >= 8) out = out.split(part).join(redactSecret(part));
    }
  }
  return out;
}
