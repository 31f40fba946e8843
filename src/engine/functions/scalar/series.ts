// Series functions over dynamic numeric arrays: element-wise arithmetic, comparison and math, the fill functions,
// reductions (sum, product, magnitude, dot product, cosine similarity, Pearson correlation), statistics and the
// FIR/IIR filters. Semantics: src/values/series.ts. Fits, outliers and decomposition: series-fit.ts.

import type { Dynamic } from '../../../values/types.js';
import * as s from '../../../values/series.js';
import type { ScalarFunctionDef } from '../types.js';
import { seriesFunction } from './series-def.js';

const dyn = (v: unknown) => (v ?? null) as Dynamic;
const page = (name: string) => `${name.replace(/_/g, '-')}-function`;

/** series_<op>(series1, series2): element-wise, longs stay longs when `long` is given. */
function binary(name: string, op: s.BinaryOp, returns: string, doc: string): ScalarFunctionDef {
  return seriesFunction({
    name,
    params: ['operand', 'operand'],
    returns: 'dynamic',
    row: (a, b) => s.elementWise(dyn(a), dyn(b), op),
    doc: `${doc} (element-wise; ${returns}; a missing or non-numeric element gives null).`,
    docs: page(name),
    example: `print ${name}(dynamic([1,2,4]), dynamic([4,2,1]))`,
  });
}

/** series_<fn>(series): element-wise; `long` keeps long elements long. */
function unary(name: string, real: (x: number) => number | null, doc: string, long?: (x: bigint) => bigint): ScalarFunctionDef {
  return seriesFunction({
    name,
    params: ['series'],
    returns: 'dynamic',
    row: (a) => s.mapSeries(dyn(a), real, long),
    doc: `${doc} of each element (a non-numeric element gives null).`,
    docs: page(name),
    example: `print ${name}(dynamic([-1.5,0,1]))`,
  });
}

const cmp = (real: (a: number, b: number) => boolean, exact: (a: bigint, b: bigint) => boolean): s.BinaryOp => ({ real, exact });
/** log of a negative number is null, as the scalar log() (log-function.md). */
const logOf = (x: number) => (x < 0 ? null : Math.log(x));
/** asin/acos outside [-1, 1] are NaN, as Math's and .NET's [U]. */

