// The binder's dispatcher for tabular expressions: a table name, a call (materialize, table(), a let function), a
// parenthesised expression, a pipeline (each operator after `|` by its AST kind), or a pipeline source (datatable,
// print, range, union...). Operators and sources are looked up in operators/index.ts; a kind without a binder is
// refused by name with its position, so the parser may add syntax before the engine implements it.

import { diagnostic, didYouMean } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { lookupAggregate, lookupScalar } from '../functions/registry.js';
import type { AstOperatorKind, AstSourceKind, OperatorBinder, SourceBinder } from '../operators/operator.js';
import { OPERATOR_BINDERS, SOURCE_BINDERS } from '../operators/index.js';
import { bindMaterialize } from '../operators/materialize.js';
import { bindTableName } from '../operators/scan.js';
import { bindGetWatchlist } from '../operators/watchlist.js';
import type { Plan } from '../plan/logical.js';
import { nestedLambdaCall } from './bind-expr.js';
import { bindTabularLambdaCall } from './lambda.js';
import type { BindContext, LetScope } from './scope.js';
import { isTabularExpression, operatorKeyword } from './syntax.js';

/** Why some syntax is refused, when its keyword alone would not say enough. */
const REFUSAL_DETAILS: Readonly<Record<string, string>> = {
};

function notSupportedSyntax(kind: string, span: A.Expression['span'], ctx: BindContext): undefined {
  const name = REFUSAL_DETAILS[kind] ?? operatorKeyword(span, ctx.source);
  ctx.diagnostics.push(diagnostic('bind-not-supported', span, { name }));
  return undefined;
}

/** Bind a tabular expression to a plan. */
export function bindTabular(e: A.Expression, lets: LetScope, ctx: BindContext): Plan | undefined {
  switch (e.kind) {
    case 'Paren':
      return bindTabular(e.expression, lets, ctx);
    case 'Pipeline':
      return bindPipeline(e, lets, ctx);
    case 'Name':
      return bindTableName(e.name, e.span, lets, ctx);
    case 'Call':
      return bindTabularCall(e, lets, ctx);
  }
  if (!isTabularExpression(e)) {
    ctx.diagnostics.push(diagnostic('bind-expected-tabular', e.span, { what: 'this expression' }));
    return undefined;
  }
  const source = e as A.TabularSource;
  const binder = SOURCE_BINDERS[source.kind] as SourceBinder<AstSourceKind> | undefined;
  return binder ? binder(source as never, lets, ctx) : notSupportedSyntax(source.kind, source.span, ctx);
}

function bindPipeline(e: A.Pipeline, lets: LetScope, ctx: BindContext): Plan | undefined {
  let plan = bindTabular(e.source, lets, ctx);
  let scope = lets;
  for (const op of e.operators) {
    if (!plan) return undefined;
    // `| as Name` names the result so far for the operators after it (as-operator.md).
    if (op.kind === 'As') scope = scope.with(op.name.name, { kind: 'tabular', plan });
    const binder = OPERATOR_BINDERS[op.kind] as OperatorBinder<AstOperatorKind> | undefined;
    plan = binder ? binder(plan, op as never, scope, ctx) : notSupportedSyntax(op.kind, op.span, ctx);
  }
  return plan;
}

function bindTabularCall(e: A.CallExpr, lets: LetScope, ctx: BindContext): Plan | undefined {
  const name = e.callee.name;
  if (name === 'materialize') return bindMaterialize(e, lets, ctx);
  if (name === 'table' || name === 'view') {
    const arg = e.args[0];
    if (!arg || arg.kind !== 'StringLiteral') {
      ctx.diagnostics.push(diagnostic('bind-expected-constant', arg?.span ?? e.span, { what: `the table name of ${name}() (a string)` }));
      return undefined;
    }
    return bindTableName(arg.value, arg.span, lets, ctx);
  }
  const b = lets.lookup(name);
  if (b?.kind === 'lambda') return nestedLambdaCall(e.span, ctx, () => bindTabularLambdaCall(e, b.lambda, b.scope, lets, ctx, undefined));
  if (b?.kind === 'tabular' && e.args.length === 0) return b.plan;
  if (name === '_GetWatchlist') return bindGetWatchlist(e, lets, ctx);
  if (name.startsWith('_')) {
    ctx.diagnostics.push(diagnostic('bind-not-supported', e.callee.span, { name: `${name}() (Sentinel function: define it with let, or load it with --functions / Database.defineFunction)` }));
    return undefined;
  }
  if (lookupScalar(name) || lookupAggregate(name)) {
    ctx.diagnostics.push(diagnostic('bind-expected-tabular', e.span, { what: `'${name}()'` }));
    return undefined;
  }
  ctx.diagnostics.push(diagnostic('bind-unknown-function', e.callee.span, { name }, { notes: didYouMean(name, lets.names()) }));
  return undefined;
}
