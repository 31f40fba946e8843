// sort / top (sort-operator.md): default descending; nulls first for asc and last for desc unless stated.
// Null and NaN sort together at the null end: null before NaN when nulls come first, NaN before null when last.
// Strings compare ordinally (UTF-16 code units) [U]. The sort is stable.

import { getValue, type Vector } from '../../../tables/vector.js';
import type { ScalarValue } from '../../../values/types.js';
import { compareValues } from '../../functions/operators.js';
import { toStringValue } from '../../../values/convert.js';

export interface SortColumn {
  readonly vector: Vector;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

/** Rank of "missing-like" values: 0 = ordinary value, 1 = NaN, 2 = null. */
function missingRank(v: ScalarValue | null): number {
  if (v === null) return 2;
  if (typeof v === 'number' && Number.isNaN(v)) return 1;
  return 0;
}

function compareOrdinary(a: ScalarValue, b: ScalarValue): number {
  const c = compareValues(a, b);
  if (c !== undefined) return c;
  // Mixed dynamic values: order by their JSON text so the result is deterministic [U].
  const sa = toStringValue(a, 'dynamic');
  const sb = toStringValue(b, 'dynamic');
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function sortIndices(n: number, keys: readonly SortColumn[]): Uint32Array {
  const idx = Array.from({ length: n }, (_, i) => i);
  const cols = keys.map((k) => ({ ...k, values: Array.from({ length: n }, (_, i) => getValue(k.vector, i)) }));
  idx.sort((i, j) => {
    for (const k of cols) {
      const a = k.values[i]!;
      const b = k.values[j]!;
      const ra = missingRank(a);
      const rb = missingRank(b);
      let c: number;
      if (ra !== 0 || rb !== 0) {
        // Position among null / NaN / ordinary values, depending on where the nulls go.
        const pa = k.nullsFirst ? 2 - ra : ra;
        const pb = k.nullsFirst ? 2 - rb : rb;
        if (pa !== pb) return pa - pb;
        if (ra !== 0) continue;
      }
      c = compareOrdinary(a, b);
      if (c !== 0) return k.descending ? -c : c;
    }
    return i - j;
  });
  return Uint32Array.from(idx);
}

