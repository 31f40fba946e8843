// Numbers as text: format_bytes (a data size with a unit) and tohex (two's-complement hexadecimal).
// Browser-safe: no Node modules.

import { formatReal } from './dynamic.js';

const BYTE_UNITS = ['Bytes', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

/** Half away from zero at `digits` decimals (the rounding round() uses, math.ts) [U]. */
function roundHalfAwayFromZero(x: number, digits: number): number {
  const f = Math.pow(10, digits);
  const y = Math.abs(x) * f;
  const r = Math.round(y + Number.EPSILON * y) / f;
  return x < 0 ? -r : r;
}

/**
 * format_bytes(size [, precision [, units]]) — format-bytes-function.md: size divided by 1024 per unit step (Bytes,
 * KB, MB, GB, TB, PB, EB), rounded to `precision` decimals (default 0), then a space and the unit: 564 → "564 Bytes",
 * 10332 with 1 → "10.1 KB", 20010332 → "19 MB", with 2 → "19.08 MB", with 0 and "KB" → "19541 KB". Without units (or
 * ""), the largest unit whose value is at least 1 is chosen.
 * [U] Rounding is half away from zero; the number prints without trailing zeros (19.10 → "19.1"); the unit name is
 * matched ignoring case and printed as listed; an unknown unit gives "" (null); a negative size picks its unit by
 * its magnitude; a precision below 0 counts as 0 and above 15 as 15; a non-finite size gives "".
 */
export function formatBytes(size: number, precision: number, units: string): string | null {
  if (!Number.isFinite(size)) return null;
  const digits = Math.max(0, Math.min(15, Math.trunc(precision)));
  let unit: number;
  if (units === '') {
    unit = 0;
    while (unit < BYTE_UNITS.length - 1 && Math.abs(size) >= Math.pow(1024, unit + 1)) unit++;
  } else {
    unit = BYTE_UNITS.findIndex((u) => u.toLowerCase() === units.toLowerCase());
    if (unit < 0) return null;
  }
  const value = roundHalfAwayFromZero(size / Math.pow(1024, unit), digits);
  return `${formatReal(value === 0 ? 0 : value)} ${BYTE_UNITS[unit]}`;
}

/**
 * tohex(value [, minLength]) — tohex-function.md: lower-case hexadecimal of an int (32-bit) or long (64-bit); a
 * negative value is its two's complement at the type's width (tohex(-256) = "ffffffffffffff00",
 * tohex(toint(-256), 8) = "ffffff00"); minLength pads with leading zeros, values above 16 count as 16, a result
 * already longer ignores it (tohex(256, 2) = "100"). [U] A minLength below 1 is ignored.
 */
export function toHex(value: bigint, bits: 32 | 64, minLength?: number): string {
  const hex = BigInt.asUintN(bits, value).toString(16);
  const width = minLength === undefined ? 0 : Math.min(16, Math.max(0, Math.trunc(minLength)));
  return hex.padStart(width, '0');
}
