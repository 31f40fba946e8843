// Tabular operators that combine a pipeline with other tables or run subqueries over it: join, lookup, mv-apply,
// partition, fork, scan, as, invoke (union and evaluate, which may also start a pipeline, are in queries.ts).

import type { Assignment, Expression, ForkBranch, Identifier, LambdaParam, Pipeline, ScanStep, TabularOperator } from '../ast.js';
import * as T from '../tokens.js';
import { identifier, missingName, nameRef } from '../to-ast.js';
import { DROP_ON_ERROR } from './base.js';
import { AggregateOperatorRules } from './operators-aggregate.js';
import { P_KNOWN } from './params.js';

const SCAN_OUTPUTS = new Set(['all', 'last', 'none']);

export abstract class CombineOperatorRules extends AggregateOperatorRules {
  /**
   * `join kind=leftouter hint.remote=auto (Right) on Key, $left.A == $right.B` (or `... where Predicate`); `lookup`
   * has the same shape. `on` conditions are names (same name on both sides) or `==` between `$left.X` and
   * `$right.Y`, possibly with `and`.
   */
  joinOp = this.RULE('joinOp', (): TabularOperator => {
    const first = this.LA(1);
    const isLookup = this.OR([
      { ALT: () => (this.CONSUME(T.Join), false) },
      { ALT: () => (this.CONSUME(T.Lookup), true) },
    ]);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const right = this.SUBRULE(this.operand, { ARGS: [false] });
    let on: Expression[] = [];
    let where: Expression | undefined;
    this.OPTION(() =>
      this.OR2([
        { ALT: () => (on = this.SUBRULE(this.onClause)) },
        { GATE: () => !isLookup, ALT: () => (where = this.SUBRULE(this.joinWhere)) },
      ]),
    );
    return this.ACTION(() => ({
      kind: isLookup ? ('Lookup' as const) : ('Join' as const),
      params,
      right,
      on,
      ...(where ? { where } : {}),
      span: this.spanFrom(first),
    }));
  }, DROP_ON_ERROR);

  onClause = this.RULE(
    'onClause',
    (): Expression[] => {
      this.CONSUME(T.On);
      return this.SUBRULE(this.exprList);
    },
    { recoveryValueFunc: () => [] },
  );

  joinWhere = this.RULE('joinWhere', (): Expression => {
    this.CONSUME(T.Where);
    return this.SUBRULE(this.expr);
  });

  /** `mv-apply x = arr to typeof(long) on (subquery)`. */
  mvApplyOp = this.RULE('mvApplyOp', (): TabularOperator => {
    const first = this.OR([{ ALT: () => this.CONSUME(T.MvApply) }, { ALT: () => this.CONSUME(T.MvApplyLegacy) }]);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const r = this.SUBRULE(this.mvExpandItems);
    this.CONSUME(T.On);
    const subquery = this.SUBRULE(this.contextualSubquery);
    return this.ACTION(() => ({ kind: 'MvApply' as const, params, ...r, subquery, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /**
   * `(op | op ...)` run over an implicit table (each row's values in mv-apply, each partition, fork's input): a
   * Paren(Pipeline) whose source is an empty name.
   */
  contextualSubquery = this.RULE('contextualSubquery', (): Expression => {
    const open = this.CONSUME(T.LParen);
    const opStart = this.LA(1);
    const operators: TabularOperator[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.Pipe, DEF: () => this.pushDefined(operators, this.OR(this.operatorAlternatives())) });
    const inner = this.ACTION(() => this.spanFrom(opStart));
    this.CONSUME(T.RParen);
    return this.ACTION(() => {
      const pipeline: Pipeline = { kind: 'Pipeline', source: missingName(inner.start), operators, span: inner };
      return { kind: 'Paren' as const, expression: pipeline, span: this.spanFrom(open) };
    });
  });

  /** `partition [params] by Col [in f(...) | in dynamic([...])] (subquery)` or `... { query }`. */
  partitionOp = this.RULE('partitionOp', (): TabularOperator => {
    const first = this.CONSUME(T.Partition);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    this.CONSUME(T.By);
    const by = this.SUBRULE(this.columnPath);
    const scope = this.OPTION(() => this.SUBRULE(this.partitionScope));
    let braces = false;
    const subquery = this.OR([
      { ALT: () => this.SUBRULE(this.contextualSubquery) },
      {
        ALT: () => {
          braces = true;
          return this.SUBRULE(this.bracedQuery);
        },
      },
    ]);
    return this.ACTION(() => ({
      kind: 'Partition' as const,
      params,
      by,
      ...(scope ? { scope } : {}),
      subquery,
      ...(braces ? { braces: true as const } : {}),
      span: this.spanFrom(first),
    }));
  }, DROP_ON_ERROR);

  /** `Col` or `Col.path.to.value`: a column (or a value inside one), never a call. */
  columnPath = this.RULE('columnPath', (): Expression => {
    let e: Expression = this.tok(T.AnyName, (t) => nameRef(identifier(t)));
    this.MANY(() => {
      this.CONSUME(T.Dot);
      const member = this.SUBRULE(this.declName);
      e = this.ACTION(() => ({ kind: 'Member' as const, target: e, member, span: { start: e.span.start, end: member.span.end } }));
    });
    return e;
  });

  /** `in f(...)` or `in dynamic([...])`: the partition keys to use. */
  partitionScope = this.RULE('partitionScope', (): Expression => {
    this.CONSUME(T.InTok);
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          // First: `dynamic(` would also read as a call.
          ALT: () => {
            const first = this.LA(1);
            const value = this.SUBRULE(this.dynamicContent);
            return this.ACTION(() => ({ kind: 'DynamicLiteral' as const, value, span: this.spanFrom(first) }));
          },
        },
        { ALT: () => this.SUBRULE(this.callExpr) },
      ],
    });
  });

