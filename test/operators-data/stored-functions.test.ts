// Stored functions (--functions DIR, Database.defineFunction): Kusto's `.create-or-alter function` files, a query
// saved as a function, Sentinel parser YAML (FunctionName/FunctionAlias/FunctionQuery/FunctionParams) and an
// ASIM-style parser (ParserName/EquivalentBuiltInParser/ParserQuery/ParserParams), in test/operators-data/functions.
// Expected values worked out by hand from data/EmailEvents.csv and the functions' bodies.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { Database } from '../../src/database.js';
import { KqlError } from '../../src/diagnostics.js';
import { loadFunctionFolder } from '../../src/node/stored-functions.js';
import { DataError } from '../../src/tables/data-error.js';

const dir = new URL('./functions/', import.meta.url).pathname;
const dataDir = new URL('./data/', import.meta.url).pathname;

function db(): Database {
  const d = new Database();
  d.addTable('EmailEvents', {
    rows: [
      { Timestamp: '2026-11-20T08:00:00Z', SenderFromAddress: 'spam@bad.example', RecipientEmailAddress: 'a@contoso.com', DeliveryAction: 'Blocked' },
      { Timestamp: '2026-11-20T09:00:00Z', SenderFromAddress: 'spam@bad.example', RecipientEmailAddress: 'b@contoso.com', DeliveryAction: 'Blocked' },
      { Timestamp: '2026-11-20T09:30:00Z', SenderFromAddress: 'once@odd.example', RecipientEmailAddress: 'a@contoso.com', DeliveryAction: 'Blocked' },
      { Timestamp: '2026-11-20T10:00:00Z', SenderFromAddress: 'news@good.example', RecipientEmailAddress: 'a@contoso.com', DeliveryAction: 'Delivered' },
    ],
  });
  loadFunctionFolder(d, dir);
  return d;
}
const rows = (q: string) => db().query(q).toJSON().rows;

function errorOf(f: () => unknown): KqlError {
  try {
    f();
  } catch (err) {
    if (err instanceof KqlError) return err;
    throw err;
  }
  throw new Error('expected a KqlError');
}

describe('a folder of stored functions', () => {
  it('defines every name: the .kql command, the saved query, both YAML names, the ASIM names', () => {
    const d = new Database();
    expect(loadFunctionFolder(d, dir).sort()).toEqual(['BlockedSenders', 'ContosoMail', 'SavedTop', '_Im_DnsFixture', 'vimContosoMail', 'vimDnsFixture']);
  });

  it('.create-or-alter function: the default, a positional and a named argument', () => {
    expect(rows('BlockedSenders()')).toEqual([['spam@bad.example', 2]]);
    expect(rows('BlockedSenders(1) | order by SenderFromAddress asc')).toEqual([['once@odd.example', 1], ['spam@bad.example', 2]]);
    expect(rows('BlockedSenders(minCount = 1) | count')).toEqual([[2]]);
  });

  it('a saved query is a parameterless function, called with or without ()', () => {
    expect(rows('SavedTop | summarize sum(Square)')).toEqual([[14]]);
    expect(rows('SavedTop() | count')).toEqual([[3]]);
  });

  it('Sentinel parser YAML: FunctionAlias and FunctionName, a string default written as * in YAML', () => {
    expect(rows('ContosoMail | count')).toEqual([[4]]);
    expect(rows('vimContosoMail() | count')).toEqual([[4]]);
    expect(rows("ContosoMail(sender = 'SPAM@bad.example') | project Recipient")).toEqual([['a@contoso.com'], ['b@contoso.com']]);
    expect(rows("ContosoMail('*', 1) | count")).toEqual([[1]]);
  });

  it('ASIM-style parser: named parameters with datetime(null) and empty-string defaults', () => {
    expect(rows("_Im_DnsFixture(responsecodename = 'NXDOMAIN') | count")).toEqual([[2]]);
    expect(rows("_Im_DnsFixture(starttime = datetime(2026-11-20), responsecodename = 'NXDOMAIN') | project DnsQuery")).toEqual([['b.example']]);
    expect(rows('vimDnsFixture(starttime = datetime(2026-11-20T00:00:00Z)) | count')).toEqual([[2]]);
  });

  it('a let may hold a stored tabular function\'s result, called or (without parameters) named', () => {
    expect(rows('let b = BlockedSenders(1); b | count')).toEqual([[2]]);
    expect(rows('let s = SavedTop; s | count')).toEqual([[3]]);
  });

  it("a let of the query with the same name wins over the stored function", () => {
    expect(rows('let BlockedSenders = () { print x = 1 }; BlockedSenders')).toEqual([[1]]);
  });

  it('an unknown named argument is an error at its name', () => {
    const e = errorOf(() => db().query('BlockedSenders(minimum = 1)'));
    expect(e.code).toBe('bind-named-argument-not-allowed');
    expect(e.position).toEqual({ line: 1, column: 16 });
  });
});

