// variance, varianceif, variancep, variancepif, stdev, stdevif, stdevp, covariance, covarianceif, covariancep,
// covariancepif (variance-, variancep-, stdev-, stdevp-, covariance-aggregation-function.md and their -if pages).
//
// Sample statistics divide by n - 1 (Bessel's correction), population ones by n. What the real engine does beyond
// the pages (recorded answers):
// - a variance is rounded to 10 decimal places: variance over 1..10 is 9.1666666667 (not 9.166666666666666),
//   variancep over 1..6 is 2.9166666667;
// - a standard deviation is the square root of that rounded variance: stdev over 1, 2, 3, 4 is
//   1.2909944487487155 = sqrt(1.6666666667), not sqrt(5/3) = 1.2909944487358056;
// - fewer than two values (one, none, all null) give 0, not NaN or null: stdev/variance of 5 alone are 0, of an
//   empty group 0, of a group of nulls 0;
// - NaN or infinities among the values give NaN.
// Covariances are not rounded: the covariancepif page shows 2077.09090909091, an 11th decimal a rounded value would
// not have; they give 0 below two pairs by analogy with variance (no recorded answer) [U]. The moments
// are accumulated in one pass with Welford's updates (stable for large magnitudes such as ticks); Kusto's exact
// summation is undocumented [U: the last digits may differ, mostly hidden by the rounding].

import type { AggregateFunctionDef, AggregateImpl, Value } from '../types.js';
import { refuse } from '../types.js';
import { impl, isNum, suffixName } from './helpers.js';

/** .NET Math.Round(x, 10): half to even at the 10th decimal, magnitudes of 1e16 and more unchanged. */
export function roundTo10Decimals(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e16) return x;
  const y = x * 1e10;
  const f = Math.floor(y);
  const d = y - f;
  const r = d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
  return r / 1e10;
}

/** Welford's running means and co-moment: c = Σ(x - mean x)(y - mean y). */
interface Moments {
  n: number;
  mx: number;
  my: number;
  c: number;
}

/** The (co)variance of the pairs added: c / (n - 1), or c / n for a population; 0 below two pairs. */
function coMoment(m: Moments, population: boolean): number {
  if (m.n < 2) return 0;
  return m.c / (population ? m.n : m.n - 1);
}

/** Accumulates (x, y) pairs; rows with a null in either, or whose predicate is not true, are skipped. */
function momentsImpl(pairs: boolean, withPredicate: boolean, finish: (m: Moments) => Value): AggregateImpl {
  const predicateAt = pairs ? 2 : 1;
  return impl(
    (): Moments => ({ n: 0, mx: 0, my: 0, c: 0 }),
    (s: Moments, args) => {
      const x = args[0];
      const y = pairs ? args[1] : x;
      if (x === null || y === null || x === undefined || y === undefined) return s;
      if (withPredicate && args[predicateAt] !== true) return s;
      const a = Number(x);
      const b = Number(y);
      s.n++;
      const dx = a - s.mx;
      s.mx += dx / s.n;
      s.my += (b - s.my) / s.n;
      s.c += dx * (b - s.my);
      return s;
    },
    finish,
  );
}

type Statistic = 'variance' | 'stdev' | 'covariance';

function statDef(name: string, stat: Statistic, population: boolean, withP: boolean): AggregateFunctionDef {
  const pairs = stat === 'covariance';
  const valueArgs = pairs ? 2 : 1;
  const what = stat === 'stdev' ? 'standard deviation' : stat;
  return {
    kind: 'aggregate',
    name,
    signature: `${name}(number${pairs ? ', number' : ''}${withP ? ', predicate: bool' : ''}) → real`,
    minArgs: valueArgs + (withP ? 1 : 0),
    maxArgs: valueArgs + (withP ? 1 : 0),
    // covariance(x, y) → covariance_x (Microsoft's analyser; the pages' output tables say covariance_x_y).
    columnName: suffixName(name),
    docs: `${name}-aggregation-function`,
    doc:
      `The ${population ? 'population' : 'sample'} ${what} of the values${withP ? ' where the predicate is true' : ''} ` +
      `(${population ? 'divided by n' : 'n - 1'}${stat === 'variance' ? ', rounded to 10 decimals' : ''}; 0 below two values).`,
    example: `range x from 1 to 5 step 1 | summarize ${name}(x${pairs ? ', x * 2' : ''}${withP ? ', x > 1' : ''})`,
    resolve: (argTypes) => {
      for (let i = 0; i < valueArgs; i++) {
        const t = argTypes[i];
        // Microsoft's analyser accepts datetime and timespan ("summable"); what Kusto computes for them is
        // undocumented.
        if (t === 'datetime' || t === 'timespan') return refuse('bind-not-supported', { name: `${name}(${t})` }, i);
        if (!isNum(t)) return { arg: i, expected: 'a number', got: t! };
      }
      if (withP && argTypes[valueArgs] !== 'bool') return { arg: valueArgs, expected: 'a bool predicate', got: argTypes[valueArgs]! };
      const finish =
        stat === 'stdev'
          ? (m: Moments) => Math.sqrt(roundTo10Decimals(coMoment(m, population)))
          : stat === 'variance'
            ? (m: Moments) => roundTo10Decimals(coMoment(m, population))
            : (m: Moments) => coMoment(m, population);
      return { returnType: 'real', impl: momentsImpl(pairs, withP, finish) };
    },
  };
}

export const statisticsAggregates: readonly AggregateFunctionDef[] = [
  statDef('stdev', 'stdev', false, false),
  statDef('stdevif', 'stdev', false, true),
  statDef('stdevp', 'stdev', true, false),
  statDef('variance', 'variance', false, false),
  statDef('varianceif', 'variance', false, true),
  statDef('variancep', 'variance', true, false),
  statDef('variancepif', 'variance', true, true),
  statDef('covariance', 'covariance', false, false),
  statDef('covarianceif', 'covariance', false, true),
  statDef('covariancep', 'covariance', true, false),
  statDef('covariancepif', 'covariance', true, true),
];
