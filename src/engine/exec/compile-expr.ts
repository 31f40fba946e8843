// Evaluates bound expressions over a table: column references are the table's vectors, literals stay scalars,
// calls run their resolved columnar implementation. Subqueries are evaluated once per run and cached.

import type { Table } from '../../tables/table.js';
import { allValues, getValue, scalar } from '../../tables/vector.js';
import type { Arg } from '../functions/define.js';
import type { BoundExpr } from '../plan/expr.js';
import type { ExecContext } from './context.js';
import { execute } from './execute.js';

export function evalExpr(e: BoundExpr, t: Table, ctx: ExecContext): Arg {
  switch (e.kind) {
    case 'Column':
      return t.columns[e.index]!;
    case 'Literal':
      return scalar(e.type, e.value);
    case 'Call': {
      const args = e.args.map((a) => evalExpr(a, t, ctx));
      return e.invoke(args, t.rowCount, ctx.dictionaryMemo);
    }
    case 'Subquery': {
      const cached = ctx.subqueries.get(e);
      if (cached) return cached;
      const result = execute(e.plan, ctx);
      let value: Arg;
      if (e.mode === 'scalar') {
        // toscalar(): the first column of the first row; null (or "") when empty.
        value = scalar(e.type, result.rowCount > 0 ? getValue(result.columns[0]!, 0) : null);
      } else {
        // Right side of in / has_any: the first column's values, kept in their own type.
        value = scalar('dynamic', Object.freeze(allValues(result.columns[0]!)) as never);
      }
      ctx.subqueries.set(e, value);
      return value;
    }
  }
}
