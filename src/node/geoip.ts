// The Node edge of geo_info_from_ip_address: a MaxMind DB file (GeoLite2-City layout) read with mmdb-lib, handed to
// the engine as a lookup callback (Database option `geoip`; CLI `--geoip FILE.mmdb`). mmdb-lib reads through
// Buffer, so it stays out of the browser-safe core (src/values/geoip.ts only sees the callback).

import { readFileSync } from 'node:fs';
import { Reader } from 'mmdb-lib';
import type { GeoIpLookup, GeoIpRecord } from '../values/geoip.js';

/** A lookup over the bytes of a MaxMind DB file; throws when they are not one. */
export function geoIpLookup(bytes: Uint8Array): GeoIpLookup {
  const reader = new Reader<GeoIpRecord & import('mmdb-lib').Response>(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return (address) => {
    try {
      return reader.get(address);
    } catch {
      // An address the reader rejects (an IPv6 address in an IPv4-only database) has no record.
      return null;
    }
  };
}

/** The lookup over a MaxMind DB file; the error names the file when it cannot be read or is not one. */
export function loadGeoIpFile(file: string): GeoIpLookup {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new Error(`--geoip ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  try {
    return geoIpLookup(bytes);
  } catch (e) {
    throw new Error(`--geoip ${file}: not a MaxMind DB file (${(e as Error).message})`);
  }
}
