// What the management commands share: the served database as commands see it (its own tables, then the built-in
// schemas), the command error, and the one-table result. Split from mgmt.ts so the commands that change tables
// (mgmt-tables.ts) and the ones that show them (mgmt.ts) do not import each other.

import type { Database } from '../../database.js';
import { BUILTIN_SCHEMAS } from '../../tables/builtin-schemas.js';
import { stringifyJson } from '../../tables/format.js';
import type { Schema } from '../../tables/table.js';
import type { WireColumn, WireTable } from './frames.js';

export const BUILTIN_FOLDER = 'kqlite built-in schemas';

/** What commands see and change of the served database. */
export interface CommandContext {
  readonly db: Database;
  readonly databaseName: string;
  /** Tables created by `.create table` (and not dropped), with their schemas, besides those loaded with data. */
  readonly created: Map<string, Schema>;
  /** Tables dropped by `.drop table` (hidden even when a built-in schema has the name). */
  readonly dropped: Set<string>;
  /** `v<major>.<minor>`: the minor part counts changes. */
  version(): string;
  changed(): void;
  readonly productVersion: string;
  /** When the server started (ISO), for `.show cluster`. */
  readonly startTime: string;
}

/** A command failed for a reason of the request (HTTP 400): unknown database or table, bad syntax, refused. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly code = 'BadRequest',
    readonly type = 'Kusto.Data.Exceptions.KustoBadRequestException',
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

export interface CommandResult {
  readonly table: WireTable;
  /** The command changed the database (create / ingest / drop): the server replays it after a restart. */
  readonly mutated: boolean;
}

export function wireTable(columns: readonly WireColumn[], rows: readonly unknown[][]): WireTable {
  return { name: 'Table_0', kind: 'PrimaryResult', columns, rows: rows.map((r) => stringifyJson(r)) };
}

/** Names of the tables the database shows, user tables first (order of loading / creation), built-ins after. */
export function visibleTables(ctx: CommandContext): { name: string; schema: Schema; folder: string }[] {
  const out: { name: string; schema: Schema; folder: string }[] = [];
  const seen = new Set<string>();
  const names = ctx.db.tableNames();
  const own = names.filter((n) => ctx.db.table(n) !== undefined || ctx.created.has(n));
  for (const n of own) {
    if (ctx.dropped.has(n) || seen.has(n)) continue;
    seen.add(n);
    out.push({ name: n, schema: ctx.db.table(n)?.schema ?? ctx.created.get(n)!, folder: '' });
  }
  for (const n of names) {
    if (seen.has(n) || ctx.dropped.has(n)) continue;
    const s = BUILTIN_SCHEMAS[n];
    if (s) out.push({ name: n, schema: s, folder: BUILTIN_FOLDER });
  }
  return out;
}

/** `name`, `['na me']`, `["x"]` → the name. */
export function unbracket(name: string): string {
  const m = /^\[\s*(['"])([\s\S]*)\1\s*\]$/.exec(name.trim());
  return m ? m[2]!.replace(/\\(.)/g, '$1') : name.trim();
}

export function tableNotFound(ctx: CommandContext, name: string): CommandError {
  return new CommandError(
    `Entity ID '${name}' of kind 'Table' was not found in database '${ctx.databaseName}'`,
    'BadRequest_EntityNotFound',
    'Kusto.Data.Exceptions.EntityNotFoundException',
  );
}

export function findTable(ctx: CommandContext, name: string): { name: string; schema: Schema; folder: string } {
  const t = visibleTables(ctx).find((v) => v.name === name);
  if (!t) throw tableNotFound(ctx, name);
  return t;
}
