// The `has` family: term-based predicates (has, hasprefix, hassuffix, their _cs variants, has_any, has_all).
//
// Rule (docs: datatypes-string-operators.md "What is a term?", has-operator.md, hasprefix-operator.md,
// hassuffix-operator.md, has-any-operator.md, has-all-operator.md; plus engine observations recorded in
// /work/shared/kql-semantics.md §3.1): a haystack is a sequence of terms — maximal runs of term characters (letters and
// decimal digits of every script, see unicode.ts) — separated by everything else, `_` included.
//
// * A needle made only of term characters is a *term needle*: `has` ⇔ it equals a whole term, `hasprefix` ⇔ it is a
//   prefix of some term, `hassuffix` ⇔ a suffix of some term.
// * A needle containing separators (`bit.ly`, `/ipfs/`, `North America`) is a *phrase*: it must occur so that, if its
//   first character is a term character, the occurrence starts a term (preceded by a separator or the start), and if
//   its last character is a term character, the occurrence ends a term. Separator edges are unconstrained.
//   This single rule also covers term needles. hasprefix relaxes the end condition and hassuffix the start condition,
//   for phrases as for terms [U: observed only for `has`].
// * A needle with no term character at all (`.`, `://`) therefore behaves like `contains` [U].
// * Empty needle: true for every haystack, like `contains ""` [U: undocumented].
// * Case-insensitive variants fold per UTF-16 unit (unicode.ts); `_cs` variants compare ordinally.
//   The docs define case-insensitivity for ASCII only; the engine was observed folding Latin-1 and Cyrillic.
// * The 3/4-character minimum term length in the docs is an index optimisation only: `"a b c" has "b"` is true.

import { CompiledNeedle, foldString } from './search.js';
import { getFoldTable, getTermTable, isAstralTermChar, isTermAt } from './unicode.js';

export type TermOp = 'has' | 'has_cs' | 'hasprefix' | 'hasprefix_cs' | 'hassuffix' | 'hassuffix_cs';

export const TERM_OPS: readonly TermOp[] = ['has', 'has_cs', 'hasprefix', 'hasprefix_cs', 'hassuffix', 'hassuffix_cs'];

/** Whether s consists only of term characters (false for ""). */
export function isSingleTerm(s: string): boolean {
  if (s.length === 0) return false;
  const term = getTermTable();
  for (let i = 0; i < s.length; i++) if (!isTermAt(s, i, term)) return false;
  return true;
}

function compileTermNeedle(op: TermOp, needle: string): CompiledNeedle {
  const term = getTermTable();
  const m = needle.length;
  const firstIsTerm = m > 0 && isTermAt(needle, 0, term);
  const lastIsTerm = m > 0 && isTermAt(needle, m - 1, term);
  const ci = !op.endsWith('_cs');
  const prefix = op.startsWith('hasprefix');
  const suffix = op.startsWith('hassuffix');
  return new CompiledNeedle(needle, ci, firstIsTerm && !suffix, lastIsTerm && !prefix);
}

/**
 * Compiles `haystack <op> needle` into a per-row predicate. The needle is folded and classified once; calling the
 * result allocates nothing.
 */
export function makeTermMatcher(op: TermOp, needle: string): (haystack: string) => boolean {
  const compiled = compileTermNeedle(op, needle);
  return (haystack: string) => compiled.test(haystack);
}

/** One needle reachable from a term key: either the term itself or a phrase anchored `offset` units before it. */
interface KeyTarget {
  readonly index: number; // index among the distinct needles
  readonly offset: number; // where the key term starts inside the needle
  readonly phrase: CompiledNeedle | null; // null: the needle is exactly the key term
}

interface KeyEntry {
  readonly key: Uint16Array; // folded units of the key term
  readonly targets: KeyTarget[];
}

/** Lists up to this size are matched needle by needle; longer lists by one tokenization pass. */
const SMALL_LIST = 4;

function hashUnits(units: Uint16Array): number {
  let h = 0;
  for (let k = 0; k < units.length; k++) h = (Math.imul(h, 31) + units[k]!) | 0;
  return h;
}

/**
 * `has_any` (all = false) / `has_all` (all = true), case-insensitive, over a fixed needle list (duplicates and
 * case variants count once). The haystack is tokenized once per call; each term is hashed while scanning and looked
 * up among the needles' key terms (a term needle's key is itself; a phrase's key is its first term, which the rule
 * above forces to be a whole haystack term), so the cost is linear in the haystack whatever the list length.
 * Needles without any term character are checked by direct search. An empty list gives false for has_any and true
 * for has_all [U: the binder requires at least one value].
 */
