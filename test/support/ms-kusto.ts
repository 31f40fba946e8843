// A small typed wrapper around Microsoft's own KQL parser and semantic analyser (Kusto.Language, shipped on npm as
// @kusto/language-service-next). Tests use it as an oracle: "does Kusto accept this text?" and "what result
// schema does Kusto infer for this query?".
//
// The package is a Bridge.NET translation of the C# Kusto.Language library: two plain CommonJS scripts that
// install the globals `Bridge` and `Kusto`. bridge.js must run first. We load the minified builds (same code,
// about half the load time of the full ones) through createRequire because this project is ESM.
// Test-only: this file uses Node's module loader and `fs`, which the engine core must never do.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

// ---------------------------------------------------------------------------------------------------------------
// The slice of the Kusto.Language API we use (see Kusto.Language.Bridge.d.ts in the package for the full surface).

/** A .NET IReadOnlyList as Bridge exposes it. */
interface NetList<T> {
  readonly Count: number;
  getItem(index: number): T;
}

interface MsDiagnostic {
  readonly Message: string;
  readonly Start: number;
  readonly Length: number;
  /** 'Error' | 'Warning' | 'Suggestion' | 'Information' | 'Hidden' */
  readonly Severity: string;
  readonly Code: string;
}

interface MsTypeSymbol {
  readonly Name: string;
  readonly Kind: number;
}

interface MsColumnSymbol {
  readonly Name: string;
  readonly Type: MsTypeSymbol;
}

interface MsResultType extends MsTypeSymbol {
  /** Present on table symbols only. */
  readonly Columns?: NetList<MsColumnSymbol>;
}

interface MsKustoCode {
  readonly ResultType: MsResultType | null;
  GetDiagnostics(): NetList<MsDiagnostic>;
  GetSyntaxDiagnostics(): NetList<MsDiagnostic>;
}

interface MsGlobalState {
  WithDatabase(database: unknown): MsGlobalState;
}

