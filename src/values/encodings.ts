// Byte-level text encodings: base64 of byte arrays and of guids, URL percent-encoding, Unicode code points → text.
// Browser-safe: TextEncoder/TextDecoder only, no Buffer.

import type { Dynamic, DynamicArray } from './types.js';
import { isDynamicArray } from './types.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** Standard base64 (RFC 4648, with = padding) of bytes. */
export function base64FromBytes(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    out += B64[b0 >> 2]! + B64[((b0 & 3) << 4) | ((b1 ?? 0) >> 4)]!;
    out += b1 === undefined ? '=' : B64[((b1 & 15) << 2) | ((b2 ?? 0) >> 6)]!;
    out += b2 === undefined ? '=' : B64[b2 & 63]!;
  }
  return out;
}

/**
 * The bytes of base64 text, or null when it is not base64: surrounding whitespace is ignored, the length must be a
 * multiple of 4 with at most two '=' at the end (the rule base64_decode_tostring applies; the doc's invalid example
 * "U3RyaW5n0KHR0tGA0L7Rh9C60LA" is 27 characters).
 */
export function bytesFromBase64(text: string): Uint8Array | null {
  const clean = text.trim();
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((clean.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const c0 = B64_INDEX.get(clean[i]!)!;
    const c1 = B64_INDEX.get(clean[i + 1]!)!;
    const c2 = B64_INDEX.get(clean[i + 2]!) ?? -1;
    const c3 = B64_INDEX.get(clean[i + 3]!) ?? -1;
    out[o++] = (c0 << 2) | (c1 >> 4);
    if (c2 >= 0) out[o++] = ((c1 & 15) << 4) | (c2 >> 2);
    if (c3 >= 0) out[o++] = ((c2 & 3) << 6) | c3;
  }
  return o === out.length ? out : null;
}

/** base64_decode_toarray(): the bytes as an array of longs (base64-decode-toarray-function.md); null when not base64. */
export function base64ToLongArray(text: string): DynamicArray | null {
  const bytes = bytesFromBase64(text);
  return bytes === null ? null : Object.freeze(Array.from(bytes, (b) => BigInt(b)));
}

/**
 * base64_encode_fromarray(): base64 of an array of bytes (base64-encode-fromarray-function.md). [U] Anything but an
 * array of integers 0..255 (a non-array, a real, a number out of range) gives null: the page says an invalid array
 * gives an empty result.
 */
export function base64FromLongArray(arr: Dynamic): string | null {
  if (!isDynamicArray(arr)) return null;
  const bytes = new Uint8Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    const n = typeof v === 'bigint' ? v : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : null;
    if (n === null || n < 0n || n > 255n) return null;
    bytes[i] = Number(n);
  }
  return base64FromBytes(bytes);
}

/**
 * A guid's 16 bytes in .NET's Guid.ToByteArray() layout: the first three groups little-endian, the last two as
 * written (base64-encode-fromguid-function.md: ae3133f2-6e22-49ae-b06a-16e6a9b212eb → "8jMxriJurkmwahbmqbIS6w==",
 * whose bytes start f2 33 31 ae 22 6e ae 49).
 */
export function guidToBytes(guid: string): Uint8Array {
  const hex = guid.replace(/-/g, '');
  const b = new Uint8Array(16);
  for (let i = 0; i < 16; i++) b[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  // Reverse the 4-byte, 2-byte and 2-byte groups.
  return Uint8Array.from([b[3]!, b[2]!, b[1]!, b[0]!, b[5]!, b[4]!, b[7]!, b[6]!, ...b.subarray(8)]);
}

/** The guid whose .NET byte layout is `bytes` (16 of them): the inverse of guidToBytes. */
export function guidFromBytes(bytes: Uint8Array): string {
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  const hex = order.map((i) => bytes[i]!.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * base64_decode_toguid(): the guid of 16 base64-encoded bytes, null otherwise (base64-decode-toguid-function.md).
 * The layout is .NET's, the inverse of base64_encode_fromguid. The decode page's own example prints
 * 10e99626-bc2b-754c-… for bytes 26 96 e9 10 2b bc 75 4c …, which reverses the third group nowhere else: the encode
 * page's example (which does reverse it) and the round trip between the two functions are followed [U].
 */
export function base64ToGuid(text: string): string | null {
  const bytes = bytesFromBase64(text);
  return bytes === null || bytes.length !== 16 ? null : guidFromBytes(bytes);
}

// ---------------------------------------------------------------------------------------------------------------
// URL percent-encoding: .NET HttpUtility.UrlEncode/UrlDecode, whose output the doc pages show (lower-case hex
// "%3a%2f", "+" for a space in url_encode).

/** Characters UrlEncode leaves as they are: ASCII letters, digits and - _ . ! * ( ). */
const URL_SAFE = /^[A-Za-z0-9\-_.!*()]$/;
const encoder = new TextEncoder();

/**
 * url_encode / url_encode_component (url-encode-function.md, url-encode-component-function.md): every character but
 * letters, digits and - _ . ! * ( ) becomes %xx per UTF-8 byte, hex in lower case; a space is "+" (url_encode) or
 * "%20" (url_encode_component).
 */
export function urlEncode(text: string, spaceAsPlus: boolean): string {
  let out = '';
  for (const ch of text) {
    if (URL_SAFE.test(ch)) out += ch;
    else if (ch === ' ') out += spaceAsPlus ? '+' : '%20';
    else for (const b of encoder.encode(ch)) out += '%' + b.toString(16).padStart(2, '0');
  }
  return out;
}

/**
 * url_decode (url-decode-function.md: "https%3a%2f%2fwww.bing.com%2f" → "https://www.bing.com/"): %xx sequences are
 * UTF-8 bytes (hex in either case), "+" is a space (the form encoding url_encode writes) [U], %uXXXX is a UTF-16
 * unit; a '%' not followed by valid hex stays as it is; bytes that are not UTF-8 become U+FFFD.
 */
export function urlDecode(text: string): string {
  if (!text.includes('%') && !text.includes('+')) return text;
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let out = '';
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length > 0) {
      out += decoder.decode(Uint8Array.from(bytes));
      bytes = [];
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '+') {
      flush();
      out += ' ';
    } else if (c === '%' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '%' && (text[i + 1] === 'u' || text[i + 1] === 'U') && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
      flush();
      out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      flush();
      out += c;
    }
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Unicode code points

/**
 * unicode_codepoints_to_string(v1, v2, …) / make_string (unicode-codepoints-to-string-function.md): each argument is a
 * code point or an array of them; null when any value is not a valid code point. [U] Valid means an integer in
 * 0..0x10FFFF outside the surrogate range D800..DFFF (which are not characters); a nested array, a real or a null
 * element is invalid; an empty array adds nothing.
 */
export function codePointsToString(values: readonly Dynamic[]): string | null {
  let out = '';
  const add = (v: Dynamic): boolean => {
    const n = typeof v === 'bigint' ? v : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : null;
    if (n === null || n < 0n || n > 0x10ffffn || (n >= 0xd800n && n <= 0xdfffn)) return false;
    out += String.fromCodePoint(Number(n));
    return true;
  };
  for (const v of values) {
    if (isDynamicArray(v)) {
      for (const e of v) if (!add(e)) return null;
    } else if (!add(v)) return null;
  }
  return out;
}
