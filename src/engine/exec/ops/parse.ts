// parse (parse-operator.md): the pattern becomes one regular expression matched against the whole string.
// simple/relaxed: string constants are literal text, `*` and columns match lazily; regex: string constants are
// regex text, `*` and columns match greedily (as the doc's greedy example output shows; flag U makes them lazy).
// A string that does not match gives null in every extracted column ("" for strings). A captured value that does
// not convert to its column type makes the whole row's columns null (simple, regex) or only that column (relaxed).

import { makeTable, type Table } from '../../../tables/table.js';
import { getValue, type Vector } from '../../../tables/vector.js';
import { vectorWriter } from '../../../tables/builder.js';
import type { ScalarType, ScalarValue } from '../../../values/types.js';
import { parseDatetime } from '../../../values/datetime.js';
import { parseTimespan } from '../../../values/timespan.js';
import { parseJson } from '../../../values/dynamic.js';
import { parseGuidText, parseRealText } from '../../../values/convert.js';
import type { ParseNode } from '../../plan/logical.js';
import type { ExecContext } from '../context.js';
import { evalExpr } from '../compile-expr.js';
import { toVector } from './aggregate.js';

/** Strict text → typed value; undefined when the text is not a value of the type. */
export function parseTyped(text: string, type: ScalarType): ScalarValue | null | undefined {
  switch (type) {
    case 'string':
      return text;
    case 'int':
    case 'long': {
      const t = text.trim();
      if (!/^[+-]?\d+$/.test(t)) return undefined;
      const v = BigInt(t);
      if (type === 'int') return v >= -2147483648n && v <= 2147483647n ? Number(v) : undefined;
      return BigInt.asIntN(64, v) === v ? v : undefined;
    }
    case 'real':
      return parseRealText(text.trim()) ?? undefined;
    case 'bool': {
      const t = text.trim().toLowerCase();
      return t === 'true' ? true : t === 'false' ? false : undefined;
    }
    case 'datetime':
      return parseDatetime(text.trim()) ?? undefined;
    case 'timespan':
      return parseTimespan(text.trim()) ?? undefined;
    case 'guid':
      return parseGuidText(text.trim()) ?? undefined;
    case 'dynamic':
      return parseJson(text);
    case 'decimal':
      return undefined;
  }
}

export function runParse(node: ParseNode, input: Table, ctx: ExecContext): Table {
  const n = input.rowCount;
  const source = toVector(evalExpr(node.source, input, ctx), n);
  const re = node.regex;
  const cols = node.columns;
  const writers = cols.map((c) => vectorWriter(c.type, n));
  const cache = new Map<string, (ScalarValue | null)[]>();
  const nulls = cols.map((c) => (c.type === 'string' ? '' : null));
  const parseOne = (s: string): (ScalarValue | null)[] => {
    const m = re.exec(s);
    if (!m) return nulls;
    const out: (ScalarValue | null)[] = [];
    for (let k = 0; k < cols.length; k++) {
      const text = m.groups?.[`kqlitec${k}`] ?? '';
      const v = parseTyped(text, cols[k]!.type);
      if (v === undefined) {
        if (!node.relaxed) return nulls;
        out.push(cols[k]!.type === 'string' ? '' : null);
      } else out.push(v);
    }
    return out;
  };
  for (let i = 0; i < n; i++) {
    const s = getValue(source, i) as string;
    let vals = cache.get(s);
    if (!vals) {
      vals = parseOne(s);
      if (cache.size < 100_000) cache.set(s, vals);
    }
    for (let k = 0; k < cols.length; k++) writers[k]!.set(i, vals[k]!);
  }
  const added = writers.map((w) => w.finish());
  const columns: Vector[] = [];
  node.schema.forEach((c, j) => {
    const k = cols.findIndex((x) => x.name === c.name);
    columns.push(k >= 0 ? added[k]! : input.columns[node.keep[j]!]!);
  });
  return makeTable(node.schema, columns, n);
}
