// A data file as text, read window by window (the file is never whole in memory): UTF-8 checked with Node's native
// validator, a leading byte-order mark dropped, each window cut at a character boundary (or, for line-based
// formats, after a line feed). Invalid UTF-8 is an error naming file:line:column; under `lenient` it becomes U+FFFD
// and is counted.
//
// Each window is decoded from bytes in one call, so it is always a flat string — never a concatenation of the
// previous window's unread tail and new text, which the scanners would read more slowly. A reader that stops
// mid-row says how many characters it did not consume; those bytes are decoded again at the start of the next window.

import { closeSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { DataError } from '../../tables/data-error.js';

export interface TextChunk {
  readonly text: string;
  /** No text follows this window. */
  readonly final: boolean;
}

export interface ReadStats {
  /** Invalid UTF-8 sequences replaced by U+FFFD (lenient mode). */
  replaced: number;
}

// 64 KiB: a decoded window stays below V8's large-object size (128 KiB), whose allocation per window costs more
// than the decoding itself (measured: 2 MiB windows decode ~30× slower).
export const DEFAULT_CHUNK_BYTES = 1 << 16;

/** Offset of the first byte of buf[from, to) that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(buf: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to) {
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
    if (i + need >= to) return i; // cut short by the end
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

/** End of buf[0, n) without a multi-byte sequence cut at its end (that part waits for the next read). */
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

const REPLACEMENT_BYTES = Buffer.from([0xef, 0xbf, 0xbd]);

/** U+FFFD that decoding buf[from, to) produces for invalid bytes (not those the file holds itself). */
function countReplacements(buf: Buffer, from: number, to: number): number {
  const text = buf.toString('utf8', from, to);
  let decoded = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) decoded++;
  let genuine = 0;
  for (let i = buf.indexOf(REPLACEMENT_BYTES, from); i >= 0 && i + 3 <= to; i = buf.indexOf(REPLACEMENT_BYTES, i + 3)) genuine++;
  return decoded - genuine;
}

export class TextChunks {
  private buf: Buffer;
  /** Bytes buf[0, filled) are read; buf[0, decoded) were the last window. */
  private filled = 0;
  private decoded = 0;
  /** File offset of buf[0]. */
  private fileOffset = 0;
  private lastText = '';
  private first = true;
  private done = false;
  private readonly fd: number;

  constructor(
    private readonly file: string,
    private readonly options: { lenient?: boolean; chunkBytes?: number; stats?: ReadStats; lines?: boolean } = {},
  ) {
    this.buf = Buffer.allocUnsafe(Math.max(16, options.chunkBytes ?? DEFAULT_CHUNK_BYTES) * 2);
    this.fd = openSync(file, 'r');
  }

  close(): void {
    if (!this.done) {
      this.done = true;
      closeSync(this.fd);
    }
  }

  /**
   * The next window: the last `keep` characters of the previous window (a row it did not finish) followed by more
   * of the file. Undefined after the final window.
   */
  next(keep = 0): TextChunk | undefined {
    if (this.done) return undefined;
    const keepBytes = keep > 0 ? Buffer.byteLength(this.lastText.slice(this.lastText.length - keep)) : 0;
    const from = this.decoded - keepBytes;
    this.buf.copy(this.buf, 0, from, this.filled);
    this.fileOffset += from;
    this.filled -= from;
    const step = Math.max(16, this.options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
    let cut: number;
    let final: boolean;
    for (;;) {
      if (this.filled + step > this.buf.length) {
        const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.filled + step));
        this.buf.copy(bigger, 0, 0, this.filled);
        this.buf = bigger;
      }
      const got = readSync(this.fd, this.buf, this.filled, step, null);
      this.filled += got;
      final = got === 0;
      if (final) {
        cut = this.filled;
        break;
      }
      if (!this.options.lines) {
        cut = completeLength(this.buf, this.filled);
        if (cut > keepBytes) break;
      } else {
        // Whole lines only: a line feed byte never occurs inside a multi-byte character.
        cut = this.buf.lastIndexOf(10, this.filled - 1) + 1;
        if (cut > 0) break;
      }
    }
    let start = 0;
    if (this.first) {
      this.first = false;
      const b = this.buf;
      if (this.filled >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
        this.close();
        throw new DataError(this.file, 1, 1, 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8');
      }
      if (this.filled >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) start = 3;
      // The mark is not text: drop it for good.
      this.buf.copy(this.buf, 0, start, this.filled);
      this.fileOffset += start;
      this.filled -= start;
      cut -= start;
      start = 0;
    }
    const view = this.buf.subarray(0, cut);
    if (!isUtf8(view)) {
      if (!this.options.lenient) {
        const bad = firstInvalidUtf8(this.buf, keepBytes, cut);
        const at = bad < 0 ? keepBytes : bad;
        const { line, column } = positionOfByte(this.file, this.fileOffset + at);
        const hex = [...this.buf.subarray(at, Math.min(cut, at + 4))].map((x) => x.toString(16).padStart(2, '0')).join(' ');
        this.close();
        throw new DataError(this.file, line, column, `invalid UTF-8 (bytes ${hex})`, ['the file must be UTF-8; --lenient replaces invalid bytes with U+FFFD and counts them']);
      }
      if (this.options.stats) this.options.stats.replaced += countReplacements(this.buf, keepBytes, cut);
      // Keep the buffer in step with the text: its bytes become the text's (each U+FFFD three bytes), so the tail a
      // reader hands back maps to bytes again by its UTF-8 length.
      const text = this.buf.toString('utf8', 0, cut);
      const fixed = Buffer.from(text, 'utf8');
      const tail = Buffer.from(this.buf.subarray(cut, this.filled));
      if (fixed.length + tail.length + step > this.buf.length) this.buf = Buffer.allocUnsafe((fixed.length + tail.length + step) * 2);
      fixed.copy(this.buf, 0);
      tail.copy(this.buf, fixed.length);
      this.filled = fixed.length + tail.length;
      this.decoded = fixed.length;
      this.lastText = text;
      if (final) this.close();
      return { text, final };
    }
    const text = this.buf.toString('utf8', 0, cut);
    this.decoded = cut;
    this.lastText = text;
    if (final) this.close();
    return { text, final };
  }
}

/** The windows of a file one after another, each read whole (for readers that never stop mid-row). */
export function* readTextChunks(file: string, options: { lenient?: boolean; chunkBytes?: number; stats?: ReadStats; lines?: boolean } = {}): Generator<TextChunk> {
  const chunks = new TextChunks(file, options);
  try {
    for (let c = chunks.next(); c !== undefined; c = chunks.next()) yield c;
  } finally {
    chunks.close();
  }
}
