// The shape of an operator module (see CONTEXT.md): binders from syntax (AST operator kinds, pipeline sources) to
// plan nodes, and for each plan kind it owns: its inputs, execution, explain line and serialization.

import type * as A from '../../parser/ast.js';
import type { Table } from '../../tables/table.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import type { ExecContext } from '../exec/context.js';
import type { Plan, PlanKind, PlanNode } from '../plan/logical.js';

/** An operator after `|`: AST kind → the syntax node. */
export type AstOperatorKind = A.TabularOperator['kind'];
export type AstOperator<K extends AstOperatorKind> = Extract<A.TabularOperator, { kind: K }>;
/** Binds `input | op` to a plan; reports diagnostics and returns undefined on errors. */
export type OperatorBinder<K extends AstOperatorKind> = (input: Plan, op: AstOperator<K>, lets: LetScope, ctx: BindContext) => Plan | undefined;
/** Binders by AST operator kind. Partial: a kind without a binder is refused by name ("not supported yet"). */
export type OperatorBinders = { readonly [K in AstOperatorKind]?: OperatorBinder<K> };

/** A pipeline source (datatable, print, range, union, evaluate, find...): AST kind → the syntax node. */
export type AstSourceKind = A.TabularSource['kind'];
export type AstSource<K extends AstSourceKind> = Extract<A.TabularSource, { kind: K }>;
export type SourceBinder<K extends AstSourceKind> = (e: AstSource<K>, lets: LetScope, ctx: BindContext) => Plan | undefined;
export type SourceBinders = { readonly [K in AstSourceKind]?: SourceBinder<K> };

/**
 * Whether the node's output is a serialized row set, which window functions need (serialize-operator.md):
 * 'produces' one (sort, top, range, serialize), 'keeps' its input's (where, extend, take...), or 'loses' it.
 */
export type Serialization = 'produces' | 'keeps' | 'loses';

export interface PlanOperator<N extends Plan> {
  /** The node's input plans, in explain order (none for a source). */
  readonly inputs: (node: N) => readonly Plan[];
  /** Runs the node; inputs run through ctx.run. */
  readonly execute: (node: N, ctx: ExecContext) => Table;
  /** The explain head line, e.g. `Filter ==(x, long(1))` (the schema and children are added around it). */
  readonly explain: (node: N) => string;
  readonly serialization: Serialization;
}

/** The plan-operator entries of the kinds K (what one module exports as `plans`). */
export type PlanOperatorsOf<K extends PlanKind> = { readonly [P in K]: PlanOperator<PlanNode<P>> };

/** Every plan kind's entry: operators/index.ts builds this, and it fails to compile while a kind has none. */
export type PlanOperators = PlanOperatorsOf<PlanKind>;
