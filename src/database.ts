// The embeddable entry point: register tables once, run many queries. Browser-safe (no Node imports).
// Pipeline: parse → bind (names, types, plan) → execute. Each phase collects diagnostics; the pipeline stops at
// the end of a phase with errors and throws one KqlError carrying them all.

import { diagnostic, hasErrors, KqlError, type Diagnostic } from './diagnostics.js';
import { parse } from './parser/index.js';
import { bindScript } from './engine/bind/bind-script.js';
import type { CatalogView } from './engine/bind/scope.js';
import type { Limits } from './engine/exec/context.js';
import { execute, executeAsync, newExecContext } from './engine/exec/execute.js';
import { explainPlan } from './engine/operators/index.js';
import { explainSteps } from './explain-steps.js';
import type { Plan } from './engine/plan/logical.js';
import { SchemaMapWithBuiltins } from './tables/builtin-schemas.js';
import { tableFromRows, RowConversionError } from './tables/from-rows.js';
import { checkSchema as checkDeclaredSchema, SchemaError } from './tables/schema-check.js';
import type { Column, Schema, Table } from './tables/table.js';
import { QueryResult } from './result.js';
import { resultParts, type ResultPart } from './engine/operators/fork.js';
import { functionFromParts, parseFunctionDefinition } from './stored-functions.js';
import type { StoredFunction } from './engine/bind/stored-functions.js';
import { getWatchlistTable, WatchlistError, watchlistTableRows, type WatchlistInput } from './watchlists.js';
import { parseDatetime } from './values/datetime.js';
import type { GeoIpLookup } from './values/geoip.js';
import { UNIX_EPOCH_TICKS, TICKS_PER_MILLISECOND } from './values/types.js';

export interface QueryOptions {
  /** The instant now() and ago() use, for the whole query. Default: the wall clock. */
  readonly now?: Date | string;
  /**
   * Stops the query with `runtime-aborted`. query() runs synchronously, so only queryAsync() lets an abort fired on
   * the same thread (a timer, a button) be seen: it yields to the event loop between operators.
   */
  readonly signal?: AbortSignal;
  /** Rows, memory and time limits (README "Limits"; defaults in engine/exec/context.ts). */
  readonly limits?: Limits;
  /** Name shown in error positions (a file name). */
  readonly fileName?: string;
  /**
   * Values of the query's `declare query_parameters(...)`, by name: JS values of the declared type, or text parsed as
   * that type's literal (`'7d'` for a timespan). Overrides the Database's own `parameters`.
   */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

export interface DatabaseOptions {
  /** Know the ~900 catalogue tables (default true). */
  readonly builtinSchemas?: boolean;
  /** Query parameter values every query gets (QueryOptions.parameters adds to and overrides them). */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /**
   * What `externaldata` reads: the text behind a URI (or `{ text, source }`, `source` naming it in data errors, or
   * `{ error }` saying why there is none), undefined when unknown. kqlite itself never goes to the network;
   * `openDataFolder` / the CLI map URLs to files of the data folder (README "External data").
   */
  readonly externalData?: (uri: string) => string | { readonly text: string; readonly source: string } | { readonly error: string } | undefined;
  /**
   * What geo_info_from_ip_address reads: the MaxMind record (GeoLite2-City layout) of an address, null when none
   * (`geoIpLookup(bytes)` / `loadGeoIpFile(path)` from kqlite/node build one). Without it the function is an error.
   */
  readonly geoip?: GeoIpLookup;
}

export type TableInput =
  | Table
  | { readonly schema?: readonly { name: string; type: string }[]; readonly rows: readonly Record<string, unknown>[] };

function nowTicks(now: Date | string | undefined): bigint {
  if (now === undefined) return UNIX_EPOCH_TICKS + BigInt(Date.now()) * TICKS_PER_MILLISECOND;
  if (now instanceof Date) return UNIX_EPOCH_TICKS + BigInt(now.getTime()) * TICKS_PER_MILLISECOND;
  const t = parseDatetime(now);
  if (t === null) throw new KqlError([diagnostic('bind-invalid-now', { start: 0, end: 0 }, { value: now })]);
  return t;
}

function isTable(t: TableInput): t is Table {
  return (t as Table).columns !== undefined && (t as Table).schema !== undefined;
}

export class Database {
  private readonly tables = new Map<string, Table>();
  private readonly schemas: Map<string, Schema>;

