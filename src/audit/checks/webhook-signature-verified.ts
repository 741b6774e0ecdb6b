/**
 * webhook-signature-verified: code that receives Finta webhooks (mentions
 * the `x-finta-signature` header or `FINTA_WEBHOOK_SECRET`) verifies the
 * signature the way the practice asks:
 *   - an HMAC computed over the raw request body (an HMAC over
 *     `JSON.stringify(body)` / `json.dumps(…)` fails: re-serialised JSON is
 *     not the bytes Finta signed);
 *   - compared in constant time (`crypto.timingSafeEqual`,
 *     `crypto.subtle.verify`, `hmac.compare_digest`); `===`, `==`, `!=` or
 *     `.equals()` on a signature fails (timing leak);
 *   - in JS/TS, lengths checked before `timingSafeEqual` (it throws on a
 *     length mismatch) — warn when missing; Python's `compare_digest`
 *     accepts unequal lengths;
 *   - the body is not parsed as JSON before the comparison — warn.
 * A handler file may delegate to a verifier in another file: missing HMAC or
 * comparison in one file fails only when no file in the repository has both.
 *
 * Heuristics over comment-blanked source, not a parser: every result names
 * the line it is about, so a reader can judge it.
 */
import { CODE_SEARCH_DESCRIPTION, listCodeFiles, offsetsOf, type CodeFile } from "../code-files.js";
import { lineAt } from "../repo-files.js";
import type { Check, CheckResult, Evidence } from "../types.js";

/** Reads the signature header (Django: HTTP_X_FINTA_SIGNATURE) or the signing secret, outside other strings. */
const HANDLER = /x-finta-signature|FINTA_WEBHOOK_SECRET|HTTP_X_FINTA_SIGNATURE/i;

interface LanguagePatterns {
  readonly hmac: RegExp;
  /** An HMAC fed with re-serialised JSON on the same line. */
  readonly hmacOverJson: RegExp;
  readonly constantTime: RegExp;
  /** Only JS/TS: timingSafeEqual throws unless lengths match. */
  readonly lengthCheck?: RegExp;
  readonly parseJson: RegExp;
}

