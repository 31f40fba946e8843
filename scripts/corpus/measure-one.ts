// Measures ONE query through every stage, never throwing: Microsoft's parser, kqlite's parser, kqlite's binder
// against its known tables, Microsoft's analyser given the same schemas (and whether the result schemas agree),
// and a run of kqlite on empty tables. Anything kqlite throws that is not a KqlError is an INTERNAL error — a
// kqlite bug — and is recorded with its stack.
import { Database, KqlError, parse, type Diagnostic } from '../../src/index.js';
import { kqliteCause, msCause } from './causes.js';
import { kqliteSchemas } from './kqlite-tables.js';
import { MsOracle, type Column } from './ms-oracle.js';

export type Verdict = 'ok' | 'error';

export interface Measure {
  readonly id: string;
  /** Microsoft's parser: syntax only. */
  msParse: Verdict;
  msParseCause?: string;
  /** 'hang': the query did not answer within measure.ts's time box (stage unknown: kqlite or Microsoft's analyser). */
  kqParse: Verdict | 'internal' | 'hang';
  /** kqlite binding against its known tables. */
  kqBind?: 'ok' | 'unknown-table' | 'refused' | 'error' | 'internal';
  /** Microsoft's analyser with kqlite's table schemas. */
  msAnalyse?: 'ok' | 'error' | 'scalar';
  msAnalyseCause?: string;
  /** Result columns (name, order, type) of kqlite's plan vs Microsoft's analyser, when both bound. */
  schema?: 'same' | 'different';
  schemaDiff?: string;
  /** kqlite run on empty tables. */
  run?: 'ok' | 'refused' | 'error' | 'internal';
  /** The first kqlite failure, normalised: stage + cause. Absent when kqlite parsed, bound and ran. */
  cause?: string;
  internal?: string;
  millis: number;
}

const NOW = '2026-11-20T12:00:00Z';

function firstError(diags: readonly Diagnostic[]): Diagnostic | undefined {
  return diags.find((d) => d.severity === 'error');
}

function internalText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}\n${(err.stack ?? '').split('\n').slice(1, 6).join('\n')}` : String(err);
}

function describeSchemaDiff(ours: readonly Column[], ms: readonly Column[]): string {
  const show = (cs: readonly Column[]) => cs.map((c) => `${c.name}:${c.type}`).join(', ');
  if (ours.length !== ms.length) return `columns ${ours.length} vs ${ms.length}: kqlite (${show(ours)}) ms (${show(ms)})`;
  const diffs: string[] = [];
  ours.forEach((c, i) => {
    const m = ms[i]!;
    if (c.name !== m.name || c.type !== m.type) diffs.push(`#${i} ${c.name}:${c.type} vs ${m.name}:${m.type}`);
  });
  return diffs.slice(0, 4).join('; ');
}

/** The kind of schema difference, for grouping (the details go in schemaDiff). */
function schemaCause(ours: readonly Column[], ms: readonly Column[]): string {
  if (ours.length !== ms.length) return 'schema: column count differs';
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i]!;
    const b = ms[i]!;
    if (a.name !== b.name) return 'schema: column name differs';
    if (a.type !== b.type) return `schema: type ${a.type} where Microsoft says ${b.type}`;
  }
  return 'schema: same';
}

export class Measurer {
  private readonly db = new Database();
  private readonly ms: MsOracle;

  /**
   * `extraSchemas` (measure.ts --schemas): tables to declare in kqlite before measuring, for a preview of the corpus
   * once kqlite knows them; a table kqlite already knows keeps kqlite's schema. Both sides see the same tables.
   */
  constructor(extraSchemas: Readonly<Record<string, readonly Column[]>> = {}) {
    const known = new Set(this.db.tableNames());
    for (const [name, cols] of Object.entries(extraSchemas)) {
      if (known.has(name)) continue;
      try {
        this.db.defineTable(name, cols);
      } catch {
        // a column type kqlite does not take (decimal): leave the table out rather than change its meaning
      }
    }
    this.ms = new MsOracle(kqliteSchemas(this.db));
  }

  measure(id: string, text: string): Measure {
    const started = performance.now();
    const r: Measure = { id, msParse: 'ok', kqParse: 'ok', millis: 0 };
    const msSyntax = this.ms.syntaxErrors(text);
    if (msSyntax.length > 0) {
      r.msParse = 'error';
      r.msParseCause = msCause(msSyntax[0]!);
    }
    this.kqlite(r, text);
    if (r.msParse === 'ok') {
      try {
        const a = this.ms.analyse(text);
        if ('errors' in a) {
          r.msAnalyse = 'error';
          r.msAnalyseCause = msCause(a.errors[0]!);
        } else if ('scalar' in a) r.msAnalyse = 'scalar';
        else {
          r.msAnalyse = 'ok';
          if (r.kqBind === 'ok') {
            const ours = this.db.plan(text, { now: NOW }).plan!.schema.map((c) => ({ name: c.name, type: c.type }));
            const cause = schemaCause(ours, a.columns);
            r.schema = cause === 'schema: same' ? 'same' : 'different';
            if (r.schema === 'different') {
              r.schemaDiff = describeSchemaDiff(ours, a.columns);
              r.cause ??= cause;
            }
          }
        }
      } catch (err) {
        r.msAnalyse = 'error';
        r.msAnalyseCause = `ms analyser threw: ${String(err).slice(0, 80)}`;
      }
    }
    r.millis = Math.round(performance.now() - started);
    return r;
  }

  private kqlite(r: Measure, text: string): void {
    try {
      const parsed = parse(text);
      const e = firstError(parsed.diagnostics);
      if (e) {
        r.kqParse = 'error';
        r.cause = `parse: ${kqliteCause(e)}`;
        return;
      }
    } catch (err) {
      r.kqParse = 'internal';
      r.internal = `parse threw ${internalText(err)}`;
      r.cause = 'internal error (parse)';
      return;
    }
    try {
      const { plan, diagnostics } = this.db.plan(text, { now: NOW });
      if (!plan) {
        const e = firstError(diagnostics)!;
        r.kqBind = e.code === 'bind-unknown-table' ? 'unknown-table' : e.code === 'bind-not-supported' ? 'refused' : 'error';
        r.cause = `bind: ${kqliteCause(e)}`;
        return;
      }
      r.kqBind = 'ok';
    } catch (err) {
      r.kqBind = 'internal';
      r.internal = `bind threw ${internalText(err)}`;
      r.cause = 'internal error (bind)';
      return;
    }
    try {
      this.db.query(text, { now: NOW, limits: { timeoutMs: 10_000, maxIntermediateRows: 1_000_000, maxResultRows: 1_000_000 } });
      r.run = 'ok';
    } catch (err) {
      if (err instanceof KqlError) {
        const e = firstError(err.diagnostics) ?? err.diagnostics[0];
        r.run = e?.code === 'bind-not-supported' ? 'refused' : 'error';
        r.cause = `run: ${e ? kqliteCause(e) : err.message}`;
      } else {
        r.run = 'internal';
        r.internal = `run threw ${internalText(err)}`;
        r.cause = 'internal error (run)';
      }
    }
  }
}
