// evaluate bag_unpack (bag-unpack-plugin.md): one output column per top-level slot of the unpacked bags; a row
// whose bag lacks a slot (or is not a bag) gets null there. Slot values convert to the column's type.

import { makeTable, type Table } from '../../../tables/table.js';
import { getValue, type Vector } from '../../../tables/vector.js';
import { vectorWriter } from '../../../tables/builder.js';
import { isDynamicBag, type Dynamic } from '../../../values/types.js';
import type { BagUnpackNode } from '../../plan/logical.js';
import { conversionInvoke } from '../../functions/scalar/conversion.js';

export function runBagUnpack(node: BagUnpackNode, input: Table): Table {
  const n = input.rowCount;
  const source = input.columns[node.column]!;
  const columns: Vector[] = node.keep.map((i) => input.columns[i]!);
  for (const slot of node.slots) {
    const w = vectorWriter('dynamic', n);
    for (let i = 0; i < n; i++) {
      const bag = getValue(source, i) as Dynamic;
      const v = isDynamicBag(bag) && Object.prototype.hasOwnProperty.call(bag, slot.key) ? bag[slot.key]! : null;
      w.set(i, v);
    }
    const dyn = w.finish();
    columns.push(slot.type === 'dynamic' ? dyn : (conversionInvoke('dynamic', slot.type)([dyn], n) as Vector));
  }
  return makeTable(node.schema, columns, n);
}