  private readonly options: DatabaseOptions;
  private readonly watchlists = new Map<string, { input: WatchlistInput; table: Table }>();
  private watchlistTableGiven = false;
  private readonly functions = new Map<string, StoredFunction>();
  private readonly externalData = (uri: string) => {
    const found = this.options.externalData?.(uri);
    return typeof found === 'string' ? { text: found, source: uri } : found;
  };

  constructor(options: DatabaseOptions = {}) {
    this.options = options;
    // The ~700 built-in schemas are found lazily (each decoded on first use): creating a Database decodes none.
    this.schemas = options.builtinSchemas !== false ? new SchemaMapWithBuiltins() : new Map<string, Schema>();
  }

  /** Declare a table's schema without data: queries see an empty table. */
  defineTable(name: string, schema: readonly { name: string; type: string }[]): void {
    this.schemas.set(name, checkSchema(name, schema));
  }

  /** Register a table: a loaded Table, or rows (objects) with an optional schema (default: the built-in one). */
  addTable(name: string, input: TableInput): void {
    if (name === 'Watchlist') this.watchlistTableGiven = true;
    if (isTable(input)) {
      this.tables.set(name, input);
      this.schemas.set(name, input.schema);
      return;
    }
    const schema = input.schema ? checkSchema(name, input.schema) : this.schemas.get(name);
    if (!schema) {
      throw new KqlError([diagnostic('data-error', { start: 0, end: 0 }, { message: `table '${name}' has no schema: pass one with its rows` })]);
    }
    if (!Array.isArray(input.rows)) {
      throw new KqlError([diagnostic('data-error', { start: 0, end: 0 }, { message: `table '${name}': rows must be an array of objects` })]);
    }
    try {
      const t = tableFromRows(schema, input.rows);
      this.tables.set(name, t);
      this.schemas.set(name, schema);
    } catch (err) {
      if (err instanceof RowConversionError) {
        throw new KqlError([diagnostic('data-error', { start: 0, end: 0 }, { message: `table '${name}': ${err.message}` })]);
      }
      throw err;
    }
  }

  table(name: string): Table | undefined {
    return this.tables.get(name);
  }

  tableNames(): string[] {
    return [...this.schemas.keys()];
  }

  private catalog(): CatalogView {
    return {
      schemaOf: (n) => this.schemas.get(n),
      tableNames: () => [...this.schemas.keys()],
      watchlist: (alias) => {
        const t = this.watchlists.get(alias);
        return t ? { table: watchlistKey(alias), schema: t.table.schema } : undefined;
      },
      watchlistNames: () => [...this.watchlists.keys()],
    };
  }

  /**
   * A stored function, visible to every query as a let-defined function is (a let of the same name in the query
   * wins): Kusto's `.create-or-alter function [with (...)] Name(params) { body }` text, or a name with its
   * parameters (`a:string, n:long = 5`) and body. Throws KqlError for a definition that does not parse.
   */
  defineFunction(definition: string, options?: { fileName?: string }): string;
  defineFunction(name: string, fn: { parameters?: string; body: string; fileName?: string; bodyLine?: number }): string;
  defineFunction(a: string, b?: { fileName?: string } | { parameters?: string; body: string; fileName?: string; bodyLine?: number }): string {
    const f =
      b && 'body' in b ? functionFromParts(a, b.parameters ?? '', b.body, b.fileName, b.bodyLine) : parseFunctionDefinition(a, b?.fileName);
    this.functions.set(f.name, f);
    return f.name;
  }

  /** Names of the stored functions. */
  functionNames(): string[] {
    return [...this.functions.keys()];
  }

