// What the server does with one request, apart from HTTP: resolve the request properties, run the query or the
// management command on the served Database, and encode the answer (v1 / v2 body text and HTTP status). It runs
// inside the query worker (query-worker.ts), one request at a time; the HTTP side (server.ts) never touches data.
//
// Where errors go (response.md, response-v2.md): a request that cannot start — bad properties, unknown database, a
// syntax or semantic error — is HTTP 400 with the OneApi error body; a failure after the query started —
// truncation, the engine's limits, a runtime error — is a "partial query failure" inside a 200 response (v2:
// DataSetCompletion.HasErrors/OneApiErrors, and the primary table's rows by the placement; v1: a QueryStatus row of
// Severity Error). An unexpected exception is HTTP 500, never a crash.

import { KqlError } from '../../diagnostics.js';
import type { Database } from '../../database.js';
import type { QueryResult } from '../../result.js';
import { stringifyJson } from '../../tables/format.js';
import { formatDatetime, parseDatetime } from '../../values/datetime.js';
import { badRequest, diagnosticFamily, partialFailure, queryError, requestError, runtimeFailure, timeoutFailure, type OneApiError, type RequestIds } from './errors.js';
import { v1CommandBody, v1QueryBody, v2Body, type WireColumn, type WireTable } from './frames.js';
import { CommandError, runCommand, type CommandContext } from './mgmt.js';
import { applySetStatements, optionsFromRequest, type ResolvedOptions } from './request-options.js';

export interface ServiceRequest {
  readonly endpoint: 'query-v1' | 'query-v2' | 'mgmt';
  readonly db?: string;
  readonly csl: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly ids: RequestIds;
  /** Milliseconds left of the request's server timeout (the engine stops itself at this budget). */
  readonly budgetMs?: number;
  /** The request's whole server timeout, for the message when it expires. */
  readonly timeoutMs?: number;
}

export interface ServiceResponse {
  readonly status: number;
  readonly body: string;
  /** The command changed the database (replayed into a fresh worker after a restart). */
  readonly mutated?: boolean;
  /** For the request log: "12 rows", "error: ...". */
  readonly summary: string;
}

/** Kusto's default result truncation (query-limits.md): 500,000 records. */
export const DEFAULT_TRUNCATION_RECORDS = 500_000;
/** Rows one join / mv-expand / make-series may produce (as the CLI): a runaway query stops with a limit error. */
const MAX_INTERMEDIATE_ROWS = 100_000_000;

const nowIso = () => formatDatetime(BigInt(Date.now()) * 10_000n + 621_355_968_000_000_000n);

export class KustoService {
  private minor = 0;
  readonly context: CommandContext;

  constructor(
    readonly db: Database,
    readonly databaseName: string,
    /** now() when a request does not give query_now: --now, else the dataset's now, else the clock (undefined). */
    readonly defaultNow: string | undefined,
    productVersion: string,
  ) {
    const self = this;
    this.context = {
      db,
      databaseName,
      created: new Map(),
      dropped: new Set(),
      version: () => `v1.${self.minor}`,
      changed: () => {
        self.minor++;
      },
      productVersion,
      startTime: nowIso(),
    };
  }

  handle(req: ServiceRequest): ServiceResponse {
    try {
      if (req.endpoint === 'mgmt' && req.csl.trimStart().startsWith('.')) return this.command(req);
      if (req.endpoint !== 'mgmt' && req.csl.trimStart().startsWith('.')) {
        return fail(400, badRequest(req.ids, 'management commands (text starting with a dot) go to POST /v1/rest/mgmt'));
      }
      return this.query(req);
    } catch (err) {
      const e = err as Error;
      return fail(500, requestError(req.ids, { code: 'General_InternalServerError', message: 'kqlite internal error', type: 'Kusto.Data.Exceptions.KustoServiceException', detail: `kqlite internal error: ${e.message} (please report it)`, permanent: false }));
    }
  }

  private command(req: ServiceRequest): ServiceResponse {
    try {
      const { table, mutated } = runCommand(this.context, req.csl, req.db);
      return { status: 200, body: v1CommandBody(table), mutated, summary: `${table.rows.length} row(s)` };
    } catch (err) {
      if (err instanceof CommandError) return fail(400, requestError(req.ids, { code: err.code, message: 'Request is invalid and cannot be executed.', type: err.type, detail: err.message }));
      if (err instanceof KqlError) return fail(400, queryError(req.ids, err, req.csl, this.databaseName));
      throw err;
    }
  }

