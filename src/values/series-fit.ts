// Series regression and anomaly detection: series_fit_line, series_fit_2lines, series_outliers, series_decompose
// (+ _anomalies, _forecast) and the seasonality detection they use. Pages: series-fit-line-function.md,
// series-fit-2lines-function.md, series-outliers-function.md, series-decompose*-function.md,
// series-periods-detect-function.md. What the pages leave open is marked [U] here and listed in
// src/engine/functions/CONTEXT.md (series). Browser-safe.

import { freezeDynamic, makeBag } from './dynamic.js';
import { numbersOf, sampleVariance } from './series.js';
import type { Dynamic } from './types.js';

/** A series of finite numbers, or null when an element is not numeric [U: the pages only say nulls are not supported]. */
function finiteSeries(d: Dynamic): number[] | null {
  const xs = numbersOf(d);
  if (!xs || xs.some((x) => x === null)) return null;
  return xs as number[];
}

// ---------------------------------------------------------------------------------------------------------------
// Line fit (series-fit-line-function.md)

export interface LineFit {
  readonly rsquare: number;
  readonly slope: number;
  readonly variance: number;
  readonly rvariance: number;
  readonly interception: number;
  readonly lineFit: number[];
  /** Sum of squared residuals and of squared deviations from the mean (for the two-line fit's total r-square). */
  readonly ssr: number;
  readonly sst: number;
}

/**
 * Least squares over x = 1..n: the page's example (slope 2.730, interception −1.666, line_fit starting at 1.064)
 * places the first point at x = 1. variance is the sample variance of the input (98.628 in the example), rvariance
 * the residuals' Σr²/(n−1) (1.686 there), rsquare 1 − Σr²/Σ(y−ȳ)². [U] A constant series (Σ(y−ȳ)² = 0) has rsquare 1;
 * one point has slope 0 and variances 0; no points → null.
 */
export function fitLine(ys: readonly number[]): LineFit | null {
  const n = ys.length;
  if (n === 0) return null;
  const mx = (n + 1) / 2;
  let my = 0;
  for (const y of ys) my += y;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const dx = i + 1 - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    sst += dy * dy;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const interception = my - slope * mx;
  const lineFit: number[] = [];
  let ssr = 0;
  for (let i = 0; i < n; i++) {
    const f = slope * (i + 1) + interception;
    lineFit.push(f);
    ssr += (ys[i]! - f) * (ys[i]! - f);
  }
  const rsquare = sst === 0 ? 1 : 1 - ssr / sst;
  return { rsquare, slope, variance: sampleVariance(ys), rvariance: n > 1 ? ssr / (n - 1) : 0, interception, lineFit, ssr, sst };
}

/** series_fit_line's values in order: rsquare, slope, variance, rvariance, interception, line_fit. */
export function fitLineValues(d: Dynamic): Dynamic[] {
  const ys = finiteSeries(d);
  const f = ys && fitLine(ys);
  if (!f) return [null, null, null, null, null, null];
  return [f.rsquare, f.slope, f.variance, f.rvariance, f.interception, freezeDynamic(f.lineFit)];
}

