// Microsoft Sentinel watchlists offline: what `_GetWatchlist('alias')` returns and the rows of the `Watchlist` table
// for watchlists given to the Database (Database.addWatchlist; the CLI reads them from a data folder's
// watchlists/<alias>.csv, src/node/watchlists.ts). Browser-safe.
//
// _GetWatchlist's columns (Sentinel's "Build queries or rules with watchlists"): _DTItemId, LastUpdatedTimeUTC,
// SearchKey, WatchlistItem (the item as a bag), then the watchlist's own columns. Own columns are strings: a
// watchlist is uploaded as CSV and its values are kept as text. [U] their order is the file's header order;
// _DTItemId is a GUID derived from the alias and the row (Sentinel assigns random ones), so results are reproducible.

import { tableFromRows } from './tables/from-rows.js';
import type { Column, Table } from './tables/table.js';

export interface WatchlistInput {
  /** The watchlist's own columns, in order. */
  readonly columns: readonly string[];
  /** One object per item: column → text. */
  readonly rows: readonly Readonly<Record<string, string>>[];
  /** The column whose value is each item's SearchKey (chosen when the watchlist is created in Sentinel). */
  readonly searchKey: string;
  /** LastUpdatedTimeUTC of every item (ISO text or Date). */
  readonly lastUpdated: string | Date;
}

/** The leading columns of _GetWatchlist(), before the watchlist's own. */
export const GET_WATCHLIST_COLUMNS: readonly Column[] = [
  { name: '_DTItemId', type: 'string' },
  { name: 'LastUpdatedTimeUTC', type: 'datetime' },
  { name: 'SearchKey', type: 'string' },
  { name: 'WatchlistItem', type: 'dynamic' },
];

/** A GUID text from a string (FNV-1a, four rounds): stable across runs, no crypto needed. */
export function stableGuid(seed: string): string {
  const parts: string[] = [];
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < seed.length; i++) {
      h ^= seed.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    parts.push(h.toString(16).padStart(8, '0'));
  }
  const hex = parts.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export class WatchlistError extends Error {}

function checked(alias: string, w: WatchlistInput): void {
  const seen = new Set<string>();
  for (const c of w.columns) {
    if (GET_WATCHLIST_COLUMNS.some((g) => g.name === c)) throw new WatchlistError(`watchlist '${alias}': column '${c}' clashes with a column _GetWatchlist() adds`);
    if (seen.has(c)) throw new WatchlistError(`watchlist '${alias}': column '${c}' appears twice`);
    seen.add(c);
  }
  if (!seen.has(w.searchKey)) throw new WatchlistError(`watchlist '${alias}': its SearchKey column '${w.searchKey}' is not one of its columns (${w.columns.join(', ')})`);
}

/** The table `_GetWatchlist(alias)` returns. */
export function getWatchlistTable(alias: string, w: WatchlistInput): Table {
  checked(alias, w);
  const schema: Column[] = [...GET_WATCHLIST_COLUMNS, ...w.columns.map((name) => ({ name, type: 'string' as const }))];
  const updated = w.lastUpdated instanceof Date ? w.lastUpdated.toISOString() : w.lastUpdated;
  const rows = w.rows.map((r, i) => ({
    ...r,
    _DTItemId: stableGuid(`${alias}\u0000${i}`),
    LastUpdatedTimeUTC: updated,
    SearchKey: r[w.searchKey] ?? '',
    WatchlistItem: Object.fromEntries(w.columns.map((c) => [c, r[c] ?? ''])),
  }));
  return tableFromRows(schema, rows);
}

/** The rows of the `Watchlist` table for these watchlists (one per item, as Sentinel stores them). */
export function watchlistTableRows(watchlists: ReadonlyMap<string, WatchlistInput>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const [alias, w] of watchlists) {
    const updated = w.lastUpdated instanceof Date ? w.lastUpdated.toISOString() : w.lastUpdated;
    w.rows.forEach((r, i) => {
      out.push({
        TimeGenerated: updated,
        _DTTimestamp: updated,
        CreatedTimeUTC: updated,
        LastUpdatedTimeUTC: updated,
        _DTItemId: stableGuid(`${alias}\u0000${i}`),
        _DTItemType: 'watchlist-item',
        _DTItemStatus: 'Create',
        WatchlistId: stableGuid(alias),
        WatchlistAlias: alias,
        WatchlistName: alias,
        SearchKey: r[w.searchKey] ?? '',
        WatchlistItem: Object.fromEntries(w.columns.map((c) => [c, r[c] ?? ''])),
        Type: 'Watchlist',
      });
    });
  }
  return out;
}
