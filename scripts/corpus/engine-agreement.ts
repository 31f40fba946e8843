// Agreement with the REAL Kusto engine: runs every self-contained query that a public differential-testing
// campaign recorded against the Kusto emulator (saoc90/kql-to-sql, fuzzing/verdicts3/*.jsonl, concatenated into
// one JSONL file; see README.md) through kqlite and compares with the recorded answer:
//
//   npx tsx scripts/corpus/engine-agreement.ts RECORDED.jsonl [--out report.md] [--limit N]
//
// The recordings are never committed; this script takes their path. Classes of outcome:
//   agree            — same columns (names, type classes), same row count, the recorded rows found (all of them
//                      when the engine returned ≤ 8 rows; the first 8 otherwise, as a sub-multiset); or both reject
//   refused          — the engine answered, kqlite refuses by name (`not supported yet: …`)
//   error            — the engine answered, kqlite stops with another error (syntax, binding, runtime)
//   wrong value      — both answered, differently (columns, types, row count, values or order)
//   accepted-but-engine-rejected — the engine rejected the query, kqlite answered it
//   internal         — kqlite threw something that is not a KqlError (a bug)
// Queries the campaign marked nondeterministic (rand(), now() …) are compared on columns and row count only.
import { readFileSync, writeFileSync } from 'node:fs';
import { Database, KqlError } from '../../src/index.js';
import { kqliteCause } from './causes.js';
import { classOf, rowEquals, splitColumn, splitRow, type Class, type Recorded } from './recorded-rows.js';

type Outcome = 'agree' | 'refused' | 'error' | 'wrong value' | 'accepted-but-engine-rejected' | 'internal';

interface Row {
  readonly id: string;
  readonly outcome: Outcome;
  readonly detail: string;
  readonly kql: string;
}

const NOW = '2026-06-05T12:00:00Z';

function ordered(kql: string): boolean {
  // The last tabular operator decides whether row order is defined: sort/order/top, or serialize after one.
  const ops = [...kql.matchAll(/\|\s*([a-z-]+)/gi)].map((m) => m[1]!.toLowerCase());
  const last = ops[ops.length - 1];
  return last === 'sort' || last === 'order' || last === 'top';
}

