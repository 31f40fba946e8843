// Series functions that fit, score and decompose: series_stats, series_fit_line(_dynamic),
// series_fit_2lines(_dynamic), series_outliers, series_decompose, series_decompose_anomalies,
// series_decompose_forecast. The functions returning several values declare their tuple (types.ts TupleResult):
// `extend (a, b) = series_fit_line(y)`. Semantics: src/values/series-fit.ts and series.ts.

import type { Dynamic } from '../../../values/types.js';
import { seriesStats } from '../../../values/series.js';
import * as fit from '../../../values/series-fit.js';
import { fitPolyValues, fourierValues } from '../../../values/series-spectral.js';
import type { Refusal, ResolveContext, ScalarFunctionDef } from '../types.js';
import { seriesFunction } from './series-def.js';

const dyn = (v: unknown) => (v ?? null) as Dynamic;
const num = (v: unknown, dflt: number) => (v === null || v === undefined ? dflt : Number(v as number | bigint));
const page = (name: string) => `${name.replace(/_/g, '-')}-function`;

const TRENDS = ['avg', 'linefit', 'none'];
const KINDS = ['tukey', 'ctukey'];

/** A constant string argument outside its documented values is refused at that argument. */
function oneOf(i: number, allowed: readonly string[]): (ctx: ResolveContext) => Refusal | undefined {
  return (ctx) => {
    const c = ctx.constant(i);
    if (!c || typeof c.value !== 'string' || allowed.includes(c.value)) return undefined;
    return { arg: i, expected: allowed.map((a) => `'${a}'`).join(' or '), got: `'${c.value}'` };
  };
}

const checks =
  (...fs: ((ctx: ResolveContext) => Refusal | undefined)[]) =>
  (ctx: ResolveContext) => {
    for (const f of fs) {
      const r = f(ctx);
      if (r) return r;
    }
    return undefined;
  };

/** A percentile argument of series_outliers must be in [2, 98] (the page). */
function percentileRange(i: number): (ctx: ResolveContext) => Refusal | undefined {
  return (ctx) => {
    const c = ctx.constant(i);
    if (!c || c.value === null) return undefined;
    const v = Number(c.value as number | bigint);
    return v >= 2 && v <= 98 ? undefined : { arg: i, expected: 'a percentile in [2, 98]', got: String(v) };
  };
}

/** A trend or kind given at run time outside the documented values gives null [U]. */
const trendOf = (v: unknown): fit.Trend | null => (v === null || v === undefined ? 'avg' : TRENDS.includes(v as string) ? (v as fit.Trend) : null);
const kindOf = (v: unknown): fit.OutlierKind | null => (v === null || v === undefined ? 'ctukey' : KINDS.includes(v as string) ? (v as fit.OutlierKind) : null);

const DECOMPOSED = { names: ['baseline', 'seasonal', 'trend', 'residual'], types: ['dynamic', 'dynamic', 'dynamic', 'dynamic'] } as const;

