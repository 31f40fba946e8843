// Every failure the fuzz runs found, kept as a minimal reproducer (test/fuzz/reproducers/): a `.kql` file is a query
// that must answer or fail with a KqlError within its limits (oracle.ts); a `data-*` file is a data file that must
// load or fail with a DataError. A new reproducer fails here until its bug is fixed.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCase } from './data-fuzz.js';
import { fuzzDatabase } from './fixture.js';
import { runQuery } from './oracle.js';

const dir = new URL('./reproducers/', import.meta.url);
const files = readdirSync(dir).filter((f) => !f.startsWith('.') && f !== 'README.md' && f !== 'open').sort();
// Found by the long run and not fixed yet: expected to fail; when one passes, move it up a folder.
const openDir = new URL('./open/', dir);
const open = readdirSync(openDir).filter((f) => f.endsWith('.kql')).sort();
const db = fuzzDatabase();

describe('fuzz reproducers', () => {
  it('the folder holds reproducers', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  it.each(files.filter((f) => f.endsWith('.kql')))('%s', (f) => {
    const o = runQuery(db, readFileSync(new URL(f, dir), 'utf8'));
    expect(o.failure, o.failure ? `${o.failure.signature}\n${o.failure.detail}` : '').toBeUndefined();
  }, 60_000);
  it.fails.each(open)('open: %s', (f) => {
    const o = runQuery(db, readFileSync(new URL(f, openDir), 'utf8'));
    expect(o.failure).toBeUndefined();
  }, 60_000);
  it.each(files.filter((f) => f.startsWith('data-')))('%s', (f) => {
    const name = f.replace(/^data-[0-9a-f]+-/, '');
    for (const withSchema of [false, true]) {
      for (const lenient of [false, true]) {
        const r = loadCase({ name, bytes: readFileSync(new URL(f, dir)), withSchema, chunkBytes: 7, lenient });
        expect(r, r?.detail).toBeUndefined();
      }
    }
  });
});
