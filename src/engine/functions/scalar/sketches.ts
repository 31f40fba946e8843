// Scalar functions over hll() and tdigest() results: dcount_hll, hll_merge, merge_tdigest / tdigest_merge,
// percentile_tdigest, percentiles_array_tdigest, rank_tdigest, percentrank_tdigest (dcount-hll-function.md,
// hll-merge-function.md, merge-tdigest-function.md, percentile-tdigest-function.md,
// percentile-array-tdigest-function.md, rank-tdigest-function.md, percentrank-tdigest-function.md). kqlite's sketches
// are exact (functions/sketches.ts), so these answers equal dcount and the nearest-rank percentiles over the original
// values; a value that is not a kqlite sketch fails the query with the function's message [U].

import type { Dynamic, ScalarType, ScalarValue } from '../../../values/types.js';
import { isDynamicArray } from '../../../values/types.js';
import { dynamicFromScalar } from '../../../values/dynamic.js';
import { compareValues } from '../../kernels/compare.js';
import { lift } from '../lift.js';
import { nearestRank } from '../aggregate/percentile.js';
import { simple } from '../simple.js';
import { decodeHll, decodeTDigest, encodeHll, mergeHlls, TDIGEST_TYPES, TDigestBuilder, type TDigest } from '../sketches.js';
import { refuse, type ScalarFunctionDef, type Value } from '../types.js';

const dcountHll = simple({
  name: 'dcount_hll',
  params: ['dynamic'],
  returns: 'long',
  row: (h) => BigInt(decodeHll(h as Dynamic)!.keys.size),
  resultName: { prefix: 'dcount_hll_' },
  doc: 'The distinct count an hll() / hll_merge() result holds (exact in kqlite: equals dcount).',
  docs: 'dcount-hll-function',
  example: 'range x from 1 to 10 step 1 | summarize h = hll(x) | project dcount_hll(h)',
});

const hllMerge = simple({
  name: 'hll_merge',
  params: ['dynamic', 'dynamic'],
  variadic: true,
  returns: 'dynamic',
  nulls: 'custom',
  // Null arguments are skipped; all null gives null [U].
  row: (...hs) => {
    const into = { accuracy: undefined as number | undefined, keys: new Set<string>() };
    for (const h of hs) {
      const d = decodeHll(h as Dynamic);
      if (d) mergeHlls(into, d);
    }
    return into.accuracy === undefined ? null : encodeHll(into.accuracy, into.keys);
  },
  resultName: { fixed: 'hll_merged_result' },
  doc: 'Merges 2 to 64 hll() results into one (accuracies must agree).',
  docs: 'hll-merge-function',
  example: 'range x from 1 to 10 step 1 | summarize a = hll(x), b = hll(x + 10) | project dcount_hll(hll_merge(a, b))',
});

const mergeTDigest = simple({
  name: 'merge_tdigest',
  // "The merge_tdigest() and tdigest_merge() functions are equivalent" (merge-tdigest-function.md).
  aliases: ['tdigest_merge'],
  params: ['dynamic', 'dynamic'],
  variadic: true,
  returns: 'dynamic',
  nulls: 'custom',
  row: (...ts) => {
    const b = new TDigestBuilder();
    for (const t of ts) {
      const d = decodeTDigest(t as Dynamic);
      if (d) b.merge(d);
    }
    return b.encode();
  },
  resultName: { fixed: 'tdigests_merge_result' },
  doc: 'Merges tdigest() results into one (all of one type).',
  docs: 'merge-tdigest-function',
  example: 'range x from 1 to 10 step 1 | extend y = x + 10 | summarize tx = tdigest(x), ty = tdigest(y) | project percentile_tdigest(merge_tdigest(tx, ty), 100, typeof(long))',
});

/** The digest's values with their weights, as nearestRank takes them. */
const weighted = (d: TDigest) => d.values.map((v, i) => ({ v, w: d.weights[i]! }));

/** A percentage argument per row: a number from 0 to 100, else no answer (null) [U]. */
function percentage(p: Value | undefined): number | undefined {
  const x = typeof p === 'bigint' ? Number(p) : p;
  return typeof x === 'number' && x >= 0 && x <= 100 ? x : undefined;
}

const isNumeric = (t: ScalarType) => t === 'int' || t === 'long' || t === 'real';

/** A digest value in the type typeof() asked for: the digest's own type, or another number type. */
function asType(v: ScalarValue, from: ScalarType, to: ScalarType, fn: string): Value {
  if (from === to) return v;
  if (isNumeric(from) && isNumeric(to)) {
    if (to === 'real') return Number(v);
    if (to === 'long') return BigInt(v as number | bigint);
    const n = Number(v);
    return n >= -2147483648 && n <= 2147483647 ? Math.trunc(n) : null;
  }
  throw new Error(`the tdigest holds ${from} values, not ${to} (${fn}(..., typeof(${to})))`);
}

