// The query worker: kqlite runs here, never on the page's thread, so a long query cannot freeze the page; the
// Cancel button terminates this worker and the page starts a fresh one (worker-client.ts).
// Two roles run this same script: the "runner" holds the data (bundled dataset + dropped files) and runs queries,
// explain and rule tests; the "checker" holds only the tables' schemas and answers the editor's live diagnostics,
// so they stay live while the runner is busy.
import { Database, KqlError, type Diagnostic } from '../../../src/index.ts';
import { builtinSchema } from '../../../src/tables/builtin-schemas.ts';
import type { DiagnosticInfo, QueryError, Reply, Request, TableInfo } from '../protocol';
import { loadBundledDataset, loadDroppedFiles } from './data';
import { ResultHolder } from './results';

let db = new Database();
const tables = new Map<string, TableInfo>();
const results = new ResultHolder();

function diagnosticInfo(d: Diagnostic): DiagnosticInfo {
  return { code: d.code, severity: d.severity, message: d.message, start: d.span.start, end: d.span.end, notes: d.notes ?? [] };
}

function errorOf(err: unknown): QueryError {
  if (err instanceof KqlError) return { message: err.message, formatted: err.format(), diagnostics: err.diagnostics.map(diagnosticInfo) };
  const e = err as Error;
  // DataError, TestFileError, ChartError... are user-facing messages with their own positions; anything else is
  // a bug, shown with its name so it can be reported.
  const known = ['DataError', 'TestFileError', 'RuleFileError', 'ChartError', 'SchemaError'];
  const message = e && known.includes(e.name) ? e.message : `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`;
  // Dropped files are loaded from a scratch folder of the in-memory file system: show their names alone.
  return { message: message.replace(/\/drops\/\d+\//g, ''), diagnostics: [] };
}

function setTables(list: readonly TableInfo[]): TableInfo[] {
  for (const t of list) tables.set(t.name, t);
  return [...tables.values()];
}

async function handle(req: Request): Promise<unknown> {
  switch (req.type) {
    case 'init': {
      const started = performance.now();
      if (req.role === 'checker') return { tables: [], ms: performance.now() - started };
      const loaded = await loadBundledDataset(db);
      return { tables: setTables(loaded.tables), now: loaded.now, ms: performance.now() - started };
    }
    case 'catalogue': {
      // Every table kqlite knows (~900) with its columns: the editor's completion list.
      return db.tableNames().map((name) => ({ name, columns: (builtinSchema(name) ?? []).map((c) => ({ name: c.name, type: c.type })) }));
    }
    case 'define': {
      db = new Database();
      for (const t of req.tables) db.defineTable(t.name, t.columns);
      return null;
    }
    case 'check': {
      // Parse and bind only (nothing runs): the same diagnostics the query would stop with.
      return db.plan(req.text, { now: req.now }).diagnostics.map(diagnosticInfo);
    }
    case 'query': {
      const started = performance.now();
      const result = db.query(req.text, { now: req.now, limits: req.limits });
      const ms = performance.now() - started;
      return results.hold(result, ms, req.firstRows);
    }
    case 'rows':
      return results.rows(req.start, req.end);
    case 'export':
      return results.exportText(req.format);
    case 'explain':
      return db.explain(req.text, { now: req.now });
    case 'load': {
      const loaded = loadDroppedFiles(db, req.files, req.lenient);
      return { ...loaded, tables: setTables(loaded.tables) };
    }
    case 'remove': {
      const info = tables.get(req.table);
      if (info) {
        tables.delete(req.table);
        db = rebuildWithout(req.table);
      }
      return [...tables.values()];
    }
    case 'ruleTest': {
      const { runRuleTest } = await import('./rule-tests');
      return runRuleTest(req.yaml, req.editorQuery);
    }
  }
}

/** Database has no removeTable: a new one with every other table (tables are immutable, so this copies nothing). */
function rebuildWithout(name: string): Database {
  const next = new Database();
  for (const t of tables.keys()) {
    const table = db.table(t);
    if (t !== name && table) next.addTable(t, table);
  }
  return next;
}

// One request at a time, in order: loading the bundled dataset is asynchronous, and a file dropped meanwhile (or
// replayed after a cancel) must land after it.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (e: MessageEvent<{ id: number; req: Request }>) => {
  const { id, req } = e.data;
  queue = queue.then(async () => {
    let reply: Reply;
    try {
      reply = { id, ok: true, value: await handle(req) };
    } catch (err) {
      reply = { id, ok: false, error: errorOf(err) };
    }
    self.postMessage(reply);
  });
};
