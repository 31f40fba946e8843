// More string functions (issue #13): sizes, comparison, character translation, regex and multi-string search and
// replace, code points, hexadecimal, guids. Per-row semantics: src/engine/strings/text-functions.ts and
// src/values (encodings.ts, number-text.ts); each cites its doc page.

import * as t from '../../strings/text-functions.js';
import { codePointsToString } from '../../../values/encodings.js';
import { toHex } from '../../../values/number-text.js';
import { punycodeDecode, punycodeDomainDecode, punycodeDomainEncode, punycodeEncode } from '../../../values/punycode.js';
import type { Dynamic, ScalarType } from '../../../values/types.js';
import { dynamicFromScalar } from '../../../values/dynamic.js';
import { vectorWriter } from '../../../tables/builder.js';
import { lift } from '../lift.js';
import { simple } from '../simple.js';
import type { ScalarFunctionDef } from '../types.js';

const str = (v: unknown) => v as string;
const int = (v: unknown) => v as number | bigint | null | undefined;

const isInteger = (t: ScalarType | undefined) => t === 'int' || t === 'long';

/** tohex(value [, minLength]): the value's width (int 32-bit, long 64-bit) decides a negative value's digits. */
const toHexDef: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'tohex',
  resultName: 'first-argument',
  signature: 'tohex(int or long [, minLength: int]) → string',
  minArgs: 1,
  maxArgs: 2,
  nulls: 'propagate',
  deterministic: true,
  docs: 'tohex-function',
  doc: 'Lower-case hexadecimal text of an integer (two\'s complement for negatives), padded to an optional minimum length.',
  example: 'print tohex(256)',
  resolve(types) {
    if (!isInteger(types[0])) return { arg: 0, expected: 'an integer', got: types[0]! };
    if (types.length === 2 && !isInteger(types[1])) return { arg: 1, expected: 'an integer', got: types[1]! };
    const bits = types[0] === 'int' ? 32 : 64;
    return {
      returnType: 'string',
      invoke: lift('string', (v, m) => toHex(BigInt(v as number | bigint), bits, m === undefined ? undefined : Number(m))),
    };
  },
};

/** unicode_codepoints_to_string(v, ...) / make_string: integers or arrays of integers, up to 64 arguments. */
const codePointsToStringDef: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'unicode_codepoints_to_string',
  aliases: ['make_string'],
  signature: 'unicode_codepoints_to_string(int, long or dynamic, ...) → string',
  minArgs: 1,
  maxArgs: 64,
  nulls: 'custom',
  deterministic: true,
  docs: 'unicode-codepoints-to-string-function',
  doc: 'The string of the given Unicode code points (integers or arrays of them); "" when one is not a valid code point.',
  example: 'print unicode_codepoints_to_string(75, 117, 115, 116, 111)',
  resolve(types) {
    const bad = types.findIndex((x) => !isInteger(x) && x !== 'dynamic');
    if (bad >= 0) return { arg: bad, expected: 'an integer or a dynamic array of integers', got: types[bad]! };
    return {
      returnType: 'string',
      // A null argument is not a code point: the result is null ("") like any other invalid value.
      invoke: lift('string', (...vals) => codePointsToString(vals.map((v, i) => dynamicFromScalar(v as Dynamic, types[i]!))), 'custom'),
    };
  },
};

/** A random version-4 guid from the platform's cryptographic generator (browsers and Node both have it). */
function randomGuid(): string {
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** new_guid(): a new random guid per row (new-guid-function.md); never folded, so every row gets its own. */
const newGuidDef: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'new_guid',
  signature: 'new_guid() → guid',
  minArgs: 0,
  maxArgs: 0,
  nulls: 'custom',
  deterministic: false,
  docs: 'new-guid-function',
  doc: 'A random guid, a new one for every row.',
  example: 'print guid = new_guid()',
  resolve() {
    return {
      returnType: 'guid',
      invoke: (_args, n) => {
        const w = vectorWriter('guid', n);
        for (let i = 0; i < n; i++) w.set(i, randomGuid());
        return w.finish();
      },
    };
  },
};

