// The implementations of KQL's scalar operators: logical (three-valued), comparisons, string predicates, `matches
// regex`, arithmetic, unary minus, in / has_any lists, between, dynamic member access. Their typing (which operand
// types are accepted, implicit conversions) lives in bind/scalar-operators.ts; here is only what runs. Per-row
// semantics are written once and lifted; string predicates with a constant needle compile the needle once per
// evaluation (and run once per distinct value on dictionary-encoded columns through `lift`).

import { makeStringPredicate } from '../strings/compare.js';
import { makeHasAnyMatcher } from '../strings/terms.js';
import { compileKqlRegex } from '../strings/regex.js';
import { toStringValue } from '../../values/convert.js';
import { checkDatetime } from '../../values/datetime.js';
import { isDynamicArray, isDynamicBag, wrapLong, type Dynamic, type ScalarType, type ScalarValue } from '../../values/types.js';
import { isScalar, scalar, type Scalar, type Vector } from '../../tables/vector.js';
import { compareValues } from '../kernels/compare.js';
import { valueKey, type ValueKey } from '../kernels/value-key.js';
import { arithmeticType, isNumeric } from '../types.js';
import { lift } from './lift.js';
import type { Arg, Invoke, Value } from './types.js';

// ---------------------------------------------------------------------------------------------------------------
// Three-valued logic (docs logical-operators.md): false and null → false; true or null → true; else null.
// Columnar kernel: each side becomes a state array (0 false, 1 true, 2 null) or a constant state.

const FALSE = 0;
const TRUE = 1;
const NULL = 2;

function boolStates(a: Arg, n: number): Uint8Array | number {
  if (isScalar(a)) return a.value === null ? NULL : a.value ? TRUE : FALSE;
  const v = a as Extract<Vector, { type: 'bool' }>;
  const out = new Uint8Array(n);
  const data = v.data;
  const valid = v.valid;
  for (let i = 0; i < n; i++) out[i] = valid && valid[i] === 0 ? NULL : data[i]!;
  return out;
}

function logicalInvoke(isAnd: boolean): Invoke {
  const dominant = isAnd ? FALSE : TRUE;
  const combine = (x: number, y: number) => (x === dominant || y === dominant ? dominant : x === NULL || y === NULL ? NULL : 1 - dominant);
  return (args, n) => {
    const a = boolStates(args[0]!, n);
    const b = boolStates(args[1]!, n);
    if (typeof a === 'number' && typeof b === 'number') {
      const r = combine(a, b);
      return scalar('bool', r === NULL ? null : r === TRUE);
    }
    const data = new Uint8Array(n);
    let valid: Uint8Array | undefined;
    for (let i = 0; i < n; i++) {
      const r = combine(typeof a === 'number' ? a : a[i]!, typeof b === 'number' ? b : b[i]!);
      if (r === NULL) {
        if (!valid) valid = new Uint8Array(n).fill(1);
        valid[i] = 0;
      } else data[i] = r;
    }
    return { type: 'bool', length: n, data, valid };
  };
}

export const andInvoke: Invoke = logicalInvoke(true);
export const orInvoke: Invoke = logicalInvoke(false);

// ---------------------------------------------------------------------------------------------------------------
// String predicates and regex matching (src/engine/strings holds their semantics).

/** String predicate (has, contains, startswith, =~ ...); a constant needle is compiled once per evaluation. */
export function stringPredicateInvoke(op: string): Invoke {
  return (args, n) => {
    const needle = args[1]!;
    if (isScalar(needle)) {
      const pred = makeStringPredicate(op as never, (needle.value as string) ?? '');
      return lift('bool', (s) => pred(s as string))([args[0]!], n);
    }
    let lastNeedle: string | undefined;
    let pred: (s: string) => boolean = () => false;
    return lift('bool', (s, nd) => {
      if (nd !== lastNeedle) {
        lastNeedle = nd as string;
        pred = makeStringPredicate(op as never, lastNeedle);
      }
      return pred(s as string);
    })(args, n);
  };
}

export const matchesRegexInvoke: Invoke = lift('bool', (s, re) => compileKqlRegex(re as string).test(s as string));

