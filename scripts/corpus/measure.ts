// Measures kqlite against a corpus of real public queries (built by collect.ts, kept outside the repository):
//
//   npx tsx scripts/corpus/measure.ts /work/corpus [--only-email] [--out report.json] [--limit N] [--timeout MS]
//                                     [--workers N] [--schemas tables.json]
//
// For each query: does Microsoft's parser accept it; does kqlite's; does kqlite bind it against its known tables
// (unknown tables counted apart); does Microsoft's analyser, given the same table schemas, accept it and infer the
// same result columns; does kqlite run it on empty tables. Every failure is classified by its first diagnostic
// (code + normalised message). A query is never allowed to crash the run: each is measured in a worker thread
// with a time box; a hang is reported and the worker replaced; anything kqlite throws that is not a KqlError is
// an internal error (a kqlite bug) and is listed with its stack.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IndexEntry } from './collect.js';
import type { Measure } from './measure-one.js';
import { summarise, formatSummary } from './summary.js';

interface Options {
  dir: string;
  onlyEmail: boolean;
  out?: string;
  limit?: number;
  timeoutMs: number;
  workers: number;
  /** JSON {table: [{name, type}]} of extra tables to declare (a preview; the baseline uses kqlite's own). */
  schemas?: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { dir: '', onlyEmail: false, timeoutMs: 30_000, workers: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--only-email') o.onlyEmail = true;
    else if (a === '--out') o.out = argv[++i];
    else if (a === '--limit') o.limit = Number(argv[++i]);
    else if (a === '--timeout') o.timeoutMs = Number(argv[++i]);
    else if (a === '--workers') o.workers = Math.max(1, Number(argv[++i]));
    else if (a === '--schemas') o.schemas = argv[++i];
    else if (!o.dir) o.dir = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (!o.dir) {
    console.error('usage: npx tsx scripts/corpus/measure.ts CORPUS_DIR [--only-email] [--out report.json] [--limit N] [--timeout MS] [--workers N] [--schemas tables.json]');
    process.exit(2);
  }
  return o;
}

/** A worker that measures one query at a time; replaced when a query exceeds its time box. */
class Slot {
  private worker!: Worker;
  private ready!: Promise<void>;
  constructor(private readonly schemas: string | undefined) {
    this.spawn();
  }

  private spawn(): void {
    const url = new URL('./measure-worker.ts', import.meta.url).href;
    // tsx does not hook worker threads by itself: register its loader inside the worker, then load the module.
    this.worker = new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); })`, {
      eval: true,
      workerData: { schemas: this.schemas },
    });
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (m: { ready?: boolean }) => {
        if (m.ready) {
          this.worker.off('message', onMessage);
          resolve();
        }
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
    });
  }

  async measure(id: string, text: string, timeoutMs: number): Promise<Measure> {
    await this.ready;
    return new Promise<Measure>((resolve) => {
      const worker = this.worker;
      const timer = setTimeout(() => {
        worker.removeAllListeners('message');
        worker.removeAllListeners('error');
        void worker.terminate();
        this.spawn();
        resolve({ id, msParse: 'ok', kqParse: 'hang', cause: `hang: no answer within ${timeoutMs} ms`, internal: `timeout: no answer within ${timeoutMs} ms (kqlite or Microsoft's analyser; rerun alone to attribute)`, millis: timeoutMs });
      }, timeoutMs);
      worker.once('message', (m: Measure) => {
        clearTimeout(timer);
        worker.removeAllListeners('error');
        resolve(m);
      });
      worker.once('error', (err) => {
        clearTimeout(timer);
        worker.removeAllListeners('message');
        this.spawn();
        resolve({ id, msParse: 'ok', kqParse: 'internal', cause: 'internal error (worker died)', internal: String(err), millis: 0 });
      });
      worker.postMessage({ id, text });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const index = JSON.parse(readFileSync(join(o.dir, 'index.json'), 'utf8')) as { queries: IndexEntry[] };
  let entries = index.queries;
  if (o.onlyEmail) entries = entries.filter((e) => e.emailOnly);
  if (o.limit !== undefined) entries = entries.slice(0, o.limit);
  const slots = Array.from({ length: o.workers }, () => new Slot(o.schemas));
  const results: Measure[] = new Array(entries.length);
  let next = 0;
  let done = 0;
  const started = Date.now();
  await Promise.all(
    slots.map(async (slot) => {
      for (;;) {
        const k = next++;
        if (k >= entries.length) return;
        const e = entries[k]!;
        const text = readFileSync(join(o.dir, 'queries', `${e.id}.kql`), 'utf8');
        results[k] = await slot.measure(e.id, text, o.timeoutMs);
        if (++done % 500 === 0) console.error(`… ${done}/${entries.length} (${Math.round((Date.now() - started) / 1000)} s)`);
      }
    }),
  );
  await Promise.all(slots.map((s) => s.close()));
  const summary = summarise(entries, results);
  const title = `${o.dir}${o.onlyEmail ? ' (email-table queries only)' : ''}${o.schemas ? ` with the extra tables of ${o.schemas}` : ''}`;
  console.log(formatSummary(summary, { title }));
  if (o.out) {
    writeFileSync(o.out, JSON.stringify({ corpus: o.dir, onlyEmail: o.onlyEmail, summary, queries: results }, null, 1) + '\n');
    console.error(`report written to ${o.out}`);
  }
}

void main();
