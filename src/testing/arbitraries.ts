// fast-check arbitraries for the built-in tables: rows whose values look like real Defender for Office 365 telemetry
// (documented enumerations, URLs from shortener / PaaS / IPFS pools and their look-alikes, e-mail addresses,
// GUID-like ids, times inside a window before `now`), ready for `db.addTable(name, { rows })`.
//
//   fc.assert(fc.property(arbitraryTable('UrlClickEvents', { maxRows: 30, overrides: { Workload: 'Email' } }), (rows) => …), { seed: 42 });
//
// Overrides take a constant or an arbitrary per column. Derived columns stay consistent unless overridden:
// TimeGenerated = Timestamp, UrlDomain = the Url's host, Sender*Domain / RecipientDomain = the address's domain,
// UrlChain = JSON text of [Url], Type = the table name. Values use the row conventions of addTable: datetimes ISO
// text (7 fractional digits), longs/ints/reals numbers, dynamic plain JSON, bools booleans, strings never null.
// Browser-safe; needs fast-check (a peer dependency of kqlite/testing).

import fc from 'fast-check';
import { BUILTIN_SCHEMAS } from '../tables/builtin-schemas.js';
import { formatDatetime, parseDatetime } from '../values/datetime.js';
import { parseTimespan } from '../values/timespan.js';
import type { ScalarType } from '../values/types.js';
import {
  ACTION_TYPE_ARTEFACTS,
  BENIGN_HOSTS,
  BENIGN_PATH_WORDS,
  CIDS,
  ENUMS,
  EXTERNAL_SENDERS,
  IPFS_GATEWAY_HOSTS,
  LOOKALIKE_HOSTS,
  MESSAGE_IDS,
  PAAS_SUFFIXES,
  PATH_WORDS,
  PREFIX_TRAP_HOSTS,
  SHORTENER_HOSTS,
  SUBJECTS,
  TENANT_DOMAIN,
  TENANT_IDS,
  USERS,
} from './pools.js';

export type Row = Record<string, unknown>;
/** A constant value or an arbitrary of values, per column. */
export type Overrides = Readonly<Record<string, unknown>>;

export interface TimeOptions {
  /** Upper end of generated times (default 2026-11-20T12:00:00Z, the bundled dataset's now). */
  readonly now?: string | Date;
  /** Length of the window before `now` that times fall in (KQL timespan text, default '2d'). */
  readonly window?: string;
}

export const DEFAULT_NOW = '2026-11-20T12:00:00Z';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

export function arbitraryGuid(): fc.Arbitrary<string> {
  return fc.uuid();
}

/** A datetime (ISO text) in [now - window, now], tick precision; fast-check's bias reaches both ends. */
export function arbitraryDatetime(options: TimeOptions = {}): fc.Arbitrary<string> {
  const now = parseDatetime(options.now instanceof Date ? options.now.toISOString() : options.now ?? DEFAULT_NOW);
  const window = parseTimespan(options.window ?? '2d');
  if (now === null) throw new Error(`invalid now '${String(options.now)}'`);
  if (window === null || window < 0n) throw new Error(`invalid window '${options.window}'`);
  return fc.bigInt({ min: now - window, max: now }).map(formatDatetime);
}

const label = fc.constantFrom('contoso', 'login-micros0ft-secure', 'fabrikam-onboarding', 'deploy-preview-142--docs', 'hr-portal', 'a1b2c3', 'evil');

export type HostKind = 'shortener' | 'paas' | 'ipfs' | 'lookalike' | 'trap' | 'benign';

export function arbitraryHost(kinds: readonly HostKind[] = ['shortener', 'paas', 'ipfs', 'lookalike', 'trap', 'benign']): fc.Arbitrary<string> {
  const by: Record<HostKind, fc.Arbitrary<string>> = {
    shortener: fc.constantFrom(...SHORTENER_HOSTS),
    paas: fc.tuple(label, fc.constantFrom(...PAAS_SUFFIXES)).map(([l, s]) => `${l}.${s}`),
    ipfs: fc.oneof(fc.constantFrom(...IPFS_GATEWAY_HOSTS), fc.constantFrom(...CIDS).map((c) => `${c.toLowerCase()}.ipfs.dweb.link`)),
    lookalike: fc.constantFrom(...LOOKALIKE_HOSTS),
    trap: fc.constantFrom(...PREFIX_TRAP_HOSTS),
    benign: fc.constantFrom(...BENIGN_HOSTS),
  };
  return fc.oneof(...kinds.map((k) => by[k]));
}

