// Typing and implementation of KQL's operators: logical, comparison, string predicates, arithmetic, list
// operators (in, has_any), between, and dynamic member access. Per-row semantics are written once here and lifted;
// string predicates with a constant needle compile the needle once per evaluation (and run once per distinct
// value on dictionary-encoded columns through `lift`).

import { diagnostic, type Span } from '../../diagnostics.js';
import type { BinaryOp, ListOp } from '../../parser/ast.js';
import { makeStringPredicate } from '../strings/compare.js';
import { makeHasAnyMatcher } from '../strings/terms.js';
import { compileKqlRegex } from '../strings/regex.js';
import { toStringValue } from '../../values/convert.js';
import {
  isDynamicArray,
  isDynamicBag,
  wrapLong,
  type Dynamic,
  type ScalarType,
  type ScalarValue,
} from '../../values/types.js';
import { isScalar, scalar, type Scalar, type Vector } from '../../tables/vector.js';
import { arithmeticType, comparable, isNumeric } from '../types.js';
import { lift, type Arg, type Invoke, type Value } from './define.js';
import type { BoundExpr } from '../plan/expr.js';
import type { BindContext } from '../bind/scope.js';
import { call, convertTo, foldIfConstant } from '../bind/bind-expr.js';

const STRING_OPS = new Set<string>([
  'has', '!has', 'has_cs', '!has_cs', 'hasprefix', '!hasprefix', 'hasprefix_cs', '!hasprefix_cs',
  'hassuffix', '!hassuffix', 'hassuffix_cs', '!hassuffix_cs', 'contains', '!contains', 'contains_cs',
  '!contains_cs', 'startswith', '!startswith', 'startswith_cs', '!startswith_cs', 'endswith', '!endswith',
  'endswith_cs', '!endswith_cs', '=~', '!~',
]);

function refuse(ctx: BindContext, span: Span, op: string, l: ScalarType, r: ScalarType): undefined {
  ctx.diagnostics.push(diagnostic('bind-incomparable', span, { op, left: l, right: r }));
  return undefined;
}

export function binaryOperator(
  op: BinaryOp,
  left: BoundExpr,
  right: BoundExpr,
  span: Span,
  ctx: BindContext,
): BoundExpr | undefined {
  const lt = left.type;
  const rt = right.type;
  if (op === 'and' || op === 'or') {
    if ((lt !== 'bool' && lt !== 'dynamic') || (rt !== 'bool' && rt !== 'dynamic')) return refuse(ctx, span, op, lt, rt);
    const l = lt === 'dynamic' ? convertTo(left, 'bool') : left;
    const r = rt === 'dynamic' ? convertTo(right, 'bool') : right;
    return foldIfConstant(call(op, [l, r], 'bool', op === 'and' ? andInvoke : orInvoke, span));
  }
  if (STRING_OPS.has(op)) {
    if (!isStringish(lt) || !isStringish(rt)) return refuse(ctx, span, op, lt, rt);
    const l = lt === 'string' ? left : convertTo(left, 'string');
    const r = rt === 'string' ? right : convertTo(right, 'string');
    return foldIfConstant(call(op, [l, r], 'bool', stringPredicateInvoke(op), span));
  }
  if (op === 'matches regex') {
    if (!isStringish(lt) || !isStringish(rt)) return refuse(ctx, span, op, lt, rt);
    if (right.kind === 'Literal') {
      try {
        compileKqlRegex(right.value as string);
      } catch (err) {
        ctx.diagnostics.push(diagnostic('bind-invalid', right.span, { message: (err as Error).message }));
        return undefined;
      }
    }
    const l = lt === 'string' ? left : convertTo(left, 'string');
    const r = rt === 'string' ? right : convertTo(right, 'string');
    return foldIfConstant(
      call(op, [l, r], 'bool', lift('bool', (s, re) => compileKqlRegex(re as string).test(s as string)), span),
    );
  }
  if (op === '==' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=') {
    if ((lt === 'bool' && rt === 'string') || (lt === 'string' && rt === 'bool')) {
      // Microsoft's analyser accepts `IsClickedThrough != "0"`, but its run-time meaning is undocumented:
      // refuse rather than guess.
      ctx.diagnostics.push(diagnostic('bind-not-supported', span, { name: `comparing bool with string ('${op}')` }));
      return undefined;
    }
    if ((op === '==' || op === '!=') && lt === 'dynamic' && rt === 'dynamic') {
      // The service refuses this: "Cannot compare dynamic values without explicit cast"
      // (MicrosoftDocs/dataexplorer-docs#43).
      ctx.diagnostics.push(
        diagnostic('bind-incomparable', span, { op, left: lt, right: rt }, { notes: ['cast one side, e.g. tostring(x) == tostring(y)'] }),
      );
      return undefined;
    }
    const ok =
      op === '==' || op === '!='
        ? comparable(lt, rt) || (lt === 'bool' && isNumeric(rt)) || (rt === 'bool' && isNumeric(lt))
        : orderable(lt, rt);
    if (!ok) return refuse(ctx, span, op, lt, rt);
    return foldIfConstant(call(op, [left, right], 'bool', comparisonInvoke(op), span));
  }
  return bindArithmetic(op, left, right, span, ctx);
}