export function fitLineBag(d: Dynamic): Dynamic {
  const [rsquare, slope, variance, rvariance, interception, lineFit] = fitLineValues(d);
  if (rsquare === null) return null;
  return makeBag([
    ['rsquare', rsquare!],
    ['slope', slope!],
    ['variance', variance!],
    ['rvariance', rvariance!],
    ['interception', interception!],
    ['line_fit', lineFit!],
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Two-line fit (series-fit-2lines-function.md)

export interface TwoLineFit {
  readonly rsquare: number;
  readonly splitIdx: number;
  readonly variance: number;
  readonly rvariance: number;
  readonly lineFit: number[];
  readonly left: LineFit;
  readonly right: LineFit;
}

/**
 * Every split of the series into a left part [0, split) and a right part [split, n) gets a line fitted to each part
 * with series_fit_line (so each part's x restarts at 1, and its slope and interception are the part's own); the total
 * r-square is 1 − (Σr²_left + Σr²_right)/Σ(y−ȳ)², and the split with the highest wins (the page).
 * [U] split_idx is the first index of the right part; each part has at least 2 points (so n ≥ 4, else null); the
 * earliest split wins ties; rvariance is the residuals' Σr²/(n−1) as in series_fit_line; a constant series has
 * rsquare 1.
 */
export function fitTwoLines(ys: readonly number[]): TwoLineFit | null {
  const n = ys.length;
  if (n < 4) return null;
  const whole = fitLine(ys)!;
  let best: TwoLineFit | null = null;
  for (let split = 2; split <= n - 2; split++) {
    const left = fitLine(ys.slice(0, split))!;
    const right = fitLine(ys.slice(split))!;
    const ssr = left.ssr + right.ssr;
    const rsquare = whole.sst === 0 ? 1 : 1 - ssr / whole.sst;
    if (best === null || rsquare > best.rsquare) {
      best = { rsquare, splitIdx: split, variance: whole.variance, rvariance: ssr / (n - 1), lineFit: [...left.lineFit, ...right.lineFit], left, right };
    }
  }
  return best;
}

/** series_fit_2lines' values in the analyser's column order. */
export function fitTwoLinesValues(d: Dynamic): Dynamic[] {
  const ys = finiteSeries(d);
  const f = ys && fitTwoLines(ys);
  if (!f) return new Array<Dynamic>(15).fill(null);
  const side = (s: LineFit) => [s.rsquare, s.slope, s.interception, s.variance, s.rvariance];
  return [f.rsquare, BigInt(f.splitIdx), f.variance, f.rvariance, freezeDynamic(f.lineFit), ...side(f.right), ...side(f.left)];
}

export function fitTwoLinesBag(d: Dynamic): Dynamic {
  const ys = finiteSeries(d);
  const f = ys && fitTwoLines(ys);
  if (!f) return null;
  const side = (s: LineFit) =>
    makeBag([
      ['rsquare', s.rsquare],
      ['slope', s.slope],
      ['interception', s.interception],
      ['variance', s.variance],
      ['rvariance', s.rvariance],
    ]);
  return makeBag([
    ['rsquare', f.rsquare],
    ['split_idx', BigInt(f.splitIdx)],
    ['variance', f.variance],
    ['rvariance', f.rvariance],
    ['line_fit', freezeDynamic(f.lineFit)],
    ['right', side(f.right)],
    ['left', side(f.left)],
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Outliers (series-outliers-function.md)

/** The p-th percentile (0..100) of sorted values, interpolated linearly between closest ranks [U]. */
function percentile(sorted: readonly number[], p: number): number {
  const pos = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export type OutlierKind = 'tukey' | 'ctukey';

/**
 * Tukey's fences as a score: with the low and high percentiles q1, q3 (25/75 for "tukey", min/max_percentile for
 * "ctukey", default 10/90) and IQR = q3 − q1, a value above q3 scores (x − q3)/IQR, below q1 (x − q1)/IQR, else 0 —
 * so a score beyond ±1.5 is outside Tukey's fences with k = 1.5, the page's threshold for an anomaly. Nulls, non-numeric
 * elements and `ignore` values score 0 and are left out of the percentiles (the page). `learn` limits the points the
 * percentiles are computed from (series_decompose_anomalies' test points) [U].
 * [U] The percentile interpolation; no rescaling of the 10–90 range; an IQR of 0 gives ±inf beyond the fences (and 0
 * inside); no usable value gives all zeros.
 */
export function outlierScores(d: Dynamic, kind: OutlierKind, ignore: number | null, minPct: number, maxPct: number, learn?: number): Dynamic {
  const xs = numbersOf(d);
  if (!xs) return null;
  const usable = (x: number | null): x is number => x !== null && !Number.isNaN(x) && !(ignore !== null && x === ignore);
  const sorted = xs.slice(0, learn ?? xs.length).filter(usable).sort((a, b) => a - b);
  if (sorted.length === 0) return freezeDynamic(xs.map(() => 0));
  const [lowP, highP] = kind === 'tukey' ? [25, 75] : [minPct, maxPct];
  const q1 = percentile(sorted, lowP);
  const q3 = percentile(sorted, highP);
  const iqr = q3 - q1;
  return freezeDynamic(
    xs.map((x) => {
      if (!usable(x)) return 0;
      if (x > q3) return (x - q3) / iqr;
      if (x < q1) return (x - q1) / iqr;
      return 0;
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Seasonality detection [U]

/**
 * The period used when the seasonality is −1 (autodetect: series_decompose*, series_seasonal). The pages name
 * series_periods_detect but document neither its score nor its search; this is kqlite's own detector, within what
 * they state: a period has at least 4 points, a score in [0, 1] is compared with the threshold (0.6 for decompose,
 * 0.7 for series_seasonal).
 * [U] The score of period p is the autocorrelation at lag p over the p-apart pairs,
 * Σ(x_i−x̄)(x_{i+p}−x̄)/Σ(x_i−x̄)² · n/(n−p); candidates are the local maxima of it for 4 ≤ p < n/2 (so a series
 * must hold more than two periods), the best wins, the shorter on ties. Chosen so that the pages' four documented
 * detections hold: series_seasonal's 25-point series has period 6 and its 20-point one period 5 (threshold 0.7), its
 * 12-point [1,3,5,2,4,6,…] has none, series_periods_detect's 60-point example has period 14. Its scores are not the
 * service's (that example: 0.96 here, 0.84 on the page), so on other data Kusto may find another period or none.
 */
export function detectPeriod(xs: readonly number[], threshold: number): number {
  const n = xs.length;
  const maxP = Math.ceil(n / 2) - 1;
  if (maxP < 4) return 0;
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= n;
  let v0 = 0;
  for (const x of xs) v0 += (x - mean) * (x - mean);
  if (v0 === 0) return 0;
  const score = (p: number) => {
    let s = 0;
    for (let i = 0; i + p < n; i++) s += (xs[i]! - mean) * (xs[i + p]! - mean);
    return ((s / v0) * n) / (n - p);
  };
  const scores = new Map<number, number>();
  for (let p = 3; p <= maxP + 1; p++) scores.set(p, score(p));
  let best = 0;
  let bestScore = -Infinity;
  for (let p = 4; p <= maxP; p++) {
    const s = scores.get(p)!;
    if (s < scores.get(p - 1)! || s < scores.get(p + 1)!) continue;
    if (s > bestScore) (best = p), (bestScore = s);
  }
  return bestScore >= threshold ? best : 0;
}

/**
 * series_seasonal (series-seasonal-function.md): per phase of the period, the median of the points in that phase
 * (the page's [1.5, 3.5, 5.5] for period 3 over [1,3,5,2,4,6,…] is the mean of the two middle values); period −1
 * detects it (threshold 0.7, the page) and no period gives zeros; "a different value" (0 or below −1) gives zeros.
 */
export function seasonalSeries(d: Dynamic, period: number): Dynamic {
  const xs = finiteSeries(d);
  if (!xs) return null;
  const p = period === -1 ? detectPeriod(xs, 0.7) : period > 0 ? Math.trunc(period) : 0;
  return freezeDynamic(seasonalOf(xs, p, xs.length));
}

/** Per-phase medians of the first `learn` points, repeated over the series; zeros without a usable period. */
function seasonalOf(xs: readonly number[], period: number, learn: number): number[] {
  const seasonal = new Array<number>(xs.length).fill(0);
  if (period <= 0 || period > learn) return seasonal;
  const phase: number[] = [];
  for (let k = 0; k < period; k++) {
    const values: number[] = [];
    for (let i = k; i < learn; i += period) values.push(xs[i]!);
    phase.push(median(values));
  }
  for (let i = 0; i < xs.length; i++) seasonal[i] = phase[i % period]!;
  return seasonal;
}

// ---------------------------------------------------------------------------------------------------------------
// Decomposition (series-decompose-function.md)

export type Trend = 'avg' | 'linefit' | 'none';

export interface Decomposition {
  readonly baseline: number[];
  readonly seasonal: number[];
  readonly trend: number[];
  readonly residual: number[];
}

function median(values: number[]): number {
  const s = values.sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The page's order: seasonal (per phase, the median of the learning points in that phase), deseasonal = x −
 * seasonal, trend from the deseasonal learning points ('avg': their mean; 'linefit': series_fit_line over them,
 * extended over the test points; 'none': 0), baseline = seasonal + trend, residual = x − baseline. The learning
 * points are all but the last `testPoints`. Seasonality −1 detects the period (detectPeriod [U]), 0 skips it.
 * The median of an even count is the mean of the two middle values (series_seasonal's page); [U] a period longer than the learning points
 * is skipped; testPoints ≥ n leaves no learning points: every component is 0 but residual = x.
 */
export function decompose(xs: readonly number[], seasonality: number, trend: Trend, testPoints: number, threshold: number): Decomposition {
  const n = xs.length;
  const learn = Math.max(0, n - Math.max(0, testPoints));
  const zeros = () => new Array<number>(n).fill(0);
  if (learn === 0) return { baseline: zeros(), seasonal: zeros(), trend: zeros(), residual: [...xs] };
  const head = xs.slice(0, learn);
  const period = seasonality < 0 ? detectPeriod(head, threshold) : Math.trunc(seasonality);
  const seasonal = seasonalOf(xs, period, learn);
  const deseasonal = head.map((x, i) => x - seasonal[i]!);
  const trendSeries = zeros();
  if (trend === 'avg') {
    const mean = deseasonal.reduce((a, b) => a + b, 0) / learn;
    trendSeries.fill(mean);
  } else if (trend === 'linefit') {
    const f = fitLine(deseasonal)!;
    for (let i = 0; i < n; i++) trendSeries[i] = f.slope * (i + 1) + f.interception;
  }
  const baseline = seasonal.map((s, i) => s + trendSeries[i]!);
  return { baseline, seasonal, trend: trendSeries, residual: xs.map((x, i) => x - baseline[i]!) };
}

/** series_decompose's values in order (baseline, seasonal, trend, residual); a non-numeric element gives nulls [U]. */
export function decomposeValues(d: Dynamic, seasonality: number, trend: Trend, testPoints: number, threshold: number): Dynamic[] {
  const xs = finiteSeries(d);
  if (!xs) return [null, null, null, null];
  const r = decompose(xs, seasonality, trend, testPoints, threshold);
  return [r.baseline, r.seasonal, r.trend, r.residual].map((a) => freezeDynamic(a));
}

/**
 * series_decompose_anomalies (the page's algorithm): decompose, score the residual with series_outliers (the chosen
 * Tukey kind; percentiles from the learning points [U]), flag +1 above `threshold`, −1 below −threshold, else 0
 * [U: strictly beyond]. Values: ad_flag (longs), ad_score, baseline.
 */
export function decomposeAnomalies(d: Dynamic, threshold: number, seasonality: number, trend: Trend, testPoints: number, kind: OutlierKind, seasonalityThreshold: number): Dynamic[] {
  const xs = finiteSeries(d);
  if (!xs) return [null, null, null];
  const r = decompose(xs, seasonality, trend, testPoints, seasonalityThreshold);
  const learn = Math.max(0, xs.length - Math.max(0, testPoints));
  const scores = outlierScores(freezeDynamic(r.residual), kind, null, 10, 90, learn) as readonly number[];
  const flags = scores.map((s) => (s > threshold ? 1n : s < -threshold ? -1n : 0n));
  return [freezeDynamic(flags), scores, freezeDynamic(r.baseline)];
}
