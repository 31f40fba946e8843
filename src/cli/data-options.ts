// The options that say what a query runs over (--data, --now, --lenient), shared by every command that binds or
// runs a query, and the one place that turns them into a Database.

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { Database } from '../database.js';
import { DEFAULT_MAX_MEMORY_BYTES, MAX_INTERMEDIATE_ROWS, type Limits } from '../engine/exec/context.js';
import { externalDataLookup } from '../node/external-data.js';
import { loadGeoIpFile } from '../node/geoip.js';
import { loadDataFolder } from '../node/load-data.js';
import { loadFunctionFolder } from '../node/stored-functions.js';
import { readWatchlists } from '../node/watchlists.js';
import { loadSchemaFolder } from '../node/schemas.js';
import { parseDatetime } from '../values/datetime.js';
import { UsageError, type Io } from './io.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The bundled dataset: fixtures/contoso at the package root (from src/cli or dist/src/cli). */
export function bundledDataDir(): string {
  for (const up of ['../..', '../../..']) {
    const d = resolve(here, up, 'fixtures', 'contoso');
    if (existsSync(d)) return d;
  }
  return resolve(here, '../..', 'fixtures', 'contoso');
}

export interface DataOptions {
  data?: string;
  now?: string;
  lenient?: boolean;
  /** A folder of table schemas (Azure-Sentinel CustomTables *.json, <Table>.schema.json): see node/schemas.ts. */
  schemas?: string;
  strict?: boolean;
  /** `--param Name=value`, repeatable: values of the query's `declare query_parameters(...)`. */
  param?: string[];
  /** Download externaldata URLs the data folder does not map yet, once, recording them (node/external-data.ts). */
  fetchExternaldata?: boolean;
  /** A folder of stored functions (.kql `.create-or-alter function`, Sentinel parser YAML): node/stored-functions.ts. */
  functions?: string;
  /** A MaxMind DB file (GeoLite2-City) for geo_info_from_ip_address (node/geoip.ts). */
  geoip?: string;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function addDataOptions(cmd: Command): Command {
  return cmd
    .option('-d, --data <dir>', 'data folder: one <Table>.ndjson|.jsonl|.json|.csv per table (default: bundled contoso dataset)')
    .option('--schemas <dir>', 'folder of table schemas (Azure-Sentinel CustomTables *.json or <Table>.schema.json) for tables the catalogue lacks')
    .option('--now <iso>', "the instant now() and ago() use (default: the dataset's now, else the clock)")
    .option('--lenient', 'turn data values that do not fit their column into nulls (and count them) instead of failing')
    .option('--strict', 'make doubtful data files errors: a file whose name is no known table, a format kqlite cannot read')
    .option('--functions <dir>', 'folder of stored functions the query may call: .kql (.create-or-alter function Name(params) { body }) and Sentinel parser/function YAML (FunctionName, FunctionQuery, FunctionParams)')
    .option('--fetch-externaldata', "download each externaldata URL the data folder's externaldata/urls.tsv lacks, once, into that folder, and record it (off by default: queries never go to the network)")
    .option('--geoip <file>', 'a MaxMind GeoLite2-City database (.mmdb) for geo_info_from_ip_address (none is bundled)')
    .option('--param <name=value>', 'a value for the query\'s declare query_parameters(...) (repeatable; the text is read as the declared type\'s literal: 7d, 2026-11-20, 42)', collect);
}

/** `--param Name=value` options → parameter values (text; the engine reads each as its declared type). */
export function parametersFromOptions(opts: DataOptions): Record<string, string> {
  const values: Record<string, string> = {};
  for (const item of opts.param ?? []) {
    const eq = String(item).indexOf('=');
    const name = eq > 0 ? String(item).slice(0, eq).trim() : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`--param takes Name=value, got '${String(item)}'`);
    if (Object.prototype.hasOwnProperty.call(values, name)) throw new UsageError(`--param ${name} is given twice`);
    values[name] = String(item).slice(eq + 1);
  }
  return values;
}

/** Limits of one query run (README "Limits"): --timeout, --max-rows, --max-memory. */
export interface LimitOptions {
  timeout?: string;
  maxRows?: string;
  maxMemory?: string;
}

