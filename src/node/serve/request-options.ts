// Request properties (request-properties.md), from the request body's `properties.Options` and from `set`
// statements at the head of the query text, resolved into what the server does with them. Four kinds:
// - honoured: query_now (a fixed now()), truncationmaxrecords / notruncation / query_take_max_records (result size),
//   servertimeout / norequesttimeout (request only, as the docs say), and the response-shape options
//   (results_progressive_enabled, results_v2_fragment_primary_tables, results_v2_newlines_between_frames,
//   results_error_reporting_placement, query_results_progressive_row_count);
// - noted and ignored: query_datetimescope_* (the brief of issue #17: a note in the completion table, no filter);
// - harmless: options that tune resources, caching, consistency or tracing and never change an answer here;
// - refused by name with the position of the `set` statement: options that would change an answer and that kqlite
//   does not implement (query_results_apply_getschema, query_cursor_*, query_bin_auto_*, ...), and unknown names.
//   Unknown names in the body's Options are ignored with a note instead: clients send options of their own.
// A `set` statement is blanked out of the text (same length, newlines kept) so positions of later errors stay true.

import { diagnostic, KqlError, type Span } from '../../diagnostics.js';
import { parse } from '../../parser/index.js';
import { parseDatetime } from '../../values/datetime.js';
import { parseTimespan } from '../../values/timespan.js';
import { TICKS_PER_MILLISECOND } from '../../values/types.js';
import type { ErrorPlacement } from './frames.js';

export interface ResolvedOptions {
  /** query_now: the instant now() returns (ISO text). */
  now?: string;
  truncationMaxRecords?: number;
  noTruncation?: boolean;
  takeMaxRecords?: number;
  serverTimeoutMs?: number;
  noRequestTimeout?: boolean;
  progressive?: boolean;
  fragmentPrimary?: boolean;
  newlines?: boolean;
  placement?: ErrorPlacement;
  rowsPerFragment?: number;
  /** Said back in the completion table (Level Warning): ignored options. */
  readonly notes: string[];
}

const HARMLESS = new Set([
  'best_effort',
  'client_max_redirect_count',
  'client_results_reader_allow_varying_row_widths',
  'deferpartialqueryfailures',
  'materialized_view_shuffle_query',
  'max_memory_consumption_per_query_per_node',
  'maxmemoryconsumptionperiterator',
  'maxoutputcolumns',
  'push_selection_through_aggregation',
  'query_datascope',
  'query_distribution_nodes_span',
  'query_fanout_nodes_percent',
  'query_fanout_threads_percent',
  'query_force_row_level_security',
  'query_log_query_parameters',
  'query_max_entities_in_union',
  'query_optimize_fts_at_relop',
  'query_results_cache_force_refresh',
  'query_results_cache_max_age',
  'query_results_cache_per_shard',
  'query_results_progressive_update_period',
  'query_weakconsistency_session_id',
  'queryconsistency',
  'request_app_name',
  'request_block_row_level_security',
  'request_callout_disabled',
  'request_description',
  'request_external_data_disabled',
  'request_external_table_disabled',
  'request_impersonation_disabled',
  'request_readonly',
  'request_readonly_hardline',
  'request_remote_entities_disabled',
  'request_sandboxed_execution_disabled',
  'request_user',
  'truncationmaxsize', // [U] accepted: kqlite does not measure result bytes, only records
]);

const NOTED = new Set(['query_datetimescope_column', 'query_datetimescope_from', 'query_datetimescope_to']);

/** Options the docs say cannot be given in a `set` statement (request-properties.md "How to set"). */
const REQUEST_ONLY = new Set([
  'norequesttimeout',
  'queryconsistency',
  'query_language',
  'query_log_query_parameters',
  'query_weakconsistency_session_id',
  'request_app_name',
  'request_readonly',
  'request_readonly_hardline',
  'request_user',
  'results_progressive_enabled',
  'results_v2_fragment_primary_tables',
  'servertimeout',
  'truncationmaxsize',
]);

