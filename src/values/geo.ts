// Geospatial math on WGS-84 coordinates (geo-distance-2points, geo-point-in-circle, geo-point-to-geohash,
// geo-geohash-to-central-point pages). Distances on the sphere use S2's Earth radius, 6,371,010 m: the page's
// Seattle–Los Angeles example (1546754.35197381 m) is reproduced by that radius and no other common one (the mean
// radius 6,371,008.8 m gives 1546754.06).

import geodesic from 'geographiclib-geodesic';
import type { DynamicBag } from './types.js';

export const EARTH_RADIUS_METERS = 6371010;

const rad = (deg: number) => (deg * Math.PI) / 180;

/** A valid coordinate: finite, longitude in [-180, 180], latitude in [-90, 90]. */
export function validPoint(lon: number, lat: number): boolean {
  return Number.isFinite(lon) && Number.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}

/** The angle (radians) between two points seen from the Earth's centre: atan2(|a×b|, a·b), exact near 0 and π. */
export function centralAngle(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const v = (lon: number, lat: number) => [Math.cos(rad(lat)) * Math.cos(rad(lon)), Math.cos(rad(lat)) * Math.sin(rad(lon)), Math.sin(rad(lat))] as const;
  const a = v(lon1, lat1);
  const b = v(lon2, lat2);
  const cross = [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
  return Math.atan2(Math.hypot(cross[0]!, cross[1]!, cross[2]!), a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
}

/** The distance in meters on the sphere, or null for an invalid coordinate. */
export function sphereDistance(lon1: number, lat1: number, lon2: number, lat2: number): number | null {
  if (!validPoint(lon1, lat1) || !validPoint(lon2, lat2)) return null;
  return centralAngle(lon1, lat1, lon2, lat2) * EARTH_RADIUS_METERS;
}

/**
 * The distance in meters on the WGS-84 spheroid (use_spheroid = true): the geodesic by Karney's algorithm
 * (GeographicLib), or null for an invalid coordinate. [U] The page names WGS-84 but no algorithm; Karney's is exact
 * to nanometres, so any other correct geodesic solver agrees to well under a millimetre.
 */
export function spheroidDistance(lon1: number, lat1: number, lon2: number, lat2: number): number | null {
  if (!validPoint(lon1, lat1) || !validPoint(lon2, lat2)) return null;
  return geodesic.Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2).s12 ?? null;
}

/**
 * A spherical cap: the point's distance along the sphere is at most the radius ([U] the boundary is inside). Null for
 * an invalid coordinate or a radius that is not positive and finite.
 */
export function pointInCircle(lon: number, lat: number, centreLon: number, centreLat: number, radius: number): boolean | null {
  if (!(Number.isFinite(radius) && radius > 0)) return null;
  const d = sphereDistance(lon, lat, centreLon, centreLat);
  return d === null ? null : d <= radius;
}

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

/** The geohash of a point, `length` characters (1..18); "" when invalid (the page: an empty result). */
export function pointToGeohash(lon: number, lat: number, length: number): string {
  if (!validPoint(lon, lat) || !Number.isInteger(length) || length < 1 || length > 18) return '';
  let lonLo = -180;
  let lonHi = 180;
  let latLo = -90;
  let latHi = 90;
  let out = '';
  let bits = 0;
  let code = 0;
  let evenBit = true; // bits alternate longitude, latitude, starting with longitude
  while (out.length < length) {
    if (evenBit) {
      const mid = (lonLo + lonHi) / 2;
      if (lon >= mid) (code = code * 2 + 1), (lonLo = mid);
      else (code *= 2), (lonHi = mid);
    } else {
      const mid = (latLo + latHi) / 2;
      if (lat >= mid) (code = code * 2 + 1), (latLo = mid);
      else (code *= 2), (latHi = mid);
    }
    evenBit = !evenBit;
    if (++bits === 5) {
      out += BASE32[code];
      bits = 0;
      code = 0;
    }
  }
  return out;
}

/**
 * The centre of a geohash's rectangle as a GeoJSON point; null when the text is not 1–18 geohash characters ([U]
 * upper-case letters are not geohash characters: the alphabet is lower-case).
 */
export function geohashCentralPoint(hash: string): DynamicBag | null {
  if (hash.length < 1 || hash.length > 18) return null;
  let lonLo = -180;
  let lonHi = 180;
  let latLo = -90;
  let latHi = 90;
  let evenBit = true;
  for (const c of hash) {
    const v = BASE32.indexOf(c);
    if (v < 0) return null;
    for (let b = 4; b >= 0; b--) {
      const bit = (v >> b) & 1;
      if (evenBit) {
        const mid = (lonLo + lonHi) / 2;
        if (bit) lonLo = mid;
        else lonHi = mid;
      } else {
        const mid = (latLo + latHi) / 2;
        if (bit) latLo = mid;
        else latHi = mid;
      }
      evenBit = !evenBit;
    }
  }
  return { type: 'Point', coordinates: [(lonLo + lonHi) / 2, (latLo + latHi) / 2] };
}
