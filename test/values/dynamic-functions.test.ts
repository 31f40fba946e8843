import { describe, it, expect } from 'vitest';
import {
  arrayLength,
  arrayConcat,
  arraySlice,
  arrayReverse,
  arraySum,
  arrayIndexOf,
  arraySortAsc,
  arraySortDesc,
  setHasElement,
  setUnion,
  setIntersect,
  setDifference,
  jaccardIndex,
  packArray,
  bagPack,
  bagMerge,
  bagKeys,
  bagRemoveKeys,
  strcatArray,
  zip,
} from '../../src/values/dynamic-functions.js';
import { parseJson, dynamicToJson, dynamicFromScalar } from '../../src/values/dynamic.js';
import type { Dynamic } from '../../src/values/types.js';

const j = parseJson;
const txt = (d: Dynamic): string => dynamicToJson(d);

describe('arrays', () => {
  // array-length-function.md: array_length(dynamic([1, 2, 3, "four"])) = 4; not an array → null.
  it('array_length', () => {
    expect(arrayLength(j('[1, 2, 3, "four"]'))).toBe(4n);
    expect(arrayLength(j('{"a":1}'))).toBeNull();
    expect(arrayLength('abc')).toBeNull();
    expect(arrayLength(null)).toBeNull();
  });

  // array-concat-function.md: x=1: a1=[1,2,4], a2=[1,2] → [1,2,4,1,2].
  it('array_concat', () => {
    expect(txt(arrayConcat(j('[1,2,4]'), j('[1,2]')))).toBe('[1,2,4,1,2]');
    expect(txt(arrayConcat(j('[3,6,12]'), j('[3,6]')))).toBe('[3,6,12,3,6]');
    // Real engine, recorded answers (issue #14): non-array arguments (null, a bag) are skipped.
    expect(txt(arrayConcat(j('[1]'), null))).toBe('[1]');
    expect(txt(arrayConcat(j('{"a":1}'), j('[99]')))).toBe('[99]');
  });

  // array-slice-function.md: [1,2,3] (1,2) → [2,3]; [1,2,3,4,5] (2,-1) → [3,4,5]; (-3,-2) → [3,4].
  it('array_slice', () => {
    expect(txt(arraySlice(j('[1,2,3]'), 1, 2))).toBe('[2,3]');
    expect(txt(arraySlice(j('[1,2,3,4,5]'), 2, -1))).toBe('[3,4,5]');
    expect(txt(arraySlice(j('[1,2,3,4,5]'), -3n, -2n))).toBe('[3,4]');
    expect(txt(arraySlice(j('[1,2,3]'), -10, 10))).toBe('[1,2,3]');
    expect(txt(arraySlice(j('[1,2,3]'), 2, 1))).toBe('[]');
    expect(arraySlice(j('[1,2,3]'), null, 1)).toBeNull();
    expect(arraySlice('x', 0, 1)).toBeNull();
  });

  // array-reverse-function.md.
  it('array_reverse', () => {
    const input = j('["this", "is", "an", "example"]');
    expect(txt(arrayReverse(input))).toBe('["example","an","is","this"]');
    expect(txt(input)).toBe('["this","is","an","example"]');
    expect(arrayReverse(j('{}'))).toBeNull();
  });

  // array-sum-function.md: [1,2,3,4] → 10 (a real); non-numeric element → null.
  it('array_sum', () => {
    expect(arraySum(j('[1,2,3,4]'))).toBe(10);
    expect(arraySum(j('[1.5,2]'))).toBe(3.5);
    expect(arraySum(j('[1,"2"]'))).toBeNull();
    // Real engine, recorded answers (issue #14): nulls are skipped; no numbers at all → null.
    expect(arraySum(j('[1,null,3]'))).toBe(4);
    expect(arraySum(j('[]'))).toBeNull();
    expect(arraySum(null)).toBeNull();
  });

  // array-index-of-function.md: idx1..idx9 = 2, 3, -1, -1, 3, 4, -1, 4, -1.
  it('array_index_of doc example', () => {
    const arr = j('["this", "is", "an", "example", "an", "example"]');
    expect(arrayIndexOf(arr, 'an')).toBe(2n);
    expect(arrayIndexOf(arr, 'example', 1, 3)).toBe(3n);
    expect(arrayIndexOf(arr, 'example', 1, 2)).toBe(-1n);
    expect(arrayIndexOf(arr, 'is', 2, 4)).toBe(-1n);
    expect(arrayIndexOf(arr, 'example', 2, -1)).toBe(3n);
    expect(arrayIndexOf(arr, 'an', 1, -1, 2)).toBe(4n);
    expect(arrayIndexOf(arr, 'an', 1, -1, 3)).toBe(-1n);
    expect(arrayIndexOf(arr, 'an', -3)).toBe(4n);
    expect(arrayIndexOf(arr, 'is', -4)).toBe(-1n);
  });

  it('array_index_of: irrelevant inputs give null, values compare by type', () => {
    const arr = j('[1, "1", 2.0]');
    expect(arrayIndexOf(arr, 1n, 0, -2)).toBeNull();
    expect(arrayIndexOf(arr, 1n, 0, -1, -1)).toBeNull();
    expect(arrayIndexOf(arr, '1')).toBe(1n);
    expect(arrayIndexOf(arr, dynamicFromScalar(2, 'int'))).toBe(2n);
    expect(arrayIndexOf('x', 'x')).toBeNull();
  });
});

