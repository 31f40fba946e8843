// series_fit_poly (series-fit-poly-function.md) and series_fft / series_ifft (series-fft-function.md,
// series-ifft-function.md): least-squares polynomials and the discrete Fourier transform of series. [U] choices are
// listed in src/engine/functions/CONTEXT.md (series). Browser-safe.

import { freezeDynamic } from './dynamic.js';
import { numbersOf, sampleVariance } from './series.js';
import type { Dynamic } from './types.js';

function finite(d: Dynamic): number[] | null {
  const xs = numbersOf(d);
  return !xs || xs.some((x) => x === null) ? null : (xs as number[]);
}

/**
 * Least squares for A·c ≈ y by Householder QR (stable where the normal equations lose digits: the page warns about
 * large x and high degrees). A is m×k (rows of `rows`), m ≥ k; null when A's columns are dependent.
 */
function leastSquares(rows: number[][], y: readonly number[]): number[] | null {
  const m = rows.length;
  const k = rows[0]!.length;
  const a = rows.map((r) => [...r]);
  const b = [...y];
  for (let j = 0; j < k; j++) {
    let norm = 0;
    for (let i = j; i < m; i++) norm += a[i]![j]! * a[i]![j]!;
    norm = Math.sqrt(norm);
    if (norm === 0) return null;
    const alpha = a[j]![j]! > 0 ? -norm : norm;
    const v = new Array<number>(m).fill(0);
    for (let i = j; i < m; i++) v[i] = a[i]![j]!;
    v[j] = v[j]! - alpha;
    let vv = 0;
    for (let i = j; i < m; i++) vv += v[i]! * v[i]!;
    if (vv === 0) continue;
    for (let c = j; c < k; c++) {
      let dot = 0;
      for (let i = j; i < m; i++) dot += v[i]! * a[i]![c]!;
      const f = (2 * dot) / vv;
      for (let i = j; i < m; i++) a[i]![c] = a[i]![c]! - f * v[i]!;
    }
    let dot = 0;
    for (let i = j; i < m; i++) dot += v[i]! * b[i]!;
    const f = (2 * dot) / vv;
    for (let i = j; i < m; i++) b[i] = b[i]! - f * v[i]!;
  }
  const c = new Array<number>(k).fill(0);
  for (let j = k - 1; j >= 0; j--) {
    let s = b[j]!;
    for (let t = j + 1; t < k; t++) s -= a[j]![t]! * c[t]!;
    if (Math.abs(a[j]![j]!) < 1e-300) return null;
    c[j] = s / a[j]![j]!;
  }
  return c;
}

/**
 * series_fit_poly(y [, x [, degree]]): rsquare, coefficients (highest power first, the page), variance (sample, as
 * series_fit_line), rvariance (Σr²/(n−1), as series_fit_line), poly_fit. x defaults to 1..n and degree to 1 (the
 * page), so degree 1 gives series_fit_line's line (the page's example 2).
 * [U] Fewer points than coefficients, a degree below 1, x of another length or a non-numeric element give nulls;
 * a constant y has rsquare 1.
 */
export function fitPolyValues(yd: Dynamic, xd: Dynamic | undefined, degree: number): Dynamic[] {
  const none: Dynamic[] = [null, null, null, null, null];
  const ys = finite(yd);
  if (!ys || !Number.isInteger(degree) || degree < 1 || ys.length < degree + 1) return none;
  const xs = xd === undefined || xd === null ? ys.map((_, i) => i + 1) : finite(xd);
  if (!xs || xs.length !== ys.length) return none;
  const rows = xs.map((x) => Array.from({ length: degree + 1 }, (_, j) => Math.pow(x, degree - j)));
  const c = leastSquares(rows, ys);
  if (!c) return none;
  const fit = rows.map((r) => r.reduce((s, v, j) => s + v * c[j]!, 0));
  const n = ys.length;
  const mean = ys.reduce((s, v) => s + v, 0) / n;
  let sst = 0;
  let ssr = 0;
  for (let i = 0; i < n; i++) {
    sst += (ys[i]! - mean) ** 2;
    ssr += (ys[i]! - fit[i]!) ** 2;
  }
  return [sst === 0 ? 1 : 1 - ssr / sst, freezeDynamic(c), sampleVariance(ys), n > 1 ? ssr / (n - 1) : 0, freezeDynamic(fit)];
}

