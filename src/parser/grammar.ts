// The KQL grammar (chevrotain EmbeddedActionsParser). Rules describe syntax; node construction and literal decoding
// live in to-ast.ts / literals.ts. Every semantic action is wrapped in ACTION() because chevrotain first runs the
// rules in a "recording" phase with placeholder results. Soft keywords (see tokens.ts) are consumed through the
// AnyName category; where a soft keyword could start two alternatives, a GATE looks at the next tokens.
// Grammar references: docs (MicrosoftDocs/dataexplorer-docs, data-explorer/kusto/query/*-operator.md) and
// microsoft/Kusto-Query-Language grammar/KqlParser.g4.

import {
  EmbeddedActionsParser,
  EOF,
  tokenMatcher,
  type IParserErrorMessageProvider,
  type IToken,
  type TokenType,
} from 'chevrotain';
import type { Diagnostic, Span } from '../diagnostics.js';
import type {
  Assignment,
  BetweenExpr,
  CallExpr,
  ColumnDecl,
  ColumnPattern,
  DynamicNode,
  Expression,
  Identifier,
  Lambda,
  LambdaParam,
  LetStatement,
  MakeSeriesAggregate,
  MakeSeriesOp,
  MvExpandItem,
  OperatorParam,
  ParsePatternPart,
  Pipeline,
  ProjectRenameOp,
  ProjectReorderOp,
  ScalarTypeRef,
  Script,
  SortKey,
  Statement,
  TabularOperator,
  TabularTypeRef,
  UnionOp,
  EvaluateOp,
} from './ast.js';
import * as T from './tokens.js';
import {
  binary,
  comparisonOp,
  identifier,
  isRealToken,
  listOp,
  longLiteral,
  missingIdentifier,
  missingName,
  nameRef,
  realLiteral,
  scalarTypeRef,
  spanBetween,
  stringLiteral,
  timespanLiteral,
  tokenEnd,
  tokenSpan,
  typedLiteral,
} from './to-ast.js';
import { decodeString } from './literals.js';

// Operator parameters each operator accepts (docs: the operator's Syntax section). `hint.*` stands for any hint.
const P_HINT = new Set(['hint.*']);
const P_JOIN = new Set(['kind', 'hint.*']);
const P_UNION = new Set(['kind', 'withsource', 'isfuzzy', 'hint.*']);
const P_MVEXPAND = new Set(['kind', 'bagexpansion', 'with_itemindex', 'hint.*']);
const P_MAKESERIES = new Set(['kind', 'hint.*']);
const P_PARSE = new Set(['kind', 'flags']);
const P_AS = new Set(['hint.*']);

/** Words the grammar reserves but that may still follow a `.` as a member name (`d.by`, `bag.and`). */
const RESERVED_MEMBER_TOKENS: TokenType[] = [T.And, T.Or, T.By, T.Let, T.Union, T.Print, T.Datatable, T.Externaldata, T.Find, T.Matches, T.True, T.False];

function label(t: TokenType): string {
  if (t === T.AnyName) return 'a name';
  if (t === EOF) return 'end of input';
  return t.LABEL ?? t.name;
}

const EXPRESSION_STARTS = [
  "'-'", "'+'", 'string literal', 'integer literal', 'hex literal', 'real literal', 'timespan literal', 'typed literal',
  "'true'", "'false'", "'dynamic'", "'typeof'", "'$left'", "'$right'", "'('", "'['", 'a name',
];

function expectedList(paths: TokenType[][][] | TokenType[][]): string {
  const seen = new Set<string>();
  const flat = (paths as unknown[]).flat(1) as TokenType[][];
  for (const path of flat) {
    const first = Array.isArray(path) ? path[0] : (path as unknown as TokenType);
    if (first) seen.add(label(first));
  }
  // Everything that can start an expression is one idea for the reader.
  if (seen.has('string literal') && seen.has('a name')) {
    for (const l of EXPRESSION_STARTS) seen.delete(l);
    seen.add('an expression');
  }
  const all = [...seen];
  return all.length > 6 ? `${all.slice(0, 6).join(', ')}, ...` : all.join(', ');
}

/** Messages carry only the "expected" part; parse() wraps them into syntax-unexpected-token diagnostics. */
export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => label(expected),
  buildNotAllInputParsedMessage: () => "end of input or ';'",
  buildNoViableAltMessage: ({ expectedPathsPerAlt }) => expectedList(expectedPathsPerAlt),
  buildEarlyExitMessage: ({ expectedIterationPaths }) => expectedList(expectedIterationPaths),
};

export class KqlParser extends EmbeddedActionsParser {
  /** Source text of the current parse (for UnsupportedStatement / Find text). */
  text = '';
  /** Diagnostics raised by semantic actions (bad literals, unknown type names). */
  diags: Diagnostic[] = [];

