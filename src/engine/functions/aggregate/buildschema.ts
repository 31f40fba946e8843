// buildschema (buildschema-aggregation-function.md): the minimal schema that admits every dynamic value of the
// group. From the page's example and its breakdown:
// - a property bag is a bag of its keys' schemas, an array is {"`indexer`": the schema of its elements};
// - a scalar is its type name: long for integers, double for other numbers, string (and bool for booleans [U]);
// - where several kinds meet, the schema is the array of the alternatives ("x": ["long","string"],
//   "y": ["double", {"w": "string"}]); one alternative stands alone ("t": {"`indexer`": "string"});
// - bags merge key by key and arrays merge their element schemas.
// Alternatives and keys keep the order in which they first appear [U]. Nulls (a null value, a null element) add
// nothing (a key seen only with nulls is left out); an empty array's element schema is null [U]; a group without
// values gives null [U].

import type { Dynamic, DynamicBag } from '../../../values/types.js';
import { isDynamicArray, isDynamicBag } from '../../../values/types.js';
import type { AggregateFunctionDef } from '../types.js';
import { impl, suffixName } from './helpers.js';

/** The schema of the values seen so far at one position: its alternatives in order of first appearance. */
interface Schema {
  /** 'bag' and 'array' mark where those alternatives appeared among the scalar type names. */
  readonly order: string[];
  bag?: Map<string, Schema>;
  elements?: Schema;
}

const newSchema = (): Schema => ({ order: [] });

function note(s: Schema, kind: string) {
  if (!s.order.includes(kind)) s.order.push(kind);
}

function scalarTypeName(v: Dynamic): string {
  // Dynamic integers are bigints (values/types.ts); a number in a dynamic value is a real, even 3.0.
  if (typeof v === 'bigint') return 'long';
  if (typeof v === 'number') return 'double';
  if (typeof v === 'boolean') return 'bool';
  return 'string';
}

function add(s: Schema, v: Dynamic) {
  if (v === null) return;
  if (isDynamicArray(v)) {
    note(s, 'array');
    s.elements ??= newSchema();
    for (const x of v) add(s.elements, x);
  } else if (isDynamicBag(v)) {
    note(s, 'bag');
    s.bag ??= new Map();
    for (const [k, x] of Object.entries(v as DynamicBag)) {
      let child = s.bag.get(k);
      if (!child) s.bag.set(k, (child = newSchema()));
      add(child, x);
    }
  } else note(s, scalarTypeName(v));
}

function render(s: Schema): Dynamic {
  const alternatives: Dynamic[] = s.order.map((kind) => {
    if (kind === 'bag') {
      const out: Record<string, Dynamic> = Object.create(null);
      for (const [k, child] of s.bag!) {
        // A key seen only with null values adds nothing [U].
        const r = render(child);
        if (r !== null) out[k] = r;
      }
      return Object.freeze(out);
    }
    if (kind === 'array') return Object.freeze({ '`indexer`': render(s.elements!) });
    return kind;
  });
  if (alternatives.length === 0) return null;
  return alternatives.length === 1 ? alternatives[0]! : Object.freeze(alternatives);
}

const buildschemaDef: AggregateFunctionDef = {
  kind: 'aggregate',
  name: 'buildschema',
  signature: 'buildschema(dynamic) → dynamic',
  minArgs: 1,
  maxArgs: 1,
  columnName: suffixName('schema'),
  docs: 'buildschema-aggregation-function',
  doc: 'The minimal schema admitting every dynamic value of the group (types of keys, `indexer` for array elements).',
  example: 'datatable(v: dynamic)[dynamic({"x": 1}), dynamic({"x": "a"})] | summarize buildschema(v)',
  // Microsoft's analyser: "The expression must be a dynamic bag".
  resolve: ([t]) =>
    t !== 'dynamic'
      ? { arg: 0, expected: 'a dynamic value', got: t! }
      : {
          returnType: 'dynamic',
          impl: impl(
            newSchema,
            (s: Schema, [v]) => {
              add(s, (v ?? null) as Dynamic);
              return s;
            },
            render,
          ),
        },
};

export const buildschemaAggregates: readonly AggregateFunctionDef[] = [buildschemaDef];
