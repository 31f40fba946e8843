// Data in the worker: the bundled dataset and dropped files, both loaded by the CLI's own data-folder loader
// (src/node/load) over the in-memory file system (../shims/fs.ts), so names, schemas (built-in catalogue,
// <Table>.schema.json, or the data's own), time-column mirroring, API-export envelopes, portal CSV headers,
// warnings and errors are exactly the CLI's.
import type { Database } from '../../../src/index.ts';
import { loadDataFolder, type LoadedDataset } from '../../../src/node/load-data.ts';
import type { Table } from '../../../src/tables/table.ts';
import type { LoadedFilesReply, TableInfo } from '../protocol';
import { putFile, removeFolder } from '../shims/fs';

export const BUNDLED_DIR = '/fixtures/contoso';

let bundled: LoadedDataset | undefined;
let drops = 0;

/** The bundled dataset as the loader returned it (the rule-test runner's `data: bundled`). */
export function bundledDataset(): LoadedDataset | undefined {
  return bundled;
}

export function tableInfo(name: string, table: Table, source: TableInfo['source'], file?: string): TableInfo {
  return { name, rowCount: table.rowCount, columns: table.schema.map((c) => ({ name: c.name, type: c.type })), source, ...(file ? { file } : {}) };
}

async function inflate(base64: string): Promise<Uint8Array> {
  const bin = atob(base64);
  const gz = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) gz[i] = bin.charCodeAt(i);
  const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function loadBundledDataset(db: Database): Promise<{ tables: TableInfo[]; now?: string }> {
  const { files } = await import('virtual:contoso-dataset');
  const bytes = await Promise.all(files.map((f) => inflate(f.gzip)));
  files.forEach((f, i) => putFile(`${BUNDLED_DIR}/${f.name}`, bytes[i]!));
  bundled = loadDataFolder(BUNDLED_DIR);
  const tables: TableInfo[] = [];
  for (const [name, t] of bundled.tables) {
    db.addTable(name, t);
    tables.push(tableInfo(name, t, 'bundled', `${name}.ndjson`));
  }
  return { tables, now: bundled.now };
}

/**
 * Dropped files are one data folder: `<Table>.ndjson|.jsonl|.json|.csv` name their table, `<Table>.schema.json`
 * gives columns, `dataset.json` gives now. A table loaded again replaces the one before (also a bundled one).
 */
export function loadDroppedFiles(db: Database, files: readonly { name: string; bytes: Uint8Array }[], lenient: boolean): LoadedFilesReply {
  const dir = `/drops/${++drops}`;
  try {
    for (const f of files) putFile(`${dir}/${f.name.replace(/[\\/]/g, '_')}`, f.bytes);
    const loaded = loadDataFolder(dir, { lenient });
    const fileOf = new Map(files.map((f) => [f.name.replace(/\.(ndjson|jsonl|json|csv)$/i, ''), f.name]));
    const tables: TableInfo[] = [];
    for (const [name, t] of loaded.tables) {
      db.addTable(name, t);
      tables.push(tableInfo(name, t, 'dropped', fileOf.get(name)));
    }
    const warnings = [...loaded.warnings];
    for (const [t, n] of loaded.badValues) warnings.push(`${t}: ${n} value(s) that did not fit their column loaded as null (lenient)`);
    for (const [t, n] of loaded.replacedUtf8) warnings.push(`${t}: ${n} invalid UTF-8 sequence(s) replaced by U+FFFD (lenient)`);
    return { tables, warnings: warnings.map((w) => w.replace(`${dir}/`, '')), ...(loaded.now ? { now: loaded.now } : {}) };
  } finally {
    removeFolder(dir);
  }
}
