// Tabular operators → logical plan nodes with their output schemas, computed as Kusto's binder does
// (kql-lang Binder_NodeBinder.cs / ProjectionBuilder.cs): extend replaces in place, join suffixes clashing
// right-side names with 1, 2..., summarize puts keys first, make-series puts the axis last.

import { diagnostic, didYouMean, type Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import type { Column, Schema } from '../../tables/table.js';
import { isDynamicBag, type Dynamic, type ScalarType, type ScalarValue } from '../../values/types.js';
import { getValue } from '../../tables/vector.js';
import { lookupAggregate, lookupScalar } from '../functions/registry.js';
import { KQL_AGGREGATE_NAMES } from '../functions/kql-names.js';
import { FIRST_ROW } from '../functions/aggregate/index.js';
import { compileKqlRegex } from '../strings/regex.js';
import type { BoundExpr, Literal } from '../plan/expr.js';
import type { AggregateCall, JoinKind, Plan, SortKeyPlan } from '../plan/logical.js';
import {
  bindExpr,
  bindLetValue,
  convertTo,
  defaultColumnName,
  literal,
} from './bind-expr.js';
import type { BindContext, LetScope, RowScope } from './scope.js';

/** Does this AST node denote a tabular expression syntactically (pipeline, datatable, union...)? */
export function isTabularExpression(e: A.Expression): boolean {
  switch (e.kind) {
    case 'Pipeline':
    case 'Datatable':
    case 'Print':
    case 'Range':
    case 'Union':
    case 'Externaldata':
    case 'Evaluate':
    case 'Find':
      return true;
    case 'Paren':
      return isTabularExpression(e.expression);
    case 'Call':
      return e.callee.name === 'materialize' || e.callee.name === 'table' || e.callee.name === 'view';
    default:
      return false;
  }
}

function notSupported(ctx: BindContext, span: Span, name: string): undefined {
  ctx.diagnostics.push(diagnostic('bind-not-supported', span, { name }));
  return undefined;
}

function fail(ctx: BindContext, span: Span, message: string): undefined {
  ctx.diagnostics.push(diagnostic('bind-invalid', span, { message }));
  return undefined;
}

/** Bind a tabular expression to a plan. */
export function bindTabular(e: A.Expression, lets: LetScope, ctx: BindContext): Plan | undefined {
  switch (e.kind) {
    case 'Paren':
      return bindTabular(e.expression, lets, ctx);
    case 'Pipeline': {
      let plan = bindTabular(e.source, lets, ctx);
      let scope = lets;
      for (const op of e.operators) {
        if (!plan) return undefined;
        // `| as Name` names the result so far for the operators after it (as-operator.md).
        if (op.kind === 'As') scope = scope.with(op.name.name, { kind: 'tabular', plan });
        plan = bindOperator(plan, op, scope, ctx);
      }
      return plan;
    }
    case 'Name':
      return bindTableName(e.name, e.span, lets, ctx);
    case 'Call':
      return bindTabularCall(e, lets, ctx);
    case 'Datatable':
      return bindDatatable(e, lets, ctx);
    case 'Print': {
      const one: Plan = { kind: 'Values', rows: [[]], schema: [], span: e.span };
      return bindProjection(one, e.items, lets, ctx, 'print', e.span);
    }
    case 'Range': {
      const scope: RowScope = { schema: [], lets };
      const from = bindExpr(e.from, scope, ctx);
      const to = bindExpr(e.to, scope, ctx);
      const step = bindExpr(e.step, scope, ctx);
      if (!from || !to || !step) return undefined;
      let type: ScalarType = from.type;
      if (type === 'int') type = 'long';
      if (!['long', 'real', 'datetime', 'timespan'].includes(type)) return fail(ctx, e.from.span, `range cannot start at a ${from.type}`);
      return {
        kind: 'Range',
        from: convertTo(from, type),
        to: convertTo(to, type),
        step,
        schema: [{ name: e.column.name, type }],
        span: e.span,
      };
    }
    case 'Union':
      return bindUnion(undefined, e, lets, ctx);
    case 'Externaldata':
      return notSupported(ctx, e.span, 'externaldata (no network access: load the data as a table instead)');
    case 'Evaluate':
      return notSupported(ctx, e.call.callee.span, `evaluate ${e.call.callee.name}`);
    case 'Find':
      return notSupported(ctx, e.span, 'find');
    default:
      ctx.diagnostics.push(diagnostic('bind-expected-tabular', e.span, { what: 'this expression' }));
      return undefined;
  }
}

function bindTableName(name: string, span: Span, lets: LetScope, ctx: BindContext): Plan | undefined {
  const b = lets.lookup(name);
  if (b?.kind === 'tabular') return b.plan;
  if (b?.kind === 'failed') return undefined;
  if (b?.kind === 'lambda' && b.lambda.params.every((p) => p.defaultValue !== undefined)) {
    // A parameterless function (or view) used as a table: `let V = view () { ... }; V` (let-statement.md).
    const call: A.CallExpr = { kind: 'Call', callee: { kind: 'Identifier', name, quoted: false, span }, args: [], span };
    return bindTabularLambdaCall(call, b.lambda, b.scope, lets, ctx, undefined);
  }
  if (b) return fail(ctx, span, `'${name}' is not a table`);
  const schema = ctx.catalog.schemaOf(name);
  if (schema) return { kind: 'Scan', table: name, schema, span };
  ctx.diagnostics.push(
    diagnostic(
      'bind-unknown-table',
      span,
      { name },
      { notes: didYouMean(name, [...ctx.catalog.tableNames(), ...lets.names()]) },
    ),
  );
  return undefined;
}

function bindTabularCall(e: A.CallExpr, lets: LetScope, ctx: BindContext): Plan | undefined {
  const name = e.callee.name;
  if (name === 'materialize') {
    const arg = e.args[0];
    if (!arg || e.args.length !== 1) return fail(ctx, e.span, 'materialize() takes one tabular argument');
    const input = bindTabular(arg, lets, ctx);
    if (!input) return undefined;
    return { kind: 'Materialize', input, id: ctx.materializeCount++, schema: input.schema, span: e.span };
  }
  if (name === 'table' || name === 'view') {
    const arg = e.args[0];
    if (!arg || arg.kind !== 'StringLiteral') return fail(ctx, e.span, `${name}() takes a table name string`);
    return bindTableName(arg.value, arg.span, lets, ctx);
  }
  const b = lets.lookup(name);
  if (b?.kind === 'lambda') return bindTabularLambdaCall(e, b.lambda, b.scope, lets, ctx, undefined);
  if (b?.kind === 'tabular' && e.args.length === 0) return b.plan;
  if (name.startsWith('_')) return notSupported(ctx, e.callee.span, `${name}() (Sentinel function: define it with let)`);
  if (lookupScalar(name) || lookupAggregate(name)) {
    ctx.diagnostics.push(diagnostic('bind-expected-tabular', e.span, { what: `'${name}()'` }));
    return undefined;
  }
  ctx.diagnostics.push(
    diagnostic('bind-unknown-function', e.callee.span, { name }, { notes: didYouMean(name, lets.names()) }),
  );
  return undefined;
}

/** A lambda whose body is tabular: bind its body with the arguments as let bindings. */
function bindTabularLambdaCall(
  e: A.CallExpr,
  lambda: A.Lambda,
  defScope: LetScope,
  callerLets: LetScope,
  ctx: BindContext,
  pipedInput: Plan | undefined,
): Plan | undefined {
  let scope = defScope;
  const params = lambda.params;
  let argIndex = 0;
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (p.type.kind === 'TabularType' && pipedInput && i === 0) {
      scope = scope.with(p.name.name, { kind: 'tabular', plan: pipedInput });
      continue;
    }
    const argAst = e.args[argIndex++] ?? p.defaultValue;
    if (!argAst) return fail(ctx, e.span, `missing argument '${p.name.name}' of '${e.callee.name}'`);
    if (p.type.kind === 'TabularType') {
      const plan = bindTabular(argAst, callerLets, ctx);
      if (!plan) return undefined;
      scope = scope.with(p.name.name, { kind: 'tabular', plan });
    } else {
      const v = bindExpr(argAst, { schema: [], lets: callerLets }, ctx);
      if (!v) return undefined;
      scope = scope.with(p.name.name, { kind: 'scalar', expr: v.type === p.type.type ? v : convertTo(v, p.type.type) });
    }
  }
  for (const l of lambda.lets) {
    const b = bindLetValue(l, scope, ctx);
    if (b) scope = scope.with(l.name.name, b);
  }
  return bindTabular(lambda.body, scope, ctx);
}

