// Shared pieces of the aggregate definitions: default column names and the AggregateImpl constructor.

import type { ScalarType } from '../../../values/types.js';
import type { AggregateImpl, Value } from '../types.js';

/** `prefix_x` after the first argument's display name, `prefix_` when it has none (kql-lang Aggregates.cs). */
export const suffixName = (prefix: string) => (names: readonly (string | undefined)[]) =>
  names[0] !== undefined ? `${prefix}_${names[0]}` : `${prefix}_`;

export const isNum = (t: ScalarType | undefined) => t === 'int' || t === 'long' || t === 'real';

export function impl(init: () => unknown, add: (s: any, a: readonly Value[]) => unknown, finish: (s: any) => Value): AggregateImpl {
  return { init, add, finish };
}
