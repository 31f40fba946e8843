// kqlite test --target and kqlite export-test: the shipped example tests pass through the protocol path end to end
// (kqlite serve as the cluster, azure-kusto-data as the client); a cluster that answers differently produces a
// fidelity bug report; the exported scripts encode every type so that an engine reads back exactly the case's rows.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { exportTestFile } from '../../src/node/kusto-client/export-test.js';
import type { RunningServer } from '../../src/node/serve/server.js';
import { stringifyJson } from '../../src/tables/format.js';
import { bundledDir, frames, post, root, serve, typedDir } from './helpers.js';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, stdin: () => '' });
  return { code, out, err };
}

let server: RunningServer;
beforeAll(async () => {
  server = await serve({ dataDir: bundledDir });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('kqlite test --target', () => {
  it('passes the shipped example tests on kqlite serve, case for case as the local run', async () => {
    const examples = join(root, 'examples/tests');
    const local = await run(['test', examples]);
    const remote = await run(['test', examples, '--target', server.url]);
    expect(remote.err).toBe('');
    expect(remote.code).toBe(0);
    const summary = (s: string) => /^(\d+) passed, (\d+) failed$/m.exec(s)!.slice(1).map(Number);
    expect(summary(local.out)[1]).toBe(0);
    expect(summary(remote.out)).toEqual(summary(local.out));
    expect(remote.out).toContain(`running on ${server.url} (database NetDefaultDB, auth none)`);
    const passes = (s: string) => s.split('\n').filter((l) => /^\s+PASS /.test(l)).map((l) => l.trim());
    expect(passes(remote.out)).toEqual(passes(local.out));
  }, 600_000);

  describe('against a cluster that answers differently', () => {
    let fake: Server;
    let url: string;
    const seen: any[] = [];
    beforeAll(async () => {
      // A stand-in cluster: answers every query with one row that kqlite would not produce.
      fake = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          if (req.url === '/v1/rest/auth/metadata') {
            res.writeHead(404).end();
            return;
          }
          seen.push({ url: req.url, body: JSON.parse(body), auth: req.headers.authorization });
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(
            JSON.stringify([
              { FrameType: 'DataSetHeader', IsProgressive: false, Version: 'v2.0' },
              { FrameType: 'DataTable', TableId: 0, TableKind: 'PrimaryResult', TableName: 'PrimaryResult', Columns: [{ ColumnName: 'AccountUpn', ColumnType: 'string' }], Rows: [['mallory@contoso.com']] },
              { FrameType: 'DataSetCompletion', HasErrors: false, Cancelled: false },
            ]),
          );
        });
      });
      await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/MyDatabase`;
    });
    afterAll(() => new Promise<void>((resolve) => fake.close(() => resolve())));

    it('fails the case against its expectation and prints a bug report with the script and both answers', async () => {
      const file = join(root, 'examples/tests/safelinks-url-block-trigger.test.yaml');
      const r = await run(['test', file, '--target', url]);
      expect(r.code).toBe(1);
      expect(r.out).toContain('running on ' + url + ' (database MyDatabase, auth none)');
      expect(r.out).toMatch(/FAIL a blocked click on a mailed link fires, enriched with the mail's subject and sender/);
      expect(r.out).toContain('kqlite and the cluster disagree');
      expect(r.out).toMatch(/fidelity bug report\(s\), ready to file:/);
      expect(r.out).toContain('### kqlite and Kusto disagree: ');
      expect(r.out).toContain('+ cluster only: ["mallory@contoso.com"]');
      expect(r.out).toMatch(/0 passed, \d+ failed/);
      // What was sent: the database from the URI path, query_now as a request property, the self-contained script.
      const first = seen[0];
      expect(first.url).toBe('/v2/rest/query');
      expect(first.body.db).toBe('MyDatabase');
      expect(first.body.properties.Options.query_now).toBe('2026-11-20T12:00:00.0000000Z');
      expect(first.body.csl).toMatch(/^\/\/ kqlite test case /);
      expect(first.body.csl).toContain('set query_now = datetime(2026-11-20T12:00:00.0000000Z);\nlet UrlClickEvents = datatable(Timestamp:datetime, ');
      expect(first.auth).toBeUndefined();
    });
  });

  it('usage mistakes exit 2', async () => {
    expect((await run(['test', 'examples/tests', '--database', 'x'])).code).toBe(2);
    expect((await run(['test', 'examples/tests', '--target', server.url, '--auth', 'magic'])).code).toBe(2);
    const bad = await run(['test', join(root, 'examples/tests'), '--target', 'not a uri']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--target takes a cluster URI");
  });
});

describe('kqlite export-test', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kqlite-export-'));
  const file = join(dir, 'probe.test.yaml');
  writeFileSync(
    file,
    [
      'name: literal encodings',
      'now: 2026-11-20T12:00:00Z',
      'schemas:',
      '  Probe: { Id: int, Name: string, Big: long, Ratio: real, Flag: bool, At: datetime, Took: timespan, Key: guid, Bag: dynamic }',
      'query: |',
      '  Probe',
      '',
      '  | where Id > 0',
      'data:',
      '  Probe:',
      `    - { Id: 1, Name: 'say "hi" \\ back', Big: 9007199254740993, Ratio: -0.25, Flag: true, At: now-1h, Took: "1.02:03:04", Key: 0f8fad5b-d9cb-469f-a165-70867728950e, Bag: { a: [1, 2], b: null } }`,
      '    - { Id: 2 }',
      'cases:',
      '  - name: both rows',
      '    expect: { count: 2 }',
      '',
    ].join('\n'),
  );

  it('writes the case as a script: set query_now, one datatable literal per value, the query (no empty line inside)', async () => {
    const out = join(dir, 'probe.kql');
    const r = await run(['export-test', file, '--out', out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^\/\/ kqlite test case 'both rows' \(.*probe\.test\.yaml:14\)$/);
    expect(lines.slice(1)).toEqual([
      'set query_now = datetime(2026-11-20T12:00:00.0000000Z);',
      'let Probe = datatable(Id:int, Name:string, Big:long, Ratio:real, Flag:bool, At:datetime, Took:timespan, Key:guid, Bag:dynamic)',
      '[',
      '    int(1), "say \\"hi\\" \\\\ back", long(9007199254740993), real(-0.25), true, datetime(2026-11-20T11:00:00.0000000Z), timespan(1.02:03:04), guid(0f8fad5b-d9cb-469f-a165-70867728950e), dynamic({"a":[1,2],"b":null}),',
      '    int(2), "", long(null), real(null), bool(null), datetime(null), timespan(null), guid(null), dynamic(null)',
      '];',
      'Probe',
      '//',
      '| where Id > 0',
      '',
    ]);
  });

  it('an engine reading the script gets back exactly the case\'s rows (kqlite serve as the engine)', async () => {
    const typed = await serve({ dataDir: typedDir });
    try {
      const exported = exportTestFile(file);
      const c = exported.cases[0]!;
      const r = await post(typed.url, '/v2/rest/query', { db: 'probe', csl: c.script.text });
      expect(r.status).toBe(200);
      const expected = c.db.query('Probe', { now: '2026-11-20T12:00:00Z' });
      expect(frames(r.json()).tables[0].Columns.map((x: any) => `${x.ColumnName}:${x.ColumnType}`)).toEqual(expected.columns.map((x) => `${x.name}:${x.type}`));
      // Compared as text so the long beyond 2^53 is compared exactly.
      const rowsText = /"Rows":(\[\[.*?\]\])\}/.exec(r.text)![1];
      expect(rowsText).toBe(stringifyJson(expected.toJSON().rows));
    } finally {
      await typed.close();
    }
  }, 60_000);

  it('a missing file is an error, exit 1', async () => {
    const r = await run(['export-test', join(dir, 'nope.test.yaml')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('nope.test.yaml');
  });
});
