// invoke (invoke-operator.md): calls a let-defined tabular function with the input as its first argument.

import { diagnostic } from '../../diagnostics.js';
import { bindTabularLambdaCall } from '../bind/lambda.js';
import type { OperatorBinders } from './operator.js';

export const binders: OperatorBinders = {
  Invoke: (input, op, lets, ctx) => {
    const b = lets.lookup(op.call.callee.name);
    if (b?.kind !== 'lambda') {
      ctx.diagnostics.push(diagnostic('bind-not-a-function', op.call.callee.span, { name: op.call.callee.name }));
      return undefined;
    }
    return bindTabularLambdaCall(op.call, b.lambda, b.scope, lets, ctx, input);
  },
};
