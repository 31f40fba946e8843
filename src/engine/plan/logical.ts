// Logical plan: typed tabular operators with their output schemas. Plain data plus resolved function closures.
// Every node keeps the span of the syntax it came from so runtime faults point at the right operator.

import type { Span } from '../../diagnostics.js';
import type { Schema, Table } from '../../tables/table.js';
import type { ScalarType, ScalarValue } from '../../values/types.js';
import type { AggregateImpl } from '../functions/define.js';
import type { BoundExpr } from './expr.js';

export type Plan =
  | ScanNode
  | ValuesNode
  | FilterNode
  | ProjectNode
  | AggregateNode
  | SortNode
  | LimitNode
  | JoinNode
  | UnionNode
  | MvExpandNode
  | MakeSeriesNode
  | RangeNode
  | RenderNode
  | MaterializeNode
  | SerializeNode
  | ParseNode
  | BagUnpackNode;

interface NodeBase {
  readonly schema: Schema;
  readonly span: Span;
}

export interface ScanNode extends NodeBase {
  readonly kind: 'Scan';
  readonly table: string;
}

/** A constant table (datatable, print of constants are computed at run time through ProjectNode over one row). */
export interface ValuesNode extends NodeBase {
  readonly kind: 'Values';
  readonly rows: readonly (readonly (ScalarValue | null)[])[];
}

export interface FilterNode extends NodeBase {
  readonly kind: 'Filter';
  readonly input: Plan;
  readonly predicate: BoundExpr;
}

/** project / extend / project-away / rename / reorder: each output column is an expression over the input. */
export interface ProjectNode extends NodeBase {
  readonly kind: 'Project';
  readonly input: Plan;
  readonly operator: string;
  readonly exprs: readonly BoundExpr[];
}

export interface AggregateCall {
  readonly name: string;
  readonly impl: AggregateImpl;
  readonly args: readonly BoundExpr[];
  readonly type: ScalarType;
  readonly span: Span;
}

/** summarize / distinct / count. Output: key columns then aggregates. */
export interface AggregateNode extends NodeBase {
  readonly kind: 'Aggregate';
  readonly input: Plan;
  readonly operator: string;
  readonly keys: readonly BoundExpr[];
  readonly aggregates: readonly AggregateCall[];
}

export interface SortKeyPlan {
  readonly expr: BoundExpr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

export interface SortNode extends NodeBase {
  readonly kind: 'Sort';
  readonly input: Plan;
  readonly keys: readonly SortKeyPlan[];
  /** `top n`: keep only the first n after sorting. */
  readonly limit?: BoundExpr;
}

export interface LimitNode extends NodeBase {
  readonly kind: 'Limit';
  readonly input: Plan;
  readonly count: BoundExpr;
}

export type JoinKind =
  | 'innerunique'
  | 'inner'
  | 'leftouter'
  | 'rightouter'
  | 'fullouter'
  | 'leftsemi'
  | 'leftanti'
  | 'rightsemi'
  | 'rightanti';

export interface JoinNode extends NodeBase {
  readonly kind: 'Join';
  readonly joinKind: JoinKind;
  /** 'join' or 'lookup' (lookup keeps one copy of the keys and the right side's unique rows). */
  readonly operator: 'join' | 'lookup';
  readonly left: Plan;
  readonly right: Plan;
  readonly leftKeys: readonly number[];
  readonly rightKeys: readonly number[];
  /** For each output column: which side and column index it comes from. */
  readonly output: readonly { readonly side: 'left' | 'right'; readonly index: number }[];
}

export interface UnionNode extends NodeBase {
  readonly kind: 'Union';
  readonly inputs: readonly Plan[];
  /** For each input, for each output column: source column index or -1 (null). */
  readonly mapping: readonly (readonly number[])[];
  /** withsource=Col: the name of each leg, added as the first column. */
  readonly sourceNames?: readonly string[];
}

export interface MvExpandNode extends NodeBase {
  readonly kind: 'MvExpand';
  readonly input: Plan;
  /** Input column expanded for each item (replaced in place), and the type it is converted to. */
  readonly items: readonly { readonly index: number; readonly toType: ScalarType }[];
  readonly bagExpansion: 'bag' | 'array';
  readonly itemIndex?: string;
  readonly limit?: BoundExpr;
}

export interface MakeSeriesNode extends NodeBase {
  readonly kind: 'MakeSeries';
  readonly input: Plan;
  readonly keys: readonly BoundExpr[];
  readonly aggregates: readonly (AggregateCall & { readonly defaultValue: ScalarValue | null })[];
  readonly axis: BoundExpr;
  /** Omitted: each series starts at its first bin with data (make-series-operator.md). */
  readonly from?: BoundExpr;
  /** Omitted: each series ends after its last bin with data. */
  readonly to?: BoundExpr;
  readonly step: BoundExpr;
  /** `in range(start, stop, step)`: stop is inclusive and bins align with bin() (at zero), not with start. */
  readonly rangeForm: boolean;
  readonly nonEmpty: boolean;
}

export interface RangeNode extends NodeBase {
  readonly kind: 'Range';
  readonly from: BoundExpr;
  readonly to: BoundExpr;
  readonly step: BoundExpr;
}

export interface RenderNode extends NodeBase {
  readonly kind: 'Render';
  readonly input: Plan;
  readonly chart: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** materialize(): evaluate once per query run, share the result. */
export interface MaterializeNode extends NodeBase {
  readonly kind: 'Materialize';
  readonly input: Plan;
  readonly id: number;
}

export interface SerializeNode extends NodeBase {
  readonly kind: 'Serialize';
  readonly input: Plan;
}

export type { Table };

/** parse: input columns (kept in place, or replaced by a same-named extracted column) then the new columns. */
export interface ParseNode extends NodeBase {
  readonly kind: 'Parse';
  readonly input: Plan;
  readonly source: BoundExpr;
  /** The whole pattern, anchored, with one named group `kqlitec<k>` per extracted column. */
  readonly regex: RegExp;
  readonly columns: readonly { readonly name: string; readonly type: ScalarType }[];
  readonly relaxed: boolean;
  /** For each output column: the input column index it comes from (ignored for extracted columns). */
  readonly keep: readonly number[];
}

/**
 * evaluate bag_unpack(col): input columns (`keep`, indices into the input) then one column per bag slot, each read
 * from the unpacked column and converted to its type.
 */
export interface BagUnpackNode extends NodeBase {
  readonly kind: 'BagUnpack';
  readonly input: Plan;
  readonly column: number;
  readonly keep: readonly number[];
  readonly slots: readonly { readonly key: string; readonly type: ScalarType }[];
}
