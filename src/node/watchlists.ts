// Sentinel watchlists from a data folder: `watchlists/<alias>.csv`, one file per watchlist, as uploaded to Sentinel
// (a header row, then one item per row). Lines at the top starting with `#` set what Sentinel asks for when the
// watchlist is created:
//   # SearchKey: IPAddress                       the SearchKey column (default: the first column)
//   # LastUpdatedTimeUTC: 2026-11-01T00:00:00Z   every item's LastUpdatedTimeUTC (default: the file's modification time)
// Other `#` lines are comments. Values are text, as Sentinel keeps them.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { delimitedRecords } from '../engine/operators/externaldata-formats.js';
import { DataError } from '../tables/data-error.js';
import { parseDatetime } from '../values/datetime.js';
import type { WatchlistInput } from '../watchlists.js';

export const WATCHLISTS_DIR = 'watchlists';

export function readWatchlistFile(file: string): WatchlistInput {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split('\n');
  let searchKey: string | undefined;
  let lastUpdated: string | undefined;
  let skip = 0;
  while (skip < lines.length && lines[skip]!.startsWith('#')) {
    const m = /^#\s*(SearchKey|LastUpdatedTimeUTC)\s*:\s*(.*?)\s*$/i.exec(lines[skip]!.replace(/\r$/, ''));
    if (m && m[1]!.toLowerCase() === 'searchkey') searchKey = m[2]!;
    if (m && m[1]!.toLowerCase() === 'lastupdatedtimeutc') {
      if (parseDatetime(m[2]!) === null) throw new DataError(file, skip + 1, 1, `LastUpdatedTimeUTC '${m[2]}' is not a datetime`);
      lastUpdated = m[2]!;
    }
    skip++;
  }
  const records = delimitedRecords(lines.slice(skip).join('\n'), file, ',', skip + 1);
  const header = records[0];
  if (!header) throw new DataError(file, skip + 1, 1, 'a watchlist needs a header row');
  const key = searchKey ?? header[0]!;
  if (!header.includes(key)) {
    throw new DataError(file, 1, 1, `the SearchKey column '${key}' is not in the header (${header.join(', ')})`);
  }
  return {
    columns: header,
    rows: records.slice(1).map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? '']))),
    searchKey: key,
    lastUpdated: lastUpdated ?? statSync(file).mtime.toISOString(),
  };
}

/** Every `watchlists/<alias>.csv` of a data folder (none when the folder has no watchlists/). */
export function readWatchlists(dataDir: string): Map<string, WatchlistInput> {
  const dir = join(dataDir, WATCHLISTS_DIR);
  const out = new Map<string, WatchlistInput>();
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir).sort()) {
    if (!entry.toLowerCase().endsWith('.csv')) continue;
    out.set(entry.slice(0, -4), readWatchlistFile(join(dir, entry)));
  }
  return out;
}
