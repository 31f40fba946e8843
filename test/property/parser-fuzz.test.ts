// Parser fuzzing (issue #19). Generated queries — valid ones printed from random ASTs, near-valid ones made by
// mutating them and the corpus — must never make parse() throw, every diagnostic must be a syntax code positioned
// inside the text, and every accepted query must survive print → parse unchanged.
//
// `npm test` runs a short fixed-seed run. The long run:
//   KQLITE_FUZZ_RUNS=1000000 npx vitest run test/property/parser-fuzz     (KQLITE_FUZZ_SEED=n to pick the seed)
// Every failure found is kept as a minimal reproducer in test/parser/fuzz-reproducers.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { parse, print } from '../../src/parser/index.js';
import type { Script } from '../../src/parser/index.js';
import { stripSpans } from '../parser/helpers.js';
import { scripts } from './parser-arbitraries.js';

const runs = Number(process.env.KQLITE_FUZZ_RUNS ?? 0);
const seed = Number(process.env.KQLITE_FUZZ_SEED ?? 20261204);
/** Long runs get most of the budget; a short run per property keeps `npm test` to a few seconds. */
const numRuns = (short: number) => (runs > 0 ? runs : short);
const timeout = runs > 0 ? 0 : 60_000;

const SYNTAX_CODES = new Set([
  'syntax-unexpected-char',
  'syntax-unterminated-string',
  'syntax-unexpected-token',
  'syntax-bad-literal',
  'syntax-too-deep',
  'syntax-too-many-errors',
]);

/** The properties every parse must have; throws (failing the property) otherwise. */
export function checkParse(text: string): { ast: Script; accepted: boolean } {
  const { ast, diagnostics } = parse(text);
  for (const d of diagnostics) {
    if (!SYNTAX_CODES.has(d.code)) throw new Error(`unexpected diagnostic ${d.code}: ${d.message}`);
    if (!(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length)) {
      throw new Error(`diagnostic outside the text (${text.length} chars): ${JSON.stringify(d.span)} ${d.message}`);
    }
  }
  const accepted = !diagnostics.some((d) => d.severity === 'error');
  if (accepted) {
    const printed = print(ast);
    const again = parse(printed);
    expect(again.diagnostics, `printed: ${printed}`).toEqual([]);
    expect(stripSpans(again.ast), `printed: ${printed}`).toEqual(stripSpans(ast));
  }
  return { ast, accepted };
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations: token-level edits that produce near-valid KQL.

const TOKEN = /\s+|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[A-Za-z_][A-Za-z0-9_-]*|\d+(?:\.\d+)?[a-z]*|[=!<>]=|[=!]~|\.\.|./g;
const tokens = (text: string) => text.match(TOKEN) ?? [];
const INSERTS = ['(', ')', '[', ']', '{', '}', ',', ';', '|', '.', ':', '=', '==', '*', '-', '"', "'", '`', '@', '$left', 'where', 'by', 'on', 'let', 'and', 'in', '..', 'dynamic(', 'typeof(', 'kind=', 'hint.strategy=', 'x', '1', '1d', 'with', 'to', 'step'];

type Mutation = { at: number; kind: 'delete' | 'duplicate' | 'swap' | 'insert' | 'truncate'; insert: string };
const mutation = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('delete', 'duplicate', 'swap', 'insert', 'truncate'),
  insert: fc.constantFrom(...INSERTS),
});

function mutate(text: string, edits: readonly { at: number; kind: Mutation['kind']; insert: string }[]): string {
  const t = tokens(text);
  for (const e of edits) {
    const i = Math.min(t.length - 1, Math.floor(e.at * t.length));
    if (i < 0) break;
    if (e.kind === 'delete') t.splice(i, 1);
    else if (e.kind === 'duplicate') t.splice(i, 0, t[i]!);
    else if (e.kind === 'swap' && i + 1 < t.length) [t[i], t[i + 1]] = [t[i + 1]!, t[i]!];
    else if (e.kind === 'insert') t.splice(i, 0, e.insert, ' ');
    else if (e.kind === 'truncate') t.length = i;
  }
  return t.join('');
}

function readCorpus(): string[] {
  const out: string[] = [];
  const root = new URL('../', import.meta.url);
  for (const dir of ['corpus/valid/', 'corpus/invalid/', '../examples/rules/']) {
    const url = new URL(dir, root);
    for (const f of readdirSync(url)) if (f.endsWith('.kql')) out.push(readFileSync(new URL(f, url), 'utf8'));
  }
  return out;
}
const corpus = readCorpus();

describe('parser fuzz', () => {
  const script = scripts();

  it('generated valid queries are accepted and survive print → parse', () => {
    fc.assert(
      fc.property(script, (ast) => {
        const text = print(ast);
        const r = checkParse(text);
        expect(r.accepted, text).toBe(true);
        expect(stripSpans(r.ast), text).toEqual(stripSpans(ast));
      }),
      { seed, numRuns: numRuns(300) },
    );
  }, timeout);

  it('mutated generated queries parse safely', () => {
    fc.assert(
      fc.property(script, fc.array(mutation, { minLength: 1, maxLength: 4 }), (ast, edits) => {
        checkParse(mutate(print(ast), edits));
      }),
      { seed: seed + 1, numRuns: numRuns(300) },
    );
  }, timeout);

  it('mutated corpus queries parse safely', () => {
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.array(mutation, { minLength: 1, maxLength: 6 }), (i, edits) => {
        checkParse(mutate(corpus[i]!, edits));
      }),
      { seed: seed + 2, numRuns: numRuns(300) },
    );
  }, timeout);

  it('every corpus query parses safely as it is', () => {
    for (const text of corpus) checkParse(text);
  });
});
