// KQL datetime values: bigint 100-ns ticks since 0001-01-01T00:00:00Z (proleptic Gregorian, UTC), years 1..9999.
// Parsing (todatetime / datetime literals), canonical formatting (tostring / JSON), and conversion between ticks and
// civil parts. Everything is exact bigint arithmetic; no Date object is involved, so all 7 fractional digits survive.
//
// Spec: docs scalar-data-types/datetime.md (supported formats: ISO 8601, RFC 822, RFC 850, sortable).

import {
  MAX_DATETIME_TICKS,
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MILLISECOND,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  UNIX_EPOCH_TICKS,
} from './types.js';

/** Days from 0001-01-01 to 1970-01-01. */
const UNIX_EPOCH_DAYS = 719_162;

/** True when `t` is a representable datetime (0001-01-01 .. 9999-12-31T23:59:59.9999999). */
export function isDatetimeInRange(t: bigint): boolean {
  return t >= 0n && t <= MAX_DATETIME_TICKS;
}

/** `t` itself when it is a representable datetime, otherwise null (Kusto yields null for out-of-range results). */
export function checkDatetime(t: bigint | null): bigint | null {
  return t !== null && isDatetimeInRange(t) ? t : null;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(y: number, m: number): number {
  if (m === 2 && isLeapYear(y)) return 29;
  return MONTH_DAYS[m - 1] ?? 0;
}

/**
 * Days since 0001-01-01 for a proleptic-Gregorian civil date (Howard Hinnant's days_from_civil, shifted to the
 * .NET epoch). Valid for any year; callers validate ranges.
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + UNIX_EPOCH_DAYS;
}

/** Inverse of daysFromCivil. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days - UNIX_EPOCH_DAYS + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export interface DatetimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Sub-second ticks, 0..9_999_999. */
  fractionTicks: number;
  /** 0 = Sunday … 6 = Saturday. */
  dayOfWeek: number;
  /** 1-based day of the year. */
  dayOfYear: number;
}

/** Splits ticks into civil parts. `ticks` must be in range (callers check; out-of-range input throws). */
export function datetimeParts(ticks: bigint): DatetimeParts {
  if (!isDatetimeInRange(ticks)) throw new RangeError(`datetime ticks out of range: ${ticks}`);
  const days = Number(ticks / TICKS_PER_DAY);
  const inDay = ticks % TICKS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const hour = Number(inDay / TICKS_PER_HOUR);
  const minute = Number((inDay % TICKS_PER_HOUR) / TICKS_PER_MINUTE);
  const second = Number((inDay % TICKS_PER_MINUTE) / TICKS_PER_SECOND);
  const fractionTicks = Number(inDay % TICKS_PER_SECOND);
  // 0001-01-01 was a Monday, so day 0 has dayOfWeek 1.
  const dayOfWeek = (days + 1) % 7;
  const dayOfYear = days - daysFromCivil(year, 1, 1) + 1;
  return { year, month, day, hour, minute, second, fractionTicks, dayOfWeek, dayOfYear };
}

/**
 * Ticks for a civil date-time; null when any part is out of range (Feb 30, hour 24, year 0 or 10000, …).
 * `ticksFraction` is the sub-second part in ticks (0..9_999_999).
 */
export function datetimeFromParts(
  y: number,
  mo: number,
  d: number,
  h = 0,
  mi = 0,
  s = 0,
  ticksFraction: number | bigint = 0,
): bigint | null {
  const frac = typeof ticksFraction === 'bigint' ? ticksFraction : Number.isInteger(ticksFraction) ? BigInt(ticksFraction) : null;
  if (frac === null || frac < 0n || frac >= TICKS_PER_SECOND) return null;
  if (!Number.isInteger(y) || !Number.isInteger(mo) || !Number.isInteger(d)) return null;
  if (!Number.isInteger(h) || !Number.isInteger(mi) || !Number.isInteger(s)) return null;
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return null;
  // Whole seconds fit a double exactly (< 3.2e11); one BigInt multiplication then gives exact ticks.
  const seconds = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
  return BigInt(seconds) * TICKS_PER_SECOND + frac;
}

/** Datetime ticks for a JavaScript Unix-epoch millisecond count (e.g. `Date.now()`); null when NaN or out of range. */
export function ticksFromUnixMs(ms: number): bigint | null {
  if (!Number.isFinite(ms)) return null;
  const whole = Math.floor(ms);
  // Split so the integer part stays exact beyond 2^53 ticks; the sub-millisecond part rounds to the nearest tick.
  const sub = BigInt(Math.round((ms - whole) * 10_000));
  return checkDatetime(UNIX_EPOCH_TICKS + BigInt(whole) * TICKS_PER_MILLISECOND + sub);
}

/** Unix-epoch milliseconds (possibly fractional) for datetime ticks. */
export function unixMsFromTicks(ticks: bigint): number {
  const rel = ticks - UNIX_EPOCH_TICKS;
  const ms = rel / TICKS_PER_MILLISECOND;
  const rem = rel % TICKS_PER_MILLISECOND;
  return Number(ms) + Number(rem) / 10_000;
}