function compare(rec: Recorded, run: () => { columns: readonly { name: string; type: string }[]; rows: unknown[][] }): Row {
  const base = { id: rec.Id, kql: rec.Kql };
  const engine = rec.Kusto;
  const engineRejected = !engine || engine.Error !== undefined && engine.Error !== null;
  let ours: { columns: readonly { name: string; type: string }[]; rows: unknown[][] };
  try {
    ours = run();
  } catch (err) {
    if (!(err instanceof KqlError)) {
      return { ...base, outcome: 'internal', detail: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    }
    if (engineRejected) return { ...base, outcome: 'agree', detail: 'both reject' };
    const d = err.diagnostics.find((x) => x.severity === 'error') ?? err.diagnostics[0];
    const cause = d ? kqliteCause(d) : err.message;
    return { ...base, outcome: d?.code === 'bind-not-supported' ? 'refused' : 'error', detail: cause };
  }
  if (engineRejected) return { ...base, outcome: 'accepted-but-engine-rejected', detail: (engine?.Error ?? '').split('\n')[0]!.slice(0, 120) };

  const cols = engine.Columns.map(splitColumn);
  const show = (cs: readonly { name: string; cls: string }[]) => cs.map((c) => `${c.name}:${c.cls}`).join(', ');
  const ourCols = ours.columns.map((c) => ({ name: c.name, cls: classOf(c.type) }));
  if (cols.length !== ourCols.length) return { ...base, outcome: 'wrong value', detail: `columns: engine (${show(cols)}) kqlite (${show(ourCols)})` };
  const names = cols.findIndex((c, i) => c.name !== ourCols[i]!.name);
  if (names >= 0) return { ...base, outcome: 'wrong value', detail: `column name: engine ${cols[names]!.name}, kqlite ${ourCols[names]!.name}` };
  const types = cols.findIndex((c, i) => c.cls !== 'Unknown' && c.cls !== ourCols[i]!.cls);
  if (types >= 0) return { ...base, outcome: 'wrong value', detail: `type of ${cols[types]!.name}: engine ${cols[types]!.cls}, kqlite ${ourCols[types]!.cls} (${ours.columns[types]!.type})` };
  if (engine.RowCount !== ours.rows.length) return { ...base, outcome: 'wrong value', detail: `row count: engine ${engine.RowCount}, kqlite ${ours.rows.length}` };
  if (rec.Outcome === 'SkippedNondeterministic') return { ...base, outcome: 'agree', detail: 'nondeterministic: columns and row count only' };

  const classes: Class[] = cols.map((c) => c.cls);
  const recorded = engine.SampleRows.map((r) => splitRow(r, classes));
  const unreadable = recorded.findIndex((r) => r === undefined);
  if (unreadable >= 0) return { ...base, outcome: 'agree', detail: `recorded row ${unreadable} unreadable; columns and row count agree` };
  const used = new Array<boolean>(ours.rows.length).fill(false);
  for (const [k, r] of recorded.entries()) {
    const j = ours.rows.findIndex((o, jj) => !used[jj] && rowEquals(r!, o, classes));
    if (j < 0) {
      const sample = JSON.stringify(ours.rows.slice(0, 2), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      return { ...base, outcome: 'wrong value', detail: `engine row ${k} ${engine.SampleRows[k]!.replace(/\s+/g, ' ')} not in kqlite's rows (first: ${sample.slice(0, 160)})` };
    }
    used[j] = true;
  }
  if (ordered(rec.Kql) && engine.RowCount <= engine.SampleRows.length) {
    const inOrder = recorded.every((r, k) => rowEquals(r!, ours.rows[k]!, classes));
    if (!inOrder) return { ...base, outcome: 'wrong value', detail: 'same rows, different order (the query orders its output)' };
  }
  return { ...base, outcome: 'agree', detail: '' };
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--out' && args[args.indexOf(a) - 1] !== '--limit');
  if (!file) {
    console.error('usage: npx tsx scripts/corpus/engine-agreement.ts RECORDED.jsonl [--out report.md] [--limit N]');
    process.exit(2);
  }
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
  const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Infinity;
  const records = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Recorded).slice(0, limit);
  const rows: Row[] = [];
  for (const rec of records) {
    const db = new Database();
    rows.push(
      compare(rec, () => {
        const r = db.query(rec.Kql, { now: NOW, limits: { timeoutMs: 10_000, maxIntermediateRows: 10_000_000 } }).toJSON();
        return { columns: r.columns, rows: r.rows };
      }),
    );
  }
  const by = (o: Outcome) => rows.filter((r) => r.outcome === o);
  const pct = (n: number) => `${((100 * n) / rows.length).toFixed(1)} %`;
  const lines: string[] = [];
  lines.push(`# kqlite against recorded real-engine answers (${file})`, '');
  lines.push(`Queries: ${rows.length}. Agreement: **${by('agree').length} (${pct(by('agree').length)})**` +
    ` — of which both reject ${rows.filter((r) => r.detail === 'both reject').length}, nondeterministic (columns and row count only)` +
    ` ${rows.filter((r) => r.detail.startsWith('nondeterministic')).length}, recorded rows unreadable (columns and row count only)` +
    ` ${rows.filter((r) => r.detail.startsWith('recorded row')).length}.`, '');
  lines.push('| outcome | queries | share |', '|---|---:|---:|');
  for (const o of ['agree', 'refused', 'error', 'wrong value', 'accepted-but-engine-rejected', 'internal'] as Outcome[]) {
    lines.push(`| ${o} | ${by(o).length} | ${pct(by(o).length)} |`);
  }
  const causeTable = (o: Outcome, key: (r: Row) => string) => {
    const m = new Map<string, string[]>();
    for (const r of by(o)) m.set(key(r), [...(m.get(key(r)) ?? []), r.id]);
    const sorted = [...m.entries()].sort((a, b) => b[1].length - a[1].length);
    lines.push('', `## ${o} (${by(o).length}) by cause`, '', '| cause | queries | examples |', '|---|---:|---|');
    for (const [c, ids] of sorted.slice(0, 40)) lines.push(`| \`${c.replace(/\|/g, '\\|').replace(/`/g, "'")}\` | ${ids.length} | ${ids.slice(0, 3).join(', ')} |`);
  };
  causeTable('refused', (r) => r.detail);
  causeTable('error', (r) => r.detail);
  causeTable('internal', (r) => r.detail.slice(0, 100));
  causeTable('wrong value', (r) => r.detail.replace(/^(engine row \d+|row count|columns|column name|type of \S+).*$/s, '$1').replace(/engine row \d+/, 'values differ'));
  lines.push('', '## Every disagreement (wrong value / accepted-but-engine-rejected / internal), with its query', '');
  for (const r of rows.filter((x) => x.outcome === 'wrong value' || x.outcome === 'accepted-but-engine-rejected' || x.outcome === 'internal')) {
    lines.push(`- **${r.id}** (${r.outcome}): ${r.detail.replace(/\s+/g, ' ')}`, `  \`${r.kql.replace(/\s+/g, ' ').replace(/`/g, "'")}\``);
  }
  const text = lines.join('\n') + '\n';
  if (out) writeFileSync(out, text);
  console.log(text.split('\n## Every disagreement')[0]);
}

main();