class OptionError extends Error {}

/** A value from JSON (typed) or from a `set` statement (KQL literal text) as the option's type wants it. */
function asBool(v: unknown): boolean {
  if (v === true || v === false) return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  if (v === 1 || v === 0) return v === 1;
  throw new OptionError(`expected true or false, got ${JSON.stringify(v)}`);
}

function asCount(v: unknown): number {
  const n = typeof v === 'string' ? Number(v.trim().replace(/^long\((.*)\)$/, '$1')) : v;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) return n;
  throw new OptionError(`expected a non-negative integer, got ${JSON.stringify(v)}`);
}

function asDatetime(v: unknown): string {
  const text = typeof v === 'string' ? v.trim().replace(/^(datetime|date)\((.*)\)$/i, '$2').trim() : undefined;
  if (text !== undefined && parseDatetime(text) !== null) return text;
  throw new OptionError(`expected a datetime, got ${JSON.stringify(v)}`);
}

function asMilliseconds(v: unknown): number {
  if (typeof v === 'number' && v >= 0) return v; // [U] a bare number is milliseconds, as the Node client's setTimeout takes
  const text = typeof v === 'string' ? v.trim().replace(/^(timespan|time)\((.*)\)$/i, '$2').trim() : undefined;
  const ticks = text === undefined ? null : parseTimespan(text);
  if (ticks !== null && ticks >= 0n) return Number(ticks / TICKS_PER_MILLISECOND);
  throw new OptionError(`expected a timespan such as 00:04:00 or 10m, got ${JSON.stringify(v)}`);
}

const PLACEMENTS: Readonly<Record<string, ErrorPlacement>> = { in_data: 'InData', end_of_table: 'EndOfTable', end_of_dataset: 'EndOfDataSet' };

/** Applies one option. Returns false when the name is unknown (the caller decides: note or refuse). */
function apply(out: ResolvedOptions, rawName: string, value: unknown): boolean {
  const name = rawName.toLowerCase();
  const lower = (a: number | undefined, b: number) => (a === undefined ? b : Math.min(a, b)); // query-limits.md: the lower wins
  switch (name) {
    case 'query_now':
      out.now = asDatetime(value);
      return true;
    case 'truncationmaxrecords':
      out.truncationMaxRecords = lower(out.truncationMaxRecords, asCount(value));
      return true;
    case 'query_take_max_records':
      out.takeMaxRecords = lower(out.takeMaxRecords, asCount(value));
      return true;
    case 'notruncation':
      out.noTruncation = asBool(value);
      return true;
    case 'servertimeout':
      out.serverTimeoutMs = asMilliseconds(value);
      return true;
    case 'norequesttimeout':
      out.noRequestTimeout = asBool(value);
      return true;
    case 'results_progressive_enabled':
      out.progressive = asBool(value);
      return true;
    case 'results_v2_fragment_primary_tables':
      out.fragmentPrimary = asBool(value);
      return true;
    case 'results_v2_newlines_between_frames':
      out.newlines = asBool(value);
      return true;
    case 'query_results_progressive_row_count':
      out.rowsPerFragment = Math.max(1, asCount(value));
      return true;
    case 'results_error_reporting_placement': {
      const p = PLACEMENTS[String(value).toLowerCase()];
      if (!p) throw new OptionError(`expected in_data, end_of_table or end_of_dataset, got ${JSON.stringify(value)}`);
      out.placement = p;
      return true;
    }
    case 'query_language':
      if (!/^(csl|kql)$/i.test(String(value))) throw new OptionError(`kqlite runs KQL only (query_language=${String(value)})`);
      return true;
  }
  if (NOTED.has(name)) {
    out.notes.push(`${name} is ignored: kqlite does not scope queries by datetime (the query ran over all rows)`);
    return true;
  }
  return HARMLESS.has(name);
}

