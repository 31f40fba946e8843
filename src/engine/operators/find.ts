// find (find-operator.md): rows of several tables where a predicate holds, with a first column `source_` (or
// withsource=Col) naming each row's table, in one of two output shapes:
//   - project-smart (the default): the columns common to every table left, then the predicate's other columns (in
//     the predicate's order), then `pack_` — a bag of the row's own table's remaining columns (nulls kept, as the
//     page's examples show) — when any table has columns left;
//   - `project c1, c2:type, …`: exactly those columns (null where a table lacks one; `:type` converts); or
//     `project pack(*)`: one bag `pack_` of all the row's table's columns.
// Tables that contain none of the columns the predicate names are left out ("Source tables that don't contain any
// column used by the predicate evaluation, are filtered out"); a bare term or `*` uses every table. Without `in`,
// every table of the database. Bound as union withsource=… + Filter + Project (no new plan node).
// Column orders were checked with Microsoft's analyser.
//
// Refused by name, where the docs and the analyser disagree or are silent: a project-smart output column with
// several types across the tables (docs: `name_type` columns; analyser: one dynamic column); `pack(*)` next to
// other columns (docs: "all the columns, including the projected columns" against an example packing only the
// others); project-away and `*` in project (the analyser rejects them); a parenthesised subquery in `in (...)`
// (its source_ value is undocumented). [U] A column a table lacks is null there while the predicate is evaluated.

import type * as A from '../../parser/ast.js';
import type { Column } from '../../tables/table.js';
import { dynamicFromScalar, freezeDynamic } from '../../values/dynamic.js';
import type { Dynamic, ScalarType } from '../../values/types.js';
import { call, colRef, convertTo } from '../bind/build.js';
import { report } from '../bind/report.js';
import { bindSearchPredicate } from '../bind/search-predicate.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import { wildcardRegex } from '../bind/names.js';
import { lift } from '../functions/lift.js';
import type { BoundExpr } from '../plan/expr.js';
import type { Plan } from '../plan/logical.js';
import type { OperatorBinders, SourceBinders } from './operator.js';
import { searchKind } from './search.js';
import type { UnionNode } from './union.js';

interface Leg {
  readonly name: string;
  readonly schema: readonly Column[];
  readonly expr: A.Expression;
}

