// Column names: the name Kusto gives an unnamed expression, fresh `Column<n>` names, column patterns
// (`project-away Foo*`), and the unknown-column diagnostic with its did-you-mean.

import { diagnostic, didYouMean, type Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import type { Schema } from '../../tables/table.js';
import { lookupScalar } from '../functions/registry.js';
import type { BindContext } from './scope.js';

/** The name Kusto gives an unnamed projected expression (kql-lang Binder_Projection.cs), or undefined. */
export function defaultColumnName(e: A.Expression): string | undefined {
  switch (e.kind) {
    case 'Name':
      return e.name;
    case 'Paren':
      return defaultColumnName(e.expression);
    case 'Member': {
      const t = defaultColumnName(e.target);
      return t === undefined ? undefined : `${t}_${e.member.name}`;
    }
    case 'Index': {
      const t = defaultColumnName(e.target);
      if (t === undefined) return undefined;
      if (e.index.kind === 'StringLiteral') return `${t}_${e.index.value}`;
      return undefined;
    }
    case 'Call': {
      const first = e.args[0];
      const rule = first ? lookupScalar(e.callee.name)?.resultName : undefined;
      if (!first || !rule) return undefined;
      if (typeof rule === 'object' && 'fixed' in rule) return rule.fixed;
      const inner = defaultColumnName(first);
      if (rule === 'first-argument' || inner === undefined) return inner;
      return `${rule.prefix ?? ''}${inner}${rule.suffix ?? ''}`;
    }
    default:
      return undefined;
  }
}

/** Fresh name `Column1`, `Column2`... not already used (kql-lang Binder_Projection.cs). */
export function freshColumnName(used: (name: string) => boolean): string {
  for (let i = 1; ; i++) if (!used(`Column${i}`)) return `Column${i}`;
}

/** Names made unique by 1, 2... suffixes, in order of use (set_y, set_y1; count_, count_1). */
export function uniqueNames(): (base: string) => string {
  const used = new Set<string>();
  return (base) => {
    let n = base;
    for (let i = 1; used.has(n); i++) n = `${base}${i}`;
    used.add(n);
    return n;
  };
}

export function unknownColumn(ctx: BindContext, name: string, span: Span, schema: Schema): undefined {
  ctx.diagnostics.push(diagnostic('bind-unknown-column', span, { name }, { notes: didYouMean(name, schema.map((c) => c.name)) }));
  return undefined;
}

/** A `*` wildcard pattern as an anchored regular expression over names. */
export function wildcardRegex(pattern: string): RegExp {
  return new RegExp('^' + pattern.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
}

/** The input columns matching the patterns; an exact name that matches nothing is an error. */
export function matchPatterns(schema: Schema, patterns: readonly A.ColumnPattern[], ctx: BindContext): Set<number> | undefined {
  const out = new Set<number>();
  for (const p of patterns) {
    if (p.wildcard) {
      const re = wildcardRegex(p.pattern);
      schema.forEach((c, i) => {
        if (re.test(c.name)) out.add(i);
      });
    } else {
      const i = schema.findIndex((c) => c.name === p.pattern);
      if (i < 0) return unknownColumn(ctx, p.pattern, p.span, schema);
      out.add(i);
    }
  }
  return out;
}