const PATTERNS: Record<CodeFile["language"], LanguagePatterns> = {
  js: {
    hmac: /\bcreateHmac\s*\(|\bsubtle\.(?:sign|verify|importKey)\s*\(/,
    hmacOverJson: /(?:\.update|createHmac)\s*\([^\n]*JSON\.stringify\s*\(|subtle\.(?:sign|verify)\s*\([^\n]*JSON\.stringify\s*\(/,
    constantTime: /\btimingSafeEqual\s*\(|\bsubtle\.verify\s*\(/,
    lengthCheck: /\.(?:length|byteLength)\s*(?:!==|===|!=|==)|(?:!==|===|!=|==)\s*[\w$.[\]]+\.(?:length|byteLength)\b/,
    parseJson: /\bJSON\.parse\s*\(|\b(?:req|request|ctx\.request|c\.req)\.json\s*\(\s*\)|\bexpress\.json\s*\(|\bbodyParser\.json\s*\(/,
  },
  py: {
    hmac: /\bhmac\.(?:new|digest|HMAC)\s*\(|\bHMAC\s*\(/,
    hmacOverJson: /\bhmac\.(?:new|digest)\s*\([^\n]*json\.dumps\s*\(|\bHMAC\s*\([^\n]*json\.dumps\s*\(/,
    constantTime: /\b(?:hmac\.|secrets\.)?compare_digest\s*\(/,
    parseJson: /\bjson\.loads\s*\(|\.get_json\s*\(|\brequest\.json\b|\bawait\s+request\.json\s*\(/,
  },
};

// A comparison between two operands; operands are rough (identifiers, calls, member access).
const COMPARISON = /([\w$.[\]()'"-]+)\s*(===|!==|==|!=)\s*([\w$.[\]()'"`-]+)/g;
const SIGNATURE_LIKE = /sig|digest|hmac|\bmac\b/i;
const HARMLESS_OPERAND = /^(?:undefined|null|None|true|false|True|False|\d+|["'`].*|typeof)$|\.(?:length|byteLength)\b|\blen\(|\btypeof\b/;
const UNSAFE_EQUALS = /\b[\w$.]*(?:sig|digest|hmac)[\w$.]*\.equals\s*\(/i;

/**
 * Where a signature is compared with a non-constant-time operator. Matched on
 * `bare` (literal contents masked, so operators inside strings do not count);
 * whether an operand is a signature is read from the same span of `code` (as
 * written: `req.headers["x-finta-signature"]` names the header only inside
 * its string), or from `signatureNames`, the variables that hold a
 * signature (see signatureVariables). `text` shows the comparison as written.
 */
export function unsafeComparisons(bare: string, code: string = bare, signatureNames: ReadonlySet<string> = new Set()): { offset: number; text: string }[] {
  const found: { offset: number; text: string }[] = [];
  const re = new RegExp(COMPARISON.source, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(bare)) !== null) {
    const left = m[1] ?? "";
    const right = m[3] ?? "";
    const op = m[2] ?? "";
    re.lastIndex = m.index + left.length + op.length + 1; // let the right operand start the next comparison
    const rightStart = m.index + m[0].length - right.length;
    const shownLeft = trimParens(code.slice(m.index, m.index + left.length));
    const shownRight = trimParens(code.slice(rightStart, rightStart + right.length));
    if (!isSignature(shownLeft, signatureNames) && !isSignature(shownRight, signatureNames)) continue;
    if (HARMLESS_OPERAND.test(left) || HARMLESS_OPERAND.test(right)) continue;
    found.push({ offset: m.index, text: `${shownLeft} ${op} ${shownRight}` });
  }
  for (const offset of offsetsOf(bare, UNSAFE_EQUALS)) found.push({ offset, text: ".equals()" });
  return found.sort((a, b) => a.offset - b.offset);
}

function isSignature(operand: string, signatureNames: ReadonlySet<string>): boolean {
  if (SIGNATURE_LIKE.test(operand) || HEADER.test(operand)) return true;
  const root = /^[A-Za-z_$][\w$]*/.exec(operand)?.[0];
  return root !== undefined && signatureNames.has(root);
}

/** The signature header by any of its spellings (a JS header lookup, Django's META key). */
const HEADER = /x-finta-signature|HTTP_X_FINTA_SIGNATURE/i;
/** `name = …` (JS `const`/`let`/`var`, Python, Go `:=`) up to the end of its line; `==` is not an assignment. */
// Linear: no two adjacent quantifiers can read the same characters (a
// whitespace run is read by one \s* at a time), so a hostile file costs O(n).
const ASSIGNMENT = /(?:^|[;{(\s])(?:const\s+|let\s+|var\s+)?([A-Za-z_$][\w$]*)(?:\s*:\s?[\w$.<>[\]|]{1,40})?\s*:?=(?![=>])([^\n]*)/gm;

/**
 * Variables that hold a signature: assigned from the signature header or from
 * an HMAC computation (`given = req.get("x-finta-signature")`, `expected =
 * hmac.new(…).hexdigest()`), so `expected == given` is a signature comparison
 * whatever the names say. One pass over the file, no data flow beyond that.
 */
export function signatureVariables(code: string, hmac: RegExp): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(ASSIGNMENT)) {
    const value = m[2] ?? "";
    if (HEADER.test(value) || hmac.test(value) || /\bdigest\s*\(|\bhexdigest\s*\(/.test(value)) names.add(m[1] ?? "");
  }
  names.delete("");
  return names;
}

/** `(sig` → `sig`, `hex(mac))` → `hex(mac)`: drop the parentheses a rough operand took from around the comparison. */
function trimParens(text: string): string {
  const count = (t: string, c: string) => t.split(c).length - 1;
  let t = text;
  while (t.startsWith("(") && count(t, "(") > count(t, ")")) t = t.slice(1);
  while (t.endsWith(")") && count(t, ")") > count(t, "(")) t = t.slice(0, -1);
  return t;
}

interface FileVerdict {
  readonly file: CodeFile;
  readonly handlerLine: number;
  readonly hmac: number[];
  readonly constantTime: number[];
  /** Lines where a signature is compared with `===`, `==`, `!=`, `.equals()`. */
  readonly unsafe: number[];
  readonly failures: Evidence[];
  readonly warnings: Evidence[];
}

function examine(file: CodeFile): FileVerdict {
  const p = PATTERNS[file.language];
  const code = file.bare;
  const at = (offset: number) => lineAt(code, offset);
  const failures: Evidence[] = [];
  const warnings: Evidence[] = [];
  const hmac = offsetsOf(code, p.hmac);
  const constantTime = offsetsOf(code, p.constantTime);

  for (const offset of offsetsOf(code, p.hmacOverJson)) {
    failures.push({ file: file.path, line: at(offset), message: "HMAC over re-serialised JSON, not the raw request body" });
  }
  const unsafe = unsafeComparisons(code, file.code, signatureVariables(file.code, p.hmac));
  for (const u of unsafe) {
    failures.push({ file: file.path, line: at(u.offset), message: `signature compared with ${u.text.includes(".equals") ? ".equals()" : "`" + u.text + "`"} (not constant-time)` });
  }
  if (p.lengthCheck) {
    const lengthChecks = offsetsOf(code, p.lengthCheck);
    for (const offset of offsetsOf(code, /\btimingSafeEqual\s*\(/)) {
      if (!lengthChecks.some((l) => l < offset)) {
        warnings.push({ file: file.path, line: at(offset), message: "timingSafeEqual without a length check before it (it throws on unequal lengths)" });
      }
    }
  }
  const firstCompare = constantTime[0];
  if (firstCompare !== undefined) {
    const parsed = offsetsOf(code, p.parseJson).filter((o) => o < firstCompare);
    for (const offset of parsed) {
      warnings.push({ file: file.path, line: at(offset), message: "body parsed as JSON before the signature is verified" });
    }
  }
  return { file, handlerLine: at(code.search(HANDLER)), hmac, constantTime, unsafe: unsafe.map((u) => at(u.offset)), failures, warnings };
}

export const webhookSignatureVerified: Check = {
  id: "webhook-signature-verified",
  title: "Webhook signatures are verified",
  practice: "Every Finta webhook is authenticated: HMAC over the raw body, compared in constant time, before the payload is trusted.",
  async run({ git, repoRoot }): Promise<CheckResult> {
    const files = await listCodeFiles(git, repoRoot);
    // The raw text test is cheap and necessary; only files that pass it are masked.
    const handlers = files.filter((f) => HANDLER.test(f.text) && HANDLER.test(f.bare));
    const searched = `searched ${files.length} file(s) (${CODE_SEARCH_DESCRIPTION}) for x-finta-signature / FINTA_WEBHOOK_SECRET`;
    if (handlers.length === 0) {
      return { id: this.id, title: this.title, status: "skip", reason: `No code handles Finta webhooks (${searched}).`, evidence: [], fix: "" };
    }
    const verdicts = handlers.map(examine);
    const verifiers = verdicts.filter((v) => v.hmac.length > 0 && v.constantTime.length > 0);
    const failures = verdicts.flatMap((v) => v.failures);
    const warnings = verdicts.flatMap((v) => v.warnings);
    if (verifiers.length === 0) {
      // A file that compares a signature unsafely has that comparison as its
      // evidence (the line to fix); "never compared" would point elsewhere.
      for (const v of verdicts.filter((v) => v.unsafe.length === 0)) {
        const missing = v.hmac.length === 0 ? "no HMAC over the request body" : "HMAC computed but never compared in constant time";
        failures.push({ file: v.file.path, line: v.hmac.length ? lineAt(v.file.bare, v.hmac[0] ?? 0) : v.handlerLine, message: missing });
      }
    }
    const order = (a: Evidence, b: Evidence) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0));
    const handlerList = handlers.map((h) => h.path).join(", ");
    const fix = [
      "Verify before trusting the payload, over the raw bytes:",
      "  TS/JS: app.post(path, express.raw({ type: \"application/json\" }), handler);",
      "         const expected = createHmac(\"sha256\", process.env.FINTA_WEBHOOK_SECRET!).update(req.body).digest();",
      "         const given = Buffer.from(req.get(\"x-finta-signature\") ?? \"\", \"hex\");",
      "         if (given.length !== expected.length || !timingSafeEqual(given, expected)) return res.sendStatus(400);",
      "  Python: expected = hmac.new(secret, request.get_data(), hashlib.sha256).hexdigest()",
      "          if not hmac.compare_digest(expected, request.headers.get(\"x-finta-signature\", \"\")): abort(400)",
      "Parse the JSON only after the comparison succeeded.",
    ].join("\n");
    if (failures.length) {
      return {
        id: this.id,
        title: this.title,
        status: "fail",
        reason: `Webhook signatures are not verified safely (handlers: ${handlerList}; ${searched}).`,
        evidence: [...failures, ...warnings].sort(order),
        fix,
      };
    }
    if (warnings.length) {
      return {
        id: this.id,
        title: this.title,
        status: "warn",
        reason: `Signatures are compared in constant time, with caveats (handlers: ${handlerList}; ${searched}).`,
        evidence: warnings.sort(order),
        fix,
      };
    }
    return {
      id: this.id,
      title: this.title,
      status: "pass",
      reason: `HMAC compared in constant time (handlers: ${handlerList}; ${searched}).`,
      evidence: verifiers.map((v) => ({ file: v.file.path, line: lineAt(v.file.bare, v.constantTime[0] ?? 0), message: "constant-time comparison" })),
      fix: "",
    };
  },
};
