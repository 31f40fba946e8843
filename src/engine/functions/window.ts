// Window functions over serialized row sets: row_number, prev, next, row_cumsum (row-number-function.md,
// prev-function.md, next-function.md, row-cumsum-function.md); the ranking and session functions are in
// window-rank.ts. They read neighbouring rows, so their kind is 'window': the binder accepts them only over a
// serialized input (bind-not-serialized otherwise), never folds them and never evaluates them per dictionary entry.
// Their constant parameters (start, offset, default) are read at bind time; the invoke ignores those arguments.
// A restart argument is a bool per row: true starts the numbering (or the sum) again at that row; null is not true.

import { getValue, isScalar, type Scalar, type Vector } from '../../tables/vector.js';
import { vectorWriter } from '../../tables/builder.js';
import type { ScalarType } from '../../values/types.js';
import { refuse, type Invoke, type Refusal, type ResolveContext, type ScalarFunctionDef, type Value } from './types.js';

/** The value of a constant integer argument i (or the fallback when it is absent); undefined when not one. */
function constantInt(argTypes: readonly ScalarType[], ctx: ResolveContext, i: number, fallback: number): number | undefined {
  if (i >= argTypes.length) return fallback;
  const c = ctx.constant(i);
  if (!c || (argTypes[i] !== 'long' && argTypes[i] !== 'int') || c.value === null) return undefined;
  return Number(c.value);
}

/** Row i of a column argument (a constant stands for every row). */
export function valueAt(a: Vector | Scalar, i: number): Value {
  return isScalar(a) ? a.value : getValue(a, i);
}

/** The restart argument i, when given: its type must be bool. */
export function checkRestart(argTypes: readonly ScalarType[], i: number): Refusal | undefined {
  if (argTypes.length > i && argTypes[i] !== 'bool') return { arg: i, expected: 'a bool restart condition', got: argTypes[i]! };
  return undefined;
}

/** Does the restart argument (absent = never) hold at row i? */
export const restartsAt = (args: readonly (Vector | Scalar)[], at: number, i: number): boolean => args.length > at && valueAt(args[at]!, i) === true;

const rowNumber: ScalarFunctionDef = {
  kind: 'window',
  name: 'row_number',
  signature: 'row_number([start: long [, restart: bool]]) → long',
  minArgs: 0,
  maxArgs: 2,
  nulls: 'custom',
  deterministic: false,
  doc: 'The row\'s position in the serialized row set, counting from start (default 1), again from start where restart is true.',
  docs: 'row-number-function',
  example: 'range x from 1 to 3 step 1 | extend rn = row_number()',
  resolve(argTypes, ctx) {
    const start = constantInt(argTypes, ctx, 0, 1);
    if (start === undefined) return refuse('bind-expected-constant', { what: 'the start of row_number() (an integer)' }, 0);
    const bad = checkRestart(argTypes, 1);
    if (bad) return bad;
    const invoke: Invoke = (args, n) => {
      const w = vectorWriter('long', n);
      let index = start;
      for (let i = 0; i < n; i++) {
        index = i === 0 || restartsAt(args, 1, i) ? start : index + 1;
        w.set(i, BigInt(index));
      }
      return w.finish();
    };
    return { returnType: 'long', invoke };
  },
};

/**
 * The default of prev()/next() in the column's type: the same type, a null, or a number that converts exactly
 * (an integer for a real column, an integral real or any integer for an int or long column). Microsoft's analyser
 * types prev(x, 1, d) as x's type whatever d is; how Kusto converts other defaults is undocumented, so they are
 * refused by name.
 */
function defaultIn(type: ScalarType, v: Value, vType: ScalarType): { value: Value } | undefined {
  if (v === null || vType === type) return { value: v };
  const numeric = typeof v === 'number' || typeof v === 'bigint';
  if (!numeric) return undefined;
  if (type === 'real' && (vType === 'int' || vType === 'long')) return { value: Number(v) };
  if ((type === 'long' || type === 'int') && (vType === 'int' || vType === 'long' || vType === 'real')) {
    if (typeof v === 'number' && !Number.isInteger(v)) return undefined;
    const b = BigInt(v);
    if (type === 'long') return { value: b };
    return b >= -2147483648n && b <= 2147483647n ? { value: Number(b) } : undefined;
  }
  return undefined;
}

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
      if (offset === undefined) return refuse('bind-expected-constant', { what: `the offset of ${name}() (a positive integer)` }, 1);
      // The real engine rejects an offset of 0 (issue #14; Microsoft's analyser accepts it) and a negative one.
      if (offset <= 0) return { arg: 1, expected: 'a positive integer offset', got: String(offset) };
      const type = argTypes[0]!;
      let defaultValue: Value = null;
      if (argTypes.length > 2) {
        const c = ctx.constant(2);
        // A default read from the row (prev(x, 1, x)) is rejected by the real engine too (recorded: "must be a
        // constant", Microsoft's analyser KS129).
        if (!c) return refuse('bind-expected-constant', { what: `the default of ${name}()` }, 2);
        const d = defaultIn(type, c.value, argTypes[2]!);
        if (!d) return refuse('bind-not-supported', { name: `${name}() with a ${argTypes[2]} default for a ${type} column` }, 2);
        defaultValue = d.value;
      }
      const step = name === 'prev' ? -offset : offset;
      const invoke: Invoke = (a, n) => {
        const v = a[0]!;
        const w = vectorWriter(type, n);
        for (let i = 0; i < n; i++) {
          const j = i + step;
          w.set(i, j < 0 || j >= n ? defaultValue : valueAt(v, j));
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
  signature: 'row_cumsum(number [, restart: bool]) → int, long or real',
  minArgs: 1,
  maxArgs: 2,
  nulls: 'custom',
  deterministic: false,
  doc: 'The running sum of the term over the serialized row set, set back to 0 where restart is true (a null term adds nothing).',
  docs: 'row-cumsum-function',
  example: 'range x from 1 to 4 step 1 | serialize | extend s = row_cumsum(x)',
  resolve(argTypes) {
    const t = argTypes[0]!;
    if (t !== 'int' && t !== 'long' && t !== 'real') return { arg: 0, expected: 'a number', got: t };
    const bad = checkRestart(argTypes, 1);
    if (bad) return bad;
    // An int term gives an int sum (Microsoft's analyser), wrapping at 32 bits like int arithmetic [U].
    const invoke: Invoke = (a, n) => {
      const v = a[0]!;
      const w = vectorWriter(t, n);
      let sum: number | bigint = t === 'long' ? 0n : 0;
      for (let i = 0; i < n; i++) {
        if (restartsAt(a, 1, i)) sum = t === 'long' ? 0n : 0;
        const x = valueAt(v, i);
        // A null term adds nothing [U].
        if (x !== null) {
          if (t === 'real') sum = (sum as number) + (x as number);
          else if (t === 'int') sum = ((sum as number) + (x as number)) | 0;
          else sum = BigInt.asIntN(64, (sum as bigint) + BigInt(x as number | bigint));
        }
        w.set(i, sum);
      }
      return w.finish();
    };
    return { returnType: t, invoke };
  },
};

export const windowFunctions: readonly ScalarFunctionDef[] = [rowNumber, neighbour('prev'), neighbour('next'), rowCumsum];
