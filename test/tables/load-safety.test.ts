// Nothing silently lost (issue #19): each data mistake is an error naming file:line:column (or a reported warning),
// each accepted input loads exactly the values in the file. Cases are data: files → rows of a query, or the error.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { DataError, loadDataFolder, type LoadOptions } from '../../src/node/load-data.js';

type Files = Record<string, string | Uint8Array>;

function folder(files: Files): string {
  const dir = mkdtempSync(join(tmpdir(), 'kqlite-safety-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

function rows(files: Files, query: string, options: LoadOptions = {}) {
  const ds = loadDataFolder(folder(files), options);
  const db = new Database();
  for (const [n, t] of ds.tables) db.addTable(n, t);
  return db.query(query, { now: '2026-11-20T12:00:00Z' }).toJSON().rows;
}

function errorOf(files: Files, options: LoadOptions = {}): string {
  const dir = folder(files);
  try {
    loadDataFolder(dir, options);
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return (err as Error).message.replace(dir + '/', '');
  }
  throw new Error('expected a DataError');
}

const LONG = JSON.stringify([{ name: 'n', type: 'long' }]);
const INT = JSON.stringify([{ name: 'n', type: 'int' }]);
const DT = JSON.stringify([{ name: 't', type: 'datetime' }]);
const STR2 = JSON.stringify([{ name: 'a', type: 'string' }, { name: 'b', type: 'string' }]);

interface ErrorCase {
  readonly name: string;
  readonly files: Files;
  readonly error: RegExp;
  readonly options?: LoadOptions;
}

const errors: ErrorCase[] = [
  // Values that do not fit
  { name: 'a long above 2^63-1', files: { 'T.schema.json': LONG, 'T.ndjson': '{"n":1}\n{"n": 9223372036854775808}\n' }, error: /^T\.ndjson:2:2: column 'n' \(long\): out of range for long .*: 9223372036854775808$/ },
  { name: 'a long below -2^63', files: { 'T.schema.json': LONG, 'T.ndjson': '{"n":-9223372036854775809}\n' }, error: /^T\.ndjson:1:2: column 'n' \(long\): out of range for long .*: -9223372036854775809$/ },
  { name: 'a long above 2^63-1 in a CSV cell', files: { 'T.schema.json': LONG, 'T.csv': 'n\n99999999999999999999\n' }, error: /^T\.csv:2:1: column 'n' \(long\): out of range for long/ },
  { name: 'a long in exponent form beyond range', files: { 'T.schema.json': LONG, 'T.ndjson': '{"n":1e300}\n' }, error: /^T\.ndjson:1:2: column 'n' \(long\): out of range for long/ },
  { name: 'a fraction in a long column', files: { 'T.schema.json': LONG, 'T.ndjson': '{"n":1.5}\n' }, error: /^T\.ndjson:1:2: column 'n' \(long\): expected an integer, not a fraction: 1\.5$/ },
  { name: 'an int above 2^31-1', files: { 'T.schema.json': INT, 'T.ndjson': '{"n":2147483648}\n' }, error: /^T\.ndjson:1:2: column 'n' \(int\): out of range for int .*: 2147483648$/ },
  { name: 'an int below -2^31 in CSV', files: { 'T.schema.json': INT, 'T.csv': 'n\n-2147483649\n' }, error: /^T\.csv:2:1: column 'n' \(int\): out of range for int/ },
  { name: 'a real beyond the double range', files: { 'T.schema.json': JSON.stringify([{ name: 'r', type: 'real' }]), 'T.ndjson': '{"r":1e400}\n' }, error: /^T\.ndjson:1:2: column 'r' \(real\): out of range for real/ },
  { name: 'an 8th fractional-second digit', files: { 'T.schema.json': DT, 'T.ndjson': '{"t":"2026-11-19T08:15:02.12345678Z"}\n' }, error: /^T\.ndjson:1:2: column 't' \(datetime\): more than 7 fractional-second digits .*"2026-11-19T08:15:02\.12345678Z"$/ },
  { name: 'an 8th fractional digit with an offset', files: { 'T.schema.json': DT, 'T.csv': 't\n2026-11-19 08:15:02.000000001+02:00\n' }, error: /^T\.csv:2:1: column 't' \(datetime\): more than 7 fractional-second digits/ },
  { name: 'an 8th fractional digit in a timespan', files: { 'T.schema.json': JSON.stringify([{ name: 'd', type: 'timespan' }]), 'T.csv': 'd\n00:00:01.12345678\n' }, error: /^T\.csv:2:1: column 'd' \(timespan\): more than 7 fractional-second digits/ },
  // Structure
  { name: 'duplicate JSON keys in a row', files: { 'EmailEvents.ndjson': '{"Subject":"a"}\n{"Subject":"b", "Subject":"c"}\n' }, error: /^EmailEvents\.ndjson:2:17: duplicate key 'Subject' in one row/ },
  { name: 'duplicate JSON keys in a nested value', files: { 'T.ndjson': '{"d":{"k":1,"k":2}}\n' }, error: /^T\.ndjson:1:13: duplicate key 'k' in an object/ },
  { name: 'duplicate keys in a JSON array file', files: { 'T.json': '[\n {"a": 1,\n  "a": 2}\n]' }, error: /^T\.json:3:3: duplicate key 'a' in one row/ },
  { name: 'duplicate CSV columns', files: { 'T.csv': 'a,b,a\n1,2,3\n' }, error: /^T\.csv:1:5: column 'a' appears twice in the header \(fields 1 and 3\)$/ },
  { name: 'a CSV record with too many fields', files: { 'T.schema.json': STR2, 'T.csv': 'a,b\n1,2\n1,2,3\n' }, error: /^T\.csv:3:5: a record with more fields than the 2 of the header$/ },
  { name: 'a CSV record with too few fields', files: { 'T.schema.json': STR2, 'T.csv': 'a,b\r\n1,2\r\nx\r\n' }, error: /^T\.csv:3:1: a record with 1 field\(s\); the header has 2$/ },
  { name: 'an unterminated quoted CSV field', files: { 'T.csv': 'a,b\n1,"open\nstill open\n' }, error: /^T\.csv:2:3: unterminated quoted field/ },
  { name: 'a quote inside an unquoted CSV field', files: { 'T.csv': 'a,b\n1,5" screen\n' }, error: /^T\.csv:2:4: a quote inside an unquoted field/ },
  { name: 'text after a closing quote', files: { 'T.csv': 'a,b\n1,"x"y\n' }, error: /^T\.csv:2:6: text after the closing quote of a field/ },
  { name: 'an unknown CSV column', files: { 'EmailUrlInfo.csv': 'Url,UrlDomian\nx,y\n' }, error: /^EmailUrlInfo\.csv:1:5: unknown column 'UrlDomian' for table 'EmailUrlInfo' \(did you mean 'UrlDomain'\?\)$/ },
  { name: 'a typed CSV header that disagrees with the schema', files: { 'EmailUrlInfo.csv': 'Url:long\n1\n' }, error: /^EmailUrlInfo\.csv:1:1: column 'Url' is string in table 'EmailUrlInfo' but the header declares it long$/ },
  { name: 'two objects on one NDJSON line', files: { 'T.ndjson': '{"a":1} {"a":2}\n' }, error: /^T\.ndjson:1:1: malformed JSON line: text after the row object .* at column 9$/ },
  { name: 'NDJSON in a .json file', files: { 'T.json': '{"a":1}\n{"a":2}\n' }, error: /^T\.json:2:1: malformed JSON: text after the end of the document .*\.ndjson\)$/ },
  { name: 'a JSON array left open', files: { 'T.json': '[{"a":1},\n{"a":2}\n' }, error: /^T\.json:3:1: malformed JSON: the array is not closed/ },
  { name: 'a row that is not an object', files: { 'T.ndjson': '[1,2]\n' }, error: /^T\.ndjson:1:1: malformed JSON line: expected '\{' \(each row is a JSON object\) at column 1$/ },
  // Encoding
  { name: 'invalid UTF-8', files: { 'T.csv': Uint8Array.from([0x61, 0x0a, 0x62, 0xff, 0x63, 0x0a]) }, error: /^T\.csv:2:2: invalid UTF-8 \(bytes ff 63 0a\)/ },
  { name: 'an overlong UTF-8 form', files: { 'T.ndjson': Uint8Array.from([...Buffer.from('{"a":"x'), 0xc0, 0xaf, ...Buffer.from('"}\n')]) }, error: /^T\.ndjson:1:8: invalid UTF-8 \(bytes c0 af/ },
  { name: 'a UTF-16 file', files: { 'T.csv': Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00]) }, error: /^T\.csv:1:1: the file is UTF-16/ },
  // Files and schemas
  { name: 'a schema file holding an object', files: { 'T.schema.json': '{"a":"long"}', 'T.ndjson': '{"a":1}\n' }, error: /^T\.schema\.json:1:1: a schema is a list of \{"name": …, "type": …\} columns, not an object$/ },
  { name: 'a schema file with an unknown type', files: { 'T.schema.json': '[{"name":"a","type":"strng"}]' }, error: /^T\.schema\.json:1:1: column 1 \('a'\): unknown type 'strng' \(did you mean 'string'\?\)$/ },
  { name: 'a decimal column', files: { 'T.schema.json': '[{"name":"a","type":"decimal"}]' }, error: /decimal columns are not supported yet/ },
  { name: 'a schema file that is not JSON', files: { 'T.schema.json': '[{"name":"a",}]' }, error: /^T\.schema\.json:1:14: not valid JSON/ },
  { name: 'a dataset.json with a bad now', files: { 'dataset.json': '{"now":"yesterday"}' }, error: /^dataset\.json:1:1: "now" must be an ISO-8601 datetime/ },
  { name: 'two data files for one table', files: { 'T.csv': 'a\n1\n', 'T.ndjson': '{"a":"1"}\n' }, error: /^T\.ndjson: table 'T' has more than one data file/ },
  { name: 'strict: a file whose name matches a table only by case', files: { 'urlclickevents.ndjson': '{"Url":"x"}\n' }, options: { strict: true }, error: /^urlclickevents\.ndjson: defines a new table 'urlclickevents' from its values; did you mean 'UrlClickEvents'\? \(table names are case-sensitive\) \(--strict\)$/ },
  { name: 'strict: a table no schema declares', files: { 'MyOwnThing.ndjson': '{"a":1}\n' }, options: { strict: true }, error: /^MyOwnThing\.ndjson: 'MyOwnThing' is not a known table \(give its columns in MyOwnThing\.schema\.json\) \(--strict\)$/ },
  { name: 'strict: a format kqlite does not read', files: { 'EmailEvents.xlsx': 'PK' }, options: { strict: true }, error: /^EmailEvents\.xlsx: ignored: an Excel workbook/ },
  { name: 'a unit of the API envelope type disagreeing with the schema', files: { 'EmailEvents.json': JSON.stringify({ Schema: [{ Name: 'Subject', Type: 'Int32' }], Results: [] }) }, error: /^EmailEvents\.json:1:11: column 'Subject' is string in table 'EmailEvents' but int in a Defender advanced-hunting API result$/ },
];

describe('data mistakes are DataErrors naming file:line:column', () => {
  it.each(errors)('$name', ({ files, error, options }) => {
    expect(errorOf(files, options)).toMatch(error);
  });

  it('a directory named like a table file', () => {
    const dir = folder({});
    mkdirSync(join(dir, 'EmailEvents.ndjson'));
    expect(() => loadDataFolder(dir)).toThrow(/EmailEvents\.ndjson: is a folder \(or not a regular file\), named like a table file$/);
  });

  it('a data folder that is a file, and one that does not exist', () => {
    const dir = folder({ 'x.txt': '' });
    expect(() => loadDataFolder(join(dir, 'x.txt'))).toThrow(/x\.txt: is a file; --data takes a folder of table files$/);
    expect(() => loadDataFolder(join(dir, 'nope'))).toThrow(/nope: cannot read: no such file or folder$/);
  });
});

describe('lenient mode counts what it changes', () => {
  it('invalid UTF-8 becomes U+FFFD, counted per table (a genuine U+FFFD in the file is not counted)', () => {
    const bytes = Uint8Array.from([...Buffer.from('a\nb'), 0xff, ...Buffer.from('c\n\uFFFD\n')]);
    const ds = loadDataFolder(folder({ 'T.csv': bytes }), { lenient: true });
    expect(ds.replacedUtf8.get('T')).toBe(1);
    const db = new Database();
    db.addTable('T', ds.tables.get('T')!);
    expect(db.query('T').toJSON().rows).toEqual([['b\uFFFDc'], ['\uFFFD']]);
  });

  it('an out-of-range long becomes null and is counted', () => {
    const ds = loadDataFolder(folder({ 'T.schema.json': LONG, 'T.ndjson': '{"n":9223372036854775808}\n{"n":7}\n' }), { lenient: true });
    expect(ds.badValues.get('T')).toBe(1);
  });
});

describe('warnings for doubtful files (errors under --strict)', () => {
  it('a file whose name matches a table only by case loads as its own table, with a did-you-mean', () => {
    const warnings: string[] = [];
    const ds = loadDataFolder(folder({ 'urlclickevents.ndjson': '{"Url":"x"}\n' }), { warn: (m) => warnings.push(m) });
    expect(ds.tables.has('urlclickevents')).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/urlclickevents\.ndjson: defines a new table 'urlclickevents' from its values; did you mean 'UrlClickEvents'\?/);
    expect(ds.warnings).toEqual(warnings);
  });

  it('a near-miss name (one letter off) is reported; a new table with an unrelated name is not', () => {
    const ds = loadDataFolder(folder({ 'EmailEvent.ndjson': '{"a":1}\n', 'MyOwnThing.ndjson': '{"a":1}\n', 'Foo.ndjson': '{"a":1}\n' }));
    expect(ds.warnings).toHaveLength(1);
    expect(ds.warnings[0]).toMatch(/EmailEvent\.ndjson: .*did you mean 'EmailEvents'\?$/);
  });

  it('formats kqlite cannot read are reported; documentation and scripts are not', () => {
    const ds = loadDataFolder(folder({ 'EmailEvents.tsv': 'a\tb\n', 'Big.ndjson.gz': '', 'README.md': '#', 'gen.ts': '', '.DS_Store': '' }));
    expect(ds.warnings.map((w) => w.replace(/^.*\//, ''))).toEqual([
      'Big.ndjson.gz: ignored: compressed files are not read; decompress it',
      'EmailEvents.tsv: ignored: tab-separated text is not read; save it as .csv',
    ]);
  });

  it('an open-schema table (AzureDiagnostics) takes the columns its data adds, typed from their values', () => {
    const files = { 'AzureDiagnostics.ndjson': '{"Category":"WAF","myRule_s":"942100","hits_d":3}\n{"Category":"WAF","hits_d":4.5}\n' };
    expect(rows(files, 'AzureDiagnostics | project Category, myRule_s, hits_d')).toEqual([
      ['WAF', '942100', 3],
      ['WAF', '', 4.5],
    ]);
    const ds = loadDataFolder(folder(files));
    const schema = ds.tables.get('AzureDiagnostics')!.schema;
    expect(schema.slice(-2)).toEqual([
      { name: 'myRule_s', type: 'string' },
      { name: 'hits_d', type: 'real' },
    ]);
    expect(schema.find((c) => c.name === 'Category')).toEqual({ name: 'Category', type: 'string' });
    // A table with a fixed schema does not.
    expect(errorOf({ 'SigninLogs.ndjson': '{"myRule_s":"x"}\n' })).toMatch(/^SigninLogs\.ndjson:1:2: unknown column 'myRule_s' for table 'SigninLogs'/);
  });

  it('upper-case extensions are data files too', () => {
    expect(rows({ 'EmailUrlInfo.CSV': 'Url\nx\n' }, 'EmailUrlInfo | project Url')).toEqual([['x']]);
  });

  it('a schema file without data declares an empty table', () => {
    const ds = loadDataFolder(folder({ 'Mine.schema.json': '[{"name":"a","type":"int64"}]' }));
    expect(ds.tables.get('Mine')?.schema).toEqual([{ name: 'a', type: 'long' }]);
    expect(ds.tables.get('Mine')?.rowCount).toBe(0);
  });
});

describe('accepted input keeps exactly its values', () => {
  it('longs at both ends of the 64-bit range, in JSON and CSV', () => {
    const max = '9223372036854775807';
    const min = '-9223372036854775808';
    expect(rows({ 'T.schema.json': LONG, 'T.ndjson': `{"n":${max}}\n{"n":${min}}\n{"n":1e3}\n{"n":"42"}\n` }, 'T')).toEqual([[BigInt(max)], [BigInt(min)], [1000], [42]]);
    expect(rows({ 'T.schema.json': LONG, 'T.csv': `n\n${max}\n${min}\n` }, 'T')).toEqual([[BigInt(max)], [BigInt(min)]]);
  });

  it('7 fractional digits survive; fewer are padded; an offset is converted to UTC', () => {
    const files = { 'T.schema.json': DT, 'T.csv': 't\n2026-11-19T08:15:02.1234567Z\n2026-11-19T08:15:02.5Z\n2026-11-19T10:15:02+02:00\n' };
    expect(rows(files, 'T')).toEqual([['2026-11-19T08:15:02.1234567Z'], ['2026-11-19T08:15:02.5000000Z'], ['2026-11-19T08:15:02.0000000Z']]);
  });

  it('a byte-order mark, CRLF line ends, quotes, commas and line breaks inside CSV fields', () => {
    const csv = '\uFEFFa,b\r\n"x ""q"", y\r\nz",2\r\n\r\n," "\r\n';
    expect(rows({ 'T.schema.json': STR2, 'T.csv': csv }, 'T')).toEqual([['x "q", y\r\nz', '2'], ['', ' ']]);
  });

  it('JSON escapes, unicode and raw tabs in strings', () => {
    const line = JSON.stringify({ a: 'tab\there "q" \\ é 😀 \u0001' });
    expect(rows({ 'T.schema.json': STR2, 'T.ndjson': line + '\n{"a":"raw\ttab"}\n' }, 'T | project a')).toEqual([['tab\there "q" \\ é 😀 \u0001'], ['raw\ttab']]);
  });

  it('a JSON array file streamed in tiny chunks (rows cut at every point) gives the same rows', () => {
    const arr = JSON.stringify(Array.from({ length: 40 }, (_, i) => ({ a: `v${i}"x\\y`, n: i * 1e15, t: '2026-11-19T08:15:02.1234567Z' })));
    const whole = rows({ 'T.json': arr }, 'T');
    for (const chunkBytes of [16, 17, 19, 23]) expect(rows({ 'T.json': arr }, 'T', { chunkBytes })).toEqual(whole);
    expect(whole[39]).toEqual(['v39"x\\y', 39000000000000000n, '2026-11-19T08:15:02.1234567Z']);
  });

  it('multi-byte characters cut by the chunk size are read whole', () => {
    const text = Array.from({ length: 30 }, (_, i) => JSON.stringify({ s: 'ééé😀€'.repeat(i % 4) })).join('\n');
    expect(rows({ 'T.ndjson': text }, 'T', { chunkBytes: 16 })).toEqual(rows({ 'T.ndjson': text }, 'T'));
  });
});
