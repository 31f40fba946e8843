// Shared helpers for parser tests.

import { expect } from 'vitest';
import { parse } from '../../src/parser/index.js';
import type { Expression, Pipeline, QueryStatement, Script, TabularOperator } from '../../src/parser/index.js';

/** Deep copy without `span` fields, for structural comparison. */
export function stripSpans<T>(node: T): T {
  if (Array.isArray(node)) return node.map(stripSpans) as T;
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) if (k !== 'span') out[k] = stripSpans(v);
    return out as T;
  }
  return node;
}

/** Parses text that must be error-free. */
export function parseOk(text: string): Script {
  const { ast, diagnostics } = parse(text);
  expect(diagnostics, `diagnostics for ${text}`).toEqual([]);
  return ast;
}

/** The expression of the last statement. */
export function lastExpr(text: string): Expression {
  const ast = parseOk(text);
  const last = ast.statements[ast.statements.length - 1] as QueryStatement;
  expect(last.kind).toBe('QueryStatement');
  return last.expression;
}

/** `print x = <expr>` → the expression, span-free. */
export function scalar(exprText: string): unknown {
  const e = lastExpr(`print ${exprText}`);
  expect(e.kind).toBe('Print');
  if (e.kind !== 'Print') throw new Error('not print');
  return stripSpans(e.items[0]!.expression);
}

/** `T | <op>` → the operator, span-free. */
export function op(text: string): TabularOperator {
  const e = lastExpr(`T | ${text}`) as Pipeline;
  expect(e.kind).toBe('Pipeline');
  return stripSpans(e.operators[e.operators.length - 1]!);
}

export const N = (name: string) => ({ kind: 'Name', name, quoted: false });
export const L = (v: bigint | number) => ({ kind: 'LongLiteral', value: BigInt(v) });
export const S = (value: string) => ({ kind: 'StringLiteral', value });
export const B = (op: string, left: unknown, right: unknown) => ({ kind: 'Binary', op, left, right });
export const Id = (name: string, quoted = false) => ({ kind: 'Identifier', name, quoted });