describe('array_sort_asc / array_sort_desc', () => {
  // array-sort-asc-function.md example 1.
  it('sorts the first array and reorders the others', () => {
    const [a, b] = arraySortAsc([j('[1,3,4,5,2]'), j('["a","b","c","d","e"]')]);
    expect(txt(a ?? null)).toBe('[1,2,3,4,5]');
    expect(txt(b ?? null)).toBe('["a","e","b","c","d"]');
    // array-sort-desc-function.md example 1.
    const [c, d] = arraySortDesc([j('[1,3,4,5,2]'), j('["a","b","c","d","e"]')]);
    expect(txt(c ?? null)).toBe('[5,4,3,2,1]');
    expect(txt(d ?? null)).toBe('["d","c","b","e","a"]');
  });

  // array-sort-asc example 2: split("John,Paul,George,Ringo", ",") sorted → George,John,Paul,Ringo.
  it('sorts strings ordinally', () => {
    const [s] = arraySortAsc([j('["John","Paul","George","Ringo"]')]);
    expect(strcatArray(s ?? null, ',')).toBe('George,John,Paul,Ringo');
    const [t] = arraySortAsc([j('["b","B","a","A"]')]);
    expect(txt(t ?? null)).toBe('["A","B","a","b"]');
  });

  // Example 3: datetimes packed into dynamic values are ISO strings, which sort chronologically.
  it('sorts the doc timestamps and reorders the commands', () => {
    const stamps = j(
      '["2019-07-15T00:00:00.0000000Z","2019-07-02T00:00:00.0000000Z","2019-07-22T00:00:00.0000000Z",' +
        '"2019-07-14T00:00:00.0000000Z","2019-07-27T00:00:00.0000000Z","2019-07-25T00:00:00.0000000Z"]',
    );
    const commands = j('["chmod","ls","dir","mkdir","rm","pwd"]');
    expect(txt(arraySortAsc([stamps, commands])[1] ?? null)).toBe('["ls","mkdir","chmod","dir","pwd","rm"]');
    expect(txt(arraySortDesc([stamps, commands])[1] ?? null)).toBe('["rm","pwd","dir","chmod","mkdir","ls"]');
  });

  // Example 4 of both pages: nulls last by default, first with nulls_last = false.
  it('places nulls', () => {
    const arr = j('[null,"blue","yellow","green",null]');
    expect(txt(arraySortAsc([arr])[0] ?? null)).toBe('["blue","green","yellow",null,null]');
    expect(txt(arraySortAsc([arr], false)[0] ?? null)).toBe('[null,null,"blue","green","yellow"]');
    expect(txt(arraySortDesc([arr])[0] ?? null)).toBe('["yellow","green","blue",null,null]');
    expect(txt(arraySortDesc([arr], false)[0] ?? null)).toBe('[null,null,"yellow","green","blue"]');
  });

  it('orders numbers before strings before other values; mismatched lengths give null', () => {
    const [m] = arraySortAsc([j('[true,"b",2.5,{"x":1},"a",1,9223372036854775807]')]);
    expect(txt(m ?? null)).toBe('[1,2.5,9223372036854775807,"a","b",true,{"x":1}]');
    // array-sort-desc-function.md lists the same group order for the descending sort.
    const [dm] = arraySortDesc([j('[true,"b",2.5,{"x":1},"a",1,9223372036854775807]')]);
    expect(txt(dm ?? null)).toBe('[9223372036854775807,2.5,1,"b","a",true,{"x":1}]');
    const [x, y] = arraySortAsc([j('[2,1]'), j('[1]')]);
    expect(txt(x ?? null)).toBe('[1,2]');
    expect(y).toBeNull();
    expect(arraySortAsc([null, j('[1]')])).toEqual([null, null]);
  });
});

