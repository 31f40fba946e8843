// `kqlite tables [NAME]`: the tables kqlite knows — every table of the schema catalogue (Defender XDR, Azure Monitor
// Logs / Sentinel, both, or Azure-Sentinel's custom test schemas) and those a --schemas folder declares — or one
// table's columns with their types and where each is documented. Unknown names get a did-you-mean.

import type { Command } from 'commander';
import { didYouMean } from '../../diagnostics.js';
import { loadSchemaFolder } from '../../node/schemas.js';
import { builtinSchema, CURATED_TABLES } from '../../tables/builtin-schemas.js';
import { catalogueSchema, catalogueTableNames, isOpenSchemaTable } from '../../tables/catalogue/index.js';
import { CATALOGUE_PROVENANCE, columnOrigin, sourceLabel } from '../../tables/catalogue/provenance.js';
import type { Column } from '../../tables/table.js';
import { UsageError, type CommandState, type Io } from '../io.js';

interface TablesOptions {
  format?: string;
  schemas?: string;
}

interface TableEntry {
  readonly name: string;
  readonly source: string;
  readonly columns: readonly Column[];
}

const SCHEMA_FILE = 'schema file';

export function registerTables(program: Command, io: Io, state: CommandState): void {
  program
    .command('tables')
    .description('list the tables kqlite knows, or show one table\'s columns, types and sources')
    .argument('[name]', 'a table name')
    .option('--schemas <dir>', 'also the tables a folder of schema files declares (Azure-Sentinel CustomTables *.json, <Table>.schema.json)')
    .option('-f, --format <format>', 'text | json', 'text')
    .addHelpText('after', '\nExamples:\n  kqlite tables\n  kqlite tables DeviceProcessEvents\n  kqlite tables --format json | jq length')
    .action((name: string | undefined, opts: TablesOptions) => {
      const format = String(opts.format ?? 'text');
      if (format !== 'text' && format !== 'json') throw new UsageError(`unknown --format '${format}' (text or json)`);
      const declared = opts.schemas !== undefined ? loadSchemaFolder(String(opts.schemas)) : {};
      const tables = knownTables(declared);
      if (name === undefined) {
        io.out(format === 'json' ? JSON.stringify(tables.map((t) => ({ name: t.name, columns: t.columns.length, source: t.source })), null, 1) + '\n' : listText(tables));
        if (format === 'text') io.err(`${tables.length} tables\n`);
        return;
      }
      const table = tables.find((t) => t.name === name);
      if (!table) {
        const hint = didYouMean(name, tables.map((t) => t.name));
        io.err(`kqlite: unknown table '${name}'${hint.length ? ` (${hint.join('; ')})` : ''}\n`);
        state.exitCode = 1;
        return;
      }
      io.out(format === 'json' ? JSON.stringify(detailJson(table), null, 1) + '\n' : detailText(table));
    });
}

/** Catalogue tables (the five email tables with their hand-kept schemas), then the declared ones over them. */
function knownTables(declared: Readonly<Record<string, readonly Column[]>>): TableEntry[] {
  const byName = new Map<string, TableEntry>();
  for (const name of catalogueTableNames()) byName.set(name, { name, source: sourceLabel(name)!, columns: builtinSchema(name)! });
  for (const [name, columns] of Object.entries(declared)) byName.set(name, { name, source: SCHEMA_FILE, columns });
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function listText(tables: readonly TableEntry[]): string {
  const width = Math.max(5, ...tables.map((t) => t.name.length));
  const lines = tables.map((t) => `${t.name.padEnd(width)}  ${String(t.columns.length).padStart(7)}  ${t.source}`);
  return `${'TABLE'.padEnd(width)}  COLUMNS  SOURCE\n${lines.join('\n')}\n`;
}

/** Where column i of a table is documented; the hand-kept email tables also carry columns no page lists. */
function columnSource(table: TableEntry, column: Column): string {
  if (table.source === SCHEMA_FILE) return SCHEMA_FILE;
  const fromDocs = catalogueSchema(table.name) ?? [];
  const i = fromDocs.findIndex((c) => c.name === column.name);
  return i >= 0 ? (columnOrigin(table.name, i) ?? '') : 'kqlite (hand-kept)';
}

function notes(table: TableEntry): string[] {
  const out: string[] = [];
  if (CURATED_TABLES.includes(table.name) && table.source !== SCHEMA_FILE) {
    out.push('schema kept by hand in kqlite (src/tables/builtin-schemas.ts): the documented columns plus newer ones');
  }
  if (isOpenSchemaTable(table.name)) {
    out.push('open schema: other columns come from a data file (--data) or a schema file (--schemas DIR, <Table>.schema.json)');
  }
  return out;
}

function detailJson(table: TableEntry) {
  const p = table.source === SCHEMA_FILE ? undefined : CATALOGUE_PROVENANCE.tables[table.name];
  return {
    name: table.name,
    source: table.source,
    columns: table.columns.map((c) => ({ name: c.name, type: c.type, source: columnSource(table, c) })),
    documents: (p?.files ?? []).map(([kind, path, date, commit]) => ({ source: kind, path, date: date || undefined, commit })),
    conflicts: p ? CATALOGUE_PROVENANCE.conflicts.filter((c) => c.table === table.name) : [],
    notes: notes(table),
  };
}

const SOURCE_NAMES: Readonly<Record<string, string>> = { defender: 'Defender XDR', azure: 'Azure Monitor', custom: 'Azure-Sentinel test schema' };
const RULES: Readonly<Record<number, string>> = {
  1: 'string vs dynamic → dynamic',
  2: 'string vs a number → the number',
  3: 'numbers → the wider',
  4: 'otherwise → the Azure Monitor type',
};

function detailText(table: TableEntry): string {
  const d = detailJson(table);
  const nameWidth = Math.max(6, ...d.columns.map((c) => c.name.length));
  const typeWidth = Math.max(4, ...d.columns.map((c) => c.type.length));
  const lines = [`${d.name}  (${d.source}, ${d.columns.length} columns)`, '', `${'COLUMN'.padEnd(nameWidth)}  ${'TYPE'.padEnd(typeWidth)}  DOCUMENTED BY`];
  for (const c of d.columns) lines.push(`${c.name.padEnd(nameWidth)}  ${c.type.padEnd(typeWidth)}  ${c.source}`);
  if (d.documents.length) {
    lines.push('', 'Sources:');
    for (const f of d.documents) lines.push(`  ${SOURCE_NAMES[f.source] ?? f.source}: ${f.path}${f.date ? `, ${f.date}` : ''}, commit ${f.commit.slice(0, 12)}`);
  }
  if (d.conflicts.length) {
    lines.push('', 'Type conflicts between the two pages:');
    for (const c of d.conflicts) lines.push(`  ${c.column}: Defender XDR ${c.defender}, Azure Monitor ${c.azure} → ${c.chosen} (${RULES[c.rule] ?? `rule ${c.rule}`})`);
  }
  for (const n of d.notes) lines.push('', `Note: ${n}`);
  return lines.join('\n') + '\n';
}
