// The management commands that change the served database, so a client can load test data:
// - `.create table T (a:string, ...)` (create-table-command.md): an existing table is left as it is, even when the
//   schema differs — the documented behaviour;
// - `.create-merge table T (...)` (create-merge-table-command.md): new columns are added at the end (existing rows
//   get nulls), a column given with another type fails the command;
// - `.drop table T [ifexists]`;
// - `.ingest inline into table T [with (format=csv|tsv|psv|scsv, ignoreFirstRecord=true)] <| rows`
//   (data-ingestion/ingest-inline.md): CSV records in the table's column order. An empty field is null ("" for a
//   string column); fewer fields than columns leave the last columns null [U]; a value that does not fit its
//   column fails the whole command with its line and column — kqlite never drops or nulls a bad value silently
//   (real clusters store such values as null). [U] Leading whitespace before each record is removed, so the
//   indented rows of the documentation's examples read as they are meant.

import { parse as parseCsv } from 'csv-parse/sync';
import { Database } from '../../database.js';
import { dynamicFromText, tableFromRows } from '../../tables/from-rows.js';
import { concatTables, type Schema } from '../../tables/table.js';
import { TYPE_ALIASES, type ScalarType } from '../../values/types.js';
import { BUILTIN_FOLDER, CommandError, findTable, tableNotFound, unbracket, visibleTables, wireTable, type CommandContext, type CommandResult } from './mgmt-context.js';

const typedNull: Readonly<Record<ScalarType, string>> = {
  bool: 'bool(null)',
  int: 'int(null)',
  long: 'long(null)',
  real: 'real(null)',
  decimal: 'decimal(null)',
  datetime: 'datetime(null)',
  timespan: 'timespan(null)',
  string: '""',
  guid: 'guid(null)',
  dynamic: 'dynamic(null)',
};

/** `a:string, ['b c']:long` → columns. */
function parseColumns(text: string): { name: string; type: ScalarType }[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let cur = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim() !== '') parts.push(cur);
  const out: { name: string; type: ScalarType }[] = [];
  for (const p of parts) {
    const i = p.lastIndexOf(':');
    if (i < 0) throw new CommandError(`column '${p.trim()}' needs a type: name:type`);
    const name = unbracket(p.slice(0, i));
    const typeName = p.slice(i + 1).trim().toLowerCase();
    const type = TYPE_ALIASES[typeName];
    if (!type) throw new CommandError(`column '${name}': unknown type '${typeName}'`);
    if (type === 'decimal') throw new CommandError(`not supported yet: decimal columns (column '${name}')`);
    if (out.some((c) => c.name === name)) throw new CommandError(`duplicate column name '${name}'`);
    out.push({ name, type });
  }
  if (out.length === 0) throw new CommandError('a table needs at least one column');
  return out;
}

export function createTable(ctx: CommandContext, merge: boolean, name: string, columnsText: string, _with: string | undefined): { name: string; schema: Schema; folder: string } {
  const columns = parseColumns(columnsText);
  const existing = visibleTables(ctx).find((t) => t.name === name);
  const ownExisting = existing && existing.folder !== BUILTIN_FOLDER ? existing : undefined;
  if (existing && !merge) {
    // create-table-command.md: the command succeeds without changing an existing table. A built-in schema with no
    // data becomes the user's table, with the columns the command names.
    if (ownExisting) return ownExisting;
    ctx.db.addTable(name, { schema: columns, rows: [] });
  } else if (existing && merge) {
    const current = existing.schema;
    const added: { name: string; type: ScalarType }[] = [];
    for (const c of columns) {
      const same = current.find((x) => x.name === c.name);
      if (same && same.type !== c.type) throw new CommandError(`column '${c.name}' of table '${name}' is ${same.type}, not ${c.type}`);
      if (!same) added.push(c);
    }
    if (added.length > 0) {
      const table = ctx.db.table(name);
      if (!table) ctx.db.addTable(name, { schema: [...current, ...added], rows: [] });
      else {
        const tmp = new Database({ builtinSchemas: false });
        tmp.addTable('T', table);
        const extend = added.map((c) => `['${c.name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'] = ${typedNull[c.type]}`).join(', ');
        ctx.db.addTable(name, tmp.query(`T | extend ${extend}`).table);
      }
    } else if (!ownExisting) ctx.db.addTable(name, { schema: current, rows: [] });
  } else {
    ctx.db.addTable(name, { schema: columns, rows: [] });
  }
  ctx.created.set(name, ctx.db.table(name)!.schema);
  ctx.dropped.delete(name);
  ctx.changed();
  return findTable(ctx, name);
}

