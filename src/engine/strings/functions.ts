// Row-level KQL string functions on plain values (src/values/types.ts): string → string, long → bigint,
// dynamic → Dynamic. String results are never null ("" instead); long results are null where the docs say so.
// Arguments arrive already converted to their declared types (tostring() of non-strings is the caller's job).
// Integer arguments are accepted as number or bigint (KQL int or long) and null.
//
// Character positions and lengths (strlen, substring, indexof, reverse) count Unicode code points, as
// strlen-function.md states ("counts Unicode code points"); the other functions use the same unit [U]. For strings
// without surrogate pairs code points and UTF-16 units coincide, and the fast paths use the units directly.

import type { Dynamic, DynamicArray } from '../../values/types.js';
import { compileKqlRegexInfo, KqlRegexError, type KqlRegex } from './regex.js';
import { getLowerTable, getUpperTable, isBmpOnly } from './unicode.js';

type IntArg = number | bigint | null;

function toNum(v: IntArg): number | null {
  if (v === null) return null;
  return typeof v === 'bigint' ? Number(v) : Math.trunc(v);
}

/** Code-point offset → UTF-16 offset (clamped to the string). */
function unitOffset(s: string, cpOffset: number): number {
  let i = 0;
  let n = 0;
  while (n < cpOffset && i < s.length) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    n++;
  }
  return i;
}