/**
 * `<`, `<=`, `>`, `>=`: numbers with numbers, datetimes with datetimes, timespans with timespans, bools, and dynamic
 * with numbers or dynamic. Microsoft's analyser refuses strings, guids and dynamic with other types.
 */
function orderable(lt: ScalarType, rt: ScalarType): boolean {
  if (isNumeric(lt) && isNumeric(rt)) return true;
  if (lt === rt && (lt === 'datetime' || lt === 'timespan' || lt === 'bool' || lt === 'dynamic')) return true;
  if ((lt === 'dynamic' && isNumeric(rt)) || (rt === 'dynamic' && isNumeric(lt))) return true;
  return (lt === 'bool' && isNumeric(rt)) || (rt === 'bool' && isNumeric(lt));
}

function operatorTypes(ctx: BindContext, span: Span, op: string, types: readonly ScalarType[]): undefined {
  ctx.diagnostics.push(diagnostic('bind-operator-types', span, { op, types: types.join(' and ') }));
  return undefined;
}

/** What a dynamic operand of arithmetic is read as, given the other operand (Microsoft's analyser's result types). */
function dynamicArithmeticRole(op: string, other: ScalarType): ScalarType | undefined {
  if (other === 'int' || other === 'long') return 'long';
  if (other === 'real') return 'real';
  if (other === 'timespan' && (op === '+' || op === '-')) return 'timespan';
  if (other === 'datetime') {
    // datetime + dyn and dyn + datetime → datetime (dyn is a timespan); datetime - dyn and dyn - datetime →
    // timespan (dyn is a datetime).
    if (op === '+') return 'timespan';
    if (op === '-') return 'datetime';
  }
  return undefined;
}

function bindArithmetic(op: BinaryOp, left: BoundExpr, right: BoundExpr, span: Span, ctx: BindContext): BoundExpr | undefined {
  const lt = left.type;
  const rt = right.type;
  if (lt === 'dynamic' && rt === 'dynamic') {
    // dynamic ∘ dynamic is dynamic: numbers combine (longs stay longs); anything else gives null [U].
    const fn = (a: Value, b: Value): Value => {
      const x = numericOfDynamic(a);
      const y = numericOfDynamic(b);
      if (x === null || y === null) return null;
      const t = typeof x === 'bigint' && typeof y === 'bigint' ? 'long' : 'real';
      const r = arithmetic(op, t, t)!.fn(t === 'real' ? Number(x) : x, t === 'real' ? Number(y) : y);
      return r;
    };
    return foldIfConstant(call(op, [left, right], 'dynamic', lift('dynamic', fn), span));
  }
  if (lt === 'dynamic' || rt === 'dynamic') {
    const role = dynamicArithmeticRole(op, lt === 'dynamic' ? rt : lt);
    if (!role) return operatorTypes(ctx, span, op, [lt, rt]);
    const l = lt === 'dynamic' ? convertTo(left, role) : left;
    const r = rt === 'dynamic' ? convertTo(right, role) : right;
    return bindArithmetic(op, l, r, span, ctx);
  }
  const r = arithmetic(op, lt, rt);
  if (r) return foldIfConstant(call(op, [left, right], r.type, lift(r.type, r.fn), span));
  // Combinations Microsoft's analyser types but whose run-time meaning is undocumented (datetime + datetime,
  // datetime * number, timespan * timespan, ...): refuse by name rather than guess.
  const tick = (t: ScalarType) => t === 'datetime' || t === 'timespan';
  if ((tick(lt) || tick(rt)) && (tick(lt) || isNumeric(lt)) && (tick(rt) || isNumeric(rt))) {
    ctx.diagnostics.push(diagnostic('bind-not-supported', span, { name: `${lt} ${op} ${rt}` }));
    return undefined;
  }
  return operatorTypes(ctx, span, op, [lt, rt]);
}

