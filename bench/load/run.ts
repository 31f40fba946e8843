// Loading benchmark (issue #15): kqlite's loaders against plain JSON.parse per line and arquero, on the same
// seeded DeviceProcessEvents-like data (gen.ts) at several sizes; each measurement in a fresh process, so its
// peak RSS is its own. kqlite's loaded tables are checked against the generator (every 9973rd row, all columns).
//
//   npx tsx bench/load/run.ts [--rows 100k,1m,5m] [--runs 3] [--only ndjson,csv,objects] [--engines kqlite,jsonparse]
//                             [--readme]
//
// Time is the process's CPU time (user + system) spent in the load, and wall time: on a shared machine CPU time is
// the steadier of the two. Peak RSS Δ = the process's peak RSS minus its RSS just before the load.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFile } from './gen.js';

const here = dirname(fileURLToPath(import.meta.url));

interface Options {
  rows: number[];
  runs: number;
  only: string[];
  engines: string[];
  readme: boolean;
}

function parseRows(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim());
  if (!m) throw new Error(`bad --rows ${s}`);
  return Math.round(Number(m[1]) * (m[2]!.toLowerCase() === 'k' ? 1e3 : m[2]!.toLowerCase() === 'm' ? 1e6 : 1));
}

function options(): Options {
  const o: Options = { rows: [100_000, 1_000_000], runs: 3, only: [], engines: [], readme: false };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    if (a[i] === '--rows') o.rows = a[++i]!.split(',').map(parseRows);
    else if (a[i] === '--runs') o.runs = Number(a[++i]);
    else if (a[i] === '--only') o.only = a[++i]!.split(',');
    else if (a[i] === '--engines') o.engines = a[++i]!.split(',');
    else if (a[i] === '--readme') o.readme = true;
    else throw new Error(`unknown option ${a[i]}`);
  }
  return o;
}

interface Sample {
  ms: number;
  cpuMs: number;
  peak: number;
  failed?: string;
}

/** One measurement in a child process; a crash (out of memory) is a result, not the end of the run. */
function measure(engine: string, file: string, rows: number): Sample {
  const heap = rows >= 2_000_000 ? ['--max-old-space-size=16000'] : [];
  try {
    const out = execFileSync(process.execPath, [...heap, '--import', 'tsx', join(here, 'one.ts'), engine, file, String(rows)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 20 });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; cpuMs: number; baseRss: number; peakRss: number };
    return { ms: r.ms, cpuMs: r.cpuMs, peak: r.peakRss - r.baseRss };
  } catch (err) {
    const text = String((err as { stderr?: string }).stderr ?? err);
    return { ms: NaN, cpuMs: NaN, peak: NaN, failed: /heap out of memory|Invalid string length|allocation failed/i.test(text) ? 'out of memory' : text.split('\n').find((l) => /Error/.test(l)) ?? 'failed' };
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const fmt = (n: number): string => n.toLocaleString('en-US');
const mb = (b: number): string => `${Math.round(b / 1e6)} MB`;

interface Row {
  format: string;
  rows: number;
  engine: string;
  ms: number;
  cpuMs: number;
  peak: number;
  file: number;
  failed?: string;
}

const CASES: Record<string, { ext: string; engines: string[] }> = {
  ndjson: { ext: 'ndjson', engines: ['kqlite-file', 'jsonparse-lines', 'arquero-ndjson'] },
  csv: { ext: 'csv', engines: ['kqlite-file', 'arquero-csv'] },
  objects: { ext: '', engines: ['kqlite-objects', 'arquero-objects'] },
};

function main(): void {
  const o = options();
  const dir = join(tmpdir(), `kqlite-load-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const results: Row[] = [];
  const started = new Date().toISOString().slice(0, 16);
  const load = loadavg().map((x) => x.toFixed(1)).join(' ');
  try {
    for (const rows of o.rows) {
      for (const [format, c] of Object.entries(CASES)) {
        if (o.only.length > 0 && !o.only.includes(format)) continue;
        const file = c.ext ? join(dir, `DeviceProcessEvents-${rows}.${c.ext}`) : '-';
        const size = c.ext ? writeFile(file, c.ext as 'ndjson' | 'csv', rows) : 0;
        // Interleaved runs: each engine once per round.
        const engines = c.engines.filter((e) => o.engines.length === 0 || o.engines.some((x) => e.startsWith(x)));
        const samples = new Map<string, Sample[]>(engines.map((e) => [e, []]));
        const runs = rows >= 2_000_000 ? 1 : o.runs;
        for (let r = 0; r < runs; r++) for (const e of engines) samples.get(e)!.push(measure(e, file, rows));
        for (const [engine, ss] of samples) {
          const ok = ss.filter((s) => !s.failed);
          const row: Row = ok.length
            ? { format, rows, engine, ms: median(ok.map((s) => s.ms)), cpuMs: median(ok.map((s) => s.cpuMs)), peak: median(ok.map((s) => s.peak)), file: size }
            : { format, rows, engine, ms: NaN, cpuMs: NaN, peak: NaN, file: size, failed: ss[0]!.failed };
          results.push(row);
          process.stderr.write(`${format} ${fmt(rows)} ${engine}: ${row.failed ?? `${Math.round(row.cpuMs)} ms CPU, ${Math.round(row.ms)} ms wall, peak Δ ${mb(row.peak)}`}\n`);
        }
        if (c.ext) rmSync(file, { force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const lines = [
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average at start ${load} (shared machine).`,
    `Command: \`npx tsx bench/load/run.ts ${process.argv.slice(2).filter((a) => a !== '--readme').join(' ')}\`, ${started}Z; medians of the runs (1 run at 5M).`,
    '',
    '| data | rows | engine | CPU ms | wall ms | rows/s (CPU) | ×kqlite (CPU) | peak RSS Δ | peak / file |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const k = results.find((x) => x.format === r.format && x.rows === r.rows && x.engine.startsWith('kqlite'));
    if (r.failed) {
      lines.push(`| ${r.format} | ${fmt(r.rows)} | ${r.engine} | ${r.failed} | | | | | |`);
      continue;
    }
    lines.push(
      `| ${r.format} | ${fmt(r.rows)} | ${r.engine} | ${fmt(Math.round(r.cpuMs))} | ${fmt(Math.round(r.ms))} | ${fmt(Math.round(r.rows / (r.cpuMs / 1000)))} | ${k && !k.failed ? (r.cpuMs / k.cpuMs).toFixed(2) : ''} | ${mb(r.peak)} | ${r.file ? (r.peak / r.file).toFixed(2) : ''} |`,
    );
  }
  const table = lines.join('\n');
  process.stdout.write(table + '\n');
  if (o.readme) {
    const readme = join(here, '..', 'README.md');
    const text = readFileSync(readme, 'utf8');
    const start = '<!-- loading:start -->';
    const end = '<!-- loading:end -->';
    if (text.includes(start) && text.includes(end)) {
      writeFileSync(readme, text.slice(0, text.indexOf(start) + start.length) + '\n' + table + '\n' + text.slice(text.indexOf(end)));
    }
  }
}

main();
