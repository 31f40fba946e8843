// Decoding of literal token text into values. Pure functions, no chevrotain: the grammar hands over token images.
// Sources: docs scalar-data-types/string.md (escapes, verbatim, multi-line, obfuscated h"..."),
// scalar-data-types/timespan.md (units), scalar-data-types/long.md / real.md, and the lexical grammar in
// microsoft/Kusto-Query-Language grammar/KqlTokens.g4 (full unit list and escape set).

import { TYPE_ALIASES } from '../values/types.js';
import type { ScalarTypeName } from './ast.js';

export interface DecodedString {
  readonly value: string;
  readonly obfuscated: boolean;
  /** Set when the literal has no closing quote (the value is then what precedes the end of line / text). */
  readonly unterminated: boolean;
  /** Set when an escape sequence is invalid; the value keeps the raw characters. */
  readonly badEscape?: string;
}

/** Decodes one string token image (`"a\tb"`, `@'c:\x'`, `h"secret"`, ```` ```multi``` ````). */
export function decodeString(image: string): DecodedString {
  let text = image;
  let obfuscated = false;
  if (text[0] === 'h' || text[0] === 'H') {
    obfuscated = true;
    text = text.slice(1);
  }
  if (text.startsWith('```') || text.startsWith('~~~')) {
    const fence = text.slice(0, 3);
    const closed = text.length >= 6 && text.endsWith(fence);
    return { value: closed ? text.slice(3, -3) : text.slice(3), obfuscated, unterminated: !closed };
  }
  if (text[0] === '@') {
    const q = text[1] ?? '"';
    const closed = text.length >= 3 && text.endsWith(q) && isClosedVerbatim(text.slice(2), q);
    const body = closed ? text.slice(2, -1) : text.slice(2);
    return { value: body.split(q + q).join(q), obfuscated, unterminated: !closed };
  }
  const q = text[0] ?? '"';
  const { value, closed, badEscape } = decodeEscapes(text.slice(1), q);
  return badEscape === undefined
    ? { value, obfuscated, unterminated: !closed }
    : { value, obfuscated, unterminated: !closed, badEscape };
}

/** A verbatim body `...q` is closed when its final quote is not half of a doubled quote. */
function isClosedVerbatim(rest: string, q: string): boolean {
  let i = 0;
  while (i < rest.length) {
    if (rest[i] === q) {
      if (rest[i + 1] === q) i += 2;
      else return i === rest.length - 1;
    } else i++;
  }
  return false;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "'": "'",
  '"': '"',
  '\\': '\\',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

function decodeEscapes(body: string, quote: string): { value: string; closed: boolean; badEscape?: string } {
  let out = '';
  let badEscape: string | undefined;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === quote) return { value: out, closed: i === body.length - 1, ...(badEscape ? { badEscape } : {}) };
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) break;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i++;
      continue;
    }
    const hexLen = e === 'u' ? 4 : e === 'U' ? 8 : e === 'x' ? 2 : 0;
    if (hexLen > 0) {
      const hex = body.slice(i + 2, i + 2 + hexLen);
      if (hex.length === hexLen && /^[0-9a-fA-F]+$/.test(hex) && parseInt(hex, 16) <= 0x10ffff) {
        out += String.fromCodePoint(parseInt(hex, 16));
        i += 1 + hexLen;
        continue;
      }
    }
    // Octal escapes \0 .. \377 (KqlTokens.g4 EscapeSequence).
    const oct = /^(?:[0-3][0-7]{2}|[0-7]{1,2})/.exec(body.slice(i + 1));
    if (oct) {
      out += String.fromCharCode(parseInt(oct[0], 8));
      i += oct[0].length;
      continue;
    }
    badEscape ??= `\\${e}`;
    out += `\\${e}`;
    i++;
  }
  return { value: out, closed: false, ...(badEscape ? { badEscape } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

const LONG_MAX = (1n << 63n) - 1n;

/** Decimal or 0x-hex integer literal → long. `undefined` when out of the 64-bit range. */
export function decodeLong(image: string): bigint | undefined {
  if (/^0[xX]/.test(image)) {
    const v = BigInt(image);
    // [U] Hex literals up to 64 bits are read as the two's complement bit pattern (0xFFFFFFFFFFFFFFFF = -1),
    // as C#'s long parsing of hex does; wider ones are rejected.
    return v < 1n << 64n ? BigInt.asIntN(64, v) : undefined;
  }
  const v = BigInt(image);
  // 9223372036854775808 is accepted so that `-9223372036854775808` (unary minus) can be written; the binder negates.
  return v <= LONG_MAX + 1n ? v : undefined;
}

export function decodeReal(image: string): number {
  return Number(image);
}

// ---------------------------------------------------------------------------------------------------------------
// Timespans

const TICKS_PER: Readonly<Record<string, bigint>> = {
  d: 864_000_000_000n,
  h: 36_000_000_000n,
  m: 600_000_000n,
  s: 10_000_000n,
  ms: 10_000n,
  micro: 10n,
  tick: 1n,
};

/** Unit spelling → canonical unit (KqlTokens.g4 TIMESPANLITERAL). Nanoseconds are handled separately. */
function canonicalUnit(unit: string): string | undefined {
  if (/^(?:d|days?)$/.test(unit)) return 'd';
  if (/^(?:h|hours?|hrs?)$/.test(unit)) return 'h';
  if (/^(?:m|min|minutes?)$/.test(unit)) return 'm';
  if (/^(?:s|sec|seconds?)$/.test(unit)) return 's';
  if (/^(?:ms|milli(?:s(?:ec(?:onds?)?|econds)?)?)$/.test(unit)) return 'ms';
  if (/^micro(?:s(?:ec(?:onds?)?|econds)?)?$/.test(unit)) return 'micro';
  if (/^nano(?:s(?:ec(?:onds?)?|econds)?)?$/.test(unit)) return 'nano';
  if (/^ticks?$/.test(unit)) return 'tick';
  return undefined;
}

/**
 * `1.5h` → 54_000_000_000n ticks, exactly (decimal arithmetic, no floating point).
 * [U] A value that is not a whole number of ticks (`1nanosecond` = 0.01 tick, `0.5tick`) is truncated toward
 * zero, as .NET's TimeSpan conversion of a fractional tick count does.
 */
export function decodeTimespan(image: string): bigint | undefined {
  const m = /^(\d+)(?:\.(\d+))?([A-Za-z]+)$/.exec(image);
  if (!m) return undefined;
  const unit = canonicalUnit(m[3]!);
  if (unit === undefined) return undefined;
  const frac = m[2] ?? '';
  const scale = 10n ** BigInt(frac.length);
  const scaled = BigInt(m[1]!) * scale + (frac ? BigInt(frac) : 0n);
  if (unit === 'nano') return scaled / (scale * 100n);
  return (scaled * TICKS_PER[unit]!) / scale;
}

// ---------------------------------------------------------------------------------------------------------------
// Type names (the alias table lives with the value types)


/** The scalar type named by a spelling (with aliases, docs scalar-data-types/index.md), or undefined. */
export function scalarTypeName(text: string): ScalarTypeName | undefined {
  return Object.prototype.hasOwnProperty.call(TYPE_ALIASES, text) ? (TYPE_ALIASES[text] as ScalarTypeName) : undefined;
}

/** Splits a typed-literal token `datetime( 2026-01-01 )` into its type spelling and trimmed raw content. */
export function splitTypedLiteral(image: string): { typeText: string; content: string } {
  const open = image.indexOf('(');
  return { typeText: image.slice(0, open), content: image.slice(open + 1, -1).trim() };
}
