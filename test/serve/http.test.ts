// kqlite serve at the HTTP level: the wire format (frames, encodings, headers), request properties, and robustness —
// malformed and oversized requests, slow clients, concurrency, runaway queries, authentication. Every request goes
// to a server on a random loopback port started by the test.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback, ServeSetupError, type RunningServer } from '../../src/node/serve/server.js';
import { frames, post, raw, serve } from './helpers.js';

let server: RunningServer;
const lines: string[] = [];

beforeAll(async () => {
  server = await serve({ maxBodyBytes: 64 * 1024, headersTimeoutMs: 400, requestTimeoutMs: 800 }, lines);
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const query = (csl: string, options?: Record<string, unknown>, path = '/v2/rest/query') =>
  post(server.url, path, { db: 'probe', csl, ...(options ? { properties: { Options: options } } : {}) });

describe('the v2 frame stream (response-v2.md)', () => {
  it('DataSetHeader, the primary DataTable, QueryCompletionInformation, DataSetCompletion', async () => {
    const r = await query('Probe | where Id == 1 | project Id, Name');
    expect(r.status).toBe(200);
    const body = r.json() as any[];
    expect(body.map((f) => f.FrameType)).toEqual(['DataSetHeader', 'DataTable', 'DataTable', 'DataSetCompletion']);
    expect(body[0]).toMatchObject({ Version: 'v2.0', IsProgressive: false });
    expect(body[1]).toEqual({
      FrameType: 'DataTable',
      TableId: 0,
      TableKind: 'PrimaryResult',
      TableName: 'PrimaryResult',
      Columns: [
        { ColumnName: 'Id', ColumnType: 'int' },
        { ColumnName: 'Name', ColumnType: 'string' },
      ],
      Rows: [[1, 'plain']],
    });
    expect(body[2].TableKind).toBe('QueryCompletionInformation');
    expect(body[2].Columns.map((c: any) => c.ColumnName)).toEqual(['Timestamp', 'ClientRequestId', 'ActivityId', 'SubActivityId', 'ParentActivityId', 'Level', 'LevelName', 'StatusCode', 'StatusCodeName', 'EventType', 'EventTypeName', 'Payload']);
    expect(body[2].Rows[0].slice(5, 7)).toEqual([4, 'Info']);
    expect(body[3]).toEqual({ FrameType: 'DataSetCompletion', HasErrors: false, Cancelled: false });
  });

  it('value encodings: exact longs, 7-digit datetimes, d.hh:mm:ss.fffffff timespans, dynamic JSON, guid, NaN', async () => {
    const r = await query('print big = 9007199254740993, min = long(-9223372036854775808), t = datetime(2026-01-02T03:04:05Z), s = 1d + 2h + 3ms, n = timespan(-1s), d = dynamic({"a": 12345678901234567}), g = guid(0F8FAD5B-D9CB-469F-A165-70867728950E), x = real(nan), i = real(-inf), b = false');
    // The exact integers must be in the text itself (a JSON parser in JavaScript would round them).
    expect(r.text).toContain('[9007199254740993,-9223372036854775808,"2026-01-02T03:04:05.0000000Z","1.02:00:00.0030000","-00:00:01",{"a":12345678901234567},"0f8fad5b-d9cb-469f-a165-70867728950e","NaN","-Infinity",false]');
  });

  it('progressive results: TableHeader, TableFragment(s), TableCompletion with the row count', async () => {
    const r = await query('range x from 1 to 5 step 1', { results_progressive_enabled: true, query_results_progressive_row_count: 2 });
    const body = r.json() as any[];
    expect(body[0].IsProgressive).toBe(true);
    const kinds = body.map((f) => f.FrameType);
    expect(kinds.slice(0, 6)).toEqual(['DataSetHeader', 'TableHeader', 'TableFragment', 'TableFragment', 'TableFragment', 'TableProgress']);
    expect(body.filter((f) => f.FrameType === 'TableFragment').map((f) => f.Rows)).toEqual([[[1], [2]], [[3], [4]], [[5]]]);
    expect(body.find((f) => f.FrameType === 'TableCompletion')).toEqual({ FrameType: 'TableCompletion', TableId: 0, RowCount: 5 });
    expect(kinds.at(-1)).toBe('DataSetCompletion');
  });

  it('newlines between frames when asked', async () => {
    const r = await query('print 1', { results_v2_newlines_between_frames: true });
    expect(r.text.split('\n')).toHaveLength(4);
    expect(JSON.parse(r.text)).toHaveLength(4);
  });

  it('render: the @ExtendedProperties table carries the visualization', async () => {
    const r = await query('range x from 1 to 3 step 1 | render columnchart with (title="T")');
    const props = (r.json() as any[]).find((f) => f.TableKind === 'QueryProperties');
    expect(props.TableName).toBe('@ExtendedProperties');
    expect(props.Rows[0][1]).toBe('Visualization');
    expect(JSON.parse(props.Rows[0][2])).toMatchObject({ Visualization: 'columnchart', title: 'T' });
  });

  it('v1: Tables with DataType and ColumnType, then the table of contents', async () => {
    const r = await query('print a = 1, b = "x", c = true, d = now()', undefined, '/v1/rest/query');
    const body = r.json();
    expect(body.Tables.map((t: any) => t.TableName)).toEqual(['Table_0', 'Table_1', 'Table_2', 'Table_3']);
    expect(body.Tables[0].Columns).toEqual([
      { ColumnName: 'a', DataType: 'Int64', ColumnType: 'long' },
      { ColumnName: 'b', DataType: 'String', ColumnType: 'string' },
      { ColumnName: 'c', DataType: 'SByte', ColumnType: 'bool' },
      { ColumnName: 'd', DataType: 'DateTime', ColumnType: 'datetime' },
    ]);
    expect(body.Tables[0].Rows).toEqual([[1, 'x', true, '2026-11-20T12:00:00.0000000Z']]);
    expect(body.Tables[3].Rows.map((row: any[]) => [row[0], row[1], row[2]])).toEqual([
      [0, 'QueryResult', 'PrimaryResult'],
      [1, 'QueryProperties', '@ExtendedProperties'],
      [2, 'QueryStatus', 'QueryStatus'],
    ]);
  });

  it('x-ms-client-request-id is echoed; x-ms-activity-id is new for every response', async () => {
    const a = await post(server.url, '/v2/rest/query', { db: 'probe', csl: 'print 1' }, { 'x-ms-client-request-id': 'MyApp.Query;42' });
    const b = await post(server.url, '/v2/rest/query', { db: 'probe', csl: 'print 1' }, { 'x-ms-client-request-id': 'MyApp.Query;42' });
    expect(a.headers['x-ms-client-request-id']).toBe('MyApp.Query;42');
    expect(a.headers['x-ms-activity-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-ms-activity-id']).not.toBe(b.headers['x-ms-activity-id']);
    // properties as JSON text, the form request.md shows
    const c = await post(server.url, '/v2/rest/query', { db: 'probe', csl: 'print n = now()', properties: JSON.stringify({ Options: { query_now: '2001-02-03T04:05:06Z' } }) });
    expect(frames(c.json()).tables[0].Rows).toEqual([['2001-02-03T04:05:06.0000000Z']]);
  });

  it('GET /v2/rest/query?csl=... works as POST does', async () => {
    const r = await raw(server.url, 'GET', `/v2/rest/query?db=probe&csl=${encodeURIComponent('print x = 2 * 21')}`, undefined);
    expect(frames(r.json()).tables[0].Rows).toEqual([[42]]);
  });
});

describe('request properties', () => {
  it('truncationmaxrecords: the first N rows, then the error in the rows (in_data) and in DataSetCompletion', async () => {
    const r = await query('range x from 1 to 5 step 1', { truncationmaxrecords: 3 });
    const f = frames(r.json());
    const primary = f.tables[0];
    expect(primary.Rows.slice(0, 3)).toEqual([[1], [2], [3]]);
    expect(primary.Rows[3].OneApiErrors[0].error.code).toBe('LimitsExceeded');
    expect(f.completion.HasErrors).toBe(true);
    expect(f.completion.OneApiErrors[0].error['@message']).toContain('internal record count limit 3 (E_QUERY_RESULT_SET_TOO_LARGE)');
    const qci = f.tables.find((t: any) => t.TableKind === 'QueryCompletionInformation');
    expect(qci.Rows.some((row: any[]) => row[5] === 2 && row[6] === 'Error')).toBe(true);
  });

  it('error placement end_of_dataset keeps the rows clean', async () => {
    const r = await query('range x from 1 to 5 step 1', { truncationmaxrecords: 2, results_error_reporting_placement: 'end_of_dataset' });
    const f = frames(r.json());
    expect(f.tables[0].Rows).toEqual([[1], [2]]);
    expect(f.completion.HasErrors).toBe(true);
  });

  it('notruncation lifts the default limit; set statements work as request properties', async () => {
    const r = await query('set truncationmaxrecords = 2;\nrange x from 1 to 4 step 1');
    expect(frames(r.json()).tables[0].Rows.slice(0, 2)).toEqual([[1], [2]]);
    expect(frames(r.json()).completion.HasErrors).toBe(true);
    const t = await query('set notruncation;\nset query_take_max_records = 2;\nrange x from 1 to 4 step 1');
    // query_take_max_records limits silently; with it set, notruncation is ignored (query-limits.md) — 2 < limit.
    expect(frames(t.json()).tables[0].Rows).toEqual([[1], [2]]);
    expect(frames(t.json()).completion.HasErrors).toBe(false);
  });

  it('query_datetimescope_* is ignored with a warning in the completion table', async () => {
    const r = await query('print 1', { query_datetimescope_column: 'TimeGenerated' });
    const qci = frames(r.json()).tables.find((t: any) => t.TableKind === 'QueryCompletionInformation');
    const warning = qci.Rows.find((row: any[]) => row[5] === 3);
    expect(JSON.parse(warning[11]).Text).toContain('query_datetimescope_column is ignored');
  });

  it('a set statement kqlite cannot honour is refused by name at its position; positions after it stay true', async () => {
    const r = await query('set query_results_apply_getschema = true;\nprint 1');
    expect(r.status).toBe(400);
    expect(r.json().error['@message']).toContain('1:1: not supported yet: set query_results_apply_getschema');
    const s = await query('set servertimeout = 1m;\nprint 1');
    expect(s.json().error['@message']).toContain("'servertimeout' cannot be set in a set statement");
    const later = await query('set query_now = datetime(2020-01-01);\nprint x = nope');
    expect(later.json().error['@message']).toMatch(/Semantic error: 2:11: unknown \w+ 'nope'/);
  });

  it('a bad option value is a 400 naming the option', async () => {
    const r = await query('print 1', { truncationmaxrecords: 'many' });
    expect(r.status).toBe(400);
    expect(r.json().error['@message']).toBe('request property \'truncationmaxrecords\': expected a non-negative integer, got "many"');
  });
});

describe('management commands at the wire', () => {
  it('.show cluster without a db (the emulator\'s health check, kusto-emulator-install.md) answers 200 with one node', async () => {
    const r = await post(server.url, '/v1/rest/mgmt', { csl: '.show cluster' });
    expect(r.status).toBe(200);
    expect(r.json().Tables).toHaveLength(1);
    expect(r.json().Tables[0].TableName).toBe('Table_0');
    expect(r.json().Tables[0].Rows).toHaveLength(1);
  });

  it('.drop table removes a created table from .show tables; ifexists makes a second drop quiet', async () => {
    const mgmt = (csl: string) => post(server.url, '/v1/rest/mgmt', { db: 'probe', csl });
    expect((await mgmt('.create table Gone (A:string)')).status).toBe(200);
    const dropped = await mgmt('.drop table Gone');
    expect(dropped.status).toBe(200);
    expect(dropped.json().Tables[0].Rows.map((r: unknown[]) => r[0])).not.toContain('Gone');
    const shown = await mgmt('.show tables | where TableName == "Gone"');
    expect(shown.json().Tables[0].Rows).toEqual([]);
    expect((await mgmt('.drop table Gone')).status).toBe(400);
    expect((await mgmt('.drop table Gone ifexists')).status).toBe(200);
    // Created again, it has the new columns only.
    await mgmt('.create table Gone (B:long)');
    expect((await mgmt('.show table Gone cslschema')).json().Tables[0].Rows[0][1]).toBe('B:long');
  });

  it('a pipe after a command whose operators fail reports the position in the request text', async () => {
    const r = await post(server.url, '/v1/rest/mgmt', { db: 'probe', csl: '.show tables | where Nope == 1' });
    expect(r.status).toBe(400);
    expect(r.json().error['@message']).toMatch(/Semantic error: 1:22: unknown \w+ 'Nope'/);
  });
});

describe('bad requests get Kusto\'s error shape, never a crash', () => {
  it('malformed JSON → 400', async () => {
    const r = await post(server.url, '/v2/rest/query', '{"db": "probe", "csl": ');
    expect(r.status).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'BadRequest', message: 'Request is invalid and cannot be executed.' });
    expect(r.json().error['@message']).toMatch(/^the request body is not valid JSON/);
  });

  it('no csl, csl not a string, body not an object → 400', async () => {
    for (const body of [{ db: 'probe' }, { db: 'probe', csl: 42 }, [1, 2], 'null']) {
      const r = await post(server.url, '/v2/rest/query', typeof body === 'string' ? body : JSON.stringify(body));
      expect(r.status).toBe(400);
      expect(r.json().error['@type']).toBe('Kusto.Data.Exceptions.KustoBadRequestException');
    }
  });

  it('a content type other than JSON → 415', async () => {
    const r = await raw(server.url, 'POST', '/v2/rest/query', 'print 1', { 'Content-Type': 'text/plain' });
    expect(r.status).toBe(415);
    expect(r.json().error['@message']).toContain("got 'text/plain'");
  });

  it('a body declared over the limit → 413', async () => {
    const big = JSON.stringify({ db: 'probe', csl: `print "${'x'.repeat(70 * 1024)}"` });
    const r = await post(server.url, '/v2/rest/query', big);
    expect(r.status).toBe(413);
    expect(r.json().error.code).toBe('PayloadTooLarge');
  });

  it('a chunked body that grows past the limit → 413', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write('POST /v2/rest/query HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
        const chunk = 'a'.repeat(16 * 1024);
        for (let i = 0; i < 6; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      });
      let text = '';
      socket.on('data', (d) => {
        text += d.toString();
        const m = /^HTTP\/1\.1 (\d+)/.exec(text);
        if (m) {
          resolve(Number(m[1]));
          socket.destroy();
        }
      });
      socket.on('error', reject);
    });
    expect(status).toBe(413);
  });

  it('unknown endpoint → 404, wrong method → 405, auth metadata → 404 (clients fall back to defaults)', async () => {
    expect((await raw(server.url, 'GET', '/v1/rest/nothing', undefined)).status).toBe(404);
    const m = await raw(server.url, 'GET', '/v1/rest/mgmt', undefined);
    expect(m.status).toBe(405);
    expect(m.headers.allow).toBe('POST');
    const meta = await raw(server.url, 'GET', '/v1/rest/auth/metadata', undefined);
    expect(meta.status).toBe(404);
    expect(meta.json().error.code).toBe('NotFound');
  });

  it('a management command on the query endpoint is refused; an unknown command names itself', async () => {
    const a = await query('.show tables');
    expect(a.status).toBe(400);
    expect(a.json().error['@message']).toContain('/v1/rest/mgmt');
    const b = await post(server.url, '/v1/rest/mgmt', { db: 'probe', csl: '.alter table Probe policy retention "{}"' });
    expect(b.status).toBe(400);
    expect(b.json().error['@message']).toMatch(/^not supported yet: the management command '\.alter table Probe'/);
  });

  it('headers that never finish: the connection is closed after the header timeout', async () => {
    const started = Date.now();
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.write('POST /v2/rest/query HTTP/1.1\r\nHost: x\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
      setTimeout(() => {
        socket.destroy();
        resolve('still open');
      }, 5000);
    });
    expect(outcome).not.toBe('still open');
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('a body that trickles slower than the request timeout gets 408 and the connection closes', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write('POST /v2/rest/query HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"db":');
      });
      const drip = setInterval(() => socket.writable && socket.write(' '), 100);
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => {
        clearInterval(drip);
        resolve(text);
      });
      socket.on('error', () => undefined);
      setTimeout(() => {
        clearInterval(drip);
        socket.destroy();
        resolve('still open');
      }, 5000);
    });
    expect(outcome).toMatch(/^HTTP\/1\.1 408/);
  });

  it('answers every one of many concurrent requests correctly, and still answers after the bad ones', async () => {
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => query(`print x = ${i} * 2`)));
    expect(answers.map((a) => frames(a.json()).tables[0].Rows[0][0])).toEqual(Array.from({ length: 24 }, (_, i) => i * 2));
    const after = await query('print ok = true');
    expect(frames(after.json()).tables[0].Rows).toEqual([[true]]);
  });

  it('logs one line per request', async () => {
    const before = lines.length;
    await post(server.url, '/v2/rest/query', { db: 'probe', csl: 'print 1' }, { 'x-ms-client-request-id': 'log-probe' });
    const mine = lines.slice(before).filter((l) => l.includes('crid=log-probe'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatch(/^kqlite serve: 127\.0\.0\.1 POST \/v2\/rest\/query db=probe 200 \d+ms 1 row\(s\) crid=log-probe$/);
  });
});

