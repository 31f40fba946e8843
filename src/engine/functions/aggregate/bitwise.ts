// binary_all_and, binary_all_or, binary_all_xor (binary-all-and-, binary-all-or-, binary-all-xor-aggregation-
// function.md): the bitwise AND, OR or XOR of the group's values. Nulls are skipped; a group without values gives
// null [U]. The column is named after the argument itself (binary_all_and(num) → num) or Column1 for an expression
// (Microsoft's analyser). The pages take a long; an int gives an int (the analyser). A real is typed real by the
// analyser but its bitwise meaning is undocumented, so it is refused by name.

import type { ScalarType } from '../../../values/types.js';
import { refuse, type AggregateFunctionDef } from '../types.js';
import { impl } from './helpers.js';

type Op = 'and' | 'or' | 'xor';

const combine: Record<Op, (a: bigint, b: bigint) => bigint> = {
  and: (a, b) => a & b,
  or: (a, b) => a | b,
  xor: (a, b) => a ^ b,
};

function bitwiseDef(op: Op): AggregateFunctionDef {
  const name = `binary_all_${op}`;
  const f = combine[op];
  return {
    kind: 'aggregate',
    name,
    signature: `${name}(long) → long`,
    minArgs: 1,
    maxArgs: 1,
    columnName: (names) => names[0] ?? 'Column1',
    docs: `${name.replace(/_/g, '-')}-aggregation-function`,
    doc: `The bitwise ${op.toUpperCase()} of the values of the group.`,
    example: `datatable(num: long)[12, 10] | summarize ${name}(num)`,
    resolve: ([t]) => {
      if (t === 'real') return refuse('bind-not-supported', { name: `${name}(real)` }, 0);
      if (t !== 'long' && t !== 'int') return { arg: 0, expected: 'a long', got: t! };
      const type: ScalarType = t;
      return {
        returnType: type,
        impl: impl(
          () => ({ v: null as bigint | null }),
          (s: { v: bigint | null }, [x]) => {
            if (x === null || x === undefined) return s;
            const b = BigInt(x as number | bigint);
            s.v = s.v === null ? b : f(s.v, b);
            return s;
          },
          (s: { v: bigint | null }) => (s.v === null ? null : type === 'int' ? Number(BigInt.asIntN(32, s.v)) : BigInt.asIntN(64, s.v)),
        ),
      };
    },
  };
}

export const bitwiseAggregates: readonly AggregateFunctionDef[] = [bitwiseDef('and'), bitwiseDef('or'), bitwiseDef('xor')];
