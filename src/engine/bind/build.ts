// Constructors of bound expressions shared by the binder and the operator modules: literals, calls, column
// references, implicit conversions and constant folding.

import type { Span } from '../../diagnostics.js';
import type { Column } from '../../tables/table.js';
import type { ScalarType, ScalarValue } from '../../values/types.js';
import { conversionInvoke } from '../functions/scalar/conversion.js';
import type { Invoke } from '../functions/types.js';
import type { BoundExpr, Call, ColumnRef, Literal } from '../plan/expr.js';

export function literal(type: ScalarType, value: ScalarValue | null, span: Span): Literal {
  return { kind: 'Literal', type, value: type === 'string' && value === null ? '' : value, span };
}

export function call(name: string, args: readonly BoundExpr[], type: ScalarType, invoke: Invoke, span: Span, deterministic = true): Call {
  return { kind: 'Call', name, args, type, invoke, span, deterministic };
}

export function colRef(c: Column, index: number, span: Span): ColumnRef {
  return { kind: 'Column', index, name: c.name, type: c.type, span };
}

/** Implicit conversion used by parameters (int → long → real, dynamic → string...). */
export function convertTo(e: BoundExpr, to: ScalarType): BoundExpr {
  if (e.type === to) return e;
  if (e.kind === 'Literal') {
    const inv = conversionInvoke(e.type, to);
    const r = inv([{ kind: 'scalar', type: e.type, value: e.value }], 1);
    if ('kind' in r && r.kind === 'scalar') return literal(to, r.value, e.span);
  }
  return call(`to${to}`, [e], to, conversionInvoke(e.type, to), e.span);
}

/** Constant folding: a deterministic call over literals is evaluated once at bind time. */
export function foldIfConstant(c: Call): BoundExpr {
  if (!c.deterministic || !c.args.every((a) => a.kind === 'Literal')) return c;
  try {
    const r = c.invoke(
      c.args.map((a) => ({ kind: 'scalar', type: a.type, value: (a as Literal).value })),
      1,
    );
    if ('kind' in r && r.kind === 'scalar') return literal(c.type, r.value, c.span);
  } catch {
    // Leave it to run time, where the error is reported with the query's context.
  }
  return c;
}
