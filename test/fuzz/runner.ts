// The long fuzz run (`npm run fuzz -- --queries 1000000 --seed 7 --time 600`): generated queries, mutated seed
// queries and mutated data files, in rotation, in a worker thread watched by the main thread.
//  - Case i of a run is a pure function of (seed, i), so any case can be regenerated from its number.
//  - The worker writes the case number it is running into shared memory; a case still running after --hang ms is a
//    hang even if it never returns: the main thread terminates the worker, regenerates the case, records it, and
//    starts a new worker after it.
//  - Each new failure signature is minimized (token deletion while the signature holds) and saved as a reproducer
//    in test/fuzz/reproducers/ (run by reproducers.test.ts, so it fails until fixed).
// Options: --queries N (100000), --seed S (1), --time SECONDS (no limit), --mode all|gen|mut|data (all),
//          --hang MS (20000), --out DIR (test/fuzz/reproducers), --no-save.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { dataCase, loadCase, type DataCase } from './data-fuzz.js';
import { fuzzDatabase } from './fixture.js';
import { minimize, mutatedSeed } from './mutate.js';
import { runQuery } from './oracle.js';
import { queryText } from './query-arbitraries.js';

export type Mode = 'gen' | 'mut' | 'data';
export interface Options {
  readonly queries: number;
  readonly seed: number;
  readonly timeSeconds: number;
  readonly modes: readonly Mode[];
  readonly hangMs: number;
  readonly out: string | undefined;
}

export type Case = { readonly mode: 'gen' | 'mut'; readonly text: string } | { readonly mode: 'data'; readonly data: DataCase };

/** Case i of a run: pure in (seed, i). */
export function caseAt(options: Pick<Options, 'seed' | 'modes'>, i: number): Case {
  const mode = options.modes[i % options.modes.length]!;
  const seed = (options.seed * 1_000_003 + i) | 0;
  if (mode === 'data') return { mode, data: fc.sample(dataCase, { seed, numRuns: 1 })[0]! };
  return { mode, text: fc.sample(mode === 'gen' ? queryText : mutatedSeed, { seed, numRuns: 1 })[0]! };
}

interface Failure {
  readonly index: number;
  readonly mode: Mode;
  readonly kind: string;
  readonly signature: string;
  readonly text: string;
  readonly minimized: string;
  readonly detail: string;
  readonly bytes?: Uint8Array;
  readonly name?: string;
}

type FromWorker = { type: 'failure'; failure: Failure } | { type: 'done'; counts: Record<string, number> };

// ------------------------------------------------------------------------------------------------------------
// Worker: runs cases [start, end) and reports failures (each signature minimized once).

function workerMain(): void {
  const { options, start, end, progress, seen } = workerData as { options: Options; start: number; end: number; progress: SharedArrayBuffer; seen: string[] };
  const p = new Int32Array(progress);
  const db = fuzzDatabase();
  const known = new Set(seen);
  const counts: Record<string, number> = {};
  const deadline = options.timeSeconds > 0 ? Date.now() + options.timeSeconds * 1000 : Infinity;
  for (let i = start; i < end && Date.now() < deadline; i++) {
    Atomics.store(p, 0, i);
    const c = caseAt(options, i);
    if (c.mode === 'data') {
      const f = loadCase(c.data);
      counts[f ? 'data-crash' : 'data-ok'] = (counts[f ? 'data-crash' : 'data-ok'] ?? 0) + 1;
      if (f && !known.has(f.signature)) {
        known.add(f.signature);
        parentPort!.postMessage({ type: 'failure', failure: { index: i, mode: 'data', kind: 'crash', signature: f.signature, text: '', minimized: '', detail: f.detail, bytes: c.data.bytes, name: c.data.name } } satisfies FromWorker);
      }
    } else {
      const o = runQuery(db, c.text);
      const key = `${c.mode} ${o.failure ? o.failure.kind : o.result === 'answer' ? 'answer' : 'kql-error'}`;
      counts[key] = (counts[key] ?? 0) + 1;
      if (o.failure && !known.has(o.failure.signature)) {
        known.add(o.failure.signature);
        const sig = o.failure.signature;
        const minimized = o.failure.kind === 'hang' ? c.text : minimize(c.text, (t) => runQuery(db, t).failure?.signature === sig, 400);
        parentPort!.postMessage({ type: 'failure', failure: { index: i, mode: c.mode, kind: o.failure.kind, signature: sig, text: c.text, minimized, detail: o.failure.detail } } satisfies FromWorker);
      }
    }
    Atomics.store(p, 1, i + 1);
  }
  parentPort!.postMessage({ type: 'done', counts } satisfies FromWorker);
}

// ------------------------------------------------------------------------------------------------------------
// Main thread: starts workers, watches for hangs, saves reproducers, prints the figures.

function save(out: string | undefined, f: Failure, seed: number): string | undefined {
  if (!out) return undefined;
  mkdirSync(out, { recursive: true });
  const hash = createHash('sha1').update(f.signature).digest('hex').slice(0, 10);
  if (f.mode === 'data') {
    const file = join(out, `data-${hash}-${f.name}`);
    if (!existsSync(file)) writeFileSync(file, f.bytes!);
    return file;
  }
  const file = join(out, `${f.kind}-${hash}.kql`);
  if (existsSync(file)) return file;
  const header = [`// ${f.signature}`, `// found by npm run fuzz -- --seed ${seed} (case ${f.index}, ${f.mode}); minimized from:`, ...f.text.split('\n').map((l) => `//   ${l}`)];
  writeFileSync(file, header.join('\n') + '\n' + f.minimized + '\n');
  return file;
}