/** A URL: scheme, host of the given kinds, a path of pool words (optionally behind /ipfs/<cid>), maybe a query. */
export function arbitraryUrl(options: { hosts?: readonly HostKind[]; benignPath?: boolean } = {}): fc.Arbitrary<string> {
  const words = options.benignPath ? BENIGN_PATH_WORDS : PATH_WORDS;
  const path = fc.array(fc.constantFrom(...words), { maxLength: 3 }).map((ws) => ws.join('/'));
  const ipfsPrefix = options.benignPath ? fc.constant('') : fc.oneof({ arbitrary: fc.constant(''), weight: 4 }, { arbitrary: fc.constantFrom(...CIDS).map((c) => `ipfs/${c}/`), weight: 1 });
  const query = fc.oneof({ arbitrary: fc.constant(''), weight: 3 }, { arbitrary: fc.constantFrom(...USERS).map((u) => `?u=${u}`), weight: 1 });
  const web = fc
    .tuple(fc.constantFrom('https', 'https', 'http'), arbitraryHost(options.hosts), ipfsPrefix, path, query)
    .map(([s, h, p, w, q]) => `${s}://${h}/${p}${w}${q}`);
  if (options.benignPath || (options.hosts && !options.hosts.includes('ipfs'))) return web;
  const ipfsScheme = fc.tuple(fc.constantFrom(...CIDS), path).map(([c, w]) => `ipfs://${c}/${w}`);
  return fc.oneof({ arbitrary: web, weight: 9 }, { arbitrary: ipfsScheme, weight: 1 });
}

export function arbitraryUpn(): fc.Arbitrary<string> {
  return fc.constantFrom(...USERS).map((u) => `${u}@${TENANT_DOMAIN}`);
}

export function arbitraryEmailAddress(): fc.Arbitrary<string> {
  return fc.oneof(arbitraryUpn(), fc.constantFrom(...EXTERNAL_SENDERS));
}

function domainOf(address: unknown): string {
  return typeof address === 'string' && address.includes('@') ? address.slice(address.lastIndexOf('@') + 1) : '';
}

/** The host of a URL as parse_url reports it for these generated URLs (authority up to the first / ? #). */
function hostOf(url: unknown): string {
  if (typeof url !== 'string') return '';
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url);
  return m ? m[1]!.replace(/^[^@]*@/, '').replace(/:\d+$/, '') : '';
}

const ipv4 = fc.tuple(fc.constantFrom('192.0.2', '198.51.100', '203.0.113'), fc.integer({ min: 1, max: 254 })).map(([n, h]) => `${n}.${h}`);
const messageId = fc.oneof({ arbitrary: fc.constantFrom(...MESSAGE_IDS), weight: 3 }, { arbitrary: fc.uuid(), weight: 1 });
const sha256 = fc.stringMatching(/^[0-9a-f]{64}$/);

// ---------------------------------------------------------------------------------------------------------------
// Columns

function enumOf(table: string, column: string): readonly string[] | undefined {
  return (ENUMS as Record<string, Record<string, readonly string[]> | undefined>)[table]?.[column];
}

const EMAIL_TABLES = new Set(Object.keys(ENUMS));

function columnArbitrary(table: string, column: string, type: ScalarType, time: TimeOptions): fc.Arbitrary<unknown> {
  // The pools below are keyed by column name and written for the five email tables; other catalogue tables reuse
  // many of those names with other types (ReportId is a long in the Device* tables), so they get values by type.
  if (!EMAIL_TABLES.has(table)) return type === 'datetime' ? arbitraryDatetime(time) : genericArbitrary(type);
  const e = enumOf(table, column);
  if (table === 'UrlClickEvents' && column === 'ActionType') {
    return fc.oneof({ arbitrary: fc.constantFrom(...e!), weight: 12 }, { arbitrary: fc.constantFrom(...ACTION_TYPE_ARTEFACTS), weight: 1 });
  }
  if (e) return fc.constantFrom(...e);
  switch (column) {
    case 'Timestamp':
    case 'TimeGenerated':
    case 'LastEventExecutionTime':
      return arbitraryDatetime(time);
    case 'Url':
      return arbitraryUrl();
    case 'AccountUpn':
    case 'RecipientEmailAddress':
      return arbitraryUpn();
    case 'SenderFromAddress':
    case 'SenderMailFromAddress':
      return arbitraryEmailAddress();
    case 'SenderDisplayName':
      return fc.constantFrom('IT Support', 'Fabrikam News', 'HR Documents', 'Adele Vance', '');
    case 'NetworkMessageId':
      return messageId;
    case 'InternetMessageId':
      return fc.uuid().map((u) => `<${u}@mail.example>`);
    case 'IPAddress':
    case 'SenderIPv4':
      return ipv4;
    case 'SenderIPv6':
      return fc.constantFrom('', '2001:db8::1', '2001:db8:85a3::8a2e:370:7334');
    case 'Subject':
      return fc.constantFrom(...SUBJECTS);
    case 'ThreatNames':
      return fc.constantFrom('', 'Phish.Generic.Credential', 'HTML/Phish.Credential', 'Trojan:HTML/Phish');
    case 'IsClickedThrough':
      return fc.boolean();
    case 'TenantId':
      return fc.constantFrom(...TENANT_IDS);
    case 'SourceSystem':
      return fc.constant('Azure');
    case '_IsBillable':
      return fc.constant('True');
    case '_BilledSize':
      return fc.integer({ min: 200, max: 4000 });
    case 'Type':
      return fc.constant(table);
    case 'ReportId':
    case 'SenderObjectId':
    case 'RecipientObjectId':
    case 'EmailActionPolicyGuid':
    case 'SourceId':
    case 'UrlChainId':
      return fc.uuid();
    case 'FileName':
      return fc.tuple(fc.constantFrom('invoice', 'budget', 'contract', 'scan', 'report'), fc.constantFrom('pdf', 'docx', 'xlsx', 'html', 'zip')).map(([n, x]) => `${n}.${x}`);
    case 'SHA256':
      return fc.oneof(fc.constant(''), sha256);
    case 'FileSize':
      return fc.integer({ min: 1, max: 25_000_000 });
    case 'BulkComplaintLevel':
      return fc.option(fc.integer({ min: 0, max: 9 }), { nil: null });
    case 'UrlChainPosition':
      return fc.integer({ min: 0, max: 3 });
    case 'Cc':
    case 'To':
      return fc.array(arbitraryUpn(), { maxLength: 3 });
    case 'AdditionalFields':
      return fc.constantFrom({}, { IsExternal: true }, { Language: 'en' });
  }
  return genericArbitrary(type);
}

