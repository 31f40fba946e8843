// Hand-written JavaScript baselines for case 1 (the seed-004 where-clause), the yardstick of issue 7: what a careful
// programmer would write without an engine. No URL objects and no regular expressions: the host and path are
// located by scanning (the same rules as src/values/url.ts, so the counts must agree exactly); needles are
// lower-cased once; the host (short) is copied lower-case and searched with native indexOf; the path and the whole
// URL are searched in place with indexOf on a non-letter "pivot" character of the needle ('/' or ':') and verified
// case-insensitively around it. `has` is an occurrence with a term boundary at each of the needle's
// term-character edges (kql-semantics.md §3.1; docs: has-operator.md, has-any-operator.md).
//
// `case1RegexPredicate` (end of file) is the fastest loop found for issue 15: one combined regex for the host.
// Case folding is ASCII-only, which is exact for the ASCII URLs the generator produces; run.ts checks the counts
// against kqlite's, so any divergence would be reported, never hidden.

export interface Case1Lists {
  readonly shorteners: readonly string[];
  readonly paas: readonly string[];
  readonly ipfs: readonly string[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

function isTermCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c | 0x20 : c);

interface Needle {
  readonly text: string;
  readonly codes: Uint16Array;
  readonly pivot: number; // index of a character with no case variant
  readonly pivotChar: string;
  readonly anchorStart: boolean;
  readonly anchorEnd: boolean;
}

function needle(s: string): Needle {
  const text = s.toLowerCase();
  let pivot = 0;
  while (pivot < text.length && text[pivot]!.toUpperCase() !== text[pivot]) pivot++;
  if (pivot === text.length) throw new Error(`baseline needle '${s}' needs a non-letter character`);
  const codes = new Uint16Array(text.length);
  for (let k = 0; k < text.length; k++) codes[k] = text.charCodeAt(k);
  return {
    text,
    codes,
    pivot,
    pivotChar: text[pivot]!,
    anchorStart: isTermCode(text.charCodeAt(0)),
    anchorEnd: isTermCode(text.charCodeAt(text.length - 1)),
  };
}

/** `h[from, to) has n`, case-insensitive; the range edges count as the string's edges. */
function has(h: string, from: number, to: number, n: Needle): boolean {
  const m = n.codes.length;
  const codes = n.codes;
  for (let q = h.indexOf(n.pivotChar, from + n.pivot); q >= 0; q = h.indexOf(n.pivotChar, q + 1)) {
    const p = q - n.pivot;
    if (p + m > to) return false;
    let k = 0;
    while (k < m && lowerAscii(h.charCodeAt(p + k)) === codes[k]) k++;
    if (k < m) continue;
    if (n.anchorStart && p > from && isTermCode(h.charCodeAt(p - 1))) continue;
    if (n.anchorEnd && p + m < to && isTermCode(h.charCodeAt(p + m))) continue;
    return true;
  }
  return false;
}

/** `h has_any ns` for a short, already lower-cased haystack: one native indexOf per needle. */
function hasAnyLower(h: string, ns: readonly Needle[]): boolean {
  for (let k = 0; k < ns.length; k++) {
    const n = ns[k]!;
    const m = n.text.length;
    for (let p = h.indexOf(n.text); p >= 0; p = h.indexOf(n.text, p + 1)) {
      if (n.anchorStart && p > 0 && isTermCode(h.charCodeAt(p - 1))) continue;
      if (n.anchorEnd && p + m < h.length && isTermCode(h.charCodeAt(p + m))) continue;
      return true;
    }
  }
  return false;
}

// Result of `locate` (module state instead of an object, so the loop allocates nothing).
let hostStart = 0;
let hostEnd = 0;
let pathStart = 0;
let pathEnd = 0;

/** Finds host and path of `scheme://authority/path?query#fragment` with parse_url's rules; false without `scheme://`. */
function locate(url: string): boolean {
  const n = url.length;
  const c0 = url.charCodeAt(0);
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122))) return false;
  let i = 1;
  for (; i < n; i++) {
    const c = url.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) break;
  }
  if (url.charCodeAt(i) !== 58 || url.charCodeAt(i + 1) !== 47 || url.charCodeAt(i + 2) !== 47) return false;
  const authStart = i + 3;
  const hashAt = url.indexOf('#', authStart);
  const end = hashAt < 0 ? n : hashAt;
  let queryAt = url.indexOf('?', authStart);
  if (queryAt >= end) queryAt = -1;
  const beforeQuery = queryAt < 0 ? end : queryAt;
  let slashAt = url.indexOf('/', authStart);
  if (slashAt >= beforeQuery) slashAt = -1;
  const authEnd = slashAt < 0 ? beforeQuery : slashAt;
  hostStart = authStart;
  const colonAt = url.indexOf(':', authStart);
  if (colonAt >= 0 && colonAt < authEnd) {
    const atAt = url.indexOf('@', authStart);
    if (atAt < 0 || atAt >= colonAt) {
      const atAfterColon = url.indexOf('@', colonAt + 1);
      if (atAfterColon >= 0 && atAfterColon < authEnd) hostStart = atAfterColon + 1;
    }
  }
  const lastColon = url.lastIndexOf(':', authEnd - 1);
  hostEnd = lastColon >= hostStart ? lastColon : authEnd;
  pathStart = authEnd;
  pathEnd = beforeQuery;
  return true;
}

