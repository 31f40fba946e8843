// A data folder → tables. Which file is what:
//   <Table>.ndjson | .jsonl | .json | .csv   the rows of table <Table> (extension in any case)
//   <Table>.schema.json                      the columns of <Table> (a list of {name, type}); a table with only a
//                                            schema file is an empty table of that schema
//   dataset.json                             {"now", "name"}: the instant the dataset's queries run at
//   anything else                            ignored, except files that look like data kqlite cannot read
//                                            (.tsv, .txt, .xlsx, .parquet, .gz, …): reported
// A table's schema is, first found: `options.schemas`, its <Table>.schema.json, the built-in catalogue, else its
// data (any file defines a table). "Matches no table" (issue 19): a data file whose name is not a known table
// defines a new table from its values; when its name is a known table's in another case, or close to one, that is
// likely a mistake and is reported with a did-you-mean — a warning, or an error under `strict`. Under `strict`
// every data file must name a known table (no schema guessed from values).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { extname, join } from 'node:path';
import { BUILTIN_SCHEMAS } from '../../tables/builtin-schemas.js';
import { isOpenSchemaTable } from '../../tables/catalogue/index.js';
import { DataError } from '../../tables/data-error.js';
import { checkSchema, SchemaError } from '../../tables/schema-check.js';
import { emptyTable, type Schema, type Table } from '../../tables/table.js';
import { parseDatetime } from '../../values/datetime.js';
import { formatOf, loadTableFile } from './table-file.js';

export interface LoadOptions {
  /** Turn values that do not fit their column into nulls, and invalid UTF-8 into U+FFFD, counting both. */
  readonly lenient?: boolean;
  /** Report doubtful files (names that match no table, unreadable formats) as errors rather than warnings. */
  readonly strict?: boolean;
  /** Schemas for tables that are not built in (table → columns); they take precedence over everything else. */
  readonly schemas?: Readonly<Record<string, Schema>>;
  /** Called with a message when loading takes a while (the CLI prints it). */
  readonly progress?: (message: string) => void;
  /** Called with each warning (also collected in `warnings`). */
  readonly warn?: (message: string) => void;
  /** Bytes per read (tests). */
  readonly chunkBytes?: number;
}

export interface LoadedDataset {
  readonly tables: Map<string, Table>;
  /** `now` from dataset.json, if the folder has one. */
  readonly now?: string;
  readonly name?: string;
  /** Per table, how many bad values lenient mode turned into nulls. */
  readonly badValues: Map<string, number>;
  /** Per table, how many invalid UTF-8 sequences lenient mode replaced by U+FFFD. */
  readonly replacedUtf8: Map<string, number>;
  readonly warnings: string[];
}

/** Extensions of data kqlite does not read: a file with one is reported rather than silently skipped. */
const UNREADABLE: Readonly<Record<string, string>> = {
  '.tsv': 'tab-separated text is not read; save it as .csv',
  '.txt': 'not a data format kqlite reads',
  '.log': 'not a data format kqlite reads',
  '.xlsx': 'an Excel workbook (the Defender portal exports one) is not read; save it from Excel as CSV UTF-8',
  '.xls': 'an Excel workbook is not read; save it from Excel as CSV UTF-8',
  '.parquet': 'Parquet is not read; convert it to .ndjson or .csv',
  '.avro': 'Avro is not read; convert it to .ndjson or .csv',
  '.gz': 'compressed files are not read; decompress it',
  '.zip': 'compressed files are not read; decompress it',
  '.bz2': 'compressed files are not read; decompress it',
  '.xz': 'compressed files are not read; decompress it',
  '.7z': 'compressed files are not read; decompress it',
  '.json5': 'JSON5 is not read; use plain JSON',
  '.jsonc': 'JSON with comments is not read; use plain JSON',
};

function ioError(path: string, err: unknown): DataError {
  const e = err as NodeJS.ErrnoException;
  const reason =
    e.code === 'ENOENT' ? 'no such file or folder' : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'EISDIR' ? 'is a folder, not a file' : e.code === 'ENOTDIR' ? 'is not a folder' : (e.message ?? String(err));
  return new DataError(path, 0, 0, `cannot read: ${reason}`);
}

