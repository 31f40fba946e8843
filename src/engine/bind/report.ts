// Reporting binder diagnostics: `report` pushes one and returns undefined (so a binder can `return report(...)`),
// `reportRefusal` turns a refused call (functions/types.ts Refusal) into one at the smallest node at fault.

import { diagnostic, type DiagnosticCode, type DiagnosticParams, type Span } from '../../diagnostics.js';
import type { Refusal } from '../functions/types.js';
import type { BoundExpr } from '../plan/expr.js';
import type { BindContext } from './scope.js';

export function report<C extends DiagnosticCode>(ctx: BindContext, code: C, span: Span, params: DiagnosticParams<C>, notes?: readonly string[]): undefined {
  ctx.diagnostics.push(diagnostic(code, span, params, notes ? { notes } : {}));
  return undefined;
}

/** Reports the refusal of call `what` (e.g. `'round'`) over bound arguments; always returns undefined. */
export function reportRefusal(r: Refusal, what: string, args: readonly BoundExpr[], span: Span, ctx: BindContext): undefined {
  if (typeof r === 'string') {
    ctx.diagnostics.push(diagnostic('bind-wrong-type', span, { what, expected: r, got: args.map((a) => a.type).join(', ') }));
  } else if ('refused' in r) {
    const at = r.arg !== undefined ? (args[r.arg]?.span ?? span) : span;
    ctx.diagnostics.push(diagnostic(r.refused.code, at, r.refused.params as never));
  } else {
    ctx.diagnostics.push(
      diagnostic('bind-wrong-type', args[r.arg]?.span ?? span, { what: `argument ${r.arg + 1} of ${what}`, expected: r.expected, got: r.got }),
    );
  }
  return undefined;
}
