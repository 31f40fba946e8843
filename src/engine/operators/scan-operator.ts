// scan (scan-operator.md): goes over the input row by row and matches rows to steps, with the documented state
// machine ("Scan logic"). (scan.ts is the table scan, the plan's leaf; this is the `| scan` operator.)
//
// State: per step k, empty or one sequence — a record per step s_1..s_k (the input row and its declared columns as
// that step extended it) and the sequence's match id. Each row r is checked against the steps from the last to the
// first:
// - Check 1 (k > 1): the previous step's state is a sequence and r meets Condition_k evaluated with that state →
//   step k's state is dropped, the previous state moves to step k, r extended by step k's assignments becomes its
//   record for s_k and is output (per the step's output mode); Check 2 is skipped.
// - Check 2: step k's state is a sequence (or k is the first step) and r meets Condition_k evaluated with that state
//   → r extended by the assignments replaces s_k's record and is output (per the mode); at the first step with an
//   empty state, a new sequence begins with the next match id (from 0).
// Then r goes on to step k-1. Expressions read r's columns (declared columns at their defaults: assignments extend
// r, they do not read it — the recorded real engine gives v for `cum = cum + v` —, all from the same r) and
// `Step.Column` from the state; a step without a record gives the declared defaults (the page's cumulative sum
// starts from `s1.cumulative_x` = 0) and null for input columns. Output modes: all, none, last (of a series of
// repeated matches of one step on one sequence, only the last record is output, at its own place).
// The output: the input's columns, the declared columns, and the match id column only when with_match_id names it
// (the page's examples; Microsoft's analyser also adds `match_id` without it — see CONTEXT.md). Rows run in their
// current order [U: scan does not check that its input is serialized].

import type * as A from '../../parser/ast.js';
import { makeTable, type Column, type Table } from '../../tables/table.js';
import { getValue, take, vectorFromValues, type Vector } from '../../tables/vector.js';
import type { ScalarType, ScalarValue } from '../../values/types.js';
import { bindExpr } from '../bind/bind-expr.js';
import { convertTo } from '../bind/build.js';
import { unknownColumn } from '../bind/names.js';
import { report } from '../bind/report.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import { evalExpr } from '../exec/compile-expr.js';
import { CHECK_INTERVAL, type ExecContext } from '../exec/context.js';
import type { BoundExpr } from '../plan/expr.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    ScanSteps: ScanStepsNode;
  }
}

interface BoundStep {
  readonly name: string;
  readonly output: 'all' | 'last' | 'none';
  readonly condition: BoundExpr;
  /** Declared column index (0-based among the declared) ← expression. */
  readonly assignments: readonly { readonly column: number; readonly value: BoundExpr }[];
}

export interface ScanStepsNode extends PlanNodeBase<'ScanSteps'> {
  readonly input: Plan;
  readonly declared: readonly { readonly name: string; readonly type: ScalarType; readonly defaultValue: ScalarValue | null }[];
  readonly steps: readonly BoundStep[];
  readonly matchId?: string;
  /**
   * The schema the steps' expressions are bound over: r's columns (input, then declared), then for each step j the
   * same columns as `step_j.column` (state values).
   */
  readonly scope: readonly Column[];
  /** Indices of `scope` that some expression reads. */
  readonly used: readonly number[];
}

/** Internal name of `Step.Column` in the expressions' scope (a column name no user can write unquoted). */
const stateName = (step: string, column: string) => `${step}.${column}`;

/** `Step.Column` and `Step["Column"]` → a reference to the state column (the AST is otherwise unchanged). */
function rewriteStateRefs(e: unknown, steps: ReadonlySet<string>): unknown {
  if (Array.isArray(e)) return e.map((x) => rewriteStateRefs(x, steps));
  if (!e || typeof e !== 'object') return e;
  const node = e as { kind?: string; target?: A.Expression; member?: A.Identifier; index?: A.Expression; span?: A.Span };
  if ((node.kind === 'Member' || node.kind === 'Index') && node.target?.kind === 'Name' && steps.has(node.target.name)) {
    const member = node.kind === 'Member' ? node.member!.name : node.index?.kind === 'StringLiteral' ? node.index.value : undefined;
    if (member !== undefined) return { kind: 'Name', name: stateName(node.target.name, member), quoted: true, span: node.span! } satisfies A.NameRef;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) out[k] = k === 'span' ? v : rewriteStateRefs(v, steps);
  return out;
}

/** Column indices a bound expression reads. */
function columnsRead(e: unknown, out: Set<number>): Set<number> {
  if (Array.isArray(e)) for (const x of e) columnsRead(x, out);
  else if (e && typeof e === 'object') {
    const node = e as { kind?: string; index?: unknown };
    if (node.kind === 'Column' && typeof node.index === 'number') out.add(node.index);
    for (const [k, v] of Object.entries(e)) if (k !== 'span' && typeof v === 'object') columnsRead(v, out);
  }
  return out;
}

