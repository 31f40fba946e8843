// hll, hll_if, hll_merge, tdigest, tdigest_merge / merge_tdigest (hll-, hll-if-, hll-merge-, tdigest-,
// tdigest-merge-aggregation-function.md): the intermediate results of dcount and percentiles, as dynamic values
// that dcount_hll, percentile_tdigest and the other scalar functions read (scalar/sketches.ts). kqlite's sketches
// are exact and its own encoding (functions/sketches.ts) [U].

import type { Dynamic, ScalarValue } from '../../../values/types.js';
import { valueKey } from '../../kernels/value-key.js';
import { decodeHll, decodeTDigest, encodeHll, mergeHlls, TDIGEST_TYPES, TDigestBuilder } from '../sketches.js';
import type { AggregateFunctionDef, ResolveContext } from '../types.js';
import { refuse } from '../types.js';
import { impl, suffixName } from './helpers.js';

/** The documented accuracy levels of hll() and dcount() (0 fastest ... 4 slowest; default 1). */
function accuracyArg(argTypes: readonly string[], ctx: ResolveContext, i: number) {
  if (argTypes.length <= i) return 1;
  const c = ctx.constant(i);
  if (!c || (argTypes[i] !== 'int' && argTypes[i] !== 'long')) return refuse('bind-expected-constant', { what: 'the accuracy (an integer 0 to 4)' }, i);
  const a = Number(c.value);
  if (!(a >= 0 && a <= 4)) return { arg: i, expected: 'an accuracy from 0 to 4', got: String(c.value) };
  return a;
}

function hllDef(name: 'hll' | 'hll_if'): AggregateFunctionDef {
  const withP = name === 'hll_if';
  const at = withP ? 2 : 1;
  return {
    kind: 'aggregate',
    name,
    signature: `${name}(any${withP ? ', predicate: bool' : ''} [, accuracy: int]) → dynamic`,
    minArgs: at,
    maxArgs: at + 1,
    columnName: suffixName(name),
    docs: `${name.replace('_', '-')}-aggregation-function`,
    doc: `The intermediate result of dcount${withP ? ' over rows where the predicate is true' : ''}, for dcount_hll and hll_merge (kqlite's exact encoding).`,
    example: `range x from 1 to 10 step 1 | summarize ${name}(x${withP ? ', x > 5' : ''})`,
    resolve: (argTypes, ctx) => {
      if (withP && argTypes[1] !== 'bool') return { arg: 1, expected: 'a bool predicate', got: argTypes[1]! };
      const accuracy = accuracyArg(argTypes, ctx, at);
      if (typeof accuracy !== 'number') return accuracy;
      return {
        returnType: 'dynamic',
        impl: impl(
          () => new Set<string>(),
          (s: Set<string>, [v, p]) => {
            if (v !== null && v !== undefined && (!withP || p === true)) s.add(String(valueKey(v as ScalarValue)));
            return s;
          },
          (s: Set<string>) => encodeHll(accuracy, s),
        ),
      };
    },
  };
}

const hllMergeDef: AggregateFunctionDef = {
  kind: 'aggregate',
  name: 'hll_merge',
  signature: 'hll_merge(hll: dynamic) → dynamic',
  minArgs: 1,
  maxArgs: 1,
  columnName: suffixName('hll_merge'),
  docs: 'hll-merge-aggregation-function',
  doc: 'Merges the hll values of the group into one (nulls skipped; accuracies must agree).',
  example: 'range x from 1 to 10 step 1 | summarize h = hll(x) by x % 2 | summarize hll_merge(h)',
  resolve: ([t]) =>
    t !== 'dynamic'
      ? { arg: 0, expected: 'an hll (dynamic)', got: t! }
      : {
          returnType: 'dynamic',
          impl: impl(
            () => ({ accuracy: undefined as number | undefined, keys: new Set<string>() }),
            (s: { accuracy: number | undefined; keys: Set<string> }, [v]) => {
              const h = decodeHll(v as Dynamic);
              if (h) mergeHlls(s, h);
              return s;
            },
            // A group of nulls merges to nothing: null [U].
            (s: { accuracy: number | undefined; keys: Set<string> }) => (s.accuracy === undefined ? null : encodeHll(s.accuracy, s.keys)),
          ),
        },
};

const tdigestDef: AggregateFunctionDef = {
  kind: 'aggregate',
  name: 'tdigest',
  signature: 'tdigest(number, datetime or timespan [, weight: long]) → dynamic',
  minArgs: 1,
  maxArgs: 2,
  columnName: suffixName('tdigest'),
  docs: 'tdigest-aggregation-function',
  doc: 'The intermediate result of percentiles, for percentile_tdigest and tdigest_merge (kqlite\'s exact encoding).',
  example: 'range x from 1 to 10 step 1 | summarize tdigest(x)',
  resolve: ([t, w]) => {
    if (!TDIGEST_TYPES.includes(t!)) return { arg: 0, expected: 'a number, datetime or timespan', got: t! };
    // Microsoft's analyser: "The expression value must be an integer".
    if (w !== undefined && w !== 'long' && w !== 'int') return { arg: 1, expected: 'an integer weight', got: w };
    return {
      returnType: 'dynamic',
      impl: impl(
        () => new TDigestBuilder(t),
        (s: TDigestBuilder, args) => {
          const v = args[0];
          if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return s;
          // A row whose weight is null or not positive counts for nothing [U], as in percentilew.
          const weight = args.length > 1 ? args[1] : 1;
          if (weight !== null && weight !== undefined && Number(weight) > 0) s.add(v as ScalarValue, Number(weight));
          return s;
        },
        (s: TDigestBuilder) => s.encode(),
      ),
    };
  },
};

const tdigestMergeDef: AggregateFunctionDef = {
  kind: 'aggregate',
  name: 'tdigest_merge',
  // "The tdigest_merge() and merge_tdigest() functions are equivalent" (tdigest-merge-aggregation-function.md).
  aliases: ['merge_tdigest'],
  signature: 'tdigest_merge(tdigest: dynamic) → dynamic',
  minArgs: 1,
  maxArgs: 1,
  // merge_tdigests_x (Microsoft's analyser, and the page's merge_tdigests_PreAggDamageProperty).
  columnName: suffixName('merge_tdigests'),
  docs: 'tdigest-merge-aggregation-function',
  doc: 'Merges the tdigest values of the group into one (nulls skipped; all of one type).',
  example: 'range x from 1 to 10 step 1 | summarize t = tdigest(x) by x % 2 | summarize tdigest_merge(t)',
  resolve: ([t]) =>
    t !== 'dynamic'
      ? { arg: 0, expected: 'a tdigest (dynamic)', got: t! }
      : {
          returnType: 'dynamic',
          impl: impl(
            () => new TDigestBuilder(),
            (s: TDigestBuilder, [v]) => {
              const d = decodeTDigest(v as Dynamic);
              if (d) s.merge(d);
              return s;
            },
            (s: TDigestBuilder) => s.encode(),
          ),
        },
};

export const sketchAggregates: readonly AggregateFunctionDef[] = [hllDef('hll'), hllDef('hll_if'), hllMergeDef, tdigestDef, tdigestMergeDef];
