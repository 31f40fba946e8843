// Calls whose arguments are not ordinary scalars, so the binder binds them itself: a tabular argument (toscalar,
// materialize), a column name (column_ifexists), the row's own columns (pack_all), column names as keys
// (bag_pack_columns). Their definitions are data here like every other function's; each one's bind hook is the
// entry of the same name in bind/special-calls.ts (typed by SpecialName, so a special without a hook fails to
// compile).

import type { SpecialFunctionDef } from './types.js';

export const specialFunctions = [
  {
    kind: 'special',
    name: 'toscalar',
    signature: 'toscalar(tabular expression) → the first column\'s type',
    doc: 'The first column of the first row of a tabular expression, evaluated once per query (null when empty).',
    docs: 'toscalar-function',
    example: 'print toscalar(range x from 1 to 5 step 1 | summarize sum(x))',
  },
  {
    kind: 'special',
    name: 'materialize',
    signature: 'materialize(tabular expression) → the same table',
    doc: 'Evaluates a tabular expression once per query and shares the result with every use.',
    docs: 'materialize-function',
    example: 'let T = materialize(range x from 1 to 3 step 1); T | join kind=inner T on x | count',
  },
  {
    kind: 'special',
    name: 'column_ifexists',
    aliases: ['columnifexists'],
    signature: 'column_ifexists(name: string constant, default) → the column\'s or the default\'s type',
    doc: 'The column of that name when the input has it, else the default value.',
    docs: 'column-ifexists-function',
    example: 'print a = 1 | extend b = column_ifexists("a", 0), c = column_ifexists("missing", 0)',
  },
  {
    kind: 'special',
    name: 'pack_all',
    signature: 'pack_all([ignore_null_empty: bool constant]) → dynamic',
    doc: 'A property bag of the input row\'s columns (optionally without null and empty values).',
    docs: 'pack-all-function',
    example: 'print a = 1, b = "x" | extend p = pack_all()',
  },
  {
    kind: 'special',
    name: 'bag_pack_columns',
    signature: 'bag_pack_columns(column, ...) → dynamic',
    doc: 'A property bag of the listed columns, each under its column name.',
    docs: 'bag-pack-columns-function',
    example: 'print Id = "A", Value = "val_a", Other = 1 | extend Packed = bag_pack_columns(Id, Value)',
  },
] as const satisfies readonly SpecialFunctionDef[];

export type SpecialName = (typeof specialFunctions)[number]['name'];
