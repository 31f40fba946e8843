// Scalar expressions: name resolution, operator typing (scalar-operators.ts), calls resolved through the function
// registry, scalar lambdas expanded in place, let values. Returns undefined after reporting a diagnostic, so one bad
// sub-expression does not cascade. Tabular sub-expressions go through ctx.bindTabular.

import { diagnostic, didYouMean, type Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { freezeDynamic } from '../../values/dynamic.js';
import { KQL_AGGREGATE_NAMES, KQL_FUNCTION_NAMES } from '../functions/kql-names.js';
import { lookupAggregate, lookupScalar, lookupSpecial, scalarFunctionNames } from '../functions/registry.js';
import { isRefusal, type ResolveContext, type ScalarFunctionDef } from '../functions/types.js';
import type { BoundExpr } from '../plan/expr.js';
import { call, convertTo, foldIfConstant, literal } from './build.js';
import { bindTypedLiteral, dynamicNodeValue } from './literals.js';
import { reportRefusal } from './report.js';
import { betweenOperator, binaryOperator, listOperator, memberAccess, negate } from './scalar-operators.js';
import type { BindContext, ExprBinder, LetBinding, LetScope, RowScope } from './scope.js';
import { SPECIAL_HOOKS } from './special-calls.js';
import { isTabularExpression } from './syntax.js';

export function bindExpr(e: A.Expression, scope: RowScope, ctx: BindContext): BoundExpr | undefined {
  switch (e.kind) {
    case 'StringLiteral':
      return literal('string', e.value, e.span);
    case 'LongLiteral':
      return literal('long', BigInt.asIntN(64, e.value), e.span);
    case 'RealLiteral':
      return literal('real', e.value, e.span);
    case 'BoolLiteral':
      return literal('bool', e.value, e.span);
    case 'TimespanLiteral':
      return literal('timespan', e.ticks, e.span);
    case 'TypedLiteral':
      return bindTypedLiteral(e, ctx);
    case 'DynamicLiteral': {
      const v = dynamicNodeValue(e.value, ctx);
      return v === undefined ? undefined : literal('dynamic', freezeDynamic(v), e.span);
    }
    case 'Paren':
      if (isTabularExpression(e.expression)) return bindSubquery(e.expression, 'scalar', scope, ctx, e.span);
      return bindExpr(e.expression, scope, ctx);
    case 'Name':
      return bindName(e, scope, ctx);
    case 'JoinSide':
      ctx.diagnostics.push(diagnostic('bind-join-side-outside-join', e.span, {}));
      return undefined;
    case 'Unary': {
      const operand = bindExpr(e.operand, scope, ctx);
      if (!operand) return undefined;
      if (e.op === '+') return operand;
      return negate(operand, e.span, ctx);
    }
    case 'Binary': {
      const left = bindExpr(e.left, scope, ctx);
      const right = bindExpr(e.right, scope, ctx);
      if (!left || !right) return undefined;
      return binaryOperator(e.op, left, right, e.span, ctx);
    }
    case 'ListOp': {
      const left = bindExpr(e.left, scope, ctx);
      const items: BoundExpr[] = [];
      for (const item of e.items) {
        const b = bindListItem(item, scope, ctx);
        if (!b) return undefined;
        items.push(b);
      }
      if (!left) return undefined;
      return listOperator(e.op, left, items, e.span, ctx);
    }
    case 'Between': {
      const left = bindExpr(e.left, scope, ctx);
      const low = bindExpr(e.low, scope, ctx);
      const high = bindExpr(e.high, scope, ctx);
      if (!left || !low || !high) return undefined;
      return betweenOperator(e.negated, left, low, high, e.span, ctx);
    }
    case 'Member':
    case 'Index': {
      const target = bindExpr(e.target, scope, ctx);
      if (!target) return undefined;
      const key = e.kind === 'Member' ? literal('string', e.member.name, e.member.span) : bindExpr(e.index, scope, ctx);
      if (!key) return undefined;
      return memberAccess(target, key, e.span, ctx);
    }
    case 'Call':
      return bindCall(e, scope, ctx);
    case 'Star':
      ctx.diagnostics.push(diagnostic('bind-star-not-allowed', e.span, {}));
      return undefined;
    case 'NamedArg':
      ctx.diagnostics.push(diagnostic('bind-named-argument-not-allowed', e.span, { name: e.name.name }));
      return undefined;
    case 'TypeOf':
      ctx.diagnostics.push(diagnostic('bind-typeof-not-allowed', e.span, {}));
      return undefined;
    case 'Pipeline':
      return bindSubquery(e, 'scalar', scope, ctx, e.span);
    default:
      ctx.diagnostics.push(diagnostic('bind-expected-scalar', e.span, { what: `'${e.kind.toLowerCase()}'` }));
      return undefined;
  }
}

function bindSubquery(e: A.Expression, mode: 'scalar' | 'column-array', scope: RowScope, ctx: BindContext, span: Span): BoundExpr | undefined {
  const plan = ctx.bindTabular(e, scope.lets, ctx);
  if (!plan) return undefined;
  const first = plan.schema[0];
  if (!first) {
    ctx.diagnostics.push(diagnostic('bind-subquery-no-columns', span, {}));
    return undefined;
  }
  return { kind: 'Subquery', mode, plan, type: mode === 'scalar' ? first.type : 'dynamic', span };
}

/** An item of `in (...)` / `has_any (...)`: a scalar, a dynamic array, or a tabular expression (first column). */
function bindListItem(item: A.Expression, scope: RowScope, ctx: BindContext): BoundExpr | undefined {
  const inner = item.kind === 'Paren' ? item.expression : item;
  if (isTabularExpression(inner) || isTabularName(inner, scope)) return bindSubquery(inner, 'column-array', scope, ctx, item.span);
  return bindExpr(item, scope, ctx);
}

function isTabularName(e: A.Expression, scope: RowScope): boolean {
  if (e.kind !== 'Name') return false;
  if (scope.schema.some((c) => c.name === e.name)) return false;
  return scope.lets.lookup(e.name)?.kind === 'tabular';
}

function bindName(e: A.NameRef, scope: RowScope, ctx: BindContext): BoundExpr | undefined {
  const idx = scope.schema.findIndex((c) => c.name === e.name);
  if (idx >= 0) return { kind: 'Column', index: idx, name: e.name, type: scope.schema[idx]!.type, span: e.span };
  const b = scope.lets.lookup(e.name);
  if (b?.kind === 'scalar' || b?.kind === 'param') return b.expr;
  if (b?.kind === 'tabular') return bindSubquery(e, 'scalar', scope, ctx, e.span);
  if (b?.kind === 'failed') return undefined;
  if (b?.kind === 'lambda') {
    ctx.diagnostics.push(diagnostic('bind-function-not-called', e.span, { name: e.name }));
    return undefined;
  }
  const candidates = [...scope.schema.map((c) => c.name), ...scope.lets.names()];
  ctx.diagnostics.push(diagnostic('bind-unknown-column', e.span, { name: e.name }, { notes: didYouMean(e.name, candidates) }));
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Calls

/** Expression binding as special-call hooks use it. */
const EXPR_BINDER: ExprBinder = { expr: bindExpr, subquery: bindSubquery };

function bindCall(e: A.CallExpr, scope: RowScope, ctx: BindContext): BoundExpr | undefined {
  const name = e.callee.name;
  // Let-bound lambdas shadow built-ins.
  const letBinding = scope.lets.lookup(name);
  if (letBinding?.kind === 'lambda') return bindLambdaCall(e, letBinding, scope, ctx);
  if (letBinding?.kind === 'tabular' && e.args.length === 0) return bindSubquery(e, 'scalar', scope, ctx, e.span);

  const special = lookupSpecial(name);
  if (special) return SPECIAL_HOOKS[special.name](e, scope, ctx, EXPR_BINDER);
  const def = lookupScalar(name);
  if (!def) {
    if (lookupAggregate(name)) {
      ctx.diagnostics.push(diagnostic('bind-aggregate-outside-summarize', e.callee.span, { name }));
    } else if (KQL_FUNCTION_NAMES.has(name) || KQL_AGGREGATE_NAMES.has(name)) {
      ctx.diagnostics.push(diagnostic('bind-not-supported', e.callee.span, { name: `${name}()` }));
    } else {
      const candidates = [...scalarFunctionNames(), ...scope.lets.names()];
      ctx.diagnostics.push(diagnostic('bind-unknown-function', e.callee.span, { name }, { notes: didYouMean(name, candidates) }));
    }
    return undefined;
  }
  if (e.args.length < def.minArgs || e.args.length > def.maxArgs) {
    const expected = def.minArgs === def.maxArgs ? `${def.minArgs}` : `${def.minArgs} to ${def.maxArgs}`;
    ctx.diagnostics.push(diagnostic('bind-wrong-arity', e.span, { name, expected, got: e.args.length }));
    return undefined;
  }
  const args: BoundExpr[] = [];
  let ok = true;
  for (const a of e.args) {
    const b = a.kind === 'TypeOf' ? literal('string', a.type.type, a.span) : bindExpr(a, scope, ctx);
    if (!b) ok = false;
    else args.push(b);
  }
  if (!ok) return undefined;
  return resolveCall(def, name, args, e.span, scope, ctx);
}

export function resolveContext(args: readonly BoundExpr[], ctx: BindContext): ResolveContext {
  return {
    constant: (i) => {
      const a = args[i];
      return a && a.kind === 'Literal' ? { value: a.value } : undefined;
    },
    nowTicks: ctx.nowTicks,
    geoip: ctx.geoip,
  };
}

function resolveCall(def: ScalarFunctionDef, name: string, args: readonly BoundExpr[], span: Span, scope: RowScope, ctx: BindContext): BoundExpr | undefined {
  if (def.kind === 'window' && !scope.serialized) {
    ctx.diagnostics.push(diagnostic('bind-not-serialized', span, { name }));
    return undefined;
  }
  const r = def.resolve(
    args.map((a) => a.type),
    resolveContext(args, ctx),
  );
  if (isRefusal(r)) return reportRefusal(r, `'${name}'`, args, span, ctx);
  const converted = args.map((a, i) => {
    const to = r.argTypes?.[i];
    return to ? convertTo(a, to) : a;
  });
  const c = call(def.name, converted, r.returnType, r.invoke, span, def.deterministic);
  return foldIfConstant(c);
}

/**
 * How deeply let functions may call each other: each call is expanded in place, so the nesting of the bound
 * expression grows with every level, beyond what the syntax tree's depth (query-depth.ts) shows [U: our limit].
 */
export const MAX_LAMBDA_DEPTH = 64;
let lambdaDepth = 0;

/** Expands a let function's call (`expand`) one level deeper, refusing past MAX_LAMBDA_DEPTH at the call. */
export function nestedLambdaCall<T>(span: Span, ctx: BindContext, expand: () => T | undefined): T | undefined {
  if (lambdaDepth >= MAX_LAMBDA_DEPTH) {
    ctx.diagnostics.push(diagnostic('bind-lambda-too-deep', span, { limit: MAX_LAMBDA_DEPTH }));
    return undefined;
  }
  lambdaDepth++;
  try {
    return expand();
  } finally {
    lambdaDepth--;
  }
}

/** Scalar lambda calls are expanded in place: the parameters stand for the bound argument expressions. */
function bindLambdaCall(e: A.CallExpr, binding: Extract<LetBinding, { kind: 'lambda' }>, scope: RowScope, ctx: BindContext): BoundExpr | undefined {
  return nestedLambdaCall(e.span, ctx, () => expandLambdaCall(e, binding, scope, ctx));
}

function expandLambdaCall(e: A.CallExpr, binding: Extract<LetBinding, { kind: 'lambda' }>, scope: RowScope, ctx: BindContext): BoundExpr | undefined {
  const lambda = binding.lambda;
  if (isTabularExpression(lambda.body) || lambda.params.some((p) => p.type.kind === 'TabularType')) {
    return bindSubquery(e, 'scalar', scope, ctx, e.span);
  }
  let lets = binding.scope;
  const params = lambda.params;
  if (e.args.length > params.length || e.args.length < params.filter((p) => !p.defaultValue).length) {
    ctx.diagnostics.push(
      diagnostic('bind-wrong-arity', e.span, {
        name: e.callee.name,
        expected: `${params.filter((p) => !p.defaultValue).length} to ${params.length}`,
        got: e.args.length,
      }),
    );
    return undefined;
  }
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    const argAst = e.args[i] ?? p.defaultValue!;
    const arg = i < e.args.length ? bindExpr(argAst, scope, ctx) : bindExpr(argAst, { schema: [], lets: binding.scope }, ctx);
    if (!arg) return undefined;
    const want = p.type.kind === 'ScalarType' ? p.type.type : undefined;
    lets = lets.with(p.name.name, { kind: 'param', expr: want && want !== arg.type ? convertTo(arg, want) : arg });
  }
  const inner: RowScope = { ...scope, lets: bindLets(lambda.lets, lets, ctx) };
  return bindExpr(lambda.body, inner, ctx);
}

// ---------------------------------------------------------------------------------------------------------------
// let

export function bindLets(lets: readonly A.LetStatement[], scope: LetScope, ctx: BindContext): LetScope {
  let s = scope;
  for (const l of lets) {
    const b = bindLetValue(l, s, ctx);
    s = s.with(l.name.name, b ?? { kind: 'failed' });
  }
  return s;
}

export function bindLetValue(l: A.LetStatement, lets: LetScope, ctx: BindContext): LetBinding | undefined {
  const v = l.value;
  if (v.kind === 'Lambda') return { kind: 'lambda', lambda: v, scope: lets };
  if (isTabularExpression(v) || (v.kind === 'Name' && isTableName(v.name, lets, ctx)) || (v.kind === 'Call' && isTabularFunction(v.callee.name, lets))) {
    const plan = ctx.bindTabular(v, lets, ctx);
    return plan ? { kind: 'tabular', plan } : undefined;
  }
  const expr = bindExpr(v, { schema: [], lets }, ctx);
  return expr ? { kind: 'scalar', expr } : undefined;
}

function isTableName(name: string, lets: LetScope, ctx: BindContext): boolean {
  const b = lets.lookup(name);
  if (b?.kind === 'lambda') return b.lambda.params.every((p) => p.defaultValue !== undefined) && isTabularExpression(b.lambda.body);
  if (b) return b.kind === 'tabular';
  return ctx.catalog.schemaOf(name) !== undefined;
}

/** A let or stored function whose body is tabular syntax: `let T = F(1);` binds a table (stored parsers are used so). */
function isTabularFunction(name: string, lets: LetScope): boolean {
  const b = lets.lookup(name);
  return b?.kind === 'lambda' && isTabularExpression(b.lambda.body);
}
