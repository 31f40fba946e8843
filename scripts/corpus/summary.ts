// Figures and failure-cause rankings over the per-query measures of measure.ts.
import type { IndexEntry } from './collect.js';
import type { Measure } from './measure-one.js';

export interface CauseRow {
  readonly cause: string;
  readonly count: number;
  readonly examples: readonly string[];
}

export interface Headline {
  /** Queries Microsoft's analyser accepts over kqlite's table schemas (the comparable set). */
  readonly msAccepts: number;
  /** …of which kqlite parses, binds to the same result columns, and runs on empty tables. */
  readonly sameAndRuns: number;
  readonly refusedByName: number;
  readonly otherFailure: number;
}

export interface Summary {
  readonly total: number;
  readonly parse: { bothOk: number; bothReject: number; msOnly: number; kqliteOnly: number; kqliteInternal: number; hangs: number };
  readonly bind: Record<string, number>;
  readonly msAnalyse: Record<string, number>;
  readonly schema: Record<string, number>;
  readonly run: Record<string, number>;
  readonly all: Headline;
  readonly email: Headline & { readonly queries: number };
  readonly causes: readonly CauseRow[];
  readonly comparableCauses: readonly CauseRow[];
  readonly msRejections: readonly CauseRow[];
  readonly kqliteOnlyParses: readonly CauseRow[];
  readonly internal: readonly { id: string; what: string }[];
}

function count<T extends string>(values: readonly (T | undefined)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) if (v !== undefined) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function rank(pairs: readonly { id: string; cause: string }[], top: number): CauseRow[] {
  const by = new Map<string, string[]>();
  for (const p of pairs) {
    const ids = by.get(p.cause) ?? [];
    ids.push(p.id);
    by.set(p.cause, ids);
  }
  return [...by.entries()]
    .map(([cause, ids]) => ({ cause, count: ids.length, examples: ids.slice(0, 2) }))
    .sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause))
    .slice(0, top);
}

function headline(ms: readonly Measure[]): Headline {
  const comparable = ms.filter((m) => m.msAnalyse === 'ok');
  const same = comparable.filter((m) => m.schema === 'same' && m.run === 'ok').length;
  const refused = comparable.filter((m) => m.kqBind === 'refused' || m.run === 'refused').length;
  return { msAccepts: comparable.length, sameAndRuns: same, refusedByName: refused, otherFailure: comparable.length - same - refused };
}

export function summarise(entries: readonly IndexEntry[], ms: readonly Measure[]): Summary {
  const emailIds = new Set(entries.filter((e) => e.emailOnly).map((e) => e.id));
  const email = ms.filter((m) => emailIds.has(m.id));
  const valid = ms.filter((m) => m.msParse === 'ok');
  return {
    total: ms.length,
    parse: {
      bothOk: ms.filter((m) => m.msParse === 'ok' && m.kqParse === 'ok').length,
      bothReject: ms.filter((m) => m.msParse === 'error' && m.kqParse === 'error').length,
      msOnly: ms.filter((m) => m.msParse === 'ok' && m.kqParse === 'error').length,
      kqliteOnly: ms.filter((m) => m.msParse === 'error' && m.kqParse === 'ok').length,
      kqliteInternal: ms.filter((m) => m.kqParse === 'internal').length,
      hangs: ms.filter((m) => m.kqParse === 'hang').length,
    },
    bind: count(ms.map((m) => m.kqBind)),
    msAnalyse: count(ms.map((m) => m.msAnalyse)),
    schema: count(ms.map((m) => m.schema)),
    run: count(ms.map((m) => m.run)),
    all: headline(ms),
    email: { queries: email.length, ...headline(email) },
    causes: rank(valid.filter((m) => m.cause).map((m) => ({ id: m.id, cause: m.cause! })), 40),
    comparableCauses: rank(valid.filter((m) => m.msAnalyse === 'ok' && m.cause).map((m) => ({ id: m.id, cause: m.cause! })), 40),
    msRejections: rank(valid.filter((m) => m.msAnalyse === 'error').map((m) => ({ id: m.id, cause: m.msAnalyseCause! })), 25),
    kqliteOnlyParses: rank(ms.filter((m) => m.msParse === 'error' && m.kqParse === 'ok').map((m) => ({ id: m.id, cause: m.msParseCause! })), 15),
    internal: ms.filter((m) => m.internal).map((m) => ({ id: m.id, what: m.internal! })),
  };
}

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);

