// fast-check arbitraries for every built-in table (`kqlite/testing/arbitraries`): rows ready for
// `db.addTable(name, { rows })`, with every column of the table's schema and a value of the column's type.
//
//   fc.assert(fc.property(arbitraryTable('SigninLogs', { maxRows: 30, overrides: { ResultType: '50126' } }), (rows) => …), { seed: 42 });
//
// Three layers: (1) any column of any catalogue table gets a value by name where the security tables share the name
// and its type (DeviceName, AccountUpn, IPAddress, SHA256, UserAgent…), else by type (generic.ts); (2) the five
// Defender for Office 365 tables use their documented enumerations and the rule-relevant URL pools (email.ts);
// (3) about thirty of the most used tables have a profile (profiles-*.ts) that builds a coherent row from random
// ingredients: a process tree with realistic command lines, a sign-in whose result code, description, status and
// location agree, a Windows event with its activity text, an inbox rule forwarding inside or outside, an alert
// with its service and entities. Overrides take a constant or an arbitrary per column; columns built from an
// overridden column follow it (override FileName and FolderPath follows); Timestamp and TimeGenerated agree.
// Values use the row conventions of addTable: datetimes ISO text (7 fractional digits), int/long/real numbers,
// dynamic plain JSON, bools booleans, strings never null. Browser-safe; needs fast-check (a peer dependency).
import fc from 'fast-check';
import { BUILTIN_SCHEMAS } from '../tables/builtin-schemas.js';
import type { Overrides, Row, TimeOptions } from './arbitraries/basics.js';
import { deriveEmail, EMAIL_TABLES, emailColumnArbitrary } from './arbitraries/email.js';
import { coerceToColumn, namedColumnArbitrary } from './arbitraries/generic.js';
import type { Profile } from './arbitraries/profile.js';
import { CLOUD_PROFILES } from './arbitraries/profiles-cloud.js';
import { ENDPOINT_PROFILES } from './arbitraries/profiles-endpoint.js';
import { IDENTITY_PROFILES } from './arbitraries/profiles-identity.js';
import { SECURITY_PROFILES } from './arbitraries/profiles-security.js';

export {
  arbitraryDatetime, arbitraryDomainAccount, arbitraryEmailAddress, arbitraryGuid, arbitraryHost, arbitraryPerson, arbitraryPrivateIp,
  arbitraryPublicAddress, arbitraryUpn, arbitraryUrl, DEFAULT_NOW, type Account, type HostKind, type Overrides, type Row, type TimeOptions,
} from './arbitraries/basics.js';

const PROFILES: Readonly<Record<string, Profile>> = { ...ENDPOINT_PROFILES, ...IDENTITY_PROFILES, ...CLOUD_PROFILES, ...SECURITY_PROFILES };

/** Tables whose rows are built coherently (a profile, or the email tables' pools); the rest get per-column values. */
export const CURATED_TABLES: readonly string[] = [...EMAIL_TABLES, ...Object.keys(PROFILES)].sort();

function schemaOf(table: string) {
  const s = BUILTIN_SCHEMAS[table];
  if (!s) throw new Error(`arbitraryRow: '${table}' is not a built-in table (see \`kqlite tables\`)`);
  return s;
}

/** Timestamp and TimeGenerated agree: the one the user fixed wins. */
function mirrorTimes(row: Row, fixed: ReadonlySet<string>): void {
  if (!('Timestamp' in row && 'TimeGenerated' in row)) return;
  if (fixed.has('TimeGenerated') && !fixed.has('Timestamp')) row.Timestamp = row.TimeGenerated;
  else if (!fixed.has('TimeGenerated')) row.TimeGenerated = row.Timestamp;
}

/** One row of a built-in table. */
export function arbitraryRow(table: string, overrides: Overrides = {}, time: TimeOptions = {}): fc.Arbitrary<Row> {
  const schema = schemaOf(table);
  const types = new Map(schema.map((c) => [c.name, c.type]));
  for (const k of Object.keys(overrides)) {
    if (!types.has(k)) throw new Error(`arbitraryRow('${table}'): unknown column '${k}'`);
  }
  const email = EMAIL_TABLES.has(table);
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const c of schema) {
    const o = overrides[c.name];
    fields[c.name] = c.name in overrides
      ? (o instanceof fc.Arbitrary ? o : fc.constant(o))
      : email ? emailColumnArbitrary(table, c.name, c.type, time) : namedColumnArbitrary(table, c.name, c.type, time);
  }
  const fixed = new Set(Object.keys(overrides));
  const base = fc.record(fields).map((r) => {
    const row: Row = { ...r };
    mirrorTimes(row, fixed);
    return row;
  });
  if (email) return base.map((row) => deriveEmail(table, row, fixed));
  const profile = PROFILES[table];
  if (!profile) return base;
  return fc.tuple(base, profile.ingredients(time)).map(([generated, ingredients]) => {
    const row: Row = { ...generated };
    const pick = (column: string, fallback: unknown) => (fixed.has(column) ? row[column] : fallback);
    const built = profile.build(ingredients, row, pick);
    for (const [k, v] of Object.entries(built)) {
      const type = types.get(k);
      if (type !== undefined && !fixed.has(k)) row[k] = coerceToColumn(type, v);
    }
    return row;
  });
}

export interface TableOptions extends TimeOptions {
  readonly minRows?: number;
  readonly maxRows?: number;
  readonly overrides?: Overrides;
}

/** Rows of a built-in table (default 0–20 rows). */
export function arbitraryTable(table: string, options: TableOptions = {}): fc.Arbitrary<Row[]> {
  return fc.array(arbitraryRow(table, options.overrides, options), { minLength: options.minRows ?? 0, maxLength: options.maxRows ?? 20 });
}
