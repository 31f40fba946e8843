// Conversion functions (tostring, toint, tolong, toreal/todouble, tobool, todatetime, totimespan, toguid,
// parse_json/todynamic) and the implicit conversions the binder inserts. Bad input gives null, never an error
// (docs toint-function.md etc.); tostring(null) is "" because strings are never null.

import {
  toStringValue,
  toIntValue,
  toLongValue,
  toRealValue,
  toBoolValue,
  toDatetimeValue,
  toTimespanValue,
  toGuidValue,
} from '../../../values/convert.js';
import { dynamicFromScalar, parseJson } from '../../../values/dynamic.js';
import type { Dynamic, ScalarType, ScalarValue } from '../../../values/types.js';
import { lift } from '../lift.js';
import type { Invoke, ResultName, ScalarFunctionDef, Value } from '../types.js';

type Converter = (v: ScalarValue, from: ScalarType) => Value;

const CONVERTERS: Record<Exclude<ScalarType, 'decimal'>, Converter> = {
  string: (v, t) => toStringValue(v, t),
  int: (v, t) => toIntValue(v, t),
  long: (v, t) => toLongValue(v, t),
  real: (v, t) => toRealValue(v, t),
  bool: (v, t) => toBoolValue(v, t),
  datetime: (v, t) => toDatetimeValue(v, t),
  timespan: (v, t) => toTimespanValue(v, t),
  guid: (v, t) => toGuidValue(v, t),
  dynamic: (v, t) => (t === 'string' ? (v as string) : dynamicFromScalar(v, t)),
};

export function conversionInvoke(from: ScalarType, to: ScalarType): Invoke {
  if (to === 'decimal' || from === 'decimal') throw new Error('decimal is not supported');
  const conv = CONVERTERS[to];
  // tostring(null) is "": the string result of a null input.
  return lift(to, (v) => (v === null ? (to === 'string' ? '' : null) : conv(v, from)), 'custom');
}

function converter(name: string, to: Exclude<ScalarType, 'decimal'>, doc: string, example: string, aliases?: string[]): ScalarFunctionDef {
  return {
    kind: 'scalar',
    name,
    aliases,
    signature: `${name}(any) → ${to}`,
    minArgs: 1,
    maxArgs: 1,
    nulls: 'custom',
    deterministic: true,
    resultName: 'first-argument',
    doc,
    docs: `${name}-function`,
    example,
    resolve(argTypes) {
      const from = argTypes[0]!;
      if (from === 'decimal') return 'a non-decimal value';
      return { returnType: to, invoke: conversionInvoke(from, to) };
    },
  };
}

function resolveParseJson(argTypes: readonly ScalarType[]) {
  const from = argTypes[0]!;
  if (from === 'dynamic') return { returnType: 'dynamic' as const, invoke: ((args) => args[0]!) as Invoke };
  if (from === 'string') return { returnType: 'dynamic' as const, invoke: lift('dynamic', (s) => parseJson(s as string), 'custom') };
  return { arg: 0, expected: 'string or dynamic', got: from };
}

/** parse_json (parsejson) and todynamic (toobject) are one function, kept as two definitions of the same shape. */
function jsonParser(name: string, aliases: string[], resultName: ResultName | undefined, example: string): ScalarFunctionDef {
  return {
    kind: 'scalar',
    name,
    aliases,
    signature: `${name}(string or dynamic) → dynamic`,
    minArgs: 1,
    maxArgs: 1,
    nulls: 'custom',
    deterministic: true,
    resultName,
    doc: 'Interprets a string as JSON and returns a dynamic value; dynamic input is returned as is.',
    docs: 'parse-json-function',
    example,
    resolve: resolveParseJson,
  };
}

export const conversionFunctions: readonly ScalarFunctionDef[] = [
  converter('tostring', 'string', 'Converts a value to its string representation; null gives "".', 'print tostring(123)'),
  converter('toint', 'int', 'Converts to a 32-bit int; null when the conversion fails.', 'print toint("42")'),
  converter('tolong', 'long', 'Converts to a 64-bit long; null when the conversion fails.', 'print tolong("42")'),
  converter('toreal', 'real', 'Converts to real; null when the conversion fails.', 'print toreal("1.5")', ['todouble']),
  converter('tobool', 'bool', 'Converts to bool; null when the conversion fails.', 'print tobool("true")', ['toboolean']),
  converter('todatetime', 'datetime', 'Converts to datetime; null when the conversion fails.', 'print todatetime("2026-01-01")'),
  converter('totimespan', 'timespan', 'Converts to timespan; null when the conversion fails.', 'print totimespan("0.00:03:00")', ['totime']),
  converter('toguid', 'guid', 'Converts to guid; null when the conversion fails.', 'print toguid("74be27de-1e4e-49d9-b579-fe0b331d3642")'),
  jsonParser('parse_json', ['parsejson'], 'first-argument', `print parse_json('{"a":1}').a`),
  jsonParser('todynamic', ['toobject'], 'first-argument', `print todynamic('[1,2]')[1]`),
];

export type { Dynamic };
