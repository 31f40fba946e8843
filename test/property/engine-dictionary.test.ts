// The dictionary fast paths (per-distinct evaluation in lift, whole expressions over shared codes, the per-query
// memo) must give exactly the answers of plain per-row evaluation. Same data, two storages, same query.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { makeTable } from '../../src/tables/table.js';
import { dictionaryVector, stringVector, vectorFromValues } from '../../src/tables/vector.js';

const hosts = ['bit.ly', 'rabbit.ly', 'ipfs.io', 'sub.ipfs.io.evil.com', 'contoso.com', 'Login.Contoso.com', 'a.web.app', ''];
const paths = ['', '/', '/ipfs/Qm1', '/login', '/a/b?x=1&y=2', '/Sign-In#frag'];
const url = fc
  .tuple(fc.constantFrom('https://', 'http://', 'ipfs://', ''), fc.constantFrom(...hosts), fc.constantFrom(...paths))
  .map(([s, h, p]) => `${s}${h}${p}`);

function tables(urls: readonly string[], n: readonly (bigint | null)[]) {
  const schema = [
    { name: 'Url', type: 'string' as const },
    { name: 'N', type: 'long' as const },
  ];
  const dict = [...new Set(urls)];
  const codes = Int32Array.from(urls.map((u) => dict.indexOf(u)));
  const nVec = vectorFromValues('long', n);
  return {
    plain: makeTable(schema, [stringVector(urls), nVec], urls.length),
    encoded: makeTable(schema, [dictionaryVector(dict, codes), nVec], urls.length),
  };
}

const queries = [
  `T | extend H = tostring(parse_url(Url).Host), P = tostring(parse_url(Url)["Path"])
     | where H has_any ("bit.ly", "ipfs.io", "web.app") or P has "/ipfs/" or Url has "ipfs://"
     | project Url, H, P, N`,
  `T | extend c = case(Url has "login", "cred", Url contains "ipfs", "ipfs", "other"), l = strlen(Url)
     | summarize n = count(), s = sum(N) by c, l`,
  `T | where tolower(Url) startswith "https" and N > 3 | extend q = parse_url(Url)["Query Parameters"] | project Url, q`,
  `T | extend k = iff(Url has "contoso", N, long(null)) | where isnotnull(k) or Url == "" | project Url, k`,
];

describe('dictionary-encoded columns give the answers of plain columns', () => {
  it.each(queries.map((q, i) => [i, q] as const))('query %i', (_i, q) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(url, fc.option(fc.bigInt(-5n, 10n), { nil: null })), { minLength: 0, maxLength: 60 }), (rows) => {
        // Repeat the rows so the per-distinct paths engage (they need fewer distinct values than half the rows).
        const all = [...rows, ...rows, ...rows];
        const { plain, encoded } = tables(all.map((r) => r[0]), all.map((r) => r[1]));
        const run = (t: typeof plain) => {
          const db = new Database();
          db.addTable('T', t);
          return db.query(q).toJSON();
        };
        const a = run(plain);
        const b = run(encoded);
        const canon = (j: { rows: unknown[][] }) =>
          j.rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))).sort();
        expect(b.columns).toEqual(a.columns);
        expect(canon(b)).toEqual(canon(a));
      }),
      { seed: 7, numRuns: 150 },
    );
  });
});
