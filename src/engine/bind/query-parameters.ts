// `declare query_parameters(Name:type [= default], ...)` (query-parameters-statement.md): each parameter becomes a
// scalar let binding of its declared type. Its value comes from the caller (QueryOptions.parameters, the CLI's
// --param), else from its default. The value is a constant, so it folds like any let-bound literal.
//
// A parameter with neither value nor default still binds (as a null of its type), because a query's schema does not
// depend on parameter values; its error goes to `missing`, which the caller raises before the query runs
// (Database.query) and ignores for plan-only work (kqlite check, the schema oracle).

import { diagnostic, type Diagnostic } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { coerceValue, describeValue } from '../../tables/from-rows.js';
import type { ScalarType } from '../../values/types.js';
import { bindExpr } from './bind-expr.js';
import { convertTo, literal } from './build.js';
import type { BindContext, LetScope } from './scope.js';

/** What the caller gives: JS values typed by the declared type, or text parsed as that type's literal. */
export type QueryParameterValues = Readonly<Record<string, unknown>>;

export function bindQueryParameters(
  declared: readonly A.LambdaParam[],
  values: QueryParameterValues | undefined,
  lets: LetScope,
  ctx: BindContext,
  missing: Diagnostic[],
): LetScope {
  let scope = lets;
  for (const p of declared) {
    const name = p.name.name;
    if (p.type.kind !== 'ScalarType') {
      ctx.diagnostics.push(diagnostic('bind-not-supported', p.type.span, { name: `tabular query parameter '${name}'` }));
      scope = scope.with(name, { kind: 'failed' });
      continue;
    }
    const type = p.type.type as ScalarType;
    if (values && Object.prototype.hasOwnProperty.call(values, name)) {
      const given = values[name];
      try {
        scope = scope.with(name, { kind: 'scalar', expr: literal(type, given === null ? null : coerceValue(type, given), p.span) });
      } catch (err) {
        ctx.diagnostics.push(
          diagnostic('bind-bad-query-parameter', p.name.span, { name, type, value: describeValue(given), reason: (err as Error).message }),
        );
        scope = scope.with(name, { kind: 'failed' });
      }
      continue;
    }
    if (p.defaultValue) {
      const v = bindExpr(p.defaultValue, { schema: [], lets: scope }, ctx);
      scope = scope.with(name, v ? { kind: 'scalar', expr: v.type === type ? v : convertTo(v, type) } : { kind: 'failed' });
      continue;
    }
    missing.push(diagnostic('bind-missing-query-parameter', p.name.span, { name, type }));
    scope = scope.with(name, { kind: 'scalar', expr: literal(type, null, p.span) });
  }
  return scope;
}
