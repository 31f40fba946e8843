// Stand-in for src/node/load/file-text.ts (the loader's only disk reader) in the browser: the file's bytes are
// already in memory (a dropped File, or the bundled dataset), so the text is one window, decoded in one call, with
// the same contract as the original: a UTF-8 byte-order mark dropped, UTF-16 refused, invalid UTF-8 an error at
// file:line:column (or replaced by U+FFFD and counted when lenient). Everything after decoding — the scanners, the
// schema inference, the error messages — is the library's own code (src/node/load/table-file.ts, src/tables).
import { DataError } from '../../../src/tables/data-error.js';
import { fileBytes } from './fs';

export interface TextChunk {
  readonly text: string;
  readonly final: boolean;
}

export interface ReadStats {
  replaced: number;
}

export const DEFAULT_CHUNK_BYTES = 1 << 16;

interface ReadOptions {
  lenient?: boolean;
  chunkBytes?: number;
  stats?: ReadStats;
  lines?: boolean;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const loose = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
/** Decoded text per file content: the loader reads a file twice when it infers a schema first. */
const decoded = new WeakMap<Uint8Array, { text: string; replaced: number; lenient: boolean }>();

function bomLength(b: Uint8Array, file: string): number {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    throw new DataError(file, 1, 1, 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8');
  }
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
}

/**
 * The first invalid byte, located by walking the leniently decoded text beside the bytes: a U+FFFD that the file
 * does not hold itself (bytes EF BF BD) is where decoding failed. Line and column count the decoded text, as the
 * library's reader does (column in UTF-16 units).
 */
function invalidUtf8Error(file: string, b: Uint8Array, start: number): DataError {
  const text = loose.decode(b.subarray(start));
  let at = start;
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    if (cp === 0xfffd && !(b[at] === 0xef && b[at + 1] === 0xbf && b[at + 2] === 0xbd)) break;
    if (cp === 10) {
      line++;
      lineStart = i + 1;
    }
    at += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  const hex = [...b.subarray(at, Math.min(b.length, at + 4))].map((x) => x.toString(16).padStart(2, '0')).join(' ');
  return new DataError(file, line, i - lineStart + 1, `invalid UTF-8 (bytes ${hex})`, [
    'the file must be UTF-8; --lenient replaces invalid bytes with U+FFFD and counts them',
  ]);
}

/** U+FFFD that decoding produced for invalid bytes, not those the file holds itself (bytes EF BF BD). */
function replacements(text: string, b: Uint8Array, start: number): number {
  let inText = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) inText++;
  let genuine = 0;
  for (let i = b.indexOf(0xef, start); i >= 0 && i + 2 < b.length; i = b.indexOf(0xef, i + 1)) {
    if (b[i + 1] === 0xbf && b[i + 2] === 0xbd) genuine++;
  }
  return inText - genuine;
}

function decodeFile(file: string, lenient: boolean): { text: string; replaced: number } {
  const b = fileBytes(file);
  const cached = decoded.get(b);
  if (cached && cached.lenient === lenient) return cached;
  const start = bomLength(b, file);
  let text: string;
  let replaced = 0;
  try {
    text = strict.decode(b.subarray(start));
  } catch {
    if (!lenient) throw invalidUtf8Error(file, b, start);
    text = loose.decode(b.subarray(start));
    replaced = replacements(text, b, start);
  }
  const entry = { text, replaced, lenient };
  decoded.set(b, entry);
  return entry;
}

export class TextChunks {
  private done = false;
  constructor(
    private readonly file: string,
    private readonly options: ReadOptions = {},
  ) {}

  close(): void {
    this.done = true;
  }

  /** The whole file as one final window (so `keep` never matters: nothing follows it). */
  next(_keep = 0): TextChunk | undefined {
    if (this.done) return undefined;
    this.done = true;
    const { text, replaced } = decodeFile(this.file, Boolean(this.options.lenient));
    if (this.options.stats) this.options.stats.replaced += replaced;
    return { text, final: true };
  }
}

export function* readTextChunks(file: string, options: ReadOptions = {}): Generator<TextChunk> {
  const chunks = new TextChunks(file, options);
  for (let c = chunks.next(); c !== undefined; c = chunks.next()) yield c;
}
