// join (join-operator.md and the join-*.md pages) and its plan node, which lookup binds to as well. The default
// kind is innerunique: the left side is de-duplicated on the key (first row per key kept) before an inner join.
// Outer rows without a match get nulls ("" for strings). Keys hash through the one hashing kernel, so string keys
// compare case-sensitively and int/long/real keys by value. Null keys never match [U]. The hash table is built on
// the smaller side; output order is left order, then right order within a left row.

import { diagnostic, didYouMean, type Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { makeTable, type Column, type Table } from '../../tables/table.js';
import { getValue, take } from '../../tables/vector.js';
import type { ScalarType, ScalarValue } from '../../values/types.js';
import { unknownColumn } from '../bind/names.js';
import { report } from '../bind/report.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import type { ExecContext } from '../exec/context.js';
import { keyReader, tupleKey, type ValueKey } from '../kernels/value-key.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Join: JoinNode;
  }
}

export type JoinKind = 'innerunique' | 'inner' | 'leftouter' | 'rightouter' | 'fullouter' | 'leftsemi' | 'leftanti' | 'rightsemi' | 'rightanti';

export interface JoinNode extends PlanNodeBase<'Join'> {
  readonly joinKind: JoinKind;
  /** 'join' or 'lookup' (lookup keeps one copy of the keys). */
  readonly operator: 'join' | 'lookup';
  readonly left: Plan;
  readonly right: Plan;
  readonly leftKeys: readonly number[];
  readonly rightKeys: readonly number[];
  /** For each output column: which side and column index it comes from. */
  readonly output: readonly { readonly side: 'left' | 'right'; readonly index: number }[];
}

function notSupported(ctx: BindContext, span: Span, name: string): undefined {
  ctx.diagnostics.push(diagnostic('bind-not-supported', span, { name }));
  return undefined;
}

const isNumericType = (t: ScalarType) => t === 'int' || t === 'long' || t === 'real';

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