/**
 * The discrete Fourier transform X_k = Σ x_j·e^(∓2πi·jk/n) (− forward); the inverse divides by n, so
 * series_ifft(series_fft(x)) = x (the page's round trip) [U: the pages give neither the sign nor the scaling; this
 * is the usual convention]. Radix-2 for powers of two, Bluestein's chirp for other lengths, so any length works.
 */
function dft(re: number[], im: number[], inverse: boolean): [number[], number[]] {
  const n = re.length;
  if (n === 0) return [[], []];
  const [r, i] = (n & (n - 1)) === 0 ? radix2(re, im, inverse) : bluestein(re, im, inverse);
  if (inverse) for (let k = 0; k < n; k++) (r[k] = r[k]! / n), (i[k] = i[k]! / n);
  return [r, i];
}

function radix2(re0: readonly number[], im0: readonly number[], inverse: boolean): [number[], number[]] {
  const n = re0.length;
  const re = [...re0];
  const im = [...im0];
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) [re[i], re[j], im[i], im[j]] = [re[j]!, re[i]!, im[j]!, im[i]!];
  }
  for (let len = 2; len <= n; len <<= 1) {
    const angle = ((inverse ? 2 : -2) * Math.PI) / len;
    for (let s = 0; s < n; s += len) {
      for (let k = 0; k < len / 2; k++) {
        const wr = Math.cos(angle * k);
        const wi = Math.sin(angle * k);
        const a = s + k;
        const b = a + len / 2;
        const tr = re[b]! * wr - im[b]! * wi;
        const ti = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a] = re[a]! + tr;
        im[a] = im[a]! + ti;
      }
    }
  }
  return [re, im];
}

function bluestein(re: readonly number[], im: readonly number[], inverse: boolean): [number[], number[]] {
  const n = re.length;
  let m = 1;
  while (m < 2 * n - 1) m <<= 1;
  const sign = inverse ? 1 : -1;
  // Chirp w_k = e^(sign·πi·k²/n); k² taken modulo 2n keeps the angle exact for long series.
  const cr = new Array<number>(n);
  const ci = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const angle = (sign * Math.PI * ((k * k) % (2 * n))) / n;
    cr[k] = Math.cos(angle);
    ci[k] = Math.sin(angle);
  }
  const ar = new Array<number>(m).fill(0);
  const ai = new Array<number>(m).fill(0);
  for (let k = 0; k < n; k++) {
    ar[k] = re[k]! * cr[k]! - im[k]! * ci[k]!;
    ai[k] = re[k]! * ci[k]! + im[k]! * cr[k]!;
  }
  const br = new Array<number>(m).fill(0);
  const bi = new Array<number>(m).fill(0);
  br[0] = cr[0]!;
  bi[0] = -ci[0]!;
  for (let k = 1; k < n; k++) {
    br[k] = br[m - k] = cr[k]!;
    bi[k] = bi[m - k] = -ci[k]!;
  }
  const [fa, fai] = radix2(ar, ai, false);
  const [fb, fbi] = radix2(br, bi, false);
  const pr = fa.map((v, k) => v * fb[k]! - fai[k]! * fbi[k]!);
  const pi = fa.map((v, k) => v * fbi[k]! + fai[k]! * fb[k]!);
  const [cv, cvi] = radix2(pr, pi, true);
  const outR = new Array<number>(n);
  const outI = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const xr = cv[k]! / m;
    const xi = cvi[k]! / m;
    outR[k] = xr * cr[k]! - xi * ci[k]!;
    outI[k] = xr * ci[k]! + xi * cr[k]!;
  }
  return [outR, outI];
}

/**
 * series_fft / series_ifft values (real, imag). The imaginary part defaults to zeros (the pages); [U] an imaginary
 * series of another length or a non-numeric element gives nulls.
 */
export function fourierValues(reD: Dynamic, imD: Dynamic | undefined, inverse: boolean): Dynamic[] {
  const re = finite(reD);
  const im = imD === undefined || imD === null ? re && re.map(() => 0) : finite(imD);
  if (!re || !im || im.length !== re.length) return [null, null];
  const [r, i] = dft(re, im, inverse);
  return [freezeDynamic(r), freezeDynamic(i)];
}
