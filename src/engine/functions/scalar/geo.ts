// Geospatial functions. geo_info_from_ip_address answers from the host's GeoIP database (ResolveContext.geoip, the
// Database option `geoip`; src/values/geoip.ts): without one, a call that meets an address is a run-time error
// saying how to give one — never a silent null.

import { geoInfoBag, geoIpAddress, NO_GEOIP_DATABASE, type GeoIpLookup } from '../../../values/geoip.js';
import { lift } from '../lift.js';
import type { ScalarFunctionDef } from '../types.js';

function geoInfoRow(lookup: GeoIpLookup | undefined) {
  return (ip: unknown) => {
    const address = geoIpAddress(ip as string);
    // [U] Text that is not an address (or carries a prefix) gives null, as the IP functions do.
    if (address === null) return null;
    if (!lookup) throw new Error(NO_GEOIP_DATABASE);
    const record = lookup(address);
    // [U] An address the database does not hold gives null ("if the information is available").
    return record ? geoInfoBag(record) : null;
  };
}

const geoInfoFromIpAddress: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'geo_info_from_ip_address',
  signature: 'geo_info_from_ip_address(string) → dynamic',
  doc: 'Country, state, city, latitude and longitude of an IPv4/IPv6 address, from the GeoIP database the host gives (--geoip FILE.mmdb).',
  docs: 'geo-info-from-ip-address-function',
  // Runs on an empty database: no row meets the (absent) GeoIP database.
  example: "datatable(ip:string) [] | extend geo_info_from_ip_address(ip)",
  minArgs: 1,
  maxArgs: 1,
  nulls: 'propagate',
  // The answer depends on the host's database; within one Database it is a function of the address.
  deterministic: true,
  resolve(argTypes, ctx) {
    const t = argTypes[0]!;
    if (t !== 'string' && t !== 'dynamic') return { arg: 0, expected: 'string', got: t };
    return {
      returnType: 'dynamic',
      invoke: lift('dynamic', geoInfoRow(ctx.geoip) as (v: unknown) => null, 'propagate'),
      argTypes: [t === 'dynamic' ? 'string' : undefined],
    };
  },
};

export const geoFunctions: readonly ScalarFunctionDef[] = [geoInfoFromIpAddress];
