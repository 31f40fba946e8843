// How a refused call (functions/types.ts Refusal) becomes a diagnostic, at the smallest node at fault.

import { diagnostic, type Span } from '../../diagnostics.js';
import type { Refusal } from '../functions/types.js';
import type { BoundExpr } from '../plan/expr.js';
import type { BindContext } from './scope.js';

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
