// `kqlite serve`: Kusto's REST query protocol over HTTP (node:http), in front of the query worker.
// Endpoints (rest/request.md): POST|GET /v2/rest/query, POST|GET /v1/rest/query, POST /v1/rest/mgmt. The clients'
// first request, GET /v1/rest/auth/metadata, is answered 404, which azure-kusto-data (Node and Python) take as
// "use the public-cloud defaults" and which needs no sign-in.
//
// Safety: loopback only unless --host names another address AND a bearer token is set (--token / KQLITE_TOKEN),
// compared in constant time; without a token the Authorization header is accepted and ignored. Bodies over the
// limit (16 MB) are refused with 413; a client slower than the header / body timeouts gets 408 and the connection
// is closed; requests wait in one bounded queue (429 past it); every failure has Kusto's error shape; one log line
// per request on standard error.

import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { badRequest, requestError, type OneApiError, type RequestIds } from './errors.js';
import { QueryHost, type HostReady } from './query-host.js';
import { requestTimeoutMs } from './request-options.js';
import type { ServiceRequest, ServiceResponse } from './service.js';

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly token?: string;
  /** Absolute data folder; undefined: an empty database. */
  readonly dataDir?: string;
  readonly lenient?: boolean;
  readonly strict?: boolean;
  /** Absolute folder of table schemas (--schemas). */
  readonly schemasDir?: string;
  readonly now?: string;
  readonly databaseName?: string;
  readonly productVersion: string;
  /** One line per request; undefined: silent. */
  readonly log?: (line: string) => void;
  /** Other messages (loading progress, worker restarts); default: `log`. */
  readonly notice?: (line: string) => void;
  readonly maxBodyBytes?: number;
  /** Time to receive the request headers / the whole request. */
  readonly headersTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /** Requests waiting for the worker before new ones get 429. */
  readonly maxQueue?: number;
  /** How long past its server timeout a query may run before its worker is terminated (default 1.5 s). */
  readonly hardStopGraceMs?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly ready: HostReady;
  readonly host: QueryHost;
  close(): Promise<void>;
}

export class ServeSetupError extends Error {}

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time check of `Authorization: Bearer <token>`. */
function authorized(req: IncomingMessage, token: string | undefined): boolean {
  if (token === undefined) return true;
  const m = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? '').trim());
  return timingSafeEqual(digest(m ? m[1]! : ''), digest(token)) && m !== null;
}

