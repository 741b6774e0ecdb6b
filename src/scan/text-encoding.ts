/**
 * Which encoding a file's bytes are read in, decided by its byte-order mark:
 * UTF-32 and UTF-16 (either byte order) when their BOM opens the file, UTF-8
 * otherwise (a UTF-8 BOM is dropped). PowerShell and many Windows editors
 * write UTF-16LE with a BOM; read as UTF-8 such a file is full of NUL bytes
 * and would count as binary, its secrets never seen.
 *
 * Decoding is incremental (a character split across reads survives) and
 * every decoder drops the BOM, so columns count from the first character
 * after it, in UTF-16 code units, as for any file.
 */

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be";

/** Bytes needed to tell every BOM apart (UTF-32LE's begins like UTF-16LE's). */
export const BOM_SNIFF_BYTES = 4;

export interface IncrementalDecoder {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

const BOMS: readonly (readonly number[])[] = [
  [0xff, 0xfe, 0, 0],
  [0, 0, 0xfe, 0xff],
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/** Could more bytes after `head` still change the encoding read from it? (Wait for them only then.) */
export function bomUndecided(head: Uint8Array): boolean {
  return head.length < BOM_SNIFF_BYTES && BOMS.some((bom) => bom.length > head.length && head.every((b, i) => bom[i] === b));
}

/** The encoding a file starting with `head` (at least BOM_SNIFF_BYTES bytes unless the file is shorter) is in. */
export function encodingOf(head: Uint8Array): TextEncodingName {
  const [a, b, c, d] = head;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return "utf-32le";
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return "utf-32be";
  if (a === 0xff && b === 0xfe) return "utf-16le";
  if (a === 0xfe && b === 0xff) return "utf-16be";
  return "utf-8";
}

/** UTF-16 and UTF-32 hold NUL bytes in plain text: binary sniffing must look at characters, not bytes. */
export function isWideEncoding(encoding: TextEncodingName): boolean {
  return encoding !== "utf-8";
}

export function decoderFor(encoding: TextEncodingName): IncrementalDecoder {
  if (encoding === "utf-32le" || encoding === "utf-32be") return new Utf32Decoder(encoding === "utf-32le");
  return new TextDecoder(encoding);
}

const REPLACEMENT = 0xfffd;
/** Code points turned into a string per call: keeps String.fromCodePoint's argument list short. */
const CODE_POINTS_PER_CALL = 4096;

/** UTF-32 (TextDecoder has none): four bytes per code point; the BOM, invalid values and a truncated tail become U+FFFD or are dropped as TextDecoder would. */
class Utf32Decoder implements IncrementalDecoder {
  readonly #littleEndian: boolean;
  #pending: Uint8Array = new Uint8Array(0);
  #started = false;

  constructor(littleEndian: boolean) {
    this.#littleEndian = littleEndian;
  }

  decode(bytes: Uint8Array = new Uint8Array(0), options: { stream?: boolean } = {}): string {
    let input = bytes;
    if (this.#pending.length) {
      input = new Uint8Array(this.#pending.length + bytes.length);
      input.set(this.#pending);
      input.set(bytes, this.#pending.length);
    }
    const whole = input.length - (input.length % 4);
    const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
    const parts: string[] = [];
    let codes: number[] = [];
    for (let i = 0; i < whole; i += 4) {
      let cp = view.getUint32(i, this.#littleEndian);
      if (!this.#started) {
        this.#started = true;
        if (cp === 0xfeff) continue;
      }
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = REPLACEMENT;
      codes.push(cp);
      if (codes.length === CODE_POINTS_PER_CALL) {
        parts.push(String.fromCodePoint(...codes));
        codes = [];
      }
    }
    if (codes.length) parts.push(String.fromCodePoint(...codes));
    const rest = input.subarray(whole);
    if (options.stream) {
      this.#pending = rest.slice();
    } else {
      this.#pending = new Uint8Array(0);
      if (rest.length) parts.push(String.fromCharCode(REPLACEMENT));
    }
    return parts.join("");
  }
}
