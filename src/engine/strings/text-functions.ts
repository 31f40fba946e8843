// More row-level string functions (issue #13): string_size, strcmp, translate, indexof_regex, replace_strings,
// has_any_index, regex_quote, isascii, isutf8. Same conventions as functions.ts: positions count code points, string
// results are never null, each function cites its doc page (data-explorer/kusto/query/<name>-function.md).

import type { Dynamic } from '../../values/types.js';
import { isDynamicArray } from '../../values/types.js';
import { dynamicToString } from '../../values/convert.js';
import { compareOrdinal } from './compare.js';
import { compileKqlRegex } from './regex.js';
import { makeTermMatcher } from './terms.js';

type IntArg = number | bigint | null;

function toNum(v: IntArg | undefined): number | null | undefined {
  if (v === undefined || v === null) return v;
  return typeof v === 'bigint' ? Number(v) : Math.trunc(v);
}

const encoder = new TextEncoder();

/**
 * string_size(s) — string-size-function.md: the size in bytes, UTF-8 (the page's "⒦⒰⒮⒯⒪" is 15 bytes; recorded
 * answers: "café" 5, "😀" 4, "Straße" 7). [U] A lone surrogate counts as the 3 bytes of U+FFFD, its UTF-8 replacement.
 */
export function stringSize(s: string): bigint {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  return BigInt(ascii ? s.length : encoder.encode(s).length);
}

/**
 * strcmp(a, b) — strcmp-function.md: -1, 0 or 1 (the page's example table; recorded answers are -1/1 too), comparing
 * ordinally (code point by code point; a prefix sorts first).
 */
export function strcmp(a: string, b: string): bigint {
  const c = compareOrdinal(a, b);
  return c < 0 ? -1n : c > 0 ? 1n : 0n;
}

/**
 * translate(searchList, replacementList, source) — translate-function.md: each character of searchList is replaced
 * by the character at the same position of replacementList; when replacementList is shorter its last character
 * serves the rest ("abc","x" → "xxx"); an empty replacementList deletes the characters ("abc","" on "ab" → "").
 * [U] Characters are code points; a character listed twice in searchList takes its first position; replacement
 * characters past the length of searchList are unused.
 */
export function translate(searchList: string, replacementList: string, source: string): string {
  const search = Array.from(searchList);
  const replacement = Array.from(replacementList);
  if (search.length === 0) return source;
  const map = new Map<string, string>();
  search.forEach((ch, i) => {
    if (!map.has(ch)) map.set(ch, replacement.length === 0 ? '' : replacement[Math.min(i, replacement.length - 1)]!);
  });
  let out = '';
  for (const ch of source) out += map.get(ch) ?? ch;
  return out;
}

/**
 * indexof_regex(source, regex [, start [, length [, occurrence]]]) — indexof-regex-function.md: the code-point index
 * of the occurrence-th non-overlapping match in the part of source from start spanning length characters (-1:
 * to the end); -1 when there is none. Null when start < 0 (the page's example idx5, although its parameter table
 * describes a negative start as counted from the end), occurrence < 0 or length < -1.
 * [U] occurrence 0 is treated as 1 (as indexof does); a start past the end gives -1; the regex runs on the window
 * alone, so ^ and $ match at its edges.
 */
export function indexofRegex(source: string, regex: string, start?: IntArg, length?: IntArg, occurrence?: IntArg): bigint | null {
  const s = toNum(start) ?? 0;
  const len = toNum(length) ?? -1;
  let occ = toNum(occurrence) ?? 1;
  if (s < 0 || occ < 0 || len < -1) return null;
  if (occ === 0) occ = 1;
  const chars = Array.from(source);
  if (s > chars.length) return -1n;
  const window = chars.slice(s, len === -1 ? undefined : s + len).join('');
  const re = compileKqlRegex(regex, 'g');
  re.lastIndex = 0;
  let seen = 0;
  let lastEnd = -1;
  try {
    while (re.lastIndex <= window.length) {
      const m = re.exec(window);
      if (m === null) break;
      const end = m.index + m[0].length;
      if (m[0].length === 0) {
        // Step over an empty match one code point; RE2 never reports two matches at one position.
        const c = window.charCodeAt(end);
        re.lastIndex = end + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
        if (m.index === lastEnd) continue;
      }
      lastEnd = end;
      if (++seen === occ) return BigInt(s + Array.from(window.slice(0, m.index)).length);
    }
    return -1n;
  } finally {
    re.lastIndex = 0;
  }
}

