// Runs every test/conformance/*.kql case file through the public API (see test/support/case-file.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { KqlError } from '../../src/diagnostics.js';
import { parseCaseFile } from '../support/case-file.js';

const dir = new URL('./', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.kql')).sort();
const DEFAULT_NOW = '2026-11-20T12:00:00Z';

// Bags compare as unordered maps: Kusto does not preserve bag key order (scalar-data-types/dynamic.md).
const sortKeys = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return typeof v === 'bigint' ? Number(v) : v;
};
const canon = (row: unknown[]) => JSON.stringify(sortKeys(row));

describe.each(files)('%s', (file) => {
  const cases = parseCaseFile(readFileSync(new URL(file, dir), 'utf8'), file);
  it.each(cases.map((c) => [`${file}:${c.line}`, c] as const))('%s', (_name, c) => {
    const db = new Database();
    if (c.kind === 'query') {
      const result = db.query(c.kql, { now: c.now ?? DEFAULT_NOW });
      expect(result.columns).toEqual(c.columns);
      const actual = result.toJSON().rows.map(canon);
      const expected = c.rows.map(canon);
      if (c.ordered) expect(actual).toEqual(expected);
      else expect([...actual].sort()).toEqual([...expected].sort());
    } else {
      let error: unknown;
      try {
        db.query(c.kql, { now: c.now ?? DEFAULT_NOW });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(KqlError);
      const k = error as KqlError;
      expect(k.code).toBe(c.code);
      if (c.at) expect(k.position).toEqual(c.at);
    }
  });
});
