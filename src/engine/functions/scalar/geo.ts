// Geospatial functions. geo_info_from_ip_address answers from the host's GeoIP database (ResolveContext.geoip, the
// Database option `geoip`; src/values/geoip.ts): without one, a call that meets an address is a run-time error
// saying how to give one — never a silent null. Geospatial math: src/values/geo.ts (sphere of S2's Earth radius,
// geohash). Invalid coordinates give null ("" for geohash), as the pages say.

import { geohashCentralPoint, pointInCircle, pointToGeohash, sphereDistance, spheroidDistance } from '../../../values/geo.js';
import { pointInPolygon } from '../../../values/geo-polygon.js';
import { geoInfoBag, geoIpAddress, NO_GEOIP_DATABASE, type GeoIpLookup } from '../../../values/geoip.js';
import { lift } from '../lift.js';
import { simple } from '../simple.js';
import type { ScalarFunctionDef } from '../types.js';
import type { Dynamic } from '../../../values/types.js';

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

const num = (v: unknown) => v as number;

export const geoFunctions: readonly ScalarFunctionDef[] = [
  geoInfoFromIpAddress,
  simple({
    name: 'geo_distance_2points',
    params: ['real*', 'real*', 'real*', 'real*', 'any'],
    optional: 1,
    returns: 'real',
    row: (lon1, lat1, lon2, lat2, useSpheroid) => {
      // [U] A number counts as true when non-zero (the analyser accepts a number or a bool).
      const spheroid = useSpheroid === true || (typeof useSpheroid === 'number' && useSpheroid !== 0) || (typeof useSpheroid === 'bigint' && useSpheroid !== 0n);
      if (spheroid) return spheroidDistance(num(lon1), num(lat1), num(lon2), num(lat2));
      return sphereDistance(num(lon1), num(lat1), num(lon2), num(lat2));
    },
    docs: 'geo-distance-2points-function', doc: 'The shortest distance in meters between two points on the Earth (a sphere, or the WGS-84 spheroid); null for invalid coordinates.',
    example: 'print geo_distance_2points(-122.407628, 47.578557, -118.275287, 34.019056)',
  }),
  simple({
    name: 'geo_point_in_circle',
    params: ['real*', 'real*', 'real*', 'real*', 'real*'],
    returns: 'bool',
    row: (lon, lat, clon, clat, radius) => pointInCircle(num(lon), num(lat), num(clon), num(clat), num(radius)),
    docs: 'geo-point-in-circle-function', doc: 'True when the point is inside the spherical cap of the given centre and radius (meters).',
    example: 'print geo_point_in_circle(-122.143564, 47.535677, -122.100896, 47.527351, 3500)',
  }),
  simple({
    name: 'geo_point_to_geohash',
    params: ['real*', 'real*', 'real*'],
    optional: 1,
    returns: 'string',
    nulls: 'custom',
    row: (lon, lat, accuracy) => {
      if (lon === null || lat === null || accuracy === null) return '';
      return pointToGeohash(num(lon), num(lat), accuracy === undefined ? 5 : num(accuracy));
    },
    docs: 'geo-point-to-geohash-function', doc: 'The geohash of a point, accuracy 1..18 characters (default 5); "" when invalid.',
    example: 'print geo_point_to_geohash(-80.195829, 25.802215, 8)',
  }),
  simple({
    name: 'geo_geohash_to_central_point',
    params: ['string'],
    returns: 'dynamic',
    row: (hash) => geohashCentralPoint(hash as string),
    docs: 'geo-geohash-to-central-point-function', doc: 'The centre of a geohash rectangle as a GeoJSON point; null for an invalid geohash.',
    example: 'print geo_geohash_to_central_point("sunny")',
  }),
  simple({
    name: 'geo_point_in_polygon',
    params: ['real*', 'real*', 'dynamic'],
    returns: 'bool',
    row: (lon, lat, polygon) => pointInPolygon(num(lon), num(lat), polygon as Dynamic),
    docs: 'geo-point-in-polygon-function', doc: 'True when the point is inside the GeoJSON Polygon or MultiPolygon (geodesic edges, the smaller region of each ring).',
    example: 'print geo_point_in_polygon(5, 5, dynamic({"type": "Polygon", "coordinates": [[[0,0],[10,0],[10,10],[0,10],[0,0]]]}))',
  }),
];
