// The one ordering of values: comparison operators, between, min/max, arg_max/arg_min, percentile and sort all
// order values through compareValues (sort adds a total order over mixed dynamic values on top).

import { toStringValue } from '../../values/convert.js';
import type { ScalarValue } from '../../values/types.js';

/**
 * Three-way comparison of two non-null values of comparable types; undefined when they cannot be ordered.
 * Numbers of every type compare by value (mixed bigint/number comparisons are exact in JS); bools compare as 0/1
 * [U]; strings by UTF-16 code units [U]; NaN equals only NaN and orders with nothing else.
 */
export function compareValues(a: ScalarValue, b: ScalarValue): number | undefined {
  if (typeof a === 'boolean') a = a ? 1n : 0n;
  if (typeof b === 'boolean') b = b ? 1n : 0n;
  const ta = typeof a;
  const tb = typeof b;
  if ((ta === 'number' || ta === 'bigint') && (tb === 'number' || tb === 'bigint')) {
    if (ta === 'number' && Number.isNaN(a)) return Number.isNaN(b as number) ? 0 : undefined;
    if (tb === 'number' && Number.isNaN(b)) return undefined;
    return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  }
  if (ta === 'string' && tb === 'string') return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
  return undefined;
}

/**
 * A total order for sorting non-null, non-NaN values: compareValues, and for values it cannot order (mixed dynamic
 * values) their JSON text, so the result is deterministic [U].
 */
export function compareForSort(a: ScalarValue, b: ScalarValue): number {
  const c = compareValues(a, b);
  if (c !== undefined) return c;
  const sa = toStringValue(a, 'dynamic');
  const sb = toStringValue(b, 'dynamic');
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
