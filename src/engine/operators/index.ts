// The one index of tabular operators. Every operator module is imported here once and contributes:
//   - `binders`: AST operator kind → binder (an operator after `|`);
//   - `sources`: AST source kind → binder (a pipeline start: datatable, print, range, union...);
//   - `plans`:   plan kind → inputs, execution, explain line, serialization.
// PLAN_OPERATORS is typed over every plan kind, so a node kind without an entry fails to compile. An AST kind
// without a binder is refused by name at bind time, so the parser can add syntax ahead of the engine.

import { explainSchema } from '../plan/explain.js';
import type { Plan } from '../plan/logical.js';
import * as as from './as.js';
import * as count from './count.js';
import * as datatable from './datatable.js';
import * as distinct from './distinct.js';
import * as evaluate from './evaluate.js';
import * as extend from './extend.js';
import * as getschema from './getschema.js';
import * as fork from './fork.js';
import * as find from './find.js';
import * as externaldata from './externaldata.js';
import * as invoke from './invoke.js';
import * as join from './join.js';
import * as lookup from './lookup.js';
import * as makeSeries from './make-series.js';
import * as materialize from './materialize.js';
import * as mvApply from './mv-apply.js';
import * as mvExpand from './mv-expand.js';
import type { OperatorBinders, PlanOperator, PlanOperators, SourceBinders } from './operator.js';
import * as parse from './parse.js';
import * as parseKv from './parse-kv.js';
import * as parseWhere from './parse-where.js';
import * as partition from './partition.js';
import * as bagUnpack from './plugins/bag-unpack.js';
import * as ipLookup from './plugins/ip-lookup.js';
import * as narrow from './plugins/narrow.js';
import * as pivot from './plugins/pivot.js';
import * as print from './print.js';
import * as project from './project.js';
import * as projectAway from './project-away.js';
import * as projectKeep from './project-keep.js';
import * as projectRename from './project-rename.js';
import * as projectReorder from './project-reorder.js';
import * as range from './range.js';
import * as sample from './sample.js';
import * as render from './render.js';
import * as scan from './scan.js';
import * as scanOperator from './scan-operator.js';
import * as search from './search.js';
import * as serialize from './serialize.js';
import * as sort from './sort.js';
import * as subtable from './subtable.js';
import * as summarize from './summarize.js';
import * as take from './take.js';
import * as top from './top.js';
import * as topHitters from './top-hitters.js';
import * as topNested from './top-nested.js';
import * as union from './union.js';
import * as watchlist from './watchlist.js';
import * as where from './where.js';

export const OPERATOR_BINDERS: OperatorBinders = {
  ...as.binders,
  ...count.binders,
  ...distinct.binders,
  ...evaluate.binders,
  ...extend.binders,
  ...getschema.binders,
  ...fork.binders,
  ...find.binders,
  ...invoke.binders,
  ...join.binders,
  ...lookup.binders,
  ...makeSeries.binders,
  ...mvApply.binders,
  ...mvExpand.binders,
  ...parse.binders,
  ...parseKv.binders,
  ...parseWhere.binders,
  ...partition.binders,
  ...project.binders,
  ...projectAway.binders,
  ...projectKeep.binders,
  ...projectRename.binders,
  ...projectReorder.binders,
  ...render.binders,
  ...sample.binders,
  ...scanOperator.binders,
  ...search.binders,
  ...serialize.binders,
  ...sort.binders,
  ...summarize.binders,
  ...take.binders,
  ...top.binders,
  ...topHitters.binders,
  ...topNested.binders,
  ...union.binders,
  ...where.binders,
};

export const SOURCE_BINDERS: SourceBinders = {
  ...datatable.sources,
  ...evaluate.sources,
  ...find.sources,
  ...externaldata.sources,
  ...print.sources,
  ...range.sources,
  ...search.sources,
  ...union.sources,
};

export const PLAN_OPERATORS: PlanOperators = {
  ...bagUnpack.plans,
  ...datatable.plans,
  ...fork.plans,
  ...externaldata.plans,
  ...join.plans,
  ...makeSeries.plans,
  ...materialize.plans,
  ...mvApply.plans,
  ...mvExpand.plans,
  ...ipLookup.plans,
  ...narrow.plans,
  ...parse.plans,
  ...partition.plans,
  ...pivot.plans,
  ...project.plans,
  ...range.plans,
  ...render.plans,
  ...sample.plans,
  ...scan.plans,
  ...scanOperator.plans,
  ...serialize.plans,
  ...sort.plans,
  ...subtable.plans,
  ...summarize.plans,
  ...take.plans,
  ...topNested.plans,
  ...union.plans,
  ...watchlist.plans,
  ...where.plans,
};

/** The table entry of a node's kind. */
export function planOperator<P extends Plan>(plan: P): PlanOperator<P> {
  return PLAN_OPERATORS[plan.kind] as unknown as PlanOperator<P>;
}


/**
 * Does the plan produce a serialized row set, which window functions (row_number, prev, next, row_cumsum) need?
 * Each operator says whether it produces, keeps (its first input's) or loses serialization (serialize-operator.md).
 */
export function isSerialized(plan: Plan): boolean {
  const op = planOperator(plan);
  if (op.serialization !== 'keeps') return op.serialization === 'produces';
  const input = op.inputs(plan)[0];
  return input !== undefined && isSerialized(input);
}

/** Deterministic, indented plan text: one line per operator with its output schema (explain, snapshots). */
export function explainPlan(plan: Plan, indent = 0): string {
  const op = planOperator(plan);
  const line = `${'  '.repeat(indent)}${op.explain(plan)} → ${explainSchema(plan)}`;
  return [line, ...op.inputs(plan).map((p) => explainPlan(p, indent + 1))].join('\n');
}
