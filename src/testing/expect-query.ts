// expectQuery: rule assertions for vitest / jest / node:test, without a YAML file.
//
//   import { expectQuery } from 'kqlite/testing';
//   const tables = { UrlClickEvents: { rows: [{ Timestamp: '2026-11-20T10:00:00Z', ActionType: 'ClickBlocked', Workload: 'Email' }] } };
//   expectQuery(rule, { tables, now: '2026-11-20T12:00:00Z' }).toFire();
//   expectQuery(rule, { tables, now }).toReturnRows([{ AccountUpn: 'a@contoso.com' }], { ordered: false });
//   expectQuery(rule, { tables, now }).toContainRows([{ Subject: 'Invoice' }]).toReturnCount(2);
//   expectQuery(rule, { tables, now }).not.toFire();            // same as .toNotFire()
//   expectQuery(rule, { db, now }).toHaveColumns(['Timestamp', 'AccountUpn']);
//
// Semantics are those of the YAML rule tests (src/node/rule-test.ts): expected rows name a subset of columns, in
// JSON conventions (datetimes as ISO text or `now-1h`, longs as numbers or bigints, dynamic as plain JSON);
// `rows` is the exact multiset unless `ordered`. A failed expectation throws QueryExpectationError whose message
// holds the readable diff (missing / unexpected / changed cells). The query runs once, lazily, and is reused by
// chained expectations. Browser-safe.

import { Database, type TableInput } from '../database.js';
import type { QueryResult } from '../result.js';
import { checkResult, type Expectations } from './assertions.js';
import { nowToTicks, type OrderSpec } from './compare-rows.js';
import { mirrorTimeColumns } from './time-columns.js';
import { BUILTIN_SCHEMAS } from '../tables/builtin-schemas.js';

export interface ExpectQueryOptions {
  /** Tables to register in a fresh database: rows (built-in schema unless `schema` is given) or loaded Tables. */
  readonly tables?: Readonly<Record<string, TableInput>>;
  /** An existing database instead (tables are then added to it). */
  readonly db?: Database;
  /** The instant now() / ago() use; also the base of `now-1h` in expected datetimes. Default: the clock. */
  readonly now?: string | Date;
}

export class QueryExpectationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryExpectationError';
  }
}

export class QueryExpectation {
  private cached: QueryResult | undefined;
  constructor(
    private readonly text: string,
    private readonly options: ExpectQueryOptions,
  ) {}

  /** The negations that read naturally; other expectations state their negative directly (count, rows). */
  get not(): { toFire(): QueryExpectation } {
    return { toFire: () => this.toNotFire() };
  }

  /** The query's result (runs it on first use). */
  result(): QueryResult {
    if (!this.cached) {
      const db = this.options.db ?? new Database();
      for (const [name, t] of Object.entries(this.options.tables ?? {})) {
        if ('rows' in t && Array.isArray(t.rows)) {
          // Rows of the built-in tables get the Timestamp/TimeGenerated mirroring the data folders have.
          const columns = t.schema ?? db.table(name)?.schema ?? BUILTIN_SCHEMAS[name] ?? [];
          const names = new Set(columns.map((c) => c.name));
          db.addTable(name, { schema: t.schema, rows: t.rows.map((r) => mirrorTimeColumns(names, r)) });
        } else db.addTable(name, t);
      }
      this.cached = db.query(this.text, { now: this.options.now });
    }
    return this.cached;
  }

  toFire(): this {
    return this.check({ fires: true }, 'toFire');
  }
  toNotFire(): this {
    return this.check({ fires: false }, 'not.toFire');
  }
  toReturnCount(n: number): this {
    return this.check({ count: n }, 'toReturnCount');
  }
  toHaveColumns(names: readonly string[]): this {
    return this.check({ columns: names }, 'toHaveColumns');
  }
  /** Exactly these rows. `ordered`: true (by position) or the sort-key columns (rows tied on them in any order). */
  toReturnRows(rows: readonly Readonly<Record<string, unknown>>[], options: { ordered?: OrderSpec } = {}): this {
    return this.check({ rows, ordered: options.ordered }, 'toReturnRows');
  }
  toContainRows(rows: readonly Readonly<Record<string, unknown>>[]): this {
    return this.check({ contains: rows }, 'toContainRows');
  }
  /** Several expectations at once, in the vocabulary of the YAML `expect:` block. */
  toSatisfy(expectations: Expectations): this {
    return this.check(expectations, 'toSatisfy');
  }

  private check(exp: Expectations, what: string): this {
    const failures = checkResult(this.result(), exp, { nowTicks: nowToTicks(this.options.now) });
    if (failures.length > 0) {
      const firstLine = this.text.trim().split('\n').find((l) => l.trim() && !l.trim().startsWith('//')) ?? '';
      throw new QueryExpectationError(
        [`expectQuery(${JSON.stringify(firstLine.trim().slice(0, 60))}…).${what} failed:`, ...failures.flat().map((l) => `  ${l}`)].join('\n'),
      );
    }
    return this;
  }
}

export function expectQuery(text: string, options: ExpectQueryOptions = {}): QueryExpectation {
  return new QueryExpectation(text, options);
}
