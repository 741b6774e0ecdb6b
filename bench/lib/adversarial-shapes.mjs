// Crafted contents that once cost finta-guard 30–120 s per MB (see
// docs/performance-bounds.md): each shape repeats what made one stage do
// work per byte that was not bounded. Deterministic: the same size gives the
// same bytes on every machine.
import { ALNUM, makeRng, randomString } from "./prng.mjs";

/** `unit` repeated to `bytes` (ASCII). */
function repeat(unit, bytes) {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** Lines of `width` characters (ASCII) from `line(i)` until `bytes`. */
function lines(bytes, line) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const l = line(i) + "\n";
    parts.push(l);
    size += l.length;
  }
  return parts.join("").slice(0, bytes);
}

const b64 = (s) => Buffer.from(s, "latin1").toString("base64");

/** Shape name → (bytes) → content. */
export const ADVERSARIAL_SHAPES = {
  // Every `%` once started a new overlapping 4 KiB percent-decoding.
  "percent-run": (bytes) => repeat("%41", bytes),
  // Keywords of the generic rules back to back, on one line.
  "pwd-dash": (bytes) => repeat("pwd-", bytes),
  "key-dash": (bytes) => repeat("key-", bytes),
  "token-dash": (bytes) => repeat("token-", bytes),
  "secret-dash": (bytes) => repeat("secret-", bytes),
  "pwd-assign": (bytes) => repeat("pwd= ", bytes),
  // Base64 of base64 of keyword runs: each line decodes twice into more keyword runs.
  "base64-nested": (bytes) => {
    const inner = b64(repeat("password=pwd-key-token-secret: ", 2200));
    const line = b64(inner).slice(0, 4000);
    return lines(bytes, () => line);
  },
  // Real findings, densely: one generic password per line.
  "dense-passwords": (bytes) => {
    const rng = makeRng(11);
    return lines(bytes, () => `password: "${randomString(rng, ALNUM, 12)}"`);
  },
};

export const ADVERSARIAL_SHAPE_NAMES = Object.keys(ADVERSARIAL_SHAPES);
