// Script → plan: let statements extend the scope in order; the last query statement is the result. Here the
// binder's context is made, with its own entry points (bindTabular, isSerialized) for the operator modules.

import { diagnostic, type Diagnostic } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import type { Table } from '../../tables/table.js';
import { batchResults, misplacedResults } from '../operators/fork.js';
import { isSerialized, planOperator } from '../operators/index.js';
import type { Plan } from '../plan/logical.js';
import { bindLetValue } from './bind-expr.js';
import { bindTabular } from './bind-tabular.js';
import { checkKeywordNames } from './keyword-names.js';
import { checkQueryDepth } from './query-depth.js';
import { bindQueryParameters, type QueryParameterValues } from './query-parameters.js';
import { storedFunctionScope, type StoredFunction } from './stored-functions.js';
import { LetScope, type BindContext, type CatalogView, type ExternalDataResolver } from './scope.js';

export interface BindOptions {
  readonly catalog: CatalogView;
  /** Diagnostics so far (the parser's warnings); the binder appends its own. */
  readonly diagnostics: Diagnostic[];
  readonly nowTicks: bigint;
  readonly source: string;
  /** See BindContext.discover. */
  readonly discover?: (plan: Plan) => Table;
  /** Values of `declare query_parameters` (query-parameters.ts). */
  readonly parameters?: QueryParameterValues;
  /**
   * Where a declared parameter without value or default is reported: given, the script still binds (the schema does
   * not depend on the value) and the caller raises these before running; absent, they are binding errors.
   */
  readonly missingParameters?: Diagnostic[];
  /** Stored functions (stored-functions.ts): the query's outermost let bindings. */
  readonly functions?: readonly StoredFunction[];
  /** See BindContext.externalData. */
  readonly externalData?: ExternalDataResolver;
  /** See BindContext.geoip. */
  readonly geoip?: BindContext['geoip'];
}

export function bindScript(script: A.Script, options: BindOptions): Plan | undefined {
  // Too deep to walk recursively (binder, explain, evaluator): one positioned error before anything recurses.
  const tooDeep = checkQueryDepth(script);
  if (tooDeep) {
    options.diagnostics.push(tooDeep);
    return undefined;
  }
  // Keywords written as bare column names (`extend first = …`): Kusto refuses the query (keyword-names.ts).
  const keywordNames = checkKeywordNames(script);
  if (keywordNames.length > 0) {
    options.diagnostics.push(...keywordNames);
    return undefined;
  }
  const ctx: BindContext = {
    ...options,
    materializeCount: 0,
    bindTabular,
    isSerialized,
  };
  let lets = options.functions?.length ? storedFunctionScope(options.functions) : LetScope.empty();
  const queries = script.statements.filter((s) => s.kind === 'QueryStatement');
  // Each tabular statement is a result (batches.md): several make a Results node (operators/fork.ts).
  const results: { plan: Plan; expression: A.Expression }[] = [];
  let failed = false;
  for (const st of script.statements) {
    switch (st.kind) {
      case 'Let': {
        const b = bindLetValue(st, lets, ctx);
        lets = lets.with(st.name.name, b ?? { kind: 'failed' });
        break;
      }
      case 'QueryStatement': {
        const p = bindTabular(st.expression, lets, ctx);
        if (p) results.push({ plan: p, expression: st.expression });
        else failed = true;
        break;
      }
      case 'UnsupportedStatement':
        if (st.queryParameters) {
          lets = bindQueryParameters(st.queryParameters, options.parameters, lets, ctx, options.missingParameters ?? ctx.diagnostics);
          break;
        }
        ctx.diagnostics.push(diagnostic('bind-not-supported', st.span, { name: `${st.keyword} statement` }));
        break;
    }
  }
  if (queries.length === 0 && !ctx.diagnostics.some((d) => d.severity === 'error')) {
    ctx.diagnostics.push(diagnostic('bind-no-query', script.span, {}));
  }
  const plan = failed ? undefined : batchResults(results, script.span);
  const misplaced = plan && misplacedResults(plan, (p) => planOperator(p).inputs(p));
  if (misplaced) {
    ctx.diagnostics.push(diagnostic('bind-not-supported', misplaced, { name: 'fork followed by another operator or used as a table' }));
    return undefined;
  }
  return plan;
}