function codePointLength(s: string): number {
  if (isBmpOnly(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    n++;
  }
  return n;
}

/** UTF-16 offset → code-point offset. */
function codePointIndex(s: string, unitIndex: number): number {
  return codePointLength(s.slice(0, unitIndex));
}

/**
 * Iterates the matches of `re` (compiled with `g`) the way RE2/Rust do: left to right, non-overlapping, and an
 * empty match directly at the end of the previous match is skipped (JavaScript's own replace/matchAll report it:
 * "baaa" with a* gives 2 matches here, 3 in JavaScript).
 */
function forEachMatch(re: RegExp, text: string, visit: (m: RegExpExecArray) => boolean | void): void {
  re.lastIndex = 0;
  let lastEnd = -1;
  while (re.lastIndex <= text.length) {
    const m = re.exec(text);
    if (m === null) break;
    const start = m.index;
    const end = start + m[0].length;
    if (start === end) {
      // Advance one code point past an empty match (RE2 never reports two matches at one position).
      re.lastIndex = end + (nextIsPair(text, end) ? 2 : 1);
      if (start === lastEnd) continue;
    } else {
      re.lastIndex = end;
    }
    lastEnd = end;
    if (visit(m) === false) break;
  }
  re.lastIndex = 0;
}

function nextIsPair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

// ---------------------------------------------------------------------------------------------------------------
// Regex-based functions

/**
 * extract(regex, captureGroup, source) — docs: extract-function.md. The text of `captureGroup` (0 = whole match) in
 * the first match, "" when there is no match or the group did not take part. A group number outside
 * 0..groupCount gives "" [U]. (The optional typeof() conversion is applied by the caller to this string.)
 */
export function extract(regex: string, captureGroup: IntArg, text: string): string {
  const group = toNum(captureGroup);
  if (group === null) return '';
  const info = compileKqlRegexInfo(regex);
  if (group < 0 || group > info.groupCount) return '';
  const m = info.regex.exec(text);
  return m?.[group] ?? '';
}

function resolveGroups(info: KqlRegex, captureGroups: DynamicArray | null): number[] {
  if (captureGroups === null) {
    const all: number[] = [];
    for (let g = 1; g <= info.groupCount; g++) all.push(g);
    return all;
  }
  return captureGroups.map((g) => {
    if (typeof g === 'string') {
      const n = info.groupNames.get(g);
      if (n === undefined) throw new KqlRegexError(`extract_all(): no capture group named "${g}"`, info.pattern);
      return n;
    }
    if ((typeof g === 'bigint' || typeof g === 'number') && Number(g) >= 1 && Number(g) <= info.groupCount) {
      return Number(g);
    }
    throw new KqlRegexError(
      `extract_all(): capture group ${JSON.stringify(typeof g === 'bigint' ? Number(g) : g)} is not between 1 and ${info.groupCount}`,
      info.pattern,
    );
  });
}

/**
 * extract_all(regex, [captureGroups,] source) — docs: extract-all-function.md. One entry per match: the selected
 * group's text when one group is selected, else an array of the selected groups' texts (groups that did not take
 * part give "" [U]). null when nothing matches. The regex must have 1..16 capture groups (docs); otherwise, and for
 * an unknown group in captureGroups, throws KqlRegexError.
 */
export function extractAll(regex: string, captureGroups: DynamicArray | null, text: string): Dynamic {
  const info = compileKqlRegexInfo(regex, 'g');
  if (info.groupCount < 1 || info.groupCount > 16) {
    throw new KqlRegexError('extract_all() needs a regular expression with 1 to 16 capture groups', regex);
  }
  const groups = resolveGroups(info, captureGroups);
  if (groups.length === 0) throw new KqlRegexError('extract_all(): empty capture group list', regex);
  const out: Dynamic[] = [];
  forEachMatch(info.regex, text, (m) => {
    if (groups.length === 1) out.push(m[groups[0]!] ?? '');
    else out.push(Object.freeze(groups.map((g) => m[g] ?? '')));
  });
  return out.length === 0 ? null : Object.freeze(out);
}

/** A parsed rewrite template: literal strings at even positions, group numbers at odd positions. */
type Rewrite = (string | number)[];
const rewriteCache = new Map<string, Rewrite>();

function parseRewrite(rewrite: string): Rewrite {
  let r = rewriteCache.get(rewrite);
  if (r !== undefined) return r;
  r = [];
  let lit = '';
  for (let i = 0; i < rewrite.length; i++) {
    const c = rewrite[i]!;
    const d = rewrite[i + 1];
    if (c === '\\' && d !== undefined && d >= '0' && d <= '9') {
      r.push(lit, Number(d));
      lit = '';
      i++;
    } else if (c === '\\' && d === '\\') {
      // RE2 rewrite strings write a literal backslash as `\\` [U: other `\x` sequences are kept as written].
      lit += '\\';
      i++;
    } else {
      lit += c;
    }
  }
  r.push(lit);
  if (rewriteCache.size >= 256) rewriteCache.clear();
  rewriteCache.set(rewrite, r);
  return r;
}

/**
 * replace_regex(text, regex, rewrite) — docs: replace-regex-function.md. Replaces every non-overlapping match;
 * `\0` is the whole match, `\1`…`\9` groups (a group that did not take part, or beyond the group count, gives ""
 * [U]). `$` has no special meaning.
 */
export function replaceRegex(text: string, regex: string, rewrite: string): string {
  const info = compileKqlRegexInfo(regex, 'g');
  const parts = parseRewrite(rewrite);
  let out = '';
  let last = 0;
  forEachMatch(info.regex, text, (m) => {
    out += text.slice(last, m.index);
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      out += typeof part === 'string' ? part : (m[part] ?? '');
    }
    last = m.index + m[0].length;
  });
  return last === 0 && out === '' ? text : out + text.slice(last);
}

/**
 * replace_string(text, lookup, rewrite) — docs: replace-string-function.md. Ordinal, non-overlapping, left to
 * right. An empty lookup leaves the text unchanged [U].
 */
export function replaceString(text: string, lookup: string, rewrite: string): string {
  if (lookup.length === 0) return text;
  return text.split(lookup).join(rewrite);
}

/** countof(source, search, kind) — docs: countof-function.md. Plain matches may overlap; regex matches don't. */
export function countof(text: string, search: string, kind: string = 'normal'): bigint {
  if (kind === 'regex') {
    let n = 0;
    forEachMatch(compileKqlRegexInfo(search, 'g').regex, text, () => {
      n++;
    });
    return BigInt(n);
  }
  if (kind !== 'normal') throw new Error(`countof(): kind must be "normal" or "regex", got ${JSON.stringify(kind)}`);
  if (search.length === 0) return 0n; // [U]
  let n = 0;
  for (let i = text.indexOf(search); i >= 0; i = text.indexOf(search, i + 1)) n++;
  return BigInt(n);
}