function bindFind(input: Plan | undefined, op: A.FindExpr, lets: LetScope, ctx: BindContext): Plan | undefined {
  if (input) return report(ctx, 'bind-not-supported', op.span, { name: 'find after a pipe' });
  if (!op.predicate) return report(ctx, 'bind-invalid', op.span, { message: 'find needs a predicate' });
  if (op.projectAway) return report(ctx, 'bind-not-supported', op.span, { name: 'find … project-away' });
  let sourceName = 'source_';
  const others: A.OperatorParam[] = [];
  for (const p of op.params ?? []) {
    if (p.name === 'withsource' && p.value.kind === 'Name') sourceName = p.value.name;
    else others.push(p);
  }
  const kind = searchKind(others, 'find', ctx);
  if (!kind) return undefined;

  // The tables, each with its schema (a let-bound table or view counts by its name).
  const legs: Leg[] = [];
  const exprs: readonly A.Expression[] =
    op.tables ?? ctx.catalog.tableNames().sort().map((name) => ({ kind: 'Name', name, quoted: true, span: op.span }) as A.NameRef);
  for (const t of exprs) {
    if (t.kind === 'Name' && t.name.includes('*')) {
      const re = wildcardRegex(t.name);
      for (const name of ctx.catalog.tableNames().filter((n) => re.test(n)).sort()) {
        legs.push({ name, schema: ctx.catalog.schemaOf(name)!, expr: { kind: 'Name', name, quoted: true, span: t.span } });
      }
      continue;
    }
    if (t.kind !== 'Name') return report(ctx, 'bind-not-supported', t.span, { name: 'a subquery in find in (...) (its source_ value is undocumented)' });
    const plan = ctx.bindTabular(t, lets, ctx);
    if (!plan) return undefined;
    legs.push({ name: t.name, schema: plan.schema, expr: t });
  }

  // Tables without any column the predicate names are left out (unless it searches every column).
  const allNames = new Set(legs.flatMap((l) => l.schema.map((c) => c.name)));
  const referenced = predicateColumns(op.predicate, allNames);
  const everyColumn = usesEveryColumn(op.predicate);
  const kept = everyColumn || referenced.length === 0 ? legs : legs.filter((l) => l.schema.some((c) => referenced.includes(c.name)));
  if (kept.length === 0) return report(ctx, 'bind-invalid', op.predicate.span, { message: 'no table of find has a column the predicate uses' });

  const withsource: A.OperatorParam = { kind: 'OperatorParam', name: 'withsource', value: { kind: 'Name', name: sourceName, quoted: false, span: op.span }, span: op.span };
  const union = ctx.bindTabular({ kind: 'Union', params: [withsource], tables: kept.map((l) => l.expr), span: op.span }, lets, ctx);
  if (!union || union.kind !== 'Union') return undefined;
  const bound = bindSearchPredicate(op.predicate, { schema: union.schema, lets }, ctx, { bareTerms: true, caseSensitive: kind.caseSensitive, starFrom: 1 });
  if (!bound) return undefined;
  const predicate = bound.type === 'dynamic' ? convertTo(bound, 'bool') : bound;
  if (predicate.type !== 'bool') return report(ctx, 'bind-wrong-type', op.predicate.span, { what: 'find', expected: 'a bool predicate', got: predicate.type });
  const filtered: Plan = { kind: 'Filter', input: union, predicate, schema: union.schema, span: op.span };

  const source = colRef(union.schema[0]!, 0, op.span);
  const columnsOf = legColumns(union, kept);
  const out: { column: Column; expr: BoundExpr }[] = [{ column: union.schema[0]!, expr: source }];
  if (op.project) {
    const packs = op.project.filter((p) => p.kind === 'Call');
    if (packs.length > 0 && op.project.length > 1) {
      return report(ctx, 'bind-not-supported', packs[0]!.span, { name: 'pack(*) with other columns in find … project (the docs contradict themselves)' });
    }
    for (const item of op.project) {
      if (item.kind === 'Call') {
        if ((item.callee.name !== 'pack' && item.callee.name !== 'pack_all') || (item.callee.name === 'pack' && (item.args.length !== 1 || item.args[0]!.kind !== 'Star'))) {
          return report(ctx, 'bind-expected-column', item.span, { what: 'an item of find … project' });
        }
        out.push({ column: { name: 'pack_', type: 'dynamic' }, expr: packColumn(source, columnsOf, new Set(), op.span) });
        continue;
      }
      if (item.kind === 'Star') return report(ctx, 'bind-not-supported', item.span, { name: "'*' in find … project" });
      const name = item.kind === 'ColumnDecl' ? item.name.name : item.kind === 'Name' ? item.name : undefined;
      if (name === undefined) return report(ctx, 'bind-expected-column', item.span, { what: 'an item of find … project' });
      const types = columnTypes(kept, name);
      if (types.length === 0) return report(ctx, 'bind-unknown-column', item.span, { name });
      const declared = item.kind === 'ColumnDecl' ? item.type.type : undefined;
      if (!declared && types.length > 1) {
        return report(ctx, 'bind-invalid', item.span, { message: `column '${name}' has several types in find's tables (${types.join(', ')}): give one, as ${name}:${types[0]}` });
      }
      const type = declared ?? types[0]!;
      out.push({ column: { name, type }, expr: pickColumn(source, columnsOf, name, type, op.span) });
    }
  } else {
    // project-smart: common columns (first table's order), the predicate's other columns, pack_ of the rest.
    const common = kept[0]!.schema.map((c) => c.name).filter((n) => kept.every((l) => l.schema.some((c) => c.name === n)));
    const names = [...common, ...referenced.filter((n) => !common.includes(n) && kept.some((l) => l.schema.some((c) => c.name === n)))];
    for (const name of names) {
      const types = columnTypes(kept, name);
      if (types.length > 1) {
        return report(ctx, 'bind-not-supported', op.span, { name: `find over column '${name}' of several types (${types.join(', ')}) without project (docs and analyser disagree)` });
      }
      out.push({ column: { name, type: types[0]! }, expr: pickColumn(source, columnsOf, name, types[0]!, op.span) });
    }
    const shown = new Set(names);
    if (kept.some((l) => l.schema.some((c) => !shown.has(c.name)))) {
      out.push({ column: { name: 'pack_', type: 'dynamic' }, expr: packColumn(source, columnsOf, shown, op.span) });
    }
  }
  return { kind: 'Project', input: filtered, operator: 'find', exprs: out.map((o) => o.expr), schema: out.map((o) => o.column), span: op.span };
}

/** For each table (by its source_ value): its columns in order, each with its index in the union's schema. */
type LegColumns = ReadonlyMap<string, readonly { name: string; type: ScalarType; index: number }[]>;

function legColumns(union: UnionNode, legs: readonly Leg[]): LegColumns {
  const map = new Map<string, { name: string; type: ScalarType; index: number }[]>();
  // Keyed by the union's own label of each leg (a stored table's name, union_argN for a let-bound one).
  legs.forEach((leg, l) => {
    const cols = leg.schema.map((c, i) => {
      // mapping[l][j] is the leg's column index for union column j + 1 (after the source column).
      const j = union.mapping[l]!.indexOf(i);
      return { name: c.name, type: c.type, index: j + 1 };
    });
    map.set(union.sourceNames?.[l] ?? leg.name, cols);
  });
  return map;
}

