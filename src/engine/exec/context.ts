// Per-run state of the evaluator: the tables, caches for materialize() and subqueries, limits and cancellation,
// and `run`, the executor itself, through which operators execute their inputs (exec/execute.ts provides it, so
// operator modules never import the dispatcher that imports them).

import { diagnostic, KqlError, type Span } from '../../diagnostics.js';
import type { Table } from '../../tables/table.js';
import type { Arg, DictionaryMemo } from '../functions/types.js';
import type { Plan } from '../plan/logical.js';

export interface Limits {
  /** Rows a result may have (checked at the end). */
  readonly maxResultRows?: number;
  /** Rows one join, mv-expand or make-series may produce. */
  readonly maxIntermediateRows?: number;
  /** Wall-clock budget of one query, in milliseconds. */
  readonly timeoutMs?: number;
}

export class ExecContext {
  readonly materialized = new Map<number, Table>();
  readonly subqueries = new Map<object, Arg>();
  readonly dictionaryMemo: DictionaryMemo = new WeakMap();
  private readonly deadline: number | undefined;
  constructor(
    /** Executes a plan in this context (exec/execute.ts's `execute`). */
    private readonly executor: (plan: Plan, ctx: ExecContext) => Table,
    readonly tables: (name: string) => Table | undefined,
    readonly limits: Limits = {},
    readonly signal?: AbortSignal,
    readonly source = '',
  ) {
    this.deadline = limits.timeoutMs !== undefined ? Date.now() + limits.timeoutMs : undefined;
  }
  /** Runs a plan (an operator's input, a subquery) in this context. */
  run(plan: Plan): Table {
    return this.executor(plan, this);
  }
  /** Called between operators and in long loops: abort and time budget. */
  check(span: Span): void {
    if (this.signal?.aborted) throw new KqlError([diagnostic('runtime-aborted', span, {})], this.source);
    if (this.deadline !== undefined && Date.now() > this.deadline) {
      throw new KqlError([diagnostic('runtime-limit', span, { what: 'query time (ms)', limit: this.limits.timeoutMs! })], this.source);
    }
  }
  checkRows(rows: number, span: Span, what: string): void {
    const limit = this.limits.maxIntermediateRows;
    if (limit !== undefined && rows > limit) {
      throw new KqlError([diagnostic('runtime-limit', span, { what: `rows produced by ${what}`, limit })], this.source);
    }
  }
}