const isNumeric = (t: ScalarType) => t === 'int' || t === 'long' || t === 'real';

function bindScan(input: Plan, op: A.ScanOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  let matchId: string | undefined;
  for (const p of op.params) {
    if (p.name === 'with_match_id' && p.value.kind === 'Name') matchId = p.value.name;
    else if (!p.name.startsWith('hint.')) return report(ctx, 'bind-not-supported', p.span, { name: `scan parameter '${p.name}'` });
  }
  if (op.orderBy) return report(ctx, 'bind-not-supported', op.orderBy[0]?.span ?? op.span, { name: 'scan order by' });
  if (op.partitionBy) return report(ctx, 'bind-not-supported', op.partitionBy[0]?.span ?? op.span, { name: 'scan partition by' });

  const declared: { name: string; type: ScalarType; defaultValue: ScalarValue | null }[] = [];
  for (const d of op.declare) {
    if (d.type.kind !== 'ScalarType') return report(ctx, 'bind-wrong-type', d.type.span, { what: 'a scan declaration', expected: 'a scalar type', got: 'a table type' });
    const type = d.type.type;
    if (type === 'decimal') return report(ctx, 'bind-not-supported', d.type.span, { name: 'decimal' });
    if (input.schema.some((c) => c.name === d.name.name) || declared.some((c) => c.name === d.name.name)) {
      return report(ctx, 'bind-duplicate-column', d.name.span, { name: d.name.name });
    }
    let defaultValue: ScalarValue | null = type === 'string' ? '' : null;
    if (d.defaultValue) {
      const b = bindExpr(d.defaultValue, { schema: [], lets }, ctx);
      if (!b) return undefined;
      const c = b.type === type || (isNumeric(b.type) && isNumeric(type)) ? convertTo(b, type) : undefined;
      if (!c || c.kind !== 'Literal') return report(ctx, 'bind-expected-constant', d.defaultValue.span, { what: `the default of ${d.name.name} (a ${type} constant)` });
      defaultValue = c.value;
    }
    declared.push({ name: d.name.name, type, defaultValue });
  }
  const record: Column[] = [...input.schema, ...declared.map((d) => ({ name: d.name, type: d.type }))];
  const stepNames = new Set<string>();
  for (const s of op.steps) {
    if (stepNames.has(s.name.name)) return report(ctx, 'bind-duplicate-column', s.name.span, { name: s.name.name });
    stepNames.add(s.name.name);
  }
  const scope: Column[] = [...record];
  for (const s of op.steps) for (const c of record) scope.push({ name: stateName(s.name.name, c.name), type: c.type });

  const steps: BoundStep[] = [];
  for (const s of op.steps) {
    const condition = bindExpr(rewriteStateRefs(s.condition, stepNames) as A.Expression, { schema: scope, lets }, ctx);
    if (!condition) return undefined;
    if (condition.type !== 'bool') return report(ctx, 'bind-wrong-type', s.condition.span, { what: `the condition of step ${s.name.name}`, expected: 'bool', got: condition.type });
    const assignments: { column: number; value: BoundExpr }[] = [];
    for (const a of s.assignments) {
      const target = a.names[0]!;
      const column = declared.findIndex((d) => d.name === target.name);
      if (column < 0) return unknownColumn(ctx, target.name, target.span, declared.map((d) => ({ name: d.name, type: d.type })));
      const value = bindExpr(rewriteStateRefs(a.expression, stepNames) as A.Expression, { schema: scope, lets }, ctx);
      if (!value) return undefined;
      const type = declared[column]!.type;
      if (value.type !== type && !(isNumeric(value.type) && isNumeric(type))) {
        return report(ctx, 'bind-wrong-type', a.expression.span, { what: `the assignment of ${target.name}`, expected: type, got: value.type });
      }
      assignments.push({ column, value: convertTo(value, type) });
    }
    steps.push({ name: s.name.name, output: s.output ?? 'all', condition, assignments });
  }
  const used = [...columnsRead(steps, new Set())].sort((a, b) => a - b);
  const schema: Column[] = [...record];
  if (matchId !== undefined) {
    if (record.some((c) => c.name === matchId)) return report(ctx, 'bind-duplicate-column', op.span, { name: matchId });
    schema.push({ name: matchId, type: 'long' });
  }
  return { kind: 'ScanSteps', input, declared, steps, matchId, scope, used, schema, span: op.span };
}

/** A row of the input extended by a step: the row's index and its declared columns' values. */
interface ScanRecord {
  readonly row: number;
  readonly declared: readonly (ScalarValue | null)[];
}

interface Sequence {
  /** Index j: the record of step j, or undefined before the sequence reached it. */
  readonly records: (ScanRecord | undefined)[];
  readonly matchId: number;
}

