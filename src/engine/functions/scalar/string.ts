// String functions (src/engine/strings/functions.ts holds their per-row semantics and the doc references).

import * as s from '../../strings/functions.js';
import { toStringValue } from '../../../values/convert.js';
import type { ScalarType, ScalarValue } from '../../../values/types.js';
import { lift } from '../lift.js';
import { simple } from '../simple.js';
import type { ScalarFunctionDef } from '../types.js';
import { conversionInvoke } from './conversion.js';

const str = (v: unknown) => v as string;

/** strcat: 1..64 arguments of any type, each converted with tostring semantics (null → ""). */
const strcatDef: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'strcat',
  signature: 'strcat(any, ...) → string',
  minArgs: 1,
  maxArgs: 64,
  nulls: 'custom',
  deterministic: true,
  docs: 'strcat-function',
  doc: 'Concatenates its arguments, converting each to string.',
  example: 'print strcat("a", 1, true)',
  resolve(types: readonly ScalarType[]) {
    return {
      returnType: 'string',
      invoke: lift('string', (...vals) => vals.map((v, i) => (v === null ? '' : toStringValue(v as ScalarValue, types[i]!))).join(''), 'custom'),
    };
  },
};

const strcatDelimDef: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'strcat_delim',
  signature: 'strcat_delim(delimiter: string, any, any, ...) → string',
  minArgs: 3,
  maxArgs: 65,
  nulls: 'custom',
  deterministic: true,
  docs: 'strcat-delim-function',
  doc: 'Concatenates arguments 2.. with the delimiter given first.',
  example: 'print strcat_delim("-", "a", "b")',
  resolve(types: readonly ScalarType[]) {
    if (types[0] !== 'string') return 'a string delimiter';
    return {
      returnType: 'string',
      invoke: lift('string', (d, ...vals) => vals.map((v, i) => (v === null ? '' : toStringValue(v as ScalarValue, types[i + 1]!))).join(d as string), 'custom'),
    };
  },
};

/** UTF-8 bytes → base64 (browser-safe: no Buffer). */
function base64Encode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    out += abc[b0 >> 2]! + abc[((b0 & 3) << 4) | ((b1 ?? 0) >> 4)]!;
    out += b1 === undefined ? '=' : abc[((b1 & 15) << 2) | ((b2 ?? 0) >> 6)]!;
    out += b2 === undefined ? '=' : abc[b2 & 63]!;
  }
  return out;
}