// ---------------------------------------------------------------------------------------------------------------
// Comparison

/** An array or bag equals a value whose text is its JSON text (`dynamic([1]) == "[1]"`); scalars compare by value. */
function dynamicEquals(a: Dynamic, b: Dynamic): boolean {
  if (isDynamicArray(a) || isDynamicBag(a) || isDynamicArray(b) || isDynamicBag(b)) {
    return toStringValue(a, 'dynamic') === toStringValue(b, 'dynamic');
  }
  return compareValues(a as ScalarValue, b as ScalarValue) === 0;
}

export function comparisonInvoke(op: '==' | '!=' | '<' | '<=' | '>' | '>='): Invoke {
  // == / != with exactly one null side give false / true; two nulls give null [U: docs disagree].
  const row = (a: Value, b: Value): Value => {
    if (a === null || b === null) {
      if (op === '==') return a === null && b === null ? null : false;
      if (op === '!=') return a === null && b === null ? null : true;
      return null;
    }
    // NaN equals and orders with nothing, itself included: real engine, recorded answers (issue #14):
    // real(nan) == real(nan) is false, != true, real(nan) < 1.0 and > 1.0 false (IEEE 754, as .NET compares; the
    // docs are silent). Grouping and join keys still put NaN with NaN (recorded: a NaN join key matches NaN).
    if ((typeof a === 'number' && a !== a) || (typeof b === 'number' && b !== b)) return op === '!=';
    if (op === '==' || op === '!=') {
      const eq = typeof a === 'object' || typeof b === 'object' ? dynamicEquals(a as Dynamic, b as Dynamic) : compareValues(a, b) === 0;
      return op === '==' ? eq : !eq;
    }
    const c = compareValues(a, b);
    if (c === undefined) return false;
    switch (op) {
      case '<':
        return c < 0;
      case '<=':
        return c <= 0;
      case '>':
        return c > 0;
      case '>=':
        return c >= 0;
    }
  };
  return lift('bool', row, 'custom');
}

// ---------------------------------------------------------------------------------------------------------------
// Arithmetic (docs numerical-operators.md, datetime-timespan-arithmetic.md)

export type ArithmeticRow = (a: Value, b: Value) => Value;

function toBig(v: Value): bigint {
  return typeof v === 'bigint' ? v : BigInt(v as number);
}

function scaleTicks(t: bigint, k: Value): Value {
  if (typeof k === 'bigint') return t * k;
  const x = k as number;
  if (Number.isInteger(x)) return t * BigInt(x);
  if (!Number.isFinite(x)) return null;
  return BigInt(Math.round(Number(t) * x));
}