export const seriesFunctions: readonly ScalarFunctionDef[] = [
  binary('series_add', { long: (a, b) => a + b, real: (a, b) => a + b }, 'long when both elements are longs, else real', 'Sum'),
  binary('series_subtract', { long: (a, b) => a - b, real: (a, b) => a - b }, 'long when both elements are longs, else real', 'Difference'),
  binary('series_multiply', { long: (a, b) => a * b, real: (a, b) => a * b }, 'long when both elements are longs, else real', 'Product'),
  binary('series_divide', { real: (a, b) => a / b }, 'always real; x/0 is ±inf or NaN', 'Quotient'),
  binary('series_pow', { real: (a, b) => Math.pow(a, b) }, 'real', 'Power'),
  binary('series_greater', cmp((a, b) => a > b, (a, b) => a > b), 'bool', 'Greater than'),
  binary('series_greater_equals', cmp((a, b) => a >= b, (a, b) => a >= b), 'bool', 'Greater than or equal'),
  binary('series_less', cmp((a, b) => a < b, (a, b) => a < b), 'bool', 'Less than'),
  binary('series_less_equals', cmp((a, b) => a <= b, (a, b) => a <= b), 'bool', 'Less than or equal'),
  binary('series_equals', cmp((a, b) => a === b, (a, b) => a === b), 'bool', 'Equality'),
  binary('series_not_equals', cmp((a, b) => a !== b, (a, b) => a !== b), 'bool', 'Inequality'),
  unary('series_abs', Math.abs, 'Absolute value', (x) => (x < 0n ? -x : x)),
  unary('series_sign', (x) => (x > 0 ? 1 : x < 0 ? -1 : x), 'Sign (-1, 0, 1)', (x) => (x > 0n ? 1n : x < 0n ? -1n : 0n)),
  unary('series_floor', Math.floor, 'Floor (a real)'),
  unary('series_ceiling', Math.ceil, 'Ceiling (a real)'),
  unary('series_exp', Math.exp, 'e to the power'),
  unary('series_log', logOf, 'Natural logarithm (null for a negative element)'),
  unary('series_sin', Math.sin, 'Sine'),
  unary('series_cos', Math.cos, 'Cosine'),
  unary('series_tan', Math.tan, 'Tangent'),
  unary('series_asin', Math.asin, 'Arcsine'),
  unary('series_acos', Math.acos, 'Arccosine'),
  unary('series_atan', Math.atan, 'Arctangent'),
  seriesFunction({
    name: 'series_fill_const',
    resultName: 'first-argument',
    params: ['series', 'scalar', 'scalar'],
    optional: 1,
    nulls: 'custom',
    returns: 'dynamic',
    row: (a, c, p) => s.fillConst(dyn(a), dyn(c), dyn(p)),
    doc: 'Replaces missing values (null, or the placeholder) with a constant.',
    docs: page('series_fill_const'),
    example: 'print series_fill_const(dynamic([1,null,3]), 0)',
  }),
  seriesFunction({
    name: 'series_fill_forward',
    resultName: 'first-argument',
    params: ['series', 'scalar'],
    optional: 1,
    nulls: 'custom',
    returns: 'dynamic',
    row: (a, p) => s.fillForward(dyn(a), dyn(p)),
    doc: 'Fills missing values with the nearest value on their left; leading ones stay.',
    docs: page('series_fill_forward'),
    example: 'print series_fill_forward(dynamic([null,1,null,3]))',
  }),
  seriesFunction({
    name: 'series_fill_backward',
    resultName: 'first-argument',
    params: ['series', 'scalar'],
    optional: 1,
    nulls: 'custom',
    returns: 'dynamic',
    row: (a, p) => s.fillBackward(dyn(a), dyn(p)),
    doc: 'Fills missing values with the nearest value on their right; trailing ones stay.',
    docs: page('series_fill_backward'),
    example: 'print series_fill_backward(dynamic([1,null,3,null]))',
  }),
  seriesFunction({
    name: 'series_fill_linear',
    resultName: 'first-argument',
    params: ['series', 'scalar', 'bool', 'scalar'],
    optional: 3,
    nulls: 'custom',
    returns: 'dynamic',
    row: (a, p, edges, c) => s.fillLinear(dyn(a), dyn(p), edges !== false, c === undefined ? 0 : dyn(c)),
    doc: 'Interpolates missing values linearly (edges take the nearest value unless fill_edges is false).',
    docs: page('series_fill_linear'),
    example: 'print series_fill_linear(dynamic([1,null,3]))',
  }),
  seriesFunction({ name: 'series_sum', params: ['series'], returns: 'real', row: (a) => s.seriesSum(dyn(a)), doc: 'Sum of the elements, a real.', docs: page('series_sum'), example: 'print series_sum(dynamic([1,2,3,4]))' }),
  seriesFunction({ name: 'series_product', params: ['series'], returns: 'real', row: (a) => s.seriesProduct(dyn(a)), doc: 'Product of the elements, a real.', docs: page('series_product'), example: 'print series_product(dynamic([1,2,3,4]))' }),
  seriesFunction({ name: 'series_magnitude', params: ['series'], returns: 'real', row: (a) => s.seriesMagnitude(dyn(a)), doc: 'Euclidean magnitude: square root of the dot product with itself.', docs: page('series_magnitude'), example: 'print series_magnitude(dynamic([1,2,3,4]))' }),
  seriesFunction({
    name: 'series_dot_product',
    params: ['operand', 'operand'],
    returns: 'real',
    row: (a, b) => s.dotProduct(dyn(a), dyn(b)),
    doc: 'Dot product (the longer series truncated, a number broadcast, non-numeric elements ignored; empty → null).',
    docs: page('series_dot_product'),
    example: 'print series_dot_product(dynamic([1,2,4]), dynamic([4,2,1]))',
  }),
  seriesFunction({
    name: 'series_cosine_similarity',
    params: ['series', 'series', 'real', 'real'],
    optional: 2,
    nulls: 'custom',
    returns: 'real',
    row: (a, b, m1, m2) => s.cosineSimilarity(dyn(a), dyn(b), (m1 ?? null) as number | null, (m2 ?? null) as number | null),
    doc: 'Cosine similarity of two series (magnitudes computed unless given).',
    docs: page('series_cosine_similarity'),
    example: 'print series_cosine_similarity(dynamic([1,2]), dynamic([2,4]))',
  }),
  seriesFunction({
    name: 'series_pearson_correlation',
    params: ['series', 'series'],
    returns: 'real',
    row: (a, b) => s.pearsonCorrelation(dyn(a), dyn(b)),
    doc: 'Pearson correlation coefficient (null for a non-numeric element or different lengths).',
    docs: page('series_pearson_correlation'),
    example: 'print series_pearson_correlation(dynamic([1,2,3]), dynamic([2,4,6]))',
  }),
  seriesFunction({
    name: 'series_stats_dynamic',
    params: ['series', 'bool'],
    optional: 1,
    returns: 'dynamic',
    row: (a, ignore) => s.seriesStatsBag(dyn(a), ignore === true),
    doc: 'min, min_idx, max, max_idx, avg, stdev, variance (sample), sum and len in a bag.',
    docs: page('series_stats_dynamic'),
    example: 'print series_stats_dynamic(dynamic([1,2,3]))',
  }),
  seriesFunction({
    name: 'series_iir',
    resultName: 'first-argument',
    params: ['series', 'series', 'series'],
    returns: 'dynamic',
    row: (a, b, den) => s.iir(dyn(a), dyn(b), dyn(den)),
    doc: 'Infinite impulse response filter (numerators, denominators), reals.',
    docs: page('series_iir'),
    example: 'print series_iir(dynamic([1,2,3]), dynamic([1]), dynamic([1,-1]))',
  }),
  seriesFunction({
    name: 'series_fir',
    resultName: 'first-argument',
    params: ['series', 'series', 'bool', 'bool'],
    optional: 2,
    nulls: 'custom',
    returns: 'dynamic',
    row: (a, f, norm, center) => (a === null || f === null ? null : s.fir(dyn(a), dyn(f), (norm ?? null) as boolean | null, center === true)),
    doc: 'Finite impulse response filter (normalized by default unless a coefficient is negative; optionally centred).',
    docs: page('series_fir'),
    example: 'print series_fir(dynamic([1,2,3,4]), dynamic([1,1]))',
  }),
];