/** join and lookup: the kind, the right side, the key columns, the output columns. */
export function bindJoin(left: Plan, op: A.JoinOp | A.LookupOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  const isLookup = op.kind === 'Lookup';
  let joinKind: JoinKind = isLookup ? 'leftouter' : 'innerunique';
  for (const p of op.params) {
    if (p.name === 'kind') {
      const v = p.value.kind === 'Name' ? p.value.name : undefined;
      const k = v ? JOIN_KINDS[v] : undefined;
      if (!k || (isLookup && k !== 'leftouter' && k !== 'inner')) {
        return report(ctx, 'bind-unknown-kind', p.value.span, { operator: isLookup ? 'lookup' : 'join', kind: v ?? '?' }, didYouMean(v ?? '', isLookup ? ['leftouter', 'inner'] : Object.keys(JOIN_KINDS)));
      }
      joinKind = k;
    } else if (!p.name.startsWith('hint.')) {
      return notSupported(ctx, p.span, `${op.kind.toLowerCase()} parameter '${p.name}'`);
    }
  }
  const right = ctx.bindTabular(op.right, lets, ctx);
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
  if (conditions.length === 0) return report(ctx, 'bind-join-no-condition', op.span, { operator: op.kind.toLowerCase() });
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
      return report(ctx, 'bind-join-key-types', conditions[i]!.span, { left: lt, right: rt });
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

/** Row i → join key, undefined for a null key; one key column is read per type (keyReader), several as a tuple. */
function keyFunction(t: Table, keys: readonly number[]): (i: number) => ValueKey | undefined {
  if (keys.length === 1) return keyReader(t.columns[keys[0]!]!);
  const cols = keys.map((k) => t.columns[k]!);
  const vals: (ScalarValue | null)[] = new Array(cols.length);
  return (i) => {
    for (let k = 0; k < cols.length; k++) {
      const v = getValue(cols[k]!, i);
      if (v === null) return undefined;
      vals[k] = v;
    }
    return tupleKey(vals);
  };
}

function runJoin(node: JoinNode, left: Table, right: Table, ctx: ExecContext): Table {
  const leftKey = keyFunction(left, node.leftKeys);
  const rightKey = keyFunction(right, node.rightKeys);
  const kind = node.joinKind;

  // innerunique: only the first left row of each key takes part (join-operator.md).
  let leftRows: number[] | undefined;
  if (kind === 'innerunique') {
    const seen = new Set<ValueKey>();
    leftRows = [];
    for (let i = 0; i < left.rowCount; i++) {
      const k = leftKey(i);
      if (k === undefined || seen.has(k)) continue;
      seen.add(k);
      leftRows.push(i);
    }
  }
  const leftCount = leftRows ? leftRows.length : left.rowCount;
  const leftAt = (x: number) => (leftRows ? leftRows[x]! : x);

  // All matching (left, right) pairs, in left order then right order. The hash table is built on the smaller side
  // and the other side streams past it.
  const pairLeft: number[] = [];
  const pairRight: number[] = [];
  if (leftCount <= right.rowCount) {
    const index = new Map<ValueKey, number[]>();
    for (let x = 0; x < leftCount; x++) {
      const i = leftAt(x);
      const k = leftKey(i);
      if (k === undefined) continue;
      const list = index.get(k);
      if (list) list.push(i);
      else index.set(k, [i]);
    }
    const found: number[] = [];
    const foundRight: number[] = [];
    for (let j = 0; j < right.rowCount; j++) {
      const k = rightKey(j);
      const list = k === undefined ? undefined : index.get(k);
      if (!list) continue;
      for (const i of list) {
        found.push(i);
        foundRight.push(j);
      }
      if ((j & 0xffff) === 0) {
        ctx.checkRows(found.length, node.span, node.operator);
        ctx.check(node.span);
      }
    }
    // Counting sort by left row keeps right order within each left row.
    const counts = new Int32Array(left.rowCount + 1);
    for (const i of found) counts[i + 1]!++;
    for (let i = 0; i < left.rowCount; i++) counts[i + 1]! += counts[i]!;
    const orderLeft = new Int32Array(found.length);
    const orderRight = new Int32Array(found.length);
    const next = counts.slice(0, left.rowCount);
    for (let p = 0; p < found.length; p++) {
      const at = next[found[p]!]!++;
      orderLeft[at] = found[p]!;
      orderRight[at] = foundRight[p]!;
    }
    for (let p = 0; p < found.length; p++) {
      pairLeft.push(orderLeft[p]!);
      pairRight.push(orderRight[p]!);
    }
  } else {
    const index = new Map<ValueKey, number[]>();
    for (let j = 0; j < right.rowCount; j++) {
      const k = rightKey(j);
      if (k === undefined) continue;
      const list = index.get(k);
      if (list) list.push(j);
      else index.set(k, [j]);
    }
    for (let x = 0; x < leftCount; x++) {
      const i = leftAt(x);
      const k = leftKey(i);
      const list = k === undefined ? undefined : index.get(k);
      if (!list) continue;
      for (const j of list) {
        pairLeft.push(i);
        pairRight.push(j);
      }
      if ((x & 0xffff) === 0) {
        ctx.checkRows(pairLeft.length, node.span, node.operator);
        ctx.check(node.span);
      }
    }
  }
  ctx.checkRows(pairLeft.length, node.span, node.operator);

  const li: number[] = [];
  const ri: number[] = [];
  const matchedRight = new Uint8Array(right.rowCount);
  for (const j of pairRight) matchedRight[j] = 1;
  switch (kind) {
    case 'innerunique':
    case 'inner':
    case 'rightouter':
      // (no spread: pair lists can exceed the engine's argument limit)
      for (let p = 0; p < pairLeft.length; p++) {
        li.push(pairLeft[p]!);
        ri.push(pairRight[p]!);
      }
      break;
    case 'leftouter':
    case 'fullouter':
    case 'leftsemi':
    case 'leftanti': {
      // Walk the left rows in order; p walks the pairs, which are in left order.
      let p = 0;
      for (let i = 0; i < left.rowCount; i++) {
        const start = p;
        while (p < pairLeft.length && pairLeft[p] === i) p++;
        const matched = p > start;
        if (kind === 'leftsemi') {
          if (matched) li.push(i);
        } else if (kind === 'leftanti') {
          if (!matched) li.push(i);
        } else if (matched) {
          for (let q = start; q < p; q++) {
            li.push(i);
            ri.push(pairRight[q]!);
          }
        } else {
          li.push(i);
          ri.push(-1);
        }
      }
      break;
    }
    case 'rightsemi':
    case 'rightanti':
      for (let j = 0; j < right.rowCount; j++) if ((matchedRight[j] === 1) === (kind === 'rightsemi')) ri.push(j);
      break;
  }
  if (kind === 'rightouter' || kind === 'fullouter') {
    for (let j = 0; j < right.rowCount; j++) {
      if (!matchedRight[j]) {
        li.push(-1);
        ri.push(j);
      }
    }
  }
  const n = kind === 'rightsemi' || kind === 'rightanti' ? ri.length : li.length;
  ctx.checkRows(n, node.span, node.operator);
  const leftIdx = Int32Array.from(li);
  const rightIdx = Int32Array.from(ri);
  const columns = node.output.map((o) =>
    o.side === 'left' ? take(left.columns[o.index]!, leftIdx) : take(right.columns[o.index]!, rightIdx),
  );
  return makeTable(node.schema, columns, n);
}

export const binders: OperatorBinders = {
  Join: (input, op, lets, ctx) => bindJoin(input, op, lets, ctx),
};

export const plans: PlanOperatorsOf<'Join'> = {
  Join: {
    inputs: (node) => [node.left, node.right],
    execute: (node, ctx) => runJoin(node, ctx.run(node.left), ctx.run(node.right), ctx),
    explain: (node) =>
      `Join(${node.operator} kind=${node.joinKind}) on ${node.leftKeys.map((l, i) => `${node.left.schema[l]!.name}==${node.right.schema[node.rightKeys[i]!]!.name}`).join(', ')}`,
    serialization: 'loses',
  },
};
