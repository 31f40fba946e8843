// evaluate (evaluate-operator.md): runs a plugin. Each implemented plugin has a module under plugins/ and one entry
// in PLUGINS; any other plugin is refused by name (`not supported yet: evaluate <plugin>`).

import { diagnostic } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import type { Plan } from '../plan/logical.js';
import type { OperatorBinders, SourceBinders } from './operator.js';
import { bindBagUnpack } from './plugins/bag-unpack.js';
import { bindIpv4Lookup, bindIpv6Lookup } from './plugins/ip-lookup.js';
import { bindNarrow } from './plugins/narrow.js';
import { bindPivot } from './plugins/pivot.js';
import { bindRollingPercentile, bindSlidingWindowCounts } from './plugins/sliding-window.js';

type PluginBinder = (input: Plan, op: A.EvaluateOp, lets: LetScope, ctx: BindContext) => Plan | undefined;

/** The implemented plugins, by name: one line each (the module's plan kinds go in operators/index.ts). */
const PLUGINS: Readonly<Record<string, PluginBinder>> = {
  bag_unpack: bindBagUnpack,
  ipv4_lookup: bindIpv4Lookup,
  ipv6_lookup: bindIpv6Lookup,
  narrow: bindNarrow,
  pivot: bindPivot,
  rolling_percentile: bindRollingPercentile,
  sliding_window_counts: bindSlidingWindowCounts,
};

/** Names of the implemented plugins (for the generated reference). */
export function implementedPlugins(): string[] {
  return Object.keys(PLUGINS);
}

function refuse(op: A.EvaluateOp, ctx: BindContext): undefined {
  ctx.diagnostics.push(diagnostic('bind-not-supported', op.call.callee.span, { name: `evaluate ${op.call.callee.name}` }));
  return undefined;
}

export const binders: OperatorBinders = {
  Evaluate: (input, op, lets, ctx) => {
    const plugin = Object.hasOwn(PLUGINS, op.call.callee.name) ? PLUGINS[op.call.callee.name] : undefined;
    return plugin ? plugin(input, op, lets, ctx) : refuse(op, ctx);
  },
};

/** `evaluate` at the start of a pipeline (plugins that need no input): none is implemented yet. */
export const sources: SourceBinders = {
  Evaluate: (e, _lets, ctx) => refuse(e, ctx),
};
