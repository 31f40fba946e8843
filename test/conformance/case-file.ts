// Case files in the style of sqllogictest, shared by test/conformance/*.kql and test/functions/**/*.kql.
// A block starts with a directive line:
//   query [ordered|unordered] [now=ISO]      then KQL lines, a `----` line, a header `Name:type, ...`, and one
//                                            JSON array per expected row (Kusto JSON conventions), up to a blank line;
//   error <code> [at L:C] [now=ISO]          then KQL lines up to a blank line: the query must fail with that code
//                                            (and position, 1-based, relative to the KQL text).
// Lines starting with `#` between blocks are comments (doc links, reasoning).
//
// Expected rows are read losslessly: integers keep every digit, so a long 9223372036854775807 never equals
// ...806 (JSON.parse would round both to the same double). Comparison is on a canonical text of each row.

import { expect } from 'vitest';
import { Database } from '../../src/database.js';
import { KqlError } from '../../src/diagnostics.js';

export interface QueryCase {
  readonly kind: 'query';
  readonly line: number;
  readonly ordered: boolean;
  readonly now?: string;
  readonly kql: string;
  readonly columns: { name: string; type: string }[];
  /** Canonical text of each expected row (see canonicalRow). */
  readonly rows: string[];
}
export interface ErrorCase {
  readonly kind: 'error';
  readonly line: number;
  readonly now?: string;
  readonly kql: string;
  readonly code: string;
  readonly at?: { line: number; column: number };
}
export type Case = QueryCase | ErrorCase;

// ---------------------------------------------------------------------------------------------------------------
// Lossless JSON: numbers stay as their source text until canonicalised.

class JsonNumber {
  constructor(readonly text: string) {}
}

function parseLosslessJson(text: string): unknown {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${i} of ${text}`);
  };
  const value = (): unknown => {
    ws();
    const c = text[i];
    if (c === '[') {
      i++;
      const out: unknown[] = [];
      ws();
      if (text[i] === ']') return i++, out;
      for (;;) {
        out.push(value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return i++, out;
        else fail('expected , or ]');
      }
    }
    if (c === '{') {
      i++;
      const out: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') return i++, out;
      for (;;) {
        ws();
        const k = value();
        if (typeof k !== 'string') fail('expected a key');
        ws();
        if (text[i++] !== ':') fail('expected :');
        out[k as string] = value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return i++, out;
        else fail('expected , or }');
      }
    }
    if (c === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(i)) ?? fail('unterminated string');
      i += m[0].length;
      return JSON.parse(m[0]) as string;
    }
    const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i)) ?? fail('unexpected text');
    i += m[0].length;
    return m[0] === 'true' ? true : m[0] === 'false' ? false : m[0] === 'null' ? null : new JsonNumber(m[0]);
  };
  const v = value();
  ws();
  if (i !== text.length) fail('trailing text');
  return v;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** One number's canonical text: integers exactly (any size), other numbers as their double. */
function canonicalNumber(x: number | bigint | JsonNumber): string {
  if (x instanceof JsonNumber) {
    if (/^-?\d+$/.test(x.text)) return `#${BigInt(x.text)}`;
    return canonicalNumber(Number(x.text));
  }
  if (typeof x === 'bigint') return `#${x}`;
  if (Number.isInteger(x) && Math.abs(x) <= Number(MAX_SAFE)) return `#${BigInt(x)}`;
  return `#${String(x)}`;
}

/**
 * Canonical text of a row: numbers by canonicalNumber, bags with sorted keys (Kusto does not preserve bag key order,
 * scalar-data-types/dynamic.md).
 */
export function canonicalRow(row: unknown): string {
  const walk = (v: unknown): unknown => {
    if (v instanceof JsonNumber || typeof v === 'number' || typeof v === 'bigint') return canonicalNumber(v as number);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, walk((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return JSON.stringify(walk(row));
}

// ---------------------------------------------------------------------------------------------------------------

export function parseCaseFile(text: string, file: string): Case[] {
  const lines = text.split(/\r?\n/);
  const cases: Case[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${file}:${i + 1}: ${msg}`);
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '' || line.startsWith('#')) {
      i++;
      continue;
    }
    const start = i + 1;
    const words = line.trim().split(/\s+/);
    const now = words.find((w) => w.startsWith('now='))?.slice(4);
    if (words[0] === 'query') {
      const ordered = words.includes('ordered');
      i++;
      const kql: string[] = [];
      while (i < lines.length && lines[i] !== '----') kql.push(lines[i++]!);
      if (i >= lines.length) fail('query block without ----');
      i++;
      const header = lines[i++] ?? fail('missing header');
      const columns = header.split(',').map((c) => {
        const [name, type] = c.trim().split(':');
        if (!name || !type) fail(`bad header cell '${c}'`);
        return { name: name!, type: type! };
      });
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '') {
        let row: unknown;
        try {
          row = parseLosslessJson(lines[i]!.trim());
        } catch {
          fail(`row is not a JSON array: ${lines[i]}`);
        }
        if (!Array.isArray(row)) fail(`row is not a JSON array: ${lines[i]}`);
        rows.push(canonicalRow(row));
        i++;
      }
      cases.push({ kind: 'query', line: start, ordered, now, kql: kql.join('\n'), columns, rows });
    } else if (words[0] === 'error') {
      const code = words[1] ?? fail('error needs a code');
      const atWord = words.indexOf('at');
      let at: { line: number; column: number } | undefined;
      if (atWord > 0) {
        const [l, c] = (words[atWord + 1] ?? '').split(':').map(Number);
        if (!l || !c) fail('bad position');
        at = { line: l!, column: c! };
      }
      i++;
      const kql: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '') kql.push(lines[i++]!);
      cases.push({ kind: 'error', line: start, now, kql: kql.join('\n'), code, at });
    } else {
      fail(`expected 'query' or 'error', got '${line}'`);
    }
  }
  return cases;
}

export const DEFAULT_NOW = '2026-11-20T12:00:00Z';

/** Runs one case against a fresh database and asserts its outcome. */
export function runCase(c: Case): void {
  const db = new Database();
  if (c.kind === 'query') {
    const result = db.query(c.kql, { now: c.now ?? DEFAULT_NOW });
    expect(result.columns).toEqual(c.columns);
    const actual = result.toJSON().rows.map(canonicalRow);
    if (c.ordered) expect(actual).toEqual(c.rows);
    else expect([...actual].sort()).toEqual([...c.rows].sort());
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
}
