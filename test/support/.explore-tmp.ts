import { Database } from '../../src/database.js';
import { msResultSchema, loadMsKusto } from './ms-kusto.js';
import { typeCases } from './type-oracle-cases.js';
loadMsKusto();
const t0 = performance.now();
const db = new Database();
const cases = typeCases();
const out: string[] = [];
const counts: Record<string, number> = {};
for (const c of cases) {
  const ms = msResultSchema(c.query, {});
  let ours: any;
  try { ours = db.plan(c.query, { now: '2026-11-20T12:00:00Z' }); } catch (e) { ours = { crash: String(e) }; }
  const msT = Array.isArray(ms) ? ms.map(x => x.name + ':' + x.type).join(',') : null;
  const ourT = ours.plan ? ours.plan.schema.map((x: any) => x.name + ':' + x.type).join(',') : null;
  const errs = ours.crash ? ['CRASH ' + ours.crash] : (ours.diagnostics ?? []).filter((d: any) => d.severity === 'error').map((d: any) => `${d.code}: ${d.message}`);
  let k: string;
  if (msT !== null && ourT !== null) k = msT === ourT ? 'agree' : 'type-diff';
  else if (msT === null && ourT === null) k = 'both-reject';
  else if (msT !== null && errs.length && errs.every((e: string) => e.startsWith('bind-not-supported'))) k = 'nsupp';
  else if (msT !== null) k = 'ms-only';
  else k = 'ours-only';
  counts[k] = (counts[k] ?? 0) + 1;
  if (k !== 'agree' && k !== 'both-reject') out.push(`${k}\t${c.group}\t${c.query}\tMS=${msT ?? (ms as any).errors.join(' | ')}\tKQ=${ourT ?? errs.join(' | ')}`);
}
console.log(JSON.stringify(counts), cases.length, (performance.now() - t0).toFixed(0) + 'ms');
console.log(out.join('\n'));
