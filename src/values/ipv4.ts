// IPv4 value semantics shared by the IP functions (src/engine/functions/scalar/ip.ts) and the ipv4_lookup plugin:
// parsing `a.b.c.d[/n]` (IP-prefix notation, docs include ip-prefix-notation.md), masks, formatting, CIDR lists and
// the text search of has_ipv4 / has_ipv4_prefix. Addresses are unsigned 32-bit numbers held in JS numbers.

/** An IPv4 address and its prefix length (32 when the text has none). */
export interface Ipv4Prefix {
  readonly ip: number;
  readonly prefix: number;
}

const IPV4_TEXT = /^\s*(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?\s*$/;

/** `a.b.c.d[/n]` → address and prefix length, or null when it does not parse (an octet over 255, a prefix over 32). */
export function parseIpv4Prefix(text: string): Ipv4Prefix | null {
  const m = IPV4_TEXT.exec(text);
  if (!m) return null;
  const parts = [m[1], m[2], m[3], m[4]].map(Number);
  if (parts.some((p) => p > 255)) return null;
  const prefix = m[5] === undefined ? 32 : Number(m[5]);
  if (prefix > 32) return null;
  const ip = ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
  return { ip, prefix };
}

/** The netmask of a prefix length 0..32. */
export function ipv4MaskOf(prefix: number): number {
  return prefix <= 0 ? 0 : prefix >= 32 ? 0xffffffff : (0xffffffff << (32 - prefix)) >>> 0;
}

/** The address with the host bits (after `prefix`) cleared. */
export function ipv4Network(ip: number, prefix: number): number {
  return (ip & ipv4MaskOf(prefix)) >>> 0;
}

/** A valid explicit prefix argument: an integer 0..32, else null. */
export function validPrefixArgument(prefix: bigint | null | undefined): number | null {
  if (prefix === undefined) return 32;
  if (prefix === null || prefix < 0n || prefix > 32n) return null;
  return Number(prefix);
}

/**
 * Compares two addresses under their combined mask: the shortest of both texts' prefixes and the explicit one
 * (ipv4-compare-function.md). -1, 0, 1, or null when either address or the prefix is invalid.
 */
export function compareIpv4(a: string, b: string, prefix?: bigint | null): number | null {
  const x = parseIpv4Prefix(a);
  const y = parseIpv4Prefix(b);
  const p = validPrefixArgument(prefix);
  if (!x || !y || p === null) return null;
  const bits = Math.min(x.prefix, y.prefix, p);
  const nx = ipv4Network(x.ip, bits);
  const ny = ipv4Network(y.ip, bits);
  return nx === ny ? 0 : nx > ny ? 1 : -1;
}

export function formatIpv4(ip: number): string {
  return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

/**
 * The address of format_ipv4 / format_ipv4_mask's first argument: IPv4 text with an optional prefix, or a number
 * (the address in big-endian order, 0..2^32−1). Null when neither.
 */
export function ipv4FromTextOrNumber(v: unknown): Ipv4Prefix | null {
  if (typeof v === 'string') return parseIpv4Prefix(v);
  if (typeof v === 'bigint') return v >= 0n && v <= 0xffffffffn ? { ip: Number(v), prefix: 32 } : null;
  if (typeof v === 'number') {
    // [U] A real is accepted only when it is a whole number in range (the docs speak of "number representation").
    return Number.isInteger(v) && v >= 0 && v <= 0xffffffff ? { ip: v, prefix: 32 } : null;
  }
  return null;
}

/** The fewest CIDR blocks covering start..end, in address order (ipv4-range-to-cidr-list-function.md). */
export function ipv4RangeToCidrList(start: number, end: number): string[] {
  const out: string[] = [];
  let cur = start;
  while (cur <= end) {
    // Widen the block at `cur` while it stays aligned and inside the range.
    let prefix = 32;
    while (prefix > 0) {
      const wider = 2 ** (33 - prefix);
      if (cur % wider !== 0 || cur + wider - 1 > end) break;
      prefix--;
    }
    out.push(`${formatIpv4(cur)}/${prefix}`);
    cur += 2 ** (32 - prefix);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Text search (has-ipv4-function.md, has-ipv4-prefix-function.md): an address "appears" in a text when it is
// delimited by non-alphanumeric characters.

const isAlphanumeric = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * The IPv4 addresses written in a text, as they are written: four dot-separated octets of 1–3 digits, each ≤ 255,
 * with no letter or digit right before or after. [U] A dot next to the address counts as a delimiter only when it is
 * not itself joined to more digits ("10.1.1.201." at the end of a sentence is an address; "1.2.3.4.5" holds none) —
 * a longer dotted number is not an address.
 */
export function ipv4AddressesInText(text: string): string[] {
  const out: string[] = [];
  const re = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text[start - 1];
    const after = text[end];
    const joinedBefore = isAlphanumeric(before) || (before === '.' && isDigit(text[start - 2]));
    const joinedAfter = isAlphanumeric(after) || (after === '.' && isDigit(text[end + 1]));
    if (joinedBefore || joinedAfter) {
      // Retry one character later: a longer digit run may hide a delimited address further on only past a
      // non-alphanumeric character, so skip to the end of this run of digits and dots.
      let j = start;
      while (j < text.length && (isDigit(text[j]) || text[j] === '.')) j++;
      re.lastIndex = Math.max(j, start + 1);
      continue;
    }
    if (m[0].split('.').every((o) => Number(o) <= 255)) out.push(m[0]);
  }
  return out;
}

/** A valid has_ipv4 search term: a complete IPv4 address without a prefix. */
export function isIpv4Address(text: string): boolean {
  return /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(text) && text.split('.').every((o) => Number(o) <= 255);
}

/** A valid has_ipv4_prefix term: a complete address, or 1–3 leading octets each followed by a dot ("192.168."). */
export function isIpv4AddressPrefix(text: string): boolean {
  if (isIpv4Address(text)) return true;
  if (!/^(\d{1,3}\.){1,3}$/.test(text)) return false;
  return text.slice(0, -1).split('.').every((o) => Number(o) <= 255);
}