describe('sets', () => {
  // set-has-element-function.md.
  it('set_has_element', () => {
    expect(setHasElement(j('["this", "is", "an", "example"]'), 'example')).toBe(true);
    expect(setHasElement(j('["this"]'), 'that')).toBe(false);
    expect(setHasElement(null, 'x')).toBeNull();
  });

  // set-union-function.md: x=1: [1,2,1,4] ∪ [1,2] ∪ [8] = [1,2,4,8]; ['A4','A2','A7','A2'] twice → ["A4","A2","A7"].
  it('set_union', () => {
    expect(txt(setUnion(j('[1,2,1,4]'), j('[1,2]'), j('[8]')))).toBe('[1,2,4,8]');
    expect(txt(setUnion(j('[3,6,3,12]'), j('[3,6]'), j('[24]')))).toBe('[3,6,12,24]');
    const a = j('["A4","A2","A7","A2"]');
    expect(txt(setUnion(a, a))).toBe('["A4","A2","A7"]');
    expect(txt(setUnion(j('[{"a":1},{"a":1.0}]'), j('[[1]]')))).toBe('[{"a":1},[1]]');
    expect(setUnion(j('[1]'), 'x')).toBeNull();
  });

  // set-intersect-function.md: x=1: [1,2,1,4] ∩ [1,2] ∩ [8,1] = [1]; [1,2,3] ∩ [4,5] = [].
  it('set_intersect', () => {
    expect(txt(setIntersect(j('[1,2,1,4]'), j('[1,2]'), j('[8,1]')))).toBe('[1]');
    expect(txt(setIntersect(j('[2,4,2,8]'), j('[2,4]'), j('[16,2]')))).toBe('[2]');
    expect(txt(setIntersect(j('[1, 2, 3]'), j('[4,5]')))).toBe('[]');
    expect(setIntersect(j('[1]'), null)).toBeNull();
  });

  // set-difference-function.md: x=1: [1,2,1,4] \ [1,2] \ [1,2,8] = [4]; [1,2,3] \ [1,2,3] = [].
  it('set_difference', () => {
    expect(txt(setDifference(j('[1,2,1,4]'), j('[1,2]'), j('[1,2,8]')))).toBe('[4]');
    expect(txt(setDifference(j('[3,6,3,12]'), j('[3,6]'), j('[3,6,24]')))).toBe('[12]');
    expect(txt(setDifference(j('[1,2,3]'), j('[1,2,3]')))).toBe('[]');
    expect(txt(setDifference(j('["a","b","a"]'), j('[]')))).toBe('["a","b"]');
  });

  // jaccard-index-function.md: [1,2,3] vs [1,2,3,4] → 0.75.
  it('jaccard_index', () => {
    expect(jaccardIndex(j('[1,2,3]'), j('[1,2,3,4]'))).toBe(0.75);
    expect(jaccardIndex(j('[1,1,2]'), j('[2,3,3]'))).toBeCloseTo(1 / 3, 15);
    expect(jaccardIndex(j('[]'), j('[]'))).toBeNaN();
    expect(jaccardIndex(null, j('[]'))).toBeNull();
  });
});

