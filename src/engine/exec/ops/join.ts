// join / lookup (join-operator.md and the join-*.md pages). The default kind is innerunique: the left side is
// de-duplicated on the key (first row per key kept) before an inner join. Outer rows without a match get nulls
// ("" for strings). String keys compare case-sensitively. Null keys never match [U].

import { makeTable, type Table } from '../../../tables/table.js';
import { getValue, take } from '../../../tables/vector.js';
import type { JoinNode } from '../../plan/logical.js';
import type { ExecContext } from '../context.js';
import { groupKey } from './aggregate.js';

function keyOf(t: Table, keys: readonly number[], i: number): string | undefined {
  const vals = keys.map((k) => getValue(t.columns[k]!, i));
  if (vals.some((v) => v === null)) return undefined;
  // Numeric keys of int/long/real compare by value: groupKey normalises integers.
  return groupKey(vals);
}

export function runJoin(node: JoinNode, left: Table, right: Table, ctx: ExecContext): Table {
  const rightIndex = new Map<string, number[]>();
  for (let j = 0; j < right.rowCount; j++) {
    const k = keyOf(right, node.rightKeys, j);
    if (k === undefined) continue;
    const list = rightIndex.get(k);
    if (list) list.push(j);
    else rightIndex.set(k, [j]);
  }
  const li: number[] = [];
  const ri: number[] = [];
  const kind = node.joinKind;
  const matchedRight = new Uint8Array(right.rowCount);
  const seenLeftKeys = new Set<string>();
  for (let i = 0; i < left.rowCount; i++) {
    const k = keyOf(left, node.leftKeys, i);
    const matches = k === undefined ? undefined : rightIndex.get(k);
    switch (kind) {
      case 'innerunique':
        if (k === undefined || seenLeftKeys.has(k)) break;
        seenLeftKeys.add(k);
        for (const j of matches ?? []) {
          li.push(i);
          ri.push(j);
        }
        break;
      case 'inner':
        for (const j of matches ?? []) {
          li.push(i);
          ri.push(j);
        }
        break;
      case 'leftouter':
      case 'fullouter':
        if (matches && matches.length > 0) {
          for (const j of matches) {
            li.push(i);
            ri.push(j);
            matchedRight[j] = 1;
          }
        } else {
          li.push(i);
          ri.push(-1);
        }
        break;
      case 'rightouter':
        for (const j of matches ?? []) {
          li.push(i);
          ri.push(j);
          matchedRight[j] = 1;
        }
        break;
      case 'leftsemi':
        if (matches && matches.length > 0) li.push(i);
        break;
      case 'leftanti':
        if (!matches || matches.length === 0) li.push(i);
        break;
      case 'rightsemi':
      case 'rightanti':
        for (const j of matches ?? []) matchedRight[j] = 1;
        break;
    }
    if (li.length > 0 && (i & 0x3fff) === 0) {
      ctx.checkRows(li.length, node.span, node.operator);
      ctx.check(node.span);
    }
  }
  if (kind === 'rightouter' || kind === 'fullouter') {
    for (let j = 0; j < right.rowCount; j++) {
      if (!matchedRight[j]) {
        li.push(-1);
        ri.push(j);
      }
    }
  }
  if (kind === 'rightsemi' || kind === 'rightanti') {
    for (let j = 0; j < right.rowCount; j++) if ((matchedRight[j] === 1) === (kind === 'rightsemi')) ri.push(j);
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