/** The result type and per-row function of `lt op rt`, or undefined when the combination has no kernel. */
export function arithmeticKernel(op: string, lt: ScalarType, rt: ScalarType): { type: ScalarType; fn: ArithmeticRow } | undefined {
  if (isNumeric(lt) && isNumeric(rt)) {
    const t = arithmeticType(lt, rt);
    if (t === 'real') {
      const fn: ArithmeticRow = (a, b) => {
        const x = Number(a);
        const y = Number(b);
        switch (op) {
          case '+':
            return x + y;
          case '-':
            return x - y;
          case '*':
            return x * y;
          case '/':
            return x / y;
          case '%': {
            // Documented as non-negative (numerical-operators.md: -14 % 12 = 10) [U: low confidence].
            const m = x % y;
            return m < 0 ? m + Math.abs(y) : m;
          }
        }
        return null;
      };
      return { type: 'real', fn };
    }
    const fn: ArithmeticRow = (a, b) => {
      const x = toBig(a);
      const y = toBig(b);
      switch (op) {
        case '+':
          return wrapLong(x + y);
        case '-':
          return wrapLong(x - y);
        case '*':
          return wrapLong(x * y);
        case '/':
          // Integer division truncates (1/2 = 0). Division by zero gives null [U: undocumented].
          return y === 0n ? null : wrapLong(x / y);
        case '%': {
          if (y === 0n) return null;
          const m = x % y;
          return m < 0n ? m + (y < 0n ? -y : y) : m;
        }
      }
      return null;
    };
    return { type: 'long', fn };
  }
  if (op === '+' || op === '-') {
    if (lt === 'datetime' && rt === 'datetime' && op === '-') return { type: 'timespan', fn: (a, b) => (a as bigint) - (b as bigint) };
    // A datetime result outside 0001-01-01 .. 9999-12-31 is null: real engine, recorded answers (issue #14):
    // datetime(0001-01-01) - 1tick and datetime(9999-12-31 23:59:59.9999999) + 1tick are null.
    if (lt === 'datetime' && rt === 'timespan')
      return { type: 'datetime', fn: (a, b) => checkDatetime(op === '+' ? (a as bigint) + (b as bigint) : (a as bigint) - (b as bigint)) };
    if (lt === 'timespan' && rt === 'datetime' && op === '+') return { type: 'datetime', fn: (a, b) => checkDatetime((a as bigint) + (b as bigint)) };
    if (lt === 'timespan' && rt === 'timespan')
      return { type: 'timespan', fn: (a, b) => (op === '+' ? (a as bigint) + (b as bigint) : (a as bigint) - (b as bigint)) };
    return undefined;
  }
  if (op === '*') {
    if (lt === 'timespan' && isNumeric(rt)) return { type: 'timespan', fn: (a, b) => scaleTicks(a as bigint, b) };
    if (isNumeric(lt) && rt === 'timespan') return { type: 'timespan', fn: (a, b) => scaleTicks(b as bigint, a) };
    return undefined;
  }
  if (op === '/') {
    if (lt === 'timespan' && rt === 'timespan') return { type: 'real', fn: (a, b) => Number(a as bigint) / Number(b as bigint) };
    if (lt === 'timespan' && isNumeric(rt))
      return {
        type: 'timespan',
        fn: (a, b) => {
          if (typeof b === 'bigint') return b === 0n ? null : (a as bigint) / b;
          const d = b as number;
          return d === 0 || !Number.isFinite(d) ? null : BigInt(Math.trunc(Number(a as bigint) / d));
        },
      };
    return undefined;
  }
  if (op === '%' && lt === 'timespan' && rt === 'timespan')
    return { type: 'timespan', fn: (a, b) => ((b as bigint) === 0n ? null : (a as bigint) % (b as bigint)) };
  return undefined;
}

/** dynamic ∘ dynamic is dynamic: numbers combine (longs stay longs); anything else gives null [U]. */
export function dynamicArithmeticInvoke(op: string): Invoke {
  const numeric = (v: Value): bigint | number | null => (typeof v === 'bigint' || typeof v === 'number' ? v : null);
  return lift('dynamic', (a, b) => {
    const x = numeric(a);
    const y = numeric(b);
    if (x === null || y === null) return null;
    const t = typeof x === 'bigint' && typeof y === 'bigint' ? 'long' : 'real';
    return arithmeticKernel(op, t, t)!.fn(t === 'real' ? Number(x) : x, t === 'real' ? Number(y) : y);
  });
}

