// geo_info_from_ip_address (geo-info-from-ip-address-function.md): Kusto answers from MaxMind's GeoLite2-City data.
// kqlite ships no database: the host hands the engine a lookup over one (Database option `geoip`; the CLI's
// `--geoip FILE.mmdb` builds it with src/node/geoip.ts). The core stays browser-safe: it sees a callback returning
// the MaxMind record of an address, and maps that record to the page's bag.

import { parseIpv4Prefix } from './ipv4.js';
import { parseIpv6Prefix } from './ipv6.js';
import type { DynamicBag } from './types.js';

/** The parts of a GeoLite2-City record the function reads (MaxMind's field names). */
export interface GeoIpRecord {
  readonly country?: { readonly names?: Readonly<Record<string, string>> };
  readonly subdivisions?: readonly { readonly names?: Readonly<Record<string, string>> }[];
  readonly city?: { readonly names?: Readonly<Record<string, string>> };
  readonly location?: { readonly latitude?: number; readonly longitude?: number };
}

/** The record of an address (plain IPv4 or IPv6 text, no prefix), or null when the database has none. */
export type GeoIpLookup = (address: string) => GeoIpRecord | null | undefined;

/** The address text to look up: a valid IPv4 or IPv6 address without a prefix, trimmed; else null. */
export function geoIpAddress(text: string): string | null {
  const t = text.trim();
  if (t.includes('/')) return null;
  if (!t.includes(':')) return parseIpv4Prefix(t) ? t : null;
  return parseIpv6Prefix(t) ? t : null;
}

/**
 * The page's bag: country, state (the first subdivision), city by their English names, latitude and longitude.
 * [U] A part the record lacks is null (the page shows complete records only).
 */
export function geoInfoBag(record: GeoIpRecord): DynamicBag {
  const en = (x: { readonly names?: Readonly<Record<string, string>> } | undefined) => x?.names?.['en'] ?? null;
  const coordinate = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    country: en(record.country),
    state: en(record.subdivisions?.[0]),
    city: en(record.city),
    latitude: coordinate(record.location?.latitude),
    longitude: coordinate(record.location?.longitude),
  };
}

/** Why there is no answer without a database: the message of the run-time error. */
export const NO_GEOIP_DATABASE =
  'no GeoIP database: give a MaxMind GeoLite2-City file with --geoip FILE.mmdb (kqlite CLI) or the Database option geoip (a lookup, e.g. geoIpLookup(bytes) from kqlite/node)';
