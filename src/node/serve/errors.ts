// Kusto's error shape (OneApiErrors, response-v2.md "HTTP response body (on request failure)"):
// {"error": {"code", "message", "@type", "@message", "@context", "@permanent", "innererror"?}} — used as the whole
// body of a failed request (HTTP 4xx/5xx) and, inside a 200 response, in DataSetCompletion.OneApiErrors and as
// in-data rows (frames.ts). kqlite's own diagnostic travels in it: `@message` carries `line:col: message`, and
// innererror carries kqlite's code, the position, and the people-facing text with the source line and a caret.

import { formatDiagnostic, KqlError, lineCol, type Diagnostic } from '../../diagnostics.js';

export interface RequestIds {
  readonly clientRequestId: string;
  readonly activityId: string;
}

export interface OneApiError {
  readonly error: Record<string, unknown>;
}

/** A failure the server answers with: HTTP status (for request-level failures) and the OneApi error body. */
export class KustoServiceError extends Error {
  constructor(
    readonly status: number,
    readonly body: OneApiError,
  ) {
    super(String(body.error['@message'] ?? body.error.message));
    this.name = 'KustoServiceError';
  }
}

function context(ids: RequestIds): Record<string, unknown> {
  return {
    timestamp: new Date().toISOString().replace(/\.(\d{3})Z$/, '.$10000Z'),
    serviceAlias: 'KQLITE',
    machineName: 'kqlite',
    processName: 'kqlite',
    processId: process.pid,
    clientRequestId: ids.clientRequestId,
    activityId: ids.activityId,
  };
}

/** A request-level error (bad body, unknown database, unsupported command, ...). */
export function requestError(
  ids: RequestIds,
  p: { code: string; message: string; type?: string; detail: string; permanent?: boolean; extra?: Record<string, unknown> },
): OneApiError {
  return {
    error: {
      code: p.code,
      message: p.message,
      '@type': p.type ?? 'Kusto.Data.Exceptions.KustoBadRequestException',
      '@message': p.detail,
      '@context': context(ids),
      '@permanent': p.permanent ?? true,
      ...p.extra,
    },
  };
}

export const badRequest = (ids: RequestIds, detail: string, extra?: Record<string, unknown>): OneApiError =>
  requestError(ids, { code: 'BadRequest', message: 'Request is invalid and cannot be executed.', detail, extra });

/** Which Kusto failure family a kqlite diagnostic belongs to. */
export function diagnosticFamily(d: Diagnostic): 'syntax' | 'semantic' | 'runtime' {
  if (d.code.startsWith('syntax-')) return 'syntax';
  if (d.code.startsWith('runtime-')) return 'runtime';
  return 'semantic';
}

/**
 * A query that kqlite refused (syntax or semantic error): Kusto's General_BadRequest with a SyntaxException /
 * SemanticException inner error (response-v2.md's example), kqlite's diagnostic inside.
 */
export function queryError(ids: RequestIds, err: KqlError, text: string, database: string): OneApiError {
  const d = err.diagnostics[0]!;
  const family = diagnosticFamily(d);
  const kind = family === 'syntax' ? 'Syntax error' : 'Semantic error';
  const innerType = family === 'syntax' ? 'Kusto.Data.Exceptions.SyntaxException' : 'Kusto.Data.Exceptions.SemanticException';
  const located = locatedMessage(err, text);
  return {
    error: {
      code: 'General_BadRequest',
      message: 'Request is invalid and cannot be executed.',
      '@type': 'Kusto.Data.Exceptions.KustoBadRequestException',
      '@message': `Request is invalid and cannot be processed: ${kind}: ${located}`,
      '@context': context(ids),
      '@permanent': true,
      '@text': text,
      '@database': database,
      innererror: {
        code: d.code,
        message: located,
        '@type': innerType,
        '@message': `${kind}: ${located}`,
        '@context': context(ids),
        '@permanent': true,
        '@errorCode': d.code,
        '@errorMessage': d.message,
        ...positionFields(d, text),
      },
    },
  };
}

/**
 * A failure after the query started (a limit, the timeout, a runtime error): Kusto reports these as partial query
 * failures inside a 200 response. [U] code and @type follow the messages real clusters print for limits
 * (query-limits.md: "Query execution has exceeded the allowed limits (80DA0003) ... E_QUERY_RESULT_SET_TOO_LARGE").
 */
export function partialFailure(ids: RequestIds, p: { code: string; type: string; detail: string; extra?: Record<string, unknown> }): OneApiError {
  return {
    error: {
      code: p.code,
      message: p.detail,
      '@type': p.type,
      '@message': p.detail,
      '@context': context(ids),
      '@permanent': false,
      ...p.extra,
    },
  };
}

/** A runtime KqlError (limits, runtime errors) as a partial query failure carrying kqlite's positioned message. */
export function runtimeFailure(ids: RequestIds, err: KqlError, text: string): OneApiError {
  const d = err.diagnostics[0]!;
  const located = locatedMessage(err, text);
  const limit = d.code === 'runtime-limit' || d.code === 'runtime-aborted';
  return partialFailure(ids, {
    code: limit ? 'LimitsExceeded' : 'General_InternalServerError',
    type: limit ? 'Kusto.Data.Exceptions.KustoServicePartialQueryFailureLimitsExceededException' : 'Kusto.Data.Exceptions.KustoServicePartialQueryFailureException',
    detail: limit ? `Query execution has exceeded the allowed limits (80DA0003): ${located}` : `Query execution has resulted in error (0x80DA0005): ${located}`,
    extra: { '@errorCode': d.code, '@errorMessage': d.message, ...positionFields(d, text) },
  });
}

/** The server timeout (servertimeout) expired: the query was stopped. [U] the code of "Query is expired" (0x80DA0006). */
export function timeoutFailure(ids: RequestIds, ms: number): OneApiError {
  return partialFailure(ids, {
    code: 'Request_ExecutionTimeout',
    type: 'Kusto.Data.Exceptions.KustoRequestExecutionTimeoutException',
    detail: `Query execution has resulted in error (0x80DA0006): Query is expired: it ran longer than the server timeout of ${formatMs(ms)} (servertimeout).`,
  });
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function locatedMessage(err: KqlError, text: string): string {
  const d = err.diagnostics[0]!;
  const at = lineCol(text, d.span.start);
  const more = err.diagnostics.length > 1 ? ` (and ${err.diagnostics.length - 1} more)` : '';
  const notes = d.notes && d.notes.length > 0 ? ` (${d.notes.join('; ')})` : '';
  return `${at.line}:${at.column}: ${d.message}${notes}${more}`;
}

function positionFields(d: Diagnostic, text: string): Record<string, unknown> {
  const at = lineCol(text, d.span.start);
  return {
    '@line': at.line,
    '@column': at.column,
    '@start': d.span.start,
    '@length': Math.max(0, d.span.end - d.span.start),
    '@details': formatDiagnostic(d, text, 'query'),
  };
}
