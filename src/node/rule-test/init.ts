// `kqlite test --init RULE [--from EXPORT.csv]`: a starter test file for a rule. Without --from: the tables the
// rule reads, each with one row to fill in, and one case. With --from: the rows of an Advanced Hunting / Log
// Analytics CSV export (header row; the table is the one the rule reads, or --table) as the case's data, `now`
// just after the newest row, and the rule's current answer on them as the expectation — marked for review.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { Document } from 'yaml';
import { Database, parse, type ast } from '../../index.js';
import { nodesOf } from '../lint/ast-walk.js';
import { readRuleFile } from '../rule-file.js';

export interface InitOptions {
  readonly from?: string;
  readonly table?: string;
  readonly now?: string;
  readonly out?: string;
}

export function initTestFile(rulePath: string, options: InitOptions): { file: string; text: string } {
  const rule = readRuleFile(rulePath);
  const db = new Database();
  const known = new Set(db.tableNames());
  const tables = [...new Set(nodesOf(parse(rule.text).ast, 'Name').map((n) => (n as unknown as ast.NameRef).name).filter((n) => known.has(n)))];
  const out = options.out ?? join(dirname(rulePath), `${basename(rulePath).replace(/\.(kql|ya?ml|md)$/i, '')}.test.yaml`);
  if (existsSync(out)) throw new Error(`${out} exists already; pass --out to write somewhere else`);
  const doc = new Document({});
  doc.set('name', basename(rulePath));
  doc.set('rule', relative(dirname(out), rulePath) || basename(rulePath));
  if (!options.from) {
    doc.set('now', options.now ?? new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString().replace('.000Z', 'Z'));
    const data = Object.fromEntries(tables.map((t) => [t, [{ TimeGenerated: 'now-1h' }]]));
    doc.set('cases', [{ name: 'TODO: rows that should make the rule fire', data, expect: { fires: true } }]);
    doc.commentBefore = ` Starter test for ${basename(rulePath)}: fill in the rows (tables the rule reads: ${tables.join(', ') || 'none found'}).`;
    return write(out, doc);
  }
  const table = options.table ?? (tables.length === 1 ? tables[0] : undefined);
  if (!table) throw new Error(`the rule reads ${tables.length === 0 ? 'no known table' : tables.join(', ')}: say which one the export holds with --table`);
  const records = parseCsv(readFileSync(options.from, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  // Export columns the table does not have (Log Analytics adds TenantId, Type, _ResourceId…) are dropped.
  const planned = db.plan(`['${table}']`).plan as unknown as { schema: { name: string }[] } | undefined;
  const columns = new Set(planned?.schema.map((c) => c.name) ?? []);
  const rows = records.map((r) => Object.fromEntries(Object.entries(r).filter(([k, v]) => columns.has(k) && v !== '')));
  const times = rows.map((r) => String(r.TimeGenerated ?? r.Timestamp ?? '')).filter((t) => t !== '').sort();
  const now = options.now ?? (times.length > 0 ? new Date(Date.parse(times.at(-1)!) + 60_000).toISOString().replace('.000Z', 'Z') : new Date().toISOString());
  doc.set('now', now);
  const run = new Database();
  run.addTable(table, { rows });
  const result = run.query(rule.text, { now });
  doc.set('cases', [{ name: `the ${rows.length} exported row(s)`, data: { [table]: rows }, expect: { count: result.rowCount } }]);
  doc.commentBefore = ` Starter test for ${basename(rulePath)} from ${basename(options.from)}.\n REVIEW: the expectation is the rule's current answer on these rows (${result.rowCount} row(s)), not a verified one.`;
  return write(out, doc);
}

function write(file: string, doc: Document): { file: string; text: string } {
  const text = doc.toString({ lineWidth: 0 });
  writeFileSync(file, text);
  return { file, text };
}
