// One loading measurement in a fresh process (so peak RSS is this load's alone):
//   npx tsx bench/load/one.ts <engine> <file|-> <rows> [seed]
// engines: kqlite-file (loadTableFile), jsonparse-lines (JSON.parse per line, results dropped), arquero-ndjson
// (JSON.parse per line → aq.from), arquero-csv (aq.fromCSV), kqlite-objects (Database.addTable from row objects
// made first as JSON.parse makes them, not timed), arquero-objects (aq.from of the same objects).
// Prints one JSON line: { ms, cpuMs, rows, baseRss, peakRss, checked }.

import { closeSync, openSync, readSync } from 'node:fs';
import { Database } from '../../src/database.js';
import { loadTableFile } from '../../src/node/load-data.js';
import type { Table } from '../../src/tables/table.js';
import { getValue } from '../../src/tables/vector.js';
import { formatDatetime } from '../../src/values/datetime.js';
import { rowAt, rowObjectAt, SCHEMA, WRITTEN } from './gen.js';

const [engine, file, rowsArg, seedArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const seed = Number(seedArg ?? 42);

/** Lines of a file, read in 64 KiB chunks (a file beyond 512 MB does not fit one JS string; larger chunks fall in V8's slow large-object space). */
function* lines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 16);
  let carry = '';
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const text = carry + buf.toString('utf8', 0, n);
      const parts = text.split('\n');
      carry = parts.pop()!;
      yield* parts;
    }
    if (carry !== '') yield carry;
  } finally {
    closeSync(fd);
  }
}

/** Every 9973rd row (and the last) of a loaded table equals the generator's row: values exact, TimeGenerated mirrored. */
function check(t: Table): number {
  if (t.rowCount !== rows) throw new Error(`loaded ${t.rowCount} rows, expected ${rows}`);
  let checked = 0;
  for (let i = 0; i < rows; i = i === rows - 1 ? rows : Math.min(i + 9973, rows - 1)) {
    const want = rowAt(seed, i);
    for (const name of [...WRITTEN, 'TimeGenerated']) {
      const j = SCHEMA.findIndex((c) => c.name === name);
      const got = getValue(t.columns[j]!, i);
      const w = want[name === 'TimeGenerated' ? 'Timestamp' : name];
      const type = SCHEMA[j]!.type;
      const json = (v: unknown): string => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x));
      const a = type === 'datetime' ? formatDatetime(got as bigint) : type === 'long' ? String(got) : json(got);
      const b = type === 'datetime' || type === 'long' ? String(w) : json(w);
      if (a !== b) throw new Error(`row ${i} ${name}: loaded ${a}, generated ${b}`);
    }
    checked++;
  }
  return checked;
}

async function main(): Promise<void> {
  const aq = engine!.startsWith('arquero') ? ((await import('arquero')) as unknown as Record<string, (...a: unknown[]) => { numRows(): number }>) : undefined;
  let objects: Record<string, unknown>[] | undefined;
  if (engine!.endsWith('-objects')) {
    objects = new Array(rows);
    for (let i = 0; i < rows; i++) objects[i] = rowObjectAt(seed, i);
  }
  const baseRss = process.memoryUsage.rss();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let loaded = 0;
  let checked = 0;
  let table: Table | undefined;
  switch (engine) {
    case 'kqlite-file':
      table = loadTableFile(file!, 'DeviceProcessEvents', SCHEMA).table;
      loaded = table.rowCount;
      break;
    case 'jsonparse-lines':
      for (const line of lines(file!)) {
        if (line.length > 0) {
          JSON.parse(line);
          loaded++;
        }
      }
      break;
    case 'arquero-ndjson': {
      const objs: unknown[] = [];
      for (const line of lines(file!)) if (line.length > 0) objs.push(JSON.parse(line));
      loaded = aq!.from!(objs).numRows();
      break;
    }
    case 'arquero-csv': {
      // fromCSV takes one string; a file beyond the JS string limit is read in pieces of whole lines, then concatenated.
      const parts: { numRows(): number; concat(...t: unknown[]): { numRows(): number } }[] = [];
      let header = '';
      let piece: string[] = [];
      let size = 0;
      const flush = () => {
        parts.push(aq!.fromCSV!(header + '\n' + piece.join('\n')) as never);
        piece = [];
        size = 0;
      };
      for (const line of lines(file!)) {
        if (header === '') header = line;
        else if (line.length > 0) {
          piece.push(line);
          size += line.length;
          if (size > 200_000_000) flush();
        }
      }
      if (piece.length > 0) flush();
      loaded = parts.length === 1 ? parts[0]!.numRows() : parts[0]!.concat(...parts.slice(1)).numRows();
      break;
    }
    case 'kqlite-objects': {
      const db = new Database();
      db.addTable('DeviceProcessEvents', { schema: SCHEMA, rows: objects! });
      table = db.table('DeviceProcessEvents')!;
      loaded = table.rowCount;
      break;
    }
    case 'arquero-objects':
      loaded = aq!.from!(objects).numRows();
      break;
    default:
      throw new Error(`unknown engine ${engine}`);
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  if (loaded !== rows) throw new Error(`${engine}: ${loaded} rows, expected ${rows}`);
  if (table) checked = check(table);
  process.stdout.write(JSON.stringify({ ms, cpuMs, rows: loaded, baseRss, peakRss, checked }) + '\n');
}

await main();