function genericArbitrary(type: ScalarType): fc.Arbitrary<unknown> {
  switch (type) {
    case 'bool':
      return fc.option(fc.boolean(), { nil: null });
    case 'int':
      return fc.integer({ min: 0, max: 100 });
    case 'long':
      return fc.integer({ min: 0, max: 1_000_000 });
    case 'real':
      return fc.double({ min: 0, max: 1e6, noNaN: true });
    case 'datetime':
      return arbitraryDatetime();
    case 'timespan':
      return fc.integer({ min: 0, max: 86_399 }).map((s) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`);
    case 'guid':
      return fc.uuid();
    case 'dynamic':
      return fc.constantFrom(null, {}, []);
    default:
      return fc.constantFrom('', 'n/a', 'Default');
  }
}

/** Columns computed from others so a row stays coherent; applied only where the user did not override. */
function derive(table: string, row: Row, fixed: ReadonlySet<string>): Row {
  const set = (c: string, v: unknown) => {
    if (!fixed.has(c) && c in row) row[c] = v;
  };
  if (!fixed.has('TimeGenerated') && 'Timestamp' in row) set('TimeGenerated', row.Timestamp);
  else if (fixed.has('TimeGenerated') && !fixed.has('Timestamp')) set('Timestamp', row.TimeGenerated);
  if (table === 'EmailUrlInfo') set('UrlDomain', hostOf(row.Url));
  if (table === 'UrlClickEvents') {
    set('UrlChain', JSON.stringify([row.Url]));
    if (row.Workload !== 'Email') set('NetworkMessageId', ''); // documented: empty for non-email workloads
  }
  set('SenderFromDomain', domainOf(row.SenderFromAddress));
  set('SenderMailFromDomain', domainOf(row.SenderMailFromAddress));
  set('RecipientDomain', domainOf(row.RecipientEmailAddress));
  if (table === 'EmailAttachmentInfo' && typeof row.FileName === 'string') set('FileExtension', row.FileName.slice(row.FileName.lastIndexOf('.') + 1));
  return row;
}

// ---------------------------------------------------------------------------------------------------------------
// Rows and tables

function schemaOf(table: string) {
  const s = BUILTIN_SCHEMAS[table];
  if (!s) throw new Error(`arbitraryRow: '${table}' is not a built-in table (${Object.keys(BUILTIN_SCHEMAS).join(', ')})`);
  return s;
}

/** One row of a built-in table. */
export function arbitraryRow(table: string, overrides: Overrides = {}, time: TimeOptions = {}): fc.Arbitrary<Row> {
  const schema = schemaOf(table);
  const names = new Set(schema.map((c) => c.name));
  for (const k of Object.keys(overrides)) {
    if (!names.has(k)) throw new Error(`arbitraryRow('${table}'): unknown column '${k}'`);
  }
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const c of schema) {
    const o = overrides[c.name];
    fields[c.name] = c.name in overrides ? (o instanceof fc.Arbitrary ? o : fc.constant(o)) : columnArbitrary(table, c.name, c.type, time);
  }
  const fixed = new Set(Object.keys(overrides));
  return fc.record(fields).map((r) => derive(table, { ...r }, fixed));
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
