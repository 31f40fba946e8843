// A rule test case as one self-contained KQL script that any Kusto engine runs without tables or ingestion rights:
//
//   set query_now = datetime(2026-11-20T12:00:00.0000000Z);   // the case's now (request-properties.md)
//   let UrlClickEvents = datatable(Timestamp:datetime, ...)[ datetime(...), "Email", ... ];
//   <the rule, with the test's append filters>
//
// Only the tables the query names are written (a datatable for each, empty ones too, so the script never depends
// on what the cluster holds). Every value is a literal of its column's type (datatable-operator.md,
// scalar-data-types/*.md): strings double-quoted with \" \\ \n \r \t escapes (other control characters \uXXXX),
// longs and ints exact, reals in round-trip form (real(nan), real(+inf)), datetimes with 7 fractional digits,
// timespans in [-][d.]hh:mm:ss.fffffff, guids, dynamic values as JSON inside dynamic(...), nulls as typed nulls
// (int(null), datetime(null), ...; a null string is "", as KQL has no null strings).

import { parse } from '../../parser/index.js';
import type { Database } from '../../database.js';
import { dynamicToPlain, stringifyJson } from '../../tables/format.js';
import { rowAt, type Table } from '../../tables/table.js';
import { formatDatetime } from '../../values/datetime.js';
import { formatTimespan } from '../../values/timespan.js';
import type { Dynamic, ScalarType, ScalarValue } from '../../values/types.js';

/** A KQL string literal. */
export function kqlString(value: string): string {
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `"${out}"`;
}

/** A name as KQL writes it: bare when it is an identifier, else ['...']. */
export function kqlName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

function realLiteral(v: number): string {
  if (Number.isNaN(v)) return 'real(nan)';
  if (!Number.isFinite(v)) return v > 0 ? 'real(+inf)' : 'real(-inf)';
  if (Object.is(v, -0)) return 'real(-0.0)';
  return `real(${String(v)})`;
}

/** One value as a literal of its column's type. */
export function kqlLiteral(v: ScalarValue | null, type: ScalarType): string {
  if (v === null) return type === 'string' ? '""' : `${type}(null)`;
  switch (type) {
    case 'string':
      return kqlString(v as string);
    case 'bool':
      return v ? 'true' : 'false';
    case 'int':
      return `int(${String(v)})`;
    case 'long':
      return `long(${String(v)})`;
    case 'real':
      return realLiteral(v as number);
    case 'datetime':
      return `datetime(${formatDatetime(v as bigint)})`;
    case 'timespan':
      return `timespan(${formatTimespan(v as bigint)})`;
    case 'guid':
      return `guid(${String(v)})`;
    case 'dynamic':
      return `dynamic(${stringifyJson(dynamicToPlain(v as Dynamic))})`;
    case 'decimal':
      return `decimal(${String(v)})`;
  }
}

/** `let Name = datatable(a:type, ...)[ v, v, ... ];` with one row per line. */
export function datatableLet(name: string, table: Table): string {
  const header = table.schema.map((c) => `${kqlName(c.name)}:${c.type}`).join(', ');
  const lines: string[] = [];
  for (let i = 0; i < table.rowCount; i++) {
    const row = rowAt(table, i);
    lines.push('    ' + row.map((v, j) => kqlLiteral(v, table.schema[j]!.type)).join(', '));
  }
  return `let ${kqlName(name)} = datatable(${header})\n[${lines.length > 0 ? `\n${lines.join(',\n')}\n` : ''}];`;
}

/** Table names the query text refers to (any name in it that the database knows), in order of first use. */
export function tablesNamed(query: string, db: Database): string[] {
  const known = new Set(db.tableNames());
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const x of node) visit(x);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const n = node as { kind?: string; name?: unknown };
    if (n.kind === 'Name' && typeof n.name === 'string' && known.has(n.name) && !out.includes(n.name)) out.push(n.name);
    for (const v of Object.values(node)) if (v !== null && typeof v === 'object') visit(v);
  };
  visit(parse(query).ast);
  return out;
}

export interface CaseScript {
  /** The whole script: set statement, datatable lets, the query. */
  readonly text: string;
  /** Where the query starts in `text` (for mapping error positions back). */
  readonly queryOffset: number;
  readonly tables: readonly string[];
}

/** The self-contained script of one case: its now, its tables' rows, its query. */
export function caseScript(query: string, db: Database, nowIso: string, header?: string): CaseScript {
  const tables = tablesNamed(query, db);
  const parts: string[] = [];
  if (header) parts.push(header.split('\n').map((l) => `// ${l}`.trimEnd()).join('\n'));
  parts.push(`set query_now = datetime(${nowIso});`);
  for (const name of tables) {
    const t = db.table(name) ?? emptyOf(db, name);
    if (t) parts.push(datatableLet(name, t));
  }
  const head = parts.join('\n') + '\n';
  return { text: head + query, queryOffset: head.length, tables };
}

/** A known table without rows (a built-in or declared schema): an empty table of its schema. */
function emptyOf(db: Database, name: string): Table | undefined {
  const planned = db.plan(kqlName(name)).plan as unknown as { schema?: Table['schema'] } | undefined;
  return planned?.schema ? { schema: planned.schema, columns: [], rowCount: 0 } : undefined;
}
