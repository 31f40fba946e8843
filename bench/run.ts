// Benchmarks of issue 7 ("Benchmarks and speed"). Never part of `npm test`.
//
//   npx tsx bench/run.ts [--rows 1000000[,5000000]] [--only case1,seed004,load] [--runs 5] [--warmup 1]
//                        [--load-runs 2] [--seed 42] [--readme] [--json out.json]
//
// Loading cases run --load-runs times without warm-up (each run reads a whole file, long enough to warm the JIT).
//
// Cases (each: warm-up runs, then repeated runs; median, min–max, rows/s, memory):
//   case1          the seed-004 where-clause alone over EmailUrlInfo, then `count`; checked equal to two hand-written
//                  baselines (per-row loop, loop over distinct URLs) run in the same process on the same data
//   seed004        the whole seed 004 rule (ago(24h) over 30 days of data: ~1/30 of the rows pass the time filter)
//   seed004-30d    the same rule with ago(30d), so every row goes through parse_url, has_any and the join
//   seed002        seed 002 (XDR variant): UrlClickEvents filters, leftouter join to EmailEvents, project
//   seed000        seed 000: UrlClickEvents filters, make-series over 30 days
//   load-ndjson    EmailUrlInfo written as NDJSON, read back with loadTableFile (src/node/load-data.ts)
//   load-csv       the same as CSV
// Memory: "peak RSS Δ" is the process RSS sampled every millisecond by a worker thread during the run, minus the RSS
// before it (after a full GC); "heap Δ" is heapUsed + external at the end of the run minus before (garbage not yet
// collected included); "retained" is that difference after a full GC, with the result still alive.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { Database } from '../src/database.js';
import { loadTableFile } from '../src/node/load-data.js';
import { BUILTIN_SCHEMAS } from '../src/tables/builtin-schemas.js';
import type { Table } from '../src/tables/table.js';
import { getValue } from '../src/tables/vector.js';
import { case1Predicate, countPerDistinct, countPerRow, type UrlColumn } from './baselines.js';
import { generateData, writeTableFile, type GeneratedData } from './gen-data.js';

// ---------------------------------------------------------------------------------------------------------------
// Options

