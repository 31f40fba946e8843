// Near-valid queries from real ones: the seeds are every query of the conformance and function case files, the
// corpus of valid queries, the seed rules and every function definition's example; a mutation edits tokens —
// deletes, duplicates, swaps, inserts KQL punctuation and keywords, truncates, and (most useful for the engine)
// replaces a literal by an edge value of any type, so documented examples run on NaN, 2^63-1, "", 0 and null.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import fc from 'fast-check';
import { allFunctions } from '../../src/engine/functions/registry.js';

const ROOT = new URL('../../', import.meta.url);

function filesUnder(dir: URL, ext: string): URL[] {
  const out: URL[] = [];
  for (const name of readdirSync(dir).sort()) {
    const url = new URL(name, dir);
    if (statSync(url).isDirectory()) out.push(...filesUnder(new URL(name + '/', dir), ext));
    else if (name.endsWith(ext)) out.push(url);
  }
  return out;
}

/** The KQL of each `query` / `error` block of a case file (test/conformance/case-file.ts's format). */
export function caseFileQueries(text: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^(query|error)\b/.test(lines[i]!)) continue;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== '' && !lines[i]!.startsWith('----'); i++) body.push(lines[i]!);
    if (body.length) out.push(body.join('\n'));
  }
  return out;
}

let seedCache: string[] | undefined;
/** Every seed query, in a fixed order. */
export function seedQueries(): string[] {
  if (seedCache) return seedCache;
  const seeds: string[] = [];
  for (const dir of ['test/conformance/', 'test/functions/']) {
    for (const f of filesUnder(new URL(dir, ROOT), '.kql')) seeds.push(...caseFileQueries(readFileSync(f, 'utf8')));
  }
  for (const dir of ['test/corpus/valid/', 'examples/rules/']) {
    for (const f of filesUnder(new URL(dir, ROOT), '.kql')) seeds.push(readFileSync(f, 'utf8'));
  }
  for (const { def } of allFunctions()) if (def.example) seeds.push(def.example);
  seedCache = seeds;
  return seeds;
}

const TOKEN = /\s+|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[A-Za-z_][A-Za-z0-9_-]*|\d+(?:\.\d+)?(?:e[+-]?\d+)?[a-z]*|[=!<>]=|[=!]~|\.\.|./g;
const tokens = (text: string) => text.match(TOKEN) ?? [];
const INSERTS = ['(', ')', '[', ']', ',', ';', '|', '.', '=', '==', '*', '-', '"', 'where', 'by', 'on', 'let', 'and', 'in', '..', 'dynamic(', 'kind=', 'x', '1', '1d', 'to', 'step', 'T', 'null', 'mv-expand', 'summarize', 'count()', 'take 1'];
/** Literals of every type with the values that break code: edges, NaN, null, empty, huge. */
export const EDGE_VALUES = [
  '0', '-1', '1', '9223372036854775807', '-9223372036854775808', '2147483648', '1e308', '1e-308', '0.5', 'real(nan)', 'real(+inf)', 'real(-inf)',
  'long(null)', 'int(null)', 'real(null)', 'datetime(null)', 'timespan(null)', 'bool(null)', 'dynamic(null)', 'guid(null)',
  '""', '"x"', '"é🙂"', '"(a+)+$"', '"["', `"${'a'.repeat(1000)}"`, 'dynamic([])', 'dynamic({})', 'dynamic([1,[2,[3]]])', 'dynamic({"a":{"b":null}})',
  'datetime(0001-01-01)', 'datetime(9999-12-31 23:59:59.9999999)', 'now()', '0d', '-1tick', '10675199d', '1000000', '65536',
];

