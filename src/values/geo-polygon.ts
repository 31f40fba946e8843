// geo_point_in_polygon (geo-point-in-polygon-function.md): containment on the sphere, polygon edges being geodesics
// (great-circle arcs). A ring splits the sphere in two; the page takes the smaller region, whatever the ring's
// orientation. A point is inside a polygon when it is in its shell's region and in none of its holes'; inside a
// multipolygon when inside any of its polygons.
//
// Method: the winding of the ring around the point (the sum of the signed angles each edge subtends at the point, in
// the point's tangent plane) is ±2π when the ring separates the point from its antipode, its sign saying on which
// side (left for +2π). The area of the ring's left region is Girard's Σ interior angles − (n − 2)π; when it is over
// 2π the smaller region is the right one. [U] A point whose antipode is on its own side counts as outside (a region
// of at most half the sphere holding both is degenerate); points on an edge or vertex fall on either side
// numerically (the page defines boundary ownership only for tilings).

import { isDynamicArray, isDynamicBag, type Dynamic } from './types.js';
import { validPoint } from './geo.js';

type Vec = readonly [number, number, number];

const rad = (deg: number) => (deg * Math.PI) / 180;
const toVec = (lon: number, lat: number): Vec => [Math.cos(rad(lat)) * Math.cos(rad(lon)), Math.cos(rad(lat)) * Math.sin(rad(lon)), Math.sin(rad(lat))];
const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec, b: Vec): Vec => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

/** The signed angle at P from the direction towards A to the direction towards B, counterclockwise seen from outside. */
function angleAt(p: Vec, a: Vec, b: Vec): number {
  return Math.atan2(dot(p, cross(a, b)), dot(a, b) - dot(p, a) * dot(p, b));
}

interface Ring {
  readonly vertices: readonly Vec[];
  /** True when the smaller region is on the ring's left (counterclockwise) side. */
  readonly leftIsSmaller: boolean;
}

/** A GeoJSON linear ring → its vertices (closing one dropped), or null when the page's constraints fail. */
function readRing(value: Dynamic): Ring | null {
  if (!isDynamicArray(value) || value.length < 4) return null;
  const points: [number, number][] = [];
  for (const c of value) {
    if (!isDynamicArray(c) || c.length !== 2) return null;
    const [lon, lat] = c.map((x) => (typeof x === 'bigint' ? Number(x) : x));
    if (typeof lon !== 'number' || typeof lat !== 'number' || !validPoint(lon, lat)) return null;
    points.push([lon, lat]);
  }
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) return null;
  const distinct = points.slice(0, -1);
  // [U] Vertices must be pairwise distinct (the page: "LinearRing vertices must be distinct").
  const seen = new Set(distinct.map(([lon, lat]) => `${lon},${lat}`));
  if (seen.size !== distinct.length || distinct.length < 3) return null;
  const vertices = distinct.map(([lon, lat]) => toVec(lon, lat));
  const n = vertices.length;
  let interior = 0;
  for (let i = 0; i < n; i++) {
    const a = vertices[(i + n - 1) % n]!;
    const b = vertices[i]!;
    const c = vertices[(i + 1) % n]!;
    // An edge must be shorter than 180°: antipodal neighbours have no shortest arc.
    if (dot(b, c) <= -1 + 1e-15) return null;
    let angle = angleAt(b, c, a);
    if (angle < 0) angle += 2 * Math.PI;
    interior += angle;
  }
  const leftArea = interior - (n - 2) * Math.PI;
  return { vertices, leftIsSmaller: leftArea <= 2 * Math.PI };
}

function inRing(p: Vec, ring: Ring): boolean {
  const v = ring.vertices;
  let winding = 0;
  for (let i = 0; i < v.length; i++) winding += angleAt(p, v[i]!, v[(i + 1) % v.length]!);
  if (Math.abs(winding) < Math.PI) return false; // the point and its antipode are on the same side
  return winding > 0 ? ring.leftIsSmaller : !ring.leftIsSmaller;
}

type Polygon = readonly Ring[];

function readPolygon(rings: Dynamic): Polygon | null {
  if (!isDynamicArray(rings) || rings.length === 0) return null;
  const out: Ring[] = [];
  for (const r of rings) {
    const ring = readRing(r);
    if (!ring) return null;
    out.push(ring);
  }
  return out;
}

/** The polygons of a GeoJSON Polygon or MultiPolygon bag, or null when it is not a valid one. */
export function readPolygons(shape: Dynamic): readonly Polygon[] | null {
  if (!isDynamicBag(shape)) return null;
  const coordinates = shape['coordinates'] ?? null;
  if (shape['type'] === 'Polygon') {
    const p = readPolygon(coordinates);
    return p ? [p] : null;
  }
  if (shape['type'] === 'MultiPolygon') {
    if (!isDynamicArray(coordinates) || coordinates.length === 0) return null;
    const out: Polygon[] = [];
    for (const c of coordinates) {
      const p = readPolygon(c);
      if (!p) return null;
      out.push(p);
    }
    return out;
  }
  return null;
}

/** Containment, or null for an invalid coordinate or shape. */
export function pointInPolygon(lon: number, lat: number, shape: Dynamic): boolean | null {
  if (!validPoint(lon, lat)) return null;
  const polygons = readPolygons(shape);
  if (!polygons) return null;
  const p = toVec(lon, lat);
  return polygons.some(([shell, ...holes]) => inRing(p, shell!) && !holes.some((h) => inRing(p, h)));
}
