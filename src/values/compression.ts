// gzip_decompress_from_base64_string / zlib_decompress_from_base64_string: base64 → gzip or zlib container → raw
// deflate (fflate's inflate, a pure-JavaScript, browser-safe implementation) → UTF-8 text. Containers are checked by
// hand as the pages describe; any failure gives null (the functions' "empty result").
// The compressing functions are refused: their output bytes are those of Kusto's own deflate encoder, which no page
// describes (the doc examples are single stored blocks), so no other encoder can be shown to give the same text.

import { inflateSync } from 'fflate';
import { bytesFromBase64 } from './encodings.js';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]!) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** Raw inflate of data, or null when it is not a valid deflate stream. */
function inflate(data: Uint8Array): Uint8Array | null {
  try {
    return inflateSync(data);
  } catch {
    return null;
  }
}

/** UTF-8 text of bytes, or null when they are not UTF-8 [U: the pages return "a UTF-8 string"]. */
function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * gzip_decompress_from_base64_string (gzip-base64-decompress.md): the header must have ID1 0x1f, ID2 0x8b, CM 8 and
 * FLG 0 ("optional header fields are not supported"); then the deflate data and the trailer's CRC-32 and size, which
 * must match the output [U: the page names only the header checks].
 */
export function gzipDecompressBase64(text: string): string | null {
  const bytes = bytesFromBase64(text);
  if (bytes === null || bytes.length < 18) return null;
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 8 || bytes[3] !== 0) return null;
  const out = inflate(bytes.subarray(10, bytes.length - 8));
  if (out === null) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 8, 8);
  if (view.getUint32(0, true) !== crc32(out) || view.getUint32(4, true) !== out.length >>> 0) return null;
  return utf8(out);
}

/**
 * zlib_decompress_from_base64_string (zlib-base64-decompress-function.md): "the only supported window size is 15"
 * (CMF 0x78), the header check value must hold and no preset dictionary is allowed; the trailer's Adler-32 must match
 * the output [U].
 */
export function zlibDecompressBase64(text: string): string | null {
  const bytes = bytesFromBase64(text);
  if (bytes === null || bytes.length < 6) return null;
  const cmf = bytes[0]!;
  const flg = bytes[1]!;
  if (cmf !== 0x78 || ((cmf << 8) | flg) % 31 !== 0 || (flg & 0x20) !== 0) return null;
  const out = inflate(bytes.subarray(2, bytes.length - 4));
  if (out === null) return null;
  if (new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4, 4).getUint32(0, false) !== adler32(out)) return null;
  return utf8(out);
}
