// Management commands (`POST /v1/rest/mgmt`): the ones clients send to discover a database, and the ones that let a
// client load test data. Each returns one table with the columns its documentation lists (management/*.md).
// A command may be followed by `| <query operators>` (as clients do: `.show databases | project DatabaseName`): the
// command's table is then queried by the engine, with the command text replaced by a same-length placeholder so
// error positions stay those of the request. Anything else is refused by name (`not supported yet: .alter ...`).
//
// Tables a database shows: the tables with data or created by a command, then every built-in schema kqlite knows
// (queryable, empty), in Folder "kqlite built-in schemas" [U] so tools offer them in completion lists.

import { Database } from '../../database.js';
import { cpus, freemem, hostname, totalmem } from 'node:os';
import type { Schema } from '../../tables/table.js';
import type { ScalarType } from '../../values/types.js';
import type { WireColumn, WireTable } from './frames.js';
import { clrTypeName } from './kusto-types.js';
import { BUILTIN_FOLDER, CommandError, findTable, tableNotFound, unbracket, visibleTables, wireTable, type CommandContext, type CommandResult } from './mgmt-context.js';
import { createTable, dropTable, ingestInline } from './mgmt-tables.js';

export { CommandError, type CommandContext } from './mgmt-context.js';

const col = (name: string, type: ScalarType): WireColumn => ({ name, type });

const bracket = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`);

/** `a:string, b:long` (what `.show table T cslschema` prints and `.create table` takes). */
export function cslSchema(schema: Schema): string {
  return schema.map((c) => `${bracket(c.name)}:${c.type}`).join(', ');
}

function tableJson(name: string, schema: Schema, folder: string): Record<string, unknown> {
  return {
    Name: name,
    DefaultColumn: null,
    OrderedColumns: schema.map((c) => ({ Name: c.name, Type: clrTypeName(c.type), CslType: c.type })),
    Folder: folder || null,
    DocString: null,
  };
}

function databaseJson(ctx: CommandContext): Record<string, unknown> {
  const [major, minor] = ctx.version().slice(1).split('.').map(Number);
  return {
    Name: ctx.databaseName,
    Tables: Object.fromEntries(visibleTables(ctx).map((t) => [t.name, tableJson(t.name, t.schema, t.folder)])),
    ExternalTables: {},
    MaterializedViews: {},
    Functions: {},
    PrettyName: null,
    MajorVersion: major,
    MinorVersion: minor,
    DatabaseAccessMode: 'ReadWrite',
  };
}

/** Runs one management command (its text after any leading whitespace). */
export function runCommand(ctx: CommandContext, text: string, requestDb: string | undefined): CommandResult {
  const command = text.trim();
  if (/^\.ingest\s/i.test(command)) return ingestInline(ctx, command);
  const pipe = findPipe(command);
  const head = command.slice(0, pipe).trim();
  const result = dispatch(ctx, head, requestDb);
  if (pipe === command.length) return result;
  // `<command> | operators`: query the command's table, positions kept by a same-length placeholder.
  const leading = text.length - text.trimStart().length;
  const start = leading + pipe;
  const placeholder = 'C' + ' '.repeat(start - 1);
  const q = placeholder + text.slice(start);
  const tmp = new Database({ builtinSchemas: false });
  const columns = result.table.columns;
  tmp.addTable('C', { schema: columns.map((c) => ({ name: c.name, type: c.type })), rows: result.table.rows.map((r) => rowObject(columns, r)) });
  const r = tmp.query(q);
  return { table: wireTable(r.columns, r.toJSON().rows), mutated: result.mutated };
}

function rowObject(columns: readonly WireColumn[], rowText: string): Record<string, unknown> {
  const values = JSON.parse(rowText) as unknown[];
  return Object.fromEntries(columns.map((c, i) => [c.name, values[i]]));
}

/** Index of the first `|` outside quotes and brackets (the end of the command), or the text's length. */
function findPipe(text: string): number {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\' && quote !== '`') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '|') return i;
  }
  return text.length;
}

const NAME = String.raw`(?:\[\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*\]|[A-Za-z_][\w-]*)`;

function checkDatabase(ctx: CommandContext, name: string): void {
  if (unbracket(name).toLowerCase() !== ctx.databaseName.toLowerCase()) {
    throw new CommandError(
      `Entity ID '${unbracket(name)}' of kind 'Database' was not found: this kqlite server has one database, '${ctx.databaseName}'`,
      'BadRequest_EntityNotFound',
      'Kusto.Data.Exceptions.EntityNotFoundException',
    );
  }
}

