// Engine fuzz, short run (issue #19): generated queries (typed ASTs over the fuzz fixture, printed with print()) and
// mutated seed queries (case files, corpus, rules, function examples) must each give an answer or a KqlError —
// never another exception, never a run past the time limit, never a position outside the text (oracle.ts).
// fast-check shrinks a failure to a minimal query. A fixed seed keeps `npm test` deterministic and to seconds; the
// long run is `npm run fuzz` (test/fuzz/runner.ts), whose failures land in test/fuzz/reproducers/.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzDatabase } from './fixture.js';
import { mutatedSeed } from './mutate.js';
import { runQuery } from './oracle.js';
import { queryText } from './query-arbitraries.js';

const seed = Number(process.env.KQLITE_FUZZ_SEED ?? 20261204);
const runs = Number(process.env.KQLITE_FUZZ_RUNS ?? 0);
const db = fuzzDatabase();

function noFailure(text: string): void {
  const o = runQuery(db, text);
  expect(o.failure, o.failure ? `${o.failure.signature}\n${o.failure.detail}` : '').toBeUndefined();
}

describe('engine fuzz (short run)', () => {
  it('generated queries answer or fail with a KqlError', () => {
    fc.assert(fc.property(queryText, noFailure), { seed, numRuns: runs || 150 });
  }, 120_000);

  it('mutated seed queries answer or fail with a KqlError', () => {
    fc.assert(fc.property(mutatedSeed, noFailure), { seed: seed + 1, numRuns: runs || 250 });
  }, 120_000);

  it('most generated queries bind and run (the generator tracks types and columns)', () => {
    const results = fc.sample(queryText, { seed: seed + 2, numRuns: 40 }).map((q) => runQuery(db, q).result);
    expect(results.filter((r) => r === 'answer').length).toBeGreaterThan(results.length * 0.4);
  }, 120_000);
});
