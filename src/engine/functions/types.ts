// What a function definition is. Definitions are data: name, aliases, signature and typing rule, null policy,
// determinism, implementation, one line of docs, the page of the official docs and a runnable example. The binder
// reads them through the registry (registry.ts); the reference (docs/functions.md) is generated from them.
// The functions layer imports nothing above it: no bind/, exec/, plan/ or operators/ import may appear here.

import type { DiagnosticCode, DiagnosticParams } from '../../diagnostics.js';
import type { Scalar, Vector } from '../../tables/vector.js';
import type { ScalarType, ScalarValue } from '../../values/types.js';
import type { GeoIpLookup } from '../../values/geoip.js';

export type Value = ScalarValue | null;
export type Arg = Vector | Scalar;

export type RowFn = (...args: Value[]) => Value;

/**
 * Per-query memo of per-distinct results: row function → dictionary → (other arguments) → results by code. Lets
 * `parse_url(Url).Host` and `parse_url(Url)["Path"]` in one query parse each distinct URL once. Scoped to one query
 * run so that benchmarks and repeated queries measure real work.
 */
export type DictionaryMemo = WeakMap<RowFn, WeakMap<object, Map<string, readonly Value[]>>>;

/** The columnar form of a resolved overload: arguments (vectors or scalars), the row count of the batch. */
export type Invoke = (args: readonly Arg[], rowCount: number, memo?: DictionaryMemo) => Arg;

/** Null policy: 'propagate' = any null argument gives null ("" for string results); 'custom' = the row fn sees nulls. */
export type NullPolicy = 'propagate' | 'custom';

/** What the binder knows while resolving a call: constant argument values, the query's `now`. */
export interface ResolveContext {
  /** The value of argument i when it is a constant, else undefined. */
  readonly constant: (i: number) => { readonly value: Value } | undefined;
  /** The query's single `now`, in datetime ticks (now(), ago()). */
  readonly nowTicks: bigint;
  /** The host's GeoIP database (Database option geoip), for geo_info_from_ip_address. */
  readonly geoip?: GeoIpLookup;
}

/** A resolved overload. */
export interface Resolved {
  readonly returnType: ScalarType;
  readonly invoke: Invoke;
  /** Types each argument must be converted to before the call (undefined = as is). */
  readonly argTypes?: readonly (ScalarType | undefined)[];
}

/** A refused argument: the binder reports `bind-wrong-type` at that argument's span. */
export interface ArgError {
  readonly arg: number;
  readonly expected: string;
  readonly got: string;
}

/** Any other refusal, as a diagnostic the binder reports at argument `arg` (or at the call). */
export interface Refused {
  readonly refused: { [C in DiagnosticCode]: { readonly code: C; readonly params: DiagnosticParams<C> } }[DiagnosticCode];
  readonly arg?: number;
}

/**
 * Why a call is refused: a string is what the whole call expects (`bind-wrong-type` at the call), an ArgError
 * points at one argument, Refused carries any other diagnostic.
 */
export type Refusal = string | ArgError | Refused;

export function refuse<C extends DiagnosticCode>(code: C, params: DiagnosticParams<C>, arg?: number): Refused {
  return { refused: { code, params } as Refused['refused'], arg };
}

export function isRefusal<T extends object>(r: T | Refusal): r is Refusal {
  return typeof r === 'string' || 'arg' in r || 'refused' in r;
}

/** The documentation every definition carries. */
export interface FunctionDoc {
  /** The exact KQL name; aliases share the definition. */
  readonly name: string;
  readonly aliases?: readonly string[];
  /** `name(param: type, ...) → type`, for the reference. */
  readonly signature: string;
  /** One line: what it returns. */
  readonly doc: string;
  /** The page of the official docs: data-explorer/kusto/query/<docs>.md in MicrosoftDocs/dataexplorer-docs. */
  readonly docs: string;
  /** A query that runs on an empty database (print, range, datatable); a test runs every one. */
  readonly example: string;
}

/**
 * How Kusto names the column of an unnamed `f(x)` when x has a name (Microsoft's analyser): after x itself, or x with
 * a prefix and/or suffix (`strlen_x`, `type_x`, `x_sorted`), or one fixed name (`hll_merged_result`). Without this
 * field: Column1, Column2...
 */
export type ResultName = 'first-argument' | { readonly prefix?: string; readonly suffix?: string } | { readonly fixed: string };

export interface ScalarFunctionDef extends FunctionDoc {
  /** 'window': reads neighbouring rows (row_number, prev...); needs a serialized input and is never folded. */
  readonly kind: 'scalar' | 'window';
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Type check and overload choice from the argument types. */
  readonly resolve: (argTypes: readonly ScalarType[], ctx: ResolveContext) => Resolved | Refusal;
  readonly nulls: NullPolicy;
  /** False for functions whose result is not a function of their arguments (rand, window functions): never folded. */
  readonly deterministic: boolean;
  readonly resultName?: ResultName;
  /** The per-row implementation, when the definition has a single one (simple()): the source of truth. */
  readonly row?: RowFn;
  /** An optional hand-written columnar kernel replacing the lifted row function (property-tested against it). */
  readonly kernel?: Invoke;
  /** A function with several results (series_stats, series_fit_line): `extend (a, b) = f(x)` (see TupleResult). */
  readonly tuple?: TupleResult;
}

/**
 * The results of a function that returns several values. `extend (a, b) = f(x)` names the first ones (and only those
 * columns appear); a bare `extend f(x)` adds every value as `f_x_<name>` (x: the argument's column name, empty for
 * an expression — Microsoft's analyser); anywhere else the call is its first value (`resolve`'s type). `invoke`
 * gives all values of a row as one dynamic array, in `names` order, computed once; the binder (operators/extend.ts)
 * splits it into columns of `types`. The arguments are those `resolve` accepted, already converted.
 */
export interface TupleResult {
  readonly names: readonly string[];
  readonly types: readonly ScalarType[];
  readonly invoke: Invoke;
}

export interface AggregateImpl {
  init(): unknown;
  add(state: unknown, args: readonly Value[]): unknown;
  finish(state: unknown): Value;
}

export interface ResolvedAggregate {
  readonly returnType: ScalarType;
  readonly impl: AggregateImpl;
  readonly argTypes?: readonly (ScalarType | undefined)[];
  /** The further output columns of an aggregate with several (percentiles(x, 50, 90)), named by `columnNames`. */
  readonly more?: readonly { readonly returnType: ScalarType; readonly impl: AggregateImpl }[];
}

export interface AggregateFunctionDef extends FunctionDoc {
  readonly kind: 'aggregate';
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Default result column name from the arguments' display names (kql-lang Aggregates.cs naming). */
  readonly columnName: (argNames: readonly (string | undefined)[]) => string;
  /**
   * An aggregate with several output columns (percentiles(x, 50, 90) → percentile_x_50, percentile_x_90): the
   * default name of each, from the arguments' display names; its resolve gives the columns after the first in `more`.
   */
  readonly columnNames?: (argNames: readonly (string | undefined)[]) => readonly string[];
  readonly resolve: (argTypes: readonly ScalarType[], ctx: ResolveContext) => ResolvedAggregate | Refusal;
}

/**
 * A call the binder handles itself because its arguments are not ordinary scalars (a tabular argument, a column
 * name, the row's columns): its hook is bind/special-calls.ts's entry of the same name (a missing hook fails to
 * compile).
 */
export interface SpecialFunctionDef extends FunctionDoc {
  readonly kind: 'special';
}

export type FunctionDef = ScalarFunctionDef | AggregateFunctionDef | SpecialFunctionDef;