/**
 * replace_strings(text, lookups, rewrites) — replace-strings-function.md. Lookups apply in array order and an earlier
 * one wins (the page's example: lookups ['is','This'] turn "This" into "Thwas"): the first lookup's non-overlapping
 * matches are replaced left to right, then the next lookup searches only the text no earlier match covered. A match
 * whose rewrite is not a string keeps its text and still protects it. Lookups that are not strings are ignored.
 * [U] An empty lookup is ignored; a lookup without a rewrite (rewrites shorter) keeps its text like a non-string
 * rewrite; non-array lookups or rewrites leave the text unchanged.
 */
export function replaceStrings(text: string, lookups: Dynamic, rewrites: Dynamic): string {
  if (!isDynamicArray(lookups) || !isDynamicArray(rewrites)) return text;
  // Segments of the text: `done` ones were produced by a match and are not searched again.
  let segments: { text: string; done: boolean }[] = [{ text, done: false }];
  lookups.forEach((lookup, k) => {
    if (typeof lookup !== 'string' || lookup === '') return;
    const rewrite = rewrites[k];
    const next: { text: string; done: boolean }[] = [];
    for (const seg of segments) {
      if (seg.done) {
        next.push(seg);
        continue;
      }
      let from = 0;
      for (let at = seg.text.indexOf(lookup); at >= 0; at = seg.text.indexOf(lookup, from)) {
        if (at > from) next.push({ text: seg.text.slice(from, at), done: false });
        next.push({ text: typeof rewrite === 'string' ? rewrite : lookup, done: true });
        from = at + lookup.length;
      }
      if (from < seg.text.length) next.push({ text: seg.text.slice(from), done: false });
    }
    segments = next;
  });
  return segments.map((s) => s.text).join('');
}

const termMatchers = new WeakMap<object, readonly ((s: string) => boolean)[]>();

/**
 * has_any_index(source, values) — has-any-index-function.md: the index in values of the first element that source
 * `has` (whole-term, case-insensitive match, as has_any; the page's example finds 2 in "Example number 2" at index
 * 1 of [1,2,3]); -1 when none matches or values is empty. Elements that are not strings are read as their text.
 * [U] A null element never matches; a values argument that is not an array gives -1.
 */
export function hasAnyIndex(source: string, values: Dynamic): bigint {
  if (!isDynamicArray(values)) return -1n;
  let matchers = termMatchers.get(values);
  if (!matchers) {
    matchers = values.map((v) => (v === null ? () => false : makeTermMatcher('has', dynamicToString(v))));
    termMatchers.set(values, matchers);
  }
  for (let i = 0; i < matchers.length; i++) if (matchers[i]!(source)) return BigInt(i);
  return -1n;
}

/**
 * regex_quote(s) — regex-quote-function.md: s with every regex metacharacter escaped (the page: "(so$me.Te^xt)" →
 * "\(so\$me\.Te\^xt\)"). The metacharacters are those of the regex syntax regex.md documents (Rust's regex crate,
 * whose escape() quotes exactly these): \ . + * ? ( ) | [ ] { } ^ $ # & - ~. Other characters stay as they are — "<"
 * in particular, since "\<" is a start-of-word assertion there [U: the page lists no characters].
 */
export function regexQuote(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$#&\-~]/g, (c) => '\\' + c);
}

/** isascii(s) — isascii.md: true when every character is ASCII (U+0000..U+007F). */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * isutf8(s) — isutf8-function.md: true when s is valid UTF-8. Strings here are decoded text, always encodable, except
 * a lone UTF-16 surrogate, which has no UTF-8 form [U: the only invalid case left once text is loaded].
 */
export function isUtf8(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      if ((s.charCodeAt(i + 1) & 0xfc00) !== 0xdc00) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}
