/**
 * Which text encoding a CSV file uses. Spreadsheets and business-card apps write UTF-8 (often with
 * a byte-order mark); older Japanese Excel writes Shift_JIS (really Windows-31J, which the WHATWG
 * "shift_jis" decoder is); Excel's "Unicode text" is UTF-16 with a byte-order mark.
 *
 * UTF-8 is tried first and strictly (`fatal`), because Shift_JIS text almost never forms valid
 * UTF-8 while the reverse is common: a strict UTF-8 success is a reliable answer. The decoder is
 * passed in (TextDecoder in the browser and in Node), so this file stays free of platform types.
 */

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis' | 'utf-16le' | 'utf-16be';

/** What the user is told when a file cannot be read as text. */
export type DecodeFailure =
  /** No bytes, or nothing but a byte-order mark and blank space. */
  | 'empty'
  /** An Excel workbook (.xlsx or .xls) rather than a CSV saved from it. */
  | 'spreadsheet'
  /** Not text at all (an image, a PDF, a zip). */
  | 'binary'
  /** Text, but neither UTF-8 nor Shift_JIS (e.g. EUC-JP or a broken file). */
  | 'unknown-encoding';

export type DecodeResult = { ok: true; text: string; encoding: CsvEncoding } | { ok: false; reason: DecodeFailure };

export interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
/** `(label, { fatal: true })` → a decoder that throws on invalid bytes; TextDecoder in practice. */
export type DecoderFactory = (label: 'utf-8' | 'shift_jis' | 'utf-16le' | 'utf-16be', options: { fatal: boolean }) => TextDecoderLike;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

function tryDecode(make: DecoderFactory, label: Parameters<DecoderFactory>[0], bytes: Uint8Array): string | null {
  try {
    return make(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// Control characters other than tab, newline, carriage return, vertical tab and form feed (FileMaker
// writes line breaks inside a cell as a vertical tab) do not occur in a CSV someone typed; more
// than a handful of them in the first few kilobytes means the bytes are not text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  const controls = sample.match(CONTROL)?.length ?? 0;
  return sample.includes('\u0000') || controls > Math.max(2, sample.length / 200);
}

export function decodeCsvBytes(bytes: Uint8Array, makeDecoder: DecoderFactory): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) return { ok: false, reason: 'spreadsheet' };
  if (startsWith(bytes, PDF)) return { ok: false, reason: 'binary' };

  let decoded: { text: string; encoding: CsvEncoding } | null = null;
  if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = tryDecode(makeDecoder, encoding, bytes);
    if (text === null) return { ok: false, reason: 'unknown-encoding' };
    decoded = { text, encoding };
  } else {
    const utf8 = tryDecode(makeDecoder, 'utf-8', bytes);
    if (utf8 !== null) decoded = { text: utf8, encoding: startsWith(bytes, UTF8_BOM) ? 'utf-8-bom' : 'utf-8' };
    else {
      const sjis = tryDecode(makeDecoder, 'shift_jis', bytes);
      if (sjis !== null) decoded = { text: sjis, encoding: 'shift_jis' };
    }
  }
  if (!decoded) return { ok: false, reason: looksBinaryBytes(bytes) ? 'binary' : 'unknown-encoding' };
  // TextDecoder drops a leading BOM itself; a second one (a file saved twice) is dropped here.
  const text = decoded.text.replace(/^\uFEFF+/, '');
  if (looksBinary(text)) return { ok: false, reason: 'binary' };
  if (!/\S/.test(text)) return { ok: false, reason: 'empty' };
  return { ok: true, text, encoding: decoded.encoding };
}

function looksBinaryBytes(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) controls++;
  }
  return controls > Math.max(2, n / 200);
}
