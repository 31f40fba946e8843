// search (search-operator.md): rows of one or more tables where a search predicate holds, with a first column
// `$table` (string) naming the table each row came from.
//   - `search in (T1, T2*) P`: the union of the listed tables (union's rules: outer, `name_type` columns) — bound as
//     `union withsource=$table T1, T2*`, then filtered;
//   - `search P` as the first operator: every table of the database (the catalogue's tables, empty ones included);
//   - `T | search P`: T's rows, `$table` first.
// The predicate's meanings (bare terms, `Col:term`, `*`, kind=case_sensitive) are bind/search-predicate.ts's.
// No new plan node: Union / Filter / Project.
//
// [U] `$table` after a pipe: the page says "the table name …, or some system-generated name if the source isn't a
// table". kqlite names the table when the input is one table's rows through where / project / extend / sort / take
// / serialize, and refuses other inputs by name (the generated name is undocumented). `*` does not search the
// `$table` column itself [U].

import type * as A from '../../parser/ast.js';
import { colRef, convertTo, literal } from '../bind/build.js';
import { report } from '../bind/report.js';
import { bindSearchPredicate } from '../bind/search-predicate.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import type { BoundExpr } from '../plan/expr.js';
import type { Plan } from '../plan/logical.js';
import type { OperatorBinders, SourceBinders } from './operator.js';

/** The search options of the operator's parameters, or undefined after reporting a bad one. */
export function searchKind(params: readonly A.OperatorParam[], operator: string, ctx: BindContext): { caseSensitive: boolean } | undefined {
  let caseSensitive = false;
  for (const p of params) {
    const v = p.value.kind === 'Name' ? p.value.name : p.value.kind === 'StringLiteral' ? p.value.value : undefined;
    if (p.name.startsWith('hint.')) continue;
    if (p.name === 'kind') {
      if (v === 'case_sensitive') caseSensitive = true;
      else if (v !== 'default' && v !== 'case_insensitive') return report(ctx, 'bind-unknown-kind', p.span, { operator, kind: v ?? '?' });
    } else if (p.name === 'datascope' && (v === 'all' || v === 'default')) {
      // Local data has no hot/cold split: all data is in scope either way.
    } else {
      return report(ctx, 'bind-not-supported', p.span, { name: `${operator} parameter ${p.name}${v ? `=${v}` : ''}` });
    }
  }
  return { caseSensitive };
}

function bindSearch(input: Plan | undefined, op: A.SearchOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  const kind = searchKind(op.params, 'search', ctx);
  if (!kind) return undefined;
  const opts = { bareTerms: true, caseSensitive: kind.caseSensitive };
  if (input) {
    if (op.tables) return report(ctx, 'bind-invalid', op.span, { message: 'search with `in (...)` must be the first operator of the query' });
    const table = sourceTable(input);
    if (table === undefined) {
      return report(ctx, 'bind-not-supported', op.span, { name: "search after a pipe over rows that are not one table's ($table's value is undocumented)" });
    }
    const bound = bindSearchPredicate(op.predicate, { schema: input.schema, lets }, ctx, opts);
    const predicate = bound && asBool(bound, op.predicate.span, 'search', ctx);
    if (!predicate) return undefined;
    const filtered: Plan = { kind: 'Filter', input, predicate, schema: input.schema, span: op.span };
    return {
      kind: 'Project',
      input: filtered,
      operator: 'search',
      exprs: [literal('string', table, op.span), ...input.schema.map((c, i) => colRef(c, i, op.span))],
      schema: [{ name: '$table', type: 'string' }, ...input.schema],
      span: op.span,
    };
  }
  const tables: A.Expression[] = op.tables
    ? [...op.tables]
    : ctx.catalog.tableNames().sort().map((name) => ({ kind: 'Name', name, quoted: true, span: op.span }) as A.NameRef);
  if (tables.length === 0) return report(ctx, 'bind-invalid', op.span, { message: 'search has no tables: the database has none' });
  const withsource: A.OperatorParam = { kind: 'OperatorParam', name: 'withsource', value: { kind: 'Name', name: '$table', quoted: false, span: op.span }, span: op.span };
  const union = ctx.bindTabular({ kind: 'Union', params: [withsource], tables, span: op.span }, lets, ctx);
  if (!union) return undefined;
  const bound = bindSearchPredicate(op.predicate, { schema: union.schema, lets }, ctx, { ...opts, starFrom: 1 });
  const predicate = bound && asBool(bound, op.predicate.span, 'search', ctx);
  if (!predicate) return undefined;
  return { kind: 'Filter', input: union, predicate, schema: union.schema, span: op.span };
}

/** The predicate as a bool (a dynamic one is converted, as where does), or undefined after reporting. */
function asBool(p: BoundExpr, span: A.Expression['span'], operator: string, ctx: BindContext): BoundExpr | undefined {
  if (p.type === 'bool') return p;
  if (p.type === 'dynamic') return convertTo(p, 'bool');
  return report(ctx, 'bind-wrong-type', span, { what: operator, expected: 'a bool predicate', got: p.type });
}

/** The table whose rows `plan` still is (see the header), or undefined. */
function sourceTable(plan: Plan): string | undefined {
  let p: Plan = plan;
  for (;;) {
    switch (p.kind) {
      case 'Scan':
        return p.table;
      case 'Filter':
      case 'Sort':
      case 'Limit':
      case 'Serialize':
        p = p.input;
        continue;
      case 'Project':
        if (p.operator === 'search') return undefined;
        p = p.input;
        continue;
      default:
        return undefined;
    }
  }
}

export const sources: SourceBinders = {
  Search: (e, lets, ctx) => bindSearch(undefined, e, lets, ctx),
};

export const binders: OperatorBinders = {
  Search: (input, op, lets, ctx) => bindSearch(input, op, lets, ctx),
};
