// Series (dynamic numeric arrays, as make-series builds them): element-wise arithmetic and comparison, the fill
// functions, and whole-series reductions (sum, product, magnitude, dot product, cosine similarity, Pearson
// correlation, statistics, FIR/IIR filters). Pages: series-*-function.md. Browser-safe, no imports above src/values.
//
// Elements: a long element is a bigint, a real element a number (types.ts). "Non-numeric" (the pages' word) is
// anything else: null, bool, string, array, bag [U: bool counts as non-numeric].

import { freezeDynamic, makeBag } from './dynamic.js';
import type { Dynamic, DynamicArray } from './types.js';
import { isDynamicArray } from './types.js';

/** A numeric element as a double, or null for a non-numeric one. */
export function numberOf(e: Dynamic | undefined): number | null {
  if (typeof e === 'number') return e;
  if (typeof e === 'bigint') return Number(e);
  return null;
}

/** The array, or null for a value that is not an array. */
export function seriesOf(d: Dynamic): DynamicArray | null {
  return isDynamicArray(d) ? d : null;
}

/** The elements of a numeric series as doubles (non-numeric → null), or null when it is not an array. */
export function numbersOf(d: Dynamic): (number | null)[] | null {
  const a = seriesOf(d);
  return a ? a.map(numberOf) : null;
}

const array = (values: Dynamic[]): DynamicArray => freezeDynamic(values);

// ---------------------------------------------------------------------------------------------------------------
// Element-wise

/**
 * An operand of an element-wise function: a series, or a number broadcast to every position (the pages' examples
 * write `series_multiply(10, s)`; series_dot_product documents the broadcast).
 */
export type Operand = Dynamic;

export interface BinaryOp {
  /** Both elements long: the long result (arithmetic wraps to 64 bits as KQL's long arithmetic does). Absent: real. */
  readonly long?: (a: bigint, b: bigint) => bigint;
  readonly real: (a: number, b: number) => number | boolean | null;
  /** Compare longs exactly (comparisons). */
  readonly exact?: (a: bigint, b: bigint) => boolean;
}

/**
 * Element-wise binary function (series_add ... series_not_equals, series_pow): the result is as long as the longer
 * series; a missing or non-numeric element gives a null element (the pages). A number operand is broadcast; two
 * numbers give a one-element series [U]. Any other operand (string, bag, null) gives null [U].
 */
export function elementWise(a: Operand, b: Operand, op: BinaryOp): Dynamic {
  const sa = seriesOf(a);
  const sb = seriesOf(b);
  const scalarA = sa === null && (typeof a === 'number' || typeof a === 'bigint');
  const scalarB = sb === null && (typeof b === 'number' || typeof b === 'bigint');
  if ((sa === null && !scalarA) || (sb === null && !scalarB)) return null;
  const n = Math.max(sa?.length ?? 1, sb?.length ?? 1);
  const out: Dynamic[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = sa ? sa[i] : a;
    const y = sb ? sb[i] : b;
    out[i] = applyBinary(x, y, op);
  }
  return array(out);
}

function applyBinary(x: Dynamic | undefined, y: Dynamic | undefined, op: BinaryOp): Dynamic {
  if (typeof x === 'bigint' && typeof y === 'bigint') {
    if (op.exact) return op.exact(x, y);
    if (op.long) return BigInt.asIntN(64, op.long(x, y));
  }
  const nx = numberOf(x);
  const ny = numberOf(y);
  if (nx === null || ny === null) return null;
  return op.real(nx, ny);
}

/**
 * Element-wise unary function: `long` keeps a long element long (series_abs, series_sign: their examples keep
 * integers); otherwise the result is real. A non-numeric element gives null; a value that is not an array, null [U].
 */