const percentileTDigest: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'percentile_tdigest',
  signature: 'percentile_tdigest(tdigest: dynamic, percentage: real [, typeof(T)]) → dynamic or T',
  minArgs: 2,
  maxArgs: 3,
  nulls: 'custom',
  deterministic: true,
  resultName: { prefix: 'percentile_tdigest_' },
  doc: 'The nearest-rank percentile a tdigest() result holds; dynamic, or of the type given with typeof().',
  docs: 'percentile-tdigest-function',
  example: 'range x from 1 to 10 step 1 | summarize t = tdigest(x) | project percentile_tdigest(t, 50)',
  resolve(argTypes, ctx) {
    if (argTypes[0] !== 'dynamic') return { arg: 0, expected: 'a tdigest (dynamic)', got: argTypes[0]! };
    if (!isNumeric(argTypes[1]!)) return { arg: 1, expected: 'a percentage', got: argTypes[1]! };
    let to: ScalarType | undefined;
    if (argTypes.length > 2) {
      const c = ctx.constant(2);
      if (!c || typeof c.value !== 'string') return refuse('bind-expected-constant', { what: 'the type of percentile_tdigest() (typeof(T))' }, 2);
      to = c.value as ScalarType;
      if (!TDIGEST_TYPES.includes(to)) return refuse('bind-not-supported', { name: `percentile_tdigest(..., typeof(${to}))` }, 2);
    }
    const returnType: ScalarType = to ?? 'dynamic';
    const row = (h: Value, p: Value): Value => {
      const d = decodeTDigest(h as Dynamic);
      const pct = percentage(p);
      if (!d || pct === undefined) return null;
      const v = nearestRank(weighted(d), pct);
      if (v === null) return null;
      return to ? asType(v, d.type, to, 'percentile_tdigest') : dynamicFromScalar(v, d.type);
    };
    return { returnType, invoke: lift(returnType, row, 'custom'), argTypes: [undefined, 'real', undefined] };
  },
};

const percentilesArrayTDigest = simple({
  name: 'percentiles_array_tdigest',
  params: ['dynamic', 'any'],
  variadic: true,
  returns: 'dynamic',
  nulls: 'custom',
  resultName: { prefix: 'percentile_tdigest_' },
  row: (h, ...ps) => {
    const d = decodeTDigest(h as Dynamic);
    if (!d) return null;
    // Percentages as arguments, or one dynamic array of them.
    const list = ps.length === 1 && isDynamicArray(ps[0] as Dynamic) ? (ps[0] as readonly Dynamic[]) : ps;
    const items = weighted(d);
    return Object.freeze(
      list.map((p) => {
        const pct = percentage(p as Value);
        const v = pct === undefined ? null : nearestRank(items, pct);
        return v === null ? null : dynamicFromScalar(v, d.type);
      }),
    );
  },
  doc: 'The nearest-rank percentiles a tdigest() result holds, as a dynamic array.',
  docs: 'percentile-array-tdigest-function',
  example: 'range x from 1 to 10 step 1 | summarize t = tdigest(x) | project percentiles_array_tdigest(t, 5, 50, 95)',
});

/** The total weight of the digest's values at most v: the rank of v. */
function rankIn(d: TDigest, v: ScalarValue, vType: ScalarType): number {
  const compatible = d.type === vType || (isNumeric(d.type) && isNumeric(vType));
  if (!compatible) throw new Error(`the tdigest holds ${d.type} values, not ${vType}`);
  let rank = 0;
  d.values.forEach((x, i) => {
    if ((compareValues(x, v) ?? 1) <= 0) rank += d.weights[i]!;
  });
  return rank;
}

function rankDef(name: 'rank_tdigest' | 'percentrank_tdigest'): ScalarFunctionDef {
  const percent = name === 'percentrank_tdigest';
  return {
    kind: 'scalar',
    name,
    signature: `${name}(tdigest: dynamic, value) → real`,
    minArgs: 2,
    maxArgs: 2,
    nulls: 'custom',
    deterministic: true,
    doc: percent
      ? 'The percentage of the tdigest\'s values that are at most the value.'
      : 'The rank of the value in a tdigest: how many of its values are at most the value.',
    docs: `${name.replace('_', '-')}-function`,
    example: `range x from 1 to 1000 step 1 | summarize t = tdigest(x) | project ${name}(t, 685)`,
    resolve(argTypes) {
      if (argTypes[0] !== 'dynamic') return { arg: 0, expected: 'a tdigest (dynamic)', got: argTypes[0]! };
      const vType = argTypes[1]!;
      if (!TDIGEST_TYPES.includes(vType)) return { arg: 1, expected: 'a number, datetime or timespan', got: vType };
      const row = (h: Value, v: Value): Value => {
        const d = decodeTDigest(h as Dynamic);
        if (!d || v === null || (typeof v === 'number' && Number.isNaN(v))) return null;
        const rank = rankIn(d, v as ScalarValue, vType);
        if (!percent) return rank;
        const total = d.weights.reduce((a, b) => a + b, 0);
        return total === 0 ? null : (rank * 100) / total;
      };
      return { returnType: 'real', invoke: lift('real', row, 'custom') };
    },
  };
}

export const sketchFunctions: readonly ScalarFunctionDef[] = [
  dcountHll,
  hllMerge,
  mergeTDigest,
  percentileTDigest,
  percentilesArrayTDigest,
  rankDef('rank_tdigest'),
  rankDef('percentrank_tdigest'),
];
