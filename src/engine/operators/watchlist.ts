// `_GetWatchlist('alias')` (Microsoft Sentinel): the items of a watchlist the Database holds (Database.addWatchlist;
// src/watchlists.ts builds the table). Called as a tabular function; a let or stored function of the same name
// wins, as any let does. An unknown alias is an error with did-you-mean over the watchlists known.

import { diagnostic, didYouMean } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { emptyTable } from '../../tables/table.js';
import { bindExpr } from '../bind/bind-expr.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { PlanOperatorsOf } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Watchlist: WatchlistNode;
  }
}

export interface WatchlistNode extends PlanNodeBase<'Watchlist'> {
  readonly alias: string;
  /** Where the executor's table lookup finds its rows (chosen by the Database). */
  readonly table: string;
}

export function bindGetWatchlist(e: A.CallExpr, lets: LetScope, ctx: BindContext): Plan | undefined {
  const arg = e.args[0];
  if (!arg || e.args.length > 1) {
    ctx.diagnostics.push(diagnostic('bind-wrong-arity', e.span, { name: '_GetWatchlist', expected: '1', got: e.args.length }));
    return undefined;
  }
  const v = bindExpr(arg, { schema: [], lets }, ctx);
  if (!v) return undefined;
  if (v.kind !== 'Literal' || v.type !== 'string') {
    ctx.diagnostics.push(diagnostic('bind-expected-constant', arg.span, { what: 'the watchlist alias of _GetWatchlist() (a string)' }));
    return undefined;
  }
  const alias = String(v.value);
  const found = ctx.catalog.watchlist?.(alias);
  if (!found) {
    const known = ctx.catalog.watchlistNames?.() ?? [];
    ctx.diagnostics.push(
      diagnostic('bind-unknown-watchlist', arg.span, { name: alias }, { notes: [...didYouMean(alias, known), ...(known.length === 0 ? ['no watchlists are loaded: put <alias>.csv files in the data folder\'s watchlists/ folder (or Database.addWatchlist)'] : [])] }),
    );
    return undefined;
  }
  return { kind: 'Watchlist', alias, table: found.table, schema: found.schema, span: e.span };
}

export const plans: PlanOperatorsOf<'Watchlist'> = {
  Watchlist: {
    inputs: () => [],
    execute: (node, ctx) => ctx.tables(node.table) ?? emptyTable(node.schema),
    explain: (node) => `Watchlist ${JSON.stringify(node.alias)}`,
    serialization: 'loses',
  },
};