export function dropTable(ctx: CommandContext, name: string, ifExists: boolean): void {
  const t = visibleTables(ctx).find((v) => v.name === name && v.folder !== BUILTIN_FOLDER);
  if (!t) {
    if (ifExists) return;
    throw tableNotFound(ctx, name);
  }
  // The schema stays known to the engine (Database has no removal); the table is hidden and emptied.
  ctx.db.addTable(name, { schema: t.schema.map((c) => ({ name: c.name, type: c.type })), rows: [] });
  ctx.created.delete(name);
  ctx.dropped.add(name);
  ctx.changed();
}

const DELIMITERS: Readonly<Record<string, string>> = { csv: ',', tsv: '\t', tsvs: '\t', psv: '|', scsv: ';', sohsv: '\u0001' };

export function ingestInline(ctx: CommandContext, command: string): CommandResult {
  const m = /^\.ingest\s+inline\s+into\s+table\s+((?:\[[^\]]*\])|[A-Za-z_][\w-]*)\s*(?:with\s*\(([^)]*)\)\s*)?(<\||\[)/i.exec(command);
  if (!m) throw new CommandError("cannot read this .ingest command: kqlite takes '.ingest inline into table T [with (format=csv)] <| rows'");
  if (m[3] === '[') throw new CommandError('not supported yet: .ingest inline with bracketed records; give the rows after <|');
  const name = unbracket(m[1]!);
  const props = parseWith(m[2]);
  const format = (props.get('format') ?? 'csv').toLowerCase();
  const delimiter = DELIMITERS[format];
  if (!delimiter) throw new CommandError(`not supported yet: .ingest inline with format=${format} (csv, tsv, psv, scsv, sohsv)`);
  const target = visibleTables(ctx).find((t) => t.name === name);
  if (!target) throw tableNotFound(ctx, name);
  let data = command.slice(m.index + m[0].length).replace(/^[ \t]*\r?\n/, '');
  data = data.replace(/^[ \t]+/gm, '');
  let records: string[][];
  try {
    records = parseCsv(data, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw new CommandError(`ingestion failed: the data is not valid ${format.toUpperCase()}: ${(err as Error).message}`);
  }
  if (/^true$/i.test(props.get('ignorefirstrecord') ?? '')) records = records.slice(1);
  const schema = target.schema;
  const rows = records.map((rec, i) => {
    if (rec.length > schema.length) {
      throw new CommandError(`ingestion failed: record ${i + 1} has ${rec.length} fields but table '${name}' has ${schema.length} columns`);
    }
    const row: Record<string, unknown> = {};
    schema.forEach((c, j) => {
      const cell = rec[j];
      row[c.name] = cellValue(c.type, cell);
    });
    return row;
  });
  let added;
  try {
    added = tableFromRows(schema, rows);
  } catch (err) {
    throw new CommandError(`ingestion failed into table '${name}': ${(err as Error).message}`);
  }
  const existing = ctx.db.table(name);
  ctx.db.addTable(name, existing ? concatTables(schema, [existing, added]) : added);
  ctx.changed();
  const extentId = records.length > 0 ? globalThis.crypto.randomUUID() : '00000000-0000-0000-0000-000000000000';
  return { table: wireTable([{ name: 'ExtentId', type: 'guid' }], [[extentId]]), mutated: true };
}

/** A CSV field as the loaders take it: empty → null, dynamic → JSON (or the text itself), bool 1/0. */
function cellValue(type: ScalarType, cell: string | undefined): unknown {
  if (cell === undefined || cell === '') return type === 'string' ? '' : null;
  if (type === 'dynamic') return dynamicFromText(cell);
  if (type === 'bool' && (cell === '1' || cell === '0')) return cell === '1';
  return cell;
}

function parseWith(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (text ?? '').split(',')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    out.set(part.slice(0, i).trim().toLowerCase(), part.slice(i + 1).trim().replace(/^(['"])(.*)\1$/, '$2'));
  }
  return out;
}