function bindDatatable(e: A.DatatableExpr, lets: LetScope, ctx: BindContext): Plan | undefined {
  const schema: Column[] = e.columns.map((c) => ({ name: c.name.name, type: c.type.type }));
  if (schema.some((c) => c.type === 'decimal')) return notSupported(ctx, e.span, 'decimal');
  const width = schema.length;
  if (width === 0 || e.values.length % width !== 0) {
    return fail(ctx, e.span, `datatable has ${e.values.length} values, not a multiple of its ${width} columns`);
  }
  const rows: (ScalarValue | null)[][] = [];
  for (let i = 0; i < e.values.length; i += width) {
    const row: (ScalarValue | null)[] = [];
    for (let j = 0; j < width; j++) {
      const v = bindExpr(e.values[i + j]!, { schema: [], lets }, ctx);
      if (!v) return undefined;
      const col = schema[j]!;
      const c = v.type === col.type ? v : v.kind === 'Literal' && v.value === null ? literal(col.type, null, v.span) : convertTo(v, col.type);
      if (c.kind !== 'Literal') return fail(ctx, v.span, 'datatable values must be constants');
      if (v.type !== col.type && !(v.kind === 'Literal' && v.value === null) && !(isNumericType(v.type) && isNumericType(col.type)) && col.type !== 'dynamic') {
        ctx.diagnostics.push(
          diagnostic('bind-wrong-type', v.span, { what: `column '${col.name}'`, expected: col.type, got: v.type }),
        );
        return undefined;
      }
      row.push((c as Literal).value);
    }
    rows.push(row);
  }
  return { kind: 'Values', rows, schema, span: e.span };
}

function isNumericType(t: ScalarType) {
  return t === 'int' || t === 'long' || t === 'real';
}

// ---------------------------------------------------------------------------------------------------------------

function bindOperator(input: Plan, op: A.TabularOperator, lets: LetScope, ctx: BindContext): Plan | undefined {
  const scope: RowScope = { schema: input.schema, lets, serialized: isSerialized(input) };
  switch (op.kind) {
    case 'Where': {
      const p = bindExpr(op.predicate, scope, ctx);
      if (!p) return undefined;
      if (p.type !== 'bool' && p.type !== 'dynamic') {
        ctx.diagnostics.push(diagnostic('bind-wrong-type', op.predicate.span, { what: 'where', expected: 'a bool predicate', got: p.type }));
        return undefined;
      }
      return { kind: 'Filter', input, predicate: p.type === 'bool' ? p : convertTo(p, 'bool'), schema: input.schema, span: op.span };
    }
    case 'Extend':
      return bindExtend(input, op.items, lets, ctx, op.span);
    case 'Project':
      return bindProjection(input, op.items, lets, ctx, 'project', op.span);
    case 'ProjectAway':
    case 'ProjectKeep': {
      const matched = matchPatterns(input.schema, op.columns, ctx);
      if (!matched) return undefined;
      const keep = input.schema
        .map((c, i) => ({ c, i }))
        .filter(({ i }) => (op.kind === 'ProjectAway' ? !matched.has(i) : matched.has(i)));
      return projectIndices(input, keep.map((k) => k.i), op.kind === 'ProjectAway' ? 'project-away' : 'project-keep', op.span);
    }
    case 'ProjectRename': {
      const schema = [...input.schema];
      for (const item of op.items) {
        const idx = input.schema.findIndex((c) => c.name === item.oldName.name);
        if (idx < 0) return unknownColumn(ctx, item.oldName.name, item.oldName.span, input.schema);
        schema[idx] = { name: item.newName.name, type: schema[idx]!.type };
      }
      return {
        kind: 'Project',
        input,
        operator: 'project-rename',
        exprs: input.schema.map((c, i) => colRef(c, i, op.span)),
        schema,
        span: op.span,
      };
    }
    case 'ProjectReorder': {
      const order: number[] = [];
      for (const item of op.columns) {
        const m = matchPatterns(input.schema, [item.column], ctx);
        if (!m) return undefined;
        // Matches of one pattern keep their order, or are sorted by name: asc/desc ordinal, granny-* with
        // numbers compared by value (project-reorder-operator.md).
        const name = (i: number) => input.schema[i]!.name;
        const granny = (a: number, b: number) => name(a).localeCompare(name(b), 'en', { numeric: true, sensitivity: 'variant' });
        const ordinal = (a: number, b: number) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);
        const cmp =
          item.order === 'asc' ? ordinal : item.order === 'desc' ? (a: number, b: number) => -ordinal(a, b)
          : item.order === 'granny-asc' ? granny : item.order === 'granny-desc' ? (a: number, b: number) => -granny(a, b)
          : (a: number, b: number) => a - b;
        for (const i of [...m].sort(cmp)) if (!order.includes(i)) order.push(i);
      }
      input.schema.forEach((_, i) => {
        if (!order.includes(i)) order.push(i);
      });
      return projectIndices(input, order, 'project-reorder', op.span);
    }
    case 'Summarize':
      return bindSummarize(input, op, lets, ctx);
    case 'Count':
      return bindAggregateNode(input, [], [{ name: 'Count', agg: 'count', args: [], span: op.span }], lets, ctx, 'count', op.span);
    case 'Distinct': {
      if (op.columns === '*') {
        return {
          kind: 'Aggregate',
          input,
          operator: 'distinct',
          keys: input.schema.map((c, i) => colRef(c, i, op.span)),
          aggregates: [],
          schema: input.schema,
          span: op.span,
        };
      }
      const items: A.Assignment[] = op.columns.map((c) => ({ kind: 'Assignment', names: [], expression: c, span: c.span }));
      return bindSummarize(input, { kind: 'Summarize', params: [], aggregates: [], by: items, span: op.span }, lets, ctx, 'distinct');
    }
    case 'Sort':
    case 'Top': {
      const keys: SortKeyPlan[] = [];
      for (const k of op.keys) {
        const e = bindExpr(k.expression, scope, ctx);
        if (!e) return undefined;
        // Default order is descending (sort-operator.md); nulls first for asc, last for desc.
        const descending = (k.order ?? 'desc') === 'desc';
        const nullsFirst = k.nulls ? k.nulls === 'first' : !descending;
        keys.push({ expr: e, descending, nullsFirst });
      }
      if (op.kind === 'Sort') return { kind: 'Sort', input, keys, schema: input.schema, span: op.span };
      const n = bindExpr(op.count, { schema: [], lets }, ctx);
      if (!n) return undefined;
      return { kind: 'Sort', input, keys, limit: n, schema: input.schema, span: op.span };
    }
    case 'Take': {
      const n = bindExpr(op.count, { schema: [], lets }, ctx);
      if (!n) return undefined;
      if (n.type !== 'long' && n.type !== 'int') {
        ctx.diagnostics.push(diagnostic('bind-wrong-type', op.count.span, { what: op.keyword, expected: 'an integer count', got: n.type }));
        return undefined;
      }
      return { kind: 'Limit', input, count: n, schema: input.schema, span: op.span };
    }
    case 'Join':
    case 'Lookup':
      return bindJoin(input, op, lets, ctx);
    case 'Union':
      return bindUnion(input, op, lets, ctx);
    case 'MvExpand':
      return bindMvExpand(input, op, lets, ctx);
    case 'MakeSeries':
      return bindMakeSeries(input, op, lets, ctx);
    case 'Render': {
      const properties: Record<string, unknown> = {};
      for (const p of op.properties) {
        const v = p.value;
        properties[p.name] =
          v.kind === 'Name' ? v.name : v.kind === 'StringLiteral' ? v.value : v.kind === 'LongLiteral' ? Number(v.value) : v.kind === 'BoolLiteral' ? v.value : v.kind === 'RealLiteral' ? v.value : undefined;
      }
      return { kind: 'Render', input, chart: op.chart.name, properties, schema: input.schema, span: op.span };
    }
    case 'Serialize': {
      if (op.items.length === 0) return { kind: 'Serialize', input, schema: input.schema, span: op.span };
      return bindExtend({ kind: 'Serialize', input, schema: input.schema, span: op.span }, op.items, lets, ctx, op.span);
    }
    case 'As':
      // `as` names the result for later operators in the same query (e.g. union withsource). Data is unchanged.
      return input;
    case 'Invoke': {
      const b = lets.lookup(op.call.callee.name);
      if (b?.kind !== 'lambda') {
        return fail(ctx, op.call.callee.span, `'${op.call.callee.name}' is not a let-defined function`);
      }
      return bindTabularLambdaCall(op.call, b.lambda, b.scope, lets, ctx, input);
    }
    case 'GetSchema':
      return notSupported(ctx, op.span, 'getschema');
    case 'Evaluate':
      if (op.call.callee.name === 'bag_unpack') return bindBagUnpack(input, op, lets, ctx);
      return notSupported(ctx, op.call.callee.span, `evaluate ${op.call.callee.name}`);
    case 'Parse':
      return bindParse(input, op, lets, ctx);
    case 'MvApply':
      return notSupported(ctx, op.span, 'mv-apply');
    case 'Sample':
      return notSupported(ctx, op.span, 'sample');
  }
}

