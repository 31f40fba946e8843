// has_any(list) is the OR of `has` over the list (has-any-operator.md: "has_any … returns true if any of the
// terms is found"; each term is matched like `has`). Both sides go through the engine, so the property checks the
// two operators agree on any text, including punctuated needles and case differences.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runOn } from './engine-support.js';

const words = ['bit', 'ly', 'bit.ly', 'ipfs', 'io', 'ipfs.io', 'Login', 'login', 'sign-in', 'rabbit', 'a', 'A1', 'x_y', '42', 'pages.dev', 'dev'];
const seps = [' ', '.', '/', '-', '_', '://', '?', '=', ''];
const text = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { maxLength: 6 }).map((ps) => ps.map(([w, s]) => w + s).join(''));
const needles = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 });
const lit = (s: string) => JSON.stringify(s);

describe('engine property: has_any', () => {
  it('has_any(list) equals the OR of has over the list', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 12 }), needles, (texts, ns) => {
        const q = `T | extend any = s has_any (dynamic([${ns.map(lit).join(', ')}])), ors = ${ns.map((n) => `s has ${lit(n)}`).join(' or ')} | project s, any, ors`;
        const out = runOn('T', [{ name: 's', type: 'string' }], texts.map((s) => ({ s })), q);
        expect(out).toHaveLength(texts.length);
        for (const r of out) expect(r.any, `s = ${JSON.stringify(r.s)}, needles ${JSON.stringify(ns)}`).toBe(r.ors);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('has_any over a list literal equals has_any over the same dynamic array', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 12 }), needles, (texts, ns) => {
        const q = `T | where s has_any (${ns.map(lit).join(', ')}) | count`;
        const q2 = `T | where s has_any (dynamic([${ns.map(lit).join(', ')}])) | count`;
        const rows = texts.map((s) => ({ s }));
        expect(runOn('T', [{ name: 's', type: 'string' }], rows, q)).toEqual(runOn('T', [{ name: 's', type: 'string' }], rows, q2));
      }),
      { seed: 43, numRuns: 100 },
    );
  });
});
