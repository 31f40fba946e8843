// The playground's own pieces that need no browser: the in-memory file system and path stand-ins the library's
// loader runs on, the link format, and the example queries (each must run on the bundled dataset).
import assert from 'node:assert/strict';
import { readFileSync as readNodeFile } from 'node:fs';
import { join as nodeJoin } from 'node:path';
import { describe, test } from 'node:test';
import { openDataFolder } from '../../src/node.ts';
import * as path from '../src/shims/path.ts';
import { existsSync, putFile, readdirSync, readFileSync, removeFolder, statSync } from '../src/shims/fs.ts';
import { decodeState, encodeState } from '../src/share.ts';
import { REPO } from './harness.ts';

describe('path stand-in (POSIX rules, working directory /)', () => {
  const cases: [string, unknown, unknown][] = [
    ['resolve', ['/examples/tests', '../rules/a.kql'], '/examples/rules/a.kql'],
    ['resolve', ['/a/b', '/c', 'd'], '/c/d'],
    ['resolve', ['x'], '/x'],
    ['join', ['/drops/1', 'T.csv'], '/drops/1/T.csv'],
    ['join', ['a', '..', '..', 'b'], '../b'],
    ['dirname', ['/examples/tests/x.yaml'], '/examples/tests'],
    ['dirname', ['/x'], '/'],
    ['extname', ['/d/Table.NDJSON'], '.NDJSON'],
    ['extname', ['/d/.hidden'], ''],
    ['extname', ['/d/T.schema.json'], '.json'],
    ['basename', ['/d/T.csv', '.csv'], 'T'],
    ['relative', ['/examples/tests', '/examples/rules/a.kql'], '../rules/a.kql'],
    ['relative', ['/examples/tests', '/examples/tests/x.yaml'], 'x.yaml'],
  ];
  for (const [fn, args, expected] of cases) {
    test(`${fn}(${(args as string[]).join(', ')}) = ${String(expected)}`, () => {
      assert.equal((path as unknown as Record<string, (...a: string[]) => string>)[fn]!(...(args as string[])), expected);
    });
  }
});

describe('fs stand-in', () => {
  test('files, implied folders, listing, removal and Node error codes', () => {
    putFile('/t1/a/T.csv', 'x,y\n1,2\n');
    putFile('/t1/a/dataset.json', new TextEncoder().encode('{"now":"2026-11-20T12:00:00Z"}'));
    putFile('/t1/b.txt', 'é');
    assert.equal(readFileSync('/t1/a/T.csv', 'utf8'), 'x,y\n1,2\n');
    const bytes = readFileSync('/t1/b.txt') as Uint8Array;
    assert.deepEqual([...bytes], [0xc3, 0xa9]);
    assert.equal((bytes as unknown as { toString(encoding: string): string }).toString('utf8'), 'é', "a Buffer's toString('utf8')");
    assert.deepEqual(readdirSync('/t1').sort(), ['a', 'b.txt']);
    assert.equal(statSync('/t1/a').isDirectory(), true);
    assert.equal(statSync('/t1/a/T.csv').isFile(), true);
    assert.equal(existsSync('/t1/nope'), false);
    assert.throws(() => readFileSync('/t1/nope'), { code: 'ENOENT' });
    assert.throws(() => readFileSync('/t1/a'), { code: 'EISDIR' });
    assert.throws(() => readdirSync('/t1/b.txt'), { code: 'ENOTDIR' });
    removeFolder('/t1/a');
    assert.equal(existsSync('/t1/a'), false);
    assert.deepEqual(readdirSync('/t1'), ['b.txt']);
  });
});

describe('shared links', () => {
  test('the query, now and files come back as they went', async () => {
    const state = { query: 'T | where x == "é ✓"\n| take 5', now: '2026-11-20T12:00:00Z', files: [{ name: 'T.csv', text: 'x\nä\n' }] };
    const hash = await encodeState(state);
    assert.match(hash, /^#kql=[A-Za-z0-9_-]+$/, 'URL-safe, no padding');
    assert.deepEqual(await decodeState(hash), state);
    assert.equal(await decodeState('#section'), undefined, 'other fragments are not links');
    await assert.rejects(decodeState('#kql=AAAA'));
  });
});

describe('example queries', () => {
  test('each runs on the bundled dataset', async () => {
    // examples.ts reads files with import.meta.glob (a Vite feature): evaluate its demo list from the source.
    const { db, now } = openDataFolder(nodeJoin(REPO, 'fixtures/contoso'));
    const text = readNodeFile(new URL('../src/examples.ts', import.meta.url), 'utf8');
    const queries = [...text.matchAll(/query: `([^`]*)`/g)].map((m) => m[1]!);
    assert.ok(queries.length >= 4);
    for (const q of queries) assert.doesNotThrow(() => db.query(q, { now }), q);
    const charts = queries.filter((q) => /\| render /.test(q));
    assert.ok(charts.length >= 3);
  });
});

describe('file-text stand-in reads bytes as the library reads files', () => {
  // Each case through the library's own reader (a temporary file) and through the stand-in (in-memory bytes): the
  // same text, the same replacement count, or the same error message.
  const cases: [string, number[]][] = [
    ['plain text', [...new TextEncoder().encode('{"a":1}\n{"a":"é"}\n')]],
    ['a UTF-8 byte-order mark is dropped', [0xef, 0xbb, 0xbf, ...new TextEncoder().encode('x,y\n1,2\n')]],
    ['UTF-16 is refused', [0xff, 0xfe, 0x41, 0x00]],
    ['an invalid byte on line 2', [...new TextEncoder().encode('ab\ncdé'), 0xff, 0x41, 0x0a]],
    ['a cut multi-byte sequence at the end', [...new TextEncoder().encode('abc'), 0xe2, 0x82]],
    ['a U+FFFD the file holds is not an error', [...new TextEncoder().encode('a\uFFFDb\n')]],
    ['an overlong encoding', [0x41, 0xc0, 0xaf, 0x0a]],
  ];
  for (const [name, bytes] of cases) {
    for (const lenient of [false, true]) {
      test(`${name}${lenient ? ' (lenient)' : ''}`, async () => {
        const { mkdtempSync, writeFileSync } = await import('node:fs');
        const { tmpdir } = await import('node:os');
        const real = await import('../../src/node/load/file-text.ts');
        const shim = await import('../src/shims/file-text.ts');
        const dir = mkdtempSync(nodeJoin(tmpdir(), 'kqlite-web-'));
        const file = nodeJoin(dir, 'T.ndjson');
        writeFileSync(file, Uint8Array.from(bytes));
        putFile(file, Uint8Array.from(bytes));
        const read = (m: typeof real | typeof shim) => {
          const stats = { replaced: 0 };
          try {
            let text = '';
            for (const c of m.readTextChunks(file, { lenient, stats })) text += c.text;
            return { text, replaced: stats.replaced };
          } catch (err) {
            return { error: (err as Error).message };
          }
        };
        assert.deepEqual(read(shim), read(real));
      });
    }
  }
});
