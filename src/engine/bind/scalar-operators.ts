// Typing of KQL's scalar operators: which operand types each accepts, the implicit conversions it implies and its
// result type (numerical-operators.md, logical-operators.md, datetime-timespan-arithmetic.md, between-operator.md,
// in-operator.md, has-any-operator.md, scalar-data-types/dynamic.md). What runs is in
// functions/operator-kernels.ts.

import { diagnostic, type Span } from '../../diagnostics.js';
import type { BinaryOp, ListOp } from '../../parser/ast.js';
import type { ScalarType } from '../../values/types.js';
import { compileKqlRegex } from '../strings/regex.js';
import {
  andInvoke,
  arithmeticKernel,
  betweenInvoke,
  comparisonInvoke,
  dynamicArithmeticInvoke,
  hasAnyInvoke,
  inInvoke,
  matchesRegexInvoke,
  memberAccessInvoke,
  negateInvoke,
  orInvoke,
  stringPredicateInvoke,
} from '../functions/operator-kernels.js';
import { lift } from '../functions/lift.js';
import type { BoundExpr } from '../plan/expr.js';
import { comparable, isNumeric } from '../types.js';
import { call, convertTo, foldIfConstant } from './build.js';
import type { BindContext } from './scope.js';

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

function operatorTypes(ctx: BindContext, span: Span, op: string, types: readonly ScalarType[]): undefined {
  ctx.diagnostics.push(diagnostic('bind-operator-types', span, { op, types: types.join(' and ') }));
  return undefined;
}

function isStringish(t: ScalarType): boolean {
  return t === 'string' || t === 'dynamic';
}

export function binaryOperator(op: BinaryOp, left: BoundExpr, right: BoundExpr, span: Span, ctx: BindContext): BoundExpr | undefined {
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
        ctx.diagnostics.push(diagnostic('bind-bad-regex', right.span, { reason: (err as Error).message }));
        return undefined;
      }
    }
    const l = lt === 'string' ? left : convertTo(left, 'string');
    const r = rt === 'string' ? right : convertTo(right, 'string');
    return foldIfConstant(call(op, [l, r], 'bool', matchesRegexInvoke, span));
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
  if (lt === 'dynamic' && rt === 'dynamic') return foldIfConstant(call(op, [left, right], 'dynamic', dynamicArithmeticInvoke(op), span));
  if (lt === 'dynamic' || rt === 'dynamic') {
    const role = dynamicArithmeticRole(op, lt === 'dynamic' ? rt : lt);
    if (!role) return operatorTypes(ctx, span, op, [lt, rt]);
    const l = lt === 'dynamic' ? convertTo(left, role) : left;
    const r = rt === 'dynamic' ? convertTo(right, role) : right;
    return bindArithmetic(op, l, r, span, ctx);
  }
  const r = arithmeticKernel(op, lt, rt);
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

/** Unary minus: int stays int, long/real/timespan keep their type, dynamic numbers are negated. */
export function negate(operand: BoundExpr, span: Span, ctx: BindContext): BoundExpr | undefined {
  const t = operand.type;
  switch (t) {
    case 'int':
    case 'long':
    case 'timespan':
    case 'real':
    case 'dynamic':
      return foldIfConstant(call('-', [operand], t, negateInvoke(t), span));
    case 'datetime':
      ctx.diagnostics.push(diagnostic('bind-not-supported', span, { name: 'negating a datetime' }));
      return undefined;
    default:
      return operatorTypes(ctx, span, '-', [t]);
  }
}

/** in / !in / in~ / !in~ / has_any / has_all: the right side is a list of scalars, arrays or a subquery's column. */
export function listOperator(op: ListOp, left: BoundExpr, items: readonly BoundExpr[], span: Span, ctx: BindContext): BoundExpr | undefined {
  if (op === 'has_any' || op === 'has_all') {
    if (!isStringish(left.type)) return refuse(ctx, span, op, left.type, 'string');
    const l = left.type === 'string' ? left : convertTo(left, 'string');
    return foldIfConstant(call(op, [l, ...items], 'bool', hasAnyInvoke(op === 'has_all'), span));
  }
  const fold = op === 'in~' || op === '!in~';
  if (fold && !isStringish(left.type)) return refuse(ctx, span, op, left.type, 'string');
  return foldIfConstant(call(op, [left, ...items], 'bool', inInvoke(fold, op === '!in' || op === '!in~'), span));
}

/**
 * between takes numbers, datetimes (upper bound a datetime or a timespan) or timespans; dynamic only against
 * numbers (between-operator.md; Microsoft's analyser refuses strings, bools and guids).
 */
export function betweenOperator(negated: boolean, left: BoundExpr, low: BoundExpr, high: BoundExpr, span: Span, ctx: BindContext): BoundExpr | undefined {
  const datetimePlusSpan = left.type === 'datetime' && high.type === 'timespan';
  const rangeOk = (v: ScalarType, b: ScalarType) =>
    (isNumeric(v) && (isNumeric(b) || b === 'dynamic')) || (v === 'dynamic' && isNumeric(b)) || ((v === 'datetime' || v === 'timespan') && b === v);
  if (!rangeOk(left.type, low.type)) return refuse(ctx, span, 'between', left.type, low.type);
  if (!datetimePlusSpan && !rangeOk(left.type, high.type)) return refuse(ctx, span, 'between', left.type, high.type);
  return foldIfConstant(call(negated ? '!between' : 'between', [left, low, high], 'bool', betweenInvoke(negated, datetimePlusSpan), span));
}

/** `d.key` / `d[key]` / `d[i]`: the target must be dynamic; the result is dynamic. */
export function memberAccess(target: BoundExpr, key: BoundExpr, span: Span, ctx: BindContext): BoundExpr | undefined {
  if (target.type !== 'dynamic') {
    ctx.diagnostics.push(diagnostic('bind-wrong-type', span, { what: 'member access', expected: 'a dynamic value', got: target.type }));
    return undefined;
  }
  return foldIfConstant(call('[]', [target, key], 'dynamic', memberAccessInvoke, span));
}
