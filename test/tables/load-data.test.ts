// The data-folder loader: formats, defaults, exactness and error positions.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { DataError, loadDataFolder } from '../../src/node/load-data.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kqlite-data-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function run(dir: string, q: string) {
  const ds = loadDataFolder(dir);
  const db = new Database();
  for (const [n, t] of ds.tables) db.addTable(n, t);
  return db.query(q, { now: ds.now ?? '2026-11-20T12:00:00Z' });
}

describe('formats', () => {
  it('NDJSON: missing columns are null ("" for strings); the other time column is mirrored', () => {
    const dir = folder({
      'EmailEvents.ndjson': '{"Timestamp":"2026-11-19T08:15:02.1234567Z","Subject":"a"}\n\n{"TimeGenerated":"2026-11-19T09:00:00Z"}\n',
    });
    const r = run(dir, 'EmailEvents | project Timestamp, TimeGenerated, Subject, ConfidenceLevel, AttachmentCount');
    expect(r.toJSON().rows).toEqual([
      ['2026-11-19T08:15:02.1234567Z', '2026-11-19T08:15:02.1234567Z', 'a', '', null],
      ['2026-11-19T09:00:00.0000000Z', '2026-11-19T09:00:00.0000000Z', '', '', null],
    ]);
  });

  it('CSV: RFC 4180 quoting with embedded commas, quotes and newlines; empty cells of non-strings are null', () => {
    const dir = folder({
      'EmailUrlInfo.csv': 'Timestamp,Url,UrlChainPosition\r\n2026-11-19T08:00:00Z,"https://x/a,b ""q""\nline2",3\r\n2026-11-19T09:00:00Z,plain,\r\n',
    });
    const r = run(dir, 'EmailUrlInfo | project Url, UrlChainPosition');
    expect(r.toJSON().rows).toEqual([
      ['https://x/a,b "q"\nline2', 3],
      ['plain', null],
    ]);
  });

  it('JSON array files and .jsonl files', () => {
    const dir = folder({
      'UrlClickEvents.json': JSON.stringify([{ Timestamp: '2026-11-19T08:00:00Z', Url: 'u1', IsClickedThrough: true }]),
      'EmailUrlInfo.jsonl': '{"Timestamp":"2026-11-19T08:00:00Z","Url":"u2"}\n',
    });
    expect(run(dir, 'UrlClickEvents | project Url, IsClickedThrough').toJSON().rows).toEqual([['u1', true]]);
    expect(run(dir, 'EmailUrlInfo | project Url').toJSON().rows).toEqual([['u2']]);
  });

  it('bool accepts true/false and 0/1; numeric strings load into numeric columns; longs stay exact', () => {
    const dir = folder({
      'Custom.schema.json': JSON.stringify([{ name: 'b', type: 'bool' }, { name: 'n', type: 'long' }, { name: 'r', type: 'real' }]),
      'Custom.ndjson': '{"b":1,"n":"42","r":"1.5"}\n{"b":false,"n":9223372036854775807,"r":2}\n',
    });
    const r = run(dir, 'Custom');
    expect(r.toJSON().rows).toEqual([[true, 42, 1.5], [false, 9223372036854775807n, 2]]);
  });

  it('tables without a schema file get types from their values', () => {
    const dir = folder({ 'Other.ndjson': '{"a":1,"b":"x","c":true,"d":{"k":[1]},"e":1.5}\n' });
    expect(run(dir, 'Other').columns).toEqual([
      { name: 'a', type: 'long' },
      { name: 'b', type: 'string' },
      { name: 'c', type: 'bool' },
      { name: 'd', type: 'dynamic' },
      { name: 'e', type: 'real' },
    ]);
  });

  it('strings are dictionary-encoded when they repeat', () => {
    const lines = Array.from({ length: 100 }, (_, i) => JSON.stringify({ Timestamp: '2026-11-19T08:00:00Z', Url: `u${i % 3}` })).join('\n');
    const ds = loadDataFolder(folder({ 'EmailUrlInfo.ndjson': lines }));
    const url = ds.tables.get('EmailUrlInfo')!.columns[ds.tables.get('EmailUrlInfo')!.schema.findIndex((c) => c.name === 'Url')]!;
    expect(url.type === 'string' && url.dict?.length).toBe(3);
  });
});

describe('bad data is an error with file:line:column and the value', () => {
  it('a value that does not fit its column', () => {
    const dir = folder({ 'EmailEvents.ndjson': '{"Subject":"ok"}\n{"Subject":"x", "AttachmentCount":"many"}\n' });
    expect(() => loadDataFolder(dir)).toThrow(DataError);
    expect(() => loadDataFolder(dir)).toThrow(/EmailEvents\.ndjson:2:17: column 'AttachmentCount' \(int\).*"many"/);
  });

  it('an unknown column, with a did-you-mean', () => {
    const dir = folder({ 'EmailEvents.ndjson': '{"Subjetc":"x"}\n' });
    expect(() => loadDataFolder(dir)).toThrow(/EmailEvents\.ndjson:1:2: unknown column 'Subjetc' for table 'EmailEvents' \(did you mean 'Subject'\?\)/);
  });

  it('a malformed line', () => {
    const dir = folder({ 'EmailEvents.ndjson': '{"Subject":"x"}\n{"Subject": \n' });
    expect(() => loadDataFolder(dir)).toThrow(/EmailEvents\.ndjson:2:1: malformed JSON line/);
  });

  it('lenient mode turns bad values into nulls and counts them', () => {
    const dir = folder({ 'EmailEvents.ndjson': '{"Subject":"x","AttachmentCount":"many"}\n{"Subject":"y","AttachmentCount":2}\n' });
    const ds = loadDataFolder(dir, { lenient: true });
    expect(ds.badValues.get('EmailEvents')).toBe(1);
    expect(ds.tables.get('EmailEvents')!.rowCount).toBe(2);
  });
});

describe('mirrored time columns', () => {
  it('a bad time in the only time column a row has is one bad value, not two', () => {
    const dir = folder({ 'EmailEvents.ndjson': '{"Subject":"x","Timestamp":"not a time"}\n' });
    const ds = loadDataFolder(dir, { lenient: true });
    expect(ds.badValues.get('EmailEvents')).toBe(1);
    expect(() => loadDataFolder(dir)).toThrow(/EmailEvents\.ndjson:1:\d+: column 'Timestamp'/);
  });
});
