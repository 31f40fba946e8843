// Text of one data value → the value of a column type, for every loader (JSON strings and numbers, CSV cells, JS
// strings given to Database.addTable). The rules are strict: a text is accepted only when it denotes exactly one
// value of the type, so nothing is silently rounded, truncated or reinterpreted.
//
// Parsers work on a range [a, b) of a larger text (a file chunk), so the hot paths need no substring.
// Datetimes come back as whole seconds and sub-second ticks (two doubles, exact) rather than a bigint: the column
// writes them as two 32-bit halves, which keeps BigInt allocation off the loading path.

import { daysFromCivil, daysInMonth, parseDatetime } from '../values/datetime.js';
import { TICKS_PER_SECOND } from '../values/types.js';

/** A data value that does not fit its column; the message is the reason (the caller adds where and what). */
export class ValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValueError';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Datetimes

/** Result slots of the datetime parsers (module-level so the hot path allocates nothing). */
export const parsedTime = { seconds: 0, ticks: 0 };

/** The last civil date converted (rows of a file mostly share their date): y·10000 + m·100 + d, and its days. */
let lastDate = -1;
let lastDays = 0;

function setTime(y: number, mo: number, d: number, h: number, mi: number, s: number, ticks: number): boolean {
  const date = y * 10000 + mo * 100 + d;
  if (date !== lastDate) {
    if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return false;
    lastDays = daysFromCivil(y, mo, d);
    lastDate = date;
  }
  if (h > 23 || mi > 59 || s > 59) return false;
  parsedTime.seconds = lastDays * 86400 + h * 3600 + mi * 60 + s;
  parsedTime.ticks = ticks;
  return true;
}

/** Two decimal digits at s[i, i+2), or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return (a >>> 0) > 9 || (b >>> 0) > 9 ? -1 : a * 10 + b;
}

/**
 * The canonical form data files use, `yyyy-MM-ddTHH:mm:ss[.f{1,7}]Z` (or a space for the T): fills `parsedTime`
 * and returns true; false for any other text (which then takes `parseDatetimeText`).
 */
export function parseIsoFast(s: string, a: number, b: number): boolean {
  const n = b - a;
  if (n < 20 || n > 28 || s.charCodeAt(b - 1) !== 90 /* Z */ || s.charCodeAt(a + 4) !== 45 || s.charCodeAt(a + 7) !== 45) return false;
  const sep = s.charCodeAt(a + 10);
  if ((sep !== 84 && sep !== 32) || s.charCodeAt(a + 13) !== 58 || s.charCodeAt(a + 16) !== 58) return false;
  const y1 = two(s, a);
  const y2 = two(s, a + 2);
  const mo = two(s, a + 5);
  const d = two(s, a + 8);
  const h = two(s, a + 11);
  const mi = two(s, a + 14);
  const sec = two(s, a + 17);
  if ((y1 | y2 | mo | d | h | mi | sec) < 0) return false;
  let ticks = 0;
  if (n > 20) {
    if (s.charCodeAt(a + 19) !== 46 /* . */ || n === 21) return false;
    for (let i = a + 20; i < b - 1; i++) {
      const c = s.charCodeAt(i) - 48;
      if ((c >>> 0) > 9) return false;
      ticks = ticks * 10 + c;
    }
    ticks *= 10 ** (7 - (n - 21));
  }
  return setTime(y1 * 100 + y2, mo, d, h, mi, sec, ticks);
}

/**
 * The en-US text the Azure portal's Log Analytics CSV export writes (`11/20/2026, 10:00:00.123 AM`, UTC under a
 * `[UTC]` header): `M/d/yyyy, h:mm[:ss[.f{1,7}]] AM|PM`. Fills `parsedTime`; false when the text is not that form.
 */
export function parsePortalDatetime(s: string): boolean {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?\s*([AaPp][Mm])\s*$/.exec(s);
  if (!m) return false;
  let h = Number(m[4]);
  if (h < 1 || h > 12) return false;
  const pm = m[8]!.toLowerCase() === 'pm';
  h = (h % 12) + (pm ? 12 : 0); // 12 AM is midnight, 12 PM noon
  const frac = m[7] ?? '';
  const ticks = frac === '' ? 0 : Number(frac.padEnd(7, '0'));
  return setTime(Number(m[3]), Number(m[1]), Number(m[2]), h, Number(m[5]), m[6] === undefined ? 0 : Number(m[6]), ticks);
}

const TOO_PRECISE = /[.,]\d{8,}/;

/**
 * Any datetime text a data file may hold: the forms of todatetime() (ISO 8601 with offsets, RFC 822/850, …; see
 * src/values/datetime.ts) plus the portal's en-US export form. More than 7 fractional-second digits is an error
 * (Kusto keeps 100-ns ticks; rounding would change the value silently). Returns exact ticks.
 */
