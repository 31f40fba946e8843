// IPv4 functions (the ipv4-*, parse-ipv4*, format-ipv4*, has-*ipv4* pages). Addresses may carry an IP-prefix
// (`10.1.2.3/8`, ip-prefix-notation include); an address or range that does not parse gives null (""/false where the
// page says so). Value semantics: src/values/ipv4.ts.

import { isDynamicArray, type Dynamic } from '../../../values/types.js';
import {
  compareIpv4,
  formatIpv4,
  ipv4AddressesInText,
  ipv4FromTextOrNumber,
  ipv4MaskOf,
  ipv4Network,
  ipv4RangeToCidrList,
  isIpv4Address,
  isIpv4AddressPrefix,
  parseIpv4Prefix,
  validPrefixArgument,
} from '../../../values/ipv4.js';
import { simple } from '../simple.js';
import { ipv6Functions } from './ipv6.js';
import type { ScalarFunctionDef, Value } from '../types.js';

function inRange(ip: string, range: string): boolean | null {
  const a = parseIpv4Prefix(ip);
  const r = parseIpv4Prefix(range);
  if (!a || !r) return null;
  const mask = ipv4MaskOf(Math.min(a.prefix, r.prefix));
  return ((a.ip & mask) >>> 0) === ((r.ip & mask) >>> 0);
}

/** The search terms of has_any_ipv4(_prefix): string arguments, or the elements of dynamic arrays. */
function termsOf(args: readonly Value[]): string[] {
  const out: string[] = [];
  for (const a of args as Dynamic[]) {
    if (isDynamicArray(a)) {
      for (const e of a) if (typeof e === 'string') out.push(e);
    } else if (typeof a === 'string') out.push(a);
  }
  return out;
}

/** has_ipv4 / has_any_ipv4: a valid address term written, delimited, in the text. */
function textHasAnyAddress(source: Value, terms: readonly string[]): boolean {
  const valid = terms.filter(isIpv4Address);
  if (valid.length === 0 || typeof source !== 'string') return false;
  const found = new Set(ipv4AddressesInText(source));
  return valid.some((t) => found.has(t));
}

/** has_ipv4_prefix / has_any_ipv4_prefix: an address written in the text starts with a valid prefix term. */
function textHasAnyPrefix(source: Value, terms: readonly string[]): boolean {
  const valid = terms.filter(isIpv4AddressPrefix);
  if (valid.length === 0 || typeof source !== 'string') return false;
  const found = ipv4AddressesInText(source);
  return valid.some((t) => found.some((a) => (t.endsWith('.') ? a.startsWith(t) : a === t)));
}

/** format_ipv4(_mask): the network address under the shorter of the text's prefix and the argument, or "". */
function formatMasked(ip: Value, prefix: Value, withSuffix: boolean): string {
  const a = ipv4FromTextOrNumber(ip);
  const p = validPrefixArgument(prefix as bigint | null | undefined);
  if (!a || p === null) return '';
  const bits = Math.min(a.prefix, p);
  const text = formatIpv4(ipv4Network(a.ip, bits));
  return withSuffix ? `${text}/${bits}` : text;
}

const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