  /** `{ query }` (partition's legacy form). */
  bracedQuery = this.RULE('bracedQuery', (): Expression => {
    this.CONSUME(T.LBrace);
    const query = this.SUBRULE(this.pipeExpr);
    this.CONSUME(T.RBrace);
    return query;
  });

  /** `fork (subquery) name = (subquery) ...`. */
  forkOp = this.RULE('forkOp', (): TabularOperator => {
    const first = this.CONSUME(T.Fork);
    const branches: ForkBranch[] = [];
    this.AT_LEAST_ONE(() => this.pushDefined(branches, this.SUBRULE(this.forkBranch)));
    return this.ACTION(() => ({ kind: 'Fork' as const, branches, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  forkBranch = this.RULE('forkBranch', (): ForkBranch => {
    const first = this.LA(1);
    const name = this.OPTION({ GATE: () => this.namedAssignAhead(), DEF: () => this.SUBRULE(this.nameThenEq) });
    const subquery = this.SUBRULE(this.contextualSubquery);
    return this.ACTION(() => ({ kind: 'ForkBranch' as const, ...(name ? { name } : {}), subquery, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `scan [params] [order by …] [partition by …] [declare (…)] with (step …; …)`. */
  scanOp = this.RULE('scanOp', (): TabularOperator => {
    const first = this.CONSUME(T.Scan);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const orderBy = this.OPTION(() => {
      this.CONSUME(T.Order);
      this.CONSUME(T.By);
      return this.SUBRULE(this.sortKeyList);
    });
    const partitionBy = this.OPTION2(() => {
      this.CONSUME(T.Partition);
      this.CONSUME2(T.By);
      return this.SUBRULE(this.exprList);
    });
    const declare = this.OPTION3(() => this.SUBRULE(this.scanDeclare)) ?? [];
    this.CONSUME(T.With);
    this.CONSUME(T.LParen);
    const steps: ScanStep[] = [];
    this.AT_LEAST_ONE(() => this.pushDefined(steps, this.SUBRULE(this.scanStep)));
    this.CONSUME(T.RParen);
    return this.ACTION(() => ({
      kind: 'Scan' as const,
      params,
      ...(orderBy ? { orderBy } : {}),
      ...(partitionBy ? { partitionBy } : {}),
      declare,
      steps,
      span: this.spanFrom(first),
    }));
  }, DROP_ON_ERROR);

  /** `declare (name:type [= default], ...)`. */
  scanDeclare = this.RULE(
    'scanDeclare',
    (): LambdaParam[] => {
      this.CONSUME(T.Declare);
      this.CONSUME(T.LParen);
      const params: LambdaParam[] = [];
      this.MANY_SEP({ SEP: T.Comma, DEF: () => this.pushDefined(params, this.SUBRULE(this.lambdaParam)) });
      this.CONSUME(T.RParen);
      return params;
    },
    { recoveryValueFunc: () => [] },
  );

  /** `step name [optional] [output=all|last|none]: Condition [=> c = expr, ...];`. */
  scanStep = this.RULE('scanStep', (): ScanStep => {
    const first = this.CONSUME(T.Step);
    const name: Identifier = this.SUBRULE(this.declName);
    const optional = this.OPTION({ GATE: () => this.LA(1).image === 'optional', DEF: () => this.CONSUME(T.AnyName) });
    const output = this.OPTION2({
      GATE: () => this.LA(1).image === 'output' && this.is(this.LA(2), T.Eq) && SCAN_OUTPUTS.has(this.LA(3).image),
      DEF: () => {
        this.CONSUME2(T.AnyName);
        this.CONSUME(T.Eq);
        return this.CONSUME3(T.AnyName);
      },
    });
    this.CONSUME(T.Colon);
    const condition = this.SUBRULE(this.expr);
    const assignments: Assignment[] = this.OPTION3(() => {
      this.CONSUME(T.FatArrow);
      return this.SUBRULE(this.assignmentList);
    }) ?? [];
    this.CONSUME(T.Semi);
    return this.ACTION(() => ({
      kind: 'ScanStep' as const,
      name,
      optional: optional !== undefined,
      ...(output ? { output: output.image as 'all' | 'last' | 'none' } : {}),
      condition,
      assignments,
      span: this.spanFrom(first),
    }));
  }, DROP_ON_ERROR);

  asOp = this.RULE('asOp', (): TabularOperator => {
    const first = this.CONSUME(T.As);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const name = this.SUBRULE(this.declName);
    return this.ACTION(() => ({ kind: 'As' as const, params, name, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  invokeOp = this.RULE('invokeOp', (): TabularOperator => {
    const first = this.CONSUME(T.Invoke);
    const call = this.SUBRULE(this.callExpr);
    return this.ACTION(() => ({ kind: 'Invoke' as const, call, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);
}