function numericOfDynamic(v: Value): bigint | number | null {
  if (typeof v === 'bigint' || typeof v === 'number') return v;
  return null;
}

/** Unary minus: int stays int, long/real/timespan keep their type, dynamic numbers are negated. */
export function negate(operand: BoundExpr, span: Span, ctx: BindContext): BoundExpr | undefined {
  const t = operand.type;
  switch (t) {
    case 'int':
      return foldIfConstant(call('-', [operand], 'int', lift('int', (v) => -(v as number) | 0), span));
    case 'long':
    case 'timespan':
      return foldIfConstant(call('-', [operand], t, lift(t, (v) => wrapLong(-(v as bigint))), span));
    case 'real':
      return foldIfConstant(call('-', [operand], 'real', lift('real', (v) => -(v as number)), span));
    case 'dynamic':
      return foldIfConstant(
        call('-', [operand], 'dynamic', lift('dynamic', (v) => (typeof v === 'bigint' ? wrapLong(-v) : typeof v === 'number' ? -v : null)), span),
      );
    case 'datetime':
      ctx.diagnostics.push(diagnostic('bind-not-supported', span, { name: 'negating a datetime' }));
      return undefined;
    default:
      return operatorTypes(ctx, span, '-', [t]);
  }
}

function isStringish(t: ScalarType): boolean {
  return t === 'string' || t === 'dynamic';
}

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

const andInvoke: Invoke = logicalInvoke(true);
const orInvoke: Invoke = logicalInvoke(false);

