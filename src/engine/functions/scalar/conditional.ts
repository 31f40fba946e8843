// Conditionals and null tests: iff/iif, case, coalesce, not, isnull/isnotnull, isempty/isnotempty.
// Docs: iff-function.md (null condition → else branch), case-function.md, coalesce-function.md,
// isnull-function.md, isempty-function.md (isempty("") and isempty(null) are true; [] is not empty).

import { commonType } from '../../types.js';
import type { ScalarType } from '../../../values/types.js';
import { lift } from '../lift.js';
import { simple } from '../simple.js';
import type { ScalarFunctionDef, Value } from '../types.js';

function branchTypes(types: readonly ScalarType[]): { type: ScalarType } | string {
  const t = commonType(types);
  return t ? { type: t } : `branches of the same type (got ${types.join(', ')})`;
}

/**
 * The result type of iff/case branches, as Microsoft's analyser gives it: numbers widen; a dynamic branch after a
 * typed first branch takes the first branch's type (converted at run time); a dynamic first branch makes the result
 * dynamic; other mixes of types are dynamic.
 */
function conditionalType(types: readonly ScalarType[]): ScalarType {
  const first = types[0]!;
  if (first === 'dynamic') return 'dynamic';
  const typed = types.filter((t) => t !== 'dynamic');
  return commonType(typed) ?? 'dynamic';
}

const iffDef: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'iff',
  aliases: ['iif'],
  signature: 'iff(bool, then: any, else: any) → the branches\' common type',
  minArgs: 3,
  maxArgs: 3,
  nulls: 'custom',
  deterministic: true,
  docs: 'iff-function',
  doc: 'Returns the second argument when the condition is true, else the third (a null condition takes the else branch).',
  example: 'print iff(1 > 0, "yes", "no")',
  resolve(argTypes) {
    if (argTypes[0] !== 'bool') return 'a bool condition';
    const t = conditionalType([argTypes[1]!, argTypes[2]!]);
    return {
      returnType: t,
      argTypes: [undefined, t === argTypes[1] ? undefined : t, t === argTypes[2] ? undefined : t],
      invoke: lift(t, (c, a, b) => (c === true ? a : b), 'custom'),
    };
  },
};

const caseDef: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'case',
  signature: 'case(bool, then: any, ..., else: any) → the branches\' common type',
  minArgs: 3,
  maxArgs: 1001,
  nulls: 'custom',
  deterministic: true,
  docs: 'case-function',
  doc: 'Evaluates predicates in order and returns the value of the first true one, else the last argument.',
  example: 'print case(1 > 2, "a", 2 > 1, "b", "c")',
  resolve(argTypes) {
    if (argTypes.length % 2 === 0) return 'pairs of predicate and value followed by an else value';
    const values: ScalarType[] = [];
    for (let i = 0; i < argTypes.length - 1; i += 2) {
      if (argTypes[i] !== 'bool') return `a bool predicate at argument ${i + 1}`;
      values.push(argTypes[i + 1]!);
    }
    values.push(argTypes[argTypes.length - 1]!);
    const t = conditionalType(values);
    const conv = argTypes.map((a, i) => ((i % 2 === 1 || i === argTypes.length - 1) && a !== t ? t : undefined));
    return {
      returnType: t,
      argTypes: conv,
      invoke: lift(
        t,
        (...args: Value[]) => {
          for (let i = 0; i < args.length - 1; i += 2) if (args[i] === true) return args[i + 1]!;
          return args[args.length - 1]!;
        },
        'custom',
      ),
    };
  },
};

const coalesceDef: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'coalesce',
  signature: 'coalesce(any, any, ...) → the arguments\' common type',
  minArgs: 2,
  maxArgs: 64,
  nulls: 'custom',
  deterministic: true,
  docs: 'coalesce-function',
  doc: 'Returns the first argument that is not null (for strings, not empty).',
  example: 'print coalesce(int(null), 5)',
  resolve(argTypes) {
    // coalesce does not mix dynamic with other types (Microsoft's analyser: "must have the type dynamic").
    if (argTypes.includes('dynamic') && !argTypes.every((a) => a === 'dynamic')) return 'arguments that are all dynamic or all of one type';
    const b = branchTypes(argTypes);
    if (typeof b === 'string') return b;
    const t = b.type;
    return {
      returnType: t,
      argTypes: argTypes.map((a) => (a === t ? undefined : t)),
      invoke: lift(
        t,
        (...args: Value[]) => {
          for (const a of args) if (a !== null && !(t === 'string' && a === '')) return a;
          return t === 'string' ? '' : null;
        },
        'custom',
      ),
    };
  },
};

const isEmptyValue = (v: Value) => v === null || v === '';

export const conditionalFunctions: readonly ScalarFunctionDef[] = [
  iffDef,
  caseDef,
  coalesceDef,
  simple({
    name: 'not',
    params: ['bool'],
    returns: 'bool',
    row: (b) => !b,
    docs: 'not-function', doc: 'Logical negation; not(null) is null.',
    example: 'print not(1 > 2)',
  }),
  simple({
    name: 'isnull',
    params: ['any'],
    returns: 'bool',
    nulls: 'custom',
    row: (v) => v === null,
    docs: 'isnull-function', doc: 'True only for a null value ("" is not null).',
    example: 'print isnull(int(null))',
  }),
  simple({
    name: 'isnotnull',
    aliases: ['notnull'],
    params: ['any'],
    returns: 'bool',
    nulls: 'custom',
    row: (v) => v !== null,
    docs: 'isnotnull-function', doc: 'True when the value is not null.',
    example: 'print isnotnull(5)',
  }),
  simple({
    name: 'isempty',
    params: ['any'],
    returns: 'bool',
    nulls: 'custom',
    row: (v) => isEmptyValue(v),
    docs: 'isempty-function', doc: 'True for "" or null.',
    example: 'print isempty("")',
  }),
  simple({
    name: 'isnotempty',
    aliases: ['notempty'],
    params: ['any'],
    returns: 'bool',
    nulls: 'custom',
    row: (v) => !isEmptyValue(v),
    docs: 'isnotempty-function', doc: 'True when the value is neither "" nor null.',
    example: 'print isnotempty("a")',
  }),
];