export function addLimitOptions(cmd: Command): Command {
  return cmd
    .option('--timeout <seconds>', 'stop a query that runs longer than this (default: no limit)')
    .option('--max-rows <n>', `rows one operator (join, mv-expand, range, union, summarize...) may produce (default and most: ${MAX_INTERMEDIATE_ROWS.toLocaleString('en-US')})`)
    .option('--max-memory <MB>', `estimated memory one operator may build, in MB (default: ${DEFAULT_MAX_MEMORY_BYTES / 1024 / 1024})`);
}

/** The engine limits the options ask for; a malformed value is a usage error (exit 2). */
export function limitsFromOptions(opts: LimitOptions): Limits {
  const positive = (name: string, text: string | undefined, integer: boolean): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(String(text));
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
      throw new UsageError(`${name} takes a positive ${integer ? 'integer' : 'number'}, got '${String(text)}'`);
    }
    return n;
  };
  const seconds = positive('--timeout', opts.timeout, false);
  const rows = positive('--max-rows', opts.maxRows, true);
  const mb = positive('--max-memory', opts.maxMemory, false);
  return {
    ...(seconds !== undefined ? { timeoutMs: Math.ceil(seconds * 1000) } : {}),
    ...(rows !== undefined ? { maxIntermediateRows: rows } : {}),
    ...(mb !== undefined ? { maxMemoryBytes: Math.floor(mb * 1024 * 1024) } : {}),
  };
}

/** Checks the options before anything is loaded, so a usage mistake never waits for a large load. */
export function checkDataOptions(opts: DataOptions): void {
  if (opts.now !== undefined && parseDatetime(String(opts.now)) === null) {
    throw new UsageError(`--now takes an ISO-8601 datetime, got '${String(opts.now)}'`);
  }
  if (opts.data !== undefined && !existsSync(String(opts.data))) throw new UsageError(`no such data folder: ${String(opts.data)}`);
  if (opts.schemas !== undefined && !existsSync(String(opts.schemas))) throw new UsageError(`no such schema folder: ${String(opts.schemas)}`);
  if (opts.functions !== undefined && !existsSync(String(opts.functions))) throw new UsageError(`no such functions folder: ${String(opts.functions)}`);
  parametersFromOptions(opts);
}

export interface OpenedData {
  db: Database;
  /** The instant of --now, else the dataset's own now, else undefined (the clock). */
  now: string | undefined;
  loadMs: number;
}

/** Loads the data folder (default: the bundled dataset) into a Database. */
export function openData(opts: DataOptions, io: Io): OpenedData {
  checkDataOptions(opts);
  const started = Date.now();
  // Declared schemas first: a data file of a declared table is read with its declared columns.
  const schemas = opts.schemas !== undefined ? loadSchemaFolder(String(opts.schemas)) : {};
  const dataset = loadDataFolder(opts.data ?? bundledDataDir(), {
    schemas,
    lenient: Boolean(opts.lenient),
    strict: Boolean(opts.strict),
    progress: (m) => io.err(`kqlite: ${m}\n`),
    warn: (m) => io.err(`kqlite: warning: ${m}\n`),
  });
  const db = new Database({
    parameters: parametersFromOptions(opts),
    externalData: externalDataLookup(opts.data ?? bundledDataDir(), { fetch: Boolean(opts.fetchExternaldata) }),
    ...(opts.geoip !== undefined ? { geoip: loadGeoIpFile(String(opts.geoip)) } : {}),
  });
  for (const [name, columns] of Object.entries(schemas)) db.defineTable(name, columns);
  for (const [name, t] of dataset.tables) db.addTable(name, t);
  for (const [alias, w] of readWatchlists(opts.data ?? bundledDataDir())) db.addWatchlist(alias, w);
  if (opts.functions !== undefined) loadFunctionFolder(db, String(opts.functions));
  for (const [name, n] of dataset.badValues) io.err(`kqlite: ${name}: ${n} bad value(s) turned into nulls (--lenient)\n`);
  for (const [name, n] of dataset.replacedUtf8) io.err(`kqlite: ${name}: ${n} invalid UTF-8 sequence(s) replaced by U+FFFD (--lenient)\n`);
  return { db, now: opts.now ?? dataset.now, loadMs: Date.now() - started };
}