  constructor() {
    super(T.ALL_TOKENS, { recoveryEnabled: true, maxLookahead: 2, errorMessageProvider });
    this.performSelfAnalysis();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Helpers (runtime only: used inside GATE and ACTION)

  private is(t: IToken, type: TokenType): boolean {
    return tokenMatcher(t, type);
  }

  private here(): number {
    const t = this.LA(1);
    if (isRealToken(t)) return t.startOffset;
    const prev = this.LA(0);
    return isRealToken(prev) ? tokenEnd(prev) : this.text.length;
  }

  private spanFrom(first: IToken): Span {
    return spanBetween(first, this.LA(0), this.here());
  }

  /** Consumes one token and maps it to a node (a placeholder during chevrotain's recording phase). */
  private tok<N>(idx: number, type: TokenType, build: (t: IToken) => N): N {
    const t = this.consume(idx, type);
    return this.ACTION(() => build(t)) ?? (missingName(0) as N);
  }

  private paramAhead(allowed: ReadonlySet<string>): boolean {
    const t1 = this.LA(1);
    if (!this.is(this.LA(2), T.Eq)) return false;
    if (this.is(t1, T.HintName)) return allowed.has('hint.*');
    return this.is(t1, T.AnyName) && allowed.has(t1.image);
  }

  private namedAssignAhead(): boolean {
    if (this.is(this.LA(1), T.AnyName)) return this.is(this.LA(2), T.Eq);
    return (
      this.is(this.LA(1), T.LBracket) &&
      this.is(this.LA(2), T.StringTok) &&
      this.is(this.LA(3), T.RBracket) &&
      this.is(this.LA(4), T.Eq)
    );
  }

  /** `(a, b) = expr` in extend/project/summarize. */
  private tupleAssignAhead(): boolean {
    if (!this.is(this.LA(1), T.LParen)) return false;
    let i = 2;
    for (;;) {
      if (this.is(this.LA(i), T.AnyName)) i++;
      else if (this.is(this.LA(i), T.LBracket) && this.is(this.LA(i + 1), T.StringTok) && this.is(this.LA(i + 2), T.RBracket)) i += 3;
      else return false;
      if (this.is(this.LA(i), T.RParen)) return this.is(this.LA(i + 1), T.Eq);
      if (!this.is(this.LA(i), T.Comma)) return false;
      i++;
    }
  }

  /** `(` then `)` or `name:`: a lambda rather than a parenthesised expression. */
  private lambdaAhead(): boolean {
    if (!this.is(this.LA(1), T.LParen)) return false;
    if (this.is(this.LA(2), T.RParen)) return true;
    if (this.is(this.LA(2), T.AnyName)) return this.is(this.LA(3), T.Colon);
    return this.is(this.LA(2), T.LBracket) && this.is(this.LA(3), T.StringTok) && this.is(this.LA(5), T.Colon);
  }

  /** Name/star tokens written without spaces between them, containing at least one `*`: a wildcard pattern. */
  private wildcardAhead(): boolean {
    let i = 1;
    let star = false;
    let prev: IToken | undefined;
    for (;;) {
      const t = this.LA(i);
      if (!(this.is(t, T.AnyName) || this.is(t, T.Star))) break;
      if (prev && tokenEnd(prev) !== t.startOffset) break;
      if (this.is(t, T.Star)) star = true;
      prev = t;
      i++;
    }
    return star;
  }

  private sourceAhead(): boolean {
    const t = this.LA(1);
    const tt = t.tokenType;
    if (tt === T.Union || tt === T.Print || tt === T.Datatable || tt === T.Externaldata || tt === T.Find) return true;
    if (tt === T.Evaluate) return this.is(this.LA(2), T.AnyName) || this.is(this.LA(2), T.HintName);
    if (tt === T.Range) return this.is(this.LA(2), T.AnyName) && this.is(this.LA(3), T.From);
    return false;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Script and statements

  script = this.RULE('script', (): Script => {
    const statements: Statement[] = [];
    this.OPTION(() => statements.push(this.SUBRULE(this.statement)));
    this.MANY(() => {
      this.CONSUME(T.Semi);
      this.OPTION2(() => statements.push(this.SUBRULE2(this.statement)));
    });
    return this.ACTION(() => ({
      kind: 'Script',
      statements: statements.filter((s) => s !== undefined),
      span: { start: 0, end: this.text.length },
    }));
  });

  statement = this.RULE(
    'statement',
    (): Statement =>
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE(this.letStatement) },
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

  letStatement = this.RULE('letStatement', (): LetStatement => {
    const first = this.CONSUME(T.Let);
    const name = this.SUBRULE(this.declName);
    this.CONSUME(T.Eq);
    const value = this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.lambdaAhead(), ALT: () => this.SUBRULE(this.lambda) },
        {
          // `let V = view () { ... }` (let-statement.md): a lambda marked as a view.
          GATE: () => this.LA(1).image === 'view' && this.is(this.LA(2), T.LParen),
          ALT: () => {
            this.CONSUME(T.AnyName);
            return this.SUBRULE2(this.lambda);
          },
        },
        { ALT: () => this.SUBRULE(this.pipeExpr) },
      ],
    });
    return this.ACTION(() => ({ kind: 'Let' as const, name, value, span: this.spanFrom(first) }));
  });

  lambda = this.RULE('lambda', (): Lambda => {
    const first = this.CONSUME(T.LParen);
    const params: LambdaParam[] = [];
    this.OPTION(() => {
      params.push(this.SUBRULE(this.lambdaParam));
      this.MANY(() => {
        this.CONSUME(T.Comma);
        params.push(this.SUBRULE2(this.lambdaParam));
      });
    });
    this.CONSUME(T.RParen);
    this.CONSUME(T.LBrace);
    const lets: LetStatement[] = [];
    this.MANY2(() => {
      lets.push(this.SUBRULE(this.letStatement));
      this.CONSUME(T.Semi);
    });
    const body = this.SUBRULE(this.pipeExpr);
    this.OPTION2(() => this.CONSUME2(T.Semi));
    this.CONSUME(T.RBrace);
    return this.ACTION(() => ({ kind: 'Lambda' as const, params, lets, body, span: this.spanFrom(first) }));
  });

  lambdaParam = this.RULE('lambdaParam', (): LambdaParam => {
    const first = this.LA(1);
    const name = this.SUBRULE(this.declName);
    this.CONSUME(T.Colon);
    const type = this.OR([
      { ALT: () => this.SUBRULE(this.tabularType) as ScalarTypeRef | TabularTypeRef },
      { ALT: () => this.SUBRULE(this.scalarType) },
    ]);
    let defaultValue: Expression | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Eq);
      defaultValue = this.SUBRULE(this.orExpr);
    });
    return this.ACTION(() => {
      const span = this.spanFrom(first);
      return defaultValue
        ? { kind: 'LambdaParam' as const, name, type, defaultValue, span }
        : { kind: 'LambdaParam' as const, name, type, span };
    });
  });

  // -------------------------------------------------------------------------------------------------------------
  // Names and types

  declName = this.RULE(
    'declName',
    (): Identifier =>
      this.OR([
        { ALT: () => this.tok(1, T.AnyName, identifier) },
        { ALT: () => this.SUBRULE(this.quotedName) },
      ]),
    { recoveryValueFunc: () => missingIdentifier(this.here()) },
  );

  quotedName = this.RULE('quotedName', (): Identifier => {
    const first = this.CONSUME(T.LBracket);
    const s = this.CONSUME(T.StringTok);
    this.CONSUME(T.RBracket);
    return this.ACTION(() => ({
      kind: 'Identifier' as const,
      name: decodeString(s.image).value,
      quoted: true,
      span: this.spanFrom(first),
    }));
  });

  scalarType = this.RULE('scalarType', (): ScalarTypeRef => {
    const t = this.CONSUME(T.AnyName);
    return this.ACTION(() => scalarTypeRef(t, this.diags));
  });

  tabularType = this.RULE('tabularType', (): TabularTypeRef => {
    const first = this.CONSUME(T.LParen);
    const columns: ColumnDecl[] = [];
    let wildcard = false;
    const item = (idx: number) =>
      this.or(idx, [
        {
          ALT: () => {
            this.consume(idx, T.Star);
            wildcard = true;
          },
        },
        { ALT: () => void columns.push(this.subrule(idx, this.columnDecl)) },
      ]);
    this.OPTION(() => {
      item(1);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        item(2);
      });
    });
    this.CONSUME(T.RParen);
    return this.ACTION(() => ({ kind: 'TabularType' as const, columns, wildcard, span: this.spanFrom(first) }));
  });

  columnDecl = this.RULE('columnDecl', (): ColumnDecl => {
    const first = this.LA(1);
    const name = this.SUBRULE(this.declName);
    this.CONSUME(T.Colon);
    const type = this.SUBRULE(this.scalarType);
    return this.ACTION(() => ({ kind: 'ColumnDecl' as const, name, type, span: this.spanFrom(first) }));
  });

  columnDeclList = this.RULE(
    'columnDeclList',
    (): ColumnDecl[] => {
      const cols: ColumnDecl[] = [];
      this.CONSUME(T.LParen);
      this.OPTION(() => {
        cols.push(this.SUBRULE(this.columnDecl));
        this.MANY(() => {
          this.CONSUME(T.Comma);
          cols.push(this.SUBRULE2(this.columnDecl));
        });
      });
      this.CONSUME(T.RParen);
      return cols;
    },
    { recoveryValueFunc: () => [] },
  );

  // -------------------------------------------------------------------------------------------------------------
  // Tabular expressions

  pipeExpr = this.RULE(
    'pipeExpr',
    (): Expression => {
      const first = this.LA(1);
      const source = this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { GATE: () => this.sourceAhead(), ALT: () => this.SUBRULE(this.tabularSource) },
          { ALT: () => this.SUBRULE(this.orExpr) },
        ],
      });
      const operators: TabularOperator[] = [];
      this.MANY(() => {
        this.CONSUME(T.Pipe);
        operators.push(this.SUBRULE(this.tabularOperator));
      });
      return this.ACTION(() =>
        operators.length === 0
          ? source
          : ({ kind: 'Pipeline', source, operators: operators.filter((o) => o), span: this.spanFrom(first) } satisfies Pipeline),
      );
    },
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  tabularSource = this.RULE('tabularSource', (): Expression => {
    const first = this.LA(1);
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Datatable);
          const columns = this.SUBRULE(this.columnDeclList);
          const values = this.SUBRULE(this.bracketList);
          return this.ACTION(() => ({ kind: 'Datatable' as const, columns, values, span: this.spanFrom(first) }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Print);
          const items = this.SUBRULE(this.assignmentList);
          return this.ACTION(() => ({ kind: 'Print' as const, items, span: this.spanFrom(first) }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Range);
          const column = this.SUBRULE(this.declName);
          this.CONSUME(T.From);
          const from = this.SUBRULE(this.orExpr);
          this.CONSUME(T.To);
          const to = this.SUBRULE2(this.orExpr);
          this.CONSUME(T.Step);
          const step = this.SUBRULE3(this.orExpr);
          return this.ACTION(() => ({ kind: 'Range' as const, column, from, to, step, span: this.spanFrom(first) }));
        },
      },
      { ALT: () => this.SUBRULE(this.unionBody) },
      {
        ALT: () => {
          this.CONSUME(T.Externaldata);
          const columns = this.SUBRULE2(this.columnDeclList);
          const uris = this.SUBRULE2(this.bracketList);
          let properties: OperatorParam[] = [];
          this.OPTION(() => {
            this.CONSUME(T.With);
            properties = this.SUBRULE(this.propertyList);
          });
          return this.ACTION(() => ({ kind: 'Externaldata' as const, columns, uris, properties, span: this.spanFrom(first) }));
        },
      },
      { ALT: () => this.SUBRULE(this.evaluateBody) },
      {
        ALT: () => {
          this.CONSUME(T.Find);
          let depth = 0;
          this.MANY({
            GATE: () => {
              const t = this.LA(1);
              if (t.tokenType === EOF || this.is(t, T.Semi)) return false;
              if (depth === 0 && (this.is(t, T.Pipe) || this.is(t, T.RParen))) return false;
              return true;
            },
            DEF: () => {
              const t = this.CONSUME(T.AnyTok);
              this.ACTION(() => {
                if (this.is(t, T.LParen)) depth++;
                else if (this.is(t, T.RParen)) depth--;
              });
            },
          });
          return this.ACTION(() => {
            const span = this.spanFrom(first);
            return { kind: 'Find' as const, text: this.text.slice(span.start, span.end), span };
          });
        },
      },
    ]);
  });

  /** `[v1, v2, ...]` with an optional trailing comma (datatable values, externaldata URIs). */
  bracketList = this.RULE(
    'bracketList',
    (): Expression[] => {
      const values: Expression[] = [];
      this.CONSUME(T.LBracket);
      this.OPTION(() => {
        values.push(this.SUBRULE(this.orExpr));
        this.MANY({
          GATE: () => !this.is(this.LA(2), T.RBracket),
          DEF: () => {
            this.CONSUME(T.Comma);
            values.push(this.SUBRULE2(this.orExpr));
          },
        });
        this.OPTION2(() => this.CONSUME2(T.Comma));
      });
      this.CONSUME(T.RBracket);
      return values;
    },
    { recoveryValueFunc: () => [] },
  );

  /** `(name = value, ...)` after `with` (externaldata, render). */
  propertyList = this.RULE(
    'propertyList',
    (): OperatorParam[] => {
      const props: OperatorParam[] = [];
      this.CONSUME(T.LParen);
      this.OPTION(() => {
        props.push(this.SUBRULE(this.property));
        this.MANY(() => {
          this.CONSUME(T.Comma);
          props.push(this.SUBRULE2(this.property));
        });
      });
      this.CONSUME(T.RParen);
      return props;
    },
    { recoveryValueFunc: () => [] },
  );

  property = this.RULE('property', (): OperatorParam => {
    const first = this.LA(1);
    const name = this.OR([{ ALT: () => this.CONSUME(T.AnyName) }, { ALT: () => this.CONSUME(T.HintName) }]);
    this.CONSUME(T.Eq);
    const value = this.SUBRULE(this.paramValue);
    return this.ACTION(() => ({ kind: 'OperatorParam' as const, name: name.image, value, span: this.spanFrom(first) }));
  });

  opParams = this.RULE(
    'opParams',
    (allowed: ReadonlySet<string>): OperatorParam[] => {
      const params: OperatorParam[] = [];
      this.MANY({ GATE: () => this.paramAhead(allowed), DEF: () => params.push(this.SUBRULE(this.property)) });
      return params;
    },
    { recoveryValueFunc: () => [] },
  );

  /** Operator parameter values are single tokens: `kind=leftouter (R)` must not read as a call. */
  paramValue = this.RULE(
    'paramValue',
    (): Expression =>
      this.OR([
        { ALT: () => this.tok(1, T.AnyName, (t) => nameRef(identifier(t))) },
        { ALT: () => this.SUBRULE(this.stringLit) },
        { ALT: () => this.SUBRULE(this.numberLit) },
        { ALT: () => this.SUBRULE(this.boolLit) },
        {
          ALT: () => {
            const first = this.CONSUME(T.Minus);
            const operand = this.SUBRULE2(this.numberLit);
            return this.ACTION(() => ({ kind: 'Unary' as const, op: '-' as const, operand, span: this.spanFrom(first) }));
          },
        },
      ]),
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  unionBody = this.RULE('unionBody', (): UnionOp => {
    const first = this.CONSUME(T.Union);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_UNION] });
    const tables: Expression[] = [this.SUBRULE(this.unionTable)];
    this.MANY(() => {
      this.CONSUME(T.Comma);
      tables.push(this.SUBRULE2(this.unionTable));
    });
    return this.ACTION(() => ({ kind: 'Union' as const, params, tables, span: this.spanFrom(first) }));
  });

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
          { ALT: () => this.SUBRULE(this.postfixExpr) },
        ],
      }),
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  evaluateBody = this.RULE('evaluateBody', (): EvaluateOp => {
    const first = this.CONSUME(T.Evaluate);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_HINT] });
    const call = this.SUBRULE(this.callExpr);
    let schema: TabularTypeRef | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Colon);
      schema = this.SUBRULE(this.tabularType);
    });
    return this.ACTION(() => {
      const span = this.spanFrom(first);
      return schema
        ? { kind: 'Evaluate' as const, params, call, schema, span }
        : { kind: 'Evaluate' as const, params, call, span };
    });
  });

  callExpr = this.RULE('callExpr', (): CallExpr => {
    const name = this.CONSUME(T.AnyName);
    const args = this.SUBRULE(this.argList);
    return this.ACTION(() => ({ kind: 'Call' as const, callee: identifier(name), args, span: this.spanFrom(name) }));
  });

  // -------------------------------------------------------------------------------------------------------------
  // Tabular operators

  tabularOperator = this.RULE('tabularOperator', (): TabularOperator => {
    const first = this.LA(1);
    const done = <N extends object>(node: N) => this.ACTION(() => ({ ...node, span: this.spanFrom(first) }));
    return this.OR([
      {
        ALT: () => {
          const kw = this.OR2([{ ALT: () => this.CONSUME(T.Where) }, { ALT: () => this.CONSUME(T.Filter) }]);
          const predicate = this.SUBRULE(this.orExpr);
          return done({ kind: 'Where' as const, keyword: kw.image, predicate });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Extend);
          return done({ kind: 'Extend' as const, items: this.SUBRULE(this.assignmentList) });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Project);
          return done({ kind: 'Project' as const, items: this.SUBRULE2(this.assignmentList) });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.ProjectAway);
          return done({ kind: 'ProjectAway' as const, columns: this.SUBRULE(this.columnPatternList) });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.ProjectKeep);
          return done({ kind: 'ProjectKeep' as const, columns: this.SUBRULE2(this.columnPatternList) });
        },
      },
      { ALT: () => this.SUBRULE(this.projectRename) },
      { ALT: () => this.SUBRULE(this.projectReorder) },
      {
        ALT: () => {
          this.CONSUME(T.Summarize);
          const params = this.SUBRULE(this.opParams, { ARGS: [P_HINT] });
          let aggregates: Assignment[] = [];
          let by: Assignment[] = [];
          this.OPTION(() => (aggregates = this.SUBRULE3(this.assignmentList)));
          this.OPTION2(() => {
            this.CONSUME(T.By);
            by = this.SUBRULE4(this.assignmentList);
          });
          return done({ kind: 'Summarize' as const, params, aggregates, by });
        },
      },
      {
        ALT: () => {
          const kw = this.OR3([{ ALT: () => this.CONSUME(T.Sort) }, { ALT: () => this.CONSUME(T.Order) }]);
          this.SUBRULE2(this.opParams, { ARGS: [P_HINT] });
          this.CONSUME2(T.By);
          const keys = this.SUBRULE(this.sortKeyList);
          return done({ kind: 'Sort' as const, keyword: kw.image, keys });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Top);
          const count = this.SUBRULE2(this.orExpr);
          this.CONSUME3(T.By);
          const keys = [this.SUBRULE(this.sortKey)];
          return done({ kind: 'Top' as const, count, keys });
        },
      },
      {
        ALT: () => {
          const kw = this.OR4([{ ALT: () => this.CONSUME(T.Take) }, { ALT: () => this.CONSUME(T.Limit) }]);
          const count = this.SUBRULE3(this.orExpr);
          return done({ kind: 'Take' as const, keyword: kw.image, count });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Count);
          return done({ kind: 'Count' as const });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Distinct);
          this.SUBRULE3(this.opParams, { ARGS: [P_HINT] });
          const columns = this.OR5([
            {
              ALT: () => {
                this.CONSUME(T.Star);
                return '*' as const;
              },
            },
            { ALT: () => this.SUBRULE(this.exprList) },
          ]);
          return done({ kind: 'Distinct' as const, columns });
        },
      },
      { ALT: () => this.SUBRULE(this.joinOp) },
      { ALT: () => this.SUBRULE(this.unionBody) },
      { ALT: () => this.SUBRULE(this.mvExpand) },
      { ALT: () => this.SUBRULE(this.mvApply) },
      { ALT: () => this.SUBRULE(this.makeSeries) },
      {
        ALT: () => {
          this.CONSUME(T.Render);
          const chart = this.SUBRULE(this.declName);
          let properties: OperatorParam[] = [];
          this.OPTION3(() => {
            this.CONSUME(T.With);
            properties = this.SUBRULE(this.propertyList);
          });
          return done({ kind: 'Render' as const, chart, properties });
        },
      },
      { ALT: () => this.SUBRULE(this.parseOp) },
      {
        ALT: () => {
          this.CONSUME(T.As);
          const params = this.SUBRULE4(this.opParams, { ARGS: [P_AS] });
          const name = this.SUBRULE2(this.declName);
          return done({ kind: 'As' as const, params, name });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Invoke);
          const call = this.SUBRULE(this.callExpr);
          return done({ kind: 'Invoke' as const, call });
        },
      },
      { ALT: () => this.SUBRULE(this.evaluateBody) },
      {
        ALT: () => {
          this.CONSUME(T.Serialize);
          let items: Assignment[] = [];
          this.OPTION4(() => (items = this.SUBRULE5(this.assignmentList)));
          return done({ kind: 'Serialize' as const, items });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.GetSchema);
          return done({ kind: 'GetSchema' as const });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Sample);
          const count = this.SUBRULE4(this.orExpr);
          return done({ kind: 'Sample' as const, count });
        },
      },
    ]) as TabularOperator;
  });

  projectRename = this.RULE('projectRename', (): ProjectRenameOp => {
    const first = this.CONSUME(T.ProjectRename);
    const items: { newName: Identifier; oldName: Identifier; span: Span }[] = [];
    const item = (idx: number) => {
      const start = this.LA(1);
      const newName = this.subrule(idx, this.declName);
      this.consume(idx, T.Eq);
      const oldName = this.subrule(idx + 10, this.declName);
      this.ACTION(() => items.push({ newName, oldName, span: this.spanFrom(start) }));
    };
    item(1);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      item(2);
    });
    return this.ACTION(() => ({ kind: 'ProjectRename' as const, items, span: this.spanFrom(first) }));
  });

  projectReorder = this.RULE('projectReorder', (): ProjectReorderOp => {
    const first = this.CONSUME(T.ProjectReorder);
    const columns: { column: ColumnPattern; order?: 'asc' | 'desc' | 'granny-asc' | 'granny-desc'; span: Span }[] = [];
    const item = (idx: number) => {
      const start = this.LA(1);
      const column = this.subrule(idx, this.columnPattern);
      let order: 'asc' | 'desc' | 'granny-asc' | 'granny-desc' | undefined;
      this.option(idx, () => {
        const t = this.or(idx, [
          { ALT: () => this.consume(idx, T.Asc) },
          { ALT: () => this.consume(idx, T.Desc) },
          { ALT: () => this.consume(idx, T.GrannyAsc) },
          { ALT: () => this.consume(idx, T.GrannyDesc) },
        ]);
        order = this.ACTION(() => t.image as 'asc');
      });
      this.ACTION(() => columns.push(order ? { column, order, span: this.spanFrom(start) } : { column, span: this.spanFrom(start) }));
    };
    item(1);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      item(2);
    });
    return this.ACTION(() => ({ kind: 'ProjectReorder' as const, columns, span: this.spanFrom(first) }));
  });

  joinOp = this.RULE('joinOp', (): TabularOperator => {
    const first = this.LA(1);
    const isLookup = this.OR([
      { ALT: () => (this.CONSUME(T.Join), false) },
      { ALT: () => (this.CONSUME(T.Lookup), true) },
    ]);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_JOIN] });
    const right = this.SUBRULE(this.postfixExpr);
    let on: Expression[] = [];
    this.OPTION(() => {
      this.CONSUME(T.On);
      on = this.SUBRULE(this.exprList);
    });
    return this.ACTION(() => ({ kind: isLookup ? ('Lookup' as const) : ('Join' as const), params, right, on, span: this.spanFrom(first) }));
  });

  mvExpandItem = this.RULE('mvExpandItem', (): MvExpandItem => {
    const first = this.LA(1);
    let name: Identifier | undefined;
    this.OPTION({
      GATE: () => this.namedAssignAhead(),
      DEF: () => {
        name = this.SUBRULE(this.declName);
        this.CONSUME(T.Eq);
      },
    });
    const expression = this.SUBRULE(this.orExpr);
    let toType: ScalarTypeRef | undefined;
    this.OPTION2(() => {
      this.CONSUME(T.To);
      this.CONSUME(T.Typeof);
      this.CONSUME(T.LParen);
      toType = this.SUBRULE(this.scalarType);
      this.CONSUME(T.RParen);
    });
    return this.ACTION(() => ({
      kind: 'MvExpandItem' as const,
      ...(name ? { name } : {}),
      expression,
      ...(toType ? { toType } : {}),
      span: this.spanFrom(first),
    }));
  });

  mvExpandItems = this.RULE(
    'mvExpandItems',
    (): { items: MvExpandItem[]; limit?: Expression } => {
      const items = [this.SUBRULE(this.mvExpandItem)];
      this.MANY(() => {
        this.CONSUME(T.Comma);
        items.push(this.SUBRULE2(this.mvExpandItem));
      });
      let limit: Expression | undefined;
      this.OPTION(() => {
        this.CONSUME(T.Limit);
        limit = this.SUBRULE(this.orExpr);
      });
      return this.ACTION(() => (limit ? { items, limit } : { items }));
    },
    { recoveryValueFunc: () => ({ items: [] }) },
  );

  mvExpand = this.RULE('mvExpand', (): TabularOperator => {
    const first = this.CONSUME(T.MvExpand);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_MVEXPAND] });
    const r = this.SUBRULE(this.mvExpandItems);
    return this.ACTION(() => ({ kind: 'MvExpand' as const, params, ...r, span: this.spanFrom(first) }));
  });

  mvApply = this.RULE('mvApply', (): TabularOperator => {
    const first = this.CONSUME(T.MvApply);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_MVEXPAND] });
    const r = this.SUBRULE(this.mvExpandItems);
    this.CONSUME(T.On);
    const open = this.CONSUME(T.LParen);
    const opStart = this.LA(1);
    const operators: TabularOperator[] = [this.SUBRULE(this.tabularOperator)];
    this.MANY(() => {
      this.CONSUME(T.Pipe);
      operators.push(this.SUBRULE2(this.tabularOperator));
    });
    const inner = this.ACTION(() => this.spanFrom(opStart));
    this.CONSUME(T.RParen);
    return this.ACTION(() => {
      // The subquery has no source of its own: it reads the implicit per-row table, shown as an empty name.
      const pipeline: Pipeline = {
        kind: 'Pipeline',
        source: missingName(inner.start),
        operators,
        span: inner,
      };
      const subquery: Expression = { kind: 'Paren', expression: pipeline, span: this.spanFrom(open) };
      return { kind: 'MvApply' as const, params, ...r, subquery, span: this.spanFrom(first) };
    });
  });

  makeSeries = this.RULE('makeSeries', (): MakeSeriesOp => {
    const first = this.CONSUME(T.MakeSeries);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_MAKESERIES] });
    const aggregates: MakeSeriesAggregate[] = [this.SUBRULE(this.makeSeriesAggregate)];
    this.MANY(() => {
      this.CONSUME(T.Comma);
      aggregates.push(this.SUBRULE2(this.makeSeriesAggregate));
    });
    this.CONSUME(T.On);
    const on = this.SUBRULE(this.addExpr);
    let from: Expression | undefined;
    let to: Expression | undefined;
    let step: Expression | undefined;
    let inRange: { start: Expression; stop: Expression; step: Expression } | undefined;
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.InTok);
          this.CONSUME(T.Range);
          this.CONSUME(T.LParen);
          const start = this.SUBRULE(this.orExpr);
          this.CONSUME3(T.Comma);
          const stop = this.SUBRULE2(this.orExpr);
          this.CONSUME4(T.Comma);
          const st = this.SUBRULE3(this.orExpr);
          this.CONSUME(T.RParen);
          inRange = { start, stop, step: st };
        },
      },
      {
        ALT: () => {
          this.OPTION(() => {
            this.CONSUME(T.From);
            from = this.SUBRULE4(this.orExpr);
          });
          this.OPTION2(() => {
            this.CONSUME(T.To);
            to = this.SUBRULE5(this.orExpr);
          });
          this.CONSUME(T.Step);
          step = this.SUBRULE6(this.orExpr);
        },
      },
    ]);
    let by: Assignment[] = [];
    this.OPTION3(() => {
      this.CONSUME(T.By);
      by = this.SUBRULE(this.assignmentList);
    });
    return this.ACTION(() => ({
      kind: 'MakeSeries' as const,
      params,
      aggregates,
      on,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(step ? { step } : {}),
      ...(inRange ? { inRange } : {}),
      by,
      span: this.spanFrom(first),
    }));
  });

  makeSeriesAggregate = this.RULE('makeSeriesAggregate', (): MakeSeriesAggregate => {
    const first = this.LA(1);
    let name: Identifier | undefined;
    this.OPTION({
      GATE: () => this.namedAssignAhead(),
      DEF: () => {
        name = this.SUBRULE(this.declName);
        this.CONSUME(T.Eq);
      },
    });
    const expression = this.SUBRULE(this.orExpr);
    let defaultValue: Expression | undefined;
    this.OPTION2(() => {
      this.CONSUME(T.Default);
      this.CONSUME2(T.Eq);
      defaultValue = this.SUBRULE2(this.orExpr);
    });
    return this.ACTION(() => ({
      kind: 'MakeSeriesAggregate' as const,
      ...(name ? { name } : {}),
      expression,
      ...(defaultValue ? { defaultValue } : {}),
      span: this.spanFrom(first),
    }));
  });

  parseOp = this.RULE('parseOp', (): TabularOperator => {
    const first = this.CONSUME(T.Parse);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_PARSE] });
    const source = this.SUBRULE(this.orExpr);
    this.CONSUME(T.With);
    const pattern: ParsePatternPart[] = [];
    this.AT_LEAST_ONE(() =>
      this.OR([
        { ALT: () => pattern.push(this.SUBRULE(this.stringLit)) },
        { ALT: () => pattern.push(this.tok(1, T.Star, (t) => ({ kind: 'Star' as const, span: tokenSpan(t) }))) },
        {
          ALT: () => {
            const start = this.LA(1);
            const name = this.SUBRULE(this.declName);
            let type: ScalarTypeRef | undefined;
            this.OPTION(() => {
              this.CONSUME(T.Colon);
              type = this.SUBRULE(this.scalarType);
            });
            this.ACTION(() =>
              pattern.push(
                type
                  ? { kind: 'ParseColumn', name, type, span: this.spanFrom(start) }
                  : { kind: 'ParseColumn', name, span: this.spanFrom(start) },
              ),
            );
          },
        },
      ]),
    );
    return this.ACTION(() => ({ kind: 'Parse' as const, params, source, pattern, span: this.spanFrom(first) }));
  });

  // -------------------------------------------------------------------------------------------------------------
  // Lists used by operators

  assignmentList = this.RULE(
    'assignmentList',
    (): Assignment[] => {
      const items = [this.SUBRULE(this.assignment)];
      this.MANY(() => {
        this.CONSUME(T.Comma);
        items.push(this.SUBRULE2(this.assignment));
      });
      return items;
    },
    { recoveryValueFunc: () => [] },
  );

  assignment = this.RULE('assignment', (): Assignment => {
    const first = this.LA(1);
    const names: Identifier[] = [];
    // Two gated OPTIONs rather than an OR with an empty alternative: chevrotain's first-set analysis of an OR
    // with an empty alternative dropped the expression's literal starts from enclosing OPTIONs (`summarize 1`).
    this.OPTION({
      GATE: () => this.tupleAssignAhead(),
      DEF: () => {
        this.CONSUME(T.LParen);
        names.push(this.SUBRULE(this.declName));
        this.MANY(() => {
          this.CONSUME(T.Comma);
          names.push(this.SUBRULE2(this.declName));
        });
        this.CONSUME(T.RParen);
        this.CONSUME(T.Eq);
      },
    });
    this.OPTION2({
      GATE: () => names.length === 0 && this.namedAssignAhead(),
      DEF: () => {
        names.push(this.SUBRULE3(this.declName));
        this.CONSUME2(T.Eq);
      },
    });
    const expression = this.SUBRULE(this.orExpr);
    return this.ACTION(() => ({ kind: 'Assignment' as const, names, expression, span: this.spanFrom(first) }));
  });

  exprList = this.RULE(
    'exprList',
    (): Expression[] => {
      const items = [this.SUBRULE(this.orExpr)];
      this.MANY(() => {
        this.CONSUME(T.Comma);
        items.push(this.SUBRULE2(this.orExpr));
      });
      return items;
    },
    { recoveryValueFunc: () => [] },
  );

  sortKeyList = this.RULE(
    'sortKeyList',
    (): SortKey[] => {
      const keys = [this.SUBRULE(this.sortKey)];
      this.MANY(() => {
        this.CONSUME(T.Comma);
        keys.push(this.SUBRULE2(this.sortKey));
      });
      return keys;
    },
    { recoveryValueFunc: () => [] },
  );

  sortKey = this.RULE('sortKey', (): SortKey => {
    const first = this.LA(1);
    const expression = this.SUBRULE(this.orExpr);
    let order: 'asc' | 'desc' | undefined;
    let nulls: 'first' | 'last' | undefined;
    this.OPTION(() => {
      const t = this.OR([{ ALT: () => this.CONSUME(T.Asc) }, { ALT: () => this.CONSUME(T.Desc) }]);
      order = this.ACTION(() => t.image as 'asc' | 'desc');
    });
    this.OPTION2(() => {
      this.CONSUME(T.Nulls);
      const t = this.OR2([{ ALT: () => this.CONSUME(T.First) }, { ALT: () => this.CONSUME(T.Last) }]);
      nulls = this.ACTION(() => t.image as 'first' | 'last');
    });
    return this.ACTION(() => ({
      kind: 'SortKey' as const,
      expression,
      ...(order ? { order } : {}),
      ...(nulls ? { nulls } : {}),
      span: this.spanFrom(first),
    }));
  });

  columnPatternList = this.RULE(
    'columnPatternList',
    (): ColumnPattern[] => {
      const items = [this.SUBRULE(this.columnPattern)];
      this.MANY(() => {
        this.CONSUME(T.Comma);
        items.push(this.SUBRULE2(this.columnPattern));
      });
      return items;
    },
    { recoveryValueFunc: () => [] },
  );

  /** `Name`, `['Name']`, or a wildcard pattern like `Email*`, `*Id`, `a*b` (tokens written without spaces). */
  columnPattern = this.RULE('columnPattern', (): ColumnPattern => {
    const first = this.LA(1);
    return this.OR([
      {
        ALT: () => {
          const id = this.SUBRULE(this.quotedName);
          return this.ACTION(() => ({ kind: 'ColumnPattern' as const, pattern: id.name, wildcard: false, span: id.span }));
        },
      },
      {
        ALT: () => {
          const part = () => this.OR2([{ ALT: () => this.CONSUME(T.AnyName) }, { ALT: () => this.CONSUME(T.Star) }]);
          const parts: IToken[] = [part()];
          this.MANY({
            GATE: () => {
              const prev = this.LA(0);
              const t = this.LA(1);
              // Digits may follow a `*` directly (`*1` drops the NetworkMessageId1-style columns a join adds).
              const digitsAfterStar = this.is(t, T.LongTok) && this.is(prev, T.Star) && /^\d+$/.test(t.image);
              return (this.is(t, T.AnyName) || this.is(t, T.Star) || digitsAfterStar) && tokenEnd(prev) === t.startOffset;
            },
            DEF: () =>
              parts.push(
                this.OR3([
                  { ALT: () => this.CONSUME2(T.AnyName) },
                  { ALT: () => this.CONSUME2(T.Star) },
                  { ALT: () => this.CONSUME(T.LongTok) },
                ]),
              ),
          });
          return this.ACTION(() => {
            const pattern = parts.map((p) => p.image).join('');
            return { kind: 'ColumnPattern' as const, pattern, wildcard: pattern.includes('*'), span: this.spanFrom(first) };
          });
        },
      },
    ]);
  });

  // -------------------------------------------------------------------------------------------------------------
  // Scalar expressions, lowest precedence first (docs: logical-operators.md; kql-semantics.md §1).

  orExpr = this.RULE(
    'orExpr',
    (): Expression => {
      let left = this.SUBRULE(this.andExpr);
      this.MANY(() => {
        this.CONSUME(T.Or);
        const right = this.SUBRULE2(this.andExpr);
        left = this.ACTION(() => binary('or', left, right));
      });
      return left;
    },
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  andExpr = this.RULE(
    'andExpr',
    (): Expression => {
      let left = this.SUBRULE(this.cmpExpr);
      this.MANY(() => {
        this.CONSUME(T.And);
        const right = this.SUBRULE2(this.cmpExpr);
        left = this.ACTION(() => binary('and', left, right));
      });
      return left;
    },
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  cmpExpr = this.RULE(
    'cmpExpr',
    (): Expression => {
      let left = this.SUBRULE(this.addExpr);
      this.MANY(() =>
        this.OR([
          {
            ALT: () => {
              const op = this.OR2([
                { ALT: () => this.CONSUME(T.EqEq) },
                { ALT: () => this.CONSUME(T.BangEq) },
                { ALT: () => this.CONSUME(T.EqTilde) },
                { ALT: () => this.CONSUME(T.BangTilde) },
                { ALT: () => this.CONSUME(T.LtGt) },
                { ALT: () => this.CONSUME(T.Lt) },
                { ALT: () => this.CONSUME(T.LtEq) },
                { ALT: () => this.CONSUME(T.Gt) },
                { ALT: () => this.CONSUME(T.GtEq) },
                { ALT: () => this.CONSUME(T.StringOpTok) },
              ]);
              const right = this.SUBRULE2(this.addExpr);
              left = this.ACTION(() => binary(comparisonOp(op.image), left, right));
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.Matches);
              this.CONSUME(T.Regex);
              const right = this.SUBRULE3(this.addExpr);
              left = this.ACTION(() => binary('matches regex', left, right));
            },
          },
          {
            ALT: () => {
              const op = this.OR3([{ ALT: () => this.CONSUME(T.InTok) }, { ALT: () => this.CONSUME(T.HasAnyAllTok) }]);
              this.CONSUME(T.LParen);
              const items: Expression[] = [this.SUBRULE(this.pipeExpr)];
              this.MANY2(() => {
                this.CONSUME(T.Comma);
                items.push(this.SUBRULE2(this.pipeExpr));
              });
              this.CONSUME(T.RParen);
              left = this.ACTION(() => ({
                kind: 'ListOp' as const,
                op: listOp(op.image),
                left,
                items,
                span: { start: left.span.start, end: this.spanFrom(op).end },
              }));
            },
          },
          {
            ALT: () => {
              const op = this.CONSUME(T.BetweenTok);
              this.CONSUME2(T.LParen);
              const low = this.SUBRULE4(this.addExpr);
              this.CONSUME(T.DotDot);
              const high = this.SUBRULE5(this.addExpr);
              this.CONSUME2(T.RParen);
              left = this.ACTION(
                (): BetweenExpr => ({
                  kind: 'Between',
                  negated: op.image.startsWith('!'),
                  left,
                  low,
                  high,
                  span: { start: left.span.start, end: this.spanFrom(op).end },
                }),
              );
            },
          },
        ]),
      );
      return left;
    },
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  addExpr = this.RULE(
    'addExpr',
    (): Expression => {
      let left = this.SUBRULE(this.mulExpr);
      this.MANY(() => {
        const op = this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
        const right = this.SUBRULE2(this.mulExpr);
        left = this.ACTION(() => binary(op.image as '+' | '-', left, right));
      });
      return left;
    },
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  mulExpr = this.RULE(
    'mulExpr',
    (): Expression => {
      let left = this.SUBRULE(this.unaryExpr);
      this.MANY(() => {
        const op = this.OR([
          { ALT: () => this.CONSUME(T.Star) },
          { ALT: () => this.CONSUME(T.Slash) },
          { ALT: () => this.CONSUME(T.Percent) },
        ]);
        const right = this.SUBRULE2(this.unaryExpr);
        left = this.ACTION(() => binary(op.image as '*' | '/' | '%', left, right));
      });
      return left;
    },
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  unaryExpr = this.RULE(
    'unaryExpr',
    (): Expression =>
      this.OR([
        {
          ALT: () => {
            const op = this.OR2([{ ALT: () => this.CONSUME(T.Minus) }, { ALT: () => this.CONSUME(T.Plus) }]);
            const operand = this.SUBRULE(this.unaryExpr);
            return this.ACTION(() => ({ kind: 'Unary' as const, op: op.image as '-' | '+', operand, span: this.spanFrom(op) }));
          },
        },
        { ALT: () => this.SUBRULE(this.postfixExpr) },
      ]),
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  postfixExpr = this.RULE(
    'postfixExpr',
    (): Expression => {
      let target = this.SUBRULE(this.primary);
      this.MANY(() =>
        this.OR([
          {
            ALT: () => {
              this.CONSUME(T.Dot);
              const member = this.OR2([
                { ALT: () => this.SUBRULE(this.quotedName) },
                { ALT: () => this.tok(1, T.AnyName, identifier) },
                {
                  ALT: () => {
                    const t = this.OR3(RESERVED_MEMBER_TOKENS.map((tt) => ({ ALT: () => this.CONSUME(tt) })));
                    return this.ACTION(() => identifier(t)) ?? identifierPlaceholder();
                  },
                },
              ]);
              target = this.ACTION(() => ({
                kind: 'Member' as const,
                target,
                member,
                span: { start: target.span.start, end: member.span.end },
              }));
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.LBracket);
              const index = this.SUBRULE(this.orExpr);
              const close = this.CONSUME(T.RBracket);
              target = this.ACTION(() => ({
                kind: 'Index' as const,
                target,
                index,
                span: { start: target.span.start, end: isRealToken(close) ? tokenEnd(close) : index.span.end },
              }));
            },
          },
        ]),
      );
      return target;
    },
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  primary = this.RULE(
    'primary',
    (): Expression => {
      const first = this.LA(1);
      return this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE(this.stringLit) },
          { ALT: () => this.SUBRULE(this.numberLit) },
          { ALT: () => this.SUBRULE(this.boolLit) },
          { ALT: () => this.tok(1, T.TypedLiteralTok, typedLiteral) },
          {
            ALT: () => {
              this.CONSUME(T.Dynamic);
              this.CONSUME(T.LParen);
              const value = this.SUBRULE(this.dynValue);
              this.CONSUME(T.RParen);
              return this.ACTION(() => ({ kind: 'DynamicLiteral' as const, value, span: this.spanFrom(first) }));
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.Typeof);
              this.CONSUME2(T.LParen);
              const type = this.SUBRULE(this.scalarType);
              this.CONSUME2(T.RParen);
              return this.ACTION(() => ({ kind: 'TypeOf' as const, type, span: this.spanFrom(first) }));
            },
          },
          {
            ALT: () => {
              const side = this.OR2([{ ALT: () => this.CONSUME(T.DollarLeft) }, { ALT: () => this.CONSUME(T.DollarRight) }]);
              this.CONSUME(T.Dot);
              const name = this.SUBRULE(this.declName);
              return this.ACTION(() => ({
                kind: 'JoinSide' as const,
                side: side.image === '$left' ? ('left' as const) : ('right' as const),
                name,
                span: this.spanFrom(first),
              }));
            },
          },
          {
            ALT: () => {
              this.CONSUME3(T.LParen);
              const expression = this.SUBRULE(this.pipeExpr);
              this.CONSUME3(T.RParen);
              return this.ACTION(() => ({ kind: 'Paren' as const, expression, span: this.spanFrom(first) }));
            },
          },
          {
            ALT: () => {
              const id = this.SUBRULE(this.quotedName);
              return this.ACTION(() => nameRef(id)) ?? exprPlaceholder();
            },
          },
          {
            GATE: () => this.is(this.LA(2), T.LParen),
            ALT: () => this.SUBRULE(this.callExpr),
          },
          { ALT: () => this.tok(2, T.AnyName, (t) => nameRef(identifier(t))) },
        ],
      });
    },
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  argList = this.RULE(
    'argList',
    (): Expression[] => {
      const args: Expression[] = [];
      this.CONSUME(T.LParen);
      this.OPTION(() => {
        args.push(this.SUBRULE(this.arg));
        this.MANY(() => {
          this.CONSUME(T.Comma);
          args.push(this.SUBRULE2(this.arg));
        });
      });
      this.CONSUME(T.RParen);
      return args;
    },
    { recoveryValueFunc: () => [] },
  );

  arg = this.RULE('arg', (): Expression => {
    const first = this.LA(1);
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.tok(1, T.Star, (t): Expression => ({ kind: 'Star', span: tokenSpan(t) })) },
        {
          GATE: () => this.namedAssignAhead(),
          ALT: () => {
            const name = this.SUBRULE(this.declName);
            this.CONSUME(T.Eq);
            const value = this.SUBRULE(this.orExpr);
            return this.ACTION(() => ({ kind: 'NamedArg' as const, name, value, span: this.spanFrom(first) }));
          },
        },
        { ALT: () => this.SUBRULE(this.pipeExpr) },
      ],
    });
  });

  // -------------------------------------------------------------------------------------------------------------
  // Literals

  stringLit = this.RULE('stringLit', () => {
    const parts: IToken[] = [];
    this.AT_LEAST_ONE(() => parts.push(this.CONSUME(T.StringTok)));
    return this.ACTION(() => stringLiteral(parts, this.diags));
  });

  numberLit = this.RULE('numberLit', (): Expression =>
    this.OR([
      { ALT: (): Expression => this.tok(1, T.LongTok, (t) => longLiteral(t, this.diags)) },
      { ALT: (): Expression => this.tok(1, T.HexTok, (t) => longLiteral(t, this.diags)) },
      { ALT: (): Expression => this.tok(1, T.RealTok, (t) => realLiteral(t)) },
      { ALT: (): Expression => this.tok(1, T.TimespanTok, (t) => timespanLiteral(t, this.diags)) },
    ]),
  );

  boolLit = this.RULE('boolLit', (): Expression =>
    this.OR([
      { ALT: (): Expression => this.tok(1, T.True, (t) => ({ kind: 'BoolLiteral', value: true, span: tokenSpan(t) })) },
      { ALT: (): Expression => this.tok(1, T.False, (t) => ({ kind: 'BoolLiteral', value: false, span: tokenSpan(t) })) },
    ]),
  );

  /** The content of `dynamic(...)`: JSON-like, with KQL literals as leaves (docs scalar-data-types/dynamic.md). */
  dynValue = this.RULE(
    'dynValue',
    (): DynamicNode => {
      const first = this.LA(1);
      return this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE(this.stringLit) },
          { ALT: () => this.SUBRULE(this.numberLit) as DynamicNode },
          { ALT: () => this.SUBRULE(this.boolLit) as DynamicNode },
          { ALT: (): DynamicNode => this.tok(1, T.TypedLiteralTok, typedLiteral) },
          {
            ALT: () => {
              const sign = this.OR2([{ ALT: () => this.CONSUME(T.Minus) }, { ALT: () => this.CONSUME(T.Plus) }]);
              const negate = this.ACTION(() => sign.image === '-');
              return this.OR3([
                { ALT: (): DynamicNode => this.tok(2, T.LongTok, (t) => longLiteral(t, this.diags, negate)) },
                { ALT: (): DynamicNode => this.tok(2, T.RealTok, (t) => realLiteral(t, negate)) },
                { ALT: (): DynamicNode => this.tok(2, T.TimespanTok, (t) => timespanLiteral(t, this.diags, negate)) },
              ]);
            },
          },
          {
            GATE: () => this.LA(1).image === 'null',
            ALT: () => {
              this.CONSUME(T.AnyName);
              return this.ACTION(() => ({ kind: 'DynNull' as const, span: this.spanFrom(first) }));
            },
          },
          {
            // A nested `dynamic(...)` inside a dynamic literal is the same value (dynamic-to-json-function.md example).
            ALT: () => {
              this.CONSUME(T.Dynamic);
              this.CONSUME(T.LParen);
              const inner = this.SUBRULE3(this.dynValue);
              this.CONSUME(T.RParen);
              return inner;
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.LBracket);
              const items: DynamicNode[] = [];
              this.OPTION(() => {
                items.push(this.SUBRULE(this.dynValue));
                this.MANY(() => {
                  this.CONSUME(T.Comma);
                  items.push(this.SUBRULE2(this.dynValue));
                });
              });
              this.CONSUME(T.RBracket);
              return this.ACTION(() => ({ kind: 'DynArray' as const, items, span: this.spanFrom(first) }));
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.LBrace);
              const entries: { key: string; value: DynamicNode }[] = [];
              const entry = (idx: number) => {
                // Keys must be string literals: Microsoft's parser rejects `dynamic({a: 1})`.
                const key = this.consume(idx, T.StringTok);
                this.consume(idx, T.Colon);
                const value = this.subrule(idx, this.dynValue);
                this.ACTION(() =>
                  entries.push({ key: decodeString(key.image).value, value }),
                );
              };
              this.OPTION2(() => {
                entry(5);
                this.MANY2(() => {
                  this.CONSUME2(T.Comma);
                  entry(6);
                });
              });
              this.CONSUME(T.RBrace);
              return this.ACTION(() => ({ kind: 'DynBag' as const, entries, span: this.spanFrom(first) }));
            },
          },
        ],
      });
    },
    { recoveryValueFunc: (): DynamicNode => ({ kind: 'DynNull', span: { start: this.here(), end: this.here() } }) },
  );
}

// Placeholders returned only during chevrotain's recording phase (ACTION yields undefined there).
function exprPlaceholder(): Expression {
  return missingName(0);
}
function identifierPlaceholder(): Identifier {
  return missingIdentifier(0);
}
