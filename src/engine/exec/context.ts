// Per-run state of the evaluator: the tables, caches for materialize() and subqueries, limits and cancellation,
// and `run`, the executor itself, through which operators execute their inputs (exec/execute.ts provides it, so
// operator modules never import the dispatcher that imports them).
//
// Limits are enforced while rows are produced, never after: an operator that produces rows (join, mv-expand,
// range, union, make-series, summarize groups) counts them first and calls `reserve(rows, bytesPerRow)` before it
// allocates anything, so a query that would build 400M rows stops at once with a positioned error instead of
// building them (or dying in V8). Time and abort are checked between operators and every CHECK_INTERVAL rows of
// long loops (a counter test, not a clock read per row). See CONTEXT.md in this folder.

import { diagnostic, KqlError, type Span } from '../../diagnostics.js';
import type { Table } from '../../tables/table.js';
import type { Arg, DictionaryMemo } from '../functions/types.js';
import type { Plan } from '../plan/logical.js';

export interface Limits {
  /** Rows a result may have (checked at the end). Default: no limit. */
  readonly maxResultRows?: number;
  /**
   * Rows one operator may produce (join, lookup, mv-expand, range, union, make-series, summarize groups), checked
   * before they are built. Default and ceiling: MAX_INTERMEDIATE_ROWS (a larger value is lowered to it).
   */
  readonly maxIntermediateRows?: number;
  /**
   * Estimated bytes of new data one operator may build (its rows × the bytes of their new cells; strings built by
   * functions by their length). Default DEFAULT_MAX_MEMORY_BYTES (1 GiB); Infinity turns the check off.
   */
  readonly maxMemoryBytes?: number;
  /** Wall-clock budget of one query, in milliseconds. Default: no limit. */
  readonly timeoutMs?: number;
}

/**
 * The most rows one operator may produce, whatever the limits say: a column of strings, guids or dynamic values is
 * a JavaScript array, and V8 aborts the whole process (not a catchable error) when an array grows past 2^27
 * elements. 100M leaves a margin and is a round number to document.
 */
export const MAX_INTERMEDIATE_ROWS = 100_000_000;
export const DEFAULT_MAX_MEMORY_BYTES = 1024 * 1024 * 1024;
/** Rows between two time/abort checks in long loops: a Date.now() per 65,536 rows costs nothing measurable. */
export const CHECK_INTERVAL = 0x10000;

export class ExecContext {
  readonly materialized = new Map<number, Table>();
  readonly subqueries = new Map<object, Arg>();
  readonly dictionaryMemo: DictionaryMemo = new WeakMap();
  /** The effective limits (defaults applied, rows capped at MAX_INTERMEDIATE_ROWS). */
  readonly maxRows: number;
  readonly maxBytes: number;
  private readonly deadline: number | undefined;
  /** Results the iterative executor computed ahead for their consumer (see execute.ts); one entry per pending use. */
  private readonly ready = new Map<Plan, Table[]>();
  constructor(
    /** Executes a plan in this context (exec/execute.ts's `execute`). */
    private readonly executor: (plan: Plan, ctx: ExecContext) => Table,
    readonly tables: (name: string) => Table | undefined,
    readonly limits: Limits = {},
    readonly signal?: AbortSignal,
    readonly source = '',
  ) {
    this.deadline = limits.timeoutMs !== undefined ? Date.now() + limits.timeoutMs : undefined;
    this.maxRows = Math.min(limits.maxIntermediateRows ?? MAX_INTERMEDIATE_ROWS, MAX_INTERMEDIATE_ROWS);
    this.maxBytes = limits.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES;
  }
  /** Runs a plan (an operator's input, a subquery) in this context. */
  run(plan: Plan): Table {
    const pending = this.ready.get(plan);
    if (pending !== undefined) {
      const t = pending.pop()!;
      if (pending.length === 0) this.ready.delete(plan);
      return t;
    }
    return this.executor(plan, this);
  }
  /** A plan's result computed ahead (by the iterative executor) for the next `run(plan)`. */
  provide(plan: Plan, table: Table): void {
    const pending = this.ready.get(plan);
    if (pending) pending.push(table);
    else this.ready.set(plan, [table]);
  }
  /** Called between operators and in long loops (every CHECK_INTERVAL rows): abort and time budget. */
  check(span: Span): void {
    if (this.signal?.aborted) throw new KqlError([diagnostic('runtime-aborted', span, {})], this.source);
    if (this.deadline !== undefined && Date.now() > this.deadline) {
      throw new KqlError([diagnostic('runtime-limit', span, { what: 'query time (ms)', limit: this.limits.timeoutMs! })], this.source);
    }
  }
  /** Rows produced so far by `what` against the row limit (for operators that cannot count ahead). */
  checkRows(rows: number, span: Span, what: string): void {
    if (rows > this.maxRows) {
      throw new KqlError([diagnostic('runtime-limit', span, { what: `rows produced by ${what}`, limit: this.maxRows })], this.source);
    }
  }
  /**
   * Before an operator builds `rows` rows of `bytesPerRow` new bytes each: the row limit and the memory budget.
   * Counts may be fractional or huge (a range of 10^12 values): they are plain numbers, compared before anything
   * is allocated.
   */
  reserve(rows: number, bytesPerRow: number, span: Span, what: string): void {
    this.checkRows(rows, span, what);
    this.checkBytes(rows * bytesPerRow, span, what);
  }
  /** Estimated bytes built by `what` against the memory budget. */
  checkBytes(bytes: number, span: Span, what: string): void {
    if (bytes > this.maxBytes) {
      throw new KqlError(
        [diagnostic('runtime-memory-limit', span, { what, bytes: Math.round(bytes), limit: this.maxBytes })],
        this.source,
      );
    }
  }
}