const ROUTES: Readonly<Record<string, ServiceRequest['endpoint']>> = {
  '/v2/rest/query': 'query-v2',
  '/v1/rest/query': 'query-v1',
  '/v1/rest/mgmt': 'mgmt',
};

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  if (!isLoopback(options.host) && !options.token) {
    throw new ServeSetupError(
      `refusing to listen on ${options.host} without a token: anyone who can reach it could read the data. Give --token <secret> (or set KQLITE_TOKEN) and send "Authorization: Bearer <secret>", or keep the default 127.0.0.1`,
    );
  }
  const log = options.log ?? (() => undefined);
  const notice = options.notice ?? log;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxQueue = options.maxQueue ?? 64;
  const host = new QueryHost(
    { dataDir: options.dataDir, schemasDir: options.schemasDir, lenient: Boolean(options.lenient), strict: Boolean(options.strict), now: options.now, databaseName: options.databaseName, productVersion: options.productVersion },
    (m) => notice(`kqlite serve: ${m}`),
    options.hardStopGraceMs,
  );
  const ready = await host.start();

  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs ?? 60_000,
      // How often Node checks the two timeouts above (its default, 30 s, would let a slow client linger).
      connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor((options.headersTimeoutMs ?? 10_000) / 4))),
    },
    (req, res) => {
      void handle(req, res).catch((err: Error) => {
        // Last line of defence: an answer, never a crash.
        notice(`kqlite serve: internal error: ${err.message}`);
        if (!res.headersSent) send(res, 500, JSON.stringify(requestError(idsOf(req), { code: 'General_InternalServerError', message: 'kqlite internal error', detail: err.message, permanent: false })), idsOf(req));
        else res.destroy();
      });
    },
  );
  // Malformed HTTP, and clients too slow to send their headers or body: an answer, then the connection closes.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    const timeout = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    if (socket.writable) socket.end(`HTTP/1.1 ${timeout ? '408 Request Timeout' : '400 Bad Request'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });

  const idsCache = new WeakMap<IncomingMessage, RequestIds>();
  function idsOf(req: IncomingMessage): RequestIds {
    let ids = idsCache.get(req);
    if (!ids) {
      const given = req.headers['x-ms-client-request-id'];
      ids = { clientRequestId: typeof given === 'string' && given !== '' ? given : `KQLITE;${randomUUID()}`, activityId: randomUUID() };
      idsCache.set(req, ids);
    }
    return ids;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const ids = idsOf(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const line = (status: number, summary: string, db?: string) =>
      log(`kqlite serve: ${req.socket.remoteAddress ?? '?'} ${req.method} ${path}${db ? ` db=${db}` : ''} ${status} ${Math.round(performance.now() - started)}ms ${summary} crid=${ids.clientRequestId}`);
    const reply = (status: number, body: OneApiError | string, summary: string, db?: string) => {
      send(res, status, typeof body === 'string' ? body : JSON.stringify(body), ids);
      line(status, summary, db);
    };

    if (path === '/v1/rest/auth/metadata') {
      // No sign-in here: the clients fall back to their defaults on 404 (cloudSettings in azure-kusto-data).
      return reply(404, requestError(ids, { code: 'NotFound', message: 'Not found', detail: 'kqlite serve has no sign-in metadata: connect without authentication (or with the --token as a bearer token)' }), 'auth metadata: none');
    }
    if (!authorized(req, options.token)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      await drain(req, maxBody);
      return reply(401, requestError(ids, { code: 'Unauthorized', message: 'Unauthorized', type: 'Kusto.Data.Exceptions.KustoRequestDeniedException', detail: 'a bearer token is required: send "Authorization: Bearer <the --token value>"' }), 'unauthorized');
    }
    const endpoint = ROUTES[path];
    if (!endpoint) {
      await drain(req, maxBody);
      return reply(404, requestError(ids, { code: 'NotFound', message: 'Not found', detail: `no such endpoint: ${path} (kqlite serve answers POST /v2/rest/query, /v1/rest/query and /v1/rest/mgmt)` }), 'not found');
    }
    let payload: { csl: string; db?: string; options: Record<string, unknown> };
    if (req.method === 'GET' && endpoint !== 'mgmt') {
      const csl = url.searchParams.get('csl');
      if (csl === null) return reply(400, badRequest(ids, "the request has no 'csl' parameter (the query text)"), 'no csl');
      const parsed = parseProperties(url.searchParams.get('properties') ?? undefined);
      if (typeof parsed === 'string') return reply(400, badRequest(ids, parsed), 'bad properties');
      payload = { csl, db: url.searchParams.get('db') ?? undefined, options: parsed };
    } else if (req.method === 'POST') {
      const type = String(req.headers['content-type'] ?? '');
      if (!/^application\/json\s*(;|$)/i.test(type)) {
        await drain(req, maxBody);
        return reply(415, requestError(ids, { code: 'BadRequest_UnsupportedMediaType', message: 'Unsupported media type', detail: `the request body must be JSON (Content-Type: application/json; charset=utf-8), got '${type || 'none'}'` }), 'bad content type');
      }
      const body = await readBody(req, maxBody);
      if (body === 'too-large') {
        res.setHeader('Connection', 'close');
        reply(413, requestError(ids, { code: 'PayloadTooLarge', message: 'Request payload exceeded limits.', detail: `the request body is larger than ${maxBody} bytes` }), 'body too large');
        return;
      }
      if (body === 'aborted') return line(499, 'client went away');
      const parsed = parsePayload(body);
      if (typeof parsed === 'string') return reply(400, badRequest(ids, parsed), 'bad body');
      payload = parsed;
    } else {
      await drain(req, maxBody);
      res.setHeader('Allow', endpoint === 'mgmt' ? 'POST' : 'GET, POST');
      return reply(405, requestError(ids, { code: 'MethodNotAllowed', message: 'Method not allowed', detail: `${req.method} is not allowed on ${path}` }), 'method not allowed');
    }
    if (host.pending >= maxQueue) {
      return reply(429, requestError(ids, { code: 'TooManyRequests', message: 'Request has been denied because of throttling.', type: 'Kusto.Data.Exceptions.KustoRequestThrottledException', detail: `too many requests waiting (${maxQueue}); try again`, permanent: false }), 'throttled', payload.db);
    }
    const command = endpoint === 'mgmt' && payload.csl.trimStart().startsWith('.');
    const timeoutMs = requestTimeoutMs(payload.options, command);
    const answer: ServiceResponse = await host.run({ endpoint, db: payload.db, csl: payload.csl, options: payload.options, ids, timeoutMs }, Date.now() + timeoutMs);
    if (res.destroyed) return line(499, 'client went away', payload.db);
    reply(answer.status, answer.body, answer.summary, payload.db);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (err: NodeJS.ErrnoException) => {
    await host.close();
    throw new ServeSetupError(err.code === 'EADDRINUSE' ? `port ${options.port} on ${options.host} is in use (--port 0 picks a free one)` : `cannot listen on ${options.host}:${options.port}: ${err.message}`);
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    ready,
    host,
    close: () => closeServer(server, host),
  };
}

async function closeServer(server: Server, host: QueryHost): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await host.close();
}