export function mapSeries(s: Dynamic, real: (x: number) => number | null, long?: (x: bigint) => bigint): Dynamic {
  const a = seriesOf(s);
  if (!a) return null;
  return array(
    a.map((e) => {
      if (typeof e === 'bigint' && long) return BigInt.asIntN(64, long(e));
      const x = numberOf(e);
      return x === null ? null : real(x);
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Fill functions (series-fill-*-function.md)

/** Is the element a missing value? The placeholder null matches null elements [U: and only them]. */
function isMissing(e: Dynamic | undefined, placeholder: Dynamic): boolean {
  if (placeholder === null) return e === null || e === undefined;
  const p = numberOf(placeholder);
  const x = numberOf(e ?? null);
  if (p !== null && x !== null) return p === x || (Number.isNaN(p) && Number.isNaN(x));
  return false;
}

/** series_fill_const: every missing element becomes `value` (the rest keep their type). */
export function fillConst(s: Dynamic, value: Dynamic, placeholder: Dynamic): Dynamic {
  const a = seriesOf(s);
  if (!a) return null;
  return array(a.map((e) => (isMissing(e, placeholder) ? value : e)));
}

/** series_fill_forward: a missing element takes the nearest value on its left; leading ones stay. */
export function fillForward(s: Dynamic, placeholder: Dynamic): Dynamic {
  const a = seriesOf(s);
  if (!a) return null;
  const out: Dynamic[] = [];
  let last: Dynamic | undefined;
  for (const e of a) {
    if (isMissing(e, placeholder)) out.push(last === undefined ? e : last);
    else out.push((last = e));
  }
  return array(out);
}

/** series_fill_backward: a missing element takes the nearest value on its right; trailing ones stay. */
export function fillBackward(s: Dynamic, placeholder: Dynamic): Dynamic {
  const a = seriesOf(s);
  if (!a) return null;
  const out: Dynamic[] = new Array(a.length);
  let next: Dynamic | undefined;
  for (let i = a.length - 1; i >= 0; i--) {
    const e = a[i]!;
    if (isMissing(e, placeholder)) out[i] = next === undefined ? e : next;
    else out[i] = next = e;
  }
  return array(out);
}

/**
 * series_fill_linear: missing elements between two values are interpolated on a straight line; at the edges they take
 * the nearest value (fillEdges) or stay; an array of missing values only is filled with `constant` (default 0, a
 * real: the page's example prints 0.0). When every present element is a long the interpolated values are longs,
 * truncated toward zero: the page's example gives 73 between 111 and 36, and 32, 24 between 41 and 16 (its text
 * says "rounded"; the example, which we follow, truncates).
 */
export function fillLinear(s: Dynamic, placeholder: Dynamic, fillEdges: boolean, constant: Dynamic): Dynamic {
  const a = seriesOf(s);
  if (!a) return null;
  const present: number[] = [];
  for (let i = 0; i < a.length; i++) if (!isMissing(a[i], placeholder) && numberOf(a[i]!) !== null) present.push(i);
  if (present.length === 0) return array(a.map((e) => (isMissing(e, placeholder) ? constant : e)));
  const integral = present.every((i) => typeof a[i] === 'bigint');
  const out: Dynamic[] = [...a];
  const first = present[0]!;
  const last = present[present.length - 1]!;
  for (let i = 0; i < a.length; i++) {
    if (!isMissing(a[i], placeholder)) continue;
    if (i < first) {
      if (fillEdges) out[i] = a[first]!;
    } else if (i > last) {
      if (fillEdges) out[i] = a[last]!;
    } else {
      let l = i - 1;
      while (isMissing(a[l], placeholder) || numberOf(a[l]!) === null) l--;
      let r = i + 1;
      while (isMissing(a[r], placeholder) || numberOf(a[r]!) === null) r++;
      const yl = numberOf(a[l]!)!;
      const yr = numberOf(a[r]!)!;
      const v = yl + ((yr - yl) * (i - l)) / (r - l);
      out[i] = integral ? BigInt(Math.trunc(v)) : v;
    }
  }
  return array(out);
}

// ---------------------------------------------------------------------------------------------------------------
// Reductions

/** series_sum / series_product: a real over the numeric elements; non-numeric ones are skipped [U]. */
export function seriesSum(s: Dynamic): number | null {
  const xs = numbersOf(s);
  if (!xs) return null;
  let sum = 0;
  for (const x of xs) if (x !== null) sum += x;
  return sum;
}

export function seriesProduct(s: Dynamic): number | null {
  const xs = numbersOf(s);
  if (!xs) return null;
  let p = 1;
  for (const x of xs) if (x !== null) p *= x;
  return p;
}

/** series_magnitude: the square root of the series' dot product with itself [U: non-numeric elements skipped]. */
export function seriesMagnitude(s: Dynamic): number | null {
  const xs = numbersOf(s);
  if (!xs) return null;
  let sum = 0;
  for (const x of xs) if (x !== null) sum += x * x;
  return Math.sqrt(sum);
}

/** Pairs of numeric elements of two operands, the longer series truncated, a number broadcast (dot product page). */
function pairs(a: Operand, b: Operand): [number, number][] | null {
  const sa = seriesOf(a);
  const sb = seriesOf(b);
  const na = numberOf(a);
  const nb = numberOf(b);
  if ((sa === null && na === null) || (sb === null && nb === null)) return null;
  const n = sa && sb ? Math.min(sa.length, sb.length) : (sa ?? sb)?.length ?? 1;
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const x = sa ? numberOf(sa[i]) : na;
    const y = sb ? numberOf(sb[i]) : nb;
    if (x !== null && y !== null) out.push([x, y]);
  }
  return out;
}

/** series_dot_product: sum of products; non-numeric elements ignored; an empty series gives null (the page). */
export function dotProduct(a: Operand, b: Operand): number | null {
  const ps = pairs(a, b);
  if (!ps || ps.length === 0) return null;
  let sum = 0;
  for (const [x, y] of ps) sum += x * y;
  return sum;
}

/** series_cosine_similarity: dot / (|a| |b|), magnitudes computed unless given; empty → null (the page). */
export function cosineSimilarity(a: Operand, b: Operand, magA: number | null, magB: number | null): number | null {
  const ps = pairs(a, b);
  if (!ps || ps.length === 0) return null;
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (const [x, y] of ps) {
    dot += x * y;
    aa += x * x;
    bb += y * y;
  }
  return dot / ((magA ?? Math.sqrt(aa)) * (magB ?? Math.sqrt(bb)));
}

/**
 * series_pearson_correlation: a non-numeric element or arrays of different lengths give null (the page). Computed
 * as Σdxdy / (√Σdx² · √Σdy²) over deviations from the means: the real engine answers 1.0000000000000002 for [0,0,5]
 * with itself (issue #14's recordings), which this order of operations reproduces.
 */
export function pearsonCorrelation(a: Dynamic, b: Dynamic): number | null {
  const xs = numbersOf(a);
  const ys = numbersOf(b);
  if (!xs || !ys || xs.length !== ys.length || xs.length === 0) return null;
  if (xs.some((x) => x === null) || ys.some((y) => y === null)) return null;
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics (series-stats-function.md, series-stats-dynamic-function.md)

export interface SeriesStats {
  readonly min: number | null;
  readonly min_idx: bigint | null;
  readonly max: number | null;
  readonly max_idx: bigint | null;
  readonly avg: number | null;
  readonly stdev: number | null;
  readonly variance: number | null;
  readonly sum: number | null;
  readonly len: bigint | null;
}

const NULL_STATS: SeriesStats = { min: null, min_idx: null, max: null, max_idx: null, avg: null, stdev: null, variance: null, sum: null, len: null };

/**
 * min, max (first positions), avg, sample variance and stdev, sum and length. A non-finite element (null, NaN, ±inf,
 * non-numeric) makes every statistic null unless `ignoreNonfinite`, which skips those elements (positions still
 * count them) [U: len is the array's length either way]. Variance of one value is 0, as the stdev/variance
 * aggregates give [U]; of no values, null [U].
 */
export function seriesStats(s: Dynamic, ignoreNonfinite: boolean): SeriesStats {
  const xs = numbersOf(s);
  if (!xs) return NULL_STATS;
  const len = BigInt(xs.length);
  const nonfinite = xs.some((x) => x === null || !Number.isFinite(x));
  if (nonfinite && !ignoreNonfinite) return { ...NULL_STATS, len };
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let minIdx = -1;
  let maxIdx = -1;
  xs.forEach((x, i) => {
    if (x === null || !Number.isFinite(x)) return;
    n++;
    sum += x;
    if (x < min) (min = x), (minIdx = i);
    if (x > max) (max = x), (maxIdx = i);
  });
  if (n === 0) return { ...NULL_STATS, len };
  const avg = sum / n;
  const variance = sampleVariance(xs.filter((x): x is number => x !== null && Number.isFinite(x)));
  return { min, min_idx: BigInt(minIdx), max, max_idx: BigInt(maxIdx), avg, stdev: Math.sqrt(variance), variance, sum, len };
}

/**
 * Sample variance as (n·Σx² − (Σx)²) / (n(n−1)): the page's example prints 812.45714285714291 and 28.503633853548269,
 * the doubles this order of operations gives (the two-pass Σ(x−avg)²/(n−1) ends 280 and 266). One value → 0 [U].
 */
export function sampleVariance(xs: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  let s = 0;
  let ss = 0;
  for (const x of xs) {
    s += x;
    ss += x * x;
  }
  return (n * ss - s * s) / (n * (n - 1));
}

/** series_stats_dynamic's bag, keys in the real engine's order (issue #14 recording). */
export function seriesStatsBag(s: Dynamic, ignoreNonfinite: boolean): Dynamic {
  if (!seriesOf(s)) return null;
  const st = seriesStats(s, ignoreNonfinite);
  return makeBag([
    ['min', st.min],
    ['min_idx', st.min_idx],
    ['max', st.max],
    ['max_idx', st.max_idx],
    ['avg', st.avg],
    ['stdev', st.stdev],
    ['variance', st.variance],
    ['sum', st.sum],
    ['len', st.len],
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Filters

/**
 * series_iir (series-iir-function.md): y[i] = (Σ b[k]·x[i-k] − Σ_{k≥1} a[k]·y[i-k]) / a[0], reals. Elements before
 * the start are 0; a non-numeric element counts as 0 [U]. a[0] = 0 or a non-numeric coefficient gives null [U].
 */
export function iir(s: Dynamic, numerators: Dynamic, denominators: Dynamic): Dynamic {
  const xs = numbersOf(s);
  const b = numbersOf(numerators);
  const a = numbersOf(denominators);
  if (!xs || !b || !a || a.length === 0 || b.length === 0) return null;
  if (a.some((v) => v === null) || b.some((v) => v === null) || a[0] === 0) return null;
  const ys: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    let acc = 0;
    for (let k = 0; k < b.length && k <= i; k++) acc += b[k]! * (xs[i - k] ?? 0);
    for (let k = 1; k < a.length && k <= i; k++) acc -= a[k]! * ys[i - k]!;
    ys.push(acc / a[0]!);
  }
  return array(ys);
}

/**
 * series_fir (series-fir-function.md): y[i] = Σ f[k]·x[i-k] (center: the window is shifted by ⌊(len−1)/2⌋ so it
 * sits around i). normalize defaults to true unless a coefficient is negative; normalizing a filter with a negative
 * coefficient gives null (the page). Outside the series the elements are 0, and a non-numeric element counts as 0
 * [U]. Longs stay longs when the series and the filter hold longs only and no normalization happens: the real engine
 * answers [5,10,-5,10] for longs [5,15,10,20] with [1,-1] (issue #14's recordings) and reals for series_iir.
 */
export function fir(s: Dynamic, filter: Dynamic, normalize: boolean | null, center: boolean): Dynamic {
  const a = seriesOf(s);
  const f = seriesOf(filter);
  if (!a || !f || f.length === 0) return null;
  const fs = f.map(numberOf);
  if (fs.some((v) => v === null)) return null;
  const negative = fs.some((v) => v! < 0);
  const norm = normalize ?? !negative;
  if (norm && negative) return null;
  const total = norm ? fs.reduce((x, y) => x! + y!, 0)! : 1;
  const shift = center ? Math.floor((fs.length - 1) / 2) : 0;
  const integral = !norm && a.every((e) => typeof e === 'bigint') && f.every((e) => typeof e === 'bigint');
  const out: Dynamic[] = [];
  for (let i = 0; i < a.length; i++) {
    if (integral) {
      let acc = 0n;
      for (let k = 0; k < f.length; k++) {
        const e = a[i + shift - k];
        if (typeof e === 'bigint') acc += (f[k] as bigint) * e;
      }
      out.push(BigInt.asIntN(64, acc));
    } else {
      let acc = 0;
      for (let k = 0; k < fs.length; k++) acc += fs[k]! * (numberOf(a[i + shift - k]) ?? 0);
      out.push(acc / total);
    }
  }
  return array(out);
}
