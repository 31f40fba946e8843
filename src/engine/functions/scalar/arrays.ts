// More dynamic array and bag functions (issue #13): splitting, rotating and shifting arrays, element-wise iff,
// repeat, bag keys by JSONPath, bag_zip, treepath. Per-row semantics: src/values/array-functions.ts.

import * as a from '../../../values/array-functions.js';
import { dynamicFromScalar } from '../../../values/dynamic.js';
import type { Dynamic, ScalarType } from '../../../values/types.js';
import { lift } from '../lift.js';
import { simple } from '../simple.js';
import type { ScalarFunctionDef } from '../types.js';

const dyn = (v: unknown) => v as Dynamic;
const int = (v: unknown) => v as number | bigint | null;
const neg = (v: unknown) => (v === null ? null : -BigInt(v as number | bigint));

/** The value types repeat() takes (repeat-function.md); dynamic is not one (a recorded engine answer refuses it). */
const REPEATABLE: readonly ScalarType[] = ['bool', 'int', 'long', 'real', 'datetime', 'string', 'timespan'];

const repeatDef: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'repeat',
  resultName: { prefix: 'repeat_' },
  signature: 'repeat(bool, int, long, real, datetime, string or timespan, count: int) → dynamic',
  minArgs: 2,
  maxArgs: 2,
  nulls: 'custom',
  deterministic: true,
  docs: 'repeat-function',
  doc: 'A dynamic array holding count copies of a value (null for a negative count).',
  example: 'print repeat(1, 3)',
  resolve([v, c]) {
    if (!REPEATABLE.includes(v!)) return { arg: 0, expected: 'bool, int, long, real, datetime, string or timespan', got: v! };
    if (c !== 'int' && c !== 'long') return { arg: 1, expected: 'an integer', got: c! };
    // A null value repeats as null elements [U]; a null count gives null (as a negative one does).
    return { returnType: 'dynamic', invoke: lift('dynamic', (x, n) => a.repeatValue(dynamicFromScalar(x as Dynamic, v!), int(n)), 'custom') };
  },
};

export const arrayFunctions: readonly ScalarFunctionDef[] = [
  simple({ name: 'array_split', params: ['dynamic', 'anydyn'], returns: 'dynamic', row: (x, i) => a.arraySplit(dyn(x), dyn(i)), docs: 'array-split-function', doc: 'Splits an array at the given indices into an array of arrays.', example: 'print array_split(dynamic([1,2,3,4,5]), dynamic([1,3]))' }),
  simple({ name: 'array_rotate_left', params: ['dynamic', 'integer'], returns: 'dynamic', row: (x, n) => a.arrayRotateLeft(dyn(x), int(n)), docs: 'array-rotate-left-function', doc: 'Rotates an array to the left (right for a negative count).', example: 'print array_rotate_left(dynamic([1,2,3,4,5]), 2)' }),
  simple({ name: 'array_rotate_right', params: ['dynamic', 'integer'], returns: 'dynamic', row: (x, n) => a.arrayRotateLeft(dyn(x), neg(n)), docs: 'array-rotate-right-function', doc: 'Rotates an array to the right (left for a negative count).', example: 'print array_rotate_right(dynamic([1,2,3,4,5]), 2)' }),
  simple({ name: 'array_shift_left', params: ['dynamic', 'integer', 'anydyn'], optional: 1, returns: 'dynamic', nulls: 'custom', row: (x, n, f) => a.arrayShiftLeft(dyn(x), int(n), f === undefined ? undefined : dyn(f)), docs: 'array-shift-left-function', doc: 'Shifts an array to the left, filling the emptied places with a default value.', example: 'print array_shift_left(dynamic([1,2,3,4,5]), 2, -1)' }),
  simple({ name: 'array_shift_right', params: ['dynamic', 'integer', 'anydyn'], optional: 1, returns: 'dynamic', nulls: 'custom', row: (x, n, f) => a.arrayShiftLeft(dyn(x), neg(n), f === undefined ? undefined : dyn(f)), docs: 'array-shift-right-function', doc: 'Shifts an array to the right, filling the emptied places with a default value.', example: 'print array_shift_right(dynamic([1,2,3,4,5]), 2, -1)' }),
  simple({ name: 'array_iff', aliases: ['array_iif'], params: ['dynamic', 'anydyn', 'anydyn'], returns: 'dynamic', nulls: 'custom', row: (c, t, f) => a.arrayIff(dyn(c), dyn(t), dyn(f)), docs: 'array-iff-function', doc: 'Element-wise iff over an array of conditions.', example: 'print array_iff(dynamic([true,false,true]), dynamic([1,2,3]), dynamic([4,5,6]))' }),
  repeatDef,
  simple({ name: 'bag_has_key', params: ['dynamic', 'string'], returns: 'bool', nulls: 'custom', row: (b, k) => a.bagHasKey(dyn(b), k as string), docs: 'bag-has-key-function', doc: 'True when a property bag has the key (or JSONPath).', example: "print bag_has_key(dynamic({'key1': 123, 'key2': 'abc'}), 'key2')" }),
  simple({ name: 'bag_set_key', params: ['dynamic', 'string', 'anydyn'], returns: 'dynamic', nulls: 'custom', row: (b, k, v) => a.bagSetKey(dyn(b), k as string, dyn(v)), docs: 'bag-set-key-function', doc: 'A property bag with a key (or JSONPath) set to a value.', example: "print bag_set_key(dynamic({'key1': 1}), 'key3', 3)" }),
  simple({ name: 'bag_zip', params: ['dynamic', 'dynamic'], returns: 'dynamic', nulls: 'custom', row: (k, v) => a.bagZip(dyn(k), dyn(v)), docs: 'bag-zip', doc: 'A property bag from an array of keys and an array of values.', example: "print bag_zip(dynamic(['a', 'b', 'c']), dynamic([1, '2', 3.4]))" }),
  simple({ name: 'treepath', resultName: { prefix: 'tree_' }, params: ['dynamic'], returns: 'dynamic', row: (x) => a.treepath(dyn(x)), docs: 'treepath-function', doc: 'The path expressions of every value inside a dynamic object.', example: `print treepath(parse_json('{"a":"b", "c":123}'))` }),
];
