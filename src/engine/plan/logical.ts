// Logical plan: typed tabular operators with their output schemas. Plain data plus resolved function closures.
// Every node keeps the span of the syntax it came from so runtime faults point at the right operator.
//
// The set of plan nodes is open: each operator module (src/engine/operators/<op>.ts) declares its node type and adds
// it to PlanNodes by module augmentation:
//
//   declare module '../plan/logical.js' { interface PlanNodes { Filter: FilterNode } }
//
// so this file never lists operators, and operators/index.ts's table over PlanKind fails to compile while a node
// kind has no entry (execution, explain line, serialization).

import type { Span } from '../../diagnostics.js';
import type { Schema } from '../../tables/table.js';

/** Plan kind → node type. Filled by the operator modules (see above); never edited here. */
export interface PlanNodes {}

export type PlanKind = keyof PlanNodes;
export type PlanNode<K extends PlanKind> = PlanNodes[K];
export type Plan = PlanNodes[PlanKind];

/** What every plan node has: its kind, output schema and source span. */
export interface PlanNodeBase<K extends string> {
  readonly kind: K;
  readonly schema: Schema;
  readonly span: Span;
}