/** String predicate; a constant needle is compiled once per evaluation. */
function stringPredicateInvoke(op: string): Invoke {
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

// ---------------------------------------------------------------------------------------------------------------
// Comparison

/** Three-way comparison of two non-null values of comparable types; undefined when they cannot be ordered. */
export function compareValues(a: ScalarValue, b: ScalarValue): number | undefined {
  if (typeof a === 'boolean') a = a ? 1n : 0n;
  if (typeof b === 'boolean') b = b ? 1n : 0n;
  const ta = typeof a;
  const tb = typeof b;
  if ((ta === 'number' || ta === 'bigint') && (tb === 'number' || tb === 'bigint')) {
    if (ta === 'number' && Number.isNaN(a)) return Number.isNaN(b as number) ? 0 : undefined;
    if (tb === 'number' && Number.isNaN(b)) return undefined;
    // Mixed bigint/number comparisons are exact in JS.
    return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  }
  if (ta === 'string' && tb === 'string') return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
  return undefined;
}

function dynamicEq(a: Dynamic, b: Dynamic): boolean {
  if (isDynamicArray(a) || isDynamicBag(a) || isDynamicArray(b) || isDynamicBag(b)) {
    return toStringValue(a, 'dynamic') === toStringValue(b, 'dynamic');
  }
  return compareValues(a as ScalarValue, b as ScalarValue) === 0;
}

function comparisonInvoke(op: '==' | '!=' | '<' | '<=' | '>' | '>='): Invoke {
  // == / != with exactly one null side give false / true; two nulls give null [U: docs disagree].
  const row = (a: Value, b: Value): Value => {
    if (a === null || b === null) {
      if (op === '==') return a === null && b === null ? null : false;
      if (op === '!=') return a === null && b === null ? null : true;
      return null;
    }
    if (op === '==' || op === '!=') {
      const eq =
        typeof a === 'object' || typeof b === 'object'
          ? dynamicEq(a as Dynamic, b as Dynamic)
          : compareValues(a, b) === 0;
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

type ArithFn = (a: Value, b: Value) => Value;

function toBig(v: Value): bigint {
  return typeof v === 'bigint' ? v : BigInt(v as number);
}

function arithmetic(op: string, lt: ScalarType, rt: ScalarType): { type: ScalarType; fn: ArithFn } | undefined {
  if (isNumeric(lt) && isNumeric(rt)) {
    const t = arithmeticType(lt, rt);
    if (t === 'real') {
      const fn: ArithFn = (a, b) => {
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
    const fn: ArithFn = (a, b) => {
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
  const tick = (t: ScalarType) => t === 'datetime' || t === 'timespan';
  if (op === '+' || op === '-') {
    if (lt === 'datetime' && rt === 'datetime' && op === '-') return { type: 'timespan', fn: (a, b) => (a as bigint) - (b as bigint) };
    if (lt === 'datetime' && rt === 'timespan')
      return { type: 'datetime', fn: (a, b) => (op === '+' ? (a as bigint) + (b as bigint) : (a as bigint) - (b as bigint)) };
    if (lt === 'timespan' && rt === 'datetime' && op === '+') return { type: 'datetime', fn: (a, b) => (a as bigint) + (b as bigint) };
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
  if (op === '%' && tick(lt) && lt === rt && lt === 'timespan')
    return { type: 'timespan', fn: (a, b) => ((b as bigint) === 0n ? null : (a as bigint) % (b as bigint)) };
  return undefined;
}

function scaleTicks(t: bigint, k: Value): Value {
  if (typeof k === 'bigint') return t * k;
  const x = k as number;
  if (Number.isInteger(x)) return t * BigInt(x);
  if (!Number.isFinite(x)) return null;
  return BigInt(Math.round(Number(t) * x));
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

function setKey(v: Value, fold: boolean): string | undefined {
  if (v === null) return undefined;
  if (typeof v === 'string') return 's' + (fold ? v.toLowerCase() : v);
  if (typeof v === 'bigint') return 'n' + v;
  if (typeof v === 'number') return Number.isInteger(v) ? 'n' + BigInt(v) : 'r' + v;
  if (typeof v === 'boolean') return 'n' + (v ? 1 : 0);
  return 'j' + toStringValue(v as Dynamic, 'dynamic');
}

export function listOperator(
  op: ListOp,
  left: BoundExpr,
  items: readonly BoundExpr[],
  span: Span,
  ctx: BindContext,
): BoundExpr | undefined {
  if (op === 'has_any' || op === 'has_all') {
    if (!isStringish(left.type)) return refuse(ctx, span, op, left.type, 'string');
    const l = left.type === 'string' ? left : convertTo(left, 'string');
    const all = op === 'has_all';
    const invoke: Invoke = (args, n) => {
      const needles = collectConstant(args.slice(1), n);
      if (needles) {
        const m = makeHasAnyMatcher(
          needles.filter((x) => x !== null).map((x) => toStringValue(x as ScalarValue, typeOfValue(x))),
          all,
        );
        return lift('bool', (s) => m(s as string))([args[0]!], n);
      }
      return lift(
        'bool',
        (s, ...rest) => {
          const m = makeHasAnyMatcher(
            flattenItems(rest).filter((x) => x !== null).map((x) => toStringValue(x as ScalarValue, typeOfValue(x))),
            all,
          );
          return m(s as string);
        },
        'custom',
      )(args, n);
    };
    return foldIfConstant(call(op, [l, ...items], 'bool', invoke, span));
  }
  const fold = op === 'in~' || op === '!in~';
  const negate = op === '!in' || op === '!in~';
  if (fold && !isStringish(left.type)) return refuse(ctx, span, op, left.type, 'string');
  const invoke: Invoke = (args, n) => {
    const constant = collectConstant(args.slice(1), n);
    const test = (v: Value, set: Set<string>): Value => {
      const k = setKey(fold && v !== null ? toStringValue(v as ScalarValue, typeOfValue(v)) : v, fold);
      // null in (...) is false (in behaves as OR of ==, and null == x is false); !in gives true.
      if (k === undefined) return negate;
      return set.has(k) !== negate;
    };
    const makeSet = (vals: readonly Value[]) => {
      const set = new Set<string>();
      for (const v of vals) {
        const k = setKey(fold && v !== null ? toStringValue(v as ScalarValue, typeOfValue(v)) : v, fold);
        if (k !== undefined) set.add(k);
      }
      return set;
    };
    if (constant) {
      const set = makeSet(constant);
      return lift('bool', (v) => test(v, set), 'custom')([args[0]!], n);
    }
    return lift('bool', (v, ...rest) => test(v, makeSet(flattenItems(rest))), 'custom')(args, n);
  };
  return foldIfConstant(call(op, [left, ...items], 'bool', invoke, span));
}

function typeOfValue(v: Value): ScalarType {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'bigint') return 'long';
  if (typeof v === 'number') return 'real';
  if (typeof v === 'boolean') return 'bool';
  return 'dynamic';
}

/** When every list argument is a scalar, the flattened list of their values; else undefined. */
function collectConstant(args: readonly Arg[], _n: number): Value[] | undefined {
  if (!args.every(isScalar)) return undefined;
  return flattenItems(args.map((a) => (a as Scalar).value));
}

// ---------------------------------------------------------------------------------------------------------------
// between (docs between-operator.md): inclusive; for datetime, `a .. timespan` means a .. a + timespan.

export function betweenOperator(
  negated: boolean,
  left: BoundExpr,
  low: BoundExpr,
  high: BoundExpr,
  span: Span,
  ctx: BindContext,
): BoundExpr | undefined {
  // between takes numbers, datetimes (upper bound a datetime or a timespan) or timespans; dynamic only against
  // numbers (between-operator.md; Microsoft's analyser refuses strings, bools and guids).
  const datetimePlusSpan = left.type === 'datetime' && high.type === 'timespan';
  const rangeOk = (v: ScalarType, b: ScalarType) =>
    (isNumeric(v) && (isNumeric(b) || b === 'dynamic')) || (v === 'dynamic' && isNumeric(b)) || ((v === 'datetime' || v === 'timespan') && b === v);
  if (!rangeOk(left.type, low.type)) return refuse(ctx, span, 'between', left.type, low.type);
  if (!datetimePlusSpan && !rangeOk(left.type, high.type)) return refuse(ctx, span, 'between', left.type, high.type);
  const invoke = lift('bool', (v, lo, hi) => {
    const h = datetimePlusSpan ? (lo as bigint) + (hi as bigint) : hi;
    const a = compareValues(v as ScalarValue, lo as ScalarValue);
    const b = compareValues(v as ScalarValue, h as ScalarValue);
    if (a === undefined || b === undefined) return negated;
    const inside = a >= 0 && b <= 0;
    return negated ? !inside : inside;
  });
  return foldIfConstant(call(negated ? '!between' : 'between', [left, low, high], 'bool', invoke, span));
}

// ---------------------------------------------------------------------------------------------------------------
// Dynamic member and index access (docs scalar-data-types/dynamic.md): missing key / out of range → null;
// negative index counts from the end. Result is always dynamic.

export function memberAccess(target: BoundExpr, key: BoundExpr, span: Span, ctx: BindContext): BoundExpr | undefined {
  if (target.type !== 'dynamic') {
    ctx.diagnostics.push(
      diagnostic('bind-wrong-type', span, { what: 'member access', expected: 'a dynamic value', got: target.type }),
    );
    return undefined;
  }
  const invoke = lift(
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
  return foldIfConstant(call('[]', [target, key], 'dynamic', invoke, span));
}

