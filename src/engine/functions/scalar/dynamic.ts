// Dynamic, JSON and URL functions (src/values/dynamic*.ts, url.ts, path.ts hold the semantics).

import { parseUrl, parseUrlQuery } from '../../../values/url.js';
import { parsePath } from '../../../values/path.js';
import * as d from '../../../values/dynamic-functions.js';
import { dynamicTypeName, dynamicToCanonicalJson } from '../../../values/dynamic.js';
import type { Dynamic } from '../../../values/types.js';
import { formatDatetime } from '../../../values/datetime.js';
import { formatTimespan } from '../../../values/timespan.js';
import { lift } from '../lift.js';
import { simple } from '../simple.js';
import type { ScalarFunctionDef } from '../types.js';

const dyn = (v: unknown) => v as Dynamic;

/** range() returns at most 2^20 values: a longer range is truncated (range-function.md). */
const MAX_RANGE = 1_048_576;

export const dynamicFunctions: readonly ScalarFunctionDef[] = [
  simple({ name: 'parse_url', aliases: ['parseurl'], params: ['string'], returns: 'dynamic', row: (s) => parseUrl(s as string), docs: 'parse-url-function', doc: 'Splits an absolute URL into Scheme, Host, Port, Path, Username, Password, Query Parameters and Fragment.', example: 'print parse_url("https://host:1234/path?k=v#frag")' }),
  simple({ name: 'parse_urlquery', aliases: ['parseurlquery'], params: ['string'], returns: 'dynamic', row: (s) => parseUrlQuery(s as string), docs: 'parse-url-query-function', doc: 'Parses a URL query string into {"Query Parameters": {...}}.', example: 'print parse_urlquery("k1=v1&k2=v2")' }),
  simple({ name: 'parse_path', params: ['string'], returns: 'dynamic', row: (s) => parsePath(s as string), docs: 'parse-path-function', doc: 'Splits a file path into its parts.', example: 'print parse_path(@"C:\\temp\\file.txt")' }),
  simple({ name: 'array_length', aliases: ['arraylength'], params: ['dynamic'], returns: 'long', row: (a) => d.arrayLength(dyn(a)), docs: 'array-length-function', doc: 'Number of elements of a dynamic array; null when not an array.', example: 'print array_length(dynamic([1,2,3]))' }),
  simple({ name: 'array_concat', params: ['dynamic'], variadic: true, returns: 'dynamic', nulls: 'custom', row: (...a) => d.arrayConcat(...a.map(dyn)), docs: 'array-concat-function', doc: 'Concatenates dynamic arrays.', example: 'print array_concat(dynamic([1]), dynamic([2]))' }),
  simple({ name: 'array_slice', params: ['dynamic', 'integer', 'integer'], returns: 'dynamic', row: (a, s, e) => d.arraySlice(dyn(a), s as bigint, e as bigint), docs: 'array-slice-function', doc: 'Elements from start to end (inclusive; negative counts from the end).', example: 'print array_slice(dynamic([1,2,3]), 1, 2)' }),
  simple({ name: 'array_reverse', params: ['dynamic'], returns: 'dynamic', row: (a) => d.arrayReverse(dyn(a)), docs: 'array-reverse-function', doc: 'Reverses an array.', example: 'print array_reverse(dynamic([1,2,3]))' }),
  simple({ name: 'array_sum', params: ['dynamic'], returns: 'real', row: (a) => d.arraySum(dyn(a)), docs: 'array-sum-function', doc: 'Sum of a numeric array.', example: 'print array_sum(dynamic([1,2,3]))' }),
  simple({ name: 'array_sort_asc', resultName: { suffix: '_sorted' }, params: ['dynamic'], returns: 'dynamic', row: (a) => d.arraySortAsc([dyn(a)])[0] ?? null, docs: 'array-sort-asc-function', doc: 'Sorts an array ascending.', example: 'print array_sort_asc(dynamic([3,1,2]))' }),
  simple({ name: 'array_sort_desc', resultName: { suffix: '_sorted' }, params: ['dynamic'], returns: 'dynamic', row: (a) => d.arraySortDesc([dyn(a)])[0] ?? null, docs: 'array-sort-desc-function', doc: 'Sorts an array descending.', example: 'print array_sort_desc(dynamic([3,1,2]))' }),
  simple({ name: 'array_index_of', params: ['dynamic', 'anydyn'], returns: 'long', row: (a, v) => d.arrayIndexOf(dyn(a), dyn(v)), docs: 'array-index-of-function', doc: 'Index of a value in an array, -1 when absent.', example: 'print array_index_of(dynamic(["a","b"]), "b")' }),
  simple({ name: 'set_has_element', params: ['dynamic', 'anydyn'], returns: 'bool', nulls: 'custom', row: (a, v) => d.setHasElement(dyn(a), dyn(v)), docs: 'set-has-element-function', doc: 'True when the array contains the value.', example: 'print set_has_element(dynamic([1,2]), 2)' }),
  simple({ name: 'set_union', params: ['dynamic'], variadic: true, returns: 'dynamic', row: (...a) => d.setUnion(...a.map(dyn)), docs: 'set-union-function', doc: 'Distinct values of all arrays.', example: 'print set_union(dynamic([1]), dynamic([1,2]))' }),
  simple({ name: 'set_intersect', params: ['dynamic'], variadic: true, returns: 'dynamic', row: (...a) => d.setIntersect(...a.map(dyn)), docs: 'set-intersect-function', doc: 'Distinct values present in every array.', example: 'print set_intersect(dynamic([1,2]), dynamic([2]))' }),
  simple({ name: 'set_difference', params: ['dynamic'], variadic: true, returns: 'dynamic', row: (...a) => d.setDifference(...a.map(dyn)), docs: 'set-difference-function', doc: 'Distinct values of the first array absent from the others.', example: 'print set_difference(dynamic([1,2]), dynamic([2]))' }),
  simple({ name: 'jaccard_index', params: ['dynamic', 'dynamic'], returns: 'real', row: (a, b) => d.jaccardIndex(dyn(a), dyn(b)), docs: 'jaccard-index-function', doc: 'Jaccard similarity of two sets, a real (the real engine\'s type; Microsoft\'s analyser says dynamic).', example: 'print jaccard_index(dynamic([1,2]), dynamic([2,3]))' }),
  simple({ name: 'pack_array', params: ['anydyn'], variadic: true, returns: 'dynamic', nulls: 'custom', row: (...a) => d.packArray(...a.map(dyn)), docs: 'pack-array-function', doc: 'Packs the arguments into a dynamic array.', example: 'print pack_array(1, "a")' }),
  simple({ name: 'bag_pack', aliases: ['pack', 'pack_dictionary'], params: ['anydyn'], variadic: true, returns: 'dynamic', nulls: 'custom', row: (...a) => d.bagPack(a.map(dyn)), docs: 'pack-function', doc: 'Builds a property bag from alternating keys and values.', example: 'print bag_pack("a", 1)' }),
  simple({ name: 'bag_merge', params: ['dynamic'], variadic: true, returns: 'dynamic', nulls: 'custom', row: (...a) => d.bagMerge(...a.map(dyn)), docs: 'bag-merge-function', doc: 'Merges property bags (first wins).', example: 'print bag_merge(dynamic({"a":1}), dynamic({"b":2}))' }),
  simple({ name: 'bag_keys', params: ['dynamic'], returns: 'dynamic', row: (a) => d.bagKeys(dyn(a)), docs: 'bag-keys-function', doc: 'Keys of a property bag.', example: 'print bag_keys(dynamic({"a":1}))' }),
  simple({ name: 'bag_remove_keys', params: ['dynamic', 'dynamic'], returns: 'dynamic', row: (a, k) => d.bagRemoveKeys(dyn(a), dyn(k)), docs: 'bag-remove-keys-function', doc: 'A bag without the given keys.', example: 'print bag_remove_keys(dynamic({"a":1,"b":2}), dynamic(["a"]))' }),
  // array_strcat is undocumented; Microsoft's analyser declares it with strcat_array's exact signature [U: an alias].
  simple({ name: 'strcat_array', aliases: ['array_strcat'], params: ['dynamic', 'string'], returns: 'string', row: (a, s) => d.strcatArray(dyn(a), s as string), docs: 'strcat-array-function', doc: 'Joins array elements with a delimiter.', example: 'print strcat_array(dynamic([1,2]), "-")' }),
  simple({ name: 'zip', params: ['dynamic'], variadic: true, returns: 'dynamic', row: (...a) => d.zip(...a.map(dyn)), docs: 'zip-function', doc: 'Zips arrays element-wise.', example: 'print zip(dynamic([1,2]), dynamic(["a","b"]))' }),
  {
    kind: 'scalar',
    name: 'range',
    signature: 'range(start, stop [, step]) → dynamic',
    minArgs: 2,
    maxArgs: 3,
    nulls: 'propagate',
    deterministic: true,
    docs: 'range-function',
    doc: 'A dynamic array of equally spaced values from start to stop (inclusive).',
    example: 'print range(1, 8, 3)',
    resolve([a, b, c]) {
      const num = (t: string | undefined) => t === 'int' || t === 'long' || t === 'real';
      const ticks = (a === 'datetime' || a === 'timespan') && b === a && (c === undefined || c === 'timespan');
      if (!(num(a) && num(b) && (c === undefined || num(c))) && !ticks) return 'numbers, or datetimes/timespans with a timespan step';
      const real = a === 'real' || b === 'real' || c === 'real';
      return {
        returnType: 'dynamic',
        invoke: lift('dynamic', (x, y, z) => {
          const out: Dynamic[] = [];
          if (ticks) {
            // The default step of datetimes and timespans is 1h (range-function.md).
            const step = z === undefined ? 36_000_000_000n : (z as bigint);
            if (step === 0n) return null;
            for (let v = x as bigint; step > 0n ? v <= (y as bigint) : v >= (y as bigint); v += step) {
              if (out.length === MAX_RANGE) break;
              out.push(a === 'datetime' ? formatDatetime(v) : formatTimespan(v));
            }
            return Object.freeze(out);
          }
          const step = z === undefined ? 1 : Number(z);
          if (step === 0) return null;
          for (let v = Number(x); step > 0 ? v <= Number(y) : v >= Number(y); v += step) {
            if (out.length === MAX_RANGE) break;
            out.push(real ? v : BigInt(v));
          }
          return Object.freeze(out);
        }),
      };
    },
  },
  {
    kind: 'scalar',
    name: 'gettype',
    resultName: { prefix: 'type_' },
    signature: 'gettype(any) → string',
    minArgs: 1,
    maxArgs: 1,
    nulls: 'custom',
    deterministic: true,
    docs: 'gettype-function',
    doc: 'The runtime type of a value.',
    example: 'print gettype(123)',
    resolve([t]) {
      if (t === 'dynamic') return { returnType: 'string', invoke: lift('string', (v) => dynamicTypeName(dyn(v)), 'custom') };
      // A typed null keeps its type's name: real engine, recorded answer (issue #14): gettype(toint("bad")) and
      // gettype(toint("")) are "int" (the page only shows a dynamic null: gettype(parse_json('')) is "null").
      const name = t!;
      return { returnType: 'string', invoke: lift('string', () => name, 'custom') };
    },
  },
  simple({ name: 'dynamic_to_json', params: ['dynamic'], returns: 'string', nulls: 'custom', row: (a) => dynamicToCanonicalJson(dyn(a)), docs: 'dynamic-to-json-function', doc: 'JSON text of a dynamic value, bag keys sorted (dynamic-to-json-function.md).', example: 'print dynamic_to_json(dynamic({"a":1}))' }),
];
