// The name of an unnamed `f(x)` column (resultName in a definition) equals Microsoft's analyser's, for every scalar
// function: each definition's example `print f(a, ...)` becomes `print c = a | project f(c, ...)`, whose column is
// `c`, a prefixed/suffixed `c`, or Column1. Calls either side refuses (a constant argument required) are skipped.
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { allFunctions } from '../../src/engine/functions/registry.js';
import { loadMsKusto, msResultSchema } from '../support/ms-kusto.js';

/** The example rewritten so that the first argument of `name(` is a column `c`, or undefined. */
function withColumnArgument(example: string, name: string): string | undefined {
  const at = example.indexOf(`${name}(`);
  if (at < 0) return undefined;
  let i = at + name.length + 1;
  const start = i;
  let depth = 0;
  for (; i < example.length; i++) {
    const ch = example[i]!;
    if (ch === '"' || ch === "'") {
      for (i++; i < example.length && example[i] !== ch; i++) if (example[i] === '\\') i++;
    } else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) {
      if (depth === 0) break;
      depth--;
    } else if (ch === ',' && depth === 0) break;
  }
  const first = example.slice(start, i).trim();
  if (!first) return undefined;
  let end = i;
  for (depth = 0; end < example.length; end++) {
    if (example[end] === '(') depth++;
    if (example[end] === ')') {
      if (depth === 0) break;
      depth--;
    }
  }
  return `print c = ${first} | project ${name}(c${example.slice(i, end)})`;
}

const db = new Database();
const cases = allFunctions()
  .filter(({ def }) => def.kind === 'scalar')
  .flatMap(({ def }) => {
    const q = withColumnArgument(def.example, def.name);
    return q ? [[def.name, q] as const] : [];
  });

describe('default result column names equal Microsoft analyser', () => {
  it('loads the analyser', () => {
    loadMsKusto();
    expect(cases.length).toBeGreaterThan(80);
  });
  it.each(cases)('%s', (_name, q) => {
    const mine = db.plan(q, { now: '2026-11-20T12:00:00Z' });
    const theirs = msResultSchema(q, {});
    if (!mine.plan || !Array.isArray(theirs)) return;
    expect(mine.plan.schema.map((c) => c.name)).toEqual(theirs.map((c) => c.name));
  });
});
