// Type rules of the binder: numeric promotion, common types of branches, comparability.
// Source: docs numerical-operators.md (int ∘ int → long, any real → real), kql-lang Binder (PromoteToLong),
// scalar-data-types/*.md. bool is not numeric (`true + 1` is an error).

import type { ScalarType } from '../values/types.js';

export const NUMERIC: ReadonlySet<ScalarType> = new Set(['int', 'long', 'real']);

export function isNumeric(t: ScalarType): boolean {
  return NUMERIC.has(t);
}

/** Result type of arithmetic between two numeric types: int and long widen to long; real wins. */
export function arithmeticType(a: ScalarType, b: ScalarType): ScalarType {
  if (a === 'real' || b === 'real') return 'real';
  return 'long';
}

/** Wider of two numeric types, keeping int when both are int (used for min/max/iff branches). */
export function widerNumeric(a: ScalarType, b: ScalarType): ScalarType {
  if (a === 'real' || b === 'real') return 'real';
  if (a === 'long' || b === 'long') return 'long';
  return 'int';
}

/**
 * The common type of iff/case/coalesce branches, or undefined when Kusto refuses the mix.
 * Numeric branches widen; a dynamic branch with anything stays dynamic [U: the binder accepts it].
 */
export function commonType(types: readonly ScalarType[]): ScalarType | undefined {
  let t = types[0];
  if (t === undefined) return undefined;
  for (const u of types.slice(1)) {
    if (u === t) continue;
    if (isNumeric(t) && isNumeric(u)) t = widerNumeric(t, u);
    else if (t === 'dynamic' || u === 'dynamic') t = 'dynamic';
    else return undefined;
  }
  return t;
}

/** Can `==`, `<`... compare these two types? Numbers with numbers, same types, dynamic with anything. */
export function comparable(a: ScalarType, b: ScalarType): boolean {
  if (a === b) return true;
  if (isNumeric(a) && isNumeric(b)) return true;
  if (a === 'dynamic' || b === 'dynamic') return true;
  return false;
}
