// partition (partition-operator.md): the input's rows are split by the value of one column and a subquery runs on
// each part; the result is the union of the subqueries' results (parts in order of first appearance [U]; a null key
// is a part of its own [U]).
//
// - `partition by Col ( Subquery )`: the subquery's source is implicitly the part (a PartitionRows leaf, see
//   subtable.ts), run once per part.
// - `partition by Col { Query }` (legacy strategy only): the query has its own source and sees the part's key as
//   `Col` or `toscalar(Col)`. It is bound once per key, with Col a constant, so binding reads the input's keys
//   through BindContext.discover (as bag_unpack does); the result is the union of those plans.
// - Strategies: `hint.strategy=native|shuffle|legacy` and the other hints (shufflekey, materialized, concurrency,
//   spread, num_partitions…) change no result. The legacy strategy — the default — allows at most 64 parts (the
//   page: "An error will occur if the partition column contains more than 64 distinct values").

import { diagnostic, KqlError } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { concatTables, selectRows, type Table } from '../../tables/table.js';
import { getValue } from '../../tables/vector.js';
import type { ScalarValue } from '../../values/types.js';
import { literal } from '../bind/build.js';
import { unknownColumn } from '../bind/names.js';
import { report } from '../bind/report.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import { CHECK_INTERVAL, type ExecContext } from '../exec/context.js';
import { valueKey } from '../kernels/value-key.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';
import { runOverSubtable, subtableNode, subtableScope, type SubtableNode } from './subtable.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Partition: PartitionNode;
  }
}

export interface PartitionNode extends PlanNodeBase<'Partition'> {
  readonly input: Plan;
  readonly key: number;
  readonly rows: SubtableNode<'PartitionRows'>;
  readonly subquery: Plan;
  /** The legacy strategy's limit on parts (undefined for native and shuffle). */
  readonly maxParts?: number;
}

/** The legacy strategy's documented limit. */
const LEGACY_MAX_PARTS = 64;

/** `toscalar(Col)` → `Col` inside the legacy `{ }` query, where Col is the part's key as a constant. */
function keyAsScalar(e: unknown, key: string): unknown {
  if (Array.isArray(e)) return e.map((x) => keyAsScalar(x, key));
  if (!e || typeof e !== 'object') return e;
  const node = e as { kind?: string; callee?: A.Identifier; args?: A.Expression[] };
  if (node.kind === 'Call' && node.callee?.name === 'toscalar' && node.args?.length === 1) {
    const arg = node.args[0]!.kind === 'Paren' ? (node.args[0] as A.ParenExpr).expression : node.args[0]!;
    if (arg.kind === 'Name' && arg.name === key) return arg;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) out[k] = k === 'span' ? v : keyAsScalar(v, key);
  return out;
}

