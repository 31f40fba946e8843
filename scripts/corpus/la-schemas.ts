// Table schemas for a PREVIEW measurement (measure.ts --schemas): every Log Analytics / Sentinel table with its
// columns, from the Sentinel Solutions Analyzer's schema dump (oshezaf/sentinelninja,
// Tools/Solutions Analyzer/la_table_schemas.csv, read from its git mirror), written OUTSIDE the repository:
//
//   npx tsx scripts/corpus/la-schemas.ts /work/corpus/la-schemas.json
//
// Types are normalised to KQL names (Double → real, BigInt → long, …); a column of an unknown type is left out and
// `decimal` becomes real (kqlite refuses decimal; a preview only). This is not kqlite's catalogue — that one is
// generated from Microsoft's documentation under src/tables — it exists to see which causes remain once tables
// are known.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { mirrorPath } from './sources.js';

const TYPES: Record<string, string> = {
  string: 'string', datetime: 'datetime', real: 'real', double: 'real', int: 'int', long: 'long', bigint: 'long',
  dynamic: 'dynamic', bool: 'bool', boolean: 'bool', guid: 'guid', timespan: 'timespan', decimal: 'real',
};

const out = process.argv[2];
if (!out) {
  console.error('usage: npx tsx scripts/corpus/la-schemas.ts OUT.json');
  process.exit(2);
}
const csv = execFileSync('git', ['--git-dir', mirrorPath('oshezaf/sentinelninja'), 'show', 'HEAD:Tools/Solutions Analyzer/la_table_schemas.csv'], { encoding: 'utf8', maxBuffer: 1 << 28 });
const rows = parse(csv, { columns: true, skip_empty_lines: true }) as { table_name: string; column_name: string; column_type: string }[];
const tables: Record<string, { name: string; type: string }[]> = {};
for (const r of rows) {
  const type = TYPES[r.column_type.toLowerCase()];
  if (!type || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(r.column_name)) continue;
  const cols = (tables[r.table_name] ??= []);
  if (!cols.some((c) => c.name === r.column_name)) cols.push({ name: r.column_name, type });
}
writeFileSync(out, JSON.stringify(tables) + '\n');
console.log(`${Object.keys(tables).length} tables written to ${out}`);
