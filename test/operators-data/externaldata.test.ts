// externaldata over a data folder's externaldata/urls.tsv mapping (src/node/external-data.ts): the case file
// externaldata.kql (format of test/conformance/case-file.ts), the messages, and --fetch-externaldata against a
// local HTTP server on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { Database } from '../../src/database.js';
import { KqlError } from '../../src/diagnostics.js';
import { externalDataLookup } from '../../src/node/external-data.js';
import { canonicalRow, DEFAULT_NOW, parseCaseFile } from '../conformance/case-file.js';

const dataDir = new URL('./data/', import.meta.url).pathname;
const cases = parseCaseFile(readFileSync(new URL('./externaldata.kql', import.meta.url), 'utf8'), 'externaldata.kql');

function errorOf(f: () => unknown): KqlError {
  try {
    f();
  } catch (err) {
    if (err instanceof KqlError) return err;
    throw err;
  }
  throw new Error('expected a KqlError');
}

describe('externaldata.kql', () => {
  const db = new Database({ externalData: externalDataLookup(dataDir) });
  it.each(cases.map((c) => [`externaldata.kql:${c.line}`, c] as const))('%s', (_name, c) => {
    if (c.kind === 'query') {
      const result = db.query(c.kql, { now: c.now ?? DEFAULT_NOW });
      expect(result.columns).toEqual(c.columns);
      const actual = result.toJSON().rows.map(canonicalRow);
      if (c.ordered) expect(actual).toEqual(c.rows);
      else expect([...actual].sort()).toEqual([...c.rows].sort());
    } else {
      const e = errorOf(() => db.query(c.kql, { now: c.now ?? DEFAULT_NOW }));
      expect(`${e.code} ${e.message}`).toMatch(new RegExp(`^${c.code} `));
      if (c.at) expect(e.position).toEqual(c.at);
    }
  });
});

describe('externaldata messages', () => {
  const db = new Database({ externalData: externalDataLookup(dataDir) });
  it('an unmapped URL names it and gives the exact line to add', () => {
    const e = errorOf(() => db.query('externaldata (x:string) [h"https://unknown.example.org/feeds/list.csv?sig=abc"]'));
    expect(e.message).toContain('no local file for https://unknown.example.org/feeds/list.csv');
    expect(e.message).toContain('https://unknown.example.org/feeds/list.csv<TAB>list.csv');
    expect(e.message).toContain(join(dataDir, 'externaldata', 'urls.tsv'));
    expect(e.message).not.toContain('sig=abc');
  });
  it('a ragged CSV names the file, line and column', () => {
    const e = errorOf(() => db.query('externaldata (a:string) ["https://storage.example.net/c/ragged.csv"]'));
    expect(e.message).toMatch(/ragged\.csv:2:1: a record with 3 field\(s\); the first record has 2/);
  });
  it('without a resolver, externaldata says what it needs', () => {
    const e = errorOf(() => new Database().query('externaldata (x:string) ["https://a.example/x.csv"]'));
    expect(e.message).toContain('no data for https://a.example/x.csv');
  });
  it('a library resolver may return the text itself', () => {
    const d = new Database({ externalData: (u) => (u === 'mem://a' ? 'p,1\nq,2\n' : undefined) });
    expect(d.query('externaldata (s:string, n:long) ["mem://a"] | summarize sum(n)').toJSON().rows).toEqual([[3]]);
  });
});

describe('kqlite run --fetch-externaldata', () => {
  let server: ChildProcess;
  let port = 0;
  let hits = 0;
  beforeAll(async () => {
    // The server runs in its own process: the resolver downloads synchronously and would block an in-process one.
    const code = `const http = require('node:http');
      const s = http.createServer((req, res) => {
        process.stderr.write('hit ' + req.url + '\\n');
        if (req.url.startsWith('/list.txt')) { res.end('203.0.113.5\\n198.51.100.9\\n'); return; }
        res.statusCode = 404; res.end('no');
      });
      s.listen(0, '127.0.0.1', () => process.stdout.write(String(s.address().port) + '\\n'));`;
    server = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
    server.stderr!.on('data', (b: Buffer) => (hits += b.toString().split('hit ').length - 1));
    port = await new Promise<number>((resolve) => server.stdout!.once('data', (b: Buffer) => resolve(Number(b.toString().trim()))));
  });
  afterAll(() => {
    server.kill();
  });

  async function run(args: string[]) {
    await new Promise((r) => setTimeout(r, 50)); // let the server's stderr (its hit count) arrive
    let out = '';
    let err = '';
    const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, stdin: () => '' });
    return { code, out, err };
  }

  it('downloads once, records the mapping, and later runs read the file offline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kqlite-ext-'));
    cpSync(join(dataDir, 'externaldata'), join(dir, 'externaldata'), { recursive: true });
    const url = `http://127.0.0.1:${port}/list.txt`;
    const q = `externaldata (ip:string) ["${url}?token=t1"] with (format="txt")`;
    const off = await run(['run', '--data', dir, '--query', q]);
    expect(off.code).toBe(1);
    expect(off.err).toContain(`no local file for ${url}`);
    expect(hits).toBe(0); // off by default: no request made

    const first = await run(['run', '--data', dir, '--query', q, '--format', 'json', '--fetch-externaldata']);
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out).rows).toEqual([['203.0.113.5'], ['198.51.100.9']]);
    await new Promise((r) => setTimeout(r, 200));
    expect(hits).toBe(1);
    const mapping = readFileSync(join(dir, 'externaldata', 'urls.tsv'), 'utf8');
    expect(mapping).toContain(`${url}\tlist.txt\n`);
    expect(mapping).not.toContain('token=t1');
    expect(readFileSync(join(dir, 'externaldata', 'list.txt'), 'utf8')).toBe('203.0.113.5\n198.51.100.9\n');

    const again = await run(['run', '--data', dir, '--query', q, '--format', 'json', '--fetch-externaldata']);
    expect(JSON.parse(again.out).rows).toEqual([['203.0.113.5'], ['198.51.100.9']]);
    const offline = await run(['run', '--data', dir, '--query', q, '--format', 'json']);
    expect(JSON.parse(offline.out).rows).toEqual([['203.0.113.5'], ['198.51.100.9']]);
    await new Promise((r) => setTimeout(r, 200));
    expect(hits).toBe(1); // downloaded once
  });

  it('a failed download says why and records nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kqlite-ext-'));
    const r = await run(['run', '--data', dir, '--query', `externaldata (x:string) ["http://127.0.0.1:${port}/nope.csv"]`, '--fetch-externaldata']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`cannot download http://127.0.0.1:${port}/nope.csv: HTTP 404`);
  });
});
