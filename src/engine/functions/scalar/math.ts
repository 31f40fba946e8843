// Numeric functions (round-function.md, abs-function.md, ...). Integer inputs keep integer results where Kusto does.

import { lift } from '../lift.js';
import { simple } from '../simple.js';
import type { ScalarFunctionDef } from '../types.js';
import type { ScalarType } from '../../../values/types.js';

/** round(x, precision): half away from zero, like .NET MidpointRounding.AwayFromZero [U]. */
function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.pow(10, digits);
  const y = Math.abs(x) * f;
  const r = Math.round(y + Number.EPSILON * y) / f;
  return x < 0 ? -r : r;
}

const roundDef: ScalarFunctionDef = {
  kind: 'scalar',
  resultName: 'first-argument',
  name: 'round',
  signature: "round(number [, precision: long]) → the number's type",
  minArgs: 1,
  maxArgs: 2,
  nulls: 'propagate',
  deterministic: true,
  docs: 'round-function',
  doc: 'Rounds to the given number of decimal digits (default 0).',
  example: 'print round(2.15, 1)',
  resolve(argTypes) {
    const [x, p] = argTypes;
    if (x !== 'int' && x !== 'long' && x !== 'real') return 'a number';
    if (p !== undefined && p !== 'int' && p !== 'long') return 'an integer precision';
    if (x !== 'real') return { returnType: x, invoke: (args) => args[0]! };
    return { returnType: 'real', invoke: lift('real', (v, d) => roundTo(v as number, d === undefined ? 0 : Number(d))) };
  },
};

const absDef: ScalarFunctionDef = {
  kind: 'scalar',
  resultName: 'first-argument',
  name: 'abs',
  signature: 'abs(number or timespan) → the same type (int → long)',
  minArgs: 1,
  maxArgs: 1,
  nulls: 'propagate',
  deterministic: true,
  docs: 'abs-function',
  doc: 'Absolute value.',
  example: 'print abs(-5)',
  resolve([x]) {
    if (x === 'real') return { returnType: 'real', invoke: lift('real', (v) => Math.abs(v as number)) };
    // abs(int) is long (Microsoft's analyser), so abs(int.MinValue) does not overflow.
    if (x === 'int') return { returnType: 'long', argTypes: ['long'], invoke: lift('long', (v) => ((v as bigint) < 0n ? -(v as bigint) : v)) };
    if (x === 'long' || x === 'timespan') return { returnType: x, invoke: lift(x, (v) => ((v as bigint) < 0n ? -(v as bigint) : v)) };
    return 'a number or timespan';
  },
};

/**
 * A real function of a real. `negativeIsNull`: log, log10 and log2 give null, not NaN, for a negative argument
 * (log-function.md: "null if the argument is negative"; recorded: log(-1.0) is null, log(0.0) is -Infinity).
 */
function realFn(name: string, fn: (x: number) => number, doc: string, negativeIsNull = false): ScalarFunctionDef {
  const row = negativeIsNull ? (x: unknown) => ((x as number) < 0 ? null : fn(x as number)) : (x: unknown) => fn(x as number);
  return simple({ name, params: ['real*'], returns: 'real', row, resultName: 'first-argument', doc, docs: `${name}-function`, example: `print ${name}(4.0)` });
}

export const mathFunctions: readonly ScalarFunctionDef[] = [
  roundDef,
  absDef,
  simple({ name: 'ceiling', resultName: 'first-argument', params: ['real*'], returns: 'real', row: (x) => Math.ceil(x as number), docs: 'ceiling-function', doc: 'Smallest integer not below x.', example: 'print ceiling(1.2)' }),
  // sqrt of a negative number is NaN, not null as sqrt-function.md says: real engine, recorded answers (issue #14):
  // print sqrt(-1.0) → NaN and isnan(sqrt(-1.0)) → true; over rows datatable(r:real)[-1.0] | extend sqrt(r) → NaN,
  // while log(r) of the same row is null as its page says.
  realFn('sqrt', Math.sqrt, 'Square root (NaN for a negative argument, as the real engine answers).'),
  realFn('exp', Math.exp, 'e to the power x.'),
  realFn('log', Math.log, 'Natural logarithm (null for a negative argument).', true),
  realFn('log10', Math.log10, 'Base-10 logarithm (null for a negative argument).', true),
  realFn('log2', Math.log2, 'Base-2 logarithm (null for a negative argument).', true),
  simple({ name: 'pow', resultName: 'first-argument', params: ['real*', 'real*'], returns: 'real', row: (x, y) => Math.pow(x as number, y as number), docs: 'pow-function', doc: 'x to the power y.', example: 'print pow(2, 3)' }),
  simple({ name: 'isnan', params: ['real*'], returns: 'bool', row: (x) => Number.isNaN(x as number), docs: 'isnan-function', doc: 'True for NaN.', example: 'print isnan(real(nan))' }),
  simple({ name: 'isinf', params: ['real*'], returns: 'bool', row: (x) => !Number.isNaN(x as number) && !Number.isFinite(x as number), docs: 'isinf-function', doc: 'True for ±infinity.', example: 'print isinf(real(+inf))' }),
  simple({ name: 'isfinite', params: ['real*'], returns: 'bool', row: (x) => Number.isFinite(x as number), docs: 'isfinite-function', doc: 'True for finite numbers.', example: 'print isfinite(1.0)' }),
  {
    kind: 'scalar',
    name: 'max_of',
    signature: "max_of(any, any, ...) → the arguments' common type",
    minArgs: 2,
    maxArgs: 64,
    nulls: 'custom',
    deterministic: true,
    docs: 'max-of-function',
    doc: 'Largest of the arguments (nulls ignored).',
    example: 'print max_of(1, 5, 3)',
    resolve: (types) => extremeOf(types, 1),
  },
  {
    kind: 'scalar',
    name: 'min_of',
    signature: "min_of(any, any, ...) → the arguments' common type",
    minArgs: 2,
    maxArgs: 64,
    nulls: 'custom',
    deterministic: true,
    docs: 'min-of-function',
    doc: 'Smallest of the arguments (nulls ignored).',
    example: 'print min_of(1, 5, 3)',
    resolve: (types) => extremeOf(types, -1),
  },
];

function extremeOf(types: readonly ScalarType[], sign: number) {
  const numeric = types.every((t) => t === 'int' || t === 'long' || t === 'real');
  const same = types.every((t) => t === types[0]);
  if (!numeric && !same) return 'arguments of one type';
  const rt: ScalarType = numeric ? (types.includes('real') ? 'real' : types.includes('long') ? 'long' : 'int') : types[0]!;
  return {
    returnType: rt,
    argTypes: types.map((t) => (t === rt ? undefined : rt)),
    invoke: lift(
      rt,
      (...vals) => {
        let best: unknown = null;
        for (const v of vals) if (v !== null && (best === null || (sign > 0 ? (v as number) > (best as number) : (v as number) < (best as number)))) best = v;
        return best as never;
      },
      'custom',
    ),
  };
}
