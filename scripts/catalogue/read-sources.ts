// Reading the three sources into SourceTables. Each reader takes the root of a (possibly partial) checkout of its
// repository and the list of files the manifest selects, and reports everything odd as a Finding instead of
// guessing: an unknown type, a page without a column table, a heading that disagrees with the file name...

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScalarType } from '../../src/values/types.js';
import { kqliteType } from './doc-types.js';
import { docDate, firstHeading, frontMatter, headerKey, pipeTables, plainCell, type PipeRow } from './markdown.js';
import type { Findings, SourceColumn, SourceKind, SourceTable } from './model.js';

/**
 * Types the manifest gives where a page gives none or a name that is not a type name, each with its reason: per
 * column (`Table.Column`) or per documented type name (exact spelling). Used only when the page's type is unknown.
 */
export interface TypeOverrides {
  readonly columns: Readonly<Record<string, { readonly type: ScalarType; readonly reason: string }>>;
  readonly typeNames: Readonly<Record<string, { readonly type: ScalarType; readonly reason: string }>>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function readText(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8').replace(/^\uFEFF/, '');
}

/** Columns from documented (name, type) pairs: types mapped, unknown types overridden or left out, all reported. */
function columnsOf(
  table: string,
  file: string,
  pairs: readonly { name: string; type: string; line: number }[],
  overrides: TypeOverrides,
  findings: Findings,
): SourceColumn[] {
  const columns: SourceColumn[] = [];
  const seen = new Set<string>();
  for (const p of pairs) {
    const where = `${file}:${p.line}`;
    if (!IDENTIFIER.test(p.name)) {
      findings.add('bad-name', where, `${table}: column name '${p.name}' is not an identifier; left out`);
      continue;
    }
    if (seen.has(p.name)) {
      findings.add('duplicate-column', where, `${table}: column '${p.name}' listed twice; the first is kept`);
      continue;
    }
    let type = kqliteType(p.type);
    if (type === undefined) {
      const byColumn = overrides.columns[`${table}.${p.name}`];
      const byName = overrides.typeNames[p.type.trim()];
      const override = byColumn ?? byName;
      if (override) {
        const why = byColumn ? byColumn.reason : `inputs.json typeNames['${p.type.trim()}']`;
        findings.add('type-override', where, `${table}.${p.name}: documented type '${p.type}' → ${override.type} (${why})`);
        type = override.type;
      }
    }
    if (type === undefined) {
      findings.add('unknown-type', where, `${table}.${p.name}: unknown type '${p.type}'; column left out`);
      continue;
    }
    seen.add(p.name);
    columns.push({ name: p.name, type });
  }
  return columns;
}

/**
 * A cell's name: the first code span when there is one (`` `Timestamp` [*](#mdi-only) `` → `Timestamp`,
 * footnote markers and "(Preview)" notes aside), else the cell's plain text.
 */
function cellName(cell: string): string {
  const code = /`\s*([^`]+?)\s*`/.exec(cell);
  return code ? code[1]! : plainCell(cell);
}

function pairsFrom(rows: readonly PipeRow[]): { name: string; type: string; line: number }[] {
  return rows.map((r) => ({ name: cellName(r.cells[0] ?? ''), type: cellName(r.cells[1] ?? ''), line: r.line }));
}

// ---------------------------------------------------------------------------------------------------------------
// Defender XDR: defender-xdr/advanced-hunting-<table>-table.md, `| Column name | Data type | Description |`.

export const DEFENDER_PAGE = /^defender-xdr\/advanced-hunting-([a-z0-9]+)-table\.md$/i;

export function readDefender(root: string, files: readonly string[], overrides: TypeOverrides, findings: Findings): SourceTable[] {
  const tables: SourceTable[] = [];
  for (const file of files) {
    if (!existsSync(join(root, file))) {
      findings.add('missing-file', file, 'listed in the manifest but not in the checkout');
      continue;
    }
    const text = readText(root, file);
    const heading = firstHeading(text) ?? '';
    const name = /^([A-Za-z][A-Za-z0-9_]*)/.exec(heading)?.[1];
    const slug = DEFENDER_PAGE.exec(file)?.[1];
    if (!name) {
      findings.add('name-mismatch', file, `no table name in the first heading '${heading}'; page left out`);
      continue;
    }
    if (slug && slug.toLowerCase() !== name.toLowerCase()) {
      findings.add('name-mismatch', file, `heading names '${name}' but the file name says '${slug}'`);
    }
    const columnTables = pipeTables(text).filter((t) => headerKey(t.header).startsWith('column name|data type'));
    if (columnTables.length === 0) {
      findings.add('no-columns', file, `${name}: no '| Column name | Data type |' table; page left out`);
      continue;
    }
    const rows = columnTables.flatMap((t) => t.rows);
    if (columnTables.length > 1) {
      findings.add('duplicate-table', file, `${name}: ${columnTables.length} column tables on the page; their rows are read in page order`);
    }
    const date = docDate(frontMatter(text));
    tables.push({ name, kind: 'defender', file, date, columns: columnsOf(name, file, pairsFrom(rows), overrides, findings) });
  }
  return tables;
}

// ---------------------------------------------------------------------------------------------------------------
// Azure Monitor Logs: azure-monitor-ref/tables/includes/<x>-include.md hold `| Column | Type | Description |`; the
// table's name is the include's `ms.custom` (file names are not reliable: azurediagnostics-include.md documents
// AzureDevOpsAuditing). Table pages (azure-monitor-ref/tables/<x>.md) include them under `## Columns`; a page may
// also carry the column table inline (AzureDiagnostics).

