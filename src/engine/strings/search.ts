// The one substring-search primitive behind contains/startswith/endswith and the whole `has` family: find an
// occurrence of a needle (exact, or equal after per-unit case folding) whose edges optionally sit on term boundaries.
//
// Speed matters here (millions of rows per query), so a compiled needle searches with the engine's native
// String.prototype.indexOf on a "pivot" unit of the needle — a unit that only 1–3 haystack units can fold to (every
// digit and ASCII punctuation has exactly one, a letter usually two) — and verifies candidates around it. Calls
// allocate nothing.

import { getFoldTable, getTermTable, isTermAt } from './unicode.js';

const NONE = Number.MAX_SAFE_INTEGER;

let foldVariants: Map<number, number[]> | null = null;

/** Every BMP unit whose folded form is `f` (only computed for units with more than one variant). */
function variantsOf(f: number): readonly number[] {
  if (foldVariants === null) {
    const fold = getFoldTable();
    const groups = new Map<number, number[]>();
    for (let c = 0; c < 65536; c++) {
      const g = fold[c]!;
      const list = groups.get(g);
      if (list === undefined) groups.set(g, [c]);
      else list.push(c);
    }
    foldVariants = new Map();
    for (const [g, list] of groups) if (list.length > 1 || list[0] !== g) foldVariants.set(g, list);
  }
  // A folded value nobody else maps to is its own only variant.
  return foldVariants.get(f) ?? [f];
}

/** Folds every UTF-16 unit (see unicode.ts). */
export function foldString(s: string): string {
  const fold = getFoldTable();
  let i = 0;
  const n = s.length;
  while (i < n && fold[s.charCodeAt(i)] === s.charCodeAt(i)) i++;
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) out += String.fromCharCode(fold[s.charCodeAt(i)]!);
  return out;
}

/**
 * A needle compiled for repeated searching. `anchorStart`: the occurrence must not be preceded by a term character;
 * `anchorEnd`: it must not be followed by one (start/end of the haystack always qualify).
 */
export class CompiledNeedle {
  readonly length: number;
  private readonly units: Uint16Array;
  private readonly raw: string;
  private readonly fold: Uint16Array;
  private readonly term: Uint8Array;
  private readonly pivot: number;
  private readonly v0: string;
  private readonly v1: string | null;
  private readonly v2: string | null;
  private readonly linear: boolean;

  constructor(
    needle: string,
    readonly ci: boolean,
    readonly anchorStart: boolean,
    readonly anchorEnd: boolean,
  ) {
    this.fold = getFoldTable();
    this.term = getTermTable();
    this.length = needle.length;
    const folded = ci ? foldString(needle) : needle;
    this.raw = needle;
    this.units = new Uint16Array(needle.length);
    for (let k = 0; k < needle.length; k++) this.units[k] = folded.charCodeAt(k);
    // Pivot: the needle unit with the fewest haystack units folding to it (1 for digits/punctuation).
    let pivot = 0;
    let best: readonly number[] = [];
    if (ci && needle.length > 0) {
      let bestSize = Infinity;
      for (let k = 0; k < needle.length; k++) {
        const vs = variantsOf(this.units[k]!);
        if (vs.length < bestSize) {
          bestSize = vs.length;
          best = vs;
          pivot = k;
          if (bestSize === 1) break;
        }
      }
    }
    this.pivot = pivot;
    this.linear = ci && best.length > 3;
    this.v0 = ci && best.length > 0 ? String.fromCharCode(best[0]!) : needle;
    this.v1 = ci && best.length > 1 && !this.linear ? String.fromCharCode(best[1]!) : null;
    this.v2 = ci && best.length > 2 && !this.linear ? String.fromCharCode(best[2]!) : null;
  }

  /** Whether the needle occurs at position p (any integer) with the required boundaries. */
  matchesAt(h: string, p: number): boolean {
    const m = this.length;
    const len = h.length;
    if (p < 0 || p + m > len) return false;
    if (this.ci) {
      const fold = this.fold;
      const units = this.units;
      for (let k = 0; k < m; k++) if (fold[h.charCodeAt(p + k)] !== units[k]) return false;
    } else if (!h.startsWith(this.raw, p)) return false;
    return this.edgesOk(h, p);
  }

  private edgesOk(h: string, p: number): boolean {
    if (this.anchorStart && p > 0 && isTermAt(h, p - 1, this.term)) return false;
    const e = p + this.length;
    if (this.anchorEnd && e < h.length && isTermAt(h, e, this.term)) return false;
    return true;
  }

  private equalsFoldedAt(h: string, p: number): boolean {
    const fold = this.fold;
    const units = this.units;
    const m = this.length;
    for (let k = 0; k < m; k++) if (fold[h.charCodeAt(p + k)] !== units[k]) return false;
    return true;
  }

  /** Whether the needle occurs anywhere in h with the required boundaries. An empty needle always occurs. */
  test(h: string): boolean {
    const m = this.length;
    if (m === 0) return true;
    const lastP = h.length - m;
    if (lastP < 0) return false;
    if (!this.ci) {
      const needle = this.raw;
      let p = h.indexOf(needle);
      while (p >= 0) {
        if (this.edgesOk(h, p)) return true;
        p = h.indexOf(needle, p + 1);
      }
      return false;
    }
    if (this.linear) {
      for (let p = 0; p <= lastP; p++) if (this.equalsFoldedAt(h, p) && this.edgesOk(h, p)) return true;
      return false;
    }
    const k = this.pivot;
    const v0 = this.v0;
    const v1 = this.v1;
    const v2 = this.v2;
    let a = h.indexOf(v0, k);
    if (a < 0) a = NONE;
    let b = NONE;
    if (v1 !== null) {
      b = h.indexOf(v1, k);
      if (b < 0) b = NONE;
    }
    let c = NONE;
    if (v2 !== null) {
      c = h.indexOf(v2, k);
      if (c < 0) c = NONE;
    }
    for (;;) {
      const pos = a < b ? (a < c ? a : c) : b < c ? b : c;
      const p = pos - k;
      if (p > lastP) return false; // also covers pos === NONE
      if (this.equalsFoldedAt(h, p) && this.edgesOk(h, p)) return true;
      if (pos === a) {
        a = h.indexOf(v0, pos + 1);
        if (a < 0) a = NONE;
      } else if (pos === b) {
        b = h.indexOf(v1!, pos + 1);
        if (b < 0) b = NONE;
      } else {
        c = h.indexOf(v2!, pos + 1);
        if (c < 0) c = NONE;
      }
    }
  }
}
