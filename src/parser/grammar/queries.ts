// Scripts, statements, `let` and lambdas, pipelines, and the tabular sources that start a pipeline without input
// (datatable, print, range, union, externaldata, evaluate; find and search are in search.ts).

import { EOF } from 'chevrotain';
import type {
  EvaluateOp,
  Expression,
  Lambda,
  LambdaParam,
  LetStatement,
  Pipeline,
  Script,
  Statement,
  TabularOperator,
  TabularTypeRef,
  UnionOp,
} from '../ast.js';
import * as T from '../tokens.js';
import { DROP_ON_ERROR } from './base.js';
import { unexpectedToken } from '../syntax-errors.js';
import { missingName } from '../to-ast.js';
import { P_KNOWN, P_UNION } from './params.js';
import { SearchRules } from './search.js';

export abstract class QueryRules extends SearchRules {
  // -------------------------------------------------------------------------------------------------------------
  // Script and statements

  script = this.RULE('script', (): Script => {
    const statements: Statement[] = [];
    this.OPTION(() => this.pushDefined(statements, this.SUBRULE(this.statement)));
    this.skipStrayTokens();
    this.MANY(() => {
      this.pushDefined(statements, this.SUBRULE(this.nextStatement));
      this.skipStrayTokens();
    });
    return this.ACTION(() => ({ kind: 'Script', statements, span: { start: 0, end: this.text.length } }));
  });

  /** `; statement`, or a lone `;` (undefined). */
  nextStatement = this.RULE('nextStatement', (): Statement | undefined => {
    this.CONSUME(T.Semi);
    return this.OPTION(() => this.SUBRULE(this.statement));
  }, DROP_ON_ERROR);

  /**
   * Tokens after a complete statement, up to the next `;`: one error, then parsing resumes with the next statement,
   * so that each statement's errors are reported. They are skipped outside the grammar (SKIP_TOKEN in an ACTION):
   * as a grammar alternative, "any token" would join every rule's follow set and spoil chevrotain's re-syncing.
   */
  private skipStrayTokens(): void {
    this.ACTION(() => {
      const first = this.LA(1);
      if (first.tokenType === EOF || this.is(first, T.Semi)) return;
      // Error recovery may stop right before the token it complained about: do not report that token twice.
      if (first.startOffset > this.lastErrorAt) this.reportError(unexpectedToken(first, "end of input or ';'", this.text));
      while (this.LA(1).tokenType !== EOF && !this.is(this.LA(1), T.Semi)) this.SKIP_TOKEN();
    });
  }

