// Estimates of the bytes an operator is about to build, for the memory budget (ExecContext.reserve). They are
// estimates of new storage only: strings, guids and dynamic values are references to values that already exist
// (8 bytes each), dictionary columns gather 4-byte codes, typed columns their element size plus a validity byte.
// They err on the large side by at most the validity byte; what they cannot see (strings built by functions) is
// measured after the call (stringBytes).

import type { ScalarType } from '../../values/types.js';
import type { Vector } from '../../tables/vector.js';

/** Bytes per row of a new column of `type` written value by value (vectorWriter). */
export function typeRowBytes(type: ScalarType): number {
  switch (type) {
    case 'bool':
      return 2;
    case 'int':
      return 5;
    case 'real':
    case 'long':
    case 'datetime':
    case 'timespan':
      return 9;
    default:
      return 8; // a reference: string, guid, dynamic
  }
}

/** Bytes per row of a gather (take) of the vector: the same representation, row by row. */
export function vectorRowBytes(v: Vector): number {
  const validity = v.valid ? 1 : 0;
  switch (v.type) {
    case 'bool':
      return 1 + validity;
    case 'int':
      return 4 + validity;
    case 'real':
    case 'long':
    case 'datetime':
    case 'timespan':
      return 8 + validity;
    case 'string':
    case 'dynamic':
      return v.codes ? 4 : 8;
    case 'guid':
      return 8;
  }
}

/** Bytes per row of gathering all these vectors, plus `extra` (index arrays and the like). */
export function gatherRowBytes(vectors: readonly Vector[], extra = 0): number {
  let bytes = extra;
  for (const v of vectors) bytes += vectorRowBytes(v);
  return bytes;
}

/**
 * The bytes of the strings a string vector holds: a byte per UTF-16 unit (V8's one-byte strings; two-byte ones
 * take twice that) plus a 16-byte header each. One pass over the plain values, or over the dictionary.
 */
export function stringBytes(v: Vector): number {
  if (v.type !== 'string') return 0;
  const values = v.values ?? v.dict!;
  let units = 0;
  for (let i = 0; i < values.length; i++) units += values[i]!.length;
  return units + 16 * values.length;
}