type Kind = 'delete' | 'duplicate' | 'swap' | 'insert' | 'truncate' | 'value';
export interface Mutation {
  readonly at: number;
  readonly kind: Kind;
  readonly pick: number;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  // Uniform over [0, 1): fc.double spreads over the representable doubles (mostly tiny ones), and both it and
  // fc.nat are biased towards 0 — the first token — without noBias.
  at: fc.noBias(fc.nat(999_999)).map((n) => n / 1_000_000),
  // Values most of the time: a structural edit usually stops at the parser, which its own fuzz test covers.
  kind: fc.oneof({ weight: 12, arbitrary: fc.constant<Kind>('value') }, { weight: 4, arbitrary: fc.constantFrom<Kind>('delete', 'duplicate', 'swap', 'insert') }, { weight: 1, arbitrary: fc.constant<Kind>('truncate') }),
  pick: fc.nat(1_000_000),
});

const isLiteral = (t: string) => /^(?:\d|"|')/.test(t) || t === 'true' || t === 'false';
/** Edge values of the literal's own kind keep most edits valid (a number inside dynamic([...]) stays a number). */
const NUMBER_EDGES = ['0', '1', '2', '3', '100', '65536', '1000000', '2147483648', '9223372036854775807', '1e308', '1e-308', '0.5', '1e15'];
const STRING_EDGES = ['""', '" "', '"x"', '"é🙂"', '"(a+)+$"', '"["', '"\\"', '"%"', `"${'a'.repeat(1000)}"`, '"1"', '"-1.5"', '"2026-11-20"', '"[1,2]"', '"{\\"a\\":1}"', '"null"'];
function edgeFor(token: string, pick: number): string {
  if (pick % 4 === 0) return EDGE_VALUES[(pick >> 2) % EDGE_VALUES.length]!; // any type: confusion is a test too
  const pool = /^\d/.test(token) ? NUMBER_EDGES : /^["']/.test(token) ? STRING_EDGES : EDGE_VALUES;
  return pool[(pick >> 2) % pool.length]!;
}

export function mutate(text: string, edits: readonly Mutation[]): string {
  const t = tokens(text);
  for (const e of edits) {
    if (t.length === 0) break;
    let i = Math.min(t.length - 1, Math.floor(e.at * t.length));
    if (e.kind === 'value') {
      // The nearest literal at or after i (else before): replaced by an edge value.
      const literals = t.map((x, j) => (isLiteral(x) ? j : -1)).filter((j) => j >= 0);
      if (literals.length === 0) continue;
      i = literals.find((j) => j >= i) ?? literals[literals.length - 1]!;
      t[i] = edgeFor(t[i]!, e.pick);
    } else if (e.kind === 'delete') t.splice(i, 1);
    else if (e.kind === 'duplicate') t.splice(i, 0, t[i]!);
    else if (e.kind === 'swap' && i + 1 < t.length) [t[i], t[i + 1]] = [t[i + 1]!, t[i]!];
    else if (e.kind === 'insert') t.splice(i, 0, INSERTS[e.pick % INSERTS.length]!, ' ');
    else if (e.kind === 'truncate') t.length = i;
  }
  return t.join('');
}

/** A mutated seed query. */
export const mutatedSeed: fc.Arbitrary<string> = fc
  .tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([i, edits]) => {
    const seeds = seedQueries();
    return mutate(seeds[i % seeds.length]!, edits);
  });

/** The smallest text (by removing tokens one at a time, then whole lines) for which `fails` still holds. */
export function minimize(text: string, fails: (t: string) => boolean, budget = 2_000): string {
  let best = text;
  let tries = 0;
  let progress = true;
  while (progress && tries < budget) {
    progress = false;
    const t = tokens(best);
    // Larger chunks first (halves, quarters…), then single tokens.
    for (let size = Math.max(1, t.length >> 1); size >= 1 && tries < budget; size = size === 1 ? 0 : Math.max(1, size >> 1)) {
      for (let i = 0; i + size <= t.length && tries < budget; ) {
        const candidate = [...t.slice(0, i), ...t.slice(i + size)].join('');
        tries++;
        if (candidate !== best && fails(candidate)) {
          best = candidate;
          t.splice(i, size);
          progress = true;
        } else i += size;
      }
    }
  }
  return best;
}
