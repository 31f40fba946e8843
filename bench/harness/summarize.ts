// Reads the --json files of one or more runs and prints (1) how each engine's time grows with rows, case by case,
// and (2) the cases where kqlite is furthest behind its fastest rival at the largest size (the performance
// helpers' work list).   npx tsx bench/harness/summarize.ts /tmp/b100k.json /tmp/b1m.json [--worst 5]

import { readFileSync } from 'node:fs';

interface Measured { engine: string; median: number; error?: string }
interface CaseResult { name: string; rows: number; engines: Measured[]; check: string }

const args = process.argv.slice(2);
const worstAt = args.indexOf('--worst');
const worstN = worstAt >= 0 ? Number(args[worstAt + 1]) : 5;
const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--worst');
const results: CaseResult[] = files.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { results: CaseResult[] }).results);
const sizes = [...new Set(results.map((r) => r.rows))].sort((a, b) => a - b);
const names = [...new Set(results.map((r) => r.name))];
const at = (name: string, rows: number) => results.find((r) => r.name === name && r.rows === rows);
const med = (r: CaseResult | undefined, e: string) => {
  const m = r?.engines.find((x) => x.engine === e);
  return m && !m.error ? m.median : NaN;
};
const f = (x: number) => (Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const k = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

if (sizes.length > 1) {
  const lo = sizes[0]!;
  const hi = sizes[sizes.length - 1]!;
  console.log(`Growth ${k(lo)} → ${k(hi)} rows (time ratio; linear = ${hi / lo}):\n`);
  console.log(`| case | kqlite ms ${k(lo)} / ${k(hi)} | kqlite × | arquero × | DuckDB × |\n|---|---:|---:|---:|---:|`);
  for (const n of names) {
    const a = at(n, lo);
    const b = at(n, hi);
    if (!a || !b) continue;
    const g = (e: string) => f(med(b, e) / med(a, e));
    console.log(`| ${n} | ${f(med(a, 'kqlite'))} / ${f(med(b, 'kqlite'))} | ${g('kqlite')} | ${g('arquero')} | ${g('duckdb')} |`);
  }
}
const top = sizes[sizes.length - 1]!;
const ranked = names
  .map((n) => {
    const r = at(n, top);
    const kq = med(r, 'kqlite');
    const rivals = ['arquero', 'duckdb'].map((e) => [e, med(r, e) / kq] as const).filter(([, x]) => !Number.isNaN(x));
    const best = rivals.sort((x, y) => x[1] - y[1])[0];
    return { n, kq, best };
  })
  .filter((x) => x.best)
  .sort((x, y) => x.best![1] - y.best![1]);
console.log(`\nWorst ratios at ${k(top)} rows (fastest rival's time / kqlite's):\n`);
for (const x of ranked.slice(0, worstN)) console.log(`- ${x.n}: kqlite ${f(x.kq)} ms; ${x.best![0]} ×${x.best![1].toFixed(2)}`);
console.log(`\nkqlite fastest of the three in: ${ranked.filter((x) => x.best![1] > 1).map((x) => `${x.n} (×${x.best![1].toFixed(2)})`).join(', ') || 'none'}`);
