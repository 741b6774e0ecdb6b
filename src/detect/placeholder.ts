/**
 * Values that have the shape of a secret but are not one: elisions, template
 * references and low-variety bodies. See spec/finta-credentials.md,
 * "Not credentials".
 */

// Markers that only appear in documentation or templates, never in a real key.
const PLACEHOLDER_MARKERS = [
  "***",
  "...",
  "\u2026",
  "<",
  ">",
  "${",
  "{{",
  "}}",
  "$(",
  "%s",
  "%(",
  "your_",
  "your-",
  "yourkey",
  "your key",
  "xxxx",
  "changeme",
  "change_me",
  "change-me",
  "redacted",
  "placeholder",
  "_here",
  "-here",
  "insert_",
  "replace_me",
  "replaceme",
  "dummy",
  "fake_",
  "sample_",
  "todo",
  "0000000000",
];

// References to a value held elsewhere: an env var, a secret store, a hosting
// platform's secret (`@finta_api_key`), a function call.
const REFERENCE = /^(?:\$[A-Za-z_{(]|@[A-Za-z_]|%[A-Za-z_]+%$|process\.env|os\.environ|os\.getenv|getenv\(|env\(|ENV\[|secrets\.|vault:|arn:aws:secretsmanager|\{\{)/;

/** Strip a vendor prefix such as `sk_live_`, `finta_`, `ghp_`, `xoxb-` to get the random body. */
export function keyBody(secret: string): string {
  const m = /^(?:[A-Za-z]{1,12}[_-]){1,3}/.exec(secret);
  if (m && m[0].length < secret.length) return secret.slice(m[0].length);
  return secret;
}

/** True when every adjacent pair of characters steps by one (`1234…`, `abcd…`, with 9→0 and 9→a wraps). */
function isCountingRun(body: string): boolean {
  if (body.length < 6) return false;
  let steps = 0;
  for (let i = 1; i < body.length; i++) {
    const a = body.charCodeAt(i - 1);
    const b = body.charCodeAt(i);
    const isDigitA = a >= 48 && a <= 57;
    const lowerB = b | 0x20;
    if (b - a === 1 || a - b === 1) steps++;
    else if (a === 57 && b === 48) steps++; // 9 → 0
    else if (isDigitA && (lowerB === 97)) steps++; // 9/0 → a
    else if ((a | 0x20) === 122 && b === 48) steps++; // z → 0
  }
  return steps / (body.length - 1) >= 0.8;
}

/** A body made of one short unit repeated (`aaaa`, `abab`, `12341234`). */
function isRepeatedUnit(body: string): boolean {
  for (let unit = 1; unit <= 4 && unit * 3 <= body.length; unit++) {
    let repeated = true;
    for (let i = unit; i < body.length; i++) {
      if (body.charCodeAt(i) !== body.charCodeAt(i - unit)) {
        repeated = false;
        break;
      }
    }
    if (repeated) return true;
  }
  return false;
}

function distinctCount(body: string, cap: number): number {
  const seen = new Set<number>();
  for (let i = 0; i < body.length && seen.size <= cap; i++) seen.add(body.charCodeAt(i));
  return seen.size;
}

/** Is this value a placeholder, reference or low-variety filler rather than a secret? */
export function isPlaceholder(secret: string): boolean {
  if (REFERENCE.test(secret)) return true;
  const lower = secret.toLowerCase();
  for (const marker of PLACEHOLDER_MARKERS) if (lower.includes(marker)) return true;
  const body = keyBody(secret);
  if (isRepeatedUnit(body) || isCountingRun(body)) return true;
  // A long body drawn from two or three characters is filler, not a key.
  if (body.length >= 12 && distinctCount(body, 3) <= 3) return true;
  return false;
}