function runScan(node: ScanStepsNode, input: Table, ctx: ExecContext): Table {
  const width = input.schema.length;
  const recordWidth = width + node.declared.length;
  const defaults = node.declared.map((d) => d.defaultValue);
  const nullOf = (type: ScalarType) => (type === 'string' ? '' : null);

  /** The value of a scope column for row i under the sequence `state` (absent: the defaults). */
  const valueAt = (column: number, i: number, state: Sequence | undefined): ScalarValue | null => {
    if (column < width) return getValue(input.columns[column]!, i) as ScalarValue | null;
    if (column < recordWidth) return defaults[column - width]!;
    const step = Math.floor((column - recordWidth) / recordWidth);
    const c = (column - recordWidth) % recordWidth;
    const rec = state?.records[step];
    if (!rec) return c < width ? nullOf(input.schema[c]!.type) : defaults[c - width]!;
    return c < width ? (getValue(input.columns[c]!, rec.row) as ScalarValue | null) : rec.declared[c - width]!;
  };
  /** A one-row table holding the columns the expressions read (the others are never looked at). */
  const rowTable = (i: number, state: Sequence | undefined): Table => {
    const columns: Vector[] = new Array(node.scope.length);
    for (const u of node.used) columns[u] = vectorFromValues(node.scope[u]!.type, [valueAt(u, i, state)]);
    return makeTable(node.scope, columns, 1);
  };
  const evalOne = (e: BoundExpr, t: Table): ScalarValue | null => {
    const v = evalExpr(e, t, ctx);
    return 'length' in v ? (getValue(v, 0) as ScalarValue | null) : (v.value as ScalarValue | null);
  };
  const extend = (step: BoundStep, i: number, t: Table): ScanRecord => {
    const declared = [...defaults];
    for (const a of step.assignments) declared[a.column] = evalOne(a.value, t);
    return { row: i, declared };
  };

  const n = node.steps.length;
  const state: (Sequence | undefined)[] = new Array(n).fill(undefined);
  /** Per step, the output index of the last record of its current series (for output=last), or -1. */
  const lastOut = new Array<number>(n).fill(-1);
  const out: { record: ScanRecord; matchId: number; dropped: boolean }[] = [];
  let nextMatchId = 0;
  const emit = (k: number, record: ScanRecord, matchId: number, sameSeries: boolean) => {
    const mode = node.steps[k]!.output;
    if (mode === 'none') return;
    if (mode === 'last' && sameSeries && lastOut[k]! >= 0) out[lastOut[k]!]!.dropped = true;
    out.push({ record, matchId, dropped: false });
    lastOut[k] = out.length - 1;
  };

  for (let i = 0; i < input.rowCount; i++) {
    for (let k = n - 1; k >= 0; k--) {
      const step = node.steps[k]!;
      const previous = k > 0 ? state[k - 1] : undefined;
      if (previous) {
        const t = rowTable(i, previous);
        if (evalOne(step.condition, t) === true) {
          // Check 1: the previous step's sequence moves on to this step.
          const record = extend(step, i, t);
          previous.records[k] = record;
          state[k] = previous;
          state[k - 1] = undefined;
          lastOut[k - 1] = -1;
          emit(k, record, previous.matchId, false);
          continue;
        }
      }
      const own = state[k];
      if (own || k === 0) {
        const t = rowTable(i, own);
        if (evalOne(step.condition, t) === true) {
          // Check 2: the step matches again within its sequence (or the first step starts a sequence).
          const record = extend(step, i, t);
          if (own) {
            own.records[k] = record;
            emit(k, record, own.matchId, true);
          } else {
            const records = new Array<ScanRecord | undefined>(n).fill(undefined);
            records[0] = record;
            const seq: Sequence = { records, matchId: nextMatchId++ };
            state[0] = seq;
            emit(0, record, seq.matchId, false);
          }
        }
      }
    }
    ctx.checkRows(out.length, node.span, 'scan');
    if ((i & (CHECK_INTERVAL - 1)) === 0) ctx.check(node.span);
  }

  const kept = out.filter((o) => !o.dropped);
  const rows = Int32Array.from(kept, (o) => o.record.row);
  const columns: Vector[] = input.columns.map((c) => take(c, rows));
  node.declared.forEach((d, j) => columns.push(vectorFromValues(d.type, kept.map((o) => o.record.declared[j]!))));
  if (node.matchId !== undefined) columns.push({ type: 'long', length: kept.length, data: BigInt64Array.from(kept, (o) => BigInt(o.matchId)) });
  return makeTable(node.schema, columns, kept.length);
}

export const binders: OperatorBinders = {
  Scan: (input, op, lets, ctx) => bindScan(input, op, lets, ctx),
};

export const plans: PlanOperatorsOf<'ScanSteps'> = {
  ScanSteps: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => runScan(node, ctx.run(node.input), ctx),
    explain: (node) => `ScanSteps ${node.steps.map((s) => s.name).join(', ')}`,
    serialization: 'keeps',
  },
};
