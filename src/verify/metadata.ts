/**
 * Picks the non-secret facts a provider's "who am I" answer holds about a
 * key (its name, mode, environment, creation date), by an allowlist of field
 * paths: nothing else of the body is kept. The body comes from the network,
 * so every value is checked before a report or terminal shows it: scalars
 * only, control characters removed, cut short, and dropped when it holds the
 * key itself or anything shaped like a credential.
 */

/** Longest metadata value kept. */
export const MAX_METADATA_CHARS = 80;

/** Output name → candidate paths in the JSON body (dot-separated), first present wins. */
export type MetadataFields = Readonly<Record<string, readonly string[]>>;

// A value that looks like a credential of any kind is never shown, whatever field holds it.
const CREDENTIAL_SHAPE = /(?:finta_|sk_(?:live|test)_|whsec_|pk_(?:live|test)_)[A-Za-z0-9]|[A-Za-z0-9+/_-]{40,}/;

function at(body: unknown, path: string): unknown {
  let value = body;
  for (const part of path.split(".")) {
    if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A scalar as display text, or undefined when it may not be shown. */
function shown(value: unknown, secret: string): string | undefined {
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number" && Number.isFinite(value)) text = String(value);
  else if (typeof value === "boolean") text = String(value);
  else return undefined;
  // Terminals and CI logs interpret control characters (escape sequences, workflow commands).
  text = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "").trim();
  if (text === "" || text.includes(secret) || CREDENTIAL_SHAPE.test(text)) return undefined;
  return text.length > MAX_METADATA_CHARS ? text.slice(0, MAX_METADATA_CHARS - 1) + "…" : text;
}

/** The allowed fields of a JSON body; an empty object when the body is not JSON. */
export function pickMetadata(bodyText: string, fields: MetadataFields, secret: string): Record<string, string> {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return {};
  }
  const out: Record<string, string> = {};
  for (const [name, paths] of Object.entries(fields)) {
    for (const path of paths) {
      const text = shown(at(body, path), secret);
      if (text !== undefined) {
        out[name] = text;
        break;
      }
    }
  }
  return out;
}
