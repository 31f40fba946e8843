// Script → plan: let statements extend the scope in order; the last query statement is the result.

import { diagnostic } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import type { Plan } from '../plan/logical.js';
import { bindLetValue } from './bind-expr.js';
import { bindTabular } from './bind-query.js';
import { LetScope, type BindContext } from './scope.js';

export function bindScript(script: A.Script, ctx: BindContext): Plan | undefined {
  let lets = LetScope.empty();
  const queries = script.statements.filter((s) => s.kind === 'QueryStatement');
  if (queries.length > 1) {
    ctx.diagnostics.push(diagnostic('bind-not-supported', queries[1]!.span, { name: 'several query statements in one script (batch)' }));
    return undefined;
  }
  let plan: Plan | undefined;
  for (const st of script.statements) {
    switch (st.kind) {
      case 'Let': {
        const b = bindLetValue(st, lets, ctx);
        lets = lets.with(st.name.name, b ?? { kind: 'failed' });
        break;
      }
      case 'QueryStatement':
        plan = bindTabular(st.expression, lets, ctx);
        break;
      case 'UnsupportedStatement':
        ctx.diagnostics.push(diagnostic('bind-not-supported', st.span, { name: `${st.keyword} statement` }));
        break;
    }
  }
  if (!plan && queries.length === 0 && !ctx.diagnostics.some((d) => d.severity === 'error')) {
    ctx.diagnostics.push(diagnostic('bind-invalid', script.span, { message: 'the script has no query: it needs a tabular expression after its let statements' }));
  }
  return plan;
}
