// How deeply a query nests, measured on the syntax tree before binding (issue #19): the binder, explain and the
// expression evaluator walk expressions and plans recursively, so a query deeper than MAX_QUERY_DEPTH is refused
// with one positioned error instead of overflowing the stack. Kusto refuses such queries too ("Limit on query
// complexity", query-limits.md: the relational tree's depth has an internal threshold; its example is a long chain
// of `or`, to be written with in()).
//
// The depth is plan-shaped: an expression node is one level below its parent, and in a pipeline of n operators the
// source sits n levels below the pipeline and operator i (0-based) n - i levels below it — the nesting the bound
// plan will have. The walk is iterative, so measuring cannot overflow either. The parser already limits brackets to
// 200 levels (src/parser/nesting.ts); what remains are chains the grammar reads in loops: `1+1+…`, `a.b.c…`,
// `T | where … | where …`.

import { diagnostic, type Diagnostic, type Span } from '../../diagnostics.js';

/**
 * [U] Kusto's threshold is undocumented. Node's default stack (~984 KB) overflowed at 3,419 terms of `1+1+…` in the
 * binder and at 2,462 chained operators in the recursive executor; 1,000 leaves a margin of 2.4× over the worst
 * walker measured (test/engine/limits-depth.test.ts runs a query at the limit through bind, explain and execution).
 */
export const MAX_QUERY_DEPTH = 1000;

interface Node {
  readonly kind: string;
  readonly span: Span;
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).kind === 'string';

/** The first node deeper than MAX_QUERY_DEPTH, as a diagnostic; undefined when the query is within the limit. */
export function checkQueryDepth(root: object, limit = MAX_QUERY_DEPTH): Diagnostic | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (Array.isArray(value)) {
      for (const v of value) stack.push({ value: v, depth });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const node = isNode(value) ? value : undefined;
    if (node && depth > limit) return diagnostic('bind-too-deep', node.span, { limit });
    if (node?.kind === 'Pipeline') {
      const p = value as unknown as { source: unknown; operators: readonly unknown[] };
      const n = p.operators.length;
      stack.push({ value: p.source, depth: depth + n + 1 });
      p.operators.forEach((op, i) => stack.push({ value: op, depth: depth + n - i }));
      continue;
    }
    // Children: every property holding a node, a list, or a plain group of nodes (make-series `inRange`); spans
    // and scalars are leaves.
    const childDepth = node ? depth + 1 : depth;
    for (const key in value) {
      if (key === 'span') continue;
      const v = (value as Record<string, unknown>)[key];
      if (typeof v === 'object' && v !== null) stack.push({ value: v, depth: childDepth });
    }
  }
  return undefined;
}
