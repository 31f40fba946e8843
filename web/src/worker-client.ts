// The page's side of a query worker (worker/engine.worker.ts): requests as promises, and cancellation by
// terminating the worker — the only way to stop a synchronous query in another thread — after which a fresh worker
// is started and brought back to the same state (bundled dataset, then every dropped file again, in order).
import type { InitReply, QueryError, Reply, Request } from './protocol';
import EngineWorker from './worker/engine.worker.ts?worker';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** A worker's reply of `ok: false`: the engine's own error (message, formatted report, diagnostics). */
export class EngineError extends Error {
  constructor(readonly info: QueryError) {
    super(info.message);
    this.name = 'EngineError';
  }
}

type Pending = { resolve(v: unknown): void; reject(e: unknown): void };

export class EngineClient {
  private worker!: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Requests that change the worker's data, replayed into a fresh worker after a cancel. */
  private readonly replay: Request[] = [];
  ready!: Promise<InitReply>;

  constructor(private readonly role: 'runner' | 'checker') {
    this.start();
  }

  private start(): void {
    this.worker = new EngineWorker({ name: `kqlite-${this.role}` });
    this.worker.onmessage = (e: MessageEvent<Reply>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if (e.data.ok) p.resolve(e.data.value);
      else p.reject(new EngineError(e.data.error));
    };
    this.worker.onerror = (e) => {
      // A worker that died (out of memory, a crash) fails every request it had; the next request starts over.
      e.preventDefault();
      this.failAll(new EngineError({ message: `the query worker stopped: ${e.message || 'out of memory?'}`, diagnostics: [] }));
      this.restart();
    };
    const replay = [...this.replay];
    this.ready = this.send({ type: 'init', role: this.role }) as Promise<InitReply>;
    for (const r of replay) void this.send(r).catch(() => undefined);
  }

  private send(req: Request): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Copied, never transferred: dropped files' bytes stay here to be replayed after a cancel.
      this.worker.postMessage({ id, req });
    });
  }

  request<T>(req: Request): Promise<T> {
    return this.ready.then(() => this.send(req)) as Promise<T>;
  }

  /** A request whose effect on the data must survive a cancel (loading or removing tables, defining schemas). */
  mutate<T>(req: Request): Promise<T> {
    if (req.type === 'define') this.replay.length = 0; // a definition replaces all before it
    this.replay.push(req);
    return this.request<T>(req);
  }

  private failAll(err: unknown): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private restart(): void {
    this.worker.terminate();
    this.start();
  }

  /** Stops whatever the worker is doing: its pending requests fail with CancelledError. */
  cancel(): void {
    this.failAll(new CancelledError());
    this.restart();
  }
}
