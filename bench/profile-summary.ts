// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and, for the engine's files, total
// (inclusive) time per function, so hot spots can be read without DevTools.
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/run.ts --only case1 --runs 3
//   npx tsx bench/profile-summary.ts /tmp/prof/CPU.*.cpuprofile [--top 25] [--filter src/] [--under query]
//
// --under NAME keeps only the samples with a function called NAME on the stack (e.g. `query`: Database.query,
// leaving out data generation and the baselines); percentages are of those samples.

import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

function label(n: Node): string {
  // Line numbers are those of tsx's transpiled output; the function name is the reliable part.
  const url = n.callFrame.url.replace(/^file:\/\//, '').replace(/^.*\/work\/main\//, '');
  return `${n.callFrame.functionName || '(anonymous)'} ${url ? `${url}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
}

export function summarise(file: string, top = 25, filter = '', under = ''): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Time per sample from timeDeltas (µs); hit counts alone ignore the sampling jitter.
  const selfUs = new Map<number, number>();
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const dt = deltas[i + 1] ?? deltas[i] ?? 0;
    selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + dt);
  }
  if (under) {
    for (const id of [...selfUs.keys()]) {
      let found = false;
      for (let cur: number | undefined = id; cur !== undefined && !found; cur = parent.get(cur)) found = byId.get(cur)!.callFrame.functionName === under;
      if (!found) selfUs.delete(id);
    }
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    self.set(label(n), (self.get(label(n)) ?? 0) + us);
    // Inclusive: every distinct function on the stack gets the sample once (recursion counted once).
    const onStack = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) onStack.add(label(byId.get(cur)!));
    for (const l of onStack) inclusive.set(l, (inclusive.get(l) ?? 0) + us);
  }
  const pct = (us: number) => ((100 * us) / total).toFixed(1).padStart(5) + ' %';
  const ms = (us: number) => (us / 1000).toFixed(0).padStart(7) + ' ms';
  const rows = (m: Map<string, number>) =>
    [...m]
      .filter(([l]) => l.includes(filter))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([l, us]) => `${pct(us)} ${ms(us)}  ${l}`)
      .join('\n');
  return `profile ${file}: ${(total / 1000).toFixed(0)} ms sampled\n\nSELF time\n${rows(self)}\n\nINCLUSIVE time\n${rows(inclusive)}\n`;
}

const args = process.argv.slice(2);
const files = args.filter((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
const topAt = args.indexOf('--top');
const filterAt = args.indexOf('--filter');
const underAt = args.indexOf('--under');
for (const f of files) {
  console.log(summarise(f, topAt >= 0 ? Number(args[topAt + 1]) : 25, filterAt >= 0 ? args[filterAt + 1]! : '', underAt >= 0 ? args[underAt + 1]! : ''));
}
