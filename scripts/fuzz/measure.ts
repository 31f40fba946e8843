// One-off measurements for issue #19's figures (not a test, not a benchmark): parse time of unclosed brackets at
// growing lengths (linear?), and a catastrophic regex against a benign one over 1M rows.
//   npx tsx scripts/fuzz/measure.ts
import { Database } from '../../src/database.js';
import { parse } from '../../src/parser/index.js';

function time<T>(f: () => T): [number, T] {
  const t = performance.now();
  const r = f();
  return [performance.now() - t, r];
}

console.log('parse of unclosed brackets (ms; each form at 200 / 2,000 / 20,000 / 200,000 characters):');
for (const open of ['(', '[', '{', 'f(', 'x[', 'print (']) {
  const cells = [200, 2_000, 20_000, 200_000].map((n) => {
    const text = open.repeat(Math.ceil(n / open.length)).slice(0, n);
    parse(text); // warm-up
    const [ms, r] = time(() => parse(text));
    return `${ms.toFixed(1)} (${r.diagnostics.map((d) => d.code).join(',')})`;
  });
  console.log(`  ${JSON.stringify(open).padEnd(10)} ${cells.join('  ')}`);
}

const db = new Database();
const rows = 1_000_000;
const data = `range i from 1 to ${rows} step 1 | extend s = strcat(strrep("a", 28), iff(i % 2 == 0, "!", "b"))`;
console.log(`\nregex over ${rows.toLocaleString('en-US')} rows of 29 characters (28 a's then ! or b), ms:`);
for (const [name, re] of [
  ['benign a+b', 'a+b'],
  ['benign ^a+!$', '^a+!$'],
  ['catastrophic (a+)+$', '(a+)+$'],
  ['catastrophic (a|aa)+!?b$', '(a|aa)+!?b$'],
  ['catastrophic (a*)*c', '(a*)*c'],
]) {
  const q = `${data} | where s matches regex ${JSON.stringify(re)} | count`;
  const [ms, r] = time(() => db.query(q, { limits: { maxMemoryBytes: Infinity } }).toJSON().rows);
  console.log(`  ${name.padEnd(28)} ${ms.toFixed(0).padStart(7)}  count=${String(r[0]![0])}`);
}
