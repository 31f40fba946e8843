// kqlite against arquero and DuckDB (issue 15). Never part of `npm test`. Run `npm ci` in bench/ first.
//
//   npm run bench -- [--rows 100k,1m[,5m]] [--only seed,join-,count-by] [--engines kqlite,arquero,duckdb,js]
//                    [--runs 3] [--warmup 1] [--max-seconds 30] [--seed 42] [--threads 2] [--readme] [--json out.json]
//   npm run bench -- --list            every case with its group and note
//   npm run bench -- --only X --engines kqlite --profile DIR   a .cpuprofile per case (bench/profile-summary.ts reads it)
//
// For each size: the data is generated once (gen-data.ts) and given to every engine (engines/*.ts); then for each
// case every engine runs once to warm up, and `--runs` rounds follow, each running every engine once, the order
// rotating from round to round, so machine load hits all engines alike. A run that takes longer than --max-seconds
// ends that engine's repetitions early (its figures then come from fewer runs). After the runs the last results are
// compared (harness/results.ts): any difference is printed and the process exits with status 1.
// --only takes case names or prefixes, or a group (seed, issue, generic). `--engines js` = the hand-written loops.

import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { cpus, loadavg, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import type { Table } from '../src/tables/table.js';
import { generateData, generateGenericData } from './gen-data.js';
import { fmtMb, fmtMs, gc, heapNow, median, RssSampler, timeOnce } from './harness/measure.js';
import { assertSameResult, countResult, type Canonical } from './harness/results.js';
import { KqliteEngine, kqliteCanonical } from './engines/kqlite.js';
import { measureCliStartup } from './harness/cli-startup.js';

for (const dep of ['arquero', '@duckdb/node-api']) {
  try {
    createRequire(import.meta.url).resolve(dep);
  } catch {
    console.error(`bench: '${dep}' is not installed; run \`npm ci\` in bench/ first (the benchmark is its own package).`);
    process.exit(2);
  }
}
const { CASES, ENGINE_COLUMNS } = await import('./cases/index.js');
const { arqueroTables, runArquero, arqueroCanonical } = await import('./engines/arquero.js');
const { DuckDbEngine, duckdbCanonical } = await import('./engines/duckdb.js');
type Case = (typeof CASES)[number];

interface Options {
  rows: number[];
  only: string[];
  engines: string[];
  runs: number;
  warmup: number;
  maxSeconds: number;
  seed: number;
  threads: number;
  readme: boolean;
  list: boolean;
  json?: string;
  profile?: string;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { rows: [1_000_000], only: [], engines: ['kqlite', 'arquero', 'duckdb', 'js'], runs: 3, warmup: 1, maxSeconds: 30, seed: 42, threads: 2, readme: false, list: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--rows') o.rows = next().split(',').map((x) => Math.round(Number(x.replace(/_/g, '').replace(/k$/i, 'e3').replace(/m$/i, 'e6'))));
    else if (a === '--only') o.only = next().split(',');
    else if (a === '--engines') o.engines = next().split(',');
    else if (a === '--runs') o.runs = Number(next());
    else if (a === '--warmup') o.warmup = Number(next());
    else if (a === '--max-seconds') o.maxSeconds = Number(next());
    else if (a === '--seed') o.seed = Number(next());
    else if (a === '--threads') o.threads = Number(next());
    else if (a === '--readme') o.readme = true;
    else if (a === '--list') o.list = true;
    else if (a === '--json') o.json = next();
    else if (a === '--profile') o.profile = next();
    else if (a === '--help' || a === '-h') {
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(0, 13).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (o.rows.some((r) => !Number.isInteger(r) || r <= 0)) throw new Error('--rows takes positive integers (1000000, 1m, 100k)');
  if (!(o.runs >= 1)) throw new Error('--runs must be at least 1');
  return o;
}

/** One way of running a case: an engine or a hand-written loop. */
interface Impl {
  readonly engine: string;
  run(): unknown;
  canonical(result: unknown): Canonical;
}

interface Measured {
  engine: string;
  times: number[];
  median: number;
  min: number;
  max: number;
  peakRss: number;
  error?: string;
}

interface CaseResult {
  name: string;
  group: string;
  rows: number;
  inputRows: number;
  engines: Measured[];
  check: string;
  note?: string;
}

const log = (s: string) => process.stderr.write(s + '\n');

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}

async function runCase(c: Case, impls: Impl[], o: Options, sampler: RssSampler): Promise<{ measured: Measured[]; results: Map<string, unknown> }> {
  const times = new Map<string, number[]>(impls.map((i) => [i.engine, []]));
  const peaks = new Map<string, number>(impls.map((i) => [i.engine, 0]));
  const errors = new Map<string, string>();
  const results = new Map<string, unknown>();
  const slow = new Set<string>();
  const once = async (impl: Impl, record: boolean) => {
    if (errors.has(impl.engine)) return;
    try {
      const r = await timeOnce(sampler, () => impl.run());
      results.set(impl.engine, r.result);
      if (r.ms > o.maxSeconds * 1000) slow.add(impl.engine);
      if (record || slow.has(impl.engine)) {
        times.get(impl.engine)!.push(r.ms);
        peaks.set(impl.engine, Math.max(peaks.get(impl.engine)!, r.peakRss));
      }
    } catch (err) {
      errors.set(impl.engine, err instanceof Error ? err.message.split('\n')[0]!.slice(0, 200) : String(err));
    }
  };
  for (let w = 0; w < o.warmup; w++) for (const impl of impls) await once(impl, false);
  for (let round = 0; round < o.runs; round++) {
    for (let k = 0; k < impls.length; k++) {
      const impl = impls[(k + round) % impls.length]!;
      // A slow engine keeps the runs it has (at least one) instead of holding the whole suite up.
      if (slow.has(impl.engine) && times.get(impl.engine)!.length > 0) continue;
      await once(impl, true);
    }
  }
  const measured = impls.map((impl): Measured => {
    const ts = times.get(impl.engine)!;
    const err = errors.get(impl.engine);
    return {
      engine: impl.engine,
      times: ts,
      median: ts.length ? median(ts) : NaN,
      min: ts.length ? Math.min(...ts) : NaN,
      max: ts.length ? Math.max(...ts) : NaN,
      peakRss: peaks.get(impl.engine)!,
      ...(err ? { error: err } : {}),
    };
  });
  return { measured, results };
}

function checkResults(c: Case, impls: Impl[], results: Map<string, unknown>): string {
  const ref = impls.find((i) => i.engine === 'kqlite');
  if (!ref || !results.has('kqlite')) return 'no kqlite result';
  const reference = { engine: 'kqlite', result: ref.canonical(results.get('kqlite')) };
  const failures: string[] = [];
  for (const impl of impls) {
    if (impl === ref || !results.has(impl.engine)) continue;
    try {
      assertSameResult(c.check, reference, { engine: impl.engine, result: impl.canonical(results.get(impl.engine)) });
    } catch (err) {
      failures.push(err instanceof Error ? err.message : String(err));
    }
  }
  return failures.length ? `DIFFERENT: ${failures.join(' | ')}` : `equal ✓ (${reference.result.rows.length} rows)`;
}

const ENGINE_ORDER = ['kqlite', 'arquero', 'duckdb'];

function markdown(results: readonly CaseResult[]): string {
  const head = '| case | rows in | kqlite ms | arquero ms (×) | DuckDB ms (×) | peak RSS Δ k / a / d | check | note |';
  const sep = '|---|---:|---:|---:|---:|---:|---|---|';
  const cell = (m: Measured | undefined, k: Measured | undefined): string => {
    if (!m) return '–';
    if (m.error) return `error: ${m.error.slice(0, 60)}`;
    const range = m.times.length > 1 ? ` [${fmtMs(m.min)}–${fmtMs(m.max)}]` : ' [1 run]';
    const ratio = k && m !== k && !k.error ? ` (**${(m.median / k.median).toFixed(2)}**)` : '';
    return `${fmtMs(m.median)}${range}${ratio}`;
  };
  const lines: string[] = [];
  for (const r of results) {
    const by = new Map(r.engines.map((m) => [m.engine, m]));
    const k = by.get('kqlite');
    const mem = ENGINE_ORDER.map((e) => (by.get(e) ? fmtMb(by.get(e)!.peakRss).replace(' MB', '') : '–')).join(' / ');
    const check = r.check.startsWith('equal') ? '✓' : `✗ ${r.check.slice(0, 120)}`;
    lines.push(`| ${r.name} | ${r.inputRows.toLocaleString('en-US')} | ${cell(k, undefined)} | ${cell(by.get('arquero'), k)} | ${cell(by.get('duckdb'), k)} | ${mem} MB | ${check} | ${r.note ?? ''} |`);
    for (const m of r.engines.filter((x) => !ENGINE_ORDER.includes(x.engine))) {
      lines.push(`| ↳ ${m.engine} | ${r.inputRows.toLocaleString('en-US')} | | ${cell(m, k)} | | ${fmtMb(m.peakRss)} | | hand-written, same count |`);
    }
  }
  return [head, sep, ...lines].join('\n');
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const wanted = (c: Case) => o.only.length === 0 || o.only.some((p) => c.name === p || c.name.startsWith(p) || c.group === p);
  const cases = CASES.filter(wanted);
  const cli = o.only.length === 0 || o.only.includes('cli');
  if (o.list) {
    for (const c of CASES) console.log(`${c.group.padEnd(8)} ${c.name.padEnd(28)} ${c.note ?? ''}`);
    console.log(`${'cli'.padEnd(8)} ${'cli'.padEnd(28)} start-up of bin/kqlite.js check / run vs node -e 0`);
    return;
  }
  if (cases.length === 0 && !cli) throw new Error(`no case matches --only ${o.only.join(',')} (see --list)`);
  const sampler = new RssSampler();
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  log(`machine: ${machine()}; load average ${load}`);
  const sections: string[] = [];
  const all: CaseResult[] = [];
  let failed = 0;

  if (cli) sections.push(measureCliStartup(Math.max(5, o.runs), log));
  for (const rows of cases.length ? o.rows : []) {
    gc();
    const heap0 = heapNow();
    const t0 = performance.now();
    const data = generateData(rows, o.seed);
    const generic = generateGenericData(rows, o.seed);
    const tables: Record<string, Table> = { ...data.tables, ...generic.tables };
    gc();
    const genNote = `${rows.toLocaleString('en-US')} rows in each of EmailUrlInfo, EmailEvents, UrlClickEvents and Events (Users: ${generic.tables.Users.rowCount.toLocaleString('en-US')}), generated in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${data.distinctUrls.toLocaleString('en-US')} distinct URLs; kqlite's tables hold ${fmtMb(heapNow() - heap0)} of heap`;
    log(genNote);
    const kq = new KqliteEngine(tables);
    let t1 = performance.now();
    const aqTables = o.engines.includes('arquero') ? arqueroTables(tables, ENGINE_COLUMNS) : undefined;
    if (aqTables) log(`  arquero tables built in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    t1 = performance.now();
    const duck = o.engines.includes('duckdb') ? await DuckDbEngine.open(o.threads) : undefined;
    if (duck) {
      for (const [name, cols] of Object.entries(ENGINE_COLUMNS)) await duck.load(name, tables[name]!, cols);
      log(`  DuckDB tables loaded in ${((performance.now() - t1) / 1000).toFixed(1)} s (${o.threads} threads)`);
    }
    const results: CaseResult[] = [];
    for (const c of cases) {
      const impls: Impl[] = [];
      if (o.engines.includes('kqlite')) impls.push({ engine: 'kqlite', run: () => kq.run(c.kql), canonical: (r) => kqliteCanonical(r as Table) });
      if (aqTables && c.arquero) {
        const fn = c.arquero;
        impls.push({ engine: 'arquero', run: () => runArquero(fn, aqTables), canonical: (r) => arqueroCanonical(r as Parameters<typeof arqueroCanonical>[0]) });
      }
      if (duck && c.sql) {
        const sql = c.sql;
        impls.push({ engine: 'duckdb', run: () => duck.run(sql), canonical: (r) => duckdbCanonical(r as Parameters<typeof duckdbCanonical>[0]) });
      }
      if (o.engines.includes('js')) {
        for (const [name, make] of Object.entries(c.hand ?? {})) {
          const fn = make(tables);
          impls.push({ engine: name, run: fn, canonical: (r) => countResult(r as number) });
        }
      }
      const inputRows = c.scans.reduce((s, t) => s + tables[t]!.rowCount, 0);
      const session = o.profile ? new Session() : undefined;
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 500 });
        await session.post('Profiler.start');
      }
      const { measured, results: last } = await runCase(c, impls, o, sampler);
      if (session && o.profile) {
        const { profile } = await session.post('Profiler.stop');
        mkdirSync(o.profile, { recursive: true });
        const file = join(o.profile, `${rows}-${c.name.replace(/[^\w.-]/g, '_')}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        session.disconnect();
        log(`  profile: ${file}`);
      }
      const check = checkResults(c, impls, last);
      last.clear();
      const r: CaseResult = { name: c.name, group: c.group, rows, inputRows, engines: measured, check, ...(c.note ? { note: c.note } : {}) };
      if (!check.startsWith('equal') || measured.some((m) => m.error)) {
        failed++;
        log(`  ✗ ${c.name}: ${check}${measured.filter((m) => m.error).map((m) => ` ${m.engine} error: ${m.error}`).join('')}`);
      }
      const k = measured.find((m) => m.engine === 'kqlite');
      log(`  ${c.name.padEnd(28)} ${measured.map((m) => `${m.engine} ${m.error ? 'ERROR' : fmtMs(m.median)}${k && m !== k && !m.error ? ` (×${(m.median / k.median).toFixed(2)})` : ''}`).join('  ')}  ${check.startsWith('equal') ? '✓' : '✗'}`);
      results.push(r);
    }
    duck?.close();
    all.push(...results);
    sections.push(`### ${rows.toLocaleString('en-US')} rows\n${genNote}.\n\n${markdown(results)}`);
  }
  await sampler.stop();

  const report = [
    `Machine: ${machine()}; load average at start ${load} (a shared machine: read ratios measured in the same run, not absolute times).`,
    `Command: \`npm run bench -- ${process.argv.slice(2).filter((a) => a !== '--readme').join(' ')}\`, ${new Date().toISOString().slice(0, 16)}Z; load average at end ${loadavg().map((x) => x.toFixed(2)).join(' ')}.`,
    `Times: median of ${o.runs} interleaved runs after ${o.warmup} warm-up [min–max]; (×) = that engine's median / kqlite's (below 1: faster than kqlite). Peak RSS Δ: RSS above the level before the run.`,
    '',
    ...sections,
  ].join('\n');
  console.log(report);
  if (o.json) writeFileSync(o.json, JSON.stringify({ machine: machine(), argv: process.argv.slice(2), load, results: all }, null, 2));
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
  if (failed > 0) {
    log(`\n${failed} case(s) gave different results or failed: see the ✗ lines above.`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