describe('runaway queries and the server timeout', () => {
  const slow = 'range x from 1 to 20000000 step 1 | extend y = strcat("a", x) | summarize dcount(y)';

  it('servertimeout stops the query: Kusto\'s timeout error in the stream; the server goes on', async () => {
    const r = await query(slow, { servertimeout: '00:00:00.300' });
    expect(r.status).toBe(200);
    const f = frames(r.json());
    expect(f.completion.HasErrors).toBe(true);
    expect(f.completion.OneApiErrors[0].error['@message']).toMatch(/Query is expired: it ran longer than the server timeout of 300 ms/);
    expect(frames((await query('print 1')).json()).tables[0].Rows).toEqual([[1]]);
  });

  it('a query that overruns its timeout is stopped for good: the worker restarts with the data and the commands replayed', async () => {
    const s = await serve({ hardStopGraceMs: 0 });
    try {
      const mgmt = (csl: string) => post(s.url, '/v1/rest/mgmt', { db: 'probe', csl });
      expect((await mgmt('.create table Kept (A:string)')).status).toBe(200);
      expect((await mgmt('.ingest inline into table Kept <| survived')).status).toBe(200);
      const r = await post(s.url, '/v2/rest/query', { db: 'probe', csl: slow, properties: { Options: { servertimeout: '00:00:00.200' } } });
      expect(frames(r.json()).completion.OneApiErrors[0].error['@message']).toContain('Query is expired');
      const after = await post(s.url, '/v2/rest/query', { db: 'probe', csl: 'Kept | join kind=inner (Probe | where Id == 1 | extend A = "survived") on A | project A, Id' });
      expect(frames(after.json()).tables[0].Rows).toEqual([['survived', 1]]);
      expect(s.host.starts).toBe(2);
    } finally {
      await s.close();
    }
  }, 60_000);
});