function colRef(c: Column, i: number, span: Span): BoundExpr {
  return { kind: 'Column', index: i, name: c.name, type: c.type, span };
}

function projectIndices(input: Plan, indices: readonly number[], operator: string, span: Span): Plan {
  return {
    kind: 'Project',
    input,
    operator,
    exprs: indices.map((i) => colRef(input.schema[i]!, i, span)),
    schema: indices.map((i) => input.schema[i]!),
    span,
  };
}

function unknownColumn(ctx: BindContext, name: string, span: Span, schema: Schema): undefined {
  ctx.diagnostics.push(
    diagnostic('bind-unknown-column', span, { name }, { notes: didYouMean(name, schema.map((c) => c.name)) }),
  );
  return undefined;
}

function matchPatterns(schema: Schema, patterns: readonly A.ColumnPattern[], ctx: BindContext): Set<number> | undefined {
  const out = new Set<number>();
  for (const p of patterns) {
    if (p.wildcard) {
      const re = new RegExp('^' + p.pattern.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
      schema.forEach((c, i) => {
        if (re.test(c.name)) out.add(i);
      });
    } else {
      const i = schema.findIndex((c) => c.name === p.pattern);
      if (i < 0) return unknownColumn(ctx, p.pattern, p.span, schema);
      out.add(i);
    }
  }
  return out;
}

/** Fresh name `Column1`, `Column2`... not already used (kql-lang Binder_Projection.cs). */
function freshColumnName(used: (name: string) => boolean): string {
  for (let i = 1; ; i++) if (!used(`Column${i}`)) return `Column${i}`;
}

function bindExtend(input: Plan, items: readonly A.Assignment[], lets: LetScope, ctx: BindContext, span: Span): Plan | undefined {
  // Each item sees the columns produced by the previous items of the same extend (docs extend-operator.md).
  let schema: Column[] = [...input.schema];
  let exprs: BoundExpr[] = input.schema.map((c, i) => colRef(c, i, span));
  for (const item of items) {
    if (item.names.length > 1) return notSupported(ctx, item.span, 'tuple assignment in extend');
    // Columns defined earlier in this extend are visible: bind against the current output schema by inlining.
    const e = bindExpr(item.expression, { schema, lets, inputColumns: input.schema.length, serialized: isSerialized(input) }, ctx);
    if (!e) return undefined;
    const inlined = inlineColumns(e, exprs);
    const name = item.names[0]?.name ?? defaultColumnName(item.expression) ?? freshColumnName((n) => schema.some((c) => c.name === n));
    const at = schema.findIndex((c) => c.name === name);
    if (at >= 0) {
      schema[at] = { name, type: e.type };
      exprs[at] = inlined;
    } else {
      schema = [...schema, { name, type: e.type }];
      exprs = [...exprs, inlined];
    }
  }
  return { kind: 'Project', input, operator: 'extend', exprs, schema, span };
}

/** Replace column references to a projection's output by the projection's expressions. */
function inlineColumns(e: BoundExpr, exprs: readonly BoundExpr[]): BoundExpr {
  switch (e.kind) {
    case 'Column':
      return exprs[e.index]!;
    case 'Call': {
      const args = e.args.map((a) => inlineColumns(a, exprs));
      return args.every((a, i) => a === e.args[i]) ? e : { ...e, args };
    }
    default:
      return e;
  }
}

function bindProjection(
  input: Plan,
  items: readonly A.Assignment[],
  lets: LetScope,
  ctx: BindContext,
  operator: 'project' | 'print',
  span: Span,
): Plan | undefined {
  const schema: Column[] = [];
  const exprs: BoundExpr[] = [];
  const scope: RowScope = { schema: input.schema, lets, serialized: isSerialized(input) };
  let position = 0;
  for (const item of items) {
    if (item.names.length > 1) return notSupported(ctx, item.span, `tuple assignment in ${operator}`);
    if (item.expression.kind === 'Star' || (item.expression.kind === 'Name' && item.expression.name.includes('*'))) {
      return notSupported(ctx, item.span, `wildcards in ${operator}`);
    }
    const e = bindExpr(item.expression, scope, ctx);
    if (!e) return undefined;
    let name = item.names[0]?.name;
    if (!name) {
      // print names unnamed columns print_<position> (kql-lang Binder_NodeBinder.cs), even bare variables.
      name =
        operator === 'print'
          ? `print_${position}`
          : (defaultColumnName(item.expression) ?? freshColumnName((n) => schema.some((c) => c.name === n) || input.schema.some((c) => c.name === n)));
    }
    position++;
    if (schema.some((c) => c.name === name)) {
      ctx.diagnostics.push(diagnostic('bind-duplicate-column', item.span, { name }));
      return undefined;
    }
    schema.push({ name, type: e.type });
    exprs.push(e);
  }
  return { kind: 'Project', input, operator, exprs, schema, span };
}

// ---------------------------------------------------------------------------------------------------------------
// summarize

interface AggItem {
  readonly name?: string;
  readonly agg: string;
  readonly args: readonly A.Expression[];
  readonly span: Span;
}

function bindSummarize(input: Plan, op: A.SummarizeOp, lets: LetScope, ctx: BindContext, operator = 'summarize'): Plan | undefined {
  const aggs: AggItem[] = [];
  // Items that are expressions over aggregates (`100.0 * countif(p) / count()`): their aggregate calls become hidden
  // aggregate columns and the expression is computed by a projection over the aggregate's output.
  const computed: { hiddenColumns: number; name: string | undefined; ast: A.Expression; defaultName: string | undefined }[] = [];
  let hidden = 0;
  for (const a of op.aggregates) {
    if (a.names.length > 1) return notSupported(ctx, a.span, 'tuple assignment in summarize');
    const e = a.expression.kind === 'Paren' ? a.expression.expression : a.expression;
    if (e.kind === 'Call' && lookupAggregate(e.callee.name)) {
      aggs.push({ name: a.names[0]?.name, agg: e.callee.name, args: e.args, span: e.span });
      continue;
    }
    if (e.kind === 'Call' && KQL_AGGREGATE_NAMES.has(e.callee.name)) return notSupported(ctx, e.callee.span, `${e.callee.name}()`);
    if (e.kind === 'Call' && !lookupScalar(e.callee.name) && !lets.lookup(e.callee.name)) {
      ctx.diagnostics.push(diagnostic('bind-unknown-function', e.callee.span, { name: e.callee.name }, { notes: didYouMean(e.callee.name, aggregateNamesForHint()) }));
      return undefined;
    }
    const found: AggItem[] = [];
    const replaced = replaceAggregateCalls(a.expression, (call) => {
      const name = `__kqlite_agg${hidden++}`;
      found.push({ name, agg: call.callee.name, args: call.args, span: call.span });
      return { kind: 'Name', name, quoted: false, span: call.span };
    });
    if (found.length === 0) {
      ctx.diagnostics.push(diagnostic('bind-not-aggregate', a.expression.span, { text: ctx.source.slice(a.expression.span.start, a.expression.span.end) }));
      return undefined;
    }
    const extreme = found.find((f) => f.agg === 'arg_max' || f.agg === 'arg_min');
    if (extreme) return notSupported(ctx, extreme.span, `${extreme.agg}() inside an expression`);
    computed.push({ hiddenColumns: found.length, name: a.names[0]?.name, ast: replaced, defaultName: defaultColumnName(a.expression) });
    aggs.push(...found);
  }
  if (computed.length === 0) return bindAggregateNode(input, op.by, aggs, lets, ctx, operator, op.span);
  if (aggs.some((x) => x.agg === 'arg_max' || x.agg === 'arg_min')) {
    return notSupported(ctx, op.span, 'arg_max()/arg_min() together with expressions over aggregates');
  }
  const node = bindAggregateNode(input, op.by, aggs, lets, ctx, operator, op.span);
  if (!node) return undefined;
  // Output: the keys, then each aggregate item in order, direct ones as columns and computed ones as expressions.
  const keyCount = op.by.length;
  const schema: Column[] = [];
  const exprs: BoundExpr[] = [];
  for (let i = 0; i < keyCount; i++) {
    schema.push(node.schema[i]!);
    exprs.push(colRef(node.schema[i]!, i, op.span));
  }
  const scope: RowScope = { schema: node.schema, lets };
  let col = keyCount;
  let ci = 0;
  for (const a of op.aggregates) {
    const e = a.expression.kind === 'Paren' ? a.expression.expression : a.expression;
    if (e.kind === 'Call' && lookupAggregate(e.callee.name)) {
      schema.push(node.schema[col]!);
      exprs.push(colRef(node.schema[col]!, col, a.span));
      col++;
      continue;
    }
    const c = computed[ci++]!;
    const bound = bindExpr(c.ast, scope, ctx);
    if (!bound) return undefined;
    col += c.hiddenColumns;
    let name = c.name ?? c.defaultName;
    if (!name) for (let k = 1; ; k++) if (!schema.some((x) => x.name === `Column${k}`)) { name = `Column${k}`; break; }
    schema.push({ name, type: bound.type });
    exprs.push(bound);
  }
  return { kind: 'Project', input: node, operator: 'summarize', exprs, schema, span: op.span };
}

/** Replace every aggregate call in an expression (not inside nested tabular expressions). */
function replaceAggregateCalls(e: A.Expression, replace: (c: A.CallExpr) => A.Expression): A.Expression {
  const walk = (x: A.Expression): A.Expression => {
    switch (x.kind) {
      case 'Call':
        if (lookupAggregate(x.callee.name) && !lookupScalar(x.callee.name)) return replace(x);
        return { ...x, args: x.args.map(walk) };
      case 'Binary':
        return { ...x, left: walk(x.left), right: walk(x.right) };
      case 'Unary':
        return { ...x, operand: walk(x.operand) };
      case 'Paren':
        return { ...x, expression: walk(x.expression) };
      case 'ListOp':
        return { ...x, left: walk(x.left), items: x.items.map(walk) };
      case 'Between':
        return { ...x, left: walk(x.left), low: walk(x.low), high: walk(x.high) };
      case 'Member':
        return { ...x, target: walk(x.target) };
      case 'Index':
        return { ...x, target: walk(x.target), index: walk(x.index) };
      default:
        return x;
    }
  };
  return walk(e);
}

function aggregateNamesForHint(): string[] {
  return ['count', 'countif', 'dcount', 'dcountif', 'sum', 'sumif', 'min', 'max', 'avg', 'make_set', 'make_list', 'make_bag', 'arg_max', 'arg_min', 'take_any'];
}

function bindAggregateNode(
  input: Plan,
  by: readonly A.Assignment[],
  aggItems: readonly AggItem[],
  lets: LetScope,
  ctx: BindContext,
  operator: string,
  span: Span,
): Plan | undefined {
  const scope: RowScope = { schema: input.schema, lets };
  const keys: BoundExpr[] = [];
  const schema: Column[] = [];
  const usedNames = new Set<string>();
  const uniqueName = (base: string) => {
    // Duplicate default names get 1, 2... suffixes (set_y, set_y1; count_, count_1).
    let n = base;
    for (let i = 1; usedNames.has(n); i++) n = `${base}${i}`;
    usedNames.add(n);
    return n;
  };
  for (const k of by) {
    if (k.names.length > 1) return notSupported(ctx, k.span, 'tuple assignment in by');
    const e = bindExpr(k.expression, scope, ctx);
    if (!e) return undefined;
    if (e.type === 'dynamic') return fail(ctx, k.expression.span, 'summarize by a dynamic value is not allowed: convert it with tostring()');
    const name = k.names[0]?.name ?? defaultColumnName(k.expression) ?? `Column${keys.length + 1}`;
    keys.push(e);
    schema.push({ name: uniqueName(name), type: e.type });
  }
  const aggregates: AggregateCall[] = [];
  for (const item of aggItems) {
    const r = bindAggregateCall(item, scope, ctx, schema, input.schema, uniqueName, keys);
    if (!r) return undefined;
    aggregates.push(...r);
  }
  return { kind: 'Aggregate', input, operator, keys, aggregates, schema, span };
}

function bindAggregateCall(
  item: AggItem,
  scope: RowScope,
  ctx: BindContext,
  schema: Column[],
  inputSchema: Schema,
  uniqueName: (base: string) => string,
  keys: readonly BoundExpr[],
): AggregateCall[] | undefined {
  const def = lookupAggregate(item.agg)!;
  const isArgExtreme = def.name === 'arg_max' || def.name === 'arg_min';
  if (isArgExtreme) {
    // arg_max(e, *) / arg_max(e, c1, c2): the row with the extreme e; output e's column then the returned columns,
    // by-columns not repeated, no max_ prefix (arg-max-aggregation-function.md).
    const [first, ...rest] = item.args;
    if (!first || rest.length === 0) return fail(ctx, item.span, `${def.name}() needs an expression and the columns to return`) as undefined;
    const e = bindExpr(first, scope, ctx);
    if (!e) return undefined;
    const returned: { name: string; expr: BoundExpr }[] = [];
    const keyColumns = new Set(keys.filter((k) => k.kind === 'Column').map((k) => (k as { index: number }).index));
    for (const r of rest) {
      if (r.kind === 'Star') {
        inputSchema.forEach((c, i) => {
          if (!keyColumns.has(i) && !(e.kind === 'Column' && e.index === i)) returned.push({ name: c.name, expr: colRef(c, i, r.span) });
        });
      } else if (r.kind === 'NamedArg') {
        const b = bindExpr(r.value, scope, ctx);
        if (!b) return undefined;
        returned.push({ name: r.name.name, expr: b });
      } else {
        const b = bindExpr(r, scope, ctx);
        if (!b) return undefined;
        returned.push({ name: defaultColumnName(r) ?? `Column${returned.length + 1}`, expr: b });
      }
    }
    const r = def.resolve([e.type, ...returned.map((x) => x.expr.type)], { constant: () => undefined });
    if (typeof r === 'string') {
      ctx.diagnostics.push(diagnostic('bind-wrong-type', first.span, { what: `'${def.name}'`, expected: r, got: e.type }));
      return undefined;
    }
    if ('notSupported' in r) return notSupported(ctx, item.span, r.notSupported);
    const firstName = item.name ?? defaultColumnName(first) ?? `${def.name}_`;
    const out: AggregateCall[] = [];
    // One aggregate per output column; all share the comparison on e (impl receives [e, value]).
    out.push({ name: def.name, impl: r.impl, args: [e, e], type: e.type, span: item.span });
    schema.push({ name: uniqueName(firstName), type: e.type });
    for (const x of returned) {
      out.push({ name: def.name, impl: r.impl, args: [e, x.expr], type: x.expr.type, span: item.span });
      schema.push({ name: uniqueName(x.name), type: x.expr.type });
    }
    return out;
  }
  if (def.name === 'take_any' && (item.args.length > 1 || item.args[0]?.kind === 'Star')) {
    // take_any(a, b) / take_any(*): one arbitrary row (here the group's first), one column per value
    // (take-any-aggregation-function.md); by-columns are not repeated.
    const keyColumns = new Set(keys.filter((k) => k.kind === 'Column').map((k) => (k as { index: number }).index));
    const out: AggregateCall[] = [];
    for (const a of item.args) {
      const cols: { name: string; expr: BoundExpr }[] = [];
      if (a.kind === 'Star') {
        inputSchema.forEach((c, i) => {
          if (!keyColumns.has(i)) cols.push({ name: c.name, expr: colRef(c, i, a.span) });
        });
      } else {
        const b = bindExpr(a, scope, ctx);
        if (!b) return undefined;
        cols.push({ name: defaultColumnName(a) ?? `any_arg${out.length}`, expr: b });
      }
      for (const c of cols) {
        out.push({ name: 'take_any', impl: FIRST_ROW, args: [c.expr], type: c.expr.type, span: item.span });
        schema.push({ name: uniqueName(c.name), type: c.expr.type });
      }
    }
    return out;
  }
  if (item.args.length < def.minArgs || item.args.length > def.maxArgs) {
    const expected = def.minArgs === def.maxArgs ? `${def.minArgs}` : `${def.minArgs} to ${def.maxArgs}`;
    ctx.diagnostics.push(diagnostic('bind-wrong-arity', item.span, { name: item.agg, expected, got: item.args.length }));
    return undefined;
  }
  const args: BoundExpr[] = [];
  for (const a of item.args) {
    if (a.kind === 'Star') continue;
    const b = bindExpr(a, scope, ctx);
    if (!b) return undefined;
    args.push(b);
  }
  const r = def.resolve(
    args.map((a) => a.type),
    { constant: (i) => (args[i]?.kind === 'Literal' ? { value: (args[i] as Literal).value } : undefined) },
  );
  if (typeof r === 'string') {
    ctx.diagnostics.push(diagnostic('bind-wrong-type', item.span, { what: `'${item.agg}'`, expected: r, got: args.map((a) => a.type).join(', ') }));
    return undefined;
  }
  if ('notSupported' in r) return notSupported(ctx, item.span, r.notSupported);
  const converted = args.map((a, i) => (r.argTypes?.[i] ? convertTo(a, r.argTypes[i]!) : a));
  // Numeric literal arguments name columns too (percentile(x, 95) → percentile_x_95).
  const argName = (a: A.Expression) =>
    defaultColumnName(a) ?? (a.kind === 'LongLiteral' || a.kind === 'RealLiteral' ? String(a.value) : undefined);
  const name = item.name ?? def.columnName(item.args.map(argName));
  schema.push({ name: uniqueName(name), type: r.returnType });
  return [{ name: def.name, impl: r.impl, args: converted, type: r.returnType, span: item.span }];
}

// ---------------------------------------------------------------------------------------------------------------
// join / lookup

const JOIN_KINDS: Record<string, JoinKind> = {
  innerunique: 'innerunique',
  inner: 'inner',
  leftouter: 'leftouter',
  rightouter: 'rightouter',
  fullouter: 'fullouter',
  leftsemi: 'leftsemi',
  leftanti: 'leftanti',
  anti: 'leftanti',
  leftantisemi: 'leftanti',
  rightsemi: 'rightsemi',
  rightanti: 'rightanti',
  rightantisemi: 'rightanti',
};

function bindJoin(left: Plan, op: A.JoinOp | A.LookupOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  const isLookup = op.kind === 'Lookup';
  let joinKind: JoinKind = isLookup ? 'leftouter' : 'innerunique';
  for (const p of op.params) {
    if (p.name === 'kind') {
      const v = p.value.kind === 'Name' ? p.value.name : undefined;
      const k = v ? JOIN_KINDS[v] : undefined;
      if (!k || (isLookup && k !== 'leftouter' && k !== 'inner')) {
        return fail(ctx, p.value.span, `unknown ${isLookup ? 'lookup' : 'join'} kind '${v ?? '?'}'`);
      }
      joinKind = k;
    } else if (!p.name.startsWith('hint.')) {
      return notSupported(ctx, p.span, `${op.kind.toLowerCase()} parameter '${p.name}'`);
    }
  }
  const right = bindTabular(op.right, lets, ctx);
  if (!right) return undefined;
  const leftKeys: number[] = [];
  const rightKeys: number[] = [];
  const conditions: A.Expression[] = [];
  const flatten = (e: A.Expression) => {
    if (e.kind === 'Binary' && e.op === 'and') {
      flatten(e.left);
      flatten(e.right);
    } else conditions.push(e.kind === 'Paren' ? e.expression : e);
  };
  op.on.forEach(flatten);
  if (conditions.length === 0) return fail(ctx, op.span, `${op.kind.toLowerCase()} needs 'on' conditions`);
  for (const c of conditions) {
    if (c.kind === 'Name') {
      const l = left.schema.findIndex((x) => x.name === c.name);
      const r = right.schema.findIndex((x) => x.name === c.name);
      if (l < 0) return unknownColumn(ctx, c.name, c.span, left.schema);
      if (r < 0) return unknownColumn(ctx, c.name, c.span, right.schema);
      leftKeys.push(l);
      rightKeys.push(r);
    } else if (c.kind === 'Binary' && c.op === '==' && c.left.kind === 'JoinSide' && c.right.kind === 'JoinSide' && c.left.side !== c.right.side) {
      const lside = c.left.side === 'left' ? c.left : c.right;
      const rside = c.left.side === 'left' ? c.right : c.left;
      const l = left.schema.findIndex((x) => x.name === lside.name.name);
      const r = right.schema.findIndex((x) => x.name === rside.name.name);
      if (l < 0) return unknownColumn(ctx, lside.name.name, lside.name.span, left.schema);
      if (r < 0) return unknownColumn(ctx, rside.name.name, rside.name.span, right.schema);
      leftKeys.push(l);
      rightKeys.push(r);
    } else {
      return notSupported(ctx, c.span, 'this join condition (use column names or $left.A == $right.B)');
    }
  }
  for (let i = 0; i < leftKeys.length; i++) {
    const lt = left.schema[leftKeys[i]!]!.type;
    const rt = right.schema[rightKeys[i]!]!.type;
    if (lt !== rt && !(isNumericType(lt) && isNumericType(rt))) {
      return fail(ctx, conditions[i]!.span, `join keys have different types: ${lt} and ${rt}`);
    }
  }
  const output: { side: 'left' | 'right'; index: number }[] = [];
  const schema: Column[] = [];
  const names = new Set<string>();
  const add = (side: 'left' | 'right', index: number, c: Column) => {
    let name = c.name;
    // Right-side names that clash get a numeric suffix: NetworkMessageId1 (kql-lang VisitJoinOperator).
    for (let i = 1; names.has(name); i++) name = `${c.name}${i}`;
    names.add(name);
    output.push({ side, index });
    schema.push({ name, type: c.type });
  };
  if (isLookup) {
    // lookup: left columns, then right columns except the keys (lookup-operator.md).
    left.schema.forEach((c, i) => add('left', i, c));
    right.schema.forEach((c, i) => {
      if (!rightKeys.includes(i)) add('right', i, c);
    });
  } else if (joinKind === 'leftsemi' || joinKind === 'leftanti') {
    left.schema.forEach((c, i) => add('left', i, c));
  } else if (joinKind === 'rightsemi' || joinKind === 'rightanti') {
    right.schema.forEach((c, i) => add('right', i, c));
  } else {
    left.schema.forEach((c, i) => add('left', i, c));
    right.schema.forEach((c, i) => add('right', i, c));
  }
  return {
    kind: 'Join',
    joinKind,
    operator: isLookup ? 'lookup' : 'join',
    left,
    right,
    leftKeys,
    rightKeys,
    output,
    schema,
    span: op.span,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// union (union-operator.md): outer by default; same name with different types → one column per type, `name_type`.

function bindUnion(input: Plan | undefined, op: A.UnionOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  let kind = 'outer';
  let withsource: string | undefined;
  let isfuzzy = false;
  for (const p of op.params) {
    const v = p.value.kind === 'Name' ? p.value.name : p.value.kind === 'BoolLiteral' ? String(p.value.value) : undefined;
    if (p.name === 'kind' && (v === 'outer' || v === 'inner')) kind = v;
    else if (p.name === 'withsource' && v) withsource = v;
    else if (p.name === 'isfuzzy' && (v === 'true' || v === 'false')) isfuzzy = v === 'true';
    else if (!p.name.startsWith('hint.')) return notSupported(ctx, p.span, `union parameter '${p.name}'`);
  }
  const legs: { plan: Plan; name: string }[] = [];
  if (input) legs.push({ plan: input, name: 'union_arg0' });
  for (const t of op.tables) {
    if (t.kind === 'Name' && t.name.includes('*')) {
      const re = new RegExp('^' + t.name.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
      for (const name of ctx.catalog.tableNames().filter((n) => re.test(n)).sort()) {
        legs.push({ plan: { kind: 'Scan', table: name, schema: ctx.catalog.schemaOf(name)!, span: t.span }, name });
      }
      continue;
    }
    let plan: Plan | undefined;
    if (isfuzzy) {
      // isfuzzy=true: a leg that cannot be resolved (missing table) is skipped (union-operator.md).
      const own: BindContext = { ...ctx, diagnostics: [] };
      plan = bindTabular(t, lets, own);
      ctx.materializeCount = own.materializeCount;
      if (!plan) continue;
    } else {
      plan = bindTabular(t, lets, ctx);
      if (!plan) return undefined;
    }
    legs.push({ plan, name: t.kind === 'Name' ? t.name : `union_arg${legs.length}` });
  }
  if (legs.length === 0) return fail(ctx, op.span, 'union has no tables');
  // Column identity = (name, type). A name seen with several types becomes name_type for each.
  const typesByName = new Map<string, ScalarType[]>();
  for (const leg of legs) {
    for (const c of leg.plan.schema) {
      const ts = typesByName.get(c.name) ?? [];
      if (!ts.includes(c.type)) ts.push(c.type);
      typesByName.set(c.name, ts);
    }
  }
  const outCols: { key: string; column: Column; renamed: boolean }[] = [];
  const seen = new Set<string>();
  for (const leg of legs) {
    for (const c of leg.plan.schema) {
      const key = `${c.name}\u0000${c.type}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const multi = typesByName.get(c.name)!.length > 1;
      outCols.push({ key, column: { name: multi ? `${c.name}_${c.type}` : c.name, type: c.type }, renamed: multi });
    }
  }
  // A renamed column that clashes with a real column name gets a numeric suffix (union-operator.md: View_1(x:long),
  // View_2(x:int), View_3(x_long:long) give x_long1, x_int, x_long).
  const taken = new Set(outCols.filter((o) => !o.renamed).map((o) => o.column.name));
  for (const o of outCols) {
    if (!o.renamed) continue;
    let name = o.column.name;
    for (let i = 1; taken.has(name); i++) name = `${o.column.name}${i}`;
    taken.add(name);
    o.column = { ...o.column, name };
  }
  let cols = outCols;
  if (kind === 'inner') cols = outCols.filter((o) => legs.every((l) => l.plan.schema.some((c) => `${c.name}\u0000${c.type}` === o.key)));
  const mapping = legs.map((l) => cols.map((o) => l.plan.schema.findIndex((c) => `${c.name}\u0000${c.type}` === o.key)));
  const schema: Column[] = cols.map((o) => o.column);
  if (withsource) schema.unshift({ name: withsource, type: 'string' });
  return {
    kind: 'Union',
    inputs: legs.map((l) => l.plan),
    mapping,
    sourceNames: withsource ? legs.map((l) => l.name) : undefined,
    schema,
    span: op.span,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// mv-expand (mv-expand-operator.md)

function bindMvExpand(input: Plan, op: A.MvExpandOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  let bagExpansion: 'bag' | 'array' = 'bag';
  let itemIndex: string | undefined;
  for (const p of op.params) {
    const v = p.value.kind === 'Name' ? p.value.name : undefined;
    if ((p.name === 'bagexpansion' || p.name === 'kind') && (v === 'bag' || v === 'array')) bagExpansion = v;
    else if (p.name === 'with_itemindex' && v) itemIndex = v;
    else return notSupported(ctx, p.span, `mv-expand parameter '${p.name}'`);
  }
  let current = input;
  const items: { index: number; toType: ScalarType }[] = [];
  for (const item of op.items) {
    let index: number;
    if (item.expression.kind === 'Name' && !item.name) {
      index = current.schema.findIndex((c) => c.name === (item.expression as A.NameRef).name);
      if (index < 0) return unknownColumn(ctx, (item.expression as A.NameRef).name, item.expression.span, current.schema);
    } else {
      const name = item.name?.name ?? defaultColumnName(item.expression);
      if (!name) return notSupported(ctx, item.span, 'mv-expand of an unnamed expression');
      const ext = bindExtend(current, [{ kind: 'Assignment', names: [{ kind: 'Identifier', name, quoted: false, span: item.span }], expression: item.expression, span: item.span }], lets, ctx, item.span);
      if (!ext) return undefined;
      current = ext;
      index = current.schema.findIndex((c) => c.name === name);
    }
    if (current.schema[index]!.type !== 'dynamic') return fail(ctx, item.expression.span, 'mv-expand expects a dynamic array or bag');
    const toType = item.toType?.type ?? 'dynamic';
    if (toType === 'decimal') return notSupported(ctx, item.span, 'decimal');
    items.push({ index, toType });
  }
  let limit: BoundExpr | undefined;
  if (op.limit) {
    limit = bindExpr(op.limit, { schema: [], lets }, ctx);
    if (!limit) return undefined;
  }
  const schema = current.schema.map((c, i) => {
    const it = items.find((x) => x.index === i);
    return it ? { name: c.name, type: it.toType } : c;
  });
  if (itemIndex) schema.push({ name: itemIndex, type: 'long' });
  return { kind: 'MvExpand', input: current, items, bagExpansion, itemIndex, limit, schema, span: op.span };
}

// ---------------------------------------------------------------------------------------------------------------
// make-series (make-series-operator.md): by-columns, one dynamic array per aggregate, the axis column last.

function bindMakeSeries(input: Plan, op: A.MakeSeriesOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  let nonEmpty = false;
  for (const p of op.params) {
    const v = p.value.kind === 'Name' ? p.value.name : undefined;
    if (p.name === 'kind' && v === 'nonempty') nonEmpty = true;
    else if (!p.name.startsWith('hint.')) return notSupported(ctx, p.span, `make-series parameter '${p.name}'`);
  }
  const scope: RowScope = { schema: input.schema, lets };
  const axis = bindExpr(op.on, scope, ctx);
  const constScope: RowScope = { schema: [], lets };
  const fromAst = op.inRange ? op.inRange.start : op.from;
  const toAst = op.inRange ? op.inRange.stop : op.to;
  const stepAst = op.inRange ? op.inRange.step : op.step;
  if (!stepAst) return fail(ctx, op.span, 'make-series needs a step');
  const from = fromAst ? bindExpr(fromAst, constScope, ctx) : null;
  const to = toAst ? bindExpr(toAst, constScope, ctx) : null;
  const step = bindExpr(stepAst, constScope, ctx);
  if (!axis || from === undefined || to === undefined || !step) return undefined;
  const axisOk = axis.type === 'datetime' || axis.type === 'timespan' ? step.type === 'timespan' : ['int', 'long', 'real'].includes(axis.type) && ['int', 'long', 'real'].includes(step.type);
  if (!axisOk) return fail(ctx, op.on.span, `make-series axis of type ${axis.type} with a step of type ${step.type} is not supported`);
  const schema: Column[] = [];
  const used = new Set<string>();
  const unique = (base: string) => {
    let n = base;
    for (let i = 1; used.has(n); i++) n = `${base}${i}`;
    used.add(n);
    return n;
  };
  const keys: BoundExpr[] = [];
  for (const k of op.by) {
    const e = bindExpr(k.expression, scope, ctx);
    if (!e) return undefined;
    keys.push(e);
    schema.push({ name: unique(k.names[0]?.name ?? defaultColumnName(k.expression) ?? `Column${keys.length}`), type: e.type });
  }
  const aggregates: (AggregateCall & { defaultValue: ScalarValue | null })[] = [];
  for (const a of op.aggregates) {
    const e = a.expression.kind === 'Paren' ? a.expression.expression : a.expression;
    if (e.kind !== 'Call' || !lookupAggregate(e.callee.name)) {
      ctx.diagnostics.push(diagnostic('bind-not-aggregate', a.expression.span, { text: ctx.source.slice(a.expression.span.start, a.expression.span.end) }));
      return undefined;
    }
    const tmp: Column[] = [];
    const calls = bindAggregateCall({ name: a.name?.name, agg: e.callee.name, args: e.args, span: e.span }, scope, ctx, tmp, input.schema, (b) => b, keys);
    if (!calls) return undefined;
    if (calls.length !== 1 || !['int', 'long', 'real', 'bool', 'datetime', 'timespan'].includes(calls[0]!.type)) {
      return notSupported(ctx, e.span, `make-series aggregate ${e.callee.name}()`);
    }
    let defaultValue: ScalarValue | null = calls[0]!.type === 'real' ? 0 : 0n;
    if (calls[0]!.type === 'int') defaultValue = 0;
    if (a.defaultValue) {
      const d = bindExpr(a.defaultValue, constScope, ctx);
      if (!d) return undefined;
      if (d.kind !== 'Literal') return fail(ctx, a.defaultValue.span, 'default= must be a constant');
      // The default fills the aggregate's array, so it takes the aggregate's type (avg default=0 gives 0.0).
      const aggType = calls[0]!.type;
      const c = d.type === aggType || d.value === null ? d : convertTo(d, aggType);
      if (c.kind !== 'Literal') return fail(ctx, a.defaultValue.span, `default= must be a ${aggType} constant`);
      defaultValue = c.value;
    }
    aggregates.push({ ...calls[0]!, defaultValue });
    schema.push({ name: unique(tmp[0]!.name), type: 'dynamic' });
  }
  const axisName = defaultColumnName(op.on) ?? 'Column1';
  schema.push({ name: unique(axisName), type: 'dynamic' });
  const axisType = axis.type;
  return {
    kind: 'MakeSeries',
    input,
    keys,
    aggregates,
    axis,
    from: from ? convertTo(from, axisType === 'int' ? 'long' : axisType) : undefined,
    to: to ? convertTo(to, axisType === 'int' ? 'long' : axisType) : undefined,
    step,
    rangeForm: op.inRange !== undefined,
    nonEmpty,
    schema,
    span: op.span,
  };
}


// ---------------------------------------------------------------------------------------------------------------
// parse (parse-operator.md): see exec/ops/parse.ts for the matching rules.

/** The text shape of each typed parse column when nothing follows it [U: the doc only shows long → \d+]. */
const TYPE_PATTERNS: Partial<Record<ScalarType, string>> = {
  int: '[+-]?\\d+',
  long: '[+-]?\\d+',
  real: '[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?',
  bool: '(?i:true|false)',
  guid: '[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}',
  timespan: '-?(?:\\d+\\.)?\\d+:\\d+(?::\\d+(?:\\.\\d+)?)?',
  datetime: '\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z?)?',
};

const escapeRe2 = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

function bindParse(input: Plan, op: A.ParseOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  let kind = 'simple';
  let flags = '';
  for (const p of op.params) {
    const v = p.value.kind === 'Name' ? p.value.name : p.value.kind === 'StringLiteral' ? p.value.value : undefined;
    if (p.name === 'kind' && (v === 'simple' || v === 'regex' || v === 'relaxed')) kind = v;
    else if (p.name === 'flags' && v !== undefined && /^[imsU]*$/.test(v)) flags = v;
    else return fail(ctx, p.span, `unknown parse parameter ${p.name}=${v ?? '?'}`);
  }
  if (flags && kind !== 'regex') return fail(ctx, op.span, 'flags= is only allowed with kind=regex');
  const source = bindExpr(op.source, { schema: input.schema, lets }, ctx);
  if (!source) return undefined;
  const src = source.type === 'string' ? source : convertTo(source, 'string');
  const greedy = kind === 'regex' && !flags.includes('U');
  const any = greedy ? '.*' : '.*?';
  let pattern = '';
  const columns: { name: string; type: ScalarType }[] = [];
  const parts = op.pattern;
  for (let pi = 0; pi < parts.length; pi++) {
    const part = parts[pi]!;
    if (part.kind === 'StringLiteral') pattern += kind === 'regex' ? `(?:${part.value})` : escapeRe2(part.value);
    else if (part.kind === 'Star') pattern += `(?:${any})`;
    else {
      const type = part.type?.type ?? 'string';
      if (type === 'decimal') return notSupported(ctx, part.span, 'decimal');
      if (columns.some((c) => c.name === part.name.name)) {
        ctx.diagnostics.push(diagnostic('bind-duplicate-column', part.span, { name: part.name.name }));
        return undefined;
      }
      // A column bounded by a following string constant takes anything up to it; a typed column followed by `*`
      // or the end has no delimiter, so it takes its type's shape (the doc's `long` → `\d+` translation). That is
      // why `*` may not follow a string column.
      const next = parts[pi + 1];
      const bounded = next !== undefined && next.kind === 'StringLiteral';
      pattern += `(?P<kqlitec${columns.length}>${bounded || type === 'string' ? any : (TYPE_PATTERNS[type] ?? any)})`;
      columns.push({ name: part.name.name, type });
    }
  }
  // Simple and relaxed patterns match across newlines [U]; regex mode uses the flags it is given.
  const reFlags = kind === 'regex' ? flags.replace('U', '') : 's';
  let regex: RegExp;
  try {
    regex = compileKqlRegex(`^(?:${pattern})$`, reFlags);
  } catch (err) {
    return fail(ctx, op.span, `parse pattern: ${(err as Error).message}`);
  }
  const schema: Column[] = [...input.schema];
  const keep: number[] = input.schema.map((_, i) => i);
  for (const c of columns) {
    const at = schema.findIndex((x) => x.name === c.name);
    if (at >= 0) schema[at] = c;
    else {
      schema.push(c);
      keep.push(-1);
    }
  }
  return { kind: 'Parse', input, source: src, regex, columns, relaxed: kind === 'relaxed', keep, schema, span: op.span };
}

// ---------------------------------------------------------------------------------------------------------------
// evaluate bag_unpack (bag-unpack-plugin.md). With an output schema the columns are those it names (after the
// input's when it starts with `*`); without one, Kusto derives them from the data, so the binder runs the input once
// (BindContext.discover) and takes every top-level slot, sorted by name, typed by its values (mixed → dynamic).

function slotType(values: readonly Dynamic[]): ScalarType {
  let t: ScalarType | undefined;
  for (const v of values) {
    if (v === null) continue;
    const vt: ScalarType =
      typeof v === 'string' ? 'string' : typeof v === 'bigint' ? 'long' : typeof v === 'number' ? 'real' : typeof v === 'boolean' ? 'bool' : 'dynamic';
    if (t === undefined) t = vt;
    else if (t !== vt) return 'dynamic';
  }
  return t ?? 'dynamic';
}

function bindBagUnpack(input: Plan, op: A.EvaluateOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  const args = op.call.args;
  const colArg = args[0];
  if (!colArg || colArg.kind !== 'Name') return fail(ctx, op.call.span, 'bag_unpack() takes the dynamic column to unpack');
  const column = input.schema.findIndex((c) => c.name === colArg.name);
  if (column < 0) return unknownColumn(ctx, colArg.name, colArg.span, input.schema);
  if (input.schema[column]!.type !== 'dynamic') return fail(ctx, colArg.span, `bag_unpack() unpacks a dynamic column, '${colArg.name}' is ${input.schema[column]!.type}`);
  let prefix = '';
  let conflict = 'error';
  let ignored = new Set<string>();
  const constant = (e: A.Expression) => {
    const b = bindExpr(e, { schema: [], lets }, ctx);
    return b && b.kind === 'Literal' ? b : undefined;
  };
  let positional = 0;
  for (const a of args.slice(1)) {
    const name = a.kind === 'NamedArg' ? a.name.name : ['OutputColumnPrefix', 'columnsConflict', 'ignoredProperties'][positional++];
    const value = constant(a.kind === 'NamedArg' ? a.value : a);
    if (!value || !name) return fail(ctx, a.span, 'bag_unpack() options must be constants');
    if (name === 'OutputColumnPrefix' && typeof value.value === 'string') prefix = value.value;
    else if (name === 'columnsConflict' && ['error', 'replace_source', 'keep_source'].includes(value.value as string)) conflict = value.value as string;
    else if (name === 'ignoredProperties' && Array.isArray(value.value)) ignored = new Set((value.value as Dynamic[]).map(String));
    else return fail(ctx, a.span, `bag_unpack() option ${name} has an invalid value`);
  }
  const rest = input.schema.map((_, i) => i).filter((i) => i !== column);
  if (op.schema) {
    const slots = op.schema.columns.map((c) => ({ key: c.name.name, type: c.type.type }));
    if (slots.some((s) => s.type === 'decimal')) return notSupported(ctx, op.schema.span, 'decimal');
    const keep = op.schema.wildcard ? rest.filter((i) => !slots.some((s) => s.key === input.schema[i]!.name)) : [];
    const schema: Column[] = [...keep.map((i) => input.schema[i]!), ...slots.map((s) => ({ name: s.key, type: s.type }))];
    return { kind: 'BagUnpack', input, column, keep, slots, schema, span: op.span };
  }
  if (!ctx.discover) return notSupported(ctx, op.call.callee.span, 'evaluate bag_unpack without an output schema (no data to derive it from)');
  const data = ctx.discover(input);
  const values = new Map<string, Dynamic[]>();
  const source = data.columns[column]!;
  for (let i = 0; i < data.rowCount; i++) {
    const bag = getValue(source, i) as Dynamic;
    if (!isDynamicBag(bag)) continue;
    for (const [k, v] of Object.entries(bag)) {
      if (ignored.has(k)) continue;
      let list = values.get(k);
      if (!list) values.set(k, (list = []));
      list.push(v);
    }
  }
  let keep = rest;
  const slots: { key: string; type: ScalarType; name: string }[] = [];
  for (const key of [...values.keys()].sort()) {
    const name = prefix + key;
    const clash = keep.find((i) => input.schema[i]!.name === name);
    if (clash !== undefined) {
      if (conflict === 'error') {
        return fail(ctx, op.call.span, `bag_unpack(): slot '${key}' clashes with column '${name}' (use columnsConflict='replace_source' or 'keep_source')`);
      }
      if (conflict === 'keep_source') continue;
      keep = keep.filter((i) => i !== clash);
    }
    slots.push({ key, type: slotType(values.get(key)!), name });
  }
  const schema: Column[] = [...keep.map((i) => input.schema[i]!), ...slots.map((s) => ({ name: s.name, type: s.type }))];
  return { kind: 'BagUnpack', input, column, keep, slots: slots.map(({ key, type }) => ({ key, type })), schema, span: op.span };
}

/**
 * Does the plan produce a serialized row set, which window functions (row_number, prev, next, row_cumsum) need?
 * range, sort/order, top and serialize produce one; where, extend, project, take, parse, mv-expand and render keep
 * it (serialize-operator.md).
 */
export function isSerialized(plan: Plan): boolean {
  switch (plan.kind) {
    case 'Range':
    case 'Sort':
    case 'Serialize':
      return true;
    case 'Filter':
    case 'Project':
    case 'Limit':
    case 'Parse':
    case 'MvExpand':
    case 'Render':
    case 'Materialize':
    case 'BagUnpack':
      return isSerialized(plan.input);
    default:
      return false;
  }
}