  /**
   * A Microsoft Sentinel watchlist: `_GetWatchlist(alias)` returns its items (src/watchlists.ts has the columns),
   * and the `Watchlist` table gets its rows, unless a `Watchlist` table was added with addTable.
   */
  addWatchlist(alias: string, watchlist: WatchlistInput): void {
    let table: Table;
    try {
      table = getWatchlistTable(alias, watchlist);
    } catch (err) {
      if (err instanceof WatchlistError || err instanceof RowConversionError) {
        throw new KqlError([diagnostic('data-error', { start: 0, end: 0 }, { message: err.message })]);
      }
      throw err;
    }
    this.watchlists.set(alias, { input: watchlist, table });
    this.tables.set(watchlistKey(alias), table);
    if (!this.watchlistTableGiven) {
      const schema = this.schemas.get('Watchlist');
      const rows = watchlistTableRows(new Map([...this.watchlists].map(([a, w]) => [a, w.input])));
      if (schema) this.tables.set('Watchlist', tableFromRows(schema, rows));
    }
  }

  /** Parse and bind: the plan and all diagnostics, without running anything. */
  plan(text: string, options: QueryOptions = {}): { plan?: Plan; diagnostics: Diagnostic[]; unboundParameters?: Diagnostic[] } {
    const parsed = parse(text);
    if (hasErrors(parsed.diagnostics)) return { diagnostics: parsed.diagnostics };
    const diagnostics = [...parsed.diagnostics];
    // Declared query parameters without a value still bind (the schema does not depend on them); running needs them.
    const unboundParameters: Diagnostic[] = [];
    const plan = guardStack(text, options, () =>
      bindScript(parsed.ast, {
        catalog: this.catalog(),
        diagnostics,
        nowTicks: nowTicks(options.now),
        source: text,
        // The binder's one way to read data (evaluate bag_unpack without an output schema): see BindContext.discover.
        discover: (p) => execute(p, newExecContext((n) => this.tables.get(n), options.limits, options.signal, text)),
        parameters: { ...this.options.parameters, ...options.parameters },
        missingParameters: unboundParameters,
        functions: [...this.functions.values()],
        externalData: this.externalData,
        geoip: this.options.geoip,
      }),
    );
    if (!plan || hasErrors(diagnostics)) return { diagnostics };
    return unboundParameters.length > 0 ? { plan, diagnostics, unboundParameters } : { plan, diagnostics };
  }

  /** plan(), for running: a declared parameter without a value is an error now. */
  private runnablePlan(text: string, options: QueryOptions): { plan: Plan; diagnostics: Diagnostic[] } {
    const { plan, diagnostics, unboundParameters } = this.plan(text, options);
    if (!plan) throw new KqlError(diagnostics, text, options.fileName);
    if (unboundParameters) throw new KqlError(unboundParameters, text, options.fileName);
    return { plan, diagnostics };
  }

  /**
   * Run a query. Throws KqlError (with positions) for a bad query or a runtime limit. Synchronous: `timeoutMs`
   * bounds it; an AbortSignal can only stop it from another thread's point of view — use queryAsync for that.
   */
  query(text: string, options: QueryOptions = {}): QueryResult {
    const { plan, diagnostics } = this.runnablePlan(text, options);
    const ctx = newExecContext((n) => this.tables.get(n), options.limits, options.signal, text);
    // A batch or a fork has several results: each part runs in the same run (a shared materialize runs once).
    const parts = resultParts(plan);
    const tables = guardStack(text, options, () => parts.map((p) => execute(p.plan, ctx)));
    return finishParts(parts, tables, diagnostics, text, options);
  }

  /**
   * Run a query, yielding to the event loop between operators (at most every ~10 ms), so that `signal` — aborted by
   * a timer, a UI event or a request closing — stops it at the next operator with `runtime-aborted`. Inside an
   * operator the query checks the signal and `timeoutMs` every 65,536 rows (see engine/exec/CONTEXT.md).
   */
  async queryAsync(text: string, options: QueryOptions = {}): Promise<QueryResult> {
    if (options.signal?.aborted) {
      throw new KqlError([diagnostic('runtime-aborted', { start: 0, end: 0 }, {})], text, options.fileName);
    }
    const { plan, diagnostics } = this.runnablePlan(text, options);
    const ctx = newExecContext((n) => this.tables.get(n), options.limits, options.signal, text);
    const parts = resultParts(plan);
    const tables: Table[] = [];
    try {
      for (const p of parts) tables.push(await executeAsync(p.plan, ctx));
    } catch (err) {
      throw asQueryError(err, text, options);
    }
    return finishParts(parts, tables, diagnostics, text, options);
  }

