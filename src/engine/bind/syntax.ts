// Questions about the syntax tree the binder asks before binding: is this expression tabular? what is the
// keyword of an operator (for "not supported yet: <keyword>")?

import type { Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';

/**
 * Expression kinds that are scalar syntax. Every other kind the parser produces in expression position (Pipeline,
 * Datatable, Print, Range, Union, Evaluate, Find, and operators the parser may add later) is tabular: listing the
 * scalar side keeps new tabular syntax tabular without an edit here.
 */
const SCALAR_KINDS: ReadonlySet<string> = new Set<A.Expression['kind']>([
  'Name',
  'JoinSide',
  'StringLiteral',
  'LongLiteral',
  'RealLiteral',
  'BoolLiteral',
  'TimespanLiteral',
  'TypedLiteral',
  'DynamicLiteral',
  'Unary',
  'Binary',
  'ListOp',
  'Between',
  'Call',
  'Member',
  'Index',
  'Star',
  'NamedArg',
  'TypeOf',
  'Paren',
]);

/** Does this AST node denote a tabular expression syntactically (pipeline, datatable, union, materialize()...)? */
export function isTabularExpression(e: A.Expression): boolean {
  switch (e.kind) {
    case 'Paren':
      return isTabularExpression(e.expression);
    case 'Call':
      // _GetWatchlist() is Sentinel's tabular function (operators/watchlist.ts).
      return e.callee.name === 'materialize' || e.callee.name === 'table' || e.callee.name === 'view' || e.callee.name === '_GetWatchlist';
    default:
      return !SCALAR_KINDS.has(e.kind);
  }
}

/** The operator's keyword as written (`mv-apply`, `top-nested`, `getschema`), for messages. */
export function operatorKeyword(span: Span, source: string): string {
  return /^[A-Za-z_][\w-]*/.exec(source.slice(span.start, span.end))?.[0] ?? 'this operator';
}
