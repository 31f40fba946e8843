// percentile (percentiles-aggregation-function.md).

import type { ScalarValue } from '../../../values/types.js';
import { compareValues } from '../../kernels/compare.js';
import type { AggregateFunctionDef } from '../types.js';
import { impl, isNum } from './helpers.js';

/**
 * percentile(x, p): nearest-rank percentile (percentiles-aggregation-function.md). Kusto estimates it with a
 * sketch whose answer is the exact nearest-rank value on small inputs; kqlite computes it exactly [U].
 */
const percentileDef: AggregateFunctionDef = {
  kind: 'aggregate',
  name: 'percentile',
  signature: 'percentile(number, datetime or timespan, percentage: real) → the argument\'s type',
  minArgs: 2,
  maxArgs: 2,
  docs: 'percentiles-aggregation-function',
  columnName: (names) => `percentile_${names[0] ?? ''}_${(names[1] ?? '').replace('.', '_')}`,
  doc: 'The nearest-rank percentile p (0-100) of the values.',
  example: 'range x from 1 to 10 step 1 | summarize percentile(x, 50)',
  resolve: ([t, pt], ctx) => {
    if (!isNum(t) && t !== 'datetime' && t !== 'timespan') return 'a number, datetime or timespan';
    const p = ctx.constant(1);
    if (!isNum(pt) || !p || p.value === null) return 'a constant percentage as second argument';
    const pct = Number(p.value);
    if (!(pct >= 0 && pct <= 100)) return 'a percentage between 0 and 100';
    return {
      returnType: t!,
      impl: impl(
        () => [] as ScalarValue[],
        (s: ScalarValue[], [v]) => {
          if (v !== null && !(typeof v === 'number' && Number.isNaN(v))) s.push(v as ScalarValue);
          return s;
        },
        (s: ScalarValue[]) => {
          if (s.length === 0) return null;
          s.sort((a, b) => compareValues(a, b) ?? 0);
          const rank = Math.max(1, Math.ceil((pct / 100) * s.length));
          return s[rank - 1]!;
        },
      ),
    };
  },
};

export const percentileAggregates: readonly AggregateFunctionDef[] = [percentileDef];