function pad(n: number | bigint, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Kusto's canonical datetime text, used by tostring() and when a datetime is placed in a dynamic value / JSON:
 * `yyyy-MM-ddTHH:mm:ss.fffffffZ`, always with all 7 fractional digits.
 * Evidence: docs make-series-operator.md prints the datetime axis array (datetimes serialised inside a dynamic) as
 * "2017-01-01T00:00:00.0000000Z" — 7 digits even when the fraction is zero. (Some doc pages show a trimmed
 * "1970-05-11T00:00:00Z", but those are client rendering of table cells, not the engine's string conversion.)
 */
export function formatDatetime(ticks: bigint): string {
  const p = datetimeParts(ticks);
  return (
    `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}T` +
    `${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}.${pad(p.fractionTicks, 7)}Z`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_FULL = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];
const WEEKDAYS_SHORT = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAYS_FULL = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * Named zones accepted after RFC 822 / RFC 850 / sortable forms, as offsets in minutes. RFC 822 §5 lists UT, GMT and
 * the North-American zones; "UTC" and "Z" are accepted too. [U] Military single-letter zones other than Z are not
 * accepted.
 */
const ZONES: Readonly<Record<string, number>> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

function monthFromName(name: string): number | null {
  const lower = name.toLowerCase();
  if (lower.length === 3) return MONTHS[lower] ?? null;
  const i = MONTH_FULL.indexOf(lower);
  return i >= 0 ? i + 1 : null;
}

function weekdayFromName(name: string): number | null {
  const lower = name.toLowerCase();
  const i = lower.length === 3 ? WEEKDAYS_SHORT.indexOf(lower) : WEEKDAYS_FULL.indexOf(lower);
  return i >= 0 ? i : null;
}

/**
 * Sub-second ticks for a run of fractional digits. Up to 7 digits are exact. [U] More digits are accepted and
 * rounded half-to-even to the nearest tick (as .NET's lenient DateTime parser rounds the fraction); the carry may
 * reach a whole second, so the result can be 10_000_000.
 */
function fractionToTicks(digits: string): bigint {
  if (digits.length <= 7) return BigInt(digits.padEnd(7, '0'));
  const kept = BigInt(digits.slice(0, 7));
  const rest = digits.slice(7);
  const half = '5'.padEnd(rest.length, '0');
  if (rest > half || (rest === half && kept % 2n === 1n)) return kept + 1n;
  return kept;
}

/** Two-digit years map like .NET's invariant calendar (TwoDigitYearMax = 2029): 00–29 → 2000s, 30–99 → 1900s. [U] */
function expandYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n <= 29 ? 2000 + n : 1900 + n;
}

interface TimeOfDay {
  h: number;
  mi: number;
  s: number;
  frac: string;
}

function build(
  y: number,
  mo: number,
  d: number,
  time: TimeOfDay | null,
  offsetMinutes: number,
  weekday: number | null,
): bigint | null {
  const base = datetimeFromParts(y, mo, d, time?.h ?? 0, time?.mi ?? 0, time?.s ?? 0, 0);
  if (base === null) return null;
  // [U] A stated weekday that does not match the date makes the text invalid (as .NET's parser rejects it).
  if (weekday !== null && (Number(base / TICKS_PER_DAY) + 1) % 7 !== weekday) return null;
  const frac = time && time.frac !== '' ? fractionToTicks(time.frac) : 0n;
  return checkDatetime(base + frac - BigInt(offsetMinutes) * TICKS_PER_MINUTE);
}

// `HH:mm[:ss[.f…]]`; hour may have one digit (sortable %H is not documented as padded; [U]).
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?`;
// ISO offset: Z, ±HH:MM, ±HHMM, ±HH.
const ISO_ZONE = String.raw`(Z|[+-]\d{2}(?::?\d{2})?)`;
const NAMED_ZONE = String.raw`([A-Za-z]{1,3})`;

const ISO_RE = new RegExp(
  String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)${TIME}(?:\s*${ISO_ZONE}|\s+${NAMED_ZONE})?)?$`,
  'i',
);
// RFC 822: [Www, ]D Mon YY HH:MM[:SS] [Zone]
const RFC822_RE = new RegExp(
  String.raw`^(?:([A-Za-z]+),\s*)?(\d{1,2})\s+([A-Za-z]+)\s+(\d{2}|\d{4})\s+${TIME}(?:\s+(?:${NAMED_ZONE}|([+-]\d{4})))?$`,
);
// RFC 850: [Weekday, ]DD-Mon-YY HH:MM[:SS] [Zone]
const RFC850_RE = new RegExp(
  String.raw`^(?:([A-Za-z]+),\s*)?(\d{1,2})-([A-Za-z]+)-(\d{2}|\d{4})\s+${TIME}(?:\s+(?:${NAMED_ZONE}|([+-]\d{4})))?$`,
);
// [U] US-ordered M-d-yyyy / M/d/yyyy (invariant culture), evidenced only by todatetime-function.md's
// `todatetime('12-02-2022') == datetime('12-02-2022')` returning true.
const US_RE = new RegExp(String.raw`^(\d{1,2})([-/])(\d{1,2})\2(\d{4})(?:\s+${TIME}(?:\s*${ISO_ZONE})?)?$`, 'i');
// [U] yyyy/M/d, the slash variant of the ISO date.
const SLASH_RE = new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})(?:(?:T|\s+)${TIME}(?:\s*${ISO_ZONE})?)?$`, 'i');
// [U] `yyyy, M, d[, h, m[, s]]`: startofweek-function.md uses `datetime(2025, 6, 14)` as a literal.
const COMMA_RE = /^(\d{4})\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})(?:\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})(?:\s*,\s*(\d{1,2})(?:\.(\d+))?)?)?$/;

function isoOffset(zone: string | undefined): number | null {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hh = Number(digits.slice(0, 2));
  const mm = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hh > 23 || mm > 59) return null;
  return sign * (hh * 60 + mm);
}

function namedOffset(zone: string | undefined, numeric: string | undefined): number | null {
  if (numeric !== undefined) return isoOffset(numeric);
  if (zone === undefined) return 0;
  return ZONES[zone.toLowerCase()] ?? null;
}

function timeOf(h: string | undefined, mi: string | undefined, s: string | undefined, f: string | undefined): TimeOfDay | null {
  if (h === undefined || mi === undefined) return null;
  return { h: Number(h), mi: Number(mi), s: s === undefined ? 0 : Number(s), frac: f ?? '' };
}

/**
 * Parses the text accepted by `todatetime("…")` and `datetime(…)` literals; null when the text is not a valid
 * datetime (unknown shape, Feb 30, hour 24, year outside 1..9999, …). Offsets are converted to UTC.
 * Leading/trailing whitespace is ignored. [U] A time without a date ("today at …" in old docs) is not accepted.
 */
/** The decimal number written in s[from, to), or -1 when a character is not a digit. */
function digitsAt(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Fast path for the canonical form data files use, `yyyy-MM-ddTHH:mm:ss[.f…]Z` (1-7 fraction digits): a character
 * scan instead of regexes. Returns undefined for anything else, which then takes the general path.
 */
function parseCanonicalIso(s: string): bigint | null | undefined {
  const n = s.length;
  if (n < 20 || n > 28 || s.charCodeAt(n - 1) !== 90 /* Z */ || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const sep = s.charCodeAt(10);
  if ((sep !== 84 && sep !== 32) || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const y = digitsAt(s, 0, 4);
  const mo = digitsAt(s, 5, 7);
  const d = digitsAt(s, 8, 10);
  const h = digitsAt(s, 11, 13);
  const mi = digitsAt(s, 14, 16);
  const sec = digitsAt(s, 17, 19);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) return undefined;
  let frac = 0;
  if (n > 20) {
    if (s.charCodeAt(19) !== 46 /* . */) return undefined;
    const f = digitsAt(s, 20, n - 1);
    if (f < 0 || n - 21 < 1) return undefined;
    frac = f * 10 ** (7 - (n - 21));
  } else if (n !== 20) return undefined;
  return datetimeFromParts(y, mo, d, h, mi, sec, frac);
}

export function parseDatetime(text: string): bigint | null {
  const fast = parseCanonicalIso(text);
  if (fast !== undefined) return fast;
  const s = text.trim();
  if (s === '') return null;
  let m = ISO_RE.exec(s);
  if (m) {
    const off = m[9] !== undefined ? namedOffset(m[9], undefined) : isoOffset(m[8]);
    if (off === null) return null;
    return build(Number(m[1]), Number(m[2]), Number(m[3]), timeOf(m[4], m[5], m[6], m[7]), off, null);
  }
  m = RFC822_RE.exec(s) ?? RFC850_RE.exec(s);
  if (m) {
    let weekday: number | null = null;
    if (m[1] !== undefined) {
      weekday = weekdayFromName(m[1]);
      if (weekday === null) return null;
    }
    const month = monthFromName(m[3] ?? '');
    const off = namedOffset(m[9], m[10]);
    if (month === null || off === null) return null;
    return build(expandYear(m[4] ?? ''), month, Number(m[2]), timeOf(m[5], m[6], m[7], m[8]), off, weekday);
  }
  m = US_RE.exec(s);
  if (m) {
    const off = isoOffset(m[9]);
    if (off === null) return null;
    return build(Number(m[4]), Number(m[1]), Number(m[3]), timeOf(m[5], m[6], m[7], m[8]), off, null);
  }
  m = SLASH_RE.exec(s);
  if (m) {
    const off = isoOffset(m[8]);
    if (off === null) return null;
    return build(Number(m[1]), Number(m[2]), Number(m[3]), timeOf(m[4], m[5], m[6], m[7]), off, null);
  }
  m = COMMA_RE.exec(s);
  if (m) {
    const time = m[4] !== undefined ? { h: Number(m[4]), mi: Number(m[5]), s: m[6] === undefined ? 0 : Number(m[6]), frac: m[7] ?? '' } : null;
    return build(Number(m[1]), Number(m[2]), Number(m[3]), time, 0, null);
  }
  return null;
}