interface KustoLanguage {
  readonly KustoCode: {
    Parse(text: string, globals?: MsGlobalState | null): MsKustoCode;
    ParseAndAnalyze(text: string, globals?: MsGlobalState | null): MsKustoCode;
  };
  readonly GlobalState: { readonly Default: MsGlobalState };
  readonly Symbols: {
    readonly SymbolKind: { readonly Table: number };
    readonly ScalarTypes: { GetSymbol(typeName: string): MsTypeSymbol | null };
    readonly ColumnSymbol: new (
      name: string,
      type: MsTypeSymbol,
      description: string | null,
      originalColumns: null,
      source: null,
      examples: null,
    ) => MsColumnSymbol;
    readonly TableSymbol: { readonly $ctor4: new (name: string, columns: MsColumnSymbol[]) => unknown };
    readonly DatabaseSymbol: { readonly ctor: new (name: string, members: unknown[]) => unknown };
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Loading

let library: KustoLanguage | undefined;
let loadMillis = 0;

/**
 * Loads Kusto.Language once per process (per vitest worker). Measured on the dev box: ~0.35 s to evaluate the two
 * scripts plus ~1.3 s for the first parse, which runs the grammar's static initialisers; later parses take
 * milliseconds. The warm-up parse is included here so callers see a single, predictable cost.
 */
export function loadMsKusto(): KustoLanguage {
  if (library) return library;
  const started = performance.now();
  const require = createRequire(import.meta.url);
  require('@kusto/language-service-next/bridge.min.js');
  require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
  const kusto = (globalThis as { Kusto?: { Language?: KustoLanguage } }).Kusto?.Language;
  if (!kusto) throw new Error('@kusto/language-service-next did not install the global Kusto.Language');
  kusto.KustoCode.Parse('print 1').GetSyntaxDiagnostics();
  library = kusto;
  loadMillis = performance.now() - started;
  return kusto;
}

/** Wall-clock milliseconds the first loadMsKusto() took (0 before loading). */
export function msLoadMillis(): number {
  return loadMillis;
}

function toArray<T>(list: NetList<T> | null | undefined): T[] {
  const out: T[] = [];
  if (!list) return out;
  for (let i = 0; i < list.Count; i++) out.push(list.getItem(i));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Syntax

export interface MsSyntaxDiagnostic {
  readonly message: string;
  readonly start: number;
  readonly length: number;
}

/**
 * Parse errors only. KustoCode.Parse does no name binding, and GetSyntaxDiagnostics() keeps only what the
 * parser itself reports, so unknown tables/columns/functions never show up here.
 */
export function msSyntaxDiagnostics(text: string): MsSyntaxDiagnostic[] {
  const code = loadMsKusto().KustoCode.Parse(text);
  return toArray(code.GetSyntaxDiagnostics())
    .filter((d) => d.Severity === 'Error')
    .map((d) => ({ message: d.Message, start: d.Start, length: d.Length }));
}

// ---------------------------------------------------------------------------------------------------------------
// Result schema

export interface ColumnSchema {
  readonly name: string;
  readonly type: string;
}

export type TableSchemas = Record<string, readonly ColumnSchema[]>;

const KQL_TYPES = new Set(['bool', 'int', 'long', 'real', 'decimal', 'datetime', 'timespan', 'string', 'guid', 'dynamic']);

/**
 * Runs Kusto's semantic analyser with a database holding `tables`, and returns the result columns of the query's
 * last statement. Kusto refines `dynamic` into array/bag/typed-dynamic symbols internally; all of them are the
 * one KQL type `dynamic`, which is what a result column reports.
 */
export function msResultSchema(text: string, tables: TableSchemas): ColumnSchema[] | { errors: string[] } {
  const kusto = loadMsKusto();
  const { Symbols } = kusto;
  const tableSymbols = Object.entries(tables).map(([tableName, columns]) => {
    const columnSymbols = columns.map((c) => {
      const type = Symbols.ScalarTypes.GetSymbol(c.type);
      if (!type) throw new Error(`table ${tableName}: unknown KQL type '${c.type}' for column ${c.name}`);
      return new Symbols.ColumnSymbol(c.name, type, null, null, null, null);
    });
    return new Symbols.TableSymbol.$ctor4(tableName, columnSymbols);
  });
  const database = new Symbols.DatabaseSymbol.ctor('kqlite', tableSymbols);
  const globals = kusto.GlobalState.Default.WithDatabase(database);
  const code = kusto.KustoCode.ParseAndAnalyze(text, globals);

  const errors = toArray(code.GetDiagnostics())
    .filter((d) => d.Severity === 'Error')
    .map((d) => `${d.Code} at ${d.Start}: ${d.Message}`);
  if (errors.length > 0) return { errors };

  const result = code.ResultType;
  if (!result || result.Kind !== Symbols.SymbolKind.Table || !result.Columns) {
    return { errors: [`the last statement is not tabular (result type: ${result?.Name ?? 'none'})`] };
  }
  const columns: ColumnSchema[] = [];
  const problems: string[] = [];
  for (const column of toArray(result.Columns)) {
    const type = column.Type.Name;
    if (KQL_TYPES.has(type)) columns.push({ name: column.Name, type });
    else problems.push(`column ${column.Name} has no KQL scalar type (Kusto says '${type}')`);
  }
  return problems.length > 0 ? { errors: problems } : columns;
}

// ---------------------------------------------------------------------------------------------------------------
// Table schemas for the email/URL tables (a copy of shared/schemas.json, which users of the repo do not have).

export type SchemaVariant = 'sentinel' | 'xdr';

/**
 * The five email/URL tables as `msResultSchema` wants them. 'sentinel' (the default) is the Log Analytics shape
 * with TimeGenerated; 'xdr' is Defender advanced hunting with Timestamp.
 */
export function loadTableSchemas(variant: SchemaVariant = 'sentinel'): TableSchemas {
  const file = new URL('./table-schemas.json', import.meta.url);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const tables = parsed[variant];
  if (typeof tables !== 'object' || tables === null) throw new Error(`table-schemas.json has no '${variant}' variant`);
  return tables as TableSchemas;
}
