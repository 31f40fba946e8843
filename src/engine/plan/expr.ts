// Bound (typed, resolved) scalar expressions. Produced by the binder, evaluated by exec/compile-expr.ts.
// Columns are referenced by index into the input schema of the operator that evaluates them.

import type { Span } from '../../diagnostics.js';
import type { ScalarType, ScalarValue } from '../../values/types.js';
import type { AggregateImpl, Invoke } from '../functions/types.js';
import type { Plan } from './logical.js';

export type BoundExpr = ColumnRef | Literal | Call | SubqueryValue;

export interface ColumnRef {
  readonly kind: 'Column';
  readonly index: number;
  readonly name: string;
  readonly type: ScalarType;
  readonly span: Span;
}

export interface Literal {
  readonly kind: 'Literal';
  readonly type: ScalarType;
  readonly value: ScalarValue | null;
  readonly span: Span;
}

/** A function or operator application; `invoke` is the resolved overload's columnar implementation. */
export interface Call {
  readonly kind: 'Call';
  /** KQL name of the function or operator (for explain and messages). */
  readonly name: string;
  readonly args: readonly BoundExpr[];
  readonly type: ScalarType;
  readonly invoke: Invoke;
  readonly deterministic: boolean;
  readonly span: Span;
}

/**
 * The value of a tabular expression used as a scalar: `toscalar(T)` (first cell) or the first column as a dynamic
 * array (right side of `in` / `has_any`). Evaluated once per query run.
 */
export interface SubqueryValue {
  readonly kind: 'Subquery';
  readonly mode: 'scalar' | 'column-array';
  readonly plan: Plan;
  readonly type: ScalarType;
  readonly span: Span;
}

/** One aggregate of summarize / make-series: the resolved implementation over bound arguments. */
export interface AggregateCall {
  readonly name: string;
  readonly impl: AggregateImpl;
  readonly args: readonly BoundExpr[];
  readonly type: ScalarType;
  readonly span: Span;
}
