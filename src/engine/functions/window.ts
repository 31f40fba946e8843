// Window functions over serialized row sets: row_number, prev, next, row_cumsum (row-number-function.md,
// prev-function.md, next-function.md, row-cumsum-function.md). They read neighbouring rows, so they are evaluated
// over whole columns in row order and marked non-deterministic: never folded, never evaluated per dictionary entry.

import { diagnostic, type Span } from '../../diagnostics.js';
import { getValue, isScalar, type Vector } from '../../tables/vector.js';
import { vectorWriter } from '../../tables/builder.js';
import type { ScalarValue } from '../../values/types.js';
import type { BoundExpr } from '../plan/expr.js';
import type { BindContext } from '../bind/scope.js';
import type { Invoke } from './define.js';

export const WINDOW_FUNCTIONS = new Set(['row_number', 'prev', 'next', 'row_cumsum']);

function constantInt(e: BoundExpr | undefined, fallback: number): number | undefined {
  if (!e) return fallback;
  if (e.kind !== 'Literal' || (e.type !== 'long' && e.type !== 'int') || e.value === null) return undefined;
  return Number(e.value);
}

export function bindWindowCall(
  name: string,
  args: readonly BoundExpr[],
  span: Span,
  ctx: BindContext,
  serialized: boolean,
): { type: import('../../values/types.js').ScalarType; invoke: Invoke; args: readonly BoundExpr[] } | undefined {
  const fail = (message: string) => {
    ctx.diagnostics.push(diagnostic('bind-invalid', span, { message }));
    return undefined;
  };
  if (!serialized) {
    ctx.diagnostics.push(diagnostic('bind-not-serialized', span, { name }));
    return undefined;
  }
  switch (name) {
    case 'row_number': {
      if (args.length > 1) {
        ctx.diagnostics.push(diagnostic('bind-not-supported', span, { name: 'row_number() with a restart condition' }));
        return undefined;
      }
      const start = constantInt(args[0], 1);
      if (start === undefined) return fail('row_number() takes a constant integer start');
      const invoke: Invoke = (_args, n) => {
        const w = vectorWriter('long', n);
        for (let i = 0; i < n; i++) w.set(i, BigInt(start + i));
        return w.finish();
      };
      return { type: 'long', invoke, args: [] };
    }
    case 'prev':
    case 'next': {
      const [col, off, def] = args;
      if (!col || args.length > 3) return fail(`${name}() takes a column, an optional offset and an optional default`);
      const offset = constantInt(off, 1);
      if (offset === undefined || offset < 0) return fail(`${name}() takes a constant, non-negative offset`);
      if (def && def.kind !== 'Literal') return fail(`${name}() takes a constant default`);
      const type = col.type;
      const defaultValue = def ? (def as { value: ScalarValue | null }).value : null;
      const step = name === 'prev' ? -offset : offset;
      const invoke: Invoke = (a, n) => {
        const v = a[0]!;
        const w = vectorWriter(type, n);
        for (let i = 0; i < n; i++) {
          const j = i + step;
          const x = j < 0 || j >= n ? defaultValue : isScalar(v) ? v.value : getValue(v as Vector, j);
          w.set(i, x);
        }
        return w.finish();
      };
      return { type, invoke, args: [col] };
    }
    case 'row_cumsum': {
      const [term] = args;
      if (!term || args.length > 1) {
        if (args.length > 1) {
          ctx.diagnostics.push(diagnostic('bind-not-supported', span, { name: 'row_cumsum() with a restart condition' }));
          return undefined;
        }
        return fail('row_cumsum() takes a numeric term');
      }
      if (term.type !== 'int' && term.type !== 'long' && term.type !== 'real') return fail(`row_cumsum() sums numbers, got ${term.type}`);
      const type = term.type === 'real' ? 'real' : 'long';
      const invoke: Invoke = (a, n) => {
        const v = a[0]!;
        const w = vectorWriter(type, n);
        let sum: number | bigint = type === 'real' ? 0 : 0n;
        for (let i = 0; i < n; i++) {
          const x = isScalar(v) ? v.value : getValue(v as Vector, i);
          // A null term adds nothing [U].
          if (x !== null) sum = type === 'real' ? (sum as number) + Number(x) : BigInt.asIntN(64, (sum as bigint) + BigInt(x as number | bigint));
          w.set(i, sum);
        }
        return w.finish();
      };
      return { type, invoke, args: [term] };
    }
  }
  return undefined;
}


