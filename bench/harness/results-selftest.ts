// Self-test of the equality check (not part of npm test; < 1 s): `npx tsx bench/harness/results-selftest.ts`.
// A benchmark whose check cannot fail proves nothing, so each rule of assertSameResult is exercised both ways.
// The end-to-end smoke test is `npm run bench -- --rows 1k --runs 1 --warmup 0` (every case, every engine).

import { assertSameResult, toValue, type Canonical, type Check } from './results.js';

let failures = 0;
function expect(name: string, check: Check, a: Canonical, b: Canonical, equal: boolean): void {
  let threw: string | undefined;
  try {
    assertSameResult(check, { engine: 'a', result: a }, { engine: 'b', result: b });
  } catch (err) {
    threw = (err as Error).message;
  }
  const ok = equal ? threw === undefined : threw !== undefined;
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${threw ? ` — ${threw.slice(0, 100)}` : ''}`);
}
const t = (names: string[], rows: unknown[][]): Canonical => ({ names, rows: rows.map((r) => r.map(toValue)) });

expect('same rows in another order (order any)', {}, t(['k', 'n'], [['x', 1], ['y', 2]]), t(['k', 'n'], [['y', 2], ['x', 1]]), true);
expect('a count differs by one', {}, t(['Count'], [[26856]]), t(['Count'], [[26857]]), false);
expect('a missing row', {}, t(['k'], [['x'], ['y']]), t(['k'], [['x']]), false);
expect('a duplicated row instead of another', {}, t(['k'], [['x'], ['y']]), t(['k'], [['x'], ['x']]), false);
expect('bigint and number alike', {}, t(['n'], [[10n]]), t(['n'], [[10]]), true);
expect('Date and Unix ms alike', {}, t(['t'], [[new Date(1000)]]), t(['t'], [[1000]]), true);
expect('reals within 1e-9', {}, t(['x'], [[0.1 + 0.2]]), t(['x'], [[0.3]]), true);
expect('reals 1e-6 apart', {}, t(['x'], [[1.000001]]), t(['x'], [[1]]), false);
expect('tolerance widened', { tolerance: 0.02 }, t(['x'], [[101]]), t(['x'], [[100.5]]), true);
expect('"" is not null', {}, t(['s'], [['']]), t(['s'], [[null]]), false);
expect('arrays element by element', {}, t(['a'], [[[1, 2, 3]]]), t(['a'], [[[1, 2, 4]]]), false);
expect('as-is order is checked', { order: 'as-is' }, t(['k'], [['x'], ['y']]), t(['k'], [['y'], ['x']]), false);
expect('sortedBy accepts ties in any order', { order: { sortedBy: [['n', 'desc']] } }, t(['k', 'n'], [['x', 2], ['y', 2], ['z', 1]]), t(['k', 'n'], [['y', 2], ['x', 2], ['z', 1]]), true);
expect('sortedBy rejects an unsorted engine', { order: { sortedBy: [['n', 'desc']] } }, t(['k', 'n'], [['x', 2], ['z', 1]]), t(['k', 'n'], [['z', 1], ['x', 2]]), false);
expect('columns compared by name', { columns: ['n'] }, t(['k', 'n'], [['x', 1]]), t(['n', 'other'], [[1, 'q']]), true);
expect('a named column missing', { columns: ['n'] }, t(['n'], [[1]]), t(['m'], [[1]]), false);
console.log(failures === 0 ? '16 passed, 0 failed' : `${16 - failures} passed, ${failures} failed`);
process.exitCode = failures === 0 ? 0 : 1;
