// Database.addTable / defineTable share the loaders' ingestion (issue #10): the same type names, conversions,
// time-column mirroring and string encoding, row objects read once into typed columns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { KqlError } from '../../src/diagnostics.js';
import { tableFromRows } from '../../src/tables/from-rows.js';
import { encodeStrings } from '../../src/tables/vector.js';
import { resolveTypeName } from '../../src/values/type-names.js';

const now = '2026-11-20T12:00:00Z';

function messageOf(f: () => void): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(KqlError);
    return (err as Error).message;
  }
  throw new Error('expected a KqlError');
}

describe('time-column mirroring in addTable', () => {
  it('a row with only Timestamp is found by a TimeGenerated filter (and the reverse)', () => {
    const db = new Database();
    db.addTable('EmailEvents', {
      rows: [
        { Timestamp: '2026-11-20T10:00:00Z', Subject: 'xdr' },
        { TimeGenerated: '2026-11-20T11:00:00Z', Subject: 'sentinel' },
        { Timestamp: '2026-11-01T00:00:00Z', TimeGenerated: '2026-11-20T11:30:00Z', Subject: 'both given: kept as given' },
        { Subject: 'neither' },
      ],
    });
    expect(db.query('EmailEvents | where TimeGenerated > ago(1d) | project Subject', { now }).toJSON().rows).toEqual([['xdr'], ['sentinel'], ['both given: kept as given']]);
    expect(db.query('EmailEvents | where Timestamp > ago(1d) | project Subject', { now }).toJSON().rows).toEqual([['xdr'], ['sentinel']]);
  });

  it('applies to any table whose schema has both time columns as datetimes, and to no other', () => {
    const db = new Database();
    const both = [
      { name: 'Timestamp', type: 'datetime' },
      { name: 'TimeGenerated', type: 'date' },
      { name: 'x', type: 'long' },
    ];
    db.addTable('Mine', { schema: both, rows: [{ TimeGenerated: '2026-11-20T10:00:00Z', x: 1 }] });
    expect(db.query('Mine | project Timestamp', { now }).toJSON().rows).toEqual([['2026-11-20T10:00:00.0000000Z']]);
    const stringTwin = [
      { name: 'Timestamp', type: 'datetime' },
      { name: 'TimeGenerated', type: 'string' },
    ];
    db.addTable('Other', { schema: stringTwin, rows: [{ Timestamp: '2026-11-20T10:00:00Z' }] });
    expect(db.query('Other | project TimeGenerated', { now }).toJSON().rows).toEqual([['']]);
  });
});

describe('type names: every Kusto spelling, one list', () => {
  it.each([
    ['int64', 'long'],
    ['Int64', 'long'],
    ['System.Int64', 'long'],
    ['int32', 'int'],
    ['boolean', 'bool'],
    ['double', 'real'],
    ['date', 'datetime'],
    ['DateTime', 'datetime'],
    ['time', 'timespan'],
    ['uniqueid', 'guid'],
    ['uuid', 'guid'],
    ['String', 'string'],
    ['Object', 'dynamic'],
    ['decimal', 'decimal'],
  ])('%s → %s', (name, type) => {
    expect(resolveTypeName(name)).toBe(type);
  });

  it('defineTable accepts int64 (as <T>.schema.json does) and refuses decimal and unknown names by name', () => {
    const db = new Database();
    db.defineTable('T', [{ name: 'a', type: 'int64' }, { name: 'b', type: 'uniqueid' }]);
    expect(db.query('T').columns).toEqual([
      { name: 'a', type: 'long' },
      { name: 'b', type: 'guid' },
    ]);
    expect(messageOf(() => db.defineTable('D', [{ name: 'p', type: 'decimal' }]))).toMatch(/table 'D': column 1 \('p'\): decimal columns are not supported yet/);
    expect(messageOf(() => db.defineTable('U', [{ name: 'p', type: 'lng' }]))).toMatch(/table 'U': column 1 \('p'\): unknown type 'lng' \(did you mean 'long'\?\)/);
    expect(messageOf(() => db.defineTable('V', [{ name: 'p', type: 'long' }, { name: 'p', type: 'int' }]))).toMatch(/column 'p' is declared twice/);
  });
});