  private query(req: ServiceRequest): ServiceResponse {
    const v2 = req.endpoint === 'query-v2';
    if (req.db !== undefined && req.db !== '' && req.db !== 'NetDefaultDB' && req.db.toLowerCase() !== this.databaseName.toLowerCase()) {
      return fail(400, requestError(req.ids, { code: 'BadRequest_EntityNotFound', message: 'Request is invalid and cannot be executed.', type: 'Kusto.Data.Exceptions.EntityNotFoundException', detail: `Entity ID '${req.db}' of kind 'Database' was not found: this kqlite server has one database, '${this.databaseName}'` }));
    }
    let options: ResolvedOptions;
    try {
      options = optionsFromRequest(req.options);
    } catch (err) {
      return fail(400, badRequest(req.ids, (err as Error).message));
    }
    let text: string;
    try {
      text = applySetStatements(req.csl, options).text;
    } catch (err) {
      if (err instanceof KqlError) return fail(400, queryError(req.ids, err, req.csl, this.databaseName));
      throw err;
    }
    const now = options.now ?? this.defaultNow;
    const started = performance.now();
    let result: QueryResult;
    try {
      result = this.db.query(text, {
        now: now ?? nowIso(),
        limits: { maxIntermediateRows: MAX_INTERMEDIATE_ROWS, ...(req.budgetMs !== undefined ? { timeoutMs: Math.max(1, req.budgetMs) } : {}) },
      });
    } catch (err) {
      if (!(err instanceof KqlError)) throw err;
      const located = new KqlError(err.diagnostics, req.csl);
      if (diagnosticFamily(err.diagnostics[0]!) !== 'runtime') return fail(400, queryError(req.ids, located, req.csl, this.databaseName));
      const d = err.diagnostics[0]!;
      const expired = d.code === 'runtime-limit' && d.data?.what === 'query time (ms)';
      const failure = expired ? timeoutFailure(req.ids, req.timeoutMs ?? req.budgetMs ?? 0) : runtimeFailure(req.ids, located, req.csl);
      return this.answer(v2, req, options, undefined, [failure], performance.now() - started);
    }
    // Result size: query_take_max_records cuts silently; truncation is a partial failure after the kept rows.
    const errors: OneApiError[] = [];
    let limit = result.rowCount;
    if (options.takeMaxRecords !== undefined) limit = Math.min(limit, options.takeMaxRecords);
    const explicit = options.truncationMaxRecords !== undefined || options.takeMaxRecords !== undefined;
    const truncation = options.noTruncation && !explicit ? Infinity : (options.truncationMaxRecords ?? DEFAULT_TRUNCATION_RECORDS);
    if (limit > truncation) {
      limit = truncation;
      errors.push(
        partialFailure(req.ids, {
          code: 'LimitsExceeded',
          type: 'Kusto.Data.Exceptions.KustoServicePartialQueryFailureLimitsExceededException',
          detail: `Query execution has exceeded the allowed limits (80DA0003): The Kusto DataEngine has failed to execute a query: 'Query result set has exceeded the internal record count limit ${truncation} (E_QUERY_RESULT_SET_TOO_LARGE).' (the first ${truncation} of ${result.rowCount} rows were sent; set notruncation or truncationmaxrecords to get more)`,
        }),
      );
    }
    return this.answer(v2, req, options, { result, limit }, errors, performance.now() - started);
  }

  private answer(
    v2: boolean,
    req: ServiceRequest,
    options: ResolvedOptions,
    primary: { result: QueryResult; limit: number } | undefined,
    errors: readonly OneApiError[],
    ms: number,
  ): ServiceResponse {
    const tables: WireTable[] = [];
    const vis = primary?.result.visualization;
    const visText = vis ? JSON.stringify({ Visualization: vis.chart, ...vis.properties }) : undefined;
    // v2: the properties table only when there is something to say (a render); v1: always, as Table_1 after the
    // result, so the clients find the table of contents (they read it only when there are more than two tables).
    if (v2 && visText) {
      tables.push({ name: '@ExtendedProperties', kind: 'QueryProperties', columns: [col('TableId', 'int'), col('Key', 'string'), col('Value', 'dynamic')], rows: [JSON.stringify([1, 'Visualization', visText])] });
    }
    if (primary) {
      const json = primary.result.toJSON();
      const rows = json.rows.length > primary.limit ? json.rows.slice(0, primary.limit) : json.rows;
      tables.push({ name: 'PrimaryResult', kind: 'PrimaryResult', columns: json.columns, rows: rows.map((r) => stringifyJson(r)) });
    }
    if (!v2) tables.push(v1Properties(visText));
    const status = statusRows(v2, req.ids, options.notes, errors, ms, primary?.limit ?? 0);
    tables.push(status);
    const summary = errors.length > 0 ? `${primary?.limit ?? 0} row(s), partial failure: ${String(errors[0]!.error['@message'])}` : `${primary?.limit ?? 0} row(s)`;
    if (v2) {
      const body = v2Body(tables, errors, {
        progressive: options.progressive,
        fragmentPrimary: options.fragmentPrimary,
        rowsPerFragment: options.rowsPerFragment,
        newlines: options.newlines,
        placement: options.placement,
      });
      return { status: 200, body, summary };
    }
    const ids = tables.map((t) => (t.kind === 'QueryCompletionInformation' ? '00000000-0000-0000-0000-000000000000' : globalThis.crypto.randomUUID()));
    return { status: 200, body: v1QueryBody(tables, ids), summary };
  }
}

