// summarize (summarize-operator.md) and its plan node, named Aggregate, which count and distinct bind to as well.
// Output: the by-columns, then the aggregates. Grouping: dense group ids over the typed key columns
// (kernels/group-ids.ts, the one hashing's equality, no string per row), then one aggregate state per group and
// call — or, for count and the exact distinct counts, typed counters over the group ids. Without `by`, exactly one row even on empty input; with `by`, no rows on empty
// input. An item that is an expression over aggregates (`100.0 * countif(p) / count()`) becomes hidden aggregate
// columns plus a projection over the Aggregate's output.

import { diagnostic, didYouMean, KqlError, type Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { makeTable, type Column, type Table } from '../../tables/table.js';
import { getValue, take, type Vector } from '../../tables/vector.js';
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
import { columnGroupIds, firstRowOfGroups, PairIndex, tupleGroupIds } from '../kernels/group-ids.js';
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

/** Per-row validity of a vector: undefined when no row is null (strings never are). */
function nullMask(v: Vector): Uint8Array | undefined {
  if (v.type === 'string') return undefined;
  if (v.type === 'guid' || v.type === 'dynamic') {
    let mask: Uint8Array | undefined;
    for (let i = 0; i < v.length; i++) {
      if (getValue(v, i) === null) {
        mask ??= new Uint8Array(v.length).fill(1);
        mask[i] = 0;
      }
    }
    return mask;
  }
  return v.valid;
}

/**
 * dcount / dcountif / count_distinct / count_distinctif over group ids: the distinct (group, value) pairs counted
 * per group, values as dense ids (kernels/group-ids.ts, the same equality as the aggregates' valueKey sets). Null
 * values are not counted; with a predicate, only rows where it is true.
 */
function distinctCounts(groupOf: Int32Array | undefined, groups: number, value: Vector, predicate: Vector | undefined): Float64Array {
  const counts = new Float64Array(groups);
  const valueIds = columnGroupIds(value).ids;
  const valid = nullMask(value);
  const pData = predicate?.type === 'bool' ? predicate.data : undefined;
  const pValid = predicate?.type === 'bool' ? predicate.valid : undefined;
  const pairs = new PairIndex(Math.min(value.length, 1 << 16));
  for (let i = 0; i < value.length; i++) {
    if (valid && valid[i] === 0) continue;
    if (pData && (pData[i] !== 1 || (pValid && pValid[i] === 0))) continue;
    const g = groupOf ? groupOf[i]! : 0;
    const before = pairs.size;
    pairs.id(g, valueIds[i]!);
    if (pairs.size > before) counts[g]!++;
  }
  return counts;
}

/** Aggregates computed over group ids without per-row calls (their results, per group), or undefined. */
function fastAggregate(call: AggregateCall, args: readonly Vector[], groupOf: Int32Array | undefined, groups: number, n: number): ((g: number) => ScalarValue) | undefined {
  switch (call.name) {
    case 'count': {
      // count() counts rows, nulls included, whatever its argument (count.ts): a counter per group.
      const counts = new Float64Array(groups);
      if (groupOf) for (let i = 0; i < n; i++) counts[groupOf[i]!]!++;
      else counts[0] = n;
      return (g) => BigInt(counts[g]!);
    }
    case 'dcount':
    case 'count_distinct': {
      const counts = distinctCounts(groupOf, groups, args[0]!, undefined);
      return (g) => BigInt(counts[g]!);
    }
    case 'dcountif':
    case 'count_distinctif': {
      if (args[1]?.type !== 'bool') return undefined;
      const counts = distinctCounts(groupOf, groups, args[0]!, args[1]);
      return (g) => BigInt(counts[g]!);
    }
    case 'sum':
      return args.length === 1 ? typedSum(args[0]!, groupOf, groups) : undefined;
    default:
      return undefined;
  }
}

const TWO_32 = 4294967296;

/**
 * sum over a typed column, per group: reals added in row order as sum.ts adds them (the same double result);
 * int/long/timespan added as doubles when every partial sum is exact — the sum of all |values| stays below 2^53 —
 * else undefined (the generic BigInt sum, which wraps at 64 bits). Nulls are skipped.
 */
function typedSum(v: Vector, groupOf: Int32Array | undefined, groups: number): ((g: number) => ScalarValue) | undefined {
  const acc = new Float64Array(groups);
  const valid = v.type === 'string' ? undefined : v.valid;
  if (v.type === 'real' || v.type === 'int') {
    const data = v.data;
    let bound = 0;
    for (let i = 0; i < data.length; i++) {
      if (valid && valid[i] === 0) continue;
      const x = data[i]!;
      const g = groupOf ? groupOf[i]! : 0;
      acc[g] = acc[g]! + x;
      bound += Math.abs(x);
    }
    if (v.type === 'real') return (g) => acc[g]!;
    return bound < Number.MAX_SAFE_INTEGER ? (g) => BigInt(acc[g]!) : undefined;
  }
  if (v.type !== 'long' && v.type !== 'timespan') return undefined;
  const halves = new Int32Array(v.data.buffer, v.data.byteOffset, v.length * 2);
  const [HI, LO] = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? [1, 0] : [0, 1];
  let bound = 0;
  for (let i = 0; i < v.length; i++) {
    if (valid && valid[i] === 0) continue;
    const x = halves[2 * i + HI]! * TWO_32 + (halves[2 * i + LO]! >>> 0);
    const g = groupOf ? groupOf[i]! : 0;
    acc[g] = acc[g]! + x;
    bound += Math.abs(x);
  }
  return bound < Number.MAX_SAFE_INTEGER ? (g) => BigInt(acc[g]!) : undefined;
}

function runAggregate(node: AggregateNode, input: Table, ctx: ExecContext): Table {
  const n = input.rowCount;
  const keyVecs = node.keys.map((k) => evalVector(k, input, ctx));
  const argVecs = node.aggregates.map((a) => a.args.map((x) => evalVector(x, input, ctx)));
  // Group ids over the typed key columns (no key string per row); without keys, one group even on empty input.
  let groupOf: Int32Array | undefined;
  let groups = 1;
  let firstRows: Int32Array = Int32Array.of(-1);
  if (keyVecs.length > 0) {
    const g = tupleGroupIds(keyVecs);
    groupOf = g.ids;
    groups = g.count;
    firstRows = firstRowOfGroups(g);
  }
  ctx.check(node.span);
  ctx.checkRows(groups, node.span, node.operator);
  const results: ((g: number) => ScalarValue | null)[] = [];
  for (let a = 0; a < node.aggregates.length; a++) {
    const call = node.aggregates[a]!;
    const fast = fastAggregate(call, argVecs[a]!, groupOf, groups, n);
    if (fast) {
      results.push(fast);
      continue;
    }
    // Any other aggregate: its init/add/finish per group, rows in input order.
    const states: unknown[] = new Array(groups);
    for (let g = 0; g < groups; g++) states[g] = call.impl.init();
    const read = argVecs[a]!.map(reader);
    // One argument buffer, refilled per row: aggregates read their arguments, never keep the array.
    const args = new Array<ScalarValue | null>(read.length);
    for (let i = 0; i < n; i++) {
      const g = groupOf ? groupOf[i]! : 0;
      for (let k = 0; k < read.length; k++) args[k] = read[k]!(i);
      states[g] = addTo(call, states[g], args, ctx);
      if ((i & (CHECK_INTERVAL - 1)) === 0) ctx.check(node.span);
    }
    results.push((g) => finishOf(call, states[g], ctx));
  }
  // The groups are rows this operator produces: limits before the output columns are written.
  ctx.reserve(groups, node.schema.reduce((b, c) => b + typeRowBytes(c.type), 0), node.span, node.operator);
  const columns: Vector[] = [];
  // A group's key values are those of its first row (gathered as the column's own storage: codes stay codes).
  node.keys.forEach((_, j) => {
    const v = keyVecs[j]!;
    if (v.type === node.schema[j]!.type) {
      columns.push(take(v, firstRows));
      return;
    }
    const w = vectorWriter(node.schema[j]!.type, groups);
    for (let r = 0; r < groups; r++) w.set(r, getValue(v, firstRows[r]!));
    columns.push(w.finish());
  });
  results.forEach((finish, j) => {
    const w = vectorWriter(node.schema[node.keys.length + j]!.type, groups);
    for (let r = 0; r < groups; r++) w.set(r, finish(r));
    columns.push(w.finish());
  });
  return makeTable(node.schema, columns, groups);
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
