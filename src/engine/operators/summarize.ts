// summarize (summarize-operator.md) and its plan node, named Aggregate, which count and distinct bind to as well.
// Output: the by-columns, then the aggregates. Hash grouping on the key tuple (the one hashing kernel), one
// aggregate state per group and call. Without `by`, exactly one row even on empty input; with `by`, no rows on empty
// input. An item that is an expression over aggregates (`100.0 * countif(p) / count()`) becomes hidden aggregate
// columns plus a projection over the Aggregate's output.

import { diagnostic, didYouMean, KqlError, type Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { makeTable, type Column, type Table } from '../../tables/table.js';
import { getValue, type Vector } from '../../tables/vector.js';
import { vectorWriter } from '../../tables/builder.js';
import type { ScalarValue } from '../../values/types.js';
import { bindAggregateCall, givesSeveralColumns, type AggItem } from '../bind/aggregate-call.js';
import { bindExpr } from '../bind/bind-expr.js';
import { colRef } from '../bind/build.js';
import { defaultColumnName, uniqueNames } from '../bind/names.js';
import type { BindContext, LetScope, RowScope } from '../bind/scope.js';
import { evalVector } from '../exec/compile-expr.js';
import { CHECK_INTERVAL, type ExecContext } from '../exec/context.js';
import { typeRowBytes } from '../exec/memory.js';
import { KQL_AGGREGATE_NAMES } from '../functions/kql-names.js';
import { reader } from '../functions/lift.js';
import { lookupAggregate, lookupScalar } from '../functions/registry.js';
import { keyReader, tupleKey, type ValueKey } from '../kernels/value-key.js';
import type { AggregateCall, BoundExpr } from '../plan/expr.js';
import { explainExpr } from '../plan/explain.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Aggregate: AggregateNode;
  }
}

/** summarize / distinct / count. Output: key columns then aggregates. */
export interface AggregateNode extends PlanNodeBase<'Aggregate'> {
  readonly input: Plan;
  /** The operator it was bound from (summarize, count, distinct), for explain. */
  readonly operator: string;
  readonly keys: readonly BoundExpr[];
  readonly aggregates: readonly AggregateCall[];
}

function notSupported(ctx: BindContext, span: Span, name: string): undefined {
  ctx.diagnostics.push(diagnostic('bind-not-supported', span, { name }));
  return undefined;
}