const AZURE_DIR = 'azure-monitor-ref/tables';

export function readAzureMonitor(root: string, overrides: TypeOverrides, findings: Findings): SourceTable[] {
  const dir = join(root, AZURE_DIR);
  const includeDir = join(dir, 'includes');
  // Which include each table page names under `## Columns`, and the page's heading (to cross-check the name).
  const referencedBy = new Map<string, string>();
  const pages = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const inlineTables: SourceTable[] = [];
  for (const page of pages) {
    const file = `${AZURE_DIR}/${page}`;
    const text = readText(root, file);
    const columnsAt = text.search(/^## Columns\s*$/m);
    if (columnsAt < 0) continue;
    const section = text.slice(columnsAt);
    const include = /\[!INCLUDE[^\]]*\]\(\.\/includes\/([^)]+)\)/.exec(section)?.[1];
    const heading = firstHeading(text) ?? '';
    if (include) {
      referencedBy.set(include, heading);
      continue;
    }
    const sectionLine = text.slice(0, columnsAt).split('\n').length;
    const inline = pipeTables(text).find((t) => t.line > sectionLine && headerKey(t.header) === 'column|type|description');
    if (!inline) continue;
    const name = /^([A-Za-z][A-Za-z0-9_]*)$/.exec(heading)?.[1];
    if (!name) {
      findings.add('name-mismatch', file, `inline column table under a heading that is not a table name ('${heading}'); left out`);
      continue;
    }
    const date = docDate(frontMatter(text));
    inlineTables.push({ name, kind: 'azure', file, date, columns: columnsOf(name, file, pairsFrom(inline.rows), overrides, findings) });
  }

  const byName = new Map<string, { table: SourceTable; referenced: boolean }>();
  const add = (table: SourceTable, referenced: boolean) => {
    const prev = byName.get(table.name);
    if (prev) {
      // Prefer the copy a table page includes; otherwise the first in path order.
      const keep = !prev.referenced && referenced ? { table, referenced } : prev;
      const drop = keep === prev ? table : prev.table;
      findings.add('duplicate-table', drop.file, `${table.name} is also documented by ${keep.table.file}; that one is kept`);
      byName.set(table.name, keep);
    } else byName.set(table.name, { table, referenced });
  };

  for (const inc of readdirSync(includeDir).filter((f) => f.endsWith('.md')).sort()) {
    const file = `${AZURE_DIR}/includes/${inc}`;
    const text = readText(root, file);
    const columns = pipeTables(text).find((t) => headerKey(t.header) === 'column|type|description');
    if (!columns) continue; // resource-type includes: lists of tables, not columns
    const fields = frontMatter(text);
    const name = fields.get('ms.custom');
    if (!name || !IDENTIFIER.test(name)) {
      findings.add('name-mismatch', file, `column include without a table name in ms.custom ('${name ?? ''}'); left out`);
      continue;
    }
    const heading = referencedBy.get(inc);
    if (heading !== undefined && heading !== name) {
      findings.add('name-mismatch', file, `ms.custom says '${name}' but the page including it is headed '${heading}'`);
    }
    add({ name, kind: 'azure', file, date: docDate(fields), columns: columnsOf(name, file, pairsFrom(columns.rows), overrides, findings) }, heading !== undefined);
  }
  for (const t of inlineTables) add(t, true);
  return [...byName.values()].map((v) => v.table);
}