function send(res: ServerResponse, status: number, body: string, ids: RequestIds): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'x-ms-client-request-id': ids.clientRequestId,
    'x-ms-activity-id': ids.activityId,
  });
  res.end(body);
}

/** The body as text, or 'too-large' past the limit (declared or streamed), or 'aborted'. */
function readBody(req: IncomingMessage, max: number): Promise<string | 'too-large' | 'aborted'> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (v: string | 'too-large' | 'aborted') => {
      if (!done) {
        done = true;
        resolve(v);
      }
    };
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > max) {
        chunks.length = 0;
        req.resume();
        finish('too-large');
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => finish(Buffer.concat(chunks).toString('utf8')));
    req.on('aborted', () => finish('aborted'));
    req.on('error', () => finish('aborted'));
    req.on('close', () => finish('aborted'));
  });
}

/** Reads and discards a body we will not use (so keep-alive connections stay in step). */
async function drain(req: IncomingMessage, max: number): Promise<void> {
  await readBody(req, max);
}

/** `{csl, db?, properties?}`; properties is an object or JSON text (request.md shows both). Error text otherwise. */
function parsePayload(text: string): { csl: string; db?: string; options: Record<string, unknown> } | string {
  let body: unknown;
  try {
    body = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return `the request body is not valid JSON: ${(err as Error).message}`;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'the request body must be a JSON object: {"db": ..., "csl": ..., "properties": ...}';
  const b = body as Record<string, unknown>;
  if (typeof b.csl !== 'string') return "the request body has no 'csl' string (the query or command text)";
  if (b.db !== undefined && b.db !== null && typeof b.db !== 'string') return "'db' must be a string";
  const options = parseProperties(b.properties);
  if (typeof options === 'string') return options;
  return { csl: b.csl, db: typeof b.db === 'string' ? b.db : undefined, options };
}

function parseProperties(p: unknown): Record<string, unknown> | string {
  if (p === undefined || p === null || p === '') return {};
  let value = p;
  if (typeof p === 'string') {
    try {
      value = JSON.parse(p);
    } catch (err) {
      return `'properties' is not valid JSON: ${(err as Error).message}`;
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return "'properties' must be an object: {\"Options\": {...}, \"Parameters\": {...}}";
  const options = (value as Record<string, unknown>).Options ?? (value as Record<string, unknown>).options ?? {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return "'properties.Options' must be an object";
  return options as Record<string, unknown>;
}
