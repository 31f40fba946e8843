// The HTTP side's handle on the query worker: one worker thread, one request in it at a time (the others wait in
// a queue), each with a deadline. The engine stops itself at the deadline (its time budget); if it has not answered
// a moment later — a single operator that does not check the clock — the worker is terminated, the request gets
// Kusto's timeout error, and a fresh worker starts with the data folder and the replayed commands that changed
// the database. A worker that dies for any other reason is restarted the same way; the server never goes down.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { requestError, timeoutFailure } from './errors.js';
import { stoppedAnswer, type ServiceRequest, type ServiceResponse } from './service.js';
import type { WorkerInit, WorkerReply } from './worker-protocol.js';

/** How long after its budget a query may still answer before its worker is terminated. */
export const HARD_STOP_GRACE_MS = 1500;

interface Job {
  readonly request: ServiceRequest;
  readonly deadline: number;
  readonly resolve: (r: ServiceResponse) => void;
}

export interface HostReady {
  readonly databaseName: string;
  readonly now: string | undefined;
  readonly tables: number;
}

export class QueryHost {
  private worker: Worker | undefined;
  /** The worker has loaded the data: requests may go to it (a restarting worker's load time is no query's time). */
  private ready = false;
  private readonly queue: Job[] = [];
  private current: { job: Job; id: number; timer: NodeJS.Timeout } | undefined;
  private nextId = 1;
  private readonly replay: { db?: string; csl: string }[] = [];
  private starting: Promise<HostReady> | undefined;
  private closed = false;
  /** Workers started (1 + restarts); tests read it. */
  starts = 0;

  constructor(
    private readonly init: Omit<WorkerInit, 'replay' | 'replaying'>,
    private readonly log: (message: string) => void,
    private readonly hardStopGraceMs = HARD_STOP_GRACE_MS,
  ) {}

  start(): Promise<HostReady> {
    this.starting = new Promise<HostReady>((resolve, reject) => {
      const worker = spawnWorker({ ...this.init, replay: [...this.replay], replaying: this.starts > 0 });
      this.starts++;
      this.worker = worker;
      this.ready = false;
      let ready = false;
      worker.on('message', (m: WorkerReply) => {
        if (m.type === 'log') this.log(m.message);
        else if (m.type === 'fatal') reject(new Error(m.message));
        else if (m.type === 'ready') {
          ready = true;
          this.ready = true;
          resolve({ databaseName: m.databaseName, now: m.now, tables: m.tables });
          this.pump();
        } else if (m.type === 'response') this.finish(m.id, m.response);
      });
      worker.on('error', (err: Error) => {
        if (!ready) reject(err);
        else this.lost(worker, `the query worker failed: ${err.message}`);
      });
      worker.on('exit', (code) => {
        if (!ready) reject(new Error(`the query worker stopped while loading the data (exit code ${code})`));
        else if (this.worker === worker && !this.closed) this.lost(worker, `the query worker stopped (exit code ${code})`);
      });
    });
    return this.starting;
  }

  /** Runs a request; resolves with its answer (never rejects). */
  run(request: ServiceRequest, deadline: number): Promise<ServiceResponse> {
    return new Promise((resolve) => {
      this.queue.push({ request, deadline, resolve });
      this.pump();
    });
  }

  /** Requests waiting or running. */
  get pending(): number {
    return this.queue.length + (this.current ? 1 : 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }

  private pump(): void {
    if (this.current || !this.worker || !this.ready || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    const left = job.deadline - Date.now();
    if (left <= 0) {
      job.resolve(stoppedAnswer(job.request.endpoint, job.request.ids, timeoutFailure(job.request.ids, job.request.timeoutMs ?? 0)));
      this.pump();
      return;
    }
    const id = this.nextId++;
    const timer = setTimeout(() => this.hardStop(id), left + this.hardStopGraceMs);
    this.current = { job, id, timer };
    this.worker.postMessage({ id, request: { ...job.request, budgetMs: left } });
  }

  private finish(id: number, response: ServiceResponse): void {
    const c = this.current;
    if (!c || c.id !== id) return;
    clearTimeout(c.timer);
    this.current = undefined;
    if (response.mutated) this.replay.push({ db: c.job.request.db, csl: c.job.request.csl });
    c.job.resolve(response);
    this.pump();
  }

  /** The running request overran its deadline: stop its worker, answer with the timeout error, start afresh. */
  private hardStop(id: number): void {
    const c = this.current;
    if (!c || c.id !== id) return;
    this.current = undefined;
    const req = c.job.request;
    this.log(`stopping a query that overran its server timeout; restarting the query worker`);
    c.job.resolve(stoppedAnswer(req.endpoint, req.ids, timeoutFailure(req.ids, req.timeoutMs ?? 0)));
    void this.restart();
  }

  private lost(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    this.log(`${why}; restarting it`);
    const c = this.current;
    this.current = undefined;
    if (c) {
      clearTimeout(c.timer);
      c.job.resolve({
        status: 500,
        body: JSON.stringify(requestError(c.job.request.ids, { code: 'General_InternalServerError', message: 'kqlite internal error', type: 'Kusto.Data.Exceptions.KustoServiceException', detail: `kqlite internal error: ${why} (please report it)`, permanent: false })),
        summary: `error: ${why}`,
      });
    }
    void this.restart();
  }

  private async restart(): Promise<void> {
    const old = this.worker;
    this.worker = undefined;
    if (old) await old.terminate().catch(() => undefined);
    if (this.closed) return;
    try {
      await this.start();
    } catch (err) {
      this.log(`the query worker could not restart: ${(err as Error).message}`);
      for (const job of this.queue.splice(0)) {
        job.resolve({ status: 500, body: JSON.stringify(requestError(job.request.ids, { code: 'General_InternalServerError', message: 'kqlite internal error', detail: `the query worker could not restart: ${(err as Error).message}`, permanent: false })), summary: 'error: no worker' });
      }
    }
  }
}

/**
 * The worker runs query-worker.js next to this file. From the TypeScript sources (tests, `npm run kql`) it is a .ts
 * file: the worker first registers tsx's loader, then imports it.
 */
function spawnWorker(init: WorkerInit): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const target = new URL('./query-worker.ts', here).href;
    // tsx's ESM entry (its "import" export); the CommonJS one cannot register the loader from a worker.
    const tsxDir = dirname(createRequire(here).resolve('tsx/package.json'));
    const tsx = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
    const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(target)}); })`;
    return new Worker(code, { eval: true, workerData: init });
  }
  return new Worker(new URL('./query-worker.js', here), { workerData: init });
}
