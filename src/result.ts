// The result of a query: typed columns, row access, Kusto-style JSON, and the chart request of `render`.

import type { Table } from './tables/table.js';
import { rowAt } from './tables/table.js';
import type { ScalarType, ScalarValue } from './values/types.js';
import { jsonCell, stringifyJson, formatTextTable } from './tables/format.js';
import type { Diagnostic } from './diagnostics.js';

export interface Visualization {
  readonly chart: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

export class QueryResult {
  readonly columns: readonly { readonly name: string; readonly type: ScalarType }[];
  private others: readonly QueryResult[] = [];
  constructor(
    readonly table: Table,
    readonly visualization: Visualization | undefined,
    readonly diagnostics: readonly Diagnostic[] = [],
    /** The result's name, when the query gives one: `fork Name = (…)` or a trailing `| as Name`. */
    readonly name?: string,
  ) {
    this.columns = table.schema.map((c) => ({ name: c.name, type: c.type }));
  }
  /**
   * A query with several results — a batch of tabular statements (batches.md) or `fork` (fork-operator.md) — is
   * the first of them, which holds them all here; the result of any other query is alone.
   */
  static several(results: readonly QueryResult[]): QueryResult {
    const first = results[0]!;
    first.others = results.slice(1);
    return first;
  }
  /** Every result of the query, in order (this one first): one for most queries. */
  get results(): readonly QueryResult[] {
    return [this, ...this.others];
  }
  get rowCount(): number {
    return this.table.rowCount;
  }
  /** Rows as arrays of values in the engine's representation (long/datetime/timespan as bigint). */
  rows(): (ScalarValue | null)[][] {
    const out: (ScalarValue | null)[][] = [];
    for (let i = 0; i < this.table.rowCount; i++) out.push(rowAt(this.table, i));
    return out;
  }
  /** Rows as objects keyed by column name, with JSON-convention values (datetime ISO strings, ...). */
  toObjects(): Record<string, unknown>[] {
    return this.jsonRows().map((r) => Object.fromEntries(this.columns.map((c, j) => [c.name, r[j]])));
  }
  /** `{columns, rows}` with Kusto's JSON conventions; longs beyond 2^53 stay bigint (use toJSONText for text). */
  toJSON(): { columns: { name: string; type: ScalarType }[]; rows: unknown[][] } {
    return { columns: this.columns.map((c) => ({ ...c })), rows: this.jsonRows() };
  }
  toJSONText(): string {
    return stringifyJson(this.toJSON());
  }
  toText(options: { maxWidth?: number } = {}): string {
    return formatTextTable(this.columns, this.rows(), options);
  }
  private jsonRows(): unknown[][] {
    return this.rows().map((r) => r.map((v, j) => jsonCell(v, this.columns[j]!.type)));
  }
}