describe('row values', () => {
  const schema = [
    { name: 'n', type: 'long' },
    { name: 'i', type: 'int' },
    { name: 't', type: 'datetime' },
    { name: 'd', type: 'dynamic' },
    { name: 'b', type: 'bool' },
  ];

  it('bigints, strings of digits, Date objects and nested values convert exactly', () => {
    const db = new Database();
    db.addTable('T', {
      schema,
      rows: [
        { n: 9223372036854775807n, i: -2147483648, t: new Date(Date.UTC(2026, 10, 20, 10, 0, 0, 123)), d: { a: [1, 2.5, 'x'], big: 12345678901234567890n }, b: 1 },
        { n: '-42', i: '7', t: '2026-11-20T10:00:00.1234567Z', d: 'text', b: 'False' },
      ],
    });
    expect(db.query('T').toJSON().rows).toEqual([
      [9223372036854775807n, -2147483648, '2026-11-20T10:00:00.1230000Z', { a: [1, 2.5, 'x'], big: 12345678901234567890n }, true],
      [-42, 7, '2026-11-20T10:00:00.1234567Z', 'text', false],
    ]);
  });

  it.each([
    [{ n: 2 ** 60 }, /row 1, column 'n' \(long\): a JS number beyond 2\^53 is not exact: give the long as a bigint or a string: 1152921504606847000/],
    [{ n: 2n ** 63n }, /row 1, column 'n' \(long\): out of range for long .*: 9223372036854775808n/],
    [{ i: 2 ** 31 }, /row 1, column 'i' \(int\): out of range for int/],
    [{ t: 'not a time' }, /row 1, column 't' \(datetime\): expected an ISO-8601 datetime: "not a time"/],
    [{ t: '2026-11-20T10:00:00.12345678Z' }, /more than 7 fractional-second digits/],
    [{ t: new Date(NaN) }, /row 1, column 't' \(datetime\): an invalid Date: Invalid Date/],
    [{ b: 2 }, /row 1, column 'b' \(bool\): expected true or false: 2/],
    [{ nn: 1 }, /row 1: unknown column 'nn' \(did you mean 'n'\?\)/],
  ])('%o is refused with its row and column', (row, message) => {
    const db = new Database();
    expect(messageOf(() => db.addTable('T', { schema, rows: [row as Record<string, unknown>] }))).toMatch(message);
  });

  it('rows that are not objects, and rows that are not an array, are refused', () => {
    const db = new Database();
    expect(messageOf(() => db.addTable('T', { schema, rows: [null as unknown as Record<string, unknown>] }))).toMatch(/row 1: expected an object of column values, got null/);
    expect(messageOf(() => db.addTable('T', { schema, rows: 'x' as unknown as [] }))).toMatch(/rows must be an array of objects/);
  });
});

describe('string columns are encoded as encodeStrings decides, whatever the source', () => {
  it('dictionary or plain, with the same values, for any sequence of strings (sizes around the sampling thresholds)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 6000 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (n, distinct, seed) => {
          const values = Array.from({ length: n }, (_, i) => `s${(i * 2654435761 + seed) % distinct}`);
          const built = tableFromRows([{ name: 's', type: 'string' }], values.map((s) => ({ s }))).columns[0]!;
          const expected = encodeStrings(values);
          expect(built.type === 'string' && built.dict !== undefined).toBe(expected.dict !== undefined);
          if (built.type === 'string' && built.dict) expect(built.dict.length).toBe(expected.dict!.length);
          const read = (v: typeof built) => Array.from({ length: n }, (_, i) => (v.type === 'string' ? (v.values ? v.values[i] : v.dict![v.codes![i]!]) : undefined));
          expect(read(built)).toEqual(values);
        },
      ),
      { numRuns: 60 },
    );
  });
});