const col = (name: string, type: WireColumn['type']): WireColumn => ({ name, type });

function fail(status: number, body: OneApiError): ServiceResponse {
  return { status, body: JSON.stringify(body), summary: `error: ${String(body.error['@message'])}` };
}

function v1Properties(visText: string | undefined): WireTable {
  return { name: '@ExtendedProperties', kind: 'QueryProperties', columns: [col('Value', 'string')], rows: visText ? [JSON.stringify([visText])] : [] };
}

const QCI_COLUMNS: readonly WireColumn[] = [
  col('Timestamp', 'datetime'),
  col('ClientRequestId', 'string'),
  col('ActivityId', 'guid'),
  col('SubActivityId', 'guid'),
  col('ParentActivityId', 'guid'),
  col('Level', 'int'),
  col('LevelName', 'string'),
  col('StatusCode', 'int'),
  col('StatusCodeName', 'string'),
  col('EventType', 'int'),
  col('EventTypeName', 'string'),
  col('Payload', 'string'),
];

const V1_STATUS_COLUMNS: readonly WireColumn[] = [
  col('Timestamp', 'datetime'),
  col('Severity', 'int'),
  col('SeverityName', 'string'),
  col('StatusCode', 'int'),
  col('StatusDescription', 'string'),
  col('Count', 'int'),
  col('RequestId', 'guid'),
  col('ActivityId', 'guid'),
  col('SubActivityId', 'guid'),
  col('ClientActivityId', 'string'),
];

/** 0x80DA0003 (limits exceeded) as the signed 32-bit StatusCode Kusto reports. */
const LIMITS_EXCEEDED = 0x80da0003 - 0x1_0000_0000;

/**
 * The completion table: v2 QueryCompletionInformation (Level 4 Info / 3 Warning / 2 Error; the Node client counts
 * Level ≤ 2 as errors), v1 QueryStatus (Severity likewise). One row per outcome, one per ignored option.
 */
function statusRows(v2: boolean, ids: RequestIds, notes: readonly string[], errors: readonly OneApiError[], ms: number, rows: number): WireTable {
  const ts = nowIso();
  const sub = globalThis.crypto.randomUUID();
  const entries: { level: number; name: string; code: number; codeName: string; text: string; event?: string; payload?: string }[] = [];
  for (const n of notes) entries.push({ level: 3, name: 'Warning', code: 0, codeName: 'S_OK (0)', text: n });
  for (const e of errors) entries.push({ level: 2, name: 'Error', code: LIMITS_EXCEEDED, codeName: `${String(e.error.code)} (0x80DA0003)`, text: String(e.error['@message']) });
  if (errors.length === 0) entries.push({ level: 4, name: 'Info', code: 0, codeName: 'S_OK (0)', text: 'Query completed successfully' });
  if (v2) {
    const out = entries.map((e) => JSON.stringify([ts, ids.clientRequestId, ids.activityId, sub, ids.activityId, e.level, e.name, e.code, e.codeName, 4, 'QueryInfo', JSON.stringify({ Count: 1, Text: e.text })]));
    // [U] resource payload: the fields tools read most (execution time, result rows); kqlite measures no memory or cache.
    const usage = { ExecutionTime: ms / 1000, resource_usage: {}, dataset_statistics: [{ table_row_count: rows, table_size: 0 }] };
    out.push(JSON.stringify([ts, ids.clientRequestId, ids.activityId, sub, ids.activityId, 4, 'Info', 0, 'S_OK (0)', 5, 'QueryResourceConsumption', JSON.stringify(usage)]));
    return { name: 'QueryCompletionInformation', kind: 'QueryCompletionInformation', columns: QCI_COLUMNS, rows: out };
  }
  const out = entries.map((e) => JSON.stringify([ts, e.level, e.name, e.code, e.text, 1, ids.activityId, ids.activityId, sub, ids.clientRequestId]));
  return { name: 'QueryStatus', kind: 'QueryCompletionInformation', columns: V1_STATUS_COLUMNS, rows: out };
}

/** A v2 / v1 answer for a request that the server stopped (timeout) before the worker replied. */
export function stoppedAnswer(endpoint: ServiceRequest['endpoint'], ids: RequestIds, failure: OneApiError): ServiceResponse {
  if (endpoint === 'mgmt') return fail(504, failure);
  const v2 = endpoint === 'query-v2';
  const status = statusRows(v2, ids, [], [failure], 0, 0);
  const summary = `partial failure: ${String(failure.error['@message'])}`;
  if (v2) return { status: 200, body: v2Body([status], [failure]), summary };
  return { status: 200, body: v1QueryBody([v1Properties(undefined), status], [globalThis.crypto.randomUUID(), '00000000-0000-0000-0000-000000000000']), summary };
}

export function isValidNow(text: string | undefined): boolean {
  return text === undefined || parseDatetime(text) !== null;
}