interface Options {
  rows: number[];
  only: string[];
  runs: number;
  warmup: number;
  loadRuns: number;
  seed: number;
  readme: boolean;
  json?: string;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { rows: [1_000_000], only: [], runs: 5, warmup: 1, loadRuns: 2, seed: 42, readme: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--rows') o.rows = next().split(',').map((x) => Math.round(Number(x.replace(/_/g, '').replace(/k$/i, 'e3').replace(/m$/i, 'e6'))));
    else if (a === '--only') o.only = next().split(',');
    else if (a === '--runs') o.runs = Number(next());
    else if (a === '--warmup') o.warmup = Number(next());
    else if (a === '--load-runs') o.loadRuns = Number(next());
    else if (a === '--seed') o.seed = Number(next());
    else if (a === '--readme') o.readme = true;
    else if (a === '--json') o.json = next();
    else if (a === '--help' || a === '-h') {
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(0, 20).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (o.rows.some((r) => !Number.isInteger(r) || r <= 0)) throw new Error('--rows takes positive integers (1000000, 1m, 100k)');
  return o;
}

// ---------------------------------------------------------------------------------------------------------------
// Measurement

const gc: () => void = (() => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Peak-RSS sampler on its own thread, so it keeps sampling while the main thread is busy. */
class RssSampler {
  private readonly shared = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;
  constructor() {
    this.worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       const a = new Int32Array(workerData);
       setInterval(() => { const kb = Math.round(process.memoryUsage.rss() / 1024); if (kb > Atomics.load(a, 0)) Atomics.store(a, 0, kb); }, 1);`,
      { eval: true, workerData: this.shared.buffer },
    );
    this.worker.unref();
  }
  reset(): void {
    Atomics.store(this.shared, 0, 0);
  }
  peakBytes(): number {
    return Math.max(Atomics.load(this.shared, 0) * 1024, process.memoryUsage.rss());
  }
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

const heapNow = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

interface Stats {
  name: string;
  rows: number;
  /** Rows the case reads (sum over the tables it scans). */
  inputRows: number;
  times: number[];
  median: number;
  min: number;
  max: number;
  rowsPerSec: number;
  peakRss: number;
  heapDelta: number;
  retained: number;
  result: string;
  note?: string;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function measure<T>(
  sampler: RssSampler,
  name: string,
  rows: number,
  inputRows: number,
  runs: number,
  warmup: number,
  fn: () => T,
  describe: (r: T) => string,
): Promise<Stats & { last: T }> {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  let peakRss = 0;
  let heapDelta = 0;
  let retained = 0;
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    last = undefined;
    gc();
    const heap0 = heapNow();
    const rss0 = process.memoryUsage.rss();
    sampler.reset();
    const t0 = performance.now();
    last = fn();
    const t = performance.now() - t0;
    const heap1 = heapNow();
    peakRss = Math.max(peakRss, sampler.peakBytes() - rss0);
    heapDelta = Math.max(heapDelta, heap1 - heap0);
    gc();
    retained = Math.max(retained, heapNow() - heap0);
    times.push(t);
    // Let the sampler thread run between measurements (it is starved only on a fully loaded machine).
    await new Promise((r) => setTimeout(r, 5));
  }
  const med = median(times);
  return {
    name,
    rows,
    inputRows,
    times,
    median: med,
    min: Math.min(...times),
    max: Math.max(...times),
    rowsPerSec: inputRows / (med / 1000),
    peakRss,
    heapDelta,
    retained,
    result: describe(last as T),
    last: last as T,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Queries

const RULES = new URL('../examples/rules/', import.meta.url);
const SEED004 = readFileSync(new URL('link-target-t1608-005.kql', RULES), 'utf8');
const SEED002 = readFileSync(new URL('safelinks-url-block-trigger.kql', RULES), 'utf8');
const SEED000 = readFileSync(new URL('malicious-clicks-allowed.kql', RULES), 'utf8');

/** The seed's own `let` lists, so case 1 stays in step with the rule file. */
function seedLets(): { text: string; lists: Record<string, string[]> } {
  const lets = [...SEED004.matchAll(/let\s+(\w+)\s*=\s*dynamic\(\[([\s\S]*?)\]\);/g)];
  const lists: Record<string, string[]> = {};
  for (const m of lets) lists[m[1]!] = JSON.parse(`[${m[2]!}]`) as string[];
  return { text: lets.map((m) => m[0]).join('\n'), lists };
}

const CASE1_BODY = `
EmailUrlInfo
| extend ParsedHost = tostring(parse_url(Url).Host)
| extend ParsedPath = tostring(parse_url(Url)["Path"])
| where ParsedHost has_any (UrlShortenerDomains)
    or ParsedHost has_any (SuspiciousPaaSDomains)
    or ParsedHost has_any (IpfsGatewayDomains)
    or ParsedPath has "/ipfs/"
    or Url has "ipfs://"
| count`;

function urlColumn(t: Table): UrlColumn {
  const v = t.columns[t.schema.findIndex((c) => c.name === 'Url')]!;
  if (v.type !== 'string') throw new Error('Url is not a string column');
  const values = v.values;
  const dict = v.dict;
  const codes = v.codes;
  return {
    rowCount: t.rowCount,
    at: values ? (i) => values[i]! : (i) => dict![codes![i]!]!,
    dict,
    codes,
  };
}

function countOf(t: Table): number {
  return Number(getValue(t.columns[0]!, 0));
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const fmtRate = (r: number) => (r >= 1e6 ? `${(r / 1e6).toFixed(2)} M` : `${(r / 1e3).toFixed(0)} k`);
const fmtMb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

function tableMarkdown(stats: readonly Stats[]): string {
  const head = '| case | rows | median ms | min–max ms | rows/s | peak RSS Δ | heap Δ | retained | result | note |';
  const sep = '|---|---:|---:|---:|---:|---:|---:|---:|---|---|';
  const lines = stats.map(
    (s) =>
      `| ${s.name} | ${s.rows.toLocaleString('en-US')} | ${fmtMs(s.median)} | ${fmtMs(s.min)}–${fmtMs(s.max)} | ${fmtRate(s.rowsPerSec)} | ${fmtMb(s.peakRss)} | ${fmtMb(s.heapDelta)} | ${fmtMb(s.retained)} | ${s.result} | ${s.note ?? ''} |`,
  );
  return [head, sep, ...lines].join('\n');
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const wanted = (name: string) => o.only.length === 0 || o.only.some((p) => name === p || name.startsWith(p));
  const sampler = new RssSampler();
  const all: Stats[] = [];
  const notes: string[] = [];
  const log = (s: string) => process.stderr.write(s + '\n');
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  log(`machine: ${machine()}; load average ${load}`);

  for (const rows of o.rows) {
    gc();
    const heapBefore = heapNow();
    let t0 = performance.now();
    let data: GeneratedData | undefined = generateData(rows, o.seed);
    gc();
    const dataBytes = heapNow() - heapBefore;
    const genNote = `${rows.toLocaleString('en-US')} rows × 3 tables generated in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${data.distinctUrls.toLocaleString('en-US')} distinct URLs in EmailUrlInfo; the three tables hold ${fmtMb(dataBytes)} of heap`;
    log(genNote);
    notes.push(genNote);
    const { EmailUrlInfo, EmailEvents, UrlClickEvents } = data.tables;
    const db = new Database();
    db.addTable('EmailUrlInfo', EmailUrlInfo);
    db.addTable('EmailEvents', EmailEvents);
    db.addTable('UrlClickEvents', UrlClickEvents);
    const q = (text: string) => () => db.query(text, { now: data!.now }).table;
    const push = (s: Stats & { last?: unknown }) => {
      const { last: _result, ...stats } = s;
      all.push(stats);
      log(`  ${s.name.padEnd(22)} median ${fmtMs(s.median).padStart(7)} ms  [${fmtMs(s.min)}–${fmtMs(s.max)}]  ${fmtRate(s.rowsPerSec)} rows/s  peak RSS Δ ${fmtMb(s.peakRss)}  ${s.result}${s.note ? '  ' + s.note : ''}`);
    };

    if (wanted('case1')) {
      const { text: lets, lists } = seedLets();
      const query = `${lets}\n${CASE1_BODY}`;
      const col = urlColumn(EmailUrlInfo);
      const pred = case1Predicate({ shorteners: lists.UrlShortenerDomains!, paas: lists.SuspiciousPaaSDomains!, ipfs: lists.IpfsGatewayDomains! });
      const perRow = await measure(sampler, 'baseline: per-row loop', rows, rows, o.runs, o.warmup, () => countPerRow(col, pred), String);
      const perDistinct = await measure(sampler, 'baseline: distinct loop', rows, rows, o.runs, o.warmup, () => countPerDistinct(col, pred), String);
      const k = await measure(sampler, 'case1 kqlite', rows, rows, o.runs, o.warmup, q(query), (t) => String(countOf(t)));
      const kc = countOf(k.last);
      if (kc !== perRow.last || kc !== perDistinct.last) {
        throw new Error(`case 1 results differ: kqlite ${kc}, per-row loop ${perRow.last}, distinct loop ${perDistinct.last}`);
      }
      k.note = `= baselines ✓; ×${(k.median / perRow.median).toFixed(2)} per-row loop, ×${(k.median / perDistinct.median).toFixed(2)} distinct loop`;
      push(perRow);
      push(perDistinct);
      push(k);
    }
    const seeds: [string, string, number][] = [
      ['seed004', SEED004, 2 * rows],
      ['seed004-30d', SEED004.replace(/ago\(24h\)/g, 'ago(30d)'), 2 * rows],
      ['seed002', SEED002, 2 * rows],
      ['seed000', SEED000, rows],
    ];
    for (const [name, text, input] of seeds) {
      if (!wanted(name)) continue;
      push(await measure(sampler, name, rows, input, o.runs, o.warmup, q(text), (t) => `${t.rowCount.toLocaleString('en-US')} rows out`));
    }

    for (const format of ['ndjson', 'csv'] as const) {
      const name = `load-${format}`;
      if (!wanted(name)) continue;
      const dir = join(tmpdir(), `kqlite-bench-${process.pid}`);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `EmailUrlInfo.${format}`);
      t0 = performance.now();
      const columns = ['Timestamp', 'NetworkMessageId', 'Url', 'UrlDomain', 'UrlLocation', 'ReportId'];
      const bytes = writeTableFile(EmailUrlInfo, columns, file, format);
      log(`  wrote ${file}: ${fmtMb(bytes)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      try {
        const s = await measure(sampler, name, rows, rows, o.loadRuns, 0, () => loadTableFile(file, 'EmailUrlInfo', BUILTIN_SCHEMAS.EmailUrlInfo, {}).table, (t) => `${t.rowCount.toLocaleString('en-US')} rows`);
        checkLoaded(s.last, EmailUrlInfo, [...columns, 'TimeGenerated']);
        s.note = `file ${fmtMb(bytes)}; retained / file = ${(s.retained / bytes).toFixed(2)}; peak RSS Δ / file = ${(s.peakRss / bytes).toFixed(2)}; columns equal ✓`;
        push(s);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    data = undefined;
  }
  await sampler.stop();

  const report = [
    `Machine: ${machine()}; load average at start ${load} (shared machine: figures are noisy).`,
    `Command: \`npx tsx bench/run.ts ${process.argv.slice(2).filter((a) => a !== '--readme').join(' ')}\`, ${new Date().toISOString().slice(0, 16)}Z.`,
    ...notes.map((n) => `Data: ${n}.`),
    '',
    tableMarkdown(all),
  ].join('\n');
  console.log(report);
  if (o.json) writeFileSync(o.json, JSON.stringify({ machine: machine(), argv: process.argv.slice(2), stats: all, notes }, null, 2));
  if (o.readme) {
    const readme = new URL('README.md', import.meta.url);
    const text = readFileSync(readme, 'utf8');
    const start = '<!-- results:start -->';
    const end = '<!-- results:end -->';
    const a = text.indexOf(start);
    const b = text.indexOf(end);
    if (a < 0 || b < a) throw new Error('bench/README.md has no results markers');
    writeFileSync(readme, text.slice(0, a + start.length) + '\n' + report + '\n' + text.slice(b));
  }
}

/** The loaded table must hold exactly the generated values in the columns written (and the copied time column). */
function checkLoaded(loaded: Table, source: Table, columns: readonly string[]): void {
  if (loaded.rowCount !== source.rowCount) throw new Error(`loaded ${loaded.rowCount} rows, wrote ${source.rowCount}`);
  for (const c of columns) {
    const a = loaded.columns[loaded.schema.findIndex((x) => x.name === c)]!;
    const b = source.columns[source.schema.findIndex((x) => x.name === c)]!;
    for (let i = 0; i < loaded.rowCount; i++) {
      const x = getValue(a, i);
      const y = getValue(b, i);
      if (x !== y) throw new Error(`loaded ${c}[${i}] = ${String(x)}, generated ${String(y)}`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
