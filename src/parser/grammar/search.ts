// search and find (search-operator.md, find-operator.md): both start a pipeline or follow a pipe, look through
// several tables (`in (T1, T2*)`) and take predicates with search's own forms (`"term"`, `Col:"x"`, `* has "x"`).

import type { ColumnDecl, Expression, FindExpr, SearchOp, TabularOperator } from '../ast.js';
import * as T from '../tokens.js';
import { binary, missingName, nameRef, tokenSpan } from '../to-ast.js';
import { DROP_ON_ERROR } from './base.js';
import { ClauseRules } from './clauses.js';
import { P_FIND, P_KNOWN } from './params.js';

type FindColumn = Expression | ColumnDecl;

export abstract class SearchRules extends ClauseRules {
  /** `search [params] [in (T, ...)] Predicate`; `search * and Predicate` is Binary('and', Star, Predicate). */
  searchOp = this.RULE('searchOp', (): SearchOp => {
    const first = this.CONSUME(T.Search);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_FIND] });
    const tables = this.OPTION(() => this.SUBRULE(this.tablesInClause));
    const predicate = this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.is(this.LA(1), T.Star) && this.is(this.LA(2), T.And), ALT: () => this.SUBRULE(this.starAnd) },
        {
          // `search *`: every row.
          GATE: () => this.is(this.LA(1), T.Star) && !this.is(this.LA(2), T.BinaryOperator),
          ALT: () => this.tok(T.Star, (t): Expression => ({ kind: 'Star', span: tokenSpan(t) })),
        },
        { ALT: () => this.SUBRULE(this.expr) },
      ],
    });
    return this.ACTION(() => {
      const span = this.spanFrom(first);
      return tables ? { kind: 'Search' as const, params, tables, predicate, span } : { kind: 'Search' as const, params, predicate, span };
    });
  }, DROP_ON_ERROR);

  /** `* and Predicate` (search only). */
  starAnd = this.RULE('starAnd', (): Expression => {
    const star = this.CONSUME(T.Star);
    this.CONSUME(T.And);
    const right = this.SUBRULE(this.expr);
    return this.ACTION(() => binary('and', { kind: 'Star', span: tokenSpan(star) }, right));
  });

  /** A table in union, search and find: a name, a wildcard name (`Email*`, a Name with wildcard: true), `(subquery)`. */
  unionTable = this.RULE(
    'unionTable',
    (): Expression =>
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          {
            GATE: () => this.wildcardAhead(),
            ALT: () => {
              const p = this.SUBRULE(this.columnPattern);
              return this.ACTION(() => ({ kind: 'Name' as const, name: p.pattern, quoted: false, wildcard: true, span: p.span }));
            },
          },
          { ALT: () => this.SUBRULE(this.operand, { ARGS: [false] }) },
        ],
      }),
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  /** A table of search/find: `T`, `T*`, or `T | as X` (Kusto's FindOperand: no parenthesised subqueries). */
  searchedTable = this.RULE(
    'searchedTable',
    (): Expression => {
      const first = this.LA(1);
      const table = this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          {
            GATE: () => this.wildcardAhead(),
            ALT: () => {
              const p = this.SUBRULE(this.columnPattern);
              return this.ACTION(() => ({ kind: 'Name' as const, name: p.pattern, quoted: false, wildcard: true, span: p.span }));
            },
          },
          {
            ALT: () => {
              const id = this.SUBRULE(this.declName);
              return this.ACTION(() => nameRef(id)) ?? missingName(0);
            },
          },
        ],
      });
      const as = this.OPTION(() => {
        this.CONSUME(T.Pipe);
        return this.SUBRULE(this.searchedTableAs);
      });
      return this.ACTION(() => (as ? { kind: 'Pipeline' as const, source: table, operators: [as], span: this.spanFrom(first) } : table));
    },
    DROP_ON_ERROR,
  );

  /** `as [params] Name` after a searched table. */
  searchedTableAs = this.RULE('searchedTableAs', (): TabularOperator => {
    const first = this.CONSUME(T.As);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const name = this.SUBRULE(this.declName);
    return this.ACTION(() => ({ kind: 'As' as const, params, name, span: this.spanFrom(first) }));
  });

  /** `in (T1, T2*, (T | as X))`: the tables of search and find. */
  tablesInClause = this.RULE(
    'tablesInClause',
    (): Expression[] => {
      this.CONSUME(T.InTok);
      this.CONSUME(T.LParen);
      const tables = this.commaList(this.searchedTable);
      this.CONSUME(T.RParen);
      return tables;
    },
    { recoveryValueFunc: () => [] },
  );

  /** `find [params] [in (...)] [where] Predicate [project ... | project-smart] [project-away ...]`. */
  findExpr = this.RULE('findExpr', (): FindExpr => {
    const first = this.CONSUME(T.Find);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_FIND] });
    const tables = this.OPTION(() => this.SUBRULE(this.tablesInClause));
    this.OPTION2(() => this.CONSUME(T.Where));
    const predicate = this.SUBRULE(this.expr);
    let project: FindColumn[] | undefined;
    let projectSmart = false;
    this.OPTION3(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Project);
            project = this.commaList(this.findColumn);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.ProjectSmart);
            projectSmart = true;
          },
        },
      ]),
    );
    const projectAway = this.OPTION4(() => this.SUBRULE(this.findProjectAway));
    return this.ACTION(() => {
      const span = this.spanFrom(first);
      return {
        kind: 'Find' as const,
        text: this.text.slice(span.start, span.end),
        ...(params.length ? { params } : {}),
        ...(tables ? { tables } : {}),
        predicate,
        ...(project ? { project } : {}),
        ...(projectSmart ? { projectSmart: true as const } : {}),
        ...(projectAway ? { projectAway } : {}),
        span,
      };
    });
  }, DROP_ON_ERROR);

  findProjectAway = this.RULE('findProjectAway', (): FindColumn[] => {
    this.CONSUME(T.ProjectAway);
    return this.commaList(this.findColumn);
  });

  /** `Col`, `Col:type`, `*` or `pack(*)` in find's project lists. */
  findColumn = this.RULE(
    'findColumn',
    (): FindColumn =>
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.tok(T.Star, (t): Expression => ({ kind: 'Star', span: tokenSpan(t) })) },
          { GATE: () => this.is(this.LA(2), T.Colon), ALT: () => this.SUBRULE(this.columnDecl) },
          { GATE: () => this.is(this.LA(2), T.LParen), ALT: () => this.SUBRULE(this.callExpr) },
          {
            ALT: () => {
              const id = this.SUBRULE(this.declName);
              return this.ACTION(() => nameRef(id)) ?? missingName(0);
            },
          },
        ],
      }),
    DROP_ON_ERROR,
  );
}
