// What a name means at a point of the query: columns of the current input, let bindings (scalar, tabular,
// lambda), and the catalog of tables. Innermost binding wins (docs: let-statement.md). Also the binder's context.

import type { Diagnostic, Span } from '../../diagnostics.js';
import type { Expression, Lambda } from '../../parser/ast.js';
import type { Schema, Table } from '../../tables/table.js';
import type { BoundExpr } from '../plan/expr.js';
import type { Plan } from '../plan/logical.js';
import type { GeoIpLookup } from '../../values/geoip.js';

export type LetBinding =
  | { readonly kind: 'scalar'; readonly expr: BoundExpr }
  | { readonly kind: 'tabular'; readonly plan: Plan }
  | { readonly kind: 'lambda'; readonly lambda: Lambda; readonly scope: LetScope }
  /** A lambda parameter bound to an argument expression already bound in the caller's row scope. */
  | { readonly kind: 'param'; readonly expr: BoundExpr }
  /** A let whose value failed to bind (already reported): references stay silent instead of cascading. */
  | { readonly kind: 'failed' };

/** Immutable chain of let bindings (lexical scoping for lambdas). */
export class LetScope {
  constructor(
    private readonly bindings: ReadonlyMap<string, LetBinding>,
    private readonly parent?: LetScope,
  ) {}
  static empty(): LetScope {
    return new LetScope(new Map());
  }
  with(name: string, binding: LetBinding): LetScope {
    return new LetScope(new Map([[name, binding]]), this);
  }
  lookup(name: string): LetBinding | undefined {
    return this.bindings.get(name) ?? this.parent?.lookup(name);
  }
  names(): string[] {
    return [...this.bindings.keys(), ...(this.parent?.names() ?? [])];
  }
}

/**
 * The data behind an externaldata URL (Database option `externalData`): its text and a name for data errors (a
 * file), or why there is none (`error`, shown as is), or undefined when the caller knows nothing of the URL.
 */
export type ExternalDataResolver = (
  uri: string,
) => { readonly text: string; readonly source: string } | { readonly error: string } | undefined;

/** Table metadata the binder sees: name → schema. */
export interface CatalogView {
  schemaOf(name: string): Schema | undefined;
  tableNames(): string[];
  /** `_GetWatchlist(alias)`: the table the executor finds under `table`, and its schema (operators/watchlist.ts). */
  watchlist?(alias: string): { readonly table: string; readonly schema: Schema } | undefined;
  watchlistNames?(): string[];
}

export interface BindContext {
  readonly catalog: CatalogView;
  readonly diagnostics: Diagnostic[];
  /** The query's `now`, in datetime ticks: now() and ago() use this one instant throughout a query. */
  readonly nowTicks: bigint;
  /**
   * The one way binding may read data, for an operator whose output schema depends on the data as in Kusto
   * (`evaluate bag_unpack` without an output schema): runs a bound plan over the database's tables. The database
   * provides it; without it such operators are refused. The binder itself never imports the executor.
   */
  readonly discover?: (plan: Plan) => Table;
  /** What externaldata reads (operators/externaldata.ts); without it, externaldata fails when it runs. */
  readonly externalData?: ExternalDataResolver;
  /** The host's GeoIP database (geo_info_from_ip_address); functions see it in ResolveContext. */
  readonly geoip?: GeoIpLookup;
  /** Counter for materialize() ids. */
  materializeCount: number;
  readonly source: string;
  /**
   * The binder's own entry points, for operators and expressions that contain tabular expressions (join's right
   * side, union legs, subqueries): bind/bind-tabular.ts provides them when the context is made (bind-script.ts).
   * The context is passed along, so a derived context (`{ ...ctx, diagnostics: [] }`) collects its own diagnostics.
   */
  readonly bindTabular: (e: Expression, lets: LetScope, ctx: BindContext) => Plan | undefined;
  /** Does the plan produce a serialized row set (window functions need one)? From the operator table. */
  readonly isSerialized: (plan: Plan) => boolean;
}

/** The row scope of one operator: the input schema (columns by name) and let bindings. */
export interface RowScope {
  readonly schema: Schema;
  readonly lets: LetScope;
  /** The input row set is serialized: window functions may be used (serialize-operator.md). */
  readonly serialized?: boolean;
  /** pack_all() packs the operator's input columns: the first n of the schema (extend adds columns after them). */
  readonly inputColumns?: number;
}

/** Expression binding as special-call hooks see it (bind-expr.ts passes itself, so hooks never import it). */
export interface ExprBinder {
  expr(e: Expression, scope: RowScope, ctx: BindContext): BoundExpr | undefined;
  /** A tabular expression as a scalar value (first cell) or a dynamic array of its first column. */
  subquery(e: Expression, mode: 'scalar' | 'column-array', scope: RowScope, ctx: BindContext, span: Span): BoundExpr | undefined;
}
