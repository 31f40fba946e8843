// A let-defined function whose body is tabular (`let f = (T:(*), n:long) { T | take n }`), called as a table,
// invoked with `| invoke f()`, or used as a parameterless view: its body is bound with the arguments as let bindings
// (let-statement.md, invoke-operator.md).

import { diagnostic } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import type { Plan } from '../plan/logical.js';
import { bindExpr, bindLetValue } from './bind-expr.js';
import { convertTo } from './build.js';
import type { BindContext, LetScope } from './scope.js';
import { inStoredFunction, storedFunctionOf } from './stored-functions.js';

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
  // Arguments by name (`_Im_Dns(starttime=ago(1h), responsecodename='NXDOMAIN')`, as ASIM parsers are called) or by
  // position; a parameter given neither takes its default.
  const named = new Map<string, A.NamedArg>();
  const positional: A.Expression[] = [];
  for (const a of e.args) {
    if (a.kind === 'NamedArg') named.set(a.name.name, a);
    else positional.push(a);
  }
  for (const a of named.values()) {
    if (!params.some((p) => p.name.name === a.name.name)) {
      ctx.diagnostics.push(diagnostic('bind-named-argument-not-allowed', a.name.span, { name: a.name.name }));
      return undefined;
    }
  }
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (p.type.kind === 'TabularType' && pipedInput && i === 0) {
      scope = scope.with(p.name.name, { kind: 'tabular', plan: pipedInput });
      continue;
    }
    const argAst = named.get(p.name.name)?.value ?? positional[argIndex++] ?? p.defaultValue;
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
  const bindBody = (c: BindContext) => {
    for (const l of lambda.lets) {
      const b = bindLetValue(l, scope, c);
      if (b) scope = scope.with(l.name.name, b);
    }
    return c.bindTabular(lambda.body, scope, c);
  };
  // A stored function's spans point into its own definition: its diagnostics are reported at the call.
  const stored = storedFunctionOf(lambda);
  return stored ? inStoredFunction(stored, e.span, ctx, bindBody) : bindBody(ctx);
}