export const seriesFitFunctions: readonly ScalarFunctionDef[] = [
  seriesFunction({
    name: 'series_stats',
    params: ['series', 'bool'],
    optional: 1,
    returns: 'real',
    tuple: { names: ['min', 'min_idx', 'max', 'max_idx', 'avg', 'stdev', 'variance'], types: ['real', 'long', 'real', 'long', 'real', 'real', 'real'] },
    row: (a, ignore) => {
      const st = seriesStats(dyn(a), ignore === true);
      return [st.min, st.min_idx, st.max, st.max_idx, st.avg, st.stdev, st.variance];
    },
    doc: 'min, min_idx, max, max_idx, avg, stdev, variance (sample) of a series, as columns.',
    docs: page('series_stats'),
    example: 'print x = dynamic([1,2,3]) | extend series_stats(x)',
  }),
  seriesFunction({
    name: 'series_fit_line',
    params: ['series'],
    returns: 'real',
    tuple: { names: ['rsquare', 'slope', 'variance', 'rvariance', 'interception', 'line_fit'], types: ['real', 'real', 'real', 'real', 'real', 'dynamic'] },
    row: (a) => fit.fitLineValues(dyn(a)),
    doc: 'Linear regression over x = 1..n: rsquare, slope, variance, rvariance, interception, line_fit.',
    docs: page('series_fit_line'),
    example: 'print y = dynamic([2,5,6,8]) | extend (RSquare, Slope) = series_fit_line(y)',
  }),
  seriesFunction({
    name: 'series_fit_line_dynamic',
    params: ['series'],
    returns: 'dynamic',
    row: (a) => fit.fitLineBag(dyn(a)),
    doc: "series_fit_line's values in a bag.",
    docs: page('series_fit_line_dynamic'),
    example: 'print series_fit_line_dynamic(dynamic([2,5,6,8]))',
  }),
  seriesFunction({
    name: 'series_fit_2lines',
    params: ['series'],
    returns: 'real',
    tuple: {
      names: ['rsquare', 'split_idx', 'variance', 'rvariance', 'line_fit', 'right_rsquare', 'right_slope', 'right_interception', 'right_variance', 'right_rvariance', 'left_rsquare', 'left_slope', 'left_interception', 'left_variance', 'left_rvariance'],
      types: ['real', 'long', 'real', 'real', 'dynamic', 'real', 'real', 'real', 'real', 'real', 'real', 'real', 'real', 'real', 'real'],
    },
    row: (a) => fit.fitTwoLinesValues(dyn(a)),
    doc: 'Two-segment linear regression: the split with the best total r-square and each side\'s line.',
    docs: page('series_fit_2lines'),
    example: 'print y = dynamic([1,2,3,4,3,2,1]) | extend (RSquare, SplitIdx) = series_fit_2lines(y)',
  }),
  seriesFunction({
    name: 'series_fit_2lines_dynamic',
    params: ['series'],
    returns: 'dynamic',
    row: (a) => fit.fitTwoLinesBag(dyn(a)),
    doc: "series_fit_2lines' values in a bag (right and left as nested bags).",
    docs: page('series_fit_2lines_dynamic'),
    example: 'print series_fit_2lines_dynamic(dynamic([1,2,3,4,3,2,1]))',
  }),
  seriesFunction({
    name: 'series_outliers',
    resultName: 'first-argument',
    params: ['series', 'string', 'real', 'real', 'real'],
    optional: 4,
    nulls: 'custom',
    returns: 'dynamic',
    check: checks(oneOf(1, KINDS), percentileRange(3), percentileRange(4)),
    row: (a, kind, ignore, lo, hi) => {
      const k = kindOf(kind);
      const low = num(lo, 10);
      const high = num(hi, 90);
      if (!k || !(low >= 2 && low <= 98 && high >= 2 && high <= 98)) return null;
      return fit.outlierScores(dyn(a), k, ignore === null || ignore === undefined ? null : Number(ignore as number), low, high);
    },
    doc: "Anomaly score of each point by Tukey's fences (beyond ±1.5: an anomaly).",
    docs: page('series_outliers'),
    example: 'print series_outliers(dynamic([1,2,1,2,1,20,1,2]))',
  }),
  seriesFunction({
    name: 'series_fit_poly',
    params: ['series', 'series', 'long'],
    optional: 2,
    nulls: 'custom',
    returns: 'real',
    tuple: { names: ['rsquare', 'coefficients', 'variance', 'rvariance', 'poly_fit'], types: ['real', 'dynamic', 'real', 'real', 'dynamic'] },
    row: (y, x, degree) => fitPolyValues(dyn(y), x === undefined ? undefined : dyn(x), num(degree, 1)),
    doc: 'Polynomial regression of y (on x, default 1..n): rsquare, coefficients (highest power first), variance, rvariance, poly_fit.',
    docs: page('series_fit_poly'),
    example: 'print y = dynamic([1,4,9,16]) | extend series_fit_poly(y, dynamic([1,2,3,4]), 2)',
  }),
  seriesFunction({
    name: 'series_fft',
    params: ['series', 'series'],
    optional: 1,
    nulls: 'custom',
    returns: 'dynamic',
    tuple: { names: ['real', 'imag'], types: ['dynamic', 'dynamic'] },
    row: (re, im) => fourierValues(dyn(re), im === undefined ? undefined : dyn(im), false),
    doc: 'Discrete Fourier transform of a (complex) series: real and imaginary parts.',
    docs: page('series_fft'),
    example: 'print x = dynamic([1,0,0,0]) | extend (re, im) = series_fft(x)',
  }),
  seriesFunction({
    name: 'series_ifft',
    params: ['series', 'series'],
    optional: 1,
    nulls: 'custom',
    returns: 'dynamic',
    tuple: { names: ['real', 'imag'], types: ['dynamic', 'dynamic'] },
    row: (re, im) => fourierValues(dyn(re), im === undefined ? undefined : dyn(im), true),
    doc: 'Inverse discrete Fourier transform (divided by n): real and imaginary parts.',
    docs: page('series_ifft'),
    example: 'print x = dynamic([1,1,1,1]) | extend (re, im) = series_ifft(x)',
  }),
  seriesFunction({
    name: 'series_seasonal',
    params: ['series', 'long'],
    optional: 1,
    nulls: 'custom',
    returns: 'dynamic',
    row: (a, period) => fit.seasonalSeries(dyn(a), num(period, -1)),
    doc: 'The seasonal component: per phase of the (given or detected) period, the median of its points.',
    docs: page('series_seasonal'),
    example: 'print series_seasonal(dynamic([1,3,5,1,3,5,2,4,6]), 3)',
  }),
  seriesFunction({
    name: 'series_decompose',
    params: ['series', 'long', 'string', 'long', 'real'],
    optional: 4,
    nulls: 'custom',
    returns: 'dynamic',
    tuple: DECOMPOSED,
    check: oneOf(2, TRENDS),
    row: (a, season, trend, test, threshold) => {
      const t = trendOf(trend);
      return t ? fit.decomposeValues(dyn(a), num(season, -1), t, num(test, 0), num(threshold, 0.6)) : [null, null, null, null];
    },
    doc: 'Decomposes a series into baseline, seasonal, trend and residual.',
    docs: page('series_decompose'),
    example: 'print y = dynamic([1,2,3,1,2,3,1,2,3]) | extend series_decompose(y, 3)',
  }),
  seriesFunction({
    name: 'series_decompose_anomalies',
    params: ['series', 'real', 'long', 'string', 'long', 'string', 'real'],
    optional: 6,
    nulls: 'custom',
    returns: 'dynamic',
    tuple: { names: ['ad_flag', 'ad_score', 'baseline'], types: ['dynamic', 'dynamic', 'dynamic'] },
    check: checks(oneOf(3, TRENDS), oneOf(5, KINDS)),
    row: (a, threshold, season, trend, test, kind, seasonThreshold) => {
      const t = trendOf(trend);
      const k = kindOf(kind);
      if (!t || !k) return [null, null, null];
      return fit.decomposeAnomalies(dyn(a), num(threshold, 1.5), num(season, -1), t, num(test, 0), k, num(seasonThreshold, 0.6));
    },
    doc: 'Anomalies of a series: ad_flag (+1/-1/0), ad_score and baseline, from series_decompose and series_outliers.',
    docs: page('series_decompose_anomalies'),
    example: 'print y = dynamic([1,2,1,2,1,20,1,2]) | extend (flag, score, baseline) = series_decompose_anomalies(y)',
  }),
  seriesFunction({
    name: 'series_decompose_forecast',
    params: ['series', 'long', 'long', 'string', 'real'],
    optional: 3,
    nulls: 'custom',
    returns: 'dynamic',
    tuple: DECOMPOSED,
    check: oneOf(3, TRENDS),
    row: (a, points, season, trend, threshold) => {
      const t = trendOf(trend);
      return t ? fit.decomposeValues(dyn(a), num(season, -1), t, num(points, 0), num(threshold, 0.6)) : [null, null, null, null];
    },
    doc: 'Forecast of the last points of a series: the baseline of series_decompose learned without them.',
    docs: page('series_decompose_forecast'),
    example: 'print y = dynamic([1,2,3,1,2,3,0,0,0]) | extend forecast = series_decompose_forecast(y, 3, 3)',
  }),
];
