// Conditionals and null tests: iff/iif, case, coalesce, not, isnull/isnotnull, isempty/isnotempty.
// Docs: iff-function.md (null condition → else branch), case-function.md, coalesce-function.md,
// isnull-function.md, isempty-function.md (isempty("") and isempty(null) are true; [] is not empty).

import { commonType } from '../../types.js';
import type { ScalarType } from '../../../values/types.js';
import { lift, simple, type ScalarFunctionDef, type Value } from '../define.js';

function branchTypes(types: readonly ScalarType[]): { type: ScalarType } | string {
  const t = commonType(types);
  return t ? { type: t } : `branches of the same type (got ${types.join(', ')})`;
}

const iffDef: ScalarFunctionDef = {
  name: 'iff',
  aliases: ['iif'],
  minArgs: 3,
  maxArgs: 3,
  doc: 'Returns the second argument when the condition is true, else the third (a null condition takes the else branch).',
  example: 'print iff(1 > 0, "yes", "no")',
  resolve(argTypes) {
    if (argTypes[0] !== 'bool') return 'a bool condition';
    const b = branchTypes([argTypes[1]!, argTypes[2]!]);
    if (typeof b === 'string') return b;
    const t = b.type;
    return {
      returnType: t,
      argTypes: [undefined, t === argTypes[1] ? undefined : t, t === argTypes[2] ? undefined : t],
      invoke: lift(t, (c, a, b) => (c === true ? a : b), 'custom'),
    };
  },
};

const caseDef: ScalarFunctionDef = {
  name: 'case',
  minArgs: 3,
  maxArgs: 1001,
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
    const b = branchTypes(values);
    if (typeof b === 'string') return b;
    const t = b.type;
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
  name: 'coalesce',
  minArgs: 2,
  maxArgs: 64,
  doc: 'Returns the first argument that is not null (for strings, not empty).',
  example: 'print coalesce(int(null), 5)',
  resolve(argTypes) {
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
    doc: 'Logical negation; not(null) is null.',
    example: 'print not(1 > 2)',
  }),
  simple({
    name: 'isnull',
    params: ['any'],
    returns: 'bool',
    nulls: 'custom',
    row: (v) => v === null,
    doc: 'True only for a null value ("" is not null).',
    example: 'print isnull(int(null))',
  }),
  simple({
    name: 'isnotnull',
    aliases: ['notnull'],
    params: ['any'],
    returns: 'bool',
    nulls: 'custom',
    row: (v) => v !== null,
    doc: 'True when the value is not null.',
    example: 'print isnotnull(5)',
  }),
  simple({
    name: 'isempty',
    params: ['any'],
    returns: 'bool',
    nulls: 'custom',
    row: (v) => isEmptyValue(v),
    doc: 'True for "" or null.',
    example: 'print isempty("")',
  }),
  simple({
    name: 'isnotempty',
    aliases: ['notempty'],
    params: ['any'],
    returns: 'bool',
    nulls: 'custom',
    row: (v) => !isEmptyValue(v),
    doc: 'True when the value is neither "" nor null.',
    example: 'print isnotempty("a")',
  }),
];
