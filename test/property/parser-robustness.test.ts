// parse() never throws: on arbitrary text, on KQL-flavoured noise, and on seed queries with random edits.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from '../../src/parser/index.js';

const dir = new URL('../../examples/rules/', import.meta.url);
const seeds = readdirSync(dir)
  .filter((f) => f.endsWith('.kql'))
  .map((f) => readFileSync(new URL(f, dir), 'utf8'));

const kqlChars = fc.constantFrom(...'|()[]{}.,;:=!~<>+-*/%"\'@`$ \nabxyz019_hH'.split(''), 'where ', 'let ', 'has ', ' in ', '..', '```', '//', 'dynamic(', 'datetime(', '1d');

function wellFormed(r: ReturnType<typeof parse>): boolean {
  return r.ast.kind === 'Script' && r.diagnostics.every((d) => d.span.start <= d.span.end && d.span.start >= 0);
}

describe('parse never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (s) => wellFormed(parse(s))), { seed: 42, numRuns: 400 });
  });
  it('on KQL-flavoured noise', () => {
    fc.assert(fc.property(fc.array(kqlChars, { maxLength: 80 }), (parts) => wellFormed(parse(parts.join('')))), { seed: 43, numRuns: 400 });
  });
  it('on seed queries with random insertions and deletions', () => {
    const edit = fc.record({
      seed: fc.nat(seeds.length - 1),
      edits: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(8), fc.oneof(kqlChars, fc.constant(''))), { minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(edit, ({ seed, edits }) => {
        let text = seeds[seed]!;
        for (const [where, del, ins] of edits) {
          const at = Math.floor(where * text.length);
          text = text.slice(0, at) + ins + text.slice(at + del);
        }
        const r = parse(text);
        expect(wellFormed(r)).toBe(true);
        for (const d of r.diagnostics) expect(d.span.end).toBeLessThanOrEqual(text.length);
      }),
      { seed: 44, numRuns: 300 },
    );
  });
});
