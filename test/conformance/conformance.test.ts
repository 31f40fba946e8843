// Runs every test/conformance/*.kql case file through the public API (format: ./case-file.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalRow, parseCaseFile, runCase } from './case-file.js';

const dir = new URL('./', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.kql')).sort();

describe('the case-file runner', () => {
  it('compares 64-bit integers exactly (JSON.parse would make …806 equal …807)', () => {
    const [c] = parseCaseFile('query\nprint x = 1\n----\nx:long\n[9223372036854775807]\n', 'inline');
    expect(c!.kind === 'query' && c!.rows[0]).toBe(canonicalRow([9223372036854775807n]));
    expect(c!.kind === 'query' && c!.rows[0]).not.toBe(canonicalRow([9223372036854775806n]));
  });
  it('still equates a real written as 1 or 1.0, and ignores bag key order', () => {
    expect(canonicalRow([1, { b: 1, a: 2 }])).toBe(canonicalRow([1.0, { a: 2, b: 1 }]));
  });
});

describe.each(files)('%s', (file) => {
  const cases = parseCaseFile(readFileSync(new URL(file, dir), 'utf8'), file);
  it.each(cases.map((c) => [`${file}:${c.line}`, c] as const))('%s', (_name, c) => runCase(c));
});