/** The case-1 predicate for one URL, compiled once per list set. */
export function case1Predicate(lists: Case1Lists): (url: string) => boolean {
  const shorteners = lists.shorteners.map(needle);
  const paas = lists.paas.map(needle);
  const ipfs = lists.ipfs.map(needle);
  const ipfsPath = needle('/ipfs/');
  const ipfsScheme = needle('ipfs://');
  return (url) => {
    if (locate(url)) {
      // Hosts are short: lower-casing a copy and searching it with indexOf measured faster than 29 in-place searches.
      const host = url.slice(hostStart, hostEnd).toLowerCase();
      if (hasAnyLower(host, shorteners) || hasAnyLower(host, paas) || hasAnyLower(host, ipfs)) return true;
      if (has(url, pathStart, pathEnd, ipfsPath)) return true;
    }
    return has(url, 0, url.length, ipfsScheme);
  };
}

/** The URL column as the baselines read it: one string per row, or the dictionary and codes. */
export interface UrlColumn {
  readonly rowCount: number;
  readonly at: (i: number) => string;
  readonly dict?: readonly string[] | undefined;
  readonly codes?: Int32Array | undefined;
}

/** Per-row loop: every row's URL is scanned and tested. */
export function countPerRow(col: UrlColumn, pred: (url: string) => boolean): number {
  let count = 0;
  for (let i = 0; i < col.rowCount; i++) if (pred(col.at(i))) count++;
  return count;
}

/** The same loop over the distinct URLs only, then a pass over the codes. */
export function countPerDistinct(col: UrlColumn, pred: (url: string) => boolean): number {
  if (!col.dict || !col.codes) return countPerRow(col, pred);
  const hit = new Uint8Array(col.dict.length);
  for (let k = 0; k < col.dict.length; k++) hit[k] = pred(col.dict[k]!) ? 1 : 0;
  let count = 0;
  const codes = col.codes;
  for (let i = 0; i < codes.length; i++) count += hit[codes[i]!]!;
  return count;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The fastest per-row loop we could write (issue 15): one pass per row; the host located by scanning and lower-cased
 * (one short copy); the 29 host needles of the three lists tested with ONE combined regex whose lookarounds are
 * the term boundaries; `/ipfs/` in the path and `ipfs://` in the URL searched in place. Same answers as
 * `case1Predicate` (run.ts checks both against kqlite).
 */
export function case1RegexPredicate(lists: Case1Lists): (url: string) => boolean {
  const hosts = [...lists.shorteners, ...lists.paas, ...lists.ipfs].map((s) => escapeRegex(s.toLowerCase()));
  // Every host needle starts and ends with a letter or digit, so a boundary is needed on both sides.
  const hostRe = new RegExp(`(?<![\\p{L}\\p{Nd}])(?:${hosts.join('|')})(?![\\p{L}\\p{Nd}])`, 'u');
  const ipfsPath = needle('/ipfs/');
  const ipfsScheme = needle('ipfs://');
  return (url) => {
    if (locate(url)) {
      if (hostRe.test(url.slice(hostStart, hostEnd).toLowerCase())) return true;
      if (has(url, pathStart, pathEnd, ipfsPath)) return true;
    }
    return has(url, 0, url.length, ipfsScheme);
  };
}

/** Host of a URL by parse_url's rules ("" without `scheme://`), for engines that need the ParsedHost column. */
export function hostOf(url: string): string {
  return locate(url) ? url.slice(hostStart, hostEnd) : '';
}

/** Path of a URL by parse_url's rules ("" without `scheme://`). */
export function pathOf(url: string): string {
  return locate(url) ? url.slice(pathStart, pathEnd) : '';
}