/**
 * trim(regex, source) — removes ONE match of the regex at the start and one at the end. The real engine does this
 * (recorded answers, issue #14: `trim("x", "xxabcxx")` is "xabcx", `trim(@"\s", "  pad  ")` is " pad "); the docs
 * (trim-function.md) say "all leading and trailing matches". A quantified pattern (`@"\s+"`) still removes a whole
 * run, being one match. trim_start / trim_end (trim-start-function.md, trim-end-function.md) do one side; the end
 * match is the leftmost one that ends at the end of the text.
 */
export function trim(regex: string, text: string): string {
  return trimEnd(regex, trimStart(regex, text));
}

export function trimStart(regex: string, text: string): string {
  const m = compileKqlRegexInfo(regex, '', { anchor: 'start' }).regex.exec(text);
  return m === null || m[0].length === 0 ? text : text.slice(m[0].length);
}

export function trimEnd(regex: string, text: string): string {
  const m = compileKqlRegexInfo(regex, '', { anchor: 'end' }).regex.exec(text);
  return m === null || m[0].length === 0 ? text : text.slice(0, m.index);
}

// ---------------------------------------------------------------------------------------------------------------
// Plain string functions

/**
 * split(source, delimiter [, requestedIndex]) — docs: split-function.md. Always an array: with an index, the
 * one-element array holding that part, or [] when there is no such part (negative or too large) [U]. An empty
 * delimiter does not split: [source] [U].
 */
export function split(text: string, delimiter: string, requestedIndex?: IntArg): DynamicArray | null {
  const parts = delimiter.length === 0 ? [text] : text.split(delimiter);
  if (requestedIndex === undefined) return Object.freeze(parts);
  const i = toNum(requestedIndex);
  if (i === null) return null; // [U]
  // No such part → null: real engine, recorded answer (issue #14): split("noequals", "=", 1) is null.
  const part = i >= 0 ? parts[i] : undefined;
  return part === undefined ? null : Object.freeze([part]);
}

/** strcat_delim(delimiter, a1, a2, …) — docs: strcat-delim-function.md (arguments already converted to strings). */
export function strcatDelim(delimiter: string, parts: readonly string[]): string {
  return parts.join(delimiter);
}

/** strlen(source) — docs: strlen-function.md: the number of Unicode code points, as a long. */
export function strlen(text: string): bigint {
  return BigInt(codePointLength(text));
}

/**
 * substring(source, startingIndex [, length]) — docs: substring-function.md. A negative start counts from the
 * end (`substring("123456", -2, 2)` = "56"). Real engine, recorded answers (issue #14): a negative start that still
 * reaches before the beginning gives "" (`substring("abc", -10, 2)`), not the clamped text; a start past the end
 * gives "" (`substring("abc", 5, 3)`); a negative length gives ""; an over-long length is clamped. Null arguments
 * give "" [U: over rows the engine answers a null string for a null index; kqlite strings are never null].
 */
export function substring(text: string, start: IntArg, length?: IntArg): string {
  let s = toNum(start);
  if (s === null) return '';
  const bmp = isBmpOnly(text);
  const n = bmp ? text.length : codePointLength(text);
  if (s < 0) s = n + s;
  if (s < 0 || s >= n) return '';
  let count = n - s;
  if (length !== undefined) {
    const l = toNum(length);
    if (l === null || l < 0) return '';
    count = Math.min(l, count);
  }
  if (bmp) return text.substr(s, count);
  const from = unitOffset(text, s);
  return text.slice(from, from + unitOffset(text.slice(from), count));
}

