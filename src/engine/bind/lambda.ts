// A let-defined function whose body is tabular (`let f = (T:(*), n:long) { T | take n }`), called as a table,
// invoked with `| invoke f()`, or used as a parameterless view: its body is bound with the arguments as let bindings
// (let-statement.md, invoke-operator.md).

import { diagnostic } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import type { Plan } from '../plan/logical.js';
import { bindExpr, bindLetValue } from './bind-expr.js';
import { convertTo } from './build.js';
import type { BindContext, LetScope } from './scope.js';

/** `pipedInput`: the table before `| invoke`, bound to the lambda's first tabular parameter. */
export function bindTabularLambdaCall(
  e: A.CallExpr,
  lambda: A.Lambda,
  defScope: LetScope,
  callerLets: LetScope,
  ctx: BindContext,
  pipedInput: Plan | undefined,
): Plan | undefined {
  let scope = defScope;
  const params = lambda.params;
  let argIndex = 0;
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (p.type.kind === 'TabularType' && pipedInput && i === 0) {
      scope = scope.with(p.name.name, { kind: 'tabular', plan: pipedInput });
      continue;
    }
    const argAst = e.args[argIndex++] ?? p.defaultValue;
    if (!argAst) {
      ctx.diagnostics.push(diagnostic('bind-missing-argument', e.span, { name: e.callee.name, param: p.name.name }));
      return undefined;
    }
    if (p.type.kind === 'TabularType') {
      const plan = ctx.bindTabular(argAst, callerLets, ctx);
      if (!plan) return undefined;
      scope = scope.with(p.name.name, { kind: 'tabular', plan });
    } else {
      const v = bindExpr(argAst, { schema: [], lets: callerLets }, ctx);
      if (!v) return undefined;
      scope = scope.with(p.name.name, { kind: 'scalar', expr: v.type === p.type.type ? v : convertTo(v, p.type.type) });
    }
  }
  for (const l of lambda.lets) {
    const b = bindLetValue(l, scope, ctx);
    if (b) scope = scope.with(l.name.name, b);
  }
  return ctx.bindTabular(lambda.body, scope, ctx);
}