describe('who may connect', () => {
  it('loopback addresses are the only ones allowed without a token', async () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'].map(isLoopback)).toEqual([true, true, true, true, true]);
    expect(['0.0.0.0', '192.168.1.10', '::', 'example.com'].map(isLoopback)).toEqual([false, false, false, false]);
    await expect(serve({ host: '0.0.0.0' })).rejects.toBeInstanceOf(ServeSetupError);
  });

  it('with a token: no or a wrong bearer token → 401; the right one → 200', async () => {
    const s = await serve({ token: 's3cret' });
    try {
      const body = { db: 'probe', csl: 'print 1' };
      expect((await post(s.url, '/v2/rest/query', body)).status).toBe(401);
      const wrong = await post(s.url, '/v2/rest/query', body, { Authorization: 'Bearer s3cret-not' });
      expect(wrong.status).toBe(401);
      expect(wrong.headers['www-authenticate']).toBe('Bearer');
      expect((await post(s.url, '/v2/rest/query', body, { Authorization: 'Bearer s3cret' })).status).toBe(200);
    } finally {
      await s.close();
    }
  }, 60_000);

  it('without a token, an Authorization header is accepted and ignored', async () => {
    const r = await post(server.url, '/v2/rest/query', { db: 'probe', csl: 'print 1' }, { Authorization: 'Bearer whatever' });
    expect(r.status).toBe(200);
  });
});
