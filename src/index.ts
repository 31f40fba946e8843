// kqlite public API (browser-safe). Node-only helpers (loading data folders) live in src/node.ts.
export { parse } from './parser/index.js';
export { print } from './parser/print.js';
export type * as ast from './parser/ast.js';
export { Database, query, type QueryOptions, type TableInput } from './database.js';
export { QueryResult, type Visualization } from './result.js';
export { KqlError, formatDiagnostic, lineCol, type Diagnostic, type Span } from './diagnostics.js';
export type { ScalarType } from './values/types.js';
export { DEFAULT_MAX_MEMORY_BYTES, MAX_INTERMEDIATE_ROWS, type Limits } from './engine/exec/context.js';