export const textFunctions: readonly ScalarFunctionDef[] = [
  simple({ name: 'string_size', resultName: { prefix: 'string_size_' }, params: ['string'], returns: 'long', row: (x) => t.stringSize(str(x)), docs: 'string-size-function', doc: 'The size of a string in bytes (UTF-8).', example: 'print size = string_size("hello")' }),
  simple({ name: 'strcmp', params: ['tostring', 'tostring'], returns: 'long', row: (a, b) => t.strcmp(str(a), str(b)), docs: 'strcmp-function', doc: 'Compares two strings ordinally: -1, 0 or 1.', example: 'print strcmp("abc", "ABC")' }),
  simple({ name: 'translate', params: ['string', 'string', 'string'], returns: 'string', row: (s, r, x) => t.translate(str(s), str(r), str(x)), docs: 'translate-function', doc: 'Replaces each character of a search list by the character at the same position of a replacement list.', example: 'print translate("krasp", "otsku", "spark")' }),
  simple({ name: 'indexof_regex', params: ['string', 'string', 'integer', 'integer', 'integer'], optional: 3, returns: 'long', row: (x, re, s, l, o) => t.indexofRegex(str(x), str(re), int(s), int(l), int(o)), docs: 'indexof-regex-function', doc: 'Index of the n-th non-overlapping match of a regular expression, or -1.', example: 'print indexof_regex("abcabc", @"a.c")' }),
  simple({ name: 'replace_strings', params: ['string', 'dynamic', 'dynamic'], returns: 'string', nulls: 'custom', row: (x, l, r) => t.replaceStrings(str(x), l as Dynamic, r as Dynamic), docs: 'replace-strings-function', doc: 'Replaces several strings at once; an earlier lookup takes precedence.', example: "print replace_strings('A cat and a dog', dynamic(['cat', 'dog']), dynamic(['dog', 'pigeon']))" }),
  simple({ name: 'has_any_index', params: ['string', 'dynamic'], returns: 'long', row: (x, v) => t.hasAnyIndex(str(x), v as Dynamic), docs: 'has-any-index-function', doc: 'Index of the first array element the string has as a term, or -1.', example: "print has_any_index('this is an example', dynamic(['this', 'example']))" }),
  simple({ name: 'regex_quote', params: ['tostring'], returns: 'string', row: (x) => t.regexQuote(str(x)), docs: 'regex-quote-function', doc: 'The string with every regular-expression metacharacter escaped.', example: "print regex_quote('(so$me.Te^xt)')" }),
  simple({ name: 'isascii', params: ['tostring'], returns: 'bool', row: (x) => t.isAscii(str(x)), docs: 'isascii', doc: 'True when every character is ASCII.', example: 'print isascii("some string")' }),
  simple({ name: 'isutf8', params: ['tostring'], returns: 'bool', row: (x) => t.isUtf8(str(x)), docs: 'isutf8-function', doc: 'True when the string is valid UTF-8.', example: 'print isutf8("some string")' }),
  toHexDef,
  codePointsToStringDef,
  newGuidDef,
  simple({ name: 'punycode_from_string', params: ['string'], returns: 'string', row: (x) => punycodeEncode(str(x)), docs: 'punycode-from-string-function', doc: 'The Punycode (RFC 3492) form of a string, without "xn--"; "" when it cannot be encoded.', example: "print punycode_from_string('académie-française')" }),
  simple({ name: 'punycode_to_string', params: ['string'], returns: 'string', row: (x) => punycodeDecode(str(x)), docs: 'punycode-to-string-function', doc: 'The string a Punycode text (without "xn--") encodes; "" when it is not valid Punycode.', example: "print punycode_to_string('acadmie-franaise-npb1a')" }),
  simple({ name: 'punycode_domain_to_string', params: ['string'], returns: 'string', row: (x) => punycodeDomainEncode(str(x)), docs: 'punycode-domain-to-string-function', doc: 'An internationalized domain name with each non-ASCII label encoded as "xn--" Punycode.', example: "print punycode_domain_to_string('Riðill｡Skáldskaparmál｡org')" }),
  simple({ name: 'punycode_domain_from_string', params: ['string'], returns: 'string', row: (x) => punycodeDomainDecode(str(x)), docs: 'punycode-domain-from-string-function', doc: 'A domain name with each "xn--" Punycode label decoded.', example: "print punycode_domain_from_string('xn--Ge-mia.Bulg.edu')" }),
];