/** Unary minus over int (stays int), long/timespan (wrapping), real, and dynamic numbers. */
export function negateInvoke(t: 'int' | 'long' | 'timespan' | 'real' | 'dynamic'): Invoke {
  switch (t) {
    case 'int':
      return lift('int', (v) => -(v as number) | 0);
    case 'long':
    case 'timespan':
      return lift(t, (v) => wrapLong(-(v as bigint)));
    case 'real':
      return lift('real', (v) => -(v as number));
    case 'dynamic':
      return lift('dynamic', (v) => (typeof v === 'bigint' ? wrapLong(-v) : typeof v === 'number' ? -v : null));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// in / !in / in~ / !in~ / has_any / has_all (docs in-cs-operator.md, in-operator.md, has-any-operator.md)

/** Flatten list items: dynamic arrays (nested too) contribute their elements (in-cs-operator.md). */
function flattenItems(values: readonly Value[], out: Value[] = []): Value[] {
  for (const v of values) {
    if (Array.isArray(v)) flattenItems(v as Value[], out);
    else out.push(v);
  }
  return out;
}

function typeOfValue(v: Value): ScalarType {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'bigint') return 'long';
  if (typeof v === 'number') return 'real';
  if (typeof v === 'boolean') return 'bool';
  return 'dynamic';
}

/** When every list argument is a scalar, the flattened list of their values; else undefined. */
function collectConstant(args: readonly Arg[]): Value[] | undefined {
  if (!args.every(isScalar)) return undefined;
  return flattenItems(args.map((a) => (a as Scalar).value));
}

export function hasAnyInvoke(all: boolean): Invoke {
  const needlesOf = (values: readonly Value[]) =>
    values.filter((x) => x !== null).map((x) => toStringValue(x as ScalarValue, typeOfValue(x)));
  return (args, n) => {
    const needles = collectConstant(args.slice(1));
    if (needles) {
      const m = makeHasAnyMatcher(needlesOf(needles), all);
      return lift('bool', (s) => m(s as string))([args[0]!], n);
    }
    return lift('bool', (s, ...rest) => makeHasAnyMatcher(needlesOf(flattenItems(rest)), all)(s as string), 'custom')(args, n);
  };
}

/**
 * The key of a value in an `in` list: the one hashing kernel, with bools as 0/1 (in is an OR of ==, and bool
 * compares with numbers as 0/1 [U]) and, for in~, strings (of any value's text) lower-cased.
 */
function inKey(v: Value, fold: boolean): ValueKey | undefined {
  if (v === null) return undefined;
  if (fold) return valueKey(toStringValue(v as ScalarValue, typeOfValue(v)).toLowerCase());
  return valueKey(typeof v === 'boolean' ? (v ? 1n : 0n) : v);
}

export function inInvoke(fold: boolean, negate: boolean): Invoke {
  const test = (v: Value, set: Set<ValueKey>): Value => {
    const k = inKey(v, fold);
    // null in (...) is false (in behaves as OR of ==, and null == x is false); !in gives true.
    if (k === undefined) return negate;
    return set.has(k) !== negate;
  };
  const makeSet = (vals: readonly Value[]) => {
    const set = new Set<ValueKey>();
    for (const v of vals) {
      const k = inKey(v, fold);
      if (k !== undefined) set.add(k);
    }
    return set;
  };
  return (args, n) => {
    const constant = collectConstant(args.slice(1));
    if (constant) {
      const set = makeSet(constant);
      return lift('bool', (v) => test(v, set), 'custom')([args[0]!], n);
    }
    return lift('bool', (v, ...rest) => test(v, makeSet(flattenItems(rest))), 'custom')(args, n);
  };
}

// ---------------------------------------------------------------------------------------------------------------
// between (docs between-operator.md): inclusive; for datetime, `a .. timespan` means a .. a + timespan.

export function betweenInvoke(negated: boolean, datetimePlusSpan: boolean): Invoke {
  return lift('bool', (v, lo, hi) => {
    const h = datetimePlusSpan ? (lo as bigint) + (hi as bigint) : hi;
    const a = compareValues(v as ScalarValue, lo as ScalarValue);
    const b = compareValues(v as ScalarValue, h as ScalarValue);
    if (a === undefined || b === undefined) return negated;
    const inside = a >= 0 && b <= 0;
    return negated ? !inside : inside;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Dynamic member and index access (docs scalar-data-types/dynamic.md): missing key / out of range → null;
// negative index counts from the end. Result is always dynamic.

export const memberAccessInvoke: Invoke = lift(
  'dynamic',
  (d, k) => {
    if (d === null) return null;
    if (typeof k === 'string') {
      if (isDynamicBag(d as Dynamic)) {
        // Own keys only: a bag's prototype carries nothing, but be explicit.
        if (!Object.prototype.hasOwnProperty.call(d, k)) return null;
        const v = (d as Record<string, Dynamic>)[k];
        return v === undefined ? null : v;
      }
      return null;
    }
    if (typeof k === 'bigint' || typeof k === 'number') {
      if (!isDynamicArray(d as Dynamic)) return null;
      const arr = d as readonly Dynamic[];
      let i = Number(k);
      if (i < 0) i += arr.length;
      return i >= 0 && i < arr.length ? (arr[i] ?? null) : null;
    }
    return null;
  },
  'custom',
);