// ---------------------------------------------------------------------------------------------------------------
// Azure-Sentinel's KQL validation schemas: .script/tests/KqlvalidationsTests/CustomTables/<Table>.json,
// `{"Name": …, "Properties": [{"Name": …, "Type": …}]}`.

/** A JSON object's field, its key matched without regard to case. */
function field(obj: unknown, key: string): unknown {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  const k = Object.keys(obj).find((x) => x.toLowerCase() === key);
  return k === undefined ? undefined : (obj as Record<string, unknown>)[k];
}

/**
 * Only tables that neither documentation source has are read (`documented`: their names in lower case); a test schema
 * whose table name is not an identifier, or that repeats another file's table, is left out and reported.
 */
export function readCustomTables(
  root: string,
  files: readonly string[],
  overrides: TypeOverrides,
  findings: Findings,
  documented: ReadonlySet<string>,
): SourceTable[] {
  const tables: SourceTable[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    if (!existsSync(join(root, file))) {
      findings.add('missing-file', file, 'listed in the manifest but not in the checkout');
      continue;
    }
    const text = readText(root, file);
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      findings.add('no-columns', file, `not valid JSON (${(err as Error).message}); left out`);
      continue;
    }
    // The files spell their keys `Name`/`Properties`/`Type` or in lower case (AADUserInfo.json): read them either way.
    const name = field(doc, 'name');
    const properties = field(doc, 'properties');
    if (typeof name !== 'string' || !Array.isArray(properties)) {
      findings.add('no-columns', file, 'no Name / Properties; left out');
      continue;
    }
    const table = name.trim();
    if (documented.has(table.toLowerCase())) {
      findings.add('skipped-custom', file, `${table} is documented by Microsoft's pages; this test schema is not used`);
      continue;
    }
    if (!IDENTIFIER.test(table)) {
      findings.add('bad-name', file, `table name '${table}' is not an identifier; left out`);
      continue;
    }
    const earlier = seen.get(table.toLowerCase());
    if (earlier !== undefined) {
      findings.add('duplicate-table', file, `${table} is also defined by ${earlier}; that one is kept`);
      continue;
    }
    seen.set(table.toLowerCase(), file);
    const lines = text.split(/\r?\n/);
    const lineOf = (column: string) => Math.max(1, lines.findIndex((l) => l.includes(JSON.stringify(column))) + 1);
    const pairs = properties.map((p) => {
      const column = String(field(p, 'name') ?? '').trim();
      return { name: column, type: String(field(p, 'type') ?? ''), line: lineOf(column) };
    });
    tables.push({ name: table, kind: 'custom' as SourceKind, file, date: undefined, columns: columnsOf(table, file, pairs, overrides, findings) });
  }
  return tables;
}
