// Walking the syntax tree generically: every object with a `kind` is a node, every array or property may hold
// more. The linter and the mutation generator use it so they see every node the parser makes, including kinds
// added later, without a visitor per kind.

import type { ast } from '../../index.js';

export type AnyNode = { readonly kind: string; readonly span: { readonly start: number; readonly end: number } } & Record<string, unknown>;

function isNode(v: unknown): v is AnyNode {
  return typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string' && typeof (v as { span?: unknown }).span === 'object';
}

/** Calls visit(node, ancestors) for every node under root (pre-order); ancestors[0] is the parent. */
export function walk(root: unknown, visit: (node: AnyNode, ancestors: readonly AnyNode[]) => void): void {
  const stack: AnyNode[] = [];
  const go = (v: unknown) => {
    if (Array.isArray(v)) {
      for (const x of v) go(x);
      return;
    }
    if (!isNode(v)) return;
    visit(v, [...stack].reverse());
    stack.push(v);
    for (const [k, child] of Object.entries(v)) if (k !== 'span' && typeof child === 'object') go(child);
    stack.pop();
  };
  go(root);
}

/** Every node of a kind, in source order. */
export function nodesOf<K extends string>(root: unknown, kind: K): (AnyNode & { kind: K })[] {
  const out: (AnyNode & { kind: K })[] = [];
  walk(root, (n) => {
    if (n.kind === kind) out.push(n as AnyNode & { kind: K });
  });
  return out;
}

/** The names a let statement binds to its value (scalars, dynamic arrays, tabular expressions). */
export function letValues(script: ast.Script): Map<string, ast.Expression | ast.Lambda> {
  const out = new Map<string, ast.Expression | ast.Lambda>();
  walk(script, (n) => {
    if (n.kind === 'Let') {
      const l = n as unknown as ast.LetStatement;
      out.set(l.name.name, l.value);
    }
  });
  return out;
}

/** The string constants an expression stands for: a literal, a dynamic array of strings, or a let name of those. */
export function stringConstants(e: ast.Expression, lets: Map<string, ast.Expression | ast.Lambda>, depth = 0): { value: string; span: ast.Span }[] | undefined {
  if (depth > 5) return undefined;
  switch (e.kind) {
    case 'StringLiteral':
      return [{ value: e.value, span: e.span }];
    case 'Paren':
      return stringConstants(e.expression, lets, depth + 1);
    case 'DynamicLiteral': {
      if (e.value.kind !== 'DynArray') return undefined;
      const out: { value: string; span: ast.Span }[] = [];
      for (const item of e.value.items) if (item.kind === 'StringLiteral') out.push({ value: item.value, span: item.span });
      return out;
    }
    case 'Name': {
      const v = lets.get(e.name);
      return v && v.kind !== 'Lambda' ? stringConstants(v, lets, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}
