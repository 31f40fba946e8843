// join (join-operator.md and the join-*.md pages) and its plan node, which lookup binds to as well. The default
// kind is innerunique: the left side is de-duplicated on the key (first row per key kept) before an inner join.
// Outer rows without a match get nulls ("" for strings). Keys hash through the one hashing kernel, so string keys
// compare case-sensitively and int/long/real keys by value. A null key matches a null key of the other side (real
// engine, recorded answers: inner, outer and lookup pair a null-keyed row with a null-keyed row; the docs are
// silent), and innerunique keeps the first null-keyed left row like any other key. The hash table is built on
// the smaller side; output order is left order, then right order within a left row. The output's size is counted
// before anything is built (runJoin), so the row limit and memory budget stop a runaway join at once.

import { diagnostic, didYouMean, type Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { makeTable, type Column, type Table } from '../../tables/table.js';
import { getValue, take, type Vector } from '../../tables/vector.js';
import type { ScalarType, ScalarValue } from '../../values/types.js';
import { unknownColumn } from '../bind/names.js';
import { report } from '../bind/report.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import { CHECK_INTERVAL, type ExecContext } from '../exec/context.js';
import { gatherRowBytes } from '../exec/memory.js';
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

/** The key of a null value: never a string key (string keys are never null), a number or a tagged key. */
const NULL_KEY = '\u0000null';

/** Row i → join key (nulls are one key of their own); one key column is read per type (keyReader), several as a
 * tuple (tupleKey keys nulls). */
function keyFunction(t: Table, keys: readonly number[]): (i: number) => ValueKey {
  if (keys.length === 1) {
    const read = keyReader(t.columns[keys[0]!]!);
    return (i) => read(i) ?? NULL_KEY;
  }
  const cols = keys.map((k) => t.columns[k]!);
  const vals: (ScalarValue | null)[] = new Array(cols.length);
  return (i) => {
    for (let k = 0; k < cols.length; k++) vals[k] = getValue(cols[k]!, i);
    return tupleKey(vals);
  };
}

/**
 * Executes a join without building anything before its size is known. Each row of both sides gets a group id (one
 * per distinct key of the smaller side, which alone is hashed; -1 for no match), the rows per group
 * are counted, and so the number of output rows is known before a single pair is built: the row limit and the
 * memory budget are checked first (a 20k × 20k join on one key stops at once, 400M pairs never exist). Semi and
 * anti joins never build pairs at all. Pairs are then written in left order, right order within a left row.
 */
function runJoin(node: JoinNode, left: Table, right: Table, ctx: ExecContext): Table {
  const kind = node.joinKind;
  const span = node.span;
  const leftGroup = new Int32Array(left.rowCount).fill(-1);
  const rightGroup = new Int32Array(right.rowCount).fill(-1);
  const groups = assignGroups(node, left, right, leftGroup, rightGroup, ctx);
  // Rows per group on each side (innerunique: the first left row of each key only, marked in assignGroups).
  const leftPerGroup = new Int32Array(groups);
  const rightPerGroup = new Int32Array(groups);
  for (let i = 0; i < left.rowCount; i++) if (leftGroup[i]! >= 0) leftPerGroup[leftGroup[i]!]!++;
  for (let j = 0; j < right.rowCount; j++) if (rightGroup[j]! >= 0) rightPerGroup[rightGroup[j]!]!++;

  if (kind === 'leftsemi' || kind === 'leftanti' || kind === 'rightsemi' || kind === 'rightanti') {
    const leftSide = kind === 'leftsemi' || kind === 'leftanti';
    const rows = leftSide ? left.rowCount : right.rowCount;
    const group = leftSide ? leftGroup : rightGroup;
    const otherPerGroup = leftSide ? rightPerGroup : leftPerGroup;
    const semi = kind === 'leftsemi' || kind === 'rightsemi';
    let n = 0;
    for (let r = 0; r < rows; r++) if ((group[r]! >= 0 && otherPerGroup[group[r]!]! > 0) === semi) n++;
    const table = leftSide ? left : right;
    ctx.reserve(n, 4 + gatherRowBytes(node.output.map((o) => table.columns[o.index]!)), span, node.operator);
    const idx = new Int32Array(n);
    for (let r = 0, k = 0; r < rows; r++) if ((group[r]! >= 0 && otherPerGroup[group[r]!]! > 0) === semi) idx[k++] = r;
    return makeTable(node.schema, lazyColumns(node.output.length, (c) => take(table.columns[node.output[c]!.index]!, idx)), n);
  }

  const keepLeft = kind === 'leftouter' || kind === 'fullouter';
  const keepRight = kind === 'rightouter' || kind === 'fullouter';
  // Output rows: the pairs, plus one row per unmatched left row (left/full outer) and per unmatched right row
  // (right/full outer). Counted exactly, as doubles (they may be far beyond 2^31 before the limit says no).
  let total = 0;
  for (let g = 0; g < groups; g++) total += leftPerGroup[g]! * rightPerGroup[g]!;
  let unmatchedRight = 0;
  if (keepLeft) for (let i = 0; i < left.rowCount; i++) if (leftGroup[i]! < 0 || rightPerGroup[leftGroup[i]!] === 0) total++;
  if (keepRight) {
    for (let j = 0; j < right.rowCount; j++) if (rightGroup[j]! < 0 || leftPerGroup[rightGroup[j]!] === 0) unmatchedRight++;
    total += unmatchedRight;
  }
  const outputVectors = node.output.map((o) => (o.side === 'left' ? left : right).columns[o.index]!);
  // 8 bytes of row indices (left and right) per output row; +1 per column for the validity nulls may need.
  ctx.reserve(total, 8 + gatherRowBytes(outputVectors, outputVectors.length), span, node.operator);

  // Right rows grouped by key, in right order (CSR layout: rightStart[g] .. rightStart[g + 1] in rightRows).
  const rightStart = new Int32Array(groups + 1);
  for (let g = 0; g < groups; g++) rightStart[g + 1] = rightStart[g]! + rightPerGroup[g]!;
  const rightRows = new Int32Array(rightStart[groups]!);
  const fill = rightStart.slice(0, groups);
  for (let j = 0; j < right.rowCount; j++) if (rightGroup[j]! >= 0) rightRows[fill[rightGroup[j]!]!++] = j;

  const leftIdx = new Int32Array(total);
  const rightIdx = new Int32Array(total);
  let at = 0;
  let checked = 0;
  for (let i = 0; i < left.rowCount; i++) {
    const g = leftGroup[i]!;
    if (g >= 0 && rightPerGroup[g]! > 0) {
      for (let p = rightStart[g]!, end = rightStart[g + 1]!; p < end; p++, at++) {
        leftIdx[at] = i;
        rightIdx[at] = rightRows[p]!;
      }
    } else if (keepLeft) {
      leftIdx[at] = i;
      rightIdx[at++] = -1;
    }
    if (at - checked >= CHECK_INTERVAL) {
      ctx.check(span);
      checked = at;
    }
  }
  if (keepRight) {
    for (let j = 0; j < right.rowCount; j++) {
      if (rightGroup[j]! < 0 || leftPerGroup[rightGroup[j]!] === 0) {
        leftIdx[at] = -1;
        rightIdx[at++] = j;
      }
    }
  }
  const columns = lazyColumns(node.output.length, (c) => {
    const o = node.output[c]!;
    return o.side === 'left' ? take(left.columns[o.index]!, leftIdx) : take(right.columns[o.index]!, rightIdx);
  });
  return makeTable(node.schema, columns, total);
}

/**
 * Output columns gathered on first access (as filters' selections are, tables/table.ts selectRows): a join of wide
 * tables followed by a narrow project or a count gathers only the columns read. The memory budget was reserved for
 * all of them before the index arrays were built, so the limits hold whatever is read later.
 */
function lazyColumns(count: number, gather: (c: number) => Vector): Vector[] {
  const columns: Vector[] = [];
  for (let c = 0; c < count; c++) {
    Object.defineProperty(columns, c, {
      configurable: true,
      enumerable: true,
      get() {
        const v = gather(c);
        Object.defineProperty(columns, c, { value: v, enumerable: true, configurable: false, writable: false });
        return v;
      },
    });
  }
  return columns;
}

/**
 * Gives every row of both sides its key's group id (-1: a key the other side lacks) and returns the
 * number of groups. Only the smaller side's keys are hashed; the other side looks its keys up. innerunique: only the
 * first left row of each key takes part (join-operator.md), the others get -1.
 */
function assignGroups(node: JoinNode, left: Table, right: Table, leftGroup: Int32Array, rightGroup: Int32Array, ctx: ExecContext): number {
  const leftKey = keyFunction(left, node.leftKeys);
  const rightKey = keyFunction(right, node.rightKeys);
  const unique = node.joinKind === 'innerunique';
  const index = new Map<ValueKey, number>();
  const hashLeft = left.rowCount <= right.rowCount;
  const [small, smallKey, smallGroup, large, largeKey, largeGroup] = hashLeft
    ? [left, leftKey, leftGroup, right, rightKey, rightGroup]
    : [right, rightKey, rightGroup, left, leftKey, leftGroup];
  for (let r = 0; r < small.rowCount; r++) {
    const k = smallKey(r);
    const g = index.get(k);
    if (g === undefined) {
      smallGroup[r] = index.size;
      index.set(k, index.size);
    } else if (!(unique && hashLeft)) smallGroup[r] = g;
    if ((r & 0xffff) === 0) ctx.check(node.span);
  }
  // innerunique with the right side hashed: the first left row per group takes part.
  const seenLeft = unique && !hashLeft ? new Uint8Array(index.size) : undefined;
  for (let r = 0; r < large.rowCount; r++) {
    const g = index.get(largeKey(r));
    if (g !== undefined) {
      if (seenLeft) {
        if (seenLeft[g] === 0) {
          seenLeft[g] = 1;
          largeGroup[r] = g;
        }
      } else largeGroup[r] = g;
    }
    if ((r & 0xffff) === 0) ctx.check(node.span);
  }
  return index.size;
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
