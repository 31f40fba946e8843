// Whole-string and substring predicates (contains, startswith, endswith, ==, =~ and negations), the has family
// by delegation to terms.ts, and the ordinal comparison used to sort strings.
// docs: datatypes-string-operators.md (operator table and its examples).
//
// Case-insensitive variants use the same per-unit folding as `has` (unicode.ts), so `=~`, `contains` and `has`
// agree on what "equal ignoring case" means. Empty needles: `contains ""`, `startswith ""`, `endswith ""` are true
// (every string contains the empty string) [U].

import { CompiledNeedle } from './search.js';
import { makeTermMatcher, type TermOp } from './terms.js';
import { getFoldTable } from './unicode.js';

export type StringPredicateOp =
  | 'contains' | '!contains' | 'contains_cs' | '!contains_cs'
  | 'startswith' | '!startswith' | 'startswith_cs' | '!startswith_cs'
  | 'endswith' | '!endswith' | 'endswith_cs' | '!endswith_cs'
  | 'has' | '!has' | 'has_cs' | '!has_cs'
  | 'hasprefix' | '!hasprefix' | 'hasprefix_cs' | '!hasprefix_cs'
  | 'hassuffix' | '!hassuffix' | 'hassuffix_cs' | '!hassuffix_cs'
  | '==' | '!=' | '=~' | '!~';

export const STRING_PREDICATE_OPS: readonly StringPredicateOp[] = [
  'contains', '!contains', 'contains_cs', '!contains_cs',
  'startswith', '!startswith', 'startswith_cs', '!startswith_cs',
  'endswith', '!endswith', 'endswith_cs', '!endswith_cs',
  'has', '!has', 'has_cs', '!has_cs',
  'hasprefix', '!hasprefix', 'hasprefix_cs', '!hasprefix_cs',
  'hassuffix', '!hassuffix', 'hassuffix_cs', '!hassuffix_cs',
  '==', '!=', '=~', '!~',
];

/** `a =~ b`: equal after per-unit case folding (folding never changes the length). */
export function equalsIgnoreCase(a: string, b: string): boolean {
  if (a === b) return true;
  const n = a.length;
  if (n !== b.length) return false;
  const fold = getFoldTable();
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && fold[x] !== fold[y]) return false;
  }
  return true;
}

/**
 * Ordinal string order for sort/min/max: by Unicode code point, i.e. the order of the UTF-8 bytes Kusto stores
 * [U: undocumented; kql-semantics.md §10 also reads it as code-point order]. This differs from UTF-16 code-unit
 * order (JavaScript's `<`) only when a supplementary character (surrogate pair) meets a unit in U+E000..U+FFFF.
 * Returns -1, 0 or 1. `""` sorts lowest.
 */
export function compareOrdinal(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // Move surrogates above U+E000..U+FFFF so that pairs (code points ≥ U+10000) sort after all BMP units.
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function positive(op: string, needle: string): (s: string) => boolean {
  switch (op) {
    case 'contains_cs':
      return (s) => s.includes(needle);
    case 'startswith_cs':
      return (s) => s.startsWith(needle);
    case 'endswith_cs':
      return (s) => s.endsWith(needle);
    case 'contains': {
      const c = new CompiledNeedle(needle, true, false, false);
      return (s) => c.test(s);
    }
    case 'startswith': {
      const c = new CompiledNeedle(needle, true, false, false);
      return (s) => c.matchesAt(s, 0);
    }
    case 'endswith': {
      const c = new CompiledNeedle(needle, true, false, false);
      return (s) => c.matchesAt(s, s.length - c.length);
    }
    case '==':
      return (s) => s === needle;
    case '=~':
      return (s) => equalsIgnoreCase(s, needle);
    case 'has':
    case 'has_cs':
    case 'hasprefix':
    case 'hasprefix_cs':
    case 'hassuffix':
    case 'hassuffix_cs':
      return makeTermMatcher(op as TermOp, needle);
    default:
      throw new Error(`not a string predicate operator: ${op}`);
  }
}

/** Compiles `s <op> needle` (needle fixed, s per row). Negated operators are the exact negation. */
export function makeStringPredicate(op: StringPredicateOp, needle: string): (s: string) => boolean {
  if (op === '!=') return (s) => s !== needle;
  if (op === '!~') return (s) => !equalsIgnoreCase(s, needle);
  if (op.startsWith('!')) {
    const p = positive(op.slice(1), needle);
    return (s) => !p(s);
  }
  return positive(op, needle);
}
