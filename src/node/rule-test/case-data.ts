// The tables one case runs on: the data source (bundled dataset or a data folder), the file's inline rows, then
// the case's own rows (added) or replacements. Every inline value is checked against its column's type here, so a
// bad value is reported at its line in the test file rather than as "row 3" of some table.

import { didYouMean } from '../../diagnostics.js';
import { Database } from '../../database.js';
import { BUILTIN_SCHEMAS } from '../../tables/builtin-schemas.js';
import { coerceValue, tableFromRows } from '../../tables/from-rows.js';
import { concatTables, type Schema, type Table } from '../../tables/table.js';
import { resolveRelativeDatetime } from '../../testing/compare-rows.js';
import { mirrorTimeColumns } from '../../testing/time-columns.js';
import { formatDatetime } from '../../values/datetime.js';
import type { LoadedDataset } from '../load-data.js';
import type { SchemaSet } from '../schemas.js';
import { TestFileError, type CaseSpec, type Pos, type RowSpec, type TableRows, type TestFile } from './test-file.js';

/** The rows a scheduled Sentinel rule sees: TimeGenerated within [from, to] (both ends inclusive [U]). */
export interface TimeWindow {
  readonly from: bigint;
  readonly to: bigint;
}

export function buildCaseDatabase(
  file: TestFile,
  c: CaseSpec,
  dataset: LoadedDataset | undefined,
  nowTicks: bigint | undefined,
  window?: TimeWindow,
  declared: SchemaSet = {},
): Database {
  const errors: TestFileError[] = [];
  const db = new Database();
  for (const [name, columns] of Object.entries(declared)) db.defineTable(name, columns);
  for (const [name, s] of file.schemas) db.defineTable(name, s.columns);

  const schemaOf = (table: string, pos: Pos): Schema | undefined => {
    const s = dataset?.tables.get(table)?.schema ?? file.schemas.get(table)?.columns ?? declared[table] ?? BUILTIN_SCHEMAS[table];
    if (!s) {
      const known = new Set([...Object.keys(BUILTIN_SCHEMAS), ...file.schemas.keys(), ...Object.keys(declared), ...(dataset?.tables.keys() ?? [])]);
      errors.push(new TestFileError(file.path, pos, `unknown table '${table}'`, [...didYouMean(table, known), "declare other tables under 'schemas:' or pass --schemas DIR"]));
    }
    return s;
  };

  const parts = new Map<string, Table[]>();
  for (const [name, t] of dataset?.tables ?? []) parts.set(name, [t]);
  const addRows = (group: TableRows, replace: boolean) => {
    const schema = schemaOf(group.table, group.pos);
    if (!schema) return;
    const defaults = file.defaults.get(group.table);
    const rows = convertRows(file.path, group, schema, defaults, nowTicks, errors);
    const table = rows && tableFromRows(schema, rows);
    if (replace) parts.set(group.table, []);
    if (table) parts.set(group.table, [...(parts.get(group.table) ?? []), table]);
  };
  for (const [table, d] of file.defaults) {
    const s = schemaOf(table, d.pos);
    if (s) checkRowColumns(file.path, d, s, errors);
  }
  for (const g of file.data) addRows(g, false);
  for (const g of c.data) addRows(g, false);
  for (const g of c.replace) addRows(g, true);
  if (errors.length > 0) throw errors;
  for (const [name, ts] of parts) {
    const schema = ts[0]?.schema ?? schemaOf(name, { line: 1, col: 1 })!;
    const table = ts.length === 1 ? ts[0]! : concatTables(schema, ts);
    db.addTable(name, window ? scopeToWindow(name, table, window) : table);
  }
  return db;
}

/**
 * The scheduler's time scoping, done with the engine itself (a where over TimeGenerated) so the rows kept are the
 * rows KQL would compare as inside. Tables without a datetime TimeGenerated column are not scoped [U].
 */
function scopeToWindow(name: string, table: Table, window: TimeWindow): Table {
  if (!table.schema.some((col) => col.name === 'TimeGenerated' && col.type === 'datetime')) return table;
  const tmp = new Database();
  tmp.addTable(name, table);
  const quoted = `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  const q = `${quoted} | where TimeGenerated between (datetime(${formatDatetime(window.from)}) .. datetime(${formatDatetime(window.to)}))`;
  return tmp.query(q).table;
}

function checkRowColumns(file: string, row: RowSpec, schema: Schema, errors: TestFileError[]): boolean {
  const names = schema.map((c) => c.name);
  let ok = true;
  for (const k of Object.keys(row.values)) {
    if (!names.includes(k)) {
      errors.push(new TestFileError(file, row.keyPos.get(k) ?? row.pos, `unknown column '${k}'`, didYouMean(k, names)));
      ok = false;
    }
  }
  return ok;
}

function convertRows(
  file: string,
  group: TableRows,
  schema: Schema,
  defaults: RowSpec | undefined,
  nowTicks: bigint | undefined,
  errors: TestFileError[],
): Record<string, unknown>[] | undefined {
  const names = new Set(schema.map((c) => c.name));
  const before = errors.length;
  const out: Record<string, unknown>[] = [];
  for (const row of group.rows) {
    if (!checkRowColumns(file, row, schema, errors)) continue;
    const own = mirrorTimeColumns(names, row.values);
    const merged: Record<string, unknown> = { ...mirrorTimeColumns(names, defaults?.values ?? {}), ...own };
    for (const col of schema) {
      const raw = merged[col.name];
      if (raw === undefined) continue;
      // A time column filled from its twin reports its error once, under the column the user wrote.
      const twin = col.name === 'Timestamp' ? 'TimeGenerated' : col.name === 'TimeGenerated' ? 'Timestamp' : undefined;
      const mirrored = twin !== undefined && !(col.name in row.values) && twin in row.values;
      // Where the value was written: the row itself, else the defaults (mirrored time columns: the other one).
      const from = col.name in own ? row : defaults && col.name in defaults.values ? defaults : row;
      const at = from.valuePos.get(col.name) ?? from.valuePos.get(col.name === 'Timestamp' ? 'TimeGenerated' : 'Timestamp') ?? from.pos;
      try {
        let v = raw;
        if (col.type === 'datetime') v = resolveRelativeDatetime(raw, nowTicks) ?? raw;
        if (col.type === 'string' && (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean')) {
          throw new Error(`expected a string (quote it: '${String(v)}')`);
        }
        coerceValue(col.type, v);
        merged[col.name] = v;
      } catch (err) {
        if (mirrored) continue;
        errors.push(new TestFileError(file, at, `'${group.table}'.${col.name} (${col.type}): ${(err as Error).message}: ${JSON.stringify(typeof raw === 'bigint' ? String(raw) : raw)}`));
      }
    }
    out.push(merged);
  }
  return errors.length > before ? undefined : out;
}
