// A data file as text, read in chunks (the file is never whole in memory): UTF-8 checked chunk by chunk with Node's
// native validator, a leading byte-order mark dropped, each chunk cut at a character boundary. Invalid UTF-8 is an
// error naming file:line:column; under `lenient` it becomes U+FFFD and is counted.

import { closeSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { DataError } from '../../tables/data-error.js';

export interface TextChunk {
  readonly text: string;
  /** No text follows this chunk. */
  readonly final: boolean;
}

export interface ReadStats {
  /** Invalid UTF-8 sequences replaced by U+FFFD (lenient mode). */
  replaced: number;
}

export const DEFAULT_CHUNK_BYTES = 1 << 21;

/** Offset of the first byte of `buf[0, n)` that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(buf: Uint8Array, n: number): number {
  let i = 0;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // no overlong forms
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f; // nothing beyond U+10FFFF
    } else return i;
    if (i + need >= n) return i; // cut short by the end
    const c1 = buf[i + 1]!;
    if (c1 < lo || c1 > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = buf[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Length of buf[0, n) without a multi-byte sequence cut at its end (that part waits for the next read). */
function completeLength(buf: Uint8Array, n: number): number {
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** file:line:column of a byte offset (error path only: reads the file up to it). */
function positionOfByte(file: string, offset: number): { line: number; column: number } {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(offset);
    readSync(fd, buf, 0, offset, 0);
    let line = 1;
    let lineStart = 0;
    for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) {
      line++;
      lineStart = i + 1;
    }
    let start = lineStart;
    if (line === 1 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
    return { line, column: buf.toString('utf8', start, offset).length + 1 };
  } finally {
    closeSync(fd);
  }
}

function countReplacements(text: string, buf: Buffer, n: number): number {
  let decoded = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) decoded++;
  let genuine = 0;
  const seq = Buffer.from([0xef, 0xbf, 0xbd]);
  for (let i = buf.indexOf(seq); i >= 0 && i + 3 <= n; i = buf.indexOf(seq, i + 3)) genuine++;
  return decoded - genuine;
}

/** The file's text in chunks; the last one has `final` (and may be empty). */
export function* readTextChunks(
  file: string,
  options: { lenient?: boolean; chunkBytes?: number; stats?: ReadStats } = {},
): Generator<TextChunk> {
  const size = Math.max(16, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const buf = Buffer.allocUnsafe(size + 4);
  const fd = openSync(file, 'r');
  try {
    let carry = 0; // bytes of a character cut by the previous read, moved to the front
    let fileOffset = 0; // file offset of buf[0]
    let first = true;
    for (;;) {
      const got = readSync(fd, buf, carry, size, null);
      const n = carry + got;
      let start = 0;
      if (first) {
        first = false;
        if (n >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
          throw new DataError(file, 1, 1, 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8');
        }
        if (n >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
      }
      const final = got === 0;
      const cut = final ? n : completeLength(buf, n);
      const view = buf.subarray(start, cut);
      let text: string;
      if (isUtf8(view)) text = buf.toString('utf8', start, cut);
      else {
        if (!options.lenient) {
          const bad = start + firstInvalidUtf8(view, view.length);
          const { line, column } = positionOfByte(file, fileOffset + Math.max(start, bad));
          const hex = [...buf.subarray(Math.max(start, bad), Math.min(cut, Math.max(start, bad) + 4))].map((b) => b.toString(16).padStart(2, '0')).join(' ');
          throw new DataError(file, line, column, `invalid UTF-8 (bytes ${hex})`, ['the file must be UTF-8; --lenient replaces invalid bytes with U+FFFD and counts them']);
        }
        text = buf.toString('utf8', start, cut);
        if (options.stats) options.stats.replaced += countReplacements(text, buf.subarray(start, cut) as Buffer, cut - start);
      }
      yield { text, final };
      if (final) return;
      buf.copy(buf, 0, cut, n);
      fileOffset += cut;
      carry = n - cut;
    }
  } finally {
    closeSync(fd);
  }
}