/** The body's `properties.Options`. Unknown names are ignored with a note; a bad value is a request error. */
export function optionsFromRequest(options: Readonly<Record<string, unknown>>): ResolvedOptions {
  const out: ResolvedOptions = { notes: [] };
  for (const [name, value] of Object.entries(options)) {
    if (value === null || value === undefined) continue;
    try {
      if (!apply(out, name, value)) out.notes.push(`request property '${name}' is not known to kqlite and was ignored`);
    } catch (err) {
      if (err instanceof OptionError) throw new Error(`request property '${name}': ${err.message}`);
      throw err;
    }
  }
  return out;
}

export interface SetStatements {
  /** The query text with its `set` statements blanked out. */
  readonly text: string;
  readonly names: readonly string[];
}

/**
 * Applies the `set name [= value];` statements of the query text to `out` (after the request's options, so a set
 * statement overrides them; truncation limits keep the lower value). Throws a positioned KqlError for an option
 * kqlite cannot honour.
 */
export function applySetStatements(text: string, out: ResolvedOptions): SetStatements {
  const { ast } = parse(text);
  let blanked = text;
  const names: string[] = [];
  for (const st of ast.statements) {
    if (st.kind !== 'UnsupportedStatement' || st.keyword !== 'set') continue;
    const m = /^set\s+([A-Za-z_][\w.]*)\s*(?:=\s*([\s\S]*?))?\s*$/.exec(st.text);
    if (!m) throw refusal(st.span, `cannot read this set statement`);
    const name = m[1]!;
    const value = m[2] === undefined || m[2] === '' ? 'true' : unquote(m[2]);
    if (REQUEST_ONLY.has(name.toLowerCase())) throw refusal(st.span, `'${name}' cannot be set in a set statement: give it as a request property`, 'bind-invalid');
    try {
      if (!apply(out, name, value)) throw refusal(st.span, `set ${name}`);
    } catch (err) {
      if (err instanceof OptionError) throw refusal(st.span, `set ${name}: ${err.message}`, 'bind-invalid');
      throw err;
    }
    names.push(name);
    const end = statementEnd(text, st.span.end);
    blanked = blanked.slice(0, st.span.start) + text.slice(st.span.start, end).replace(/[^\n]/g, ' ') + blanked.slice(end);
  }
  return { text: blanked, names };
}

/** Past the `;` that ends a statement (whitespace and comments before it skipped). */
function statementEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) i++;
    else if (text.startsWith('//', i)) i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else break;
  }
  return text[i] === ';' ? i + 1 : from;
}

function unquote(v: string): string {
  const t = v.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  return t;
}

function refusal(span: Span, what: string, code: 'bind-not-supported' | 'bind-invalid' = 'bind-not-supported'): KqlError {
  const d = code === 'bind-not-supported' ? diagnostic('bind-not-supported', span, { name: what }) : diagnostic('bind-invalid', span, { message: what });
  return new KqlError([d]);
}

/** Kusto's default server timeouts (query-limits.md): 4 minutes for queries, 10 for management commands. */
export const DEFAULT_QUERY_TIMEOUT_MS = 4 * 60_000;
export const DEFAULT_COMMAND_TIMEOUT_MS = 10 * 60_000;
/** [U] norequesttimeout: "the maximum value"; kqlite takes one hour. */
export const MAX_TIMEOUT_MS = 60 * 60_000;

/** The server timeout of a request from its Options (servertimeout, norequesttimeout); bad values → the default. */
export function requestTimeoutMs(options: Readonly<Record<string, unknown>>, command: boolean): number {
  const fallback = command ? DEFAULT_COMMAND_TIMEOUT_MS : DEFAULT_QUERY_TIMEOUT_MS;
  try {
    if (options.norequesttimeout !== undefined && asBool(options.norequesttimeout)) return MAX_TIMEOUT_MS;
    if (options.servertimeout !== undefined && options.servertimeout !== null) return Math.min(MAX_TIMEOUT_MS, asMilliseconds(options.servertimeout));
  } catch {
    // the worker reports the bad value
  }
  return fallback;
}