function table(rows: readonly CauseRow[], total: number): string {
  const lines = ['| # | cause | queries | share | examples |', '|---:|---|---:|---:|---|'];
  rows.forEach((r, i) => lines.push(`| ${i + 1} | \`${r.cause.replace(/\|/g, '\\|').replace(/`/g, "'")}\` | ${r.count} | ${pct(r.count, total)} | ${r.examples.join(', ')} |`));
  return lines.join('\n');
}

export function formatSummary(s: Summary, opts: { title: string }): string {
  const p = s.parse;
  const agree = p.bothOk + p.bothReject;
  const lines: string[] = [];
  lines.push(`# kqlite against ${opts.title}`, '');
  lines.push(`Queries: ${s.total}`, '');
  lines.push('## Parsing (Microsoft\'s parser vs kqlite\'s)', '');
  lines.push(`- agreement: ${agree} of ${s.total - p.hangs} (${pct(agree, s.total - p.hangs)}) — both accept ${p.bothOk}, both reject ${p.bothReject}`);
  lines.push(`- Microsoft accepts, kqlite rejects: ${p.msOnly} (${pct(p.msOnly, p.bothOk + p.msOnly)} of the queries Microsoft accepts)`);
  lines.push(`- kqlite accepts, Microsoft rejects: ${p.kqliteOnly}`);
  lines.push(`- kqlite parser threw (internal): ${p.kqliteInternal}`);
  lines.push(`- no answer within the time box (hang; not counted above): ${p.hangs}`, '');
  lines.push('## Binding, analysis, running', '');
  lines.push(`- kqlite bind (of the queries it parses): ${JSON.stringify(s.bind)}`);
  lines.push(`- Microsoft's analyser with kqlite's table schemas (of the queries Microsoft parses): ${JSON.stringify(s.msAnalyse)}`);
  lines.push(`- result schema, kqlite vs Microsoft (both bound): ${JSON.stringify(s.schema)}`);
  lines.push(`- kqlite run on empty tables (of the queries it binds): ${JSON.stringify(s.run)}`, '');
  lines.push('## Headline: of the queries Microsoft\'s analyser accepts over kqlite\'s tables, kqlite runs with the same result schema', '');
  lines.push(`- all queries: ${s.all.sameAndRuns} of ${s.all.msAccepts} (${pct(s.all.sameAndRuns, s.all.msAccepts)}); refused by name ${s.all.refusedByName}; other failures ${s.all.otherFailure}`);
  lines.push(`- email-table queries (${s.email.queries} read only the five email tables): ${s.email.sameAndRuns} of ${s.email.msAccepts} (${pct(s.email.sameAndRuns, s.email.msAccepts)}); refused by name ${s.email.refusedByName}; other failures ${s.email.otherFailure}`, '');
  const validFailures = s.causes.reduce((a, r) => a + r.count, 0);
  lines.push(`## Top failure causes over the queries Microsoft's parser accepts (first kqlite failure; top 40 hold ${validFailures})`, '');
  lines.push(table(s.causes, p.bothOk + p.msOnly), '');
  lines.push('## Failure causes over the comparable set (Microsoft\'s analyser accepts)', '');
  lines.push(table(s.comparableCauses, s.all.msAccepts), '');
  lines.push('## Why Microsoft\'s analyser rejects (given only kqlite\'s tables): what the comparable set leaves out', '');
  lines.push(table(s.msRejections, s.total), '');
  lines.push('## kqlite accepts, Microsoft\'s parser rejects (kqlite too lenient, or a template placeholder)', '');
  lines.push(table(s.kqliteOnlyParses, s.total), '');
  lines.push(`## Internal errors and hangs (kqlite bugs): ${s.internal.length}`, '');
  for (const e of s.internal) lines.push(`- ${e.id}: ${e.what.split('\n')[0]}`);
  return lines.join('\n');
}
