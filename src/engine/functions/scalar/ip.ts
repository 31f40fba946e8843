// IPv4 functions (ipv4-is-in-range-function.md, ipv4-is-in-any-range-function.md, ipv4-is-private-function.md,
// parse-ipv4-function.md). Addresses may carry an IP-prefix (`10.1.2.3/8`, ip-prefix-notation include); an
// address or range that does not parse gives null.

import { isDynamicArray, type Dynamic } from '../../../values/types.js';
import { simple } from '../simple.js';
import type { ScalarFunctionDef } from '../types.js';

/** `a.b.c.d[/n]` → address (unsigned 32-bit) and prefix length, or null. */
export function parseIpv4Prefix(text: string): { ip: number; prefix: number } | null {
  const m = /^\s*(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const parts = [m[1], m[2], m[3], m[4]].map(Number);
  if (parts.some((p) => p > 255)) return null;
  const prefix = m[5] === undefined ? 32 : Number(m[5]);
  if (prefix > 32) return null;
  const ip = ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
  return { ip, prefix };
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

function inRange(ip: string, range: string): boolean | null {
  const a = parseIpv4Prefix(ip);
  const r = parseIpv4Prefix(range);
  if (!a || !r) return null;
  const mask = maskOf(Math.min(a.prefix, r.prefix));
  return ((a.ip & mask) >>> 0) === ((r.ip & mask) >>> 0);
}

const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

export const ipFunctions: readonly ScalarFunctionDef[] = [
  simple({
    name: 'ipv4_is_in_range',
    params: ['string', 'string'],
    returns: 'bool',
    row: (ip, range) => inRange(ip as string, range as string),
    docs: 'ipv4-is-in-range-function', doc: 'True when the IPv4 address is inside the IP-prefix range; null when either does not parse.',
    example: "print ipv4_is_in_range('192.168.1.1', '192.168.1.255/24')",
  }),
  simple({
    name: 'ipv4_is_in_any_range',
    params: ['string', 'anydyn'],
    variadic: true,
    returns: 'bool',
    nulls: 'custom',
    row: (ip, ...ranges) => {
      if (ip === null) return null;
      const list: Dynamic[] = [];
      for (const r of ranges as Dynamic[]) if (isDynamicArray(r)) list.push(...r);
      else list.push(r);
      let sawValid = false;
      for (const r of list) {
        if (typeof r !== 'string') continue;
        const v = inRange(ip as string, r);
        if (v === true) return true;
        if (v === false) sawValid = true;
      }
      return sawValid ? false : null;
    },
    docs: 'ipv4-is-in-any-range-function', doc: 'True when the IPv4 address is inside any of the ranges (arguments or dynamic arrays of ranges).',
    example: "print ipv4_is_in_any_range('192.168.1.6', '192.168.1.1/24', '10.0.0.1/8')",
  }),
  simple({
    name: 'ipv4_is_private',
    params: ['string'],
    returns: 'bool',
    row: (ip) => {
      const a = parseIpv4Prefix(ip as string);
      if (!a) return null;
      return PRIVATE.some((r) => inRange(ip as string, r) === true);
    },
    docs: 'ipv4-is-private-function', doc: 'True for addresses of the RFC 1918 private ranges.',
    example: "print ipv4_is_private('192.168.1.1/24')",
  }),
  simple({
    name: 'parse_ipv4',
    params: ['string'],
    returns: 'long',
    row: (ip) => {
      const a = parseIpv4Prefix(ip as string);
      if (!a) return null;
      return BigInt(((a.ip & maskOf(a.prefix)) >>> 0) >>> 0);
    },
    docs: 'parse-ipv4-function', doc: 'The IPv4 address as a long (the network part when a prefix is given).',
    example: "print parse_ipv4('127.0.0.1')",
  }),
];
