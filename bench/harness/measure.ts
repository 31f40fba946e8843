// Measurement primitives shared by the runners: a forced full GC, a peak-RSS sampler on its own thread, medians.
// No dependency outside Node, so the root typecheck covers this file.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';

/** A full GC (exposed on the fly when node was not started with --expose-gc). */
export const gc: () => void = (() => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/**
 * Peak RSS sampled every millisecond by a worker thread, so it keeps sampling while the main thread is busy. RSS
 * includes native memory, which is where DuckDB keeps its data and intermediate results.
 */
export class RssSampler {
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

export const heapNow = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One timed call: wall time and peak RSS above the RSS before it (after a full GC). */
export async function timeOnce<T>(sampler: RssSampler, fn: () => T | Promise<T>): Promise<{ ms: number; peakRss: number; result: T }> {
  gc();
  const rss0 = process.memoryUsage.rss();
  sampler.reset();
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  const peakRss = Math.max(0, sampler.peakBytes() - rss0);
  // Let the sampler thread run between measurements (it is starved only on a fully loaded machine).
  await new Promise((r) => setTimeout(r, 2));
  return { ms, peakRss, result };
}

export const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
export const fmtMb = (b: number): string => `${(b / 1048576).toFixed(0)} MB`;
export const fmtRate = (r: number): string => (r >= 1e6 ? `${(r / 1e6).toFixed(2)} M` : `${(r / 1e3).toFixed(0)} k`);
