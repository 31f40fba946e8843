// The database every fuzzed query runs against: two small tables whose columns cover every scalar type and whose
// rows hold the values that break code — nulls, NaN and infinities, the ends of the long and datetime ranges, -0,
// empty and non-ASCII strings, nested and empty dynamic values. Column names include the parser arbitraries' names
// (a, b, Url, Timestamp…) so their random queries bind now and then too. `T` and `U` share their common columns'
// types, so `union` and `join` keep the names the generator uses.
import { Database } from '../../src/database.js';

export type FuzzType = 'bool' | 'int' | 'long' | 'real' | 'datetime' | 'timespan' | 'string' | 'dynamic' | 'guid';
export const FUZZ_TYPES: readonly FuzzType[] = ['bool', 'int', 'long', 'real', 'datetime', 'timespan', 'string', 'dynamic', 'guid'];

/** T's columns, by type: the generator draws column references from here. */
export const T_COLUMNS: Readonly<Record<FuzzType, readonly string[]>> = {
  bool: ['f'],
  int: ['i'],
  long: ['a', 'n'],
  real: ['c'],
  datetime: ['Timestamp', 'd'],
  timespan: ['g'],
  string: ['b', 'Url', 'k'],
  dynamic: ['e'],
  guid: ['h'],
};

const T_SCHEMA = Object.entries(T_COLUMNS).flatMap(([type, names]) => names.map((name) => ({ name, type })));
const U_SCHEMA = [
  { name: 'k', type: 'string' },
  { name: 'a', type: 'long' },
  { name: 'x', type: 'real' },
  { name: 'Timestamp', type: 'datetime' },
  { name: 'e', type: 'dynamic' },
];

const MAX = '9223372036854775807';
const MIN = '-9223372036854775808';

/** Rows as JSON text values the way a user would give them (addTable converts them by the schema). */
const T_ROWS: Record<string, unknown>[] = [
  { f: true, i: 1, a: 1, n: 10, c: 1.5, Timestamp: '2026-11-20T10:00:00Z', d: '2026-11-19T00:00:00Z', g: '01:00:00', b: 'alpha', Url: 'https://bit.ly/x?a=1#f', k: 'k1', e: [1, 2, 3], h: '74be27de-1e4e-49d9-b579-fe0b331d3642' },
  { f: false, i: 0, a: 0, n: 0, c: 0, Timestamp: '2026-11-20T11:59:59.9999999Z', d: '1970-01-01T00:00:00Z', g: '00:00:00', b: '', Url: '', k: 'k2', e: {}, h: '00000000-0000-0000-0000-000000000000' },
  { f: null, i: null, a: null, n: null, c: null, Timestamp: null, d: null, g: null, b: '', Url: '', k: '', e: null, h: null },
  { f: true, i: 2147483647, a: BigInt(MAX), n: BigInt(MIN), c: Number.MAX_VALUE, Timestamp: '9999-12-31T23:59:59.9999999Z', d: '0001-01-01T00:00:00Z', g: '10675199.02:48:05.4775807', b: 'é🙂\u0000\t"\'\\', Url: 'http://[::1]:8080/p/../q?x=%zz', k: 'k1', e: { a: { b: [null, { c: 'd' }] }, 'x y': -1 }, h: 'ffffffff-ffff-ffff-ffff-ffffffffffff' },
  { f: false, i: -2147483648, a: -1, n: -7, c: -0, Timestamp: '2000-02-29T12:00:00Z', d: '2026-11-20T12:00:00Z', g: '-00:00:00.0000001', b: 'a'.repeat(300), Url: 'mailto:x@y.z', k: 'K1', e: [[], [[]], ''], h: '74BE27DE-1E4E-49D9-B579-FE0B331D3642' },
  { f: true, i: 7, a: 7, n: 3, c: Number.NaN, Timestamp: '2026-11-01T00:00:00Z', d: '2026-11-01T00:00:00Z', g: '1.00:00:00', b: 'The quick brown fox', Url: 'https://evil.example.net/login?u=1', k: 'k3', e: ['a', 'b', 'a'], h: '11111111-2222-3333-4444-555555555555' },
  { f: false, i: 3, a: 3, n: 3, c: Number.POSITIVE_INFINITY, Timestamp: '2026-11-20T10:00:00Z', d: '2026-11-20T10:00:00Z', g: '00:00:01', b: 'alpha', Url: 'https://bit.ly/x?a=1#f', k: 'k2', e: '{"not":"parsed"}', h: '74be27de-1e4e-49d9-b579-fe0b331d3642' },
  { f: null, i: -1, a: 5, n: 5, c: Number.NEGATIVE_INFINITY, Timestamp: '2026-11-19T23:00:00Z', d: '2026-11-18T00:00:00Z', g: '-1.00:00:00', b: 'ALPHA', Url: 'ftp://a.b/c', k: 'k4', e: 12345678901234567890, h: null },
];
const U_ROWS: Record<string, unknown>[] = [
  { k: 'k1', a: 1, x: 0.5, Timestamp: '2026-11-20T10:30:00Z', e: { k: 'k1' } },
  { k: 'k1', a: 2, x: -0.5, Timestamp: '2026-11-20T09:00:00Z', e: [1] },
  { k: 'k2', a: null, x: null, Timestamp: null, e: null },
  { k: '', a: BigInt(MAX), x: Number.NaN, Timestamp: '2026-11-01T00:00:00Z', e: [] },
  { k: 'k9', a: -3, x: 1e300, Timestamp: '2026-11-20T12:00:00Z', e: 'text' },
];

export const FUZZ_NOW = '2026-11-20T12:00:00Z';

/** A fresh database holding T and U (the catalogue tables are known and empty). */
export function fuzzDatabase(): Database {
  const db = new Database();
  db.addTable('T', { schema: T_SCHEMA, rows: T_ROWS });
  db.addTable('U', { schema: U_SCHEMA, rows: U_ROWS });
  return db;
}
