// Window functions over serialized row sets: row_number, prev, next, row_cumsum (row-number-function.md,
// prev-function.md, next-function.md, row-cumsum-function.md). They read neighbouring rows, so their kind is
// 'window': the binder accepts them only over a serialized input (bind-not-serialized otherwise), never folds them
// and never evaluates them per dictionary entry. Their constant parameters (start, offset, default) are read at
// bind time; the invoke ignores those arguments.

import { getValue, isScalar, type Vector } from '../../tables/vector.js';
import { vectorWriter } from '../../tables/builder.js';
import type { ScalarType } from '../../values/types.js';
import { refuse, type Invoke, type ResolveContext, type ScalarFunctionDef } from './types.js';

/** The value of a constant integer argument i (or the fallback when it is absent); undefined when not one. */
function constantInt(argTypes: readonly ScalarType[], ctx: ResolveContext, i: number, fallback: number): number | undefined {
  if (i >= argTypes.length) return fallback;
  const c = ctx.constant(i);
  if (!c || (argTypes[i] !== 'long' && argTypes[i] !== 'int') || c.value === null) return undefined;
  return Number(c.value);
}

const rowNumber: ScalarFunctionDef = {
  kind: 'window',
  name: 'row_number',
  signature: 'row_number([start: long]) → long',
  minArgs: 0,
  maxArgs: 2,
  nulls: 'custom',
  deterministic: false,
  doc: 'The row\'s position in the serialized row set, counting from start (default 1).',
  docs: 'row-number-function',
  example: 'range x from 1 to 3 step 1 | extend rn = row_number()',
  resolve(argTypes, ctx) {
    if (argTypes.length > 1) return refuse('bind-not-supported', { name: 'row_number() with a restart condition' });
    const start = constantInt(argTypes, ctx, 0, 1);
    if (start === undefined) return refuse('bind-expected-constant', { what: 'the start of row_number() (an integer)' }, 0);
    const invoke: Invoke = (_args, n) => {
      const w = vectorWriter('long', n);
      for (let i = 0; i < n; i++) w.set(i, BigInt(start + i));
      return w.finish();
    };
    return { returnType: 'long', invoke };
  },
};

function neighbour(name: 'prev' | 'next'): ScalarFunctionDef {
  return {
    kind: 'window',
    name,
    signature: `${name}(column [, offset: long [, default]]) → the column's type`,
    minArgs: 1,
    maxArgs: 3,
    nulls: 'custom',
    deterministic: false,
    doc: `The column's value ${name === 'prev' ? 'offset rows before' : 'offset rows after'} the current row (default offset 1), or the default.`,
    docs: `${name}-function`,
    example: `range x from 1 to 3 step 1 | serialize | extend y = ${name}(x)`,
    resolve(argTypes, ctx) {
      const offset = constantInt(argTypes, ctx, 1, 1);
      if (offset === undefined || offset < 0) return refuse('bind-expected-constant', { what: `the offset of ${name}() (a non-negative integer)` }, 1);
      const def = argTypes.length > 2 ? ctx.constant(2) : { value: null };
      if (!def) return refuse('bind-expected-constant', { what: `the default of ${name}()` }, 2);
      const type = argTypes[0]!;
      const defaultValue = def.value;
      const step = name === 'prev' ? -offset : offset;
      const invoke: Invoke = (a, n) => {
        const v = a[0]!;
        const w = vectorWriter(type, n);
        for (let i = 0; i < n; i++) {
          const j = i + step;
          w.set(i, j < 0 || j >= n ? defaultValue : isScalar(v) ? v.value : getValue(v as Vector, j));
        }
        return w.finish();
      };
      return { returnType: type, invoke };
    },
  };
}

const rowCumsum: ScalarFunctionDef = {
  kind: 'window',
  name: 'row_cumsum',
  signature: 'row_cumsum(number) → long or real',
  minArgs: 1,
  maxArgs: 2,
  nulls: 'custom',
  deterministic: false,
  doc: 'The running sum of the term over the serialized row set (a null term adds nothing).',
  docs: 'row-cumsum-function',
  example: 'range x from 1 to 4 step 1 | serialize | extend s = row_cumsum(x)',
  resolve(argTypes) {
    if (argTypes.length > 1) return refuse('bind-not-supported', { name: 'row_cumsum() with a restart condition' });
    const t = argTypes[0]!;
    if (t !== 'int' && t !== 'long' && t !== 'real') return { arg: 0, expected: 'a number', got: t };
    const type = t === 'real' ? 'real' : 'long';
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
    return { returnType: type, invoke };
  },
};

export const windowFunctions: readonly ScalarFunctionDef[] = [rowNumber, neighbour('prev'), neighbour('next'), rowCumsum];
