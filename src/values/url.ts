// parse_url() and parse_urlquery(), written as a hand scanner to reproduce Kusto's observed output.
//
// Why not the WHATWG `URL` class: it lower-cases schemes and hosts, percent-encodes and normalises paths ("a/../b"),
// splits "user@host" into a username, parses IPv6 literals properly and refuses many inputs Kusto accepts — each of
// which contradicts Kusto's recorded output (issue: microsoft/Kusto-Query-Language#112). The scanner below uses only
// indexOf/charCodeAt, so its cost is linear in the URL length with no regular-expression backtracking.
//
// Shape (docs: parse-url-function.md): a bag with exactly the keys
//   Scheme, Host, Port, Path, Username, Password, Query Parameters, Fragment
// in that order; every value a string except "Query Parameters", a bag of key → string. Missing parts are "".
//
// Rules, from the doc example and issue #112:
// - `scheme://` is required. A scheme without `//` (mailto:, news:, tel:, urn:) gives every field empty.
//   [U] So does a missing scheme ("www.example.com/a") or any non-URL text: the docs require an absolute URL.
// - The authority runs to the first '/', '?' or '#'. Userinfo is split off only in the form `user:password@`;
//   "john.doe@www.example.com:123" keeps "john.doe@www.example.com" as the Host with Username "".
//   [U] The username is the text before the first ':', the password runs to the next '@'.
// - Host and Port split at the LAST ':' of the remaining authority, with no validation of the port:
//   "[2001:db8::7]" → Host "[2001:db8:", Port "7]".
// - Path keeps its leading '/' ("/forum/questions/"); the doc example's "this/is/a/path" is taken as a rendering slip.
// - The query runs from the first '?' to '#'; the fragment is everything after the first '#'.

import type { DynamicBag } from './types.js';
import { compareOrdinal, makeBag } from './dynamic.js';

const EMPTY_QUERY: DynamicBag = makeBag([]);

/**
 * The parse_url bag. Built by a constructor whose prototype is an empty null-prototype object, so every bag shares
 * one fast hidden class (parse_url runs once per distinct URL over millions of rows) while, as with `makeBag`,
 * nothing is inherited: `bag.constructor` or `bag.toString` are not found.
 */
interface UrlBagFields {
  Scheme: string;
  Host: string;
  Port: string;
  Path: string;
  Username: string;
  Password: string;
  'Query Parameters': DynamicBag;
  Fragment: string;
}
const UrlBag = function (this: UrlBagFields, s: string, h: string, po: string, pa: string, u: string, pw: string, q: DynamicBag, f: string) {
  this.Scheme = s;
  this.Host = h;
  this.Port = po;
  this.Path = pa;
  this.Username = u;
  this.Password = pw;
  this['Query Parameters'] = q;
  this.Fragment = f;
} as unknown as new (s: string, h: string, po: string, pa: string, u: string, pw: string, q: DynamicBag, f: string) => UrlBagFields;
(UrlBag as unknown as { prototype: object }).prototype = Object.create(null);

function urlBag(
  scheme: string,
  host: string,
  port: string,
  path: string,
  username: string,
  password: string,
  query: DynamicBag,
  fragment: string,
): DynamicBag {
  return Object.freeze(new UrlBag(scheme, host, port, path, username, password, query, fragment)) as unknown as DynamicBag;
}

const EMPTY_URL: DynamicBag = urlBag('', '', '', '', '', '', EMPTY_QUERY, '');