function columnTypes(legs: readonly Leg[], name: string): ScalarType[] {
  const types: ScalarType[] = [];
  for (const l of legs) for (const c of l.schema) if (c.name === name && !types.includes(c.type)) types.push(c.type);
  return types;
}

/** The value of column `name` of the row's own table (null when it has none), converted to `type`. */
function pickColumn(source: BoundExpr, columnsOf: LegColumns, name: string, type: ScalarType, span: A.Expression['span']): BoundExpr {
  const typeOf = new Map<number, ScalarType>();
  for (const cols of columnsOf.values()) for (const c of cols) if (c.name === name) typeOf.set(c.index, c.type);
  const indices = [...typeOf.keys()].sort((a, b) => a - b);
  const typed = indices.map((i): BoundExpr => ({ kind: 'Column', index: i, name, type: typeOf.get(i)!, span }));
  const converted = typed.map((a) => convertTo(a, type));
  const argFor = new Map<string, number>();
  for (const [table, cols] of columnsOf) {
    const c = cols.find((x) => x.name === name);
    if (c) argFor.set(table, indices.indexOf(c.index) + 1);
  }
  if (converted.length === 1 && argFor.size === columnsOf.size) return converted[0]!;
  const invoke = lift(type, (...vals) => {
    const k = argFor.get(vals[0] as string);
    return k === undefined ? null : (vals[k] ?? null);
  }, 'custom');
  return call(`find_column(${name})`, [source, ...converted], type, invoke, span);
}

/** pack_: a bag of the row's own table's columns, except `shown`, in the table's column order (nulls kept). */
function packColumn(source: BoundExpr, columnsOf: LegColumns, shown: ReadonlySet<string>, span: A.Expression['span']): BoundExpr {
  const indices = [...new Set([...columnsOf.values()].flatMap((cols) => cols.filter((c) => !shown.has(c.name)).map((c) => c.index)))].sort((a, b) => a - b);
  const refs: BoundExpr[] = [];
  const typeOf = new Map<number, ScalarType>();
  for (const cols of columnsOf.values()) for (const c of cols) typeOf.set(c.index, c.type);
  for (const i of indices) refs.push({ kind: 'Column', index: i, name: `#${i}`, type: typeOf.get(i)!, span });
  const plan = new Map<string, { name: string; arg: number; type: ScalarType }[]>();
  for (const [table, cols] of columnsOf) {
    plan.set(table, cols.filter((c) => !shown.has(c.name)).map((c) => ({ name: c.name, arg: indices.indexOf(c.index) + 1, type: c.type })));
  }
  const invoke = lift('dynamic', (...vals) => {
    const bag: Record<string, Dynamic> = Object.create(null) as Record<string, Dynamic>;
    for (const c of plan.get(vals[0] as string) ?? []) {
      const v = vals[c.arg] ?? null;
      bag[c.name] = v === null ? null : dynamicFromScalar(v, c.type);
    }
    return freezeDynamic(bag);
  }, 'custom');
  return call('pack_', [source, ...refs], 'dynamic', invoke, span);
}

/** The names of the predicate that are columns of some table, in order of first appearance. */
function predicateColumns(e: A.Expression, columns: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(visit);
    if (!n || typeof n !== 'object' || !('kind' in n)) return;
    const node = n as { kind: string; name?: unknown };
    if (node.kind === 'Name' && typeof node.name === 'string' && columns.has(node.name) && !out.includes(node.name)) out.push(node.name);
    for (const [k, v] of Object.entries(n)) if (k !== 'span' && v && typeof v === 'object') visit(v);
  };
  visit(e);
  return out;
}

/** Does the predicate search every column (a bare term or `*`)? */
function usesEveryColumn(e: A.Expression): boolean {
  if (e.kind === 'StringLiteral' || e.kind === 'Star') return true;
  if (e.kind === 'Paren') return usesEveryColumn(e.expression);
  if (e.kind === 'Binary') return e.left.kind === 'Star' || ((e.op === 'and' || e.op === 'or') && (usesEveryColumn(e.left) || usesEveryColumn(e.right)));
  if (e.kind === 'Call' && e.callee.name === 'not' && e.args.length === 1) return usesEveryColumn(e.args[0]!);
  return false;
}

export const sources: SourceBinders = {
  Find: (e, lets, ctx) => bindFind(undefined, e, lets, ctx),
};

export const binders: OperatorBinders = {
  Find: (input, op, lets, ctx) => bindFind(input, op, lets, ctx),
};
