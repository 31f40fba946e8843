// union (union-operator.md): outer by default (every column of every leg; inner keeps the columns all legs share).
// Column identity is (name, type): a name seen with several types becomes one column per type, `name_type`.
// withsource=Col adds the leg's name first (a stored table's name; union_argN for let-bound and other legs); isfuzzy=true skips legs that do not resolve. As a source (`union A, B`)
// or after a pipe (`T | union A`, where T is the first leg).

import { diagnostic } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { makeTable, type Column } from '../../tables/table.js';
import { getValue, type Vector } from '../../tables/vector.js';
import { vectorWriter } from '../../tables/builder.js';
import type { ScalarType } from '../../values/types.js';
import { wildcardRegex } from '../bind/names.js';
import { CHECK_INTERVAL } from '../exec/context.js';
import { typeRowBytes } from '../exec/memory.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { OperatorBinders, PlanOperatorsOf, SourceBinders } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Union: UnionNode;
  }
}

export interface UnionNode extends PlanNodeBase<'Union'> {
  readonly inputs: readonly Plan[];
  /** For each input, for each output column: source column index or -1 (null). */
  readonly mapping: readonly (readonly number[])[];
  /** withsource=Col: the name of each leg, added as the first column. */
  readonly sourceNames?: readonly string[];
}

function bindUnion(input: Plan | undefined, op: A.UnionOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  let kind = 'outer';
  let withsource: string | undefined;
  let isfuzzy = false;
  for (const p of op.params) {
    const v = p.value.kind === 'Name' ? p.value.name : p.value.kind === 'BoolLiteral' ? String(p.value.value) : undefined;
    if (p.name === 'kind' && (v === 'outer' || v === 'inner')) kind = v;
    else if (p.name === 'withsource' && v) withsource = v;
    else if (p.name === 'isfuzzy' && (v === 'true' || v === 'false')) isfuzzy = v === 'true';
    else if (!p.name.startsWith('hint.')) {
      ctx.diagnostics.push(diagnostic('bind-not-supported', p.span, { name: `union parameter '${p.name}'` }));
      return undefined;
    }
  }
  const legs: { plan: Plan; name: string }[] = [];
  if (input) legs.push({ plan: input, name: 'union_arg0' });
  for (const t of op.tables) {
    if (t.kind === 'Name' && t.name.includes('*')) {
      const re = wildcardRegex(t.name);
      for (const name of ctx.catalog.tableNames().filter((n) => re.test(n)).sort()) {
        legs.push({ plan: { kind: 'Scan', table: name, schema: ctx.catalog.schemaOf(name)!, span: t.span }, name });
      }
      continue;
    }
    let plan: Plan | undefined;
    if (isfuzzy) {
      // isfuzzy=true: a leg that cannot be resolved (missing table) is skipped (union-operator.md).
      const own: BindContext = { ...ctx, diagnostics: [] };
      plan = own.bindTabular(t, lets, own);
      ctx.materializeCount = own.materializeCount;
      if (!plan) continue;
    } else {
      plan = ctx.bindTabular(t, lets, ctx);
      if (!plan) return undefined;
    }
    // withsource labels a stored table by its name, anything else (a let-bound table included) by its position:
    // real engine, recorded answers (issue #14) — `let A = datatable…; let B = …; union withsource=src A, B` labels
    // the rows union_arg0 and union_arg1, not A and B (union-operator.md shows table names only).
    const stored = t.kind === 'Name' && lets.lookup(t.name) === undefined;
    legs.push({ plan, name: stored ? t.name : `union_arg${legs.length}` });
  }
  if (legs.length === 0) {
    ctx.diagnostics.push(diagnostic('bind-union-no-tables', op.span, {}));
    return undefined;
  }
  // Column identity = (name, type). A name seen with several types becomes name_type for each.
  const typesByName = new Map<string, ScalarType[]>();
  for (const leg of legs) {
    for (const c of leg.plan.schema) {
      const ts = typesByName.get(c.name) ?? [];
      if (!ts.includes(c.type)) ts.push(c.type);
      typesByName.set(c.name, ts);
    }
  }
  const outCols: { key: string; column: Column; renamed: boolean }[] = [];
  const seen = new Set<string>();
  for (const leg of legs) {
    for (const c of leg.plan.schema) {
      const key = `${c.name}\u0000${c.type}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const multi = typesByName.get(c.name)!.length > 1;
      outCols.push({ key, column: { name: multi ? `${c.name}_${c.type}` : c.name, type: c.type }, renamed: multi });
    }
  }
  // A renamed column that clashes with a real column name gets a numeric suffix (union-operator.md: View_1(x:long),
  // View_2(x:int), View_3(x_long:long) give x_long1, x_int, x_long).
  const taken = new Set(outCols.filter((o) => !o.renamed).map((o) => o.column.name));
  for (const o of outCols) {
    if (!o.renamed) continue;
    let name = o.column.name;
    for (let i = 1; taken.has(name); i++) name = `${o.column.name}${i}`;
    taken.add(name);
    o.column = { ...o.column, name };
  }
  let cols = outCols;
  if (kind === 'inner') cols = outCols.filter((o) => legs.every((l) => l.plan.schema.some((c) => `${c.name}\u0000${c.type}` === o.key)));
  const mapping = legs.map((l) => cols.map((o) => l.plan.schema.findIndex((c) => `${c.name}\u0000${c.type}` === o.key)));
  const schema: Column[] = cols.map((o) => o.column);
  if (withsource) schema.unshift({ name: withsource, type: 'string' });
  return {
    kind: 'Union',
    inputs: legs.map((l) => l.plan),
    mapping,
    sourceNames: withsource ? legs.map((l) => l.name) : undefined,
    schema,
    span: op.span,
  };
}

export const sources: SourceBinders = {
  Union: (e, lets, ctx) => bindUnion(undefined, e, lets, ctx),
};

export const binders: OperatorBinders = {
  Union: (input, op, lets, ctx) => bindUnion(input, op, lets, ctx),
};

export const plans: PlanOperatorsOf<'Union'> = {
  Union: {
    inputs: (node) => node.inputs,
    execute: (node, ctx) => {
      const parts = node.inputs.map((p) => ctx.run(p));
      const total = parts.reduce((s, p) => s + p.rowCount, 0);
      // Every column is written anew: the limits are checked before the first one is allocated.
      ctx.reserve(total, node.schema.reduce((b, c) => b + typeRowBytes(c.type), 0), node.span, 'union');
      const offset = node.sourceNames ? 1 : 0;
      const columns: Vector[] = node.schema.map((c, j) => {
        const w = vectorWriter(c.type, total);
        let r = 0;
        parts.forEach((p, leg) => {
          const src = j < offset ? -2 : node.mapping[leg]![j - offset]!;
          for (let i = 0; i < p.rowCount; i++, r++) {
            w.set(r, src === -2 ? node.sourceNames![leg]! : src < 0 ? null : getValue(p.columns[src]!, i));
            if ((i & (CHECK_INTERVAL - 1)) === 0) ctx.check(node.span);
          }
        });
        return w.finish();
      });
      return makeTable(node.schema, columns, total);
    },
    explain: () => 'Union',
    serialization: 'loses',
  },
};
