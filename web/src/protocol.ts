// Messages between the page and the query worker (worker/engine.worker.ts). Every request carries an id; the
// worker answers each with a reply of the same id: `ok: true` and the result, or `ok: false` and an error.
// Values cross as text or plain JSON: the page never needs the engine's types.

export interface ColumnInfo {
  readonly name: string;
  readonly type: string;
}

export interface TableInfo {
  readonly name: string;
  readonly rowCount: number;
  readonly columns: readonly ColumnInfo[];
  /** Where its rows came from: the bundled dataset, a dropped (or shared) file. */
  readonly source: 'bundled' | 'dropped';
  /** File name the rows were loaded from. */
  readonly file?: string;
}

/** A kqlite diagnostic: UTF-16 offsets into the query text, the engine's own message and notes. */
export interface DiagnosticInfo {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly notes: readonly string[];
}

export interface QueryError {
  readonly message: string;
  /** The engine's formatted report (position, source line, caret, notes), when it is a KqlError. */
  readonly formatted?: string;
  readonly diagnostics: readonly DiagnosticInfo[];
}

export interface QueryReply {
  readonly columns: readonly ColumnInfo[];
  readonly rowCount: number;
  /** The first rows as cells of text (the CLI's table text: KQL's tostring(), nulls empty). */
  readonly rows: readonly (readonly string[])[];
  readonly ms: number;
  readonly warnings: readonly DiagnosticInfo[];
  /** `render`: the Vega-Lite specification the CLI would draw, or why it cannot be drawn. */
  readonly chart?: { readonly spec?: unknown; readonly error?: string; readonly kind: string };
}

export interface LoadedFilesReply {
  readonly tables: readonly TableInfo[];
  readonly warnings: readonly string[];
  /** dataset.json's now, when one came with the files. */
  readonly now?: string;
}

export interface RuleTestCase {
  readonly name: string;
  readonly line: number;
  readonly passed: boolean;
  /** Failure lines with ANSI colours, exactly as `kqlite test` prints them. */
  readonly failure: readonly string[];
  readonly ms: number;
}

export interface RuleTestReply {
  /** Errors that stopped the file (bad YAML, unknown table...), formatted like the CLI's. */
  readonly errors: readonly string[];
  readonly cases: readonly RuleTestCase[];
  readonly passed: number;
  readonly failed: number;
}

export interface Limits {
  readonly maxResultRows?: number;
  readonly maxIntermediateRows?: number;
  readonly timeoutMs?: number;
}

export type Request =
  | { readonly type: 'init'; readonly role: 'runner' | 'checker' }
  | { readonly type: 'catalogue' }
  | { readonly type: 'define'; readonly tables: readonly { name: string; columns: readonly ColumnInfo[] }[] }
  | { readonly type: 'check'; readonly text: string; readonly now: string }
  | { readonly type: 'query'; readonly text: string; readonly now: string; readonly limits: Limits; readonly firstRows: number }
  | { readonly type: 'rows'; readonly start: number; readonly end: number }
  | { readonly type: 'explain'; readonly text: string; readonly now: string }
  | { readonly type: 'export'; readonly format: 'csv' | 'json' }
  | { readonly type: 'load'; readonly files: readonly { name: string; bytes: Uint8Array }[]; readonly lenient: boolean }
  | { readonly type: 'remove'; readonly table: string }
  | { readonly type: 'ruleTest'; readonly yaml: string; readonly editorQuery: string };

export interface InitReply {
  readonly tables: readonly TableInfo[];
  readonly now?: string;
  readonly ms: number;
}

export type Reply = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly error: QueryError };
