// IPv6 functions (parse-ipv6*, ipv6-compare, ipv6-is-match, ipv6-is-in-range, ipv6-is-in-any-range pages). They
// accept IPv4 text too, mapped into IPv6 (::ffff:a.b.c.d). Listed in the `ip` category through scalar/ip.ts.
// Value semantics: src/values/ipv6.ts.

import { compareIpv6, formatIpv6Canonical, ipv6InRange, ipv6Network, parseIpv6Prefix, validIpv6PrefixArgument } from '../../../values/ipv6.js';
import { isDynamicArray, type Dynamic } from '../../../values/types.js';
import { simple } from '../simple.js';
import type { ScalarFunctionDef } from '../types.js';

export const ipv6Functions: readonly ScalarFunctionDef[] = [
  simple({
    name: 'parse_ipv6',
    params: ['string'],
    returns: 'string',
    row: (ip) => {
      const a = parseIpv6Prefix(ip as string);
      return a ? formatIpv6Canonical(ipv6Network(a.ip, a.prefix)) : '';
    },
    docs: 'parse-ipv6-function', doc: 'The canonical IPv6 text (eight 4-digit groups) of an IPv6 or IPv4 address, its prefix applied; "" when it does not parse.',
    example: "print parse_ipv6('192.168.255.255/24')",
  }),
  simple({
    name: 'parse_ipv6_mask',
    params: ['string', 'long'],
    returns: 'string',
    row: (ip, prefix) => {
      const a = parseIpv6Prefix(ip as string);
      const p = validIpv6PrefixArgument(prefix as bigint);
      if (!a || p === null) return '';
      return formatIpv6Canonical(ipv6Network(a.ip, Math.min(a.prefix, p)));
    },
    docs: 'parse-ipv6-mask-function', doc: 'The canonical IPv6 text of an address under the shorter of its own prefix and the given one (0..128).',
    example: "print parse_ipv6_mask('fe80::85d:e82c:9446:7994/120', 124)",
  }),
  simple({
    name: 'ipv6_compare',
    params: ['string', 'string', 'long'],
    optional: 1,
    returns: 'long',
    row: (a, b, prefix) => {
      const c = compareIpv6(a as string, b as string, prefix as bigint | undefined);
      return c === null ? null : BigInt(c);
    },
    docs: 'ipv6-compare-function', doc: 'Compares two IPv6/IPv4 addresses under their combined prefix mask: -1, 0 or 1.',
    example: "print ipv6_compare('fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998')",
  }),
  simple({
    name: 'ipv6_is_match',
    params: ['string', 'string', 'long'],
    optional: 1,
    returns: 'bool',
    row: (a, b, prefix) => {
      const c = compareIpv6(a as string, b as string, prefix as bigint | undefined);
      return c === null ? null : c === 0;
    },
    docs: 'ipv6-is-match-function', doc: 'True when two IPv6/IPv4 addresses are equal under their combined prefix mask.',
    example: "print ipv6_is_match('192.168.1.1', '::ffff:c0a8:0101')",
  }),
  simple({
    name: 'ipv6_is_in_range',
    params: ['string', 'string'],
    returns: 'bool',
    row: (ip, range) => ipv6InRange(ip as string, range as string),
    docs: 'ipv6-is-in-range-function', doc: 'True when the IPv6 address is inside the IP-prefix range; null when either does not parse.',
    example: "print ipv6_is_in_range('a5e:f127:8a9d:146d:e102:b5d3:c755:abcd', 'a5e:f127:8a9d:146d:e102:b5d3:c755:0000/112')",
  }),
  simple({
    name: 'ipv6_is_in_any_range',
    params: ['string*', 'anydyn'],
    variadic: true,
    returns: 'bool',
    nulls: 'custom',
    row: (ip, ...ranges) => {
      if (typeof ip !== 'string') return null;
      const list: Dynamic[] = [];
      for (const r of ranges as Dynamic[]) if (isDynamicArray(r)) list.push(...r);
      else list.push(r);
      // As ipv4_is_in_any_range: true on the first range that holds the address, null when nothing parses.
      let sawValid = false;
      for (const r of list) {
        if (typeof r !== 'string') continue;
        const v = ipv6InRange(ip, r);
        if (v === true) return true;
        if (v === false) sawValid = true;
      }
      return sawValid ? false : null;
    },
    docs: 'ipv6-is-in-any-range-function', doc: 'True when the IPv6 address is inside any of the ranges (arguments or dynamic arrays of ranges).',
    example: "print ipv6_is_in_any_range('a5e:f127:8a9d:146d:e102:b5d3:c755:abcd', 'a5e:f127:8a9d:146d:e102:b5d3:c755:f6cd/112')",
  }),
];