export async function runFuzz(options: Options, log: (s: string) => void = console.log): Promise<{ counts: Record<string, number>; failures: Failure[] }> {
  const here = fileURLToPath(import.meta.url);
  const counts: Record<string, number> = {};
  const failures: Failure[] = [];
  const seen: string[] = [];
  const started = Date.now();
  const deadline = options.timeSeconds > 0 ? started + options.timeSeconds * 1000 : Infinity;
  let next = 0;
  while (next < options.queries && Date.now() < deadline) {
    const workerStart = next;
    const progress = new SharedArrayBuffer(8);
    const p = new Int32Array(progress);
    Atomics.store(p, 0, next);
    Atomics.store(p, 1, next);
    const remaining = deadline === Infinity ? 0 : Math.max(1, (deadline - Date.now()) / 1000);
    // A .ts entry cannot be a worker's main module (Node decides its format before tsx's hooks run): an eval'd
    // script imports it instead, with tsx registered in the worker.
    const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(here).href)}); })`, { eval: true, workerData: { options: { ...options, timeSeconds: remaining }, start: next, end: options.queries, progress, seen: [...seen] } });
    const finished = new Promise<'done' | 'error'>((resolve) => {
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'failure') {
          failures.push(m.failure);
          seen.push(m.failure.signature);
          const file = save(options.out, m.failure, options.seed);
          log(`FAIL ${m.failure.signature}\n  case ${m.failure.index}: ${(m.failure.minimized || m.failure.name || '').slice(0, 300)}${file ? `\n  saved ${file}` : ''}`);
        } else {
          for (const [k, v] of Object.entries(m.counts)) counts[k] = (counts[k] ?? 0) + v;
          resolve('done');
        }
      });
      worker.on('error', (e) => {
        log(`worker error: ${e instanceof Error ? e.stack : String(e)}`);
        resolve('error');
      });
    });
    // Watch: the same case for longer than hangMs is a hang.
    let last = Atomics.load(p, 0);
    let since = Date.now();
    let lastReport = Date.now();
    const outcome = await new Promise<'done' | 'error' | 'hang'>((resolve) => {
      const timer = setInterval(() => {
        const cur = Atomics.load(p, 0);
        if (cur !== last) {
          last = cur;
          since = Date.now();
        } else if (Date.now() - since > options.hangMs) {
          clearInterval(timer);
          resolve('hang');
        }
        if (Date.now() - lastReport > 30_000) {
          lastReport = Date.now();
          log(`… ${Atomics.load(p, 1).toLocaleString('en-US')} cases, ${Math.round((Date.now() - started) / 1000)} s`);
        }
      }, 250);
      void finished.then((r) => {
        clearInterval(timer);
        resolve(r);
      });
    });
    if (outcome === 'hang') {
      await worker.terminate();
      const c = caseAt(options, last);
      const f: Failure = { index: last, mode: c.mode, kind: 'hang', signature: `hang (> ${options.hangMs} ms)`, text: c.mode === 'data' ? '' : c.text, minimized: c.mode === 'data' ? '' : c.text, detail: '', ...(c.mode === 'data' ? { bytes: c.data.bytes, name: c.data.name } : {}) };
      failures.push(f);
      counts[`${c.mode} hang`] = (counts[`${c.mode} hang`] ?? 0) + 1;
      const file = save(options.out, { ...f, signature: `${f.signature} ${last}` }, options.seed);
      log(`HANG case ${last}: ${f.text.slice(0, 300)}${file ? `\n  saved ${file}` : ''}`);
      // The terminated worker's counts are lost: its cases before the hang ran without failure, unclassified.
      counts['run before a hang (unclassified)'] = (counts['run before a hang (unclassified)'] ?? 0) + (last - workerStart);
      next = last + 1;
    } else {
      // A worker that finished its range (or the time) ends the run; one that failed to start cannot be retried.
      break;
    }
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  log(`\n${total.toLocaleString('en-US')} cases in ${Math.round((Date.now() - started) / 1000)} s (seed ${options.seed}):`);
  for (const [k, v] of Object.entries(counts).sort()) log(`  ${k.padEnd(28)} ${v.toLocaleString('en-US')}`);
  log(`failures: ${failures.length} distinct (crashes ${failures.filter((f) => f.kind === 'crash').length}, hangs ${failures.filter((f) => f.kind === 'hang').length})`);
  return { counts, failures };
}

export function parseOptions(argv: readonly string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, d: number) => {
    const v = get(name);
    if (v === undefined) return d;
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} takes a number, not '${v}'`);
    return n;
  };
  const mode = get('mode') ?? 'all';
  const modes: Mode[] = mode === 'all' ? ['gen', 'mut', 'data'] : (mode.split(',') as Mode[]);
  if (!modes.every((m) => ['gen', 'mut', 'data'].includes(m))) throw new Error(`--mode takes all, gen, mut or data`);
  const out = argv.includes('--no-save') ? undefined : (get('out') ?? fileURLToPath(new URL('./reproducers/', import.meta.url)));
  return { queries: num('queries', 100_000), seed: num('seed', 1), timeSeconds: num('time', 0), modes, hangMs: num('hang', 20_000), out };
}

if (!isMainThread && (workerData as { progress?: unknown } | null)?.progress) workerMain();
