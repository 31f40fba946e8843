// join / lookup (join-operator.md and the join-*.md pages). The default kind is innerunique: the left side is
// de-duplicated on the key (first row per key kept) before an inner join. Outer rows without a match get nulls
// ("" for strings). String keys compare case-sensitively. Null keys never match [U].

import { makeTable, type Table } from '../../../tables/table.js';
import { getValue, take } from '../../../tables/vector.js';
import type { ScalarValue } from '../../../values/types.js';
import type { JoinNode } from '../../plan/logical.js';
import type { ExecContext } from '../context.js';
import { groupKey } from './aggregate.js';

function keyOf(t: Table, keys: readonly number[], i: number): string | undefined {
  const vals = keys.map((k) => getValue(t.columns[k]!, i));
  if (vals.some((v) => v === null)) return undefined;
  // Numeric keys of int/long/real compare by value: groupKey normalises integers.
  return groupKey(vals);
}

/** Key of one value of a single-column key: strings as themselves (their hash is cached), numbers normalised. */
function singleKey(v: ScalarValue | null): string | number | undefined {
  if (v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'bigint') return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : `n${v}`;
  return groupKey([v]);
}

/** Row i → join key; for one key column, a per-type reader that hashes each dictionary entry only once. */
function keyFunction(t: Table, keys: readonly number[]): (i: number) => string | number | undefined {
  if (keys.length !== 1) return (i) => keyOf(t, keys, i);
  const v = t.columns[keys[0]!]!;
  if (v.type === 'string' && v.codes) {
    const perCode = v.dict!;
    const codes = v.codes;
    return (i) => perCode[codes[i]!];
  }
  return (i) => singleKey(getValue(v, i));
}

export function runJoin(node: JoinNode, left: Table, right: Table, ctx: ExecContext): Table {
  const leftKey = keyFunction(left, node.leftKeys);
  const rightKey = keyFunction(right, node.rightKeys);
  const kind = node.joinKind;

  // innerunique: only the first left row of each key takes part (join-operator.md).
  let leftRows: number[] | undefined;
  if (kind === 'innerunique') {
    const seen = new Set<string | number>();
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
    const index = new Map<string | number, number[]>();
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
    const index = new Map<string | number, number[]>();
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
