// Scalar expressions: name resolution, operator typing, overload resolution through the registry, implicit
// conversions. Returns undefined after reporting a diagnostic, so one bad sub-expression does not cascade.

import { diagnostic, didYouMean, type Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { parseDatetime } from '../../values/datetime.js';
import { parseTimespan } from '../../values/timespan.js';
import { TYPE_ALIASES, type ScalarType, type ScalarValue, type Dynamic } from '../../values/types.js';
import { dynamicFromScalar, freezeDynamic } from '../../values/dynamic.js';
import { lift, type Invoke, type ResolveContext } from '../functions/define.js';
import { lookupAggregate, lookupScalar, scalarFunctionNames } from '../functions/registry.js';
import { KQL_AGGREGATE_NAMES, KQL_FUNCTION_NAMES } from '../functions/kql-names.js';
import { bindWindowCall } from '../functions/window.js';
import { conversionInvoke } from '../functions/scalar/conversion.js';
import { binaryOperator, listOperator, betweenOperator, memberAccess, negate } from '../functions/operators.js';
import type { BoundExpr, Call, Literal } from '../plan/expr.js';
import type { BindContext, RowScope } from './scope.js';
import { bindTabular, isTabularExpression } from './bind-query.js';

export function literal(type: ScalarType, value: ScalarValue | null, span: Span): Literal {
  return { kind: 'Literal', type, value: type === 'string' && value === null ? '' : value, span };
}

export function call(
  name: string,
  args: readonly BoundExpr[],
  type: ScalarType,
  invoke: Invoke,
  span: Span,
  deterministic = true,
): Call {
  return { kind: 'Call', name, args, type, invoke, span, deterministic };
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

export function isConstant(e: BoundExpr): e is Literal {
  return e.kind === 'Literal';
}

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
      ctx.diagnostics.push(
        diagnostic('bind-invalid', e.span, { message: '$left/$right can only be used in join conditions' }),
      );
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
      const key =
        e.kind === 'Member' ? literal('string', e.member.name, e.member.span) : bindExpr(e.index, scope, ctx);
      if (!key) return undefined;
      return memberAccess(target, key, e.span, ctx);
    }
    case 'Call':
      return bindCall(e, scope, ctx);
    case 'Star':
      ctx.diagnostics.push(diagnostic('bind-invalid', e.span, { message: "'*' is not allowed here" }));
      return undefined;
    case 'NamedArg':
      ctx.diagnostics.push(
        diagnostic('bind-invalid', e.span, { message: `named argument '${e.name.name}' is not allowed here` }),
      );
      return undefined;
    case 'TypeOf':
      ctx.diagnostics.push(diagnostic('bind-invalid', e.span, { message: "'typeof' is not allowed here" }));
      return undefined;
    case 'Pipeline':
      return bindSubquery(e, 'scalar', scope, ctx, e.span);
    default:
      ctx.diagnostics.push(
        diagnostic('bind-expected-scalar', e.span, { what: `'${e.kind.toLowerCase()}'` }),
      );
      return undefined;
  }
}

function bindSubquery(
  e: A.Expression,
  mode: 'scalar' | 'column-array',
  scope: RowScope,
  ctx: BindContext,
  span: Span,
): BoundExpr | undefined {
  const plan = bindTabular(e, scope.lets, ctx);
  if (!plan) return undefined;
  const first = plan.schema[0];
  if (!first) {
    ctx.diagnostics.push(diagnostic('bind-invalid', span, { message: 'the subquery returns no columns' }));
    return undefined;
  }
  return { kind: 'Subquery', mode, plan, type: mode === 'scalar' ? first.type : 'dynamic', span };
}

/** An item of `in (...)` / `has_any (...)`: a scalar, a dynamic array, or a tabular expression (first column). */
function bindListItem(item: A.Expression, scope: RowScope, ctx: BindContext): BoundExpr | undefined {
  const inner = item.kind === 'Paren' ? item.expression : item;
  if (isTabularExpression(inner) || isTabularName(inner, scope)) {
    return bindSubquery(inner, 'column-array', scope, ctx, item.span);
  }
  return bindExpr(item, scope, ctx);
}