export function bindSummarize(input: Plan, op: A.SummarizeOp, lets: LetScope, ctx: BindContext, operator = 'summarize'): Plan | undefined {
  const aggs: AggItem[] = [];
  // Items that are expressions over aggregates: their aggregate calls become hidden aggregate columns and the
  // expression is computed by a projection over the aggregate's output.
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
      ctx.diagnostics.push(diagnostic('bind-unknown-function', e.callee.span, { name: e.callee.name }, { notes: didYouMean(e.callee.name, AGGREGATE_HINTS) }));
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
    const extreme = found.find(givesSeveralColumns);
    if (extreme) return notSupported(ctx, extreme.span, `${extreme.agg}() inside an expression`);
    computed.push({ hiddenColumns: found.length, name: a.names[0]?.name, ast: replaced, defaultName: defaultColumnName(a.expression) });
    aggs.push(...found);
  }
  if (computed.length === 0) return bindAggregateNode(input, op.by, aggs, lets, ctx, operator, op.span);
  if (aggs.some(givesSeveralColumns)) {
    return notSupported(ctx, op.span, 'arg_max()/arg_min()/percentiles() together with expressions over aggregates');
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

/**
 * Is this call, inside an expression, an aggregate? A name that is both (hll_merge, merge_tdigest: aggregates of one
 * argument, scalars of 2 to 64) is the aggregate when its argument count fits only the aggregate
 * (`dcount_hll(hll_merge(h))`, using-hll-tdigest.md).
 */
function isAggregateCall(c: A.CallExpr): boolean {
  const scalar = lookupScalar(c.callee.name);
  if (!lookupAggregate(c.callee.name)) return false;
  return !scalar || c.args.length < scalar.minArgs || c.args.length > scalar.maxArgs;
}

/** Replace every aggregate call in an expression (not inside nested tabular expressions). */
function replaceAggregateCalls(e: A.Expression, replace: (c: A.CallExpr) => A.Expression): A.Expression {
  const walk = (x: A.Expression): A.Expression => {
    switch (x.kind) {
      case 'Call':
        if (isAggregateCall(x)) return replace(x);
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

const AGGREGATE_HINTS = ['count', 'countif', 'dcount', 'dcountif', 'sum', 'sumif', 'min', 'max', 'avg', 'make_set', 'make_list', 'make_bag', 'arg_max', 'arg_min', 'take_any'];

/** The Aggregate node: keys from `by`, then each aggregate's columns. */
export function bindAggregateNode(
  input: Plan,
  by: readonly A.Assignment[],
  aggItems: readonly AggItem[],
  lets: LetScope,
  ctx: BindContext,
  operator: string,
  span: Span,
): AggregateNode | undefined {
  const scope: RowScope = { schema: input.schema, lets };
  const keys: BoundExpr[] = [];
  const schema: Column[] = [];
  const uniqueName = uniqueNames();
  for (const k of by) {
    if (k.names.length > 1) return notSupported(ctx, k.span, 'tuple assignment in by');
    const e = bindExpr(k.expression, scope, ctx);
    if (!e) return undefined;
    if (e.type === 'dynamic') {
      ctx.diagnostics.push(diagnostic('bind-dynamic-group-key', k.expression.span, {}));
      return undefined;
    }
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

/** Row → group key: one column's key as is (no string built per row), several columns as a tuple key. */
function groupKeyOf(keyVecs: readonly Vector[]): (i: number) => ValueKey {
  if (keyVecs.length === 1) {
    const key = keyReader(keyVecs[0]!);
    // Null is a group of its own; no other key of one column can equal this tag.
    return (i) => key(i) ?? '\u0001n';
  }
  const readers = keyVecs.map(reader);
  const vals: (ScalarValue | null)[] = new Array(keyVecs.length);
  return (i) => {
    for (let k = 0; k < readers.length; k++) vals[k] = readers[k]!(i);
    return tupleKey(vals);
  };
}

/**
 * An aggregate refusing its input (a sketch that hll_merge or tdigest_merge cannot read) fails the query at the
 * aggregate's call, with the aggregate's own message, like a scalar function (exec/compile-expr.ts).
 */
function aggregateError(call: AggregateCall, err: unknown, ctx: ExecContext): never {
  if (err instanceof KqlError) throw err;
  throw new KqlError([diagnostic('runtime-error', call.span, { function: call.name, message: (err as Error).message })], ctx.source);
}
function addTo(call: AggregateCall, state: unknown, args: readonly (ScalarValue | null)[], ctx: ExecContext): unknown {
  try {
    return call.impl.add(state, args);
  } catch (err) {
    return aggregateError(call, err, ctx);
  }
}
function finishOf(call: AggregateCall, state: unknown, ctx: ExecContext): ScalarValue | null {
  try {
    return call.impl.finish(state);
  } catch (err) {
    return aggregateError(call, err, ctx);
  }
}

function runAggregate(node: AggregateNode, input: Table, ctx: ExecContext): Table {
  const n = input.rowCount;
  const keyVecs = node.keys.map((k) => evalVector(k, input, ctx));
  const argVecs = node.aggregates.map((a) => a.args.map((x) => evalVector(x, input, ctx)));
  const argReaders = argVecs.map((vecs) => vecs.map(reader));
  const argBuffers = argVecs.map((vecs) => new Array<ScalarValue | null>(vecs.length));
  const groups = new Map<ValueKey, number>();
  const firstRows: number[] = [];
  const states: unknown[][] = [];
  const newGroup = (row: number) => {
    firstRows.push(row);
    states.push(node.aggregates.map((a) => a.impl.init()));
    return states.length - 1;
  };
  if (keyVecs.length === 0) newGroup(-1);
  const keyOf = keyVecs.length > 0 ? groupKeyOf(keyVecs) : undefined;
  for (let i = 0; i < n; i++) {
    let g = 0;
    if (keyOf) {
      const key = keyOf(i);
      let found = groups.get(key);
      if (found === undefined) {
        found = newGroup(i);
        groups.set(key, found);
      }
      g = found;
    }
    const st = states[g]!;
    for (let a = 0; a < node.aggregates.length; a++) {
      // One argument buffer per aggregate, refilled per row: aggregates read their arguments, never keep the array.
      const read = argReaders[a]!;
      const args = argBuffers[a]!;
      for (let k = 0; k < read.length; k++) args[k] = read[k]!(i);
      st[a] = addTo(node.aggregates[a]!, st[a], args, ctx);
    }
    if ((i & (CHECK_INTERVAL - 1)) === 0) {
      ctx.check(node.span);
      ctx.checkRows(states.length, node.span, node.operator);
    }
  }
  const g = states.length;
  // The groups are rows this operator produces: limits before the output columns are written.
  ctx.reserve(g, node.schema.reduce((b, c) => b + typeRowBytes(c.type), 0), node.span, node.operator);
  const columns: Vector[] = [];
  // A group's key values are those of its first row.
  node.keys.forEach((_, j) => {
    const w = vectorWriter(node.schema[j]!.type, g);
    for (let r = 0; r < g; r++) w.set(r, getValue(keyVecs[j]!, firstRows[r]!));
    columns.push(w.finish());
  });
  node.aggregates.forEach((a, j) => {
    const w = vectorWriter(node.schema[node.keys.length + j]!.type, g);
    for (let r = 0; r < g; r++) w.set(r, finishOf(a, states[r]![j], ctx));
    columns.push(w.finish());
  });
  return makeTable(node.schema, columns, g);
}

export const binders: OperatorBinders = {
  Summarize: (input, op, lets, ctx) => bindSummarize(input, op, lets, ctx),
};

export const plans: PlanOperatorsOf<'Aggregate'> = {
  Aggregate: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => runAggregate(node, ctx.run(node.input), ctx),
    explain: (node) =>
      `Aggregate(${node.operator}) keys=[${node.keys.map(explainExpr).join(', ')}] aggs=[${node.aggregates.map((a) => `${a.name}(${a.args.map(explainExpr).join(', ')})`).join(', ')}]`,
    serialization: 'loses',
  },
};
