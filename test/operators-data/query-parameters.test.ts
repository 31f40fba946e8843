// `declare query_parameters(...)` (query-parameters-statement.md): values from the caller, else the default; a
// parameter with neither binds for plan-only work and fails, positioned, when the query runs.
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { KqlError } from '../../src/diagnostics.js';

const now = '2026-11-20T12:00:00Z';
const query = `declare query_parameters(Recipient:string, Lookback:timespan = 7d);
EmailEvents
| where Timestamp > ago(Lookback) and RecipientEmailAddress =~ Recipient
| project RecipientEmailAddress`;

function db(): Database {
  const d = new Database();
  d.addTable('EmailEvents', {
    rows: [
      { Timestamp: '2026-11-19T00:00:00Z', RecipientEmailAddress: 'A@contoso.com' }, // 1.5 days ago
      { Timestamp: '2026-11-01T00:00:00Z', RecipientEmailAddress: 'a@contoso.com' }, // 19.5 days ago
      { Timestamp: '2026-11-19T00:00:00Z', RecipientEmailAddress: 'b@contoso.com' },
    ],
  });
  return d;
}

function errorOf(f: () => unknown): KqlError {
  try {
    f();
  } catch (err) {
    if (err instanceof KqlError) return err;
    throw err;
  }
  throw new Error('expected a KqlError');
}

describe('declare query_parameters', () => {
  it('a given value is used; the default applies to the other parameter', () => {
    // Lookback 7d: only the row of 2026-11-19 is recent enough; =~ is case-insensitive.
    expect(db().query(query, { now, parameters: { Recipient: 'a@contoso.com' } }).toObjects()).toEqual([{ RecipientEmailAddress: 'A@contoso.com' }]);
  });

  it('a given value overrides the default; text is read as the declared type', () => {
    const rows = db().query(query, { now, parameters: { Recipient: 'a@contoso.com', Lookback: '30d' } }).toObjects();
    expect(rows).toEqual([{ RecipientEmailAddress: 'A@contoso.com' }, { RecipientEmailAddress: 'a@contoso.com' }]);
  });

  it('typed values: long, datetime, bool, dynamic', () => {
    const q = `declare query_parameters(n:long, t:datetime, b:bool, d:dynamic);
print n = n + 1, t = t + 1d, b = not(b), d = d[1]`;
    const r = new Database().query(q, { now, parameters: { n: 41, t: '2026-01-31', b: 'false', d: [1, 'x'] } });
    expect(r.columns.map((c) => c.type)).toEqual(['long', 'datetime', 'bool', 'dynamic']);
    expect(r.toJSON().rows).toEqual([[42, '2026-02-01T00:00:00.0000000Z', true, 'x']]);
  });

  it('Database-wide parameters apply to every query; QueryOptions override them', () => {
    const d = new Database({ parameters: { n: '1' } });
    expect(d.query('declare query_parameters(n:long); print n').toJSON().rows).toEqual([[1]]);
    expect(d.query('declare query_parameters(n:long); print n', { parameters: { n: 2 } }).toJSON().rows).toEqual([[2]]);
  });

  it('a missing value binds for plan-only work (the schema does not depend on it)', () => {
    const p = db().plan(query, { now });
    expect(p.plan?.schema.map((c) => `${c.name}:${c.type}`)).toEqual(['RecipientEmailAddress:string']);
    expect(p.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(p.unboundParameters?.map((d) => d.code)).toEqual(['bind-missing-query-parameter']);
  });

  it('running without a value is an error at the parameter, saying how to pass it', () => {
    const e = errorOf(() => db().query(query, { now }));
    expect(e.code).toBe('bind-missing-query-parameter');
    expect(e.message).toContain("query parameter 'Recipient' (string) has no value and no default");
    expect(e.message).toContain('--param Recipient=');
    expect(e.message.startsWith('1:26:')).toBe(true); // `Recipient` in the declare statement
  });

  it('a value that is not of the declared type is an error naming the parameter', () => {
    const e = errorOf(() => db().query(query, { now, parameters: { Recipient: 'a', Lookback: 'soon' } }));
    expect(e.code).toBe('bind-bad-query-parameter');
    expect(e.message).toContain("query parameter 'Lookback' is declared timespan");
    expect(e.message).toContain('"soon"');
    expect(e.message.startsWith('1:44:')).toBe(true);
  });

  it('a let after the declaration sees the parameter; a parameter shadows nothing it should not', () => {
    const q = `declare query_parameters(Limit:long = 2);
let Twice = Limit * 2;
range x from 1 to 10 step 1 | take Twice | count`;
    expect(new Database().query(q).toJSON().rows).toEqual([[4]]);
  });
});