const ipv4Functions: readonly ScalarFunctionDef[] = [
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
      return BigInt(ipv4Network(a.ip, a.prefix));
    },
    docs: 'parse-ipv4-function', doc: 'The IPv4 address as a long (the network part when a prefix is given).',
    example: "print parse_ipv4('127.0.0.1')",
  }),
  simple({
    name: 'parse_ipv4_mask',
    params: ['string', 'long'],
    returns: 'long',
    row: (ip, prefix) => {
      const a = parseIpv4Prefix(ip as string);
      const p = validPrefixArgument(prefix as bigint);
      // [U] A prefix inside the text also applies (the shorter wins), as in ipv4_compare.
      if (!a || p === null) return null;
      return BigInt(ipv4Network(a.ip, Math.min(a.prefix, p)));
    },
    docs: 'parse-ipv4-mask-function', doc: 'The IPv4 address under the netmask of the given prefix length, as a long.',
    example: 'print parse_ipv4_mask("127.0.0.1", 24)',
  }),
  simple({
    name: 'ipv4_compare',
    params: ['string', 'string', 'long'],
    optional: 1,
    returns: 'long',
    row: (a, b, prefix) => {
      const c = compareIpv4(a as string, b as string, prefix as bigint | undefined);
      return c === null ? null : BigInt(c);
    },
    docs: 'ipv4-compare-function', doc: 'Compares two IPv4 addresses under their combined prefix mask: -1, 0 or 1.',
    example: "print ipv4_compare('192.168.1.1/24', '192.168.1.255')",
  }),
  simple({
    name: 'ipv4_is_match',
    params: ['string', 'string', 'long'],
    optional: 1,
    returns: 'bool',
    row: (a, b, prefix) => {
      const c = compareIpv4(a as string, b as string, prefix as bigint | undefined);
      return c === null ? null : c === 0;
    },
    docs: 'ipv4-is-match-function', doc: 'True when two IPv4 addresses are equal under their combined prefix mask.',
    example: "print ipv4_is_match('192.168.1.1/24', '192.168.1.255')",
  }),
  simple({
    name: 'format_ipv4',
    params: ['any', 'long'],
    optional: 1,
    returns: 'string',
    row: (ip, prefix) => formatMasked(ip, prefix, false),
    docs: 'format-ipv4-function', doc: 'The IPv4 address (text or number) under the prefix mask, as text; "" when it does not parse.',
    example: "print format_ipv4('192.168.1.255', 24)",
  }),
  simple({
    name: 'format_ipv4_mask',
    params: ['any', 'long'],
    optional: 1,
    returns: 'string',
    row: (ip, prefix) => formatMasked(ip, prefix, true),
    docs: 'format-ipv4-mask-function', doc: 'The IPv4 address (text or number) under the prefix mask in CIDR notation; "" when it does not parse.',
    example: "print format_ipv4_mask('192.168.1.255', 24)",
  }),
  simple({
    name: 'ipv4_netmask_suffix',
    params: ['string'],
    returns: 'long',
    row: (ip) => {
      const a = parseIpv4Prefix(ip as string);
      return a ? BigInt(a.prefix) : null;
    },
    docs: 'ipv4-netmask-suffix-function', doc: 'The prefix length of an IPv4 address in IP-prefix notation (32 without one).',
    example: "print ipv4_netmask_suffix('192.168.1.1/24')",
  }),
  simple({
    name: 'ipv4_range_to_cidr_list',
    params: ['string', 'string'],
    returns: 'dynamic',
    row: (start, end) => {
      const a = parseIpv4Prefix(start as string);
      const b = parseIpv4Prefix(end as string);
      // [U] An address that does not parse gives null; an end before the start gives [].
      if (!a || !b) return null;
      return ipv4RangeToCidrList(a.ip, b.ip);
    },
    docs: 'ipv4-range-to-cidr-list-function', doc: 'The fewest CIDR ranges covering an IPv4 address range, as a dynamic array.',
    example: 'print ipv4_range_to_cidr_list("1.1.128.0", "1.1.140.255")',
  }),
  simple({
    name: 'has_ipv4',
    params: ['string*', 'string'],
    returns: 'bool',
    nulls: 'custom',
    row: (source, ip) => textHasAnyAddress(source, typeof ip === 'string' ? [ip] : []),
    docs: 'has-ipv4-function', doc: 'True when the text holds the IPv4 address, delimited by non-alphanumeric characters.',
    example: "print has_ipv4('05:04:54 127.0.0.1 GET /favicon.ico 404', '127.0.0.1')",
  }),
  simple({
    name: 'has_ipv4_prefix',
    params: ['string*', 'string'],
    returns: 'bool',
    nulls: 'custom',
    row: (source, prefix) => textHasAnyPrefix(source, typeof prefix === 'string' ? [prefix] : []),
    docs: 'has-ipv4-prefix-function', doc: 'True when the text holds a delimited IPv4 address starting with the prefix ("10.", "10.1.").',
    example: "print has_ipv4_prefix('05:04:54 127.0.0.1 GET /favicon.ico 404', '127.0.')",
  }),
  simple({
    name: 'has_any_ipv4',
    params: ['string*', 'anydyn'],
    variadic: true,
    returns: 'bool',
    nulls: 'custom',
    row: (source, ...ips) => textHasAnyAddress(source, termsOf(ips)),
    docs: 'has-any-ipv4-function', doc: 'True when the text holds any of the IPv4 addresses (arguments or dynamic arrays).',
    example: "print has_any_ipv4('05:04:54 127.0.0.1 GET /favicon.ico 404', '127.0.0.1', '127.0.0.2')",
  }),
  simple({
    name: 'has_any_ipv4_prefix',
    params: ['string*', 'anydyn'],
    variadic: true,
    returns: 'bool',
    nulls: 'custom',
    row: (source, ...prefixes) => textHasAnyPrefix(source, termsOf(prefixes)),
    docs: 'has-any-ipv4-prefix-function', doc: 'True when the text holds a delimited IPv4 address starting with any of the prefixes.',
    example: "print has_any_ipv4_prefix('05:04:54 127.0.0.1 GET /favicon.ico 404', '127.0.', '192.168.')",
  }),
];

/** The `ip` category: the IPv4 functions here and the IPv6 ones (scalar/ipv6.ts). */
export const ipFunctions: readonly ScalarFunctionDef[] = [...ipv4Functions, ...ipv6Functions];
