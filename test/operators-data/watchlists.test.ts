// Sentinel watchlists offline: a data folder's watchlists/<alias>.csv (src/node/watchlists.ts) → _GetWatchlist()
// and the Watchlist table (src/watchlists.ts). Expected values worked out from the fixture files in data/watchlists.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { Database } from '../../src/database.js';
import { KqlError } from '../../src/diagnostics.js';
import { DataError } from '../../src/tables/data-error.js';
import { readWatchlists } from '../../src/node/watchlists.js';

const dataDir = new URL('./data/', import.meta.url).pathname;

function db(): Database {
  const d = new Database();
  for (const [alias, w] of readWatchlists(dataDir)) d.addWatchlist(alias, w);
  return d;
}

function errorOf(f: () => unknown): KqlError {
  try {
    f();
  } catch (err) {
    if (err instanceof KqlError) return err;
    throw err;
  }
  throw new Error('expected a KqlError');
}

describe('_GetWatchlist', () => {
  it("gives Sentinel's columns, then the watchlist's own, with the SearchKey the file names", () => {
    const r = db().query("_GetWatchlist('HighValueHosts')");
    expect(r.columns).toEqual([
      { name: '_DTItemId', type: 'string' },
      { name: 'LastUpdatedTimeUTC', type: 'datetime' },
      { name: 'SearchKey', type: 'string' },
      { name: 'WatchlistItem', type: 'dynamic' },
      { name: 'AssetName', type: 'string' },
      { name: 'Hostname', type: 'string' },
      { name: 'Tier', type: 'string' },
    ]);
    const rows = r.toJSON().rows.map((row) => row.slice(1));
    expect(rows).toEqual([
      ['2026-11-01T08:00:00.0000000Z', 'dc1.contoso.com', { AssetName: 'DC1', Hostname: 'dc1.contoso.com', Tier: '0' }, 'DC1', 'dc1.contoso.com', '0'],
      ['2026-11-01T08:00:00.0000000Z', 'mx1.contoso.com', { AssetName: 'Mail, primary', Hostname: 'mx1.contoso.com', Tier: '1' }, 'Mail, primary', 'mx1.contoso.com', '1'],
    ]);
  });

  it('_DTItemId is a GUID, distinct per item and the same on every load', () => {
    const a = db().query("_GetWatchlist('HighValueHosts') | project _DTItemId").toJSON().rows.flat();
    const b = db().query("_GetWatchlist('HighValueHosts') | project _DTItemId").toJSON().rows.flat();
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(2);
    for (const id of a) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('the SearchKey defaults to the first column; an allow-list rule excludes its items', () => {
    const q = `datatable (ip:string) ["203.0.113.5", "1.1.1.1", "198.51.100.9"]
| where ip !in ((_GetWatchlist('PenTestIPs') | project SearchKey))`;
    expect(db().query(q).toJSON().rows).toEqual([['1.1.1.1']]);
  });

  it('an unknown alias is an error at the alias with did-you-mean', () => {
    const e = errorOf(() => db().query("_GetWatchlist('HighValueHost')"));
    expect(e.code).toBe('bind-unknown-watchlist');
    expect(e.position).toEqual({ line: 1, column: 15 });
    expect(e.diagnostics[0]!.notes?.join(' ')).toContain('HighValueHosts');
  });

  it('without watchlists the message says how to add one', () => {
    const e = errorOf(() => new Database().query("_GetWatchlist('x')"));
    expect(e.diagnostics[0]!.notes?.join(' ')).toContain('watchlists/');
  });

  it('a let may hold a watchlist (Sentinel rules write let wl = _GetWatchlist(...);)', () => {
    expect(db().query("let wl = _GetWatchlist('PenTestIPs'); wl | count").toJSON().rows).toEqual([[2]]);
  });

  it('a let function of the same name wins', () => {
    expect(db().query("let _GetWatchlist = (a:string) { print x = a }; _GetWatchlist('zz')").toJSON().rows).toEqual([['zz']]);
  });
});

describe('the Watchlist table', () => {
  it('holds one row per item of every watchlist, with alias, SearchKey and the item bag', () => {
    const q = `Watchlist | project WatchlistAlias, SearchKey, Owner = tostring(WatchlistItem.Owner), _DTItemType, _DTItemStatus | order by WatchlistAlias asc, SearchKey asc`;
    expect(db().query(q).toJSON().rows).toEqual([
      ['HighValueHosts', 'dc1.contoso.com', '', 'watchlist-item', 'Create'],
      ['HighValueHosts', 'mx1.contoso.com', '', 'watchlist-item', 'Create'],
      ['PenTestIPs', '198.51.100.9', 'Vendor', 'watchlist-item', 'Create'],
      ['PenTestIPs', '203.0.113.5', 'RedTeam', 'watchlist-item', 'Create'],
    ]);
  });
  it('its _DTItemId matches _GetWatchlist', () => {
    const q = `_GetWatchlist('PenTestIPs') | join kind=inner (Watchlist) on _DTItemId | count`;
    expect(db().query(q).toJSON().rows).toEqual([[2]]);
  });
});

describe('watchlist files', () => {
  it('a SearchKey that is not a column is an error with the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kqlite-wl-'));
    mkdirSync(join(dir, 'watchlists'));
    writeFileSync(join(dir, 'watchlists', 'bad.csv'), '# SearchKey: Nope\nA,B\n1,2\n');
    expect(() => readWatchlists(dir)).toThrow(DataError);
    expect(() => readWatchlists(dir)).toThrow(/bad\.csv:1:1: the SearchKey column 'Nope' is not in the header \(A, B\)/);
  });
  it('a ragged row is an error at its line (settings lines counted)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kqlite-wl-'));
    mkdirSync(join(dir, 'watchlists'));
    writeFileSync(join(dir, 'watchlists', 'r.csv'), '# SearchKey: A\nA,B\n1,2\n3\n');
    expect(() => readWatchlists(dir)).toThrow(/r\.csv:4:1: a record with 1 field/);
  });
  it('kqlite run reads watchlists/ of the data folder', async () => {
    let out = '';
    let err = '';
    const code = await main(['run', '--data', dataDir, '--query', "_GetWatchlist('PenTestIPs') | project SearchKey, Owner", '--format', 'json'], {
      out: (s) => (out += s),
      err: (s) => (err += s),
      isTTY: false,
      stdin: () => '',
    });
    expect(code, err).toBe(0);
    expect(JSON.parse(out).rows).toEqual([['203.0.113.5', 'RedTeam'], ['198.51.100.9', 'Vendor']]);
  });
});