function dispatch(ctx: CommandContext, head: string, requestDb: string | undefined): CommandResult {
  const m = (re: string) => new RegExp(`^${re}$`, 'i').exec(head.replace(/\s+/g, ' '));
  let x: RegExpExecArray | null;
  const none = (table: WireTable): CommandResult => ({ table, mutated: false });

  if ((x = m(String.raw`\.show (?:cluster )?databases(?: \((.*)\))?(?: (details|identity|policies|datastats))?`))) {
    if (x[2] && x[2].toLowerCase() !== 'identity') throw notSupported(head);
    if (x[1]) for (const n of x[1].split(',')) checkDatabase(ctx, n);
    return none(showDatabases(ctx, requestDb, x[2]?.toLowerCase() === 'identity'));
  }
  if ((x = m(String.raw`\.show database(?: (identity))?`))) return none(showDatabases(ctx, requestDb, Boolean(x[1])));
  if ((x = m(String.raw`\.show (?:database (${NAME}) schema|databases \((.*)\) schema)(?: (details))?(?: if_later_than "[^"]*")?(?: as (json|csl script))?(?: with ?\(.*\))?`))) {
    if (x[1]) checkDatabase(ctx, x[1]);
    else for (const n of x[2]!.split(',')) checkDatabase(ctx, n.replace(/if_later_than\s+"[^"]*"/i, ''));
    const as = x[4]?.toLowerCase();
    if (as === 'json') return none(wireTable([col('DatabaseSchema', 'string')], [[JSON.stringify({ Databases: { [ctx.databaseName]: databaseJson(ctx) } })]]));
    if (as === 'csl script') return none(cslScript(ctx));
    return none(schemaRows(ctx));
  }
  if ((x = m(String.raw`\.show schema as json`))) {
    return none(wireTable([col('ClusterSchema', 'string')], [[JSON.stringify({ Databases: { [ctx.databaseName]: databaseJson(ctx) } })]]));
  }
  if ((x = m(String.raw`\.show database (${NAME}) cslschema`))) {
    checkDatabase(ctx, x[1]!);
    return none(cslSchemaRows(ctx, visibleTables(ctx)));
  }
  if ((x = m(String.raw`\.show tables(?: \((.*)\))?`))) {
    needDatabase(ctx, requestDb);
    const wanted = x[1] ? x[1].split(',').map(unbracket) : undefined;
    const tables = visibleTables(ctx).filter((t) => !wanted || wanted.includes(t.name));
    if (wanted) for (const w of wanted) if (!tables.some((t) => t.name === w)) throw tableNotFound(ctx, w);
    return none(wireTable([col('TableName', 'string'), col('DatabaseName', 'string'), col('Folder', 'string'), col('DocString', 'string')], tables.map((t) => [t.name, ctx.databaseName, t.folder, ''])));
  }
  if ((x = m(String.raw`\.show table (${NAME}) (cslschema|schema as json)`))) {
    needDatabase(ctx, requestDb);
    const t = findTable(ctx, unbracket(x[1]!));
    return none(tableSchemaRow(ctx, t, x[2]!.toLowerCase() === 'cslschema'));
  }
  if ((x = m(String.raw`\.show version`))) {
    return none(
      wireTable(
        [col('BuildVersion', 'string'), col('BuildTime', 'datetime'), col('ServiceType', 'string'), col('ProductVersion', 'string'), col('ServiceOffering', 'string')],
        [[ctx.productVersion, null, 'Engine', `kqlite ${ctx.productVersion}`, JSON.stringify({ Type: 'kqlite' })]],
      ),
    );
  }
  if ((x = m(String.raw`\.show cluster`))) {
    // The emulator's documented health check (kusto-emulator-install.md). [U] columns: the node list as clusters
    // print it; the page of the command itself is not in the documentation.
    return none(
      wireTable(
        [col('NodeId', 'string'), col('Address', 'string'), col('Name', 'string'), col('StartTime', 'datetime'), col('IsAdmin', 'bool'), col('MachineTotalMemory', 'long'), col('MachineAvailableMemory', 'long'), col('ProcessorCount', 'int'), col('EnvironmentDescription', 'dynamic')],
        [['kqlite', 'localhost', hostname(), ctx.startTime, true, totalmem(), freemem(), cpus().length, { Product: 'kqlite', Version: ctx.productVersion }]],
      ),
    );
  }
  if ((x = m(String.raw`\.show functions`))) {
    needDatabase(ctx, requestDb);
    return none(wireTable([col('Name', 'string'), col('Parameters', 'string'), col('Body', 'string'), col('Folder', 'string'), col('DocString', 'string')], []));
  }
  if ((x = m(String.raw`\.show external tables`))) {
    needDatabase(ctx, requestDb);
    return none(wireTable([col('TableName', 'string'), col('TableType', 'string'), col('Folder', 'string'), col('DocString', 'string'), col('Properties', 'dynamic')], []));
  }
  if ((x = m(String.raw`\.(create|create-merge) table (${NAME}) ?\((.*)\)(?: with ?\((.*)\))?`))) {
    needDatabase(ctx, requestDb);
    const t = createTable(ctx, x[1]!.toLowerCase() === 'create-merge', unbracket(x[2]!), x[3]!, x[4]);
    return { table: tableSchemaRow(ctx, t, false), mutated: true };
  }
  if ((x = m(String.raw`\.drop table (${NAME})( ifexists)?`))) {
    needDatabase(ctx, requestDb);
    dropTable(ctx, unbracket(x[1]!), Boolean(x[2]));
    const left = visibleTables(ctx).filter((t) => t.folder !== BUILTIN_FOLDER);
    return { table: wireTable([col('TableName', 'string'), col('DatabaseName', 'string')], left.map((t) => [t.name, ctx.databaseName])), mutated: true };
  }
  throw notSupported(head);
}

function notSupported(head: string): CommandError {
  const words = head.split(/\s+/).slice(0, 3).join(' ');
  return new CommandError(
    `not supported yet: the management command '${words}' (kqlite serve runs .show cluster/databases/tables/version/functions, .show database <db> schema [as json | as csl script], .show database <db> cslschema, .show table <t> cslschema | schema as json, .create table, .create-merge table, .drop table and .ingest inline)`,
  );
}

function needDatabase(ctx: CommandContext, requestDb: string | undefined): void {
  if (requestDb !== undefined && requestDb !== '' && requestDb !== 'NetDefaultDB') checkDatabase(ctx, requestDb);
}

function showDatabases(ctx: CommandContext, requestDb: string | undefined, identity: boolean): WireTable {
  const current = requestDb === undefined || requestDb === '' || requestDb.toLowerCase() === ctx.databaseName.toLowerCase();
  const id = '00000000-0000-0000-0000-000000000000';
  if (identity) {
    return wireTable(
      [col('DatabaseName', 'string'), col('PersistentStorage', 'string'), col('Version', 'string'), col('IsCurrent', 'bool'), col('DatabaseAccessMode', 'string'), col('PrettyName', 'string'), col('CurrentUserIsUnrestrictedViewer', 'bool'), col('DatabaseId', 'guid'), col('InTransitionTo', 'string')],
      [[ctx.databaseName, '', ctx.version(), current, 'ReadWrite', '', false, id, '']],
    );
  }
  return wireTable(
    [col('DatabaseName', 'string'), col('PersistentStorage', 'string'), col('Version', 'string'), col('IsCurrent', 'bool'), col('DatabaseAccessMode', 'string'), col('PrettyName', 'string'), col('DatabaseId', 'guid'), col('InTransitionTo', 'string'), col('SuspensionState', 'string')],
    [[ctx.databaseName, '', ctx.version(), current, 'ReadWrite', '', id, '', '']],
  );
}

/** `.show database x schema`: one row for the database, one per table, one per column (show-schema-database.md). */
function schemaRows(ctx: CommandContext): WireTable {
  const rows: unknown[][] = [[ctx.databaseName, '', '', '', false, false, '', ctx.version()]];
  for (const t of visibleTables(ctx)) {
    rows.push([ctx.databaseName, t.name, '', '', true, false, '', '']);
    for (const c of t.schema) rows.push([ctx.databaseName, t.name, c.name, clrTypeName(c.type), true, false, '', '']);
  }
  return wireTable(
    [col('DatabaseName', 'string'), col('TableName', 'string'), col('ColumnName', 'string'), col('ColumnType', 'string'), col('IsDefaultTable', 'bool'), col('IsDefaultColumn', 'bool'), col('PrettyName', 'string'), col('Version', 'string')],
    rows,
  );
}

function cslSchemaRows(ctx: CommandContext, tables: readonly { name: string; schema: Schema; folder: string }[]): WireTable {
  return wireTable(
    [col('TableName', 'string'), col('Schema', 'string'), col('DatabaseName', 'string'), col('Folder', 'string'), col('DocString', 'string')],
    tables.map((t) => [t.name, cslSchema(t.schema), ctx.databaseName, t.folder, '']),
  );
}

/** `.show table T cslschema` / `schema as json`, and the answer of `.create table` (create-table-command.md). */
function tableSchemaRow(ctx: CommandContext, t: { name: string; schema: Schema; folder: string }, csl: boolean): WireTable {
  const schema = csl ? cslSchema(t.schema) : JSON.stringify(tableJson(t.name, t.schema, t.folder));
  return wireTable(
    [col('TableName', 'string'), col('Schema', 'string'), col('DatabaseName', 'string'), col('Folder', 'string'), col('DocString', 'string')],
    [[t.name, schema, ctx.databaseName, t.folder, '']],
  );
}

/** `.show database x schema as csl script`: the commands that recreate the tables (one per row) [U] column name. */
function cslScript(ctx: CommandContext): WireTable {
  const rows = visibleTables(ctx)
    .filter((t) => t.folder !== BUILTIN_FOLDER)
    .map((t) => [`.create-merge table ${bracket(t.name)} (${cslSchema(t.schema)})`]);
  return wireTable([col('DatabaseSchemaScript', 'string')], rows);
}