/**
 * indexof(source, lookup [, start [, length [, occurrence]]]) — docs: indexof-function.md. Ordinal search; the
 * zero-based index of the occurrence-th match, -1 when not found, null when start is before the beginning (after a
 * negative start is taken from the end), occurrence < 0 or length < -1.
 * `length` (≥ 0) limits each search to a window of that many characters, the match included; the docs' examples
 * (`indexof("abcdefgabcdefg","cde",1,10,2)` = 9) show the window moving with each successive occurrence, starting
 * one character after the previous match [U]. A start past the end gives -1 [U]; occurrence 0 is treated as 1 [U].
 */
export function indexof(
  text: string,
  lookup: string,
  start: IntArg = 0,
  length: IntArg = -1,
  occurrence: IntArg = 1,
): bigint | null {
  // An empty lookup → null: real engine, recorded answer (issue #14): indexof("abc", "") is null (also for "").
  if (lookup.length === 0) return null;
  let s = toNum(start);
  const len = toNum(length);
  let occ = toNum(occurrence);
  if (s === null || len === null || occ === null) return null;
  if (occ < 0 || len < -1) return null;
  if (occ === 0) occ = 1;
  const bmp = isBmpOnly(text) && isBmpOnly(lookup);
  const n = bmp ? text.length : codePointLength(text);
  if (s < 0) s = n + s;
  if (s < 0) return null;
  if (s > n) return -1n;
  // Work in UTF-16 units; convert positions at the edges.
  let from = bmp ? s : unitOffset(text, s);
  let found = -1;
  for (let k = 0; k < occ; k++) {
    const windowEnd =
      len === -1 ? text.length : bmp ? Math.min(text.length, from + len) : from + unitOffset(text.slice(from), len);
    const i = text.indexOf(lookup, from);
    if (i < 0 || i + lookup.length > windowEnd) return -1n;
    found = i;
    from = i + (nextIsPair(text, i) ? 2 : 1);
  }
  return BigInt(bmp ? found : codePointIndex(text, found));
}

/** reverse(value) — docs: reverse-function.md. Reverses code points (surrogate pairs stay intact) [U]. */
export function reverse(text: string): string {
  if (isBmpOnly(text)) {
    let out = '';
    for (let i = text.length - 1; i >= 0; i--) out += text[i];
    return out;
  }
  return Array.from(text).reverse().join('');
}

/**
 * toupper / tolower — docs: toupper-function.md, tolower-function.md. Simple (one-to-one) case mappings, as .NET's
 * ToUpperInvariant/ToLowerInvariant: the length never changes (`ß` stays `ß`) [U].
 */
export function toupper(text: string): string {
  return mapCase(text, getUpperTable(), true);
}

export function tolower(text: string): string {
  return mapCase(text, getLowerTable(), false);
}

const NON_ASCII = /[^\x00-\x7f]/;

function mapCase(text: string, table: Uint16Array, upper: boolean): string {
  if (!NON_ASCII.test(text)) return upper ? text.toUpperCase() : text.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      const pair = text.slice(i, i + 2);
      const mapped = upper ? pair.toUpperCase() : pair.toLowerCase();
      out += [...mapped].length === 1 ? mapped : pair;
      i++;
    } else {
      out += String.fromCharCode(table[c]!);
    }
  }
  return out;
}

/**
 * strrep(value, multiplier [, delimiter]) — docs: strrep-function.md. The page contradicts itself on the limit (the
 * parameter table allows 1 to 67108864, the Returns section says values above 1024 repeat 1024 times); this follows
 * the parameter table and caps at 67108864 [U]. A multiplier below 1 or null gives "" [U].
 */
export const STRREP_MAX_MULTIPLIER = 67_108_864;

export function strrep(value: string, multiplier: IntArg, delimiter = ''): string {
  const n = toNum(multiplier);
  if (n === null || n < 1) return '';
  const count = Math.min(n, STRREP_MAX_MULTIPLIER);
  if (delimiter === '') return value.repeat(count);
  return (value + delimiter).repeat(count - 1) + value;
}
