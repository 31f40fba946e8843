// Per-UTF-16-unit character tables shared by the string operators: which characters belong to a *term*
// (letters and decimal digits of every script), and the case mappings used by case-insensitive comparison,
// toupper() and tolower().
//
// Tables cover the BMP (65,536 entries each) and are built once, lazily, on first use (a few milliseconds), so
// importing this module in a browser costs nothing until a string operator actually runs.
//
// Choices (see CONTEXT.md):
// * Term characters = Unicode general categories L* and Nd (what .NET's char.IsLetterOrDigit accepts). Marks
//   (Mn/Mc), letter-numbers (Nl), other numbers (No), `_` and all punctuation separate terms [U]: the engine was only
//   observed on Latin and Cyrillic letters.
// * Case-insensitive comparison folds each UTF-16 unit to its *simple* upper-case mapping, like .NET's
//   OrdinalIgnoreCase: lengths never change (`ß` stays `ß`), `ı`/`ſ` fold with `i`/`s`, `ς`/`σ` with `Σ`.
//   A fold that would change whether a character is a term character (U+0345 → Ι) is not applied, so folding never
//   moves term boundaries. Supplementary-plane letters (surrogate pairs) are compared without case folding [U].

const TERM_RE = /[\p{L}\p{Nd}]/u;

let termTable: Uint8Array | null = null;
let foldTable: Uint16Array | null = null;
let upperTable: Uint16Array | null = null;
let lowerTable: Uint16Array | null = null;
const astralTermCache = new Map<number, boolean>();

/** Simple upper-case mappings whose *full* mapping is longer (Greek letters with ypogegrammeni → title-case forms). */
function simpleUpperOfMultiUnit(c: number): number {
  if ((c >= 0x1f80 && c <= 0x1f87) || (c >= 0x1f90 && c <= 0x1f97) || (c >= 0x1fa0 && c <= 0x1fa7)) return c + 8;
  if (c === 0x1fb3) return 0x1fbc;
  if (c === 0x1fc3) return 0x1fcc;
  if (c === 0x1ff3) return 0x1ffc;
  return c; // ß, ŉ, ǰ, ligatures …: no simple upper-case mapping
}

function build(): void {
  const term = new Uint8Array(65536);
  const upper = new Uint16Array(65536);
  const lower = new Uint16Array(65536);
  const fold = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    upper[c] = c;
    lower[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) continue; // lone surrogate halves: separators, no case
    const ch = String.fromCharCode(c);
    if (TERM_RE.test(ch)) term[c] = 1;
    const u = ch.toUpperCase();
    upper[c] = u.length === 1 ? u.charCodeAt(0) : simpleUpperOfMultiUnit(c);
    const l = ch.toLowerCase();
    // Only U+0130 (İ) has a multi-unit full lower-case mapping; its simple mapping is plain `i`.
    lower[c] = l.length === 1 ? l.charCodeAt(0) : c === 0x130 ? 0x69 : c;
  }
  for (let c = 0; c < 65536; c++) {
    const f = upper[c]!;
    fold[c] = term[f] === term[c] ? f : c;
  }
  termTable = term;
  upperTable = upper;
  lowerTable = lower;
  foldTable = fold;
}

/** 1 for a BMP unit that is a term character, else 0. Surrogate halves are 0 (pairs are classified separately). */
export function getTermTable(): Uint8Array {
  if (termTable === null) build();
  return termTable!;
}

/** Case-folding table: equal folded units ⇔ equal ignoring case. Surrogate halves map to themselves. */
export function getFoldTable(): Uint16Array {
  if (foldTable === null) build();
  return foldTable!;
}

export function getUpperTable(): Uint16Array {
  if (upperTable === null) build();
  return upperTable!;
}

export function getLowerTable(): Uint16Array {
  if (lowerTable === null) build();
  return lowerTable!;
}

export function isAstralTermChar(cp: number): boolean {
  let r = astralTermCache.get(cp);
  if (r === undefined) {
    r = TERM_RE.test(String.fromCodePoint(cp));
    astralTermCache.set(cp, r);
  }
  return r;
}

/** Whether the character whose (first) unit is at index i is a term character. Requires 0 <= i < s.length. */
export function isTermAt(s: string, i: number, term: Uint8Array): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return term[c] === 1;
  if (c <= 0xdbff) {
    const d = s.charCodeAt(i + 1); // NaN past the end: comparisons below are false
    if (d >= 0xdc00 && d <= 0xdfff) return isAstralTermChar(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
    return false;
  }
  const p = s.charCodeAt(i - 1);
  if (p >= 0xd800 && p <= 0xdbff) return isAstralTermChar(((p - 0xd800) << 10) + (c - 0xdc00) + 0x10000);
  return false;
}

/** Whether the character that ends just before index i is a term character. Requires 0 < i <= s.length. */
export function isTermBefore(s: string, i: number, term: Uint8Array): boolean {
  return isTermAt(s, i - 1, term);
}

/** True when the string contains no UTF-16 surrogate, i.e. code units and code points coincide. */
export function isBmpOnly(s: string): boolean {
  return !SURROGATE_RE.test(s);
}
const SURROGATE_RE = /[\uD800-\uDFFF]/;
