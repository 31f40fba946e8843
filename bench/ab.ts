// A/B of two kqlite source trees in one process: the working tree (../src) against another copy of src/ (a
// commit exported with `git archive <commit> src | tar -x -C DIR`, node_modules symlinked into DIR), on the same
// generated tables, runs interleaved so machine load hits both alike; results checked equal. Meant for measuring an
// optimisation before/after on a busy machine, where two separate bench runs are not comparable.
//
//   npx tsx bench/ab.ts --old /tmp/kq-old [--rows 1m] [--runs 3] [--only top10-by-time,count-by-]
//
// Only the case list of cases/*.ts is used (their KQL text); arquero and DuckDB are the job of run.ts.

import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Table } from '../src/tables/table.js';
import { generateData, generateGenericData, NOW } from './gen-data.js';
import { KqliteEngine, kqliteCanonical } from './engines/kqlite.js';
import { assertSameResult } from './harness/results.js';
import { gc, median } from './harness/measure.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt?: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const oldDir = opt('--old');
if (!oldDir) throw new Error('--old DIR (a copy of src/ under DIR/src) is required');
const rows = Math.round(Number(opt('--rows', '1m')!.replace(/k$/i, 'e3').replace(/m$/i, 'e6')));
const runs = Number(opt('--runs', '3'));
const only = opt('--only', '')!.split(',').filter(Boolean);

const { CASES } = await import('./cases/index.js');
const cases = CASES.filter((c) => only.length === 0 || only.some((p) => c.name === p || c.name.startsWith(p) || c.group === p));
const OldDatabase = (await import(pathToFileURL(join(oldDir, 'src/database.ts')).href)).Database as new () => {
  addTable(name: string, t: Table): void;
  query(q: string, o: { now: string }): { table: Table };
};

const t0 = performance.now();
const tables: Record<string, Table> = { ...generateData(rows).tables, ...generateGenericData(rows).tables };
console.log(`${rows.toLocaleString('en-US')} rows generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const next = new KqliteEngine(tables);
const old = new OldDatabase();
for (const [name, t] of Object.entries(tables)) old.addTable(name, t);
const runOld = (kql: string): Table => {
  const t = old.query(kql, { now: NOW }).table;
  for (let j = 0; j < t.columns.length; j++) void t.columns[j];
  return t;
};

console.log('| case | old ms | new ms | new / old |');
console.log('|---|---:|---:|---:|');
for (const c of cases) {
  const times = { old: [] as number[], new: [] as number[] };
  let last: { old?: Table; new?: Table } = {};
  for (let r = 0; r < runs + 1; r++) {
    // Alternate which tree goes first; the first round is a warm-up.
    const order: ('old' | 'new')[] = r % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
    for (const which of order) {
      gc();
      const s = performance.now();
      const t = which === 'old' ? runOld(c.kql) : next.run(c.kql);
      const ms = performance.now() - s;
      if (r > 0) times[which].push(ms);
      last = { ...last, [which]: t };
    }
  }
  let problem = '';
  try {
    assertSameResult(c.check, { engine: 'old', result: kqliteCanonical(last.old!) }, { engine: 'new', result: kqliteCanonical(last.new!) });
  } catch (e) {
    problem = ' ✗ ' + (e as Error).message;
  }
  const mo = median(times.old);
  const mn = median(times.new);
  console.log(`| ${c.name} | ${mo.toFixed(0)} | ${mn.toFixed(0)} | **${(mn / mo).toFixed(2)}** |${problem}`);
}
