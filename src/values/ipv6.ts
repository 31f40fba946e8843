// IPv6 value semantics (parse-ipv6-function.md, parse-ipv6-mask-function.md, ipv6-compare-function.md,
// ipv6-is-in-range-function.md): addresses as 128-bit bigints with a prefix length 0..128. IPv4 text is mapped into
// IPv6 as ::ffff:a.b.c.d with its prefix counted from the top (a /24 becomes /120), as the pages' outputs show.

import { parseIpv4Prefix } from './ipv4.js';

export interface Ipv6Prefix {
  readonly ip: bigint;
  readonly prefix: number;
}

const ALL_ONES = (1n << 128n) - 1n;
const IPV4_MAPPED = 0xffffn << 32n;

/** The 128-bit netmask of a prefix length 0..128. */
export function ipv6MaskOf(prefix: number): bigint {
  if (prefix <= 0) return 0n;
  if (prefix >= 128) return ALL_ONES;
  return (ALL_ONES << BigInt(128 - prefix)) & ALL_ONES;
}

export function ipv6Network(ip: bigint, prefix: number): bigint {
  return ip & ipv6MaskOf(prefix);
}

/** Hex groups of an IPv6 address text without a prefix, with an optional dotted IPv4 tail; null when invalid. */
function parseIpv6Groups(text: string): { ip: bigint; ipv4Tail: boolean } | null {
  let body = text;
  let tail: number[] = [];
  const lastColon = body.lastIndexOf(':');
  if (lastColon < 0) return null;
  const last = body.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseIpv4Prefix(last);
    if (!v4 || last.includes('/') || /\s/.test(last)) return null;
    tail = [v4.ip >>> 16, v4.ip & 0xffff];
    // The groups before the tail: keep a trailing "::", drop a single trailing ":".
    body = body.slice(0, lastColon + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
  }
  const groupsWanted = 8 - tail.length;
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !rest) return null;
  let groups: number[];
  if (halves.length === 2) {
    const missing = groupsWanted - head.length - rest.length;
    if (missing < 1) return null;
    groups = [...head, ...new Array<number>(missing).fill(0), ...rest];
  } else {
    if (head.length !== groupsWanted) return null;
    groups = head;
  }
  groups.push(...tail);
  let ip = 0n;
  for (const g of groups) ip = (ip << 16n) | BigInt(g);
  return { ip, ipv4Tail: tail.length > 0 };
}

/**
 * IPv6 or IPv4 text with an optional `/prefix` → address and prefix, or null. IPv4 (plain, or as the dotted tail of
 * `::a.b.c.d`) maps to ::ffff:a.b.c.d and its prefix (0..32) counts from bit 96 (page: '::192.168.255.255/24' keeps
 * 120 bits). [U] A dotted tail after other non-zero upper groups (64:ff9b::1.2.3.4) stays where it is, its prefix
 * still counted as IPv4's. Zone ids (%eth0) are not accepted.
 */
export function parseIpv6Prefix(text: string): Ipv6Prefix | null {
  const trimmed = text.trim();
  if (!trimmed.includes(':')) {
    const v4 = parseIpv4Prefix(trimmed);
    return v4 ? { ip: IPV4_MAPPED | BigInt(v4.ip), prefix: 96 + v4.prefix } : null;
  }
  const slash = trimmed.indexOf('/');
  const addressText = slash < 0 ? trimmed : trimmed.slice(0, slash);
  let prefix: number | undefined;
  if (slash >= 0) {
    const p = trimmed.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p)) return null;
    prefix = Number(p);
  }
  const parsed = parseIpv6Groups(addressText);
  if (!parsed) return null;
  let ip = parsed.ip;
  if (parsed.ipv4Tail) {
    if (prefix !== undefined && prefix > 32) return null;
    if (ip >> 32n === 0n) ip |= IPV4_MAPPED; // IPv4-compatible ::a.b.c.d is read as the mapped address
    return { ip, prefix: prefix === undefined ? 128 : 96 + prefix };
  }
  if (prefix !== undefined && prefix > 128) return null;
  return { ip, prefix: prefix ?? 128 };
}

/** A valid explicit prefix argument 0..128 (128 when absent), else null. */
export function validIpv6PrefixArgument(prefix: bigint | null | undefined): number | null {
  if (prefix === undefined) return 128;
  if (prefix === null || prefix < 0n || prefix > 128n) return null;
  return Number(prefix);
}

/** The canonical text: eight groups of four lower-case hex digits (the pages' outputs). */
export function formatIpv6Canonical(ip: bigint): string {
  return ip.toString(16).padStart(32, '0').match(/.{4}/g)!.join(':');
}

/** -1/0/1 under the shortest of both prefixes and the argument; null when anything does not parse. */
export function compareIpv6(a: string, b: string, prefix?: bigint | null): number | null {
  const x = parseIpv6Prefix(a);
  const y = parseIpv6Prefix(b);
  const p = validIpv6PrefixArgument(prefix);
  if (!x || !y || p === null) return null;
  const bits = Math.min(x.prefix, y.prefix, p);
  const nx = ipv6Network(x.ip, bits);
  const ny = ipv6Network(y.ip, bits);
  return nx === ny ? 0 : nx > ny ? 1 : -1;
}

/** ipv6_is_in_range: the address under the range's prefix (and its own) equals the range's network. */
export function ipv6InRange(address: string, range: string): boolean | null {
  const a = parseIpv6Prefix(address);
  const r = parseIpv6Prefix(range);
  if (!a || !r) return null;
  const bits = Math.min(a.prefix, r.prefix);
  return ipv6Network(a.ip, bits) === ipv6Network(r.ip, bits);
}