export function makeHasAnyMatcher(needles: readonly string[], all: boolean): (haystack: string) => boolean {
  const fold = getFoldTable();
  const term = getTermTable();
  const distinct = [...new Set(needles.map(foldString))];
  const total = distinct.length;
  if (total <= SMALL_LIST) {
    // A few needles: one native-indexOf search each beats tokenizing the haystack.
    const compiled = distinct.map((n) => compileTermNeedle('has', n));
    return all ? (h) => compiled.every((c) => c.test(h)) : (h) => compiled.some((c) => c.test(h));
  }
  const buckets = new Map<number, KeyEntry[]>();
  const keyless: { index: number; needle: CompiledNeedle }[] = [];
  let minKey = Number.MAX_SAFE_INTEGER;
  let maxKey = 0;
  let emptyIndex = -1;
  // 64K-bit prefilter on key hashes: most haystack terms are rejected without a Map lookup.
  const filter = new Uint32Array(2048);

  distinct.forEach((needle, index) => {
    if (needle.length === 0) {
      emptyIndex = index;
      return;
    }
    // First term run of the needle.
    let s = 0;
    while (s < needle.length && !isTermAt(needle, s, term)) s++;
    if (s === needle.length) {
      keyless.push({ index, needle: compileTermNeedle('has', needle) });
      return;
    }
    let e = s;
    while (e < needle.length && isTermAt(needle, e, term)) e++;
    const key = new Uint16Array(e - s);
    for (let k = s; k < e; k++) key[k - s] = needle.charCodeAt(k);
    const isTerm = s === 0 && e === needle.length;
    const target: KeyTarget = { index, offset: s, phrase: isTerm ? null : compileTermNeedle('has', needle) };
    const hash = hashUnits(key);
    filter[(hash >>> 5) & 2047]! |= 1 << (hash & 31);
    let list = buckets.get(hash);
    if (list === undefined) buckets.set(hash, (list = []));
    let entry = list.find((x) => x.key.length === key.length && x.key.every((u, i) => u === key[i]));
    if (entry === undefined) list.push((entry = { key, targets: [] }));
    entry.targets.push(target);
    if (key.length < minKey) minKey = key.length;
    if (key.length > maxKey) maxKey = key.length;
  });

  if (!all) {
    if (emptyIndex >= 0) return () => true;
    return (h: string) => {
      for (const k of keyless) if (k.needle.test(h)) return true;
      return scanTerms(h, fold, term, buckets, filter, minKey, maxKey, null) > 0;
    };
  }

  // has_all: remember which needles were seen in this call with a per-call stamp (no clearing, no allocation).
  const seen = new Int32Array(total);
  let stamp = 0;
  const state: AllState = { seen, stamp: 0, count: 0, total };
  return (h: string) => {
    stamp = stamp === 0x7fffffff ? 1 : stamp + 1;
    if (stamp === 1) seen.fill(0);
    state.stamp = stamp;
    state.count = 0;
    if (emptyIndex >= 0) mark(state, emptyIndex);
    for (const k of keyless) if (k.needle.test(h)) mark(state, k.index);
    if (state.count === total) return true;
    return scanTerms(h, fold, term, buckets, filter, minKey, maxKey, state) === total;
  };
}

interface AllState {
  readonly seen: Int32Array;
  stamp: number;
  count: number;
  readonly total: number;
}

function mark(state: AllState, index: number): void {
  if (state.seen[index] !== state.stamp) {
    state.seen[index] = state.stamp;
    state.count++;
  }
}

/**
 * Walks the terms of h. Without `state` (has_any) returns 1 on the first needle found, else 0. With `state`
 * (has_all) marks every needle found and returns the number marked so far (stops early once all are found).
 */
function scanTerms(
  h: string,
  fold: Uint16Array,
  term: Uint8Array,
  buckets: Map<number, KeyEntry[]>,
  filter: Uint32Array,
  minKey: number,
  maxKey: number,
  state: AllState | null,
): number {
  const len = h.length;
  let i = 0;
  while (i < len) {
    // Skip separators (surrogate halves have term[c] === 0 and are classified as pairs).
    let c = h.charCodeAt(i);
    if (term[c] !== 1 && !((c & 0xf800) === 0xd800 && isTermAt(h, i, term))) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0;
    for (;;) {
      if (term[c] === 1) {
        hash = (Math.imul(hash, 31) + fold[c]!) | 0;
        i++;
      } else {
        // A surrogate pair is a term character when it encodes a letter/digit; it is never case-folded.
        const d = h.charCodeAt(i + 1);
        if ((c & 0xfc00) !== 0xd800 || (d & 0xfc00) !== 0xdc00) break;
        if (!isAstralTermChar(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)) break;
        hash = (Math.imul(Math.imul(hash, 31) + c, 31) + d) | 0;
        i += 2;
      }
      if (i >= len) break;
      c = h.charCodeAt(i);
    }
    const n = i - start;
    if (n < minKey || n > maxKey || (filter[(hash >>> 5) & 2047]! & (1 << (hash & 31))) === 0) continue;
    const list = buckets.get(hash);
    if (list === undefined) continue;
    for (let e = 0; e < list.length; e++) {
      const entry = list[e]!;
      const key = entry.key;
      if (key.length !== n) continue;
      let k = 0;
      while (k < n && fold[h.charCodeAt(start + k)] === key[k]) k++;
      if (k !== n) continue;
      const targets = entry.targets;
      for (let t = 0; t < targets.length; t++) {
        const target = targets[t]!;
        if (target.phrase !== null && !target.phrase.matchesAt(h, start - target.offset)) continue;
        if (state === null) return 1;
        mark(state, target.index);
        if (state.count === state.total) return state.count;
      }
    }
  }
  return state === null ? 0 : state.count;
}