describe('packing and bags', () => {
  // pack-array-function.md: x=1: pack_array(1, "2", 2s) → [1,"2","00:00:02"].
  it('pack_array', () => {
    const arr = packArray(
      dynamicFromScalar(1n, 'long'),
      dynamicFromScalar('2', 'string'),
      dynamicFromScalar(20_000_000n, 'timespan'),
    );
    expect(txt(arr)).toBe('[1,"2","00:00:02"]');
    expect(txt(packArray(1n, 2n, 4n))).toBe('[1,2,4]');
    expect(Object.isFrozen(arr)).toBe(true);
  });

  // bag-pack-function.md example 1.
  it('bag_pack', () => {
    const inner = bagPack(['url', 'www.bing.com']);
    const bag = bagPack(['Level', 'Information', 'ProcessID', 1234n, 'Data', inner]);
    expect(txt(bag)).toBe('{"Level":"Information","ProcessID":1234,"Data":{"url":"www.bing.com"}}');
    expect(txt(bagPack(['a', 1n, 'a', 2n, 'b', null]))).toBe('{"a":2,"b":null}');
    expect(() => bagPack(['a'])).toThrow(/even number/);
  });

  // bag-merge-function.md: A1 keeps 12 (first bag wins).
  it('bag_merge', () => {
    const merged = bagMerge(j('{"A1":12, "B1":2, "C1":3}'), j('{"A2":81, "B2":82, "A1":1}'));
    expect(txt(merged)).toBe('{"A1":12,"B1":2,"C1":3,"A2":81,"B2":82}');
    expect(txt(bagMerge(j('{"a":1}'), null, 'x'))).toBe('{"a":1}');
  });

  // bag-keys-function.md rows 1–7.
  it('bag_keys', () => {
    expect(txt(bagKeys(j('{"a":"b","c":123}')))).toBe('["a","c"]');
    expect(txt(bagKeys(j('{"a":"b","c":{"d":123}}')))).toBe('["a","c"]');
    expect(txt(bagKeys(j('{"a":"b","c":[{"d":123}]}')))).toBe('["a","c"]');
    expect(bagKeys(null)).toBeNull();
    expect(txt(bagKeys(j('{}')))).toBe('[]');
    expect(bagKeys('a')).toBeNull();
    expect(bagKeys(j('[]'))).toBeNull();
  });

  // bag-remove-keys-function.md: both examples.
  it('bag_remove_keys', () => {
    const keys = j('["key2","key4"]');
    expect(txt(bagRemoveKeys(j('{"key1":123,"key2":"abc"}'), keys))).toBe('{"key1":123}');
    expect(txt(bagRemoveKeys(j('{"key1":"value","key3":42.0}'), keys))).toBe('{"key1":"value","key3":42}');
    const nested = j('{"key1":123,"key2":{"prop1":"abc","prop2":"xyz"},"key3":[100,200]}');
    expect(txt(bagRemoveKeys(nested, j('["$.key2.prop1","key3"]')))).toBe('{"key1":123,"key2":{"prop2":"xyz"}}');
    expect(txt(bagRemoveKeys(nested, j(`["$['key2']['prop2']"]`)))).toBe(
      '{"key1":123,"key2":{"prop1":"abc"},"key3":[100,200]}',
    );
    expect(txt(bagRemoveKeys(nested, j('["$.key3[0]"]')))).toBe(txt(nested));
    expect(bagRemoveKeys(j('[1]'), keys)).toBeNull();
  });
});

describe('strcat_array / zip', () => {
  // strcat-array-function.md: "1->2->3" and 1"2"3.
  it('strcat_array', () => {
    expect(strcatArray(j('[1, 2, 3]'), '->')).toBe('1->2->3');
    expect(strcatArray(j('[1, 2, 3]'), '"')).toBe('1"2"3');
    expect(strcatArray(j('["a",null,1.5,{"k":true}]'), '|')).toBe('a||1.5|{"k":true}');
    expect(strcatArray(null, ',')).toBe('');
  });

  // zip-function.md: three examples.
  it('zip', () => {
    expect(txt(zip(j('[1,3,5]'), j('[2,4,6]')))).toBe('[[1,2],[3,4],[5,6]]');
    expect(txt(zip(j('["A", 1, 1.5]'), j('[{}, "B"]')))).toBe('[["A",{}],[1,"B"],[1.5,null]]');
    expect(txt(zip(j('[1,2,3]'), j('["one","two","three"]')))).toBe('[[1,"one"],[2,"two"],[3,"three"]]');
    expect(zip(j('[1]'), 'x')).toBeNull();
  });
});