  /** The bound plan as readable text with the output schema of every step. */
  explain(text: string, options: QueryOptions = {}): string {
    const { plan, diagnostics } = this.plan(text, options);
    if (!plan) throw new KqlError(diagnostics, text, options.fileName);
    return explainPlan(plan);
  }

  /**
   * The query explained for people: its steps in the order they run, as written, each with the columns it adds,
   * removes or retypes and the instants now()/ago() stand for (src/explain-steps.ts). `kqlite explain` prints this.
   */
  explainSteps(text: string, options: QueryOptions = {}): string {
    const { plan, diagnostics } = this.plan(text, options);
    if (!plan) throw new KqlError(diagnostics, text, options.fileName);
    return explainSteps(plan, text);
  }
}

/** Where a watchlist's table is kept: a key no table name can collide with (tableNames() lists schemas only). */
const watchlistKey = (alias: string) => `\u0000watchlist:${alias}`;

function finishParts(parts: readonly ResultPart[], tables: readonly Table[], diagnostics: Diagnostic[], text: string, options: QueryOptions): QueryResult {
  const results = parts.map((p, i) => finish(p.plan, tables[i]!, diagnostics, text, options, p.name));
  return results.length === 1 ? results[0]! : QueryResult.several(results);
}

function finish(plan: Plan, table: Table, diagnostics: Diagnostic[], text: string, options: QueryOptions, name?: string): QueryResult {
  const max = options.limits?.maxResultRows;
  if (max !== undefined && table.rowCount > max) {
    throw new KqlError([diagnostic('runtime-limit', plan.span, { what: 'result rows', limit: max })], text, options.fileName);
  }
  return new QueryResult(table, findRender(plan), diagnostics, name);
}

/** Runs a phase; a KqlError gets the query text and file name, a stack overflow becomes a positioned error. */
function guardStack<T>(text: string, options: QueryOptions, phase: () => T): T {
  try {
    return phase();
  } catch (err) {
    throw asQueryError(err, text, options);
  }
}

function asQueryError(err: unknown, text: string, options: QueryOptions): unknown {
  if (err instanceof KqlError) return new KqlError(err.diagnostics, text, options.fileName);
  // The depth limits (bind/query-depth.ts) keep every walk well inside Node's default stack; a smaller stack (a
  // deep caller, a worker with a small stack) can still overflow. That is the query's complexity, not a bug: say so.
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return new KqlError([diagnostic('runtime-too-deep', { start: 0, end: text.length }, {})], text, options.fileName);
  }
  return err;
}

function findRender(plan: Plan): { chart: string; properties: Readonly<Record<string, unknown>> } | undefined {
  return plan.kind === 'Render' ? { chart: plan.chart, properties: plan.properties } : undefined;
}

/** A declared schema as the engine's columns; every Kusto type spelling resolves (src/tables/schema-check.ts). */
function checkSchema(table: string, schema: readonly { name: string; type: string }[]): Column[] {
  try {
    return checkDeclaredSchema(schema);
  } catch (err) {
    if (!(err instanceof SchemaError)) throw err;
    throw new KqlError([diagnostic('data-error', { start: 0, end: 0 }, { message: `table '${table}': ${err.message}` })]);
  }
}

/** One-shot convenience: a fresh database with the given tables. */
export function query(text: string, options: QueryOptions & { tables?: Record<string, TableInput> } = {}): QueryResult {
  const db = new Database();
  for (const [name, t] of Object.entries(options.tables ?? {})) db.addTable(name, t);
  return db.query(text, options);
}
