// The definition shape shared by the series functions (series.ts, series-fit.ts): parameters that are series
// (dynamic arrays), series-or-number operands (`series_multiply(10, s)`), numbers, flags, names; and, for the
// functions that return several values (series_stats, series_fit_line, series_decompose...), their tuple shape.

import type { ScalarType } from '../../../values/types.js';
import { lift } from '../lift.js';
import type { FunctionDoc, NullPolicy, Refusal, ResolveContext, ResultName, RowFn, ScalarFunctionDef, TupleResult } from '../types.js';

/**
 * Parameter kinds: 'series' = a dynamic value; 'operand' = a dynamic value or a number (int becomes long, so the row
 * sees a bigint for an integer); 'real' = any number, as a real; 'long' = int or long, as a long; 'bool'; 'string';
 * 'scalar' = a number, bool or dynamic value, as a dynamic (fill values and placeholders).
 */
export type SeriesParam = 'series' | 'operand' | 'real' | 'long' | 'bool' | 'string' | 'scalar';

const NUMERIC = new Set<ScalarType>(['int', 'long', 'real']);

function accepts(p: SeriesParam, t: ScalarType): { ok: boolean; to?: ScalarType } {
  switch (p) {
    case 'series':
      return { ok: t === 'dynamic' };
    case 'operand':
      return { ok: t === 'dynamic' || NUMERIC.has(t), to: t === 'int' ? 'long' : undefined };
    case 'real':
      return { ok: NUMERIC.has(t), to: t === 'real' ? undefined : 'real' };
    case 'long':
      return { ok: t === 'int' || t === 'long', to: t === 'int' ? 'long' : undefined };
    case 'bool':
      return { ok: t === 'bool' };
    case 'string':
      return { ok: t === 'string' };
    case 'scalar':
      return { ok: t === 'dynamic' || t === 'bool' || NUMERIC.has(t), to: t === 'dynamic' ? undefined : 'dynamic' };
  }
}

const EXPECTED: Record<SeriesParam, string> = {
  series: 'a dynamic array',
  operand: 'a dynamic array or a number',
  real: 'a number',
  long: 'an integer',
  bool: 'bool',
  string: 'string',
  scalar: 'a number or a dynamic value',
};

const SHOWN: Record<SeriesParam, string> = {
  series: 'dynamic',
  operand: 'dynamic|number',
  real: 'real',
  long: 'long',
  bool: 'bool',
  string: 'string',
  scalar: 'scalar',
};

export interface SeriesSpec extends Omit<FunctionDoc, 'signature'> {
  readonly params: readonly SeriesParam[];
  /** How many trailing parameters may be omitted. */
  readonly optional?: number;
  /** Repeat the last parameter (series_periods_validate's periods). */
  readonly variadic?: boolean;
  readonly returns: ScalarType;
  readonly row: RowFn;
  /** 'custom' where a null argument means something (a null placeholder, a null magnitude = compute it). */
  readonly nulls?: NullPolicy;
  /** A function with several results; `row` returns them as an array (see types.ts TupleResult). */
  readonly tuple?: Omit<TupleResult, 'invoke'>;
  /** The fill functions, the filters and series_outliers keep their argument's name (Microsoft's analyser). */
  readonly resultName?: ResultName;
  /** Checks of constant arguments (a trend name, a percentile range) at bind time. */
  readonly check?: (ctx: ResolveContext) => Refusal | undefined;
}

/** A series function: one parameter list, one row function (the values of the parameters, converted). */
export function seriesFunction(spec: SeriesSpec): ScalarFunctionDef {
  const min = spec.params.length - (spec.optional ?? 0);
  const max = spec.variadic ? 64 : spec.params.length;
  const nulls = spec.nulls ?? 'propagate';
  const shown = spec.params.map((p) => SHOWN[p]);
  const required = shown.slice(0, min).join(', ');
  const optional = shown.slice(min).join(', ');
  const returns = spec.tuple ? `(${spec.tuple.names.map((n, i) => `${n}: ${spec.tuple!.types[i]}`).join(', ')})` : spec.returns;
  const signature = `${spec.name}(${required}${optional ? ` [, ${optional}]` : ''}${spec.variadic ? ', ...' : ''}) → ${returns}`;
  // A tuple function called where one value is expected gives its first value (real engine: `extend st =
  // series_stats(s)` is a real column, the minimum — issue #14's recordings).
  const tupleInvoke = spec.tuple ? lift('dynamic', spec.row, nulls) : undefined;
  const first: RowFn | undefined = spec.tuple
    ? (...args) => {
        const r = spec.row(...args);
        return Array.isArray(r) ? ((r as readonly unknown[])[0] as ReturnType<RowFn>) ?? null : null;
      }
    : undefined;
  return {
    kind: 'scalar',
    name: spec.name,
    aliases: spec.aliases,
    signature,
    doc: spec.doc,
    docs: spec.docs,
    example: spec.example,
    minArgs: min,
    maxArgs: max,
    nulls,
    deterministic: true,
    resultName: spec.resultName,
    row: first ?? spec.row,
    tuple: spec.tuple && tupleInvoke ? { ...spec.tuple, invoke: tupleInvoke } : undefined,
    resolve(argTypes, ctx) {
      const conv: (ScalarType | undefined)[] = [];
      for (let i = 0; i < argTypes.length; i++) {
        const p = spec.params[Math.min(i, spec.params.length - 1)]!;
        const r = accepts(p, argTypes[i]!);
        if (!r.ok) return { arg: i, expected: EXPECTED[p], got: argTypes[i]! };
        conv.push(r.to !== argTypes[i] ? r.to : undefined);
      }
      const refused = spec.check?.(ctx);
      if (refused) return refused;
      const returnType = spec.tuple ? spec.tuple.types[0]! : spec.returns;
      return { returnType, invoke: lift(returnType, first ?? spec.row, nulls), argTypes: conv };
    },
  };
}