  statement = this.RULE(
    'statement',
    (): Statement =>
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE(this.letStatement) },
          {
            GATE: () => this.is(this.LA(1), T.Declare) && this.LA(2).image === 'query_parameters' && this.is(this.LA(3), T.LParen),
            ALT: () => this.SUBRULE(this.queryParametersStatement),
          },
          {
            GATE: () =>
              (this.is(this.LA(1), T.Set) || this.is(this.LA(1), T.Declare) || this.is(this.LA(1), T.Alias)) &&
              this.is(this.LA(2), T.AnyName),
            ALT: () => this.SUBRULE(this.unsupportedStatement),
          },
          {
            ALT: () => {
              const first = this.LA(1);
              const expression = this.SUBRULE(this.pipeExpr);
              return this.ACTION(() => ({ kind: 'QueryStatement' as const, expression, span: this.spanFrom(first) }));
            },
          },
        ],
      }),
    { recoveryValueFunc: () => undefined as unknown as Statement },
  );

  /** `set x = y`, `declare ...`, `alias ...`: kept as text so the binder can refuse them by name. */
  unsupportedStatement = this.RULE('unsupportedStatement', (): Statement => {
    const kw = this.CONSUME(T.AnyName);
    this.MANY({
      GATE: () => !this.is(this.LA(1), T.Semi) && this.LA(1).tokenType !== EOF,
      DEF: () => this.CONSUME(T.AnyTok),
    });
    return this.ACTION(() => {
      const span = this.spanFrom(kw);
      return { kind: 'UnsupportedStatement' as const, keyword: kw.image, text: this.text.slice(span.start, span.end), span };
    });
  });

  /** `declare query_parameters(name:type [= default], ...)`: an UnsupportedStatement with its parameters. */
  queryParametersStatement = this.RULE('queryParametersStatement', (): Statement => {
    const kw = this.CONSUME(T.Declare);
    this.CONSUME(T.AnyName);
    this.CONSUME(T.LParen);
    const queryParameters: LambdaParam[] = [];
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.pushDefined(queryParameters, this.SUBRULE(this.lambdaParam)) });
    this.CONSUME(T.RParen);
    return this.ACTION(() => {
      const span = this.spanFrom(kw);
      return { kind: 'UnsupportedStatement' as const, keyword: kw.image, text: this.text.slice(span.start, span.end), queryParameters, span };
    });
  });

  letStatement = this.RULE('letStatement', (): LetStatement => {
    const first = this.CONSUME(T.Let);
    const name = this.SUBRULE(this.declName);
    this.CONSUME(T.Eq);
    const value = this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          // `let V = view () { ... }` (let-statement.md) is a lambda without parameters.
          GATE: () => this.lambdaAhead() || (this.LA(1).image === 'view' && this.is(this.LA(2), T.LParen)),
          ALT: () => this.SUBRULE(this.lambda) as Lambda | Expression,
        },
        { ALT: () => this.SUBRULE(this.pipeExpr) },
      ],
    });
    return this.ACTION(() => ({ kind: 'Let' as const, name, value, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `(` then `)` or `name:`: a lambda rather than a parenthesised expression. */
  private lambdaAhead(): boolean {
    if (!this.is(this.LA(1), T.LParen)) return false;
    if (this.is(this.LA(2), T.RParen)) return true;
    if (this.is(this.LA(2), T.AnyName)) return this.is(this.LA(3), T.Colon);
    return this.is(this.LA(2), T.LBracket) && this.is(this.LA(3), T.StringTok) && this.is(this.LA(5), T.Colon);
  }

  lambda = this.RULE('lambda', (): Lambda => {
    const view = this.OPTION({ GATE: () => this.LA(1).image === 'view', DEF: () => this.CONSUME(T.AnyName) });
    const first = this.CONSUME(T.LParen);
    const params: LambdaParam[] = [];
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.pushDefined(params, this.SUBRULE(this.lambdaParam)) });
    this.CONSUME(T.RParen);
    this.CONSUME(T.LBrace);
    const lets: LetStatement[] = [];
    this.MANY(() => {
      this.pushDefined(lets, this.SUBRULE(this.letStatement));
      this.CONSUME(T.Semi);
    });
    const body = this.SUBRULE(this.pipeExpr);
    this.OPTION2(() => this.CONSUME2(T.Semi));
    this.CONSUME(T.RBrace);
    return this.ACTION(() => ({ kind: 'Lambda' as const, ...(view ? { view: true as const } : {}), params, lets, body, span: this.spanFrom(first) }));
  });

  lambdaParam = this.RULE('lambdaParam', (): LambdaParam => {
    const first = this.LA(1);
    const name = this.SUBRULE(this.declName);
    this.CONSUME(T.Colon);
    const type = this.OR([
      { ALT: () => this.SUBRULE(this.tabularType) as LambdaParam['type'] },
      { ALT: () => this.SUBRULE(this.scalarType) },
    ]);
    let defaultValue: Expression | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Eq);
      defaultValue = this.SUBRULE(this.expr);
    });
    return this.ACTION(() => {
      const span = this.spanFrom(first);
      return defaultValue
        ? { kind: 'LambdaParam' as const, name, type, defaultValue, span }
        : { kind: 'LambdaParam' as const, name, type, span };
    });
  }, DROP_ON_ERROR);

  // -------------------------------------------------------------------------------------------------------------
  // Pipelines

  /** `source | op | op ...`; a pipeline without operators is just its source expression. */
  pipeExpr = this.RULE(
    'pipeExpr',
    (): Expression => {
      const first = this.LA(1);
      const source = this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { GATE: () => this.sourceAhead(), ALT: () => this.SUBRULE(this.tabularSource) },
          { ALT: () => this.SUBRULE(this.expr) },
        ],
      });
      const operators: TabularOperator[] = [];
      this.MANY(() => {
        this.CONSUME(T.Pipe);
        this.pushDefined(operators, this.OR2(this.operatorAlternatives()));
      });
      return this.ACTION(() => {
        // A union or evaluate source abandoned by error recovery is undefined (DROP_ON_ERROR): keep a placeholder.
        const src = source ?? missingName(this.spanFrom(first).start);
        return operators.length === 0 ? src : ({ kind: 'Pipeline', source: src, operators, span: this.spanFrom(first) } satisfies Pipeline);
      });
    },
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  private sourceAhead(): boolean {
    const tt = this.LA(1).tokenType;
    if (tt === T.Union || tt === T.Print || tt === T.Datatable || tt === T.Externaldata || tt === T.ExternalDataAlt || tt === T.Find || tt === T.Search) {
      return true;
    }
    if (tt === T.Evaluate) return this.is(this.LA(2), T.AnyName) || this.is(this.LA(2), T.HintName);
    if (tt === T.Range) return this.is(this.LA(2), T.AnyName) && this.is(this.LA(3), T.From);
    return false;
  }

  tabularSource = this.RULE('tabularSource', (): Expression =>
    this.OR([
      { ALT: () => this.SUBRULE(this.datatableExpr) },
      { ALT: () => this.SUBRULE(this.printExpr) },
      { ALT: () => this.SUBRULE(this.rangeExpr) },
      { ALT: () => this.SUBRULE(this.unionOp) },
      { ALT: () => this.SUBRULE(this.externaldataExpr) },
      { ALT: () => this.SUBRULE(this.evaluateOp) },
      { ALT: () => this.SUBRULE(this.findExpr) },
      { ALT: () => this.SUBRULE(this.searchOp) },
    ]),
  );

  // -------------------------------------------------------------------------------------------------------------
  // Tabular sources

  datatableExpr = this.RULE('datatableExpr', (): Expression => {
    const first = this.CONSUME(T.Datatable);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const columns = this.SUBRULE(this.columnDeclList);
    const values = this.SUBRULE(this.bracketList);
    return this.ACTION(() => ({ kind: 'Datatable' as const, ...(params.length ? { params } : {}), columns, values, span: this.spanFrom(first) }));
  });

  printExpr = this.RULE('printExpr', (): Expression => {
    const first = this.CONSUME(T.Print);
    const items = this.SUBRULE(this.assignmentList);
    return this.ACTION(() => ({ kind: 'Print' as const, items, span: this.spanFrom(first) }));
  });

  /** `range x from 1 to 10 step 1`. */
  rangeExpr = this.RULE('rangeExpr', (): Expression => {
    const first = this.CONSUME(T.Range);
    const column = this.SUBRULE(this.declName);
    const from = this.SUBRULE(this.fromClause);
    const to = this.SUBRULE(this.toClause);
    const step = this.SUBRULE(this.stepClause);
    return this.ACTION(() => ({ kind: 'Range' as const, column, from, to, step, span: this.spanFrom(first) }));
  });

  externaldataExpr = this.RULE('externaldataExpr', (): Expression => {
    const first = this.OR([{ ALT: () => this.CONSUME(T.Externaldata) }, { ALT: () => this.CONSUME(T.ExternalDataAlt) }]);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const columns = this.SUBRULE(this.columnDeclList);
    const uris = this.SUBRULE(this.bracketList);
    const properties = this.OPTION(() => this.SUBRULE(this.withProperties)) ?? [];
    return this.ACTION(() => ({
      kind: 'Externaldata' as const,
      ...(params.length ? { params } : {}),
      columns,
      uris,
      properties,
      span: this.spanFrom(first),
    }));
  });

  /** `with (name = value, ...)`. */
  withProperties = this.RULE('withProperties', () => {
    this.CONSUME(T.With);
    return this.SUBRULE(this.propertyList);
  });

  /** `union kind=outer withsource=T isfuzzy=true A, B, (C | where x), E*` (as a source or after a pipe). */
  unionOp = this.RULE('unionOp', (): UnionOp => {
    const first = this.CONSUME(T.Union);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_UNION] });
    const tables = this.commaList(this.unionTable);
    return this.ACTION(() => ({ kind: 'Union' as const, params, tables, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `evaluate bag_unpack(d)`, `evaluate pivot(k)`, with an optional output schema `: (c:type, ...)`. */
  evaluateOp = this.RULE('evaluateOp', (): EvaluateOp => {
    const first = this.CONSUME(T.Evaluate);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const call = this.SUBRULE(this.callExpr);
    let schema: TabularTypeRef | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Colon);
      schema = this.SUBRULE(this.tabularType);
    });
    return this.ACTION(() => {
      const span = this.spanFrom(first);
      return schema ? { kind: 'Evaluate' as const, params, call, schema, span } : { kind: 'Evaluate' as const, params, call, span };
    });
  }, DROP_ON_ERROR);
}
