// Character sets for the KQL regex translator (regex.ts): ASCII classes, Unicode property names, code-point ranges,
// case closure, and the enumeration of a JavaScript class into explicit ranges (used to hand classes that RE2 syntax
// cannot spell — Unicode binary properties, nested classes, && -- ~~ — to the linear-time engine, and to decide
// whether two sets overlap when estimating backtracking cost).

export type Range = readonly [number, number];

export const POSIX_CLASSES: Readonly<Record<string, readonly Range[]>> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};

export const ASCII_DIGIT: readonly Range[] = [[0x30, 0x39]];
export const ASCII_SPACE: readonly Range[] = POSIX_CLASSES.space!;
export const ASCII_WORD: readonly Range[] = POSIX_CLASSES.word!;

/** A code point written so that it is literal both inside and outside classes, in JS `u`/`v` mode. */
export function lit(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) {
    return String.fromCharCode(cp);
  }
  return `\\u{${cp.toString(16)}}`;
}

/** The same code point in RE2 syntax. */
export function litRe2(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) {
    return String.fromCharCode(cp);
  }
  return `\\x{${cp.toString(16)}}`;
}

export function rangesSrc(ranges: readonly Range[]): string {
  let s = '';
  for (const [a, b] of ranges) s += a === b ? lit(a) : `${lit(a)}-${lit(b)}`;
  return s;
}

export function rangesSrcRe2(ranges: readonly Range[]): string {
  let s = '';
  for (const [a, b] of ranges) s += a === b ? litRe2(a) : `${litRe2(a)}-${litRe2(b)}`;
  return s;
}

export function complement(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [a, b] of ranges) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= 0x10ffff) out.push([next, 0x10ffff]);
  return out;
}

export function hasCaseVariants(cp: number): boolean {
  const ch = String.fromCodePoint(cp);
  return ch.toLowerCase() !== ch || ch.toUpperCase() !== ch || cp === 0x131 || cp === 0x17f;
}

const PROPERTY_KEYS: Readonly<Record<string, string>> = {
  sc: 'Script',
  script: 'Script',
  scx: 'Script_Extensions',
  script_extensions: 'Script_Extensions',
  gc: 'General_Category',
  general_category: 'General_Category',
};

function titleCase(name: string): string {
  return name
    .split(/[\s_-]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join('_');
}

function validProperty(body: string): boolean {
  try {
    new RegExp(`\\p{${body}}`, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Resolves a KQL Unicode class name to a JS property escape body, or null. */
export function resolveProperty(name: string): string | null {
  const trimmed = name.trim();
  const eq = trimmed.search(/[=:]/);
  if (eq >= 0) {
    const key = PROPERTY_KEYS[trimmed.slice(0, eq).trim().toLowerCase().replace(/[\s-]/g, '_')];
    const value = trimmed.slice(eq + 1).trim();
    if (key === undefined) return null;
    for (const v of [value, titleCase(value)]) if (validProperty(`${key}=${v}`)) return `${key}=${v}`;
    return null;
  }
  const candidates = [trimmed, titleCase(trimmed), trimmed.replace(/[\s-]/g, '_')];
  for (const c of candidates) if (validProperty(c)) return c;
  for (const c of candidates) if (validProperty(`Script=${c}`)) return `Script=${c}`;
  return null;
}

let bmpString: string | null = null;
/** All BMP code points except surrogates, in order (index i ↦ code point i, or i + 0x800 from U+E000 on). */
export function allBmp(): string {
  if (bmpString === null) {
    const parts: string[] = [];
    for (let c = 0; c < 0x10000; c += 0x1000) {
      const codes: number[] = [];
      for (let d = c; d < c + 0x1000; d++) if (d < 0xd800 || d > 0xdfff) codes.push(d);
      parts.push(String.fromCharCode(...codes));
    }
    bmpString = parts.join('');
  }
  return bmpString;
}

let astralString: string | null = null;
/** All supplementary-plane code points, in order, as surrogate pairs (built once, 4 MB). */
function allAstral(): string {
  if (astralString === null) {
    const parts: string[] = [];
    for (let c = 0x10000; c <= 0x10ffff; c += 0x1000) {
      const codes: number[] = [];
      for (let d = c; d < c + 0x1000; d++) codes.push(0xd800 + ((d - 0x10000) >> 10), 0xdc00 + ((d - 0x10000) & 0x3ff));
      parts.push(String.fromCharCode(...codes));
    }
    astralString = parts.join('');
  }
  return astralString;
}

function collect(re: RegExp, text: string, ranges: [number, number][], limit: number): boolean {
  for (const m of text.matchAll(re)) {
    const cp = m[0].codePointAt(0)!;
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last[1] === cp - 1) last[1] = cp;
    else {
      if (ranges.length >= limit) return false;
      ranges.push([cp, cp]);
    }
  }
  return true;
}

/** BMP code points matched by `cls` (a complete JS class) under case-insensitive matching. */
export function caseClosure(cls: string, jsUnicodeFlag: string): Range[] {
  const ranges: [number, number][] = [];
  collect(new RegExp(cls, `gi${jsUnicodeFlag}`), allBmp(), ranges, Infinity);
  return ranges;
}

const rangeCache = new Map<string, readonly Range[]>();

function pushRange(ranges: [number, number][], a: number, b: number): void {
  const last = ranges[ranges.length - 1];
  if (last !== undefined && last[1] === a - 1) last[1] = b;
  else ranges.push([a, b]);
}

/**
 * Every code point matched by `atom`, a JS pattern that matches exactly one code point (a class or property escape),
 * compiled with `flags` (`u` or `v`). Runs of the pattern over the strings of all code points give the ranges
 * directly (one match per range, not per code point). Cached.
 */
export function atomRanges(atom: string, flags: string): readonly Range[] {
  const key = `${flags}\u0000${atom}`;
  let r = rangeCache.get(key);
  if (r === undefined) {
    const ranges: [number, number][] = [];
    const re = new RegExp(`(?:${atom})+`, `g${flags}`);
    const bmp = allBmp(); // index i is code point i below U+D800, i + 0x800 from U+E000 on
    for (const m of bmp.matchAll(re)) {
      const a = m.index;
      const b = a + m[0].length - 1;
      const cp = (i: number) => (i < 0xd800 ? i : i + 0x800);
      if (a < 0xd800 && b >= 0xd800) {
        pushRange(ranges, a, 0xd7ff);
        pushRange(ranges, 0xe000, cp(b));
      } else {
        pushRange(ranges, cp(a), cp(b));
      }
    }
    for (const m of allAstral().matchAll(re)) {
      pushRange(ranges, 0x10000 + m.index / 2, 0x10000 + (m.index + m[0].length) / 2 - 1);
    }
    r = ranges;
    if (rangeCache.size >= 256) rangeCache.clear();
    rangeCache.set(key, r);
  }
  return r;
}

const smallCache = new Map<string, string[] | null>();

/** The BMP members of a one-code-point JS pattern when there are at most `limit`, else null. Cached. */
export function smallMembers(atom: string, flags: string, limit = 256): string[] | null {
  const key = `${flags}\u0000${atom}`;
  let r = smallCache.get(key);
  if (r === undefined) {
    let count = 0;
    r = [];
    for (const m of allBmp().matchAll(new RegExp(atom, `g${flags}`))) {
      if (++count > limit) {
        r = null;
        break;
      }
      r.push(m[0]);
    }
    if (smallCache.size >= 512) smallCache.clear();
    smallCache.set(key, r);
  }
  return r;
}