/** parse_url(url). Never throws; unparseable input gives the all-empty bag. */
export function parseUrl(url: string): DynamicBag {
  const schemeEnd = scanScheme(url);
  if (schemeEnd < 0) return EMPTY_URL;
  const scheme = url.slice(0, schemeEnd);
  const authStart = schemeEnd + 3;

  // The fragment is cut first: a '?' or '/' after '#' belongs to the fragment.
  const hashAt = url.indexOf('#', authStart);
  const end = hashAt < 0 ? url.length : hashAt;
  const fragment = hashAt < 0 ? '' : url.slice(hashAt + 1);
  let queryAt = url.indexOf('?', authStart);
  if (queryAt >= end) queryAt = -1;
  const beforeQuery = queryAt < 0 ? end : queryAt;
  let slashAt = url.indexOf('/', authStart);
  if (slashAt >= beforeQuery) slashAt = -1;
  const authEnd = slashAt < 0 ? beforeQuery : slashAt;

  let username = '';
  let password = '';
  let hostStart = authStart;
  // Userinfo only in the `user:password@` form: the first ':' must come before the first '@'.
  const colonAt = url.indexOf(':', authStart);
  if (colonAt >= 0 && colonAt < authEnd) {
    const atAt = url.indexOf('@', authStart);
    if (atAt < 0 || atAt >= colonAt) {
      const atAfterColon = url.indexOf('@', colonAt + 1);
      if (atAfterColon >= 0 && atAfterColon < authEnd) {
        username = url.slice(authStart, colonAt);
        password = url.slice(colonAt + 1, atAfterColon);
        hostStart = atAfterColon + 1;
      }
    }
  }

  let host: string;
  let port = '';
  const lastColon = url.lastIndexOf(':', authEnd - 1);
  if (lastColon >= hostStart) {
    host = url.slice(hostStart, lastColon);
    port = url.slice(lastColon + 1, authEnd);
  } else {
    host = url.slice(hostStart, authEnd);
  }

  const path = url.slice(authEnd, beforeQuery);
  const query = queryAt < 0 ? EMPTY_QUERY : parseQueryParameters(url, queryAt + 1, end);
  return urlBag(scheme, host, port, path, username, password, query, fragment);
}

/**
 * Returns the index of the ':' of a leading `scheme://`, or -1. The scheme follows RFC 3986
 * (a letter, then letters, digits, '+', '-', '.'). [U] Kusto's exact scheme character set is unknown.
 */
function scanScheme(url: string): number {
  const n = url.length;
  if (n === 0 || !isAsciiLetter(url.charCodeAt(0))) return -1;
  let i = 1;
  while (i < n) {
    const c = url.charCodeAt(i);
    if (isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) i++;
    else break;
  }
  if (url.charCodeAt(i) === 58 && url.charCodeAt(i + 1) === 47 && url.charCodeAt(i + 2) === 47) return i;
  return -1;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Splits `k1=v1&k2=v2` (between start and end of text) into a bag.
 * - A pair without '=' is dropped: issue #112 records "objectClass?one" giving `{}`.
 * - Key and value are split at the first '='; [U] the value keeps any later '='.
 * - [U] No percent-decoding and no '+' → space: Microsoft's own Defender hunting queries wrap these values in
 *   url_decode(), which only makes sense if parse_url leaves them encoded.
 * - [U] A repeated key keeps its last value.
 * - Keys come out in ordinal order: issue #112 shows "?tag=networking&order=newest" printed as
 *   {"order":"newest","tag":"networking"} while the outer bag keeps its own order.
 */
function parseQueryParameters(text: string, start: number, end: number): DynamicBag {
  const pairs = new Map<string, string>();
  let i = start;
  // The next '=' is remembered across pairs so that "a&a&a…" without any '=' stays linear.
  let eq = -1;
  while (i <= end) {
    let amp = text.indexOf('&', i);
    if (amp < 0 || amp > end) amp = end;
    if (eq < i) {
      eq = text.indexOf('=', i);
      if (eq < 0) eq = text.length;
    }
    if (eq < amp) pairs.set(text.slice(i, eq), text.slice(eq + 1, amp));
    i = amp + 1;
  }
  if (pairs.size === 0) return EMPTY_QUERY;
  // Keys come out sorted: the real engine printed {"order":...,"tag":...} for "?tag=networking&order=newest"
  // (microsoft/Kusto-Query-Language#112).
  const keys = [...pairs.keys()].sort(compareOrdinal);
  return makeBag(keys.map((k) => [k, pairs.get(k) as string] as const));
}

/**
 * parse_urlquery(query) → `{"Query Parameters": {...}}` (docs: parse-url-query-function.md,
 * "k1=v1&k2=v2&k3=v3"). [U] A leading '?' is not stripped: it becomes part of the first key, matching the
 * complaint in MicrosoftDocs/dataexplorer-docs#1056 that input starting with '?' "doesn't work".
 */
export function parseUrlQuery(query: string): DynamicBag {
  return makeBag([['Query Parameters', parseQueryParameters(query, 0, query.length)]]);
}