function readJsonFile(file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw ioError(file, err);
  }
  if (!isUtf8(bytes)) throw new DataError(file, 1, 1, 'invalid UTF-8 (the file must be UTF-8)');
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const at = m ? Number(m[1]) : 0;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    throw new DataError(file, line, at - before.lastIndexOf('\n'), `not valid JSON: ${(err as Error).message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
}

function readSchemaFile(file: string): Schema {
  try {
    return checkSchema(readJsonFile(file));
  } catch (err) {
    if (err instanceof SchemaError) throw new DataError(file, 1, 1, err.message);
    throw err;
  }
}

function readManifest(file: string): { now?: string; name?: string } {
  const m = readJsonFile(file);
  if (m === null || typeof m !== 'object' || Array.isArray(m)) throw new DataError(file, 1, 1, 'dataset.json holds an object such as {"now": "2026-11-20T12:00:00Z"}');
  const { now, name } = m as { now?: unknown; name?: unknown };
  if (now !== undefined && (typeof now !== 'string' || parseDatetime(now) === null)) {
    throw new DataError(file, 1, 1, `"now" must be an ISO-8601 datetime, got ${JSON.stringify(now)}`);
  }
  return { now: now as string | undefined, name: typeof name === 'string' ? name : undefined };
}

/**
 * The known table a file name most likely meant: the same name in another case, or one or two letters off (two
 * only for names of 8 letters or more, so short names of new tables do not draw far-fetched suggestions).
 */
function nearTable(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = name.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const k of known) {
    if (k.toLowerCase() === lower) return k;
    if (Math.abs(k.length - name.length) >= bestDistance) continue;
    const d = editDistance(lower, k.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `cap`) once it reaches `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= cap) return cap;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Load every table file of a folder. */
export function loadDataFolder(dir: string, options: LoadOptions = {}): LoadedDataset {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new DataError(dir, 0, 0, 'is a file; --data takes a folder of table files');
    entries = readdirSync(dir).sort();
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw ioError(dir, err);
  }
  const warnings: string[] = [];
  const doubt = (file: string, message: string): void => {
    if (options.strict) throw new DataError(file, 0, 0, message, ['--strict']);
    const text = `${file}: ${message}`;
    warnings.push(text);
    options.warn?.(text);
  };

  const manifest = join(dir, 'dataset.json');
  const { now, name } = existsSync(manifest) ? readManifest(manifest) : {};

  const schemaFiles = new Map<string, string>();
  const dataFiles = new Map<string, string>();
  for (const entry of entries) {
    if (entry.startsWith('.') || entry === 'dataset.json') continue;
    const path = join(dir, entry);
    if (entry.toLowerCase().endsWith('.schema.json')) {
      schemaFiles.set(entry.slice(0, -'.schema.json'.length), path);
      continue;
    }
    const format = formatOf(entry);
    const ext = extname(entry).toLowerCase();
    if (format === undefined) {
      const why = UNREADABLE[ext];
      if (why !== undefined) doubt(path, `ignored: ${why}`);
      continue;
    }
    let isFile: boolean;
    try {
      isFile = statSync(path).isFile();
    } catch (err) {
      throw ioError(path, err);
    }
    if (!isFile) throw new DataError(path, 0, 0, 'is a folder (or not a regular file), named like a table file');
    const table = entry.slice(0, -ext.length);
    const other = dataFiles.get(table);
    if (other !== undefined) throw new DataError(path, 0, 0, `table '${table}' has more than one data file (also ${other})`);
    dataFiles.set(table, path);
  }

  const known = new Set([...Object.keys(BUILTIN_SCHEMAS), ...Object.keys(options.schemas ?? {}), ...schemaFiles.keys()]);
  const tables = new Map<string, Table>();
  const badValues = new Map<string, number>();
  const replacedUtf8 = new Map<string, number>();
  const declared = (table: string): Schema | undefined => {
    const file = schemaFiles.get(table);
    return options.schemas?.[table] ?? (file !== undefined ? readSchemaFile(file) : undefined);
  };

  for (const [table, file] of dataFiles) {
    const given = declared(table);
    const schema = given ?? BUILTIN_SCHEMAS[table];
    // An open-schema table (AzureDiagnostics, *_CL) known only by its documented columns takes more from its data.
    const openSchema = given === undefined && schema !== undefined && isOpenSchemaTable(table);
    if (schema === undefined) {
      const near = nearTable(table, known);
      if (near !== undefined) {
        const sameButCase = near.toLowerCase() === table.toLowerCase();
        doubt(file, `defines a new table '${table}' from its values; did you mean '${near}'?${sameButCase ? ' (table names are case-sensitive)' : ''}`);
      } else if (options.strict) {
        doubt(file, `'${table}' is not a known table (give its columns in ${table}.schema.json)`);
      }
    }
    const started = Date.now();
    const loaded = loadTableFile(file, table, schema, { lenient: options.lenient, chunkBytes: options.chunkBytes, openSchema });
    if (Date.now() - started > 1000) options.progress?.(`loaded ${table} (${loaded.table.rowCount} rows)`);
    tables.set(table, loaded.table);
    if (loaded.bad > 0) badValues.set(table, loaded.bad);
    if (loaded.replaced > 0) replacedUtf8.set(table, loaded.replaced);
  }
  // A schema file without data declares an empty table.
  for (const [table, file] of schemaFiles) {
    if (!tables.has(table)) tables.set(table, emptyTable(options.schemas?.[table] ?? readSchemaFile(file)));
  }
  return { tables, now, name, badValues, replacedUtf8, warnings };
}
