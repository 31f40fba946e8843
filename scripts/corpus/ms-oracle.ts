// Microsoft's parser and analyser (@kusto/language-service-next) for the corpus measurement: the same library the
// tests use (test/support/ms-kusto.ts loads it), with the database of table schemas built ONCE per process — the
// measurement analyses thousands of queries against ~900 tables, and rebuilding the symbols per query would
// dominate the run. Scripts only (Node): never imported by the engine.
import { loadMsKusto } from '../../test/support/ms-kusto.js';

interface NetList<T> {
  readonly Count: number;
  getItem(index: number): T;
}
interface MsDiagnostic {
  readonly Message: string;
  readonly Start: number;
  readonly Length: number;
  readonly Severity: string;
  readonly Code: string;
}
interface MsType {
  readonly Name: string;
  readonly Kind: number;
  readonly Columns?: NetList<{ readonly Name: string; readonly Type: MsType }>;
}
interface MsCode {
  readonly ResultType: MsType | null;
  GetDiagnostics(): NetList<MsDiagnostic>;
  GetSyntaxDiagnostics(): NetList<MsDiagnostic>;
}
interface MsGlobals {
  WithDatabase(db: unknown): MsGlobals;
  readonly Functions: NetList<{ readonly Name: string }> | null;
  readonly Aggregates: NetList<{ readonly Name: string }> | null;
  readonly PlugIns: NetList<{ readonly Name: string }> | null;
}
/** The slice of Kusto.Language used here (loadMsKusto's own type is not exported). */
interface Kusto {
  readonly KustoCode: { Parse(text: string, g?: MsGlobals | null): MsCode; ParseAndAnalyze(text: string, g?: MsGlobals | null): MsCode };
  readonly GlobalState: { readonly Default: MsGlobals };
  readonly Symbols: {
    readonly SymbolKind: { readonly Table: number };
    readonly ScalarTypes: { GetSymbol(name: string): MsType | null };
    readonly ColumnSymbol: new (n: string, t: MsType, d: null, o: null, s: null, e: null) => unknown;
    readonly TableSymbol: { readonly $ctor4: new (name: string, columns: unknown[]) => unknown };
    readonly DatabaseSymbol: { readonly ctor: new (name: string, members: unknown[]) => unknown };
  };
}

function toArray<T>(list: NetList<T> | readonly T[] | null | undefined): T[] {
  // Bridge hands some .NET lists over as plain JS arrays (GlobalState.Functions) and others as IReadOnlyList.
  if (Array.isArray(list)) return [...(list as readonly T[])];
  const out: T[] = [];
  if (list) for (let i = 0; i < (list as NetList<T>).Count; i++) out.push((list as NetList<T>).getItem(i));
  return out;
}

export interface MsError {
  readonly code: string;
  readonly message: string;
  readonly start: number;
}

export interface Column {
  readonly name: string;
  readonly type: string;
}

const KQL_TYPES = new Set(['bool', 'int', 'long', 'real', 'decimal', 'datetime', 'timespan', 'string', 'guid', 'dynamic']);

export class MsOracle {
  private readonly kusto: Kusto;
  private readonly globals: MsGlobals;

  /** `tables`: the schemas the analyser is given (kqlite's known tables). */
  constructor(tables: Readonly<Record<string, readonly Column[]>>) {
    this.kusto = loadMsKusto() as unknown as Kusto;
    const { Symbols } = this.kusto;
    const symbols = Object.entries(tables).map(([name, cols]) => {
      const columns = cols.map((c) => {
        const type = Symbols.ScalarTypes.GetSymbol(c.type);
        if (!type) throw new Error(`table ${name}: unknown KQL type '${c.type}' for column ${c.name}`);
        return new Symbols.ColumnSymbol(c.name, type, null, null, null, null);
      });
      return new Symbols.TableSymbol.$ctor4(name, columns);
    });
    this.globals = this.kusto.GlobalState.Default.WithDatabase(new Symbols.DatabaseSymbol.ctor('kqlite', symbols));
  }

  /** Syntax errors only (no name binding). */
  syntaxErrors(text: string): MsError[] {
    return toArray(this.kusto.KustoCode.Parse(text).GetSyntaxDiagnostics())
      .filter((d) => d.Severity === 'Error')
      .map((d) => ({ code: d.Code, message: d.Message, start: d.Start }));
  }

  /** Semantic analysis against the tables given to the constructor: errors, or the result columns. */
  analyse(text: string): { errors: MsError[] } | { columns: Column[] } | { scalar: string } {
    const code = this.kusto.KustoCode.ParseAndAnalyze(text, this.globals);
    const errors = toArray(code.GetDiagnostics())
      .filter((d) => d.Severity === 'Error')
      .map((d) => ({ code: d.Code, message: d.Message, start: d.Start }));
    if (errors.length > 0) return { errors };
    const result = code.ResultType;
    if (!result || result.Kind !== this.kusto.Symbols.SymbolKind.Table || !result.Columns) {
      return { scalar: result?.Name ?? 'none' };
    }
    const columns: Column[] = [];
    for (const c of toArray(result.Columns)) {
      const type = c.Type.Name;
      // Kusto refines dynamic into array/bag symbols internally; a result column of any of them is `dynamic`.
      columns.push({ name: c.Name, type: KQL_TYPES.has(type) ? type : 'dynamic' });
    }
    return { columns };
  }

  /** Names of Kusto's built-in scalar functions, aggregates and evaluate plugins. */
  builtins(): { functions: Set<string>; aggregates: Set<string>; plugins: Set<string> } {
    const g = this.kusto.GlobalState.Default;
    const names = (l: NetList<{ readonly Name: string }> | null) => new Set(toArray(l).map((s) => s.Name));
    return { functions: names(g.Functions), aggregates: names(g.Aggregates), plugins: names(g.PlugIns) };
  }
}