describe('errors in stored functions', () => {
  it("an error in a function's body is reported at the call, naming the function and its file:line:col", () => {
    const d = db();
    d.defineFunction('Bad', { body: 'EmailEvents | where NoSuchColumn == 1', fileName: 'x.yaml', bodyLine: 7 });
    const e = errorOf(() => d.query('print 1 | join (Bad()) on $left.print_0 == $right.print_0'));
    expect(e.message).toContain("unknown column 'NoSuchColumn' (in function 'Bad', x.yaml:7:21)");
    expect(e.position).toEqual({ line: 1, column: 17 });
  });

  it('a .kql definition that does not parse is a DataError at its line and column', () => {
    const bad = mkdtempSync(join(tmpdir(), 'kqlite-fn-'));
    writeFileSync(join(bad, 'F.kql'), '.create function F(a:string) {\n  print a |\n}\n');
    expect(() => loadFunctionFolder(new Database(), bad)).toThrow(DataError);
    expect(() => loadFunctionFolder(new Database(), bad)).toThrow(/F\.kql:3:1: /);
  });

  it('a name defined twice names both files', () => {
    const twice = mkdtempSync(join(tmpdir(), 'kqlite-fn-'));
    mkdirSync(join(twice, 'sub'));
    writeFileSync(join(twice, 'A.kql'), '.create-or-alter function Same() { print 1 }');
    writeFileSync(join(twice, 'sub', 'B.kql'), '.create-or-alter function Same() { print 2 }');
    expect(() => loadFunctionFolder(new Database(), twice)).toThrow(/B\.kql: function 'Same' is also defined in .*A\.kql/);
  });

  it('a YAML without a query is an error naming the file', () => {
    const y = mkdtempSync(join(tmpdir(), 'kqlite-fn-'));
    writeFileSync(join(y, 'p.yaml'), 'FunctionName: X\n');
    expect(() => loadFunctionFolder(new Database(), y)).toThrow(/p\.yaml: not a function definition: no FunctionQuery/);
  });
});

describe('kqlite run --functions', () => {
  it('runs a rule that calls a Sentinel parser over the data folder', async () => {
    let out = '';
    let err = '';
    const code = await main(['run', '--data', dataDir, '--functions', dir, '--query', "ContosoMail(sender='once@odd.example') | project Sender, Action", '--format', 'json'], {
      out: (s) => (out += s),
      err: (s) => (err += s),
      isTTY: false,
      stdin: () => '',
    });
    expect(code, err).toBe(0);
    expect(JSON.parse(out).rows).toEqual([['once@odd.example', 'Blocked']]);
  });
  it('a missing folder is a usage error', async () => {
    let err = '';
    const code = await main(['run', '--functions', '/no/such/dir', '--query', 'print 1'], { out: () => {}, err: (s) => (err += s), isTTY: false, stdin: () => '' });
    expect(code).toBe(2);
    expect(err).toContain('no such functions folder: /no/such/dir');
  });
});