function isTabularName(e: A.Expression, scope: RowScope): boolean {
  if (e.kind !== 'Name') return false;
  if (scope.schema.some((c) => c.name === e.name)) return false;
  const b = scope.lets.lookup(e.name);
  return b?.kind === 'tabular';
}

function bindName(e: A.NameRef, scope: RowScope, ctx: BindContext): BoundExpr | undefined {
  const idx = scope.schema.findIndex((c) => c.name === e.name);
  if (idx >= 0) return { kind: 'Column', index: idx, name: e.name, type: scope.schema[idx]!.type, span: e.span };
  const b = scope.lets.lookup(e.name);
  if (b?.kind === 'scalar' || b?.kind === 'param') return b.expr;
  if (b?.kind === 'tabular') return bindSubquery(e, 'scalar', scope, ctx, e.span);
  if (b?.kind === 'failed') return undefined;
  if (b?.kind === 'lambda') {
    ctx.diagnostics.push(
      diagnostic('bind-invalid', e.span, { message: `'${e.name}' is a function: call it as ${e.name}()` }),
    );
    return undefined;
  }
  const candidates = [...scope.schema.map((c) => c.name), ...scope.lets.names()];
  ctx.diagnostics.push(
    diagnostic('bind-unknown-column', e.span, { name: e.name }, { notes: didYouMean(e.name, candidates) }),
  );
  return undefined;
}

function bindTypedLiteral(e: A.TypedLiteral, ctx: BindContext): BoundExpr | undefined {
  const type = e.type.type;
  if (type === 'decimal') {
    ctx.diagnostics.push(diagnostic('bind-not-supported', e.span, { name: 'decimal' }));
    return undefined;
  }
  if (e.text === null) return literal(type, null, e.span);
  let text = e.text.trim();
  // datetime("2026-01-01") / guid('...'): a quoted string inside the parentheses is accepted too.
  const quoted = /^(['"])(.*)\1$/s.exec(text);
  if (quoted && type !== 'string') text = quoted[2]!;
  const bad = (reason?: string) => {
    ctx.diagnostics.push(
      diagnostic('syntax-bad-literal', e.span, reason ? { type, text, reason } : { type, text }),
    );
    return undefined;
  };
  switch (type) {
    case 'datetime': {
      const t = parseDatetime(text);
      return t === null ? bad() : literal('datetime', t, e.span);
    }
    case 'timespan': {
      const t = parseTimespan(text);
      return t === null ? bad() : literal('timespan', t, e.span);
    }
    case 'bool': {
      const l = text.toLowerCase();
      if (l === 'true' || l === '1') return literal('bool', true, e.span);
      if (l === 'false' || l === '0') return literal('bool', false, e.span);
      return bad();
    }
    case 'int':
    case 'long': {
      if (!/^[+-]?(\d+|0x[0-9a-f]+)$/i.test(text)) return bad();
      const neg = text.startsWith('-');
      const body = text.replace(/^[+-]/, '');
      let v = BigInt(body);
      if (neg) v = -v;
      if (type === 'int') {
        if (v < -2147483648n || v > 2147483647n) return bad('out of range for int');
        return literal('int', Number(v), e.span);
      }
      if (v < -(2n ** 63n) || v > 2n ** 63n - 1n) return bad('out of range for long');
      return literal('long', v, e.span);
    }
    case 'real': {
      const l = text.toLowerCase();
      if (l === 'nan') return literal('real', NaN, e.span);
      if (l === '+inf' || l === 'inf') return literal('real', Infinity, e.span);
      if (l === '-inf') return literal('real', -Infinity, e.span);
      const v = Number(text);
      return Number.isNaN(v) || text === '' ? bad() : literal('real', v, e.span);
    }
    case 'guid': {
      const m = /^[{(]?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})[})]?$/i.exec(text);
      return m ? literal('guid', m.slice(1).join('-').toLowerCase(), e.span) : bad();
    }
    case 'string':
      return literal('string', text, e.span);
    case 'dynamic':
      return bad('use dynamic(...) with JSON content');
  }
}

