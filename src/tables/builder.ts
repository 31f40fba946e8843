// Writers fill a vector of known length in place (no intermediate value arrays), then freeze it.
// They are the output side of lifted functions and operators.

import type { Dynamic, ScalarType, ScalarValue } from '../values/types.js';
import { stringVector, type Vector } from './vector.js';

export interface VectorWriter {
  set(i: number, value: ScalarValue | null): void;
  finish(): Vector;
}

export function vectorWriter(type: ScalarType, n: number): VectorWriter {
  switch (type) {
    case 'bool':
      return typedWriter(type, new Uint8Array(n), n, (v) => (v ? 1 : 0));
    case 'int':
      return typedWriter(type, new Int32Array(n), n, (v) => Number(v));
    case 'real':
      return typedWriter(type, new Float64Array(n), n, (v) => Number(v));
    case 'long':
    case 'datetime':
    case 'timespan':
      return typedWriter(type, new BigInt64Array(n), n, (v) => (typeof v === 'bigint' ? v : BigInt(v as number)));
    case 'string': {
      const values = new Array<string>(n).fill('');
      return {
        set(i, v) {
          values[i] = v === null ? '' : (v as string);
        },
        finish: () => stringVector(values),
      };
    }
    case 'guid':
    case 'dynamic': {
      const data = new Array<Dynamic>(n).fill(null);
      return {
        set(i, v) {
          data[i] = v as Dynamic;
        },
        finish: () => ({ type, length: n, data }) as Vector,
      };
    }
    case 'decimal':
      throw new Error('decimal is not supported');
  }
}

function typedWriter<A extends Uint8Array | Int32Array | Float64Array | BigInt64Array>(
  type: ScalarType,
  data: A,
  n: number,
  convert: (v: ScalarValue) => number | bigint,
): VectorWriter {
  let valid: Uint8Array | undefined;
  return {
    set(i, v) {
      if (v === null) {
        if (!valid) valid = new Uint8Array(n).fill(1);
        valid[i] = 0;
      } else {
        (data as unknown as (number | bigint)[])[i] = convert(v);
        if (valid) valid[i] = 1;
      }
    },
    finish: () => ({ type, length: n, data, valid }) as Vector,
  };
}