export function parseDatetimeText(text: string, portalOnly = false): bigint {
  if (TOO_PRECISE.test(text)) throw new ValueError('more than 7 fractional-second digits (datetimes keep 100-ns ticks)');
  if (parsePortalDatetime(text)) return BigInt(parsedTime.seconds) * TICKS_PER_SECOND + BigInt(parsedTime.ticks);
  if (portalOnly && text.includes('/')) {
    throw new ValueError("a date in the portal's locale format other than en-US 'M/d/yyyy, h:mm:ss.fff AM' (day and month order is ambiguous; export with the en-US format or ISO 8601)");
  }
  const t = parseDatetime(text);
  if (t === null) throw new ValueError('expected an ISO-8601 datetime');
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Result of `parseIntegerText`: a double when the value is a safe integer, else `big`. */
export const parsedInteger = { small: 0, big: 0n, isBig: false };

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * A JSON number literal in s[a, b) as an exact integer (fills `parsedInteger`): `12`, `-3`, and also `1.0`, `1e3`
 * when they denote an integer exactly. Throws when the number has a fraction or lies outside the signed 64-bit range.
 */
export function parseIntegerNumber(s: string, a: number, b: number): void {
  let i = a;
  const negative = s.charCodeAt(i) === 45;
  if (negative) i++;
  let plain = true;
  for (let k = i; k < b; k++) {
    if (!isDigit(s.charCodeAt(k))) {
      plain = false;
      break;
    }
  }
  if (plain && b - i <= 15) {
    let v = 0;
    for (let k = i; k < b; k++) v = v * 10 + (s.charCodeAt(k) - 48);
    parsedInteger.small = negative ? -v : v;
    parsedInteger.isBig = false;
    return;
  }
  const big = plain ? BigInt(s.slice(a, b)) : exactDecimalInteger(s.slice(a, b));
  if (big < INT64_MIN || big > INT64_MAX) throw new ValueError('out of range for long (-2^63 .. 2^63-1)');
  if (big >= -9007199254740991n && big <= 9007199254740991n) {
    parsedInteger.small = Number(big);
    parsedInteger.isBig = false;
  } else {
    parsedInteger.big = big;
    parsedInteger.isBig = true;
  }
}

/** `1.50e2` → 150n exactly; throws when the decimal has a non-zero fraction. */
function exactDecimalInteger(text: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) throw new ValueError('expected an integer');
  const digits = m[2]! + (m[3] ?? '');
  const shift = Number(m[4] ?? '0') - (m[3] ?? '').length;
  const significant = digits.replace(/^0+/, '');
  if (significant === '') return 0n;
  if (shift >= 0) {
    // Anything with more than 19 significant digits after scaling is outside the 64-bit range; stop before
    // building a huge bigint from an exponent like 1e1000000.
    if (significant.length + shift > 20) throw new ValueError('out of range for long (-2^63 .. 2^63-1)');
    return BigInt((m[1] ?? '') + significant + '0'.repeat(shift));
  }
  const cut = digits.length + shift;
  if (!/^0*$/.test(digits.slice(Math.max(0, cut)))) throw new ValueError('expected an integer, not a fraction');
  return BigInt((m[1] ?? '') + (cut > 0 ? digits.slice(0, cut) : '0'));
}

const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;

/** Text (CSV cell, JSON string) of an integer: optional sign and digits, spaces around allowed. */
export function parseIntegerText(text: string): void {
  if (!INTEGER_TEXT.test(text)) throw new ValueError('expected an integer');
  let t = text.trim();
  if (t.charCodeAt(0) === 43 /* + */) t = t.slice(1);
  parseIntegerNumber(t, 0, t.length);
}

const REAL_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const NAN_TEXT = /^\s*nan\s*$/i;
const INF_TEXT = /^\s*([+-]?)inf(?:inity)?\s*$/i;

/**
 * Text of a real: a decimal number (`1.5`, `-2e10`, `.5`), `NaN` or `[+-]Infinity`/`inf` (Kusto's real text forms).
 * A finite text too large for a double is an error rather than Infinity.
 */
export function parseRealText(text: string): number {
  if (REAL_TEXT.test(text)) return finiteReal(Number(text));
  if (NAN_TEXT.test(text)) return NaN;
  const inf = INF_TEXT.exec(text);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  throw new ValueError('expected a number');
}

export function finiteReal(x: number): number {
  if (!Number.isFinite(x)) throw new ValueError('out of range for real (beyond ±1.8e308)');
  return x;
}

/** [U] bool text: true/false in any case, and 1/0 (what tobool() accepts). */
export function parseBoolText(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  throw new ValueError('expected true or false');
}