function bindPartition(input: Plan, op: A.PartitionOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  let strategy = 'legacy';
  for (const p of op.params) {
    const v = p.value.kind === 'Name' ? p.value.name : p.value.kind === 'StringLiteral' ? p.value.value : undefined;
    if (p.name === 'hint.strategy') {
      if (v !== 'native' && v !== 'shuffle' && v !== 'legacy') return report(ctx, 'bind-invalid-option', p.span, { operator: 'partition', name: p.name });
      strategy = v;
    } else if (!p.name.startsWith('hint.')) return report(ctx, 'bind-not-supported', p.span, { name: `partition parameter '${p.name}'` });
  }
  if (op.by.kind !== 'Name') return report(ctx, 'bind-expected-column', op.by.span, { what: 'the partition key' });
  const keyName = op.by.name;
  const key = input.schema.findIndex((c) => c.name === keyName);
  if (key < 0) return unknownColumn(ctx, keyName, op.by.span, input.schema);
  if (op.scope) return report(ctx, 'bind-not-supported', op.scope.span, { name: 'partition … in (…)' });
  const maxParts = strategy === 'legacy' ? LEGACY_MAX_PARTS : undefined;

  if (op.braces) {
    if (strategy !== 'legacy') return report(ctx, 'bind-invalid-option', op.span, { operator: 'partition { } (legacy strategy only)', name: 'hint.strategy' });
    if (!ctx.discover) return report(ctx, 'bind-not-supported', op.span, { name: 'partition { } without data to read its keys from' });
    const data = ctx.discover(input);
    const keys = distinctValues(data, key);
    if (keys.length > LEGACY_MAX_PARTS) return report(ctx, 'runtime-limit', op.by.span, { what: 'partitions of the legacy strategy', limit: LEGACY_MAX_PARTS });
    const query = keyAsScalar(op.subquery, keyName) as A.Expression;
    const type = input.schema[key]!.type;
    const legs: Plan[] = [];
    for (const value of keys) {
      const leg = ctx.bindTabular(query, lets.with(keyName, { kind: 'scalar', expr: literal(type, value, op.by.span) }), ctx);
      if (!leg) return undefined;
      legs.push(leg);
    }
    const schema = legs[0]?.schema ?? [];
    if (legs.length === 0) {
      // No keys: the query is still bound once (for its schema and errors) and contributes no rows.
      const probe = ctx.bindTabular(query, lets.with(keyName, { kind: 'scalar', expr: literal(type, null, op.by.span) }), ctx);
      if (!probe) return undefined;
      return { kind: 'Union', inputs: [], mapping: [], schema: probe.schema, span: op.span };
    }
    return { kind: 'Union', inputs: legs, mapping: legs.map(() => schema.map((_, i) => i)), schema, span: op.span };
  }

  const rows = subtableNode('PartitionRows', input.schema, op.span, 'partition');
  const subquery = ctx.bindTabular(op.subquery, subtableScope(lets, rows), ctx);
  if (!subquery) return undefined;
  return { kind: 'Partition', input, key, rows, subquery, maxParts, schema: subquery.schema, span: op.span };
}

/** The distinct values of a column, in order of first appearance (null included). */
function distinctValues(t: Table, column: number): (ScalarValue | null)[] {
  const seen = new Set<string | number>();
  const out: (ScalarValue | null)[] = [];
  const v = t.columns[column]!;
  for (let i = 0; i < t.rowCount; i++) {
    const x = getValue(v, i) as ScalarValue | null;
    const k = x === null ? '\u0000null' : valueKey(x);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x);
  }
  return out;
}

function runPartition(node: PartitionNode, input: Table, ctx: ExecContext): Table {
  const keys = input.columns[node.key]!;
  const parts = new Map<string | number, number[]>();
  for (let i = 0; i < input.rowCount; i++) {
    const x = getValue(keys, i) as ScalarValue | null;
    const k = x === null ? '\u0000null' : valueKey(x);
    let rows = parts.get(k);
    if (!rows) {
      parts.set(k, (rows = []));
      if (node.maxParts !== undefined && parts.size > node.maxParts) {
        throw new KqlError([diagnostic('runtime-limit', node.span, { what: 'partitions of the legacy strategy (hint.strategy=native or shuffle has no limit)', limit: node.maxParts })], ctx.source);
      }
    }
    rows.push(i);
    if ((i & (CHECK_INTERVAL - 1)) === 0) ctx.check(node.span);
  }
  const results: Table[] = [];
  let total = 0;
  for (const rows of parts.values()) {
    const r = runOverSubtable(ctx, node.rows, selectRows(input, Uint32Array.from(rows)), node.subquery);
    total += r.rowCount;
    ctx.checkRows(total, node.span, 'partition');
    if (r.rowCount > 0) results.push(r);
  }
  return concatTables(node.schema, results);
}

export const binders: OperatorBinders = {
  Partition: (input, op, lets, ctx) => bindPartition(input, op, lets, ctx),
};

export const plans: PlanOperatorsOf<'Partition'> = {
  Partition: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => runPartition(node, ctx.run(node.input), ctx),
    explain: (node) => `Partition by ${node.input.schema[node.key]!.name}${node.maxParts !== undefined ? ' (legacy)' : ''}`,
    serialization: 'loses',
  },
};