/** base64 → UTF-8 text; null when the input is not base64 or the bytes are not UTF-8 [U: the doc says null]. */
function base64Decode(text: string): string | null {
  const clean = text.trim();
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const c = [0, 1, 2, 3].map((k) => (clean[i + k] === '=' ? -1 : abc.indexOf(clean[i + k]!)));
    bytes.push((c[0]! << 2) | (c[1]! >> 4));
    if (c[2]! >= 0) bytes.push(((c[1]! & 15) << 4) | (c[2]! >> 2));
    if (c[3]! >= 0) bytes.push(((c[2]! & 3) << 6) | c[3]!);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

export const stringFunctions: readonly ScalarFunctionDef[] = [
  simple({ name: 'base64_encode_tostring', aliases: ['base64_encodestring'], params: ['string'], returns: 'string', row: (x) => base64Encode(str(x)), docs: 'base64-encode-tostring-function', doc: 'Base64 of the UTF-8 bytes of a string.', example: 'print base64_encode_tostring("Kusto")' }),
  simple({ name: 'base64_decode_tostring', aliases: ['base64_decodestring'], params: ['string'], returns: 'string', row: (x) => base64Decode(str(x)), docs: 'base64-decode-tostring-function', doc: 'The UTF-8 text of base64 input ("" when it does not decode).', example: 'print base64_decode_tostring("S3VzdG8=")' }),
  simple({ name: 'unicode_codepoints_from_string', aliases: ['to_utf8'], params: ['string'], returns: 'dynamic', row: (x) => Object.freeze([...str(x)].map((ch) => BigInt(ch.codePointAt(0)!))), docs: 'unicode-codepoints-from-string-function', doc: 'The Unicode code points of a string.', example: 'print unicode_codepoints_from_string("⒦")' }),
  strcatDef,
  strcatDelimDef,
  simple({ name: 'strlen', params: ['string'], returns: 'long', row: (x) => s.strlen(str(x)), resultName: { prefix: 'strlen_' }, docs: 'strlen-function', doc: 'Length of a string in characters.', example: 'print strlen("hello")' }),
  simple({ name: 'tolower', params: ['tostring'], returns: 'string', row: (x) => s.tolower(str(x)), docs: 'tolower-function', doc: 'Lower-cases a string.', example: 'print tolower("Hello")' }),
  simple({ name: 'toupper', params: ['tostring'], returns: 'string', row: (x) => s.toupper(str(x)), docs: 'toupper-function', doc: 'Upper-cases a string.', example: 'print toupper("Hello")' }),
  simple({ name: 'substring', params: ['string', 'integer', 'integer'], optional: 1, returns: 'string', row: (x, a, b) => s.substring(str(x), a as bigint, b === undefined ? undefined : (b as bigint | null)), docs: 'substring-function', doc: 'A substring by start index and optional length.', example: 'print substring("123456", 1, 2)' }),
  simple({ name: 'split', resultName: 'first-argument', params: ['string', 'string', 'integer'], optional: 1, returns: 'dynamic', row: (x, d, i) => s.split(str(x), str(d), i === undefined ? undefined : (i as bigint | null)), docs: 'split-function', doc: 'Splits a string by a delimiter into a dynamic array.', example: 'print split("a_b_c", "_")' }),
  {
    kind: 'scalar',
    name: 'extract',
    signature: 'extract(regex: string, group: long, text: string [, typeof(T)]) → string or T',
    minArgs: 3,
    maxArgs: 4,
    nulls: 'propagate',
    deterministic: true,
    docs: 'extract-function',
    doc: 'First match of a regular expression (or one of its groups), optionally converted to a type.',
    example: 'print extract("x=([0-9]+)", 1, "x=42", typeof(long))',
    resolve(types: readonly ScalarType[], ctx) {
      if (types[0] !== 'string' || (types[1] !== 'int' && types[1] !== 'long') || (types[2] !== 'string' && types[2] !== 'dynamic')) {
        return 'a regex, a capture group number and a string';
      }
      const want = types.length === 4 ? (ctx.constant(3)?.value as ScalarType | undefined) : 'string';
      if (!want || want === 'decimal') return 'typeof(<scalar type>) as fourth argument';
      const conv = conversionInvoke('string', want);
      const extractRow = lift('string', (re, g, x) => s.extract(str(re), g as bigint, str(x)));
      return {
        returnType: want,
        argTypes: [undefined, types[1] === 'int' ? 'long' : undefined, types[2] === 'dynamic' ? 'string' : undefined],
        // extract(..., typeof(T)): a failed conversion is null (extract-function.md).
        invoke: (args, n) => {
          const strings = extractRow(args.slice(0, 3), n);
          return want === 'string' ? strings : conv([strings], n);
        },
      };
    },
  },
  {
    kind: 'scalar',
    name: 'extract_all',
    aliases: ['extractall'],
    signature: 'extract_all(regex: string, [groups: dynamic,] text: string) → dynamic',
    minArgs: 2,
    maxArgs: 3,
    nulls: 'propagate',
    deterministic: true,
    docs: 'extract-all-function',
    doc: 'All matches of a regular expression (optionally only the listed capture groups).',
    example: 'print extract_all("([a-z])", "a1b2")',
    resolve(types: readonly ScalarType[]) {
      if (types.length === 2) {
        if (types[0] !== 'string' || types[1] !== 'string') return 'a regex and a string';
        return { returnType: 'dynamic', invoke: lift('dynamic', (re, x) => s.extractAll(str(re), null, str(x))) };
      }
      if (types[0] !== 'string' || types[1] !== 'dynamic' || types[2] !== 'string') return 'a regex, a dynamic array of groups and a string';
      return { returnType: 'dynamic', invoke: lift('dynamic', (re, g, x) => s.extractAll(str(re), g as never, str(x))) };
    },
  },
  simple({ name: 'replace_string', params: ['string', 'string', 'string'], returns: 'string', row: (x, a, b) => s.replaceString(str(x), str(a), str(b)), docs: 'replace-string-function', doc: 'Replaces every occurrence of a string.', example: 'print replace_string("a.b", ".", "-")' }),
  simple({ name: 'replace_regex', params: ['string', 'string', 'string'], returns: 'string', row: (x, a, b) => s.replaceRegex(str(x), str(a), str(b)), docs: 'replace-regex-function', doc: 'Replaces every match of a regular expression.', example: 'print replace_regex("a1b2", "[0-9]", "#")' }),
  // The deprecated replace() keeps its own argument order: regex, rewrite, text (replace-regex-function.md lists it as
  // an alias; its former page replacefunction.md and Microsoft's analyser give the order).
  simple({ name: 'replace', params: ['string', 'string', 'string'], returns: 'string', row: (a, b, x) => s.replaceRegex(str(x), str(a), str(b)), docs: 'replace-regex-function', doc: 'Deprecated replace_regex with the arguments regex, rewrite, text.', example: 'print replace("[0-9]", "#", "a1b2")' }),
  simple({ name: 'trim', params: ['string', 'string'], returns: 'string', row: (re, x) => s.trim(str(re), str(x)), docs: 'trim-function', doc: 'Removes leading and trailing matches of a regex.', example: 'print trim("-", "--a--")' }),
  simple({ name: 'trim_start', params: ['string', 'string'], returns: 'string', row: (re, x) => s.trimStart(str(re), str(x)), docs: 'trim-start-function', doc: 'Removes leading matches of a regex.', example: 'print trim_start("-", "--a")' }),
  simple({ name: 'trim_end', params: ['string', 'string'], returns: 'string', row: (re, x) => s.trimEnd(str(re), str(x)), docs: 'trim-end-function', doc: 'Removes trailing matches of a regex.', example: 'print trim_end("-", "a--")' }),
  simple({ name: 'indexof', params: ['tostring', 'tostring', 'integer', 'integer', 'integer'], optional: 3, returns: 'long', row: (x, l, a, b, c) => s.indexof(str(x), str(l), a as bigint | undefined, b as bigint | undefined, c as bigint | undefined), docs: 'indexof-function', doc: 'Index of the first occurrence of a string, or -1.', example: 'print indexof("abcdefg", "cde")' }),
  simple({ name: 'countof', params: ['string', 'string', 'string'], optional: 1, returns: 'long', row: (x, l, k) => s.countof(str(x), str(l), k === undefined ? undefined : str(k)), docs: 'countof-function', doc: 'Number of occurrences of a substring or regex.', example: 'print countof("aaa", "a")' }),
  simple({ name: 'strrep', params: ['tostring', 'integer', 'string'], optional: 1, returns: 'string', row: (x, n, d) => s.strrep(str(x), n as bigint, d === undefined ? '' : str(d)), docs: 'strrep-function', doc: 'Repeats a string.', example: 'print strrep("ab", 3)' }),
  simple({ name: 'reverse', params: ['tostring'], returns: 'string', row: (x) => s.reverse(str(x)), docs: 'reverse-function', doc: 'Reverses a string.', example: 'print reverse("abc")' }),
];