function dynamicNodeValue(n: A.DynamicNode, ctx: BindContext): Dynamic | undefined {
  switch (n.kind) {
    case 'DynNull':
      return null;
    case 'DynArray': {
      const out: Dynamic[] = [];
      for (const item of n.items) {
        const v = dynamicNodeValue(item, ctx);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return out;
    }
    case 'DynBag': {
      const out: Record<string, Dynamic> = Object.create(null) as Record<string, Dynamic>;
      for (const { key, value } of n.entries) {
        const v = dynamicNodeValue(value, ctx);
        if (v === undefined) return undefined;
        out[key] = v;
      }
      return out;
    }
    case 'StringLiteral':
      return n.value;
    case 'LongLiteral':
      return n.value;
    case 'RealLiteral':
      return n.value;
    case 'BoolLiteral':
      return n.value;
    case 'TimespanLiteral':
    case 'TypedLiteral': {
      const b = n.kind === 'TimespanLiteral' ? literal('timespan', n.ticks, n.span) : bindTypedLiteral(n, ctx);
      if (!b || b.kind !== 'Literal') return undefined;
      return dynamicOfLiteral(b);
    }
  }
}

function dynamicOfLiteral(l: Literal): Dynamic {
  const inv = conversionInvoke(l.type, 'dynamic');
  const r = inv([{ kind: 'scalar', type: l.type, value: l.value }], 1);
  return (r as { value: Dynamic }).value;
}

// ---------------------------------------------------------------------------------------------------------------
// Calls

function resolveContext(args: readonly BoundExpr[]): ResolveContext {
  return {
    constant: (i) => {
      const a = args[i];
      return a && a.kind === 'Literal' ? { value: a.value } : undefined;
    },
  };
}

function bindCall(e: A.CallExpr, scope: RowScope, ctx: BindContext): BoundExpr | undefined {
  const name = e.callee.name;
  // Let-bound lambdas shadow built-ins.
  const letBinding = scope.lets.lookup(name);
  if (letBinding?.kind === 'lambda') return bindLambdaCall(e, letBinding, scope, ctx);
  if (letBinding?.kind === 'tabular' && e.args.length === 0) return bindSubquery(e, 'scalar', scope, ctx, e.span);

  switch (name) {
    case 'now': {
      let now = ctx.nowTicks;
      if (e.args.length === 1) {
        const off = bindExpr(e.args[0]!, scope, ctx);
        if (!off) return undefined;
        if (off.kind !== 'Literal' || off.type !== 'timespan') {
          ctx.diagnostics.push(diagnostic('bind-expected-constant', off.span, { what: 'the offset of now()' }));
          return undefined;
        }
        now = now + (off.value as bigint);
      }
      return literal('datetime', now, e.span);
    }
    case 'ago': {
      // ago(ts) = now() - ts, with the query's single now (ago-function.md).
      if (e.args.length !== 1) {
        ctx.diagnostics.push(diagnostic('bind-wrong-arity', e.span, { name, expected: '1', got: e.args.length }));
        return undefined;
      }
      const arg = bindExpr(e.args[0]!, scope, ctx);
      if (!arg) return undefined;
      if (arg.type !== 'timespan') {
        ctx.diagnostics.push(diagnostic('bind-wrong-type', arg.span, { what: "'ago'", expected: 'a timespan', got: arg.type }));
        return undefined;
      }
      return binaryOperator('-', literal('datetime', ctx.nowTicks, e.span), arg, e.span, ctx);
    }
    case 'column_ifexists': {
      // column_ifexists('Name', default): the column when the input has it, else the default
      // (column-ifexists-function.md).
      const [nameArg, fallback] = e.args;
      if (e.args.length !== 2 || !nameArg || !fallback) {
        ctx.diagnostics.push(diagnostic('bind-wrong-arity', e.span, { name, expected: '2', got: e.args.length }));
        return undefined;
      }
      if (nameArg.kind !== 'StringLiteral') {
        ctx.diagnostics.push(diagnostic('bind-expected-constant', nameArg.span, { what: 'the column name of column_ifexists' }));
        return undefined;
      }
      const idx = scope.schema.findIndex((c) => c.name === nameArg.value);
      if (idx >= 0) return { kind: 'Column', index: idx, name: nameArg.value, type: scope.schema[idx]!.type, span: e.span };
      return bindExpr(fallback, scope, ctx);
    }
    case 'pack_all': {
      // pack_all([ignore_null_empty]): a bag of the input row's columns (pack-all-function.md).
      if (e.args.length > 1) {
        ctx.diagnostics.push(diagnostic('bind-wrong-arity', e.span, { name, expected: '0 to 1', got: e.args.length }));
        return undefined;
      }
      let ignoreEmpty = false;
      if (e.args[0]) {
        const b = bindExpr(e.args[0], scope, ctx);
        if (!b) return undefined;
        if (b.kind !== 'Literal' || b.type !== 'bool') {
          ctx.diagnostics.push(diagnostic('bind-expected-constant', b.span, { what: 'the argument of pack_all (a bool)' }));
          return undefined;
        }
        ignoreEmpty = b.value === true;
      }
      const cols = scope.schema.slice(0, scope.inputColumns ?? scope.schema.length);
      const refs: BoundExpr[] = cols.map((c, i) => ({ kind: 'Column', index: i, name: c.name, type: c.type, span: e.span }));
      const invoke = lift(
        'dynamic',
        (...vals) => {
          const bag: Record<string, Dynamic> = Object.create(null) as Record<string, Dynamic>;
          cols.forEach((c, i) => {
            const v = vals[i] ?? null;
            if (ignoreEmpty && (v === null || v === '')) return;
            bag[c.name] = v === null ? null : dynamicFromScalar(v, c.type);
          });
          return freezeDynamic(bag);
        },
        'custom',
      );
      return call('pack_all', refs, 'dynamic', invoke, e.span);
    }
    case 'row_number':
    case 'prev':
    case 'next':
    case 'row_cumsum': {
      const args: BoundExpr[] = [];
      for (const a of e.args) {
        const b = bindExpr(a, scope, ctx);
        if (!b) return undefined;
        args.push(b);
      }
      const w = bindWindowCall(name, args, e.span, ctx, scope.serialized === true);
      return w ? call(name, w.args, w.type, w.invoke, e.span, false) : undefined;
    }
    case 'toscalar': {
      const arg = e.args[0];
      if (!arg || e.args.length !== 1) {
        ctx.diagnostics.push(diagnostic('bind-wrong-arity', e.span, { name, expected: '1', got: e.args.length }));
        return undefined;
      }
      return bindSubquery(arg.kind === 'Paren' ? arg.expression : arg, 'scalar', scope, ctx, e.span);
    }
    case 'materialize':
      return bindSubquery(e, 'scalar', scope, ctx, e.span);
  }

  const agg = lookupAggregate(name);
  if (agg && !lookupScalar(name)) {
    ctx.diagnostics.push(diagnostic('bind-aggregate-outside-summarize', e.callee.span, { name }));
    return undefined;
  }
  const def = lookupScalar(name);
  if (!def && (KQL_FUNCTION_NAMES.has(name) || KQL_AGGREGATE_NAMES.has(name))) {
    ctx.diagnostics.push(diagnostic('bind-not-supported', e.callee.span, { name: `${name}()` }));
    return undefined;
  }
  if (!def) {
    ctx.diagnostics.push(
      diagnostic(
        'bind-unknown-function',
        e.callee.span,
        { name },
        { notes: didYouMean(name, [...scalarFunctionNames(), ...scope.lets.names()]) },
      ),
    );
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
  const r = def.resolve(
    args.map((a) => a.type),
    resolveContext(args),
  );
  if (typeof r === 'string') {
    ctx.diagnostics.push(
      diagnostic('bind-wrong-type', e.span, { what: `'${name}'`, expected: r, got: args.map((a) => a.type).join(', ') }),
    );
    return undefined;
  }
  if ('arg' in r) {
    // The smallest node at fault is the argument, not the call.
    ctx.diagnostics.push(
      diagnostic('bind-wrong-type', args[r.arg]?.span ?? e.span, { what: `argument ${r.arg + 1} of '${name}'`, expected: r.expected, got: r.got }),
    );
    return undefined;
  }
  const converted = args.map((a, i) => {
    const to = r.argTypes?.[i];
    return to ? convertTo(a, to) : a;
  });
  const c = call(def.name, converted, r.returnType, r.invoke, e.span, def.deterministic ?? true);
  return foldIfConstant(c);
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

/** Scalar lambda calls are expanded in place: the parameters stand for the bound argument expressions. */
function bindLambdaCall(
  e: A.CallExpr,
  binding: Extract<import('./scope.js').LetBinding, { kind: 'lambda' }>,
  scope: RowScope,
  ctx: BindContext,
): BoundExpr | undefined {
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
  const inner: RowScope = { ...scope, lets: bindLets(lambda.lets, lets, ctx) ?? lets };
  return bindExpr(lambda.body, inner, ctx);
}

export function bindLets(lets: readonly A.LetStatement[], scope: import('./scope.js').LetScope, ctx: BindContext) {
  let s = scope;
  for (const l of lets) {
    const b = bindLetValue(l, s, ctx);
    s = s.with(l.name.name, b ?? { kind: 'failed' });
  }
  return s;
}

export function bindLetValue(
  l: A.LetStatement,
  lets: import('./scope.js').LetScope,
  ctx: BindContext,
): import('./scope.js').LetBinding | undefined {
  const v = l.value;
  if (v.kind === 'Lambda') return { kind: 'lambda', lambda: v, scope: lets };
  if (isTabularExpression(v) || (v.kind === 'Name' && isTableName(v.name, lets, ctx))) {
    const plan = bindTabular(v, lets, ctx);
    return plan ? { kind: 'tabular', plan } : undefined;
  }
  const expr = bindExpr(v, { schema: [], lets }, ctx);
  return expr ? { kind: 'scalar', expr } : undefined;
}

function isTableName(name: string, lets: import('./scope.js').LetScope, ctx: BindContext): boolean {
  const b = lets.lookup(name);
  if (b) return b.kind === 'tabular';
  return ctx.catalog.schemaOf(name) !== undefined;
}

/** The name Kusto gives an unnamed projected expression (kql-lang Binder_Projection.cs), or undefined. */
export function defaultColumnName(e: A.Expression): string | undefined {
  switch (e.kind) {
    case 'Name':
      return e.name;
    case 'Paren':
      return defaultColumnName(e.expression);
    case 'Member': {
      const t = defaultColumnName(e.target);
      return t === undefined ? undefined : `${t}_${e.member.name}`;
    }
    case 'Index': {
      const t = defaultColumnName(e.target);
      if (t === undefined) return undefined;
      if (e.index.kind === 'StringLiteral') return `${t}_${e.index.value}`;
      return undefined;
    }
    case 'Call': {
      const n = e.callee.name;
      const first = e.args[0];
      if (NAME_FROM_FIRST_ARG.has(n) && first) return defaultColumnName(first);
      if (n === 'strlen' && first) {
        const inner = defaultColumnName(first);
        return inner === undefined ? undefined : `strlen_${inner}`;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

const NAME_FROM_FIRST_ARG = new Set([
  'bin_at',
  'tostring',
  'toint',
  'tolong',
  'toreal',
  'todouble',
  'tobool',
  'toboolean',
  'todatetime',
  'totimespan',
  'toguid',
  'todynamic',
  'toobject',
  'bin',
  'floor',
  'startofday',
  'startofweek',
  'startofmonth',
  'startofyear',
  'endofday',
  'endofweek',
  'endofmonth',
  'endofyear',
  'format_datetime',
]);

export function typeFromName(name: string): ScalarType | undefined {
  return TYPE_ALIASES[name.toLowerCase()];
}

