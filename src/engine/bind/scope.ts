// What a name means at a point of the query: columns of the current input, let bindings (scalar, tabular,
// lambda), and the catalog of tables. Innermost binding wins (docs: let-statement.md).

import type { Diagnostic, Span } from '../../diagnostics.js';
import type { Expression, Lambda } from '../../parser/ast.js';
import type { Schema } from '../../tables/table.js';
import type { BoundExpr } from '../plan/expr.js';
import type { Plan } from '../plan/logical.js';

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

/** Table metadata the binder sees: name → schema. */
export interface CatalogView {
  schemaOf(name: string): Schema | undefined;
  tableNames(): string[];
}

export interface BindContext {
  readonly catalog: CatalogView;
  readonly diagnostics: Diagnostic[];
  /** The query's `now`, in datetime ticks: now() and ago() use this one instant throughout a query. */
  readonly nowTicks: bigint;
  /**
   * Runs a plan over the database's data while binding: only for operators whose output schema depends on the data
   * (evaluate bag_unpack without an output schema, as in Kusto).
   */
  readonly discover?: (plan: Plan) => import('../../tables/table.js').Table;
  /** Counter for materialize() ids. */
  materializeCount: number;
  readonly source: string;
}

/** The row scope of one operator: the input schema (columns by name) and, for joins, the two sides. */
export interface RowScope {
  readonly schema: Schema;
  readonly lets: LetScope;
  /** Inside summarize/make-series aggregate position: aggregates are allowed. */
  readonly aggregates?: boolean;
  readonly joinSides?: { readonly left: Schema; readonly right: Schema };
  /** The input row set is serialized: window functions may be used (serialize-operator.md). */
  readonly serialized?: boolean;
  /** pack_all() packs the operator's input columns: the first n of the schema (extend adds columns after them). */
  readonly inputColumns?: number;
}

export function spanOf(e: Expression | Lambda): Span {
  return e.span;
}
