// Tabular operators that filter, order or limit rows, or describe the input: where, sort, top, take, count,
// distinct, sample, sample-distinct, getschema, render. One rule per operator (docs: <operator>-operator.md).

import type { Assignment, Expression, Identifier, OperatorParam, SortKey, TabularOperator } from '../ast.js';
import * as T from '../tokens.js';
import { identifier, missingIdentifier, tokenSpan } from '../to-ast.js';
import { DROP_ON_ERROR } from './base.js';
import { ColumnOperatorRules } from './operators-columns.js';
import { P_GETSCHEMA, P_KNOWN } from './params.js';

/** `params` in an operator node only when written, for the operators that had none before (ast.ts). */
const optionalParams = (params: readonly OperatorParam[]) => (params.length > 0 ? { params } : {});

/** Legacy render properties, written without `with (...)` (Kusto's DeprecatedRenderProperty). */
const LEGACY_RENDER_PROPERTIES = new Set(['kind', 'title', 'accumulate']);
/** Render properties whose value is a list of columns (`ycolumns=a, b`). */
const RENDER_COLUMN_LISTS = new Set(['ycolumns', 'anomalycolumns', 'series']);

export abstract class RowOperatorRules extends ColumnOperatorRules {
  whereOp = this.RULE('whereOp', (): TabularOperator => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Where) }, { ALT: () => this.CONSUME(T.Filter) }]);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const predicate = this.SUBRULE(this.expr);
    return this.ACTION(() => ({ kind: 'Where' as const, keyword: kw.image, ...optionalParams(params), predicate, span: this.spanFrom(kw) }));
  }, DROP_ON_ERROR);

  sortOp = this.RULE('sortOp', (): TabularOperator => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Sort) }, { ALT: () => this.CONSUME(T.Order) }]);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    this.CONSUME(T.By);
    const keys = this.SUBRULE(this.sortKeyList);
    return this.ACTION(() => ({ kind: 'Sort' as const, keyword: kw.image, ...optionalParams(params), keys, span: this.spanFrom(kw) }));
  }, DROP_ON_ERROR);

  topOp = this.RULE('topOp', (): TabularOperator => {
    const first = this.CONSUME(T.Top);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const count = this.SUBRULE(this.expr);
    this.CONSUME(T.By);
    const keys: SortKey[] = [];
    this.pushDefined(keys, this.SUBRULE(this.sortKey));
    return this.ACTION(() => ({ kind: 'Top' as const, ...optionalParams(params), count, keys, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  takeOp = this.RULE('takeOp', (): TabularOperator => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Take) }, { ALT: () => this.CONSUME(T.Limit) }]);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const count = this.SUBRULE(this.expr);
    return this.ACTION(() => ({ kind: 'Take' as const, keyword: kw.image, ...optionalParams(params), count, span: this.spanFrom(kw) }));
  }, DROP_ON_ERROR);

  /** `count` or `count as Name`. */
  countOp = this.RULE('countOp', (): TabularOperator => {
    const first = this.CONSUME(T.Count);
    const as = this.OPTION(() => {
      this.CONSUME(T.As);
      return this.tok(T.AnyName, identifier);
    });
    return this.ACTION(() => ({ kind: 'Count' as const, ...(as ? { as } : {}), span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `distinct a, b`, `distinct *`, `distinct A = expr, *`. */
  distinctOp = this.RULE('distinctOp', (): TabularOperator => {
    const first = this.CONSUME(T.Distinct);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const items = this.commaList(this.distinctItem);
    return this.ACTION(() => {
      const columns = items.length === 1 && items[0]!.kind === 'Star' ? ('*' as const) : items;
      return { kind: 'Distinct' as const, ...optionalParams(params), columns, span: this.spanFrom(first) };
    });
  }, DROP_ON_ERROR);

  distinctItem = this.RULE(
    'distinctItem',
    (): Expression =>
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          // First, as in Kusto: `distinct * has "a"` is an error, not a predicate.
          { ALT: () => this.tok(T.Star, (t): Expression => ({ kind: 'Star', span: tokenSpan(t) })) },
          { GATE: () => this.namedAssignAhead(), ALT: () => this.SUBRULE(this.namedArg) },
          { ALT: () => this.SUBRULE(this.expr) },
        ],
      }),
    DROP_ON_ERROR,
  );

  sampleOp = this.RULE('sampleOp', (): TabularOperator => {
    const first = this.CONSUME(T.Sample);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const count = this.SUBRULE(this.expr);
    return this.ACTION(() => ({ kind: 'Sample' as const, ...optionalParams(params), count, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `sample-distinct N of Expr`. */
  sampleDistinctOp = this.RULE('sampleDistinctOp', (): TabularOperator => {
    const first = this.CONSUME(T.SampleDistinct);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const count = this.SUBRULE(this.expr);
    const of = this.SUBRULE(this.ofClause);
    return this.ACTION(() => ({ kind: 'SampleDistinct' as const, ...optionalParams(params), count, of, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `of Expr` or `of Name = Expr` (sample-distinct, top-hitters, top-nested). */
  ofClause = this.RULE('ofClause', (): Assignment => {
    this.CONSUME(T.Of);
    return this.SUBRULE(this.assignment);
  });

  getSchemaOp = this.RULE('getSchemaOp', (): TabularOperator => {
    const first = this.CONSUME(T.GetSchema);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_GETSCHEMA] });
    return this.ACTION(() => ({ kind: 'GetSchema' as const, ...optionalParams(params), span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `render chart [kind=… title=… accumulate=…] [with (name = value, …)]`. */
  renderOp = this.RULE('renderOp', (): TabularOperator => {
    const first = this.CONSUME(T.Render);
    const chart = this.SUBRULE(this.declName);
    const properties: OperatorParam[] = [];
    let by: Identifier[] | undefined;
    this.MANY({
      GATE: () => this.is(this.LA(1), T.By) || (this.is(this.LA(2), T.Eq) && LEGACY_RENDER_PROPERTIES.has(this.LA(1).image)),
      DEF: () =>
        this.OR([
          { ALT: () => (by = this.SUBRULE(this.renderBy)) },
          { ALT: () => this.pushDefined(properties, this.SUBRULE(this.renderProperty)) },
        ]),
    });
    const withProperties = this.OPTION(() => this.SUBRULE(this.renderWith)) ?? [];
    return this.ACTION(() => ({
      kind: 'Render' as const,
      chart,
      properties: [...properties, ...withProperties],
      ...(by ? { by } : {}),
      span: this.spanFrom(first),
    }));
  }, DROP_ON_ERROR);

  /** The legacy `by a, b` of render. */
  renderBy = this.RULE(
    'renderBy',
    (): Identifier[] => {
      this.CONSUME(T.By);
      return this.commaList(this.declName);
    },
    { recoveryValueFunc: () => [] },
  );

  renderWith = this.RULE(
    'renderWith',
    (): OperatorParam[] => {
      const properties: OperatorParam[] = [];
      this.CONSUME(T.With);
      this.CONSUME(T.LParen);
      this.MANY_SEP({ SEP: T.Comma, DEF: () => this.pushDefined(properties, this.SUBRULE(this.renderProperty)) });
      this.CONSUME(T.RParen);
      return properties;
    },
    { recoveryValueFunc: () => [] },
  );

  /** `name = value`, where a title may be any call (`title=strcat(...)`) and ycolumns/series a column list. */
  renderProperty = this.RULE(
    'renderProperty',
    (): OperatorParam => {
      const name = this.CONSUME(T.AnyName);
      this.CONSUME(T.Eq);
      const value = this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          {
            GATE: () => RENDER_COLUMN_LISTS.has(name.image) && this.is(this.LA(2), T.Comma) && !this.is(this.LA(4), T.Eq),
            ALT: (): OperatorParam['value'] => {
              const names = [this.SUBRULE(this.declName)];
              this.MANY({
                GATE: () => this.is(this.LA(1), T.Comma) && !this.is(this.LA(3), T.Eq),
                DEF: () => this.pushDefined(names, this.SUBRULE(this.renderColumn)),
              });
              return this.ACTION(() => ({ kind: 'NameList' as const, names, span: { start: names[0]!.span.start, end: names[names.length - 1]!.span.end } }));
            },
          },
          { GATE: () => this.is(this.LA(2), T.LParen), ALT: (): OperatorParam['value'] => this.SUBRULE(this.callExpr) },
          { ALT: (): OperatorParam['value'] => this.SUBRULE(this.paramValue) },
        ],
      });
      return this.ACTION(() => ({ kind: 'OperatorParam' as const, name: name.image, value, span: this.spanFrom(name) }));
    },
    DROP_ON_ERROR,
  );

  /** `, Column` in a render column list (the list stops before the next `name =` property). */
  renderColumn = this.RULE(
    'renderColumn',
    (): Identifier => {
      this.CONSUME(T.Comma);
      return this.SUBRULE(this.declName);
    },
    { recoveryValueFunc: () => missingIdentifier(this.here()) },
  );
}
