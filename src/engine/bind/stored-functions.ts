// Stored functions (Kusto `.create function`, Sentinel parsers and saved functions): lambdas defined outside the query,
// visible to it as outermost let bindings, so a let of the same name in the query wins (let-statement.md: the
// innermost binding). They may call each other. Their syntax nodes carry spans into their own definition text,
// so binding one reports its diagnostics at the call, naming the function and the place in its definition
// (lambda.ts asks storedFunctionOf).

import { lineCol, type Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { LetScope, type BindContext, type LetBinding } from './scope.js';

export interface StoredFunction {
  readonly name: string;
  readonly lambda: A.Lambda;
  /** The text the lambda's spans point into, and where it came from (a file name). */
  readonly text: string;
  readonly source: string;
  /** Added to a line of `text` to give the line in `source` (the definition was wrapped or cut out of a file). */
  readonly lineShift?: number;
}

const STORED = new WeakMap<A.Lambda, StoredFunction>();

/** The stored function a lambda is, if it is one. */
export function storedFunctionOf(lambda: A.Lambda): StoredFunction | undefined {
  return STORED.get(lambda);
}

/** The outermost scope of a query: every stored function, each able to call the others. */
export function storedFunctionScope(functions: readonly StoredFunction[]): LetScope {
  const bindings = new Map<string, LetBinding>();
  const scope = new LetScope(bindings);
  for (const f of functions) {
    STORED.set(f.lambda, f);
    bindings.set(f.name, { kind: 'lambda', lambda: f.lambda, scope });
  }
  return scope;
}

/**
 * Binds part of a stored function (its lets and body) with a context of its own, then reports each diagnostic at
 * the call, its message naming the function and the place in its definition (`file:line:col`); codes are kept.
 */
export function inStoredFunction<T>(f: StoredFunction, callSpan: Span, ctx: BindContext, run: (inner: BindContext) => T | undefined): T | undefined {
  const inner: BindContext = { ...ctx, diagnostics: [], source: f.text };
  const out = run(inner);
  ctx.materializeCount = inner.materializeCount;
  for (const d of inner.diagnostics) {
    const { line, column } = lineCol(f.text, d.span.start);
    const where = `${f.source}:${line + (f.lineShift ?? 0)}:${column}`;
    ctx.diagnostics.push({ ...d, span: callSpan, message: `${d.message} (in function '${f.name}', ${where})` });
  }
  return out;
}
