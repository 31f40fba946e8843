// The KQL abstract syntax tree: syntax only, no types and no name resolution (that is the binder's job).
// Every node carries `span`, a half-open UTF-16 range into the query text (see src/diagnostics.ts).
// Nodes are plain, serialisable data tagged by `kind`, so tests can compare them structurally.

import type { Span } from '../diagnostics.js';
import type {
  BinaryOp,
  BoolLiteral,
  ColumnDecl,
  DynamicLiteral,
  Identifier,
  ListOp,
  LongLiteral,
  RealLiteral,
  ScalarTypeRef,
  StringLiteral,
  TabularTypeRef,
  TimespanLiteral,
  TypedLiteral,
} from './ast-leaves.js';

export type { Span };
export type * from './ast-leaves.js';

// ---------------------------------------------------------------------------------------------------------------
// Script and statements

export interface Script {
  readonly kind: 'Script';
  readonly statements: readonly Statement[];
  readonly span: Span;
}

export type Statement = LetStatement | QueryStatement | UnsupportedStatement;

/** `let name = value;` The value is a scalar or tabular expression, or a lambda. */
export interface LetStatement {
  readonly kind: 'Let';
  readonly name: Identifier;
  readonly value: Expression | Lambda;
  readonly span: Span;
}

/** A tabular (or scalar) expression statement; the last one is the query's result. */
export interface QueryStatement {
  readonly kind: 'QueryStatement';
  readonly expression: Expression;
  readonly span: Span;
}

/** `set x = y;`, `declare query_parameters(...)`, `alias ...`: parsed so the span is known, refused by the binder. */
export interface UnsupportedStatement {
  readonly kind: 'UnsupportedStatement';
  readonly keyword: string;
  readonly text: string;
  /**
   * Added by the parser for `declare query_parameters(name:type [= default], ...)` (keyword 'declare'): the declared
   * parameters, in the shape of lambda parameters. A parameter without a default needs its value from the caller.
   */
  readonly queryParameters?: readonly LambdaParam[];
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------------------------
// Lambdas: let F = (a:string, T:(*), n:long = 5) { let x = ...; body }

export interface LambdaParam {
  readonly kind: 'LambdaParam';
  readonly name: Identifier;
  readonly type: ScalarTypeRef | TabularTypeRef;
  readonly defaultValue?: Expression;
  readonly span: Span;
}

export interface Lambda {
  readonly kind: 'Lambda';
  /** Added by the parser: `let V = view () { ... }` (a view takes part in `union *` and `search *`). */
  readonly view?: true;
  readonly params: readonly LambdaParam[];
  readonly lets: readonly LetStatement[];
  readonly body: Expression;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------------------------
// Expressions. Scalar and tabular expressions share one union: whether `x` is a column, a let-bound table or a
// scalar is decided by the binder. A tabular pipeline is an expression too (`Pipeline`).

export type Expression =
  | NameRef | JoinSideRef | StringLiteral | LongLiteral | RealLiteral | BoolLiteral | TimespanLiteral | TypedLiteral
  | DynamicLiteral | UnaryExpr | BinaryExpr | ListOpExpr | BetweenExpr | CallExpr | MemberExpr | IndexExpr
  | StarExpr | NamedArg | TypeOfExpr | ParenExpr | Pipeline | TabularSource;

export interface NameRef {
  readonly kind: 'Name';
  readonly name: string;
  readonly quoted: boolean;
  /**
   * Added by the parser: a table-name pattern such as `Email*` in `union Email*` (the only place the grammar
   * accepts one as an expression); `name` then holds the pattern text with its `*`s.
   */
  readonly wildcard?: boolean;
  readonly span: Span;
}

/** `$left.X` / `$right.X` in join conditions. */
export interface JoinSideRef {
  readonly kind: 'JoinSide';
  readonly side: 'left' | 'right';
  readonly name: Identifier;
  readonly span: Span;
}

export interface UnaryExpr {
  readonly kind: 'Unary';
  readonly op: '-' | '+';
  readonly operand: Expression;
  readonly span: Span;
}

export interface BinaryExpr {
  readonly kind: 'Binary';
  readonly op: BinaryOp;
  readonly left: Expression;
  readonly right: Expression;
  readonly span: Span;
}


/**
 * `x in (a, b)`, `x !in~ (dyn)`, `x has_any (T)`, `x in ((T | project c))`.
 * Each item is a scalar, a dynamic array, or a tabular expression (first column used): the binder decides.
 */
export interface ListOpExpr {
  readonly kind: 'ListOp';
  readonly op: ListOp;
  readonly left: Expression;
  readonly items: readonly Expression[];
  readonly span: Span;
}

/** `x between (a .. b)`, `x !between (a .. b)`. */
export interface BetweenExpr {
  readonly kind: 'Between';
  readonly negated: boolean;
  readonly left: Expression;
  readonly low: Expression;
  readonly high: Expression;
  readonly span: Span;
}

/** `f(a, b)`. Arguments may be `*`, `name = value` (NamedArg) or tabular expressions (toscalar, materialize). */
export interface CallExpr {
  readonly kind: 'Call';
  readonly callee: Identifier;
  readonly args: readonly Expression[];
  readonly span: Span;
}

/** `a.b` (also `a.['b']`). */
export interface MemberExpr {
  readonly kind: 'Member';
  readonly target: Expression;
  readonly member: Identifier;
  readonly span: Span;
}

/** `a["b"]`, `a[0]`, `a[-1]`. */
export interface IndexExpr {
  readonly kind: 'Index';
  readonly target: Expression;
  readonly index: Expression;
  readonly span: Span;
}

/**
 * `*` as an argument (`arg_max(x, *)`, `count(*)`?) or column wildcard. Also the left operand of a string operator,
 * `==`, `=~`, `!~` or `:` (`where * has "x"`, `search * == 1`): "any column" (added by the parser).
 */
export interface StarExpr {
  readonly kind: 'Star';
  readonly span: Span;
}

/** `name = value` inside an argument list (`bag_unpack(d, columnsConflict='replace_source')`). */
export interface NamedArg {
  readonly kind: 'NamedArg';
  readonly name: Identifier;
  readonly value: Expression;
  readonly span: Span;
}

/** `typeof(string)` as an argument (`extract(re, 1, s, typeof(long))`). */
export interface TypeOfExpr {
  readonly kind: 'TypeOf';
  readonly type: ScalarTypeRef;
  readonly span: Span;
}

/** Parentheses are kept so spans and round-trips stay exact, and so `(T | where ...)` reads as a subquery. */
export interface ParenExpr {
  readonly kind: 'Paren';
  readonly expression: Expression;
  readonly span: Span;
}

/** `source | op | op ...`: a tabular expression. */
export interface Pipeline {
  readonly kind: 'Pipeline';
  readonly source: Expression;
  readonly operators: readonly TabularOperator[];
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------------------------
// Tabular sources: operators that start a pipeline without input.

export type TabularSource =
  | DatatableExpr | PrintExpr | RangeExpr | UnionOp | ExternaldataExpr | EvaluateOp | FindExpr | SearchOp;

export interface DatatableExpr {
  readonly kind: 'Datatable';
  /** Added by the parser, present only when written (Kusto knows none for datatable; hints are accepted). */
  readonly params?: readonly OperatorParam[];
  readonly columns: readonly ColumnDecl[];
  readonly values: readonly Expression[];
  readonly span: Span;
}

export interface PrintExpr {
  readonly kind: 'Print';
  readonly items: readonly Assignment[];
  readonly span: Span;
}

/** `range x from 1 to 10 step 1`. */
export interface RangeExpr {
  readonly kind: 'Range';
  readonly column: Identifier;
  readonly from: Expression;
  readonly to: Expression;
  readonly step: Expression;
  readonly span: Span;
}

/** `externaldata (c:type, ...) [ "uri", ... ] with (format="csv", ...)`. */
export interface ExternaldataExpr {
  readonly kind: 'Externaldata';
  /** Added by the parser: parameters before the schema (`externaldata kind=storage (...)`), only when written. */
  readonly params?: readonly OperatorParam[];
  readonly columns: readonly ColumnDecl[];
  readonly uris: readonly Expression[];
  /** The `with (...)` properties: format, ignoreFirstRecord, ...; values are literals or names (NameRef). */
  readonly properties: readonly OperatorParam[];
  readonly span: Span;
}

/**
 * `find [datascope=…] [withsource=Col] [in (T1, T2*, (T | as X))] [where] Predicate [project c1, c2:type, pack(*), *
 * | project-smart] [project-away …]` (find-operator.md), as a source or after a pipe. `text` is the whole operator.
 * The other fields were added by the parser: `params` (datascope is one of them), `tables` (the `in` list: names,
 * wildcard names, parenthesised subqueries), `predicate`, `project` (NameRef, Star, ColumnDecl for `c:type`, Call
 * for `pack(*)`), `projectSmart`, `projectAway`.
 */
export interface FindExpr {
  readonly kind: 'Find';
  readonly text: string;
  readonly params?: readonly OperatorParam[];
  readonly tables?: readonly Expression[];
  readonly predicate?: Expression;
  readonly project?: readonly (Expression | ColumnDecl)[];
  readonly projectSmart?: true;
  readonly projectAway?: readonly (Expression | ColumnDecl)[];
  readonly span: Span;
}

/**
 * `search [kind=case_sensitive] [datascope=…] [in (T1, T2*)] Predicate` (search-operator.md), as a source or after a
 * pipe. The predicate is an expression with search's meanings: a bare string literal is a term looked up in every
 * column (`"x*"`, `"*x"` wildcards), `Col:"x"` is Binary ':', `* has "x"` / `* == 1` are Binary with a Star left
 * operand, combined with and/or/not(); `search * and x > 1` is Binary('and', Star, …).
 */
export interface SearchOp {
  readonly kind: 'Search';
  readonly params: readonly OperatorParam[];
  /** The `in (...)` tables; absent: the input (after a pipe) or every table in scope (as a source). */
  readonly tables?: readonly Expression[];
  readonly predicate: Expression;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------------------------
// Tabular operators (after a `|`).

export type TabularOperator =
  | WhereOp | ExtendOp | ProjectOp | ProjectAwayOp | ProjectKeepOp | ProjectRenameOp | ProjectReorderOp
  | SummarizeOp | SortOp | TopOp | TakeOp | CountOp | DistinctOp | JoinOp | LookupOp | UnionOp | MvExpandOp
  | MvApplyOp | MakeSeriesOp | RenderOp | ParseOp | AsOp | InvokeOp | EvaluateOp | SerializeOp | GetSchemaOp
  | SampleOp | SearchOp | FindExpr | ParseKvOp | ParseWhereOp | ScanOp | TopNestedOp | TopHittersOp
  | SampleDistinctOp | PartitionOp | ForkOp | MakeGraphOp | GraphMatchOp | ReduceOp;

/**
 * `kind=leftouter`, `hint.strategy=shuffle`, `withsource=T`, `isfuzzy=true`, `bagexpansion=array`, ... Every operator
 * with parameters accepts every parameter Kusto knows (grammar/params.ts; hints included), as Kusto's parser does;
 * the engine decides which it honours (hints change no result).
 */
export interface OperatorParam {
  readonly kind: 'OperatorParam';
  readonly name: string;
  /**
   * Identifiers are kept as NameRef; the binder interprets them per parameter. A column list
   * (`render ... with (ycolumns=a, b)`) is a NameList (added by the parser).
   */
  readonly value: Expression | NameList;
  readonly span: Span;
}

/** `a, b, c` as the value of a render property such as `ycolumns` or `series` (added by the parser). */
export interface NameList {
  readonly kind: 'NameList';
  readonly names: readonly Identifier[];
  readonly span: Span;
}

/** `name = expr`, `(a, b) = expr` or a bare `expr`. */
export interface Assignment {
  readonly kind: 'Assignment';
  readonly names: readonly Identifier[];
  readonly expression: Expression;
  readonly span: Span;
}

export interface WhereOp {
  readonly kind: 'Where';
  /** 'where' or 'filter', as written. */
  readonly keyword: string;
  /** Added by the parser, only when written (`where hint.x=…`): Kusto accepts and ignores them. */
  readonly params?: readonly OperatorParam[];
  readonly predicate: Expression;
  readonly span: Span;
}

export interface ExtendOp {
  readonly kind: 'Extend';
  readonly items: readonly Assignment[];
  readonly span: Span;
}

export interface ProjectOp {
  readonly kind: 'Project';
  readonly items: readonly Assignment[];
  readonly span: Span;
}

/** A column name or a wildcard pattern (`Email*`, `*Id`). */
export interface ColumnPattern {
  readonly kind: 'ColumnPattern';
  readonly pattern: string;
  readonly wildcard: boolean;
  readonly span: Span;
}

export interface ProjectAwayOp {
  readonly kind: 'ProjectAway';
  readonly columns: readonly ColumnPattern[];
  readonly span: Span;
}

export interface ProjectKeepOp {
  readonly kind: 'ProjectKeep';
  readonly columns: readonly ColumnPattern[];
  readonly span: Span;
}

export interface ProjectRenameOp {
  readonly kind: 'ProjectRename';
  readonly items: readonly { readonly newName: Identifier; readonly oldName: Identifier; readonly span: Span }[];
  readonly span: Span;
}

export interface ProjectReorderOp {
  readonly kind: 'ProjectReorder';
  readonly columns: readonly {
    readonly column: ColumnPattern;
    readonly order?: 'asc' | 'desc' | 'granny-asc' | 'granny-desc';
    readonly span: Span;
  }[];
  readonly span: Span;
}

export interface SummarizeOp {
  readonly kind: 'Summarize';
  readonly params: readonly OperatorParam[];
  readonly aggregates: readonly Assignment[];
  readonly by: readonly Assignment[];
  readonly span: Span;
}

export interface SortKey {
  readonly kind: 'SortKey';
  readonly expression: Expression;
  readonly order?: 'asc' | 'desc';
  readonly nulls?: 'first' | 'last';
  readonly span: Span;
}

export interface SortOp {
  readonly kind: 'Sort';
  /** 'sort' or 'order', as written. */
  readonly keyword: string;
  /** Added by the parser, only when written (`sort hint.strategy=… by`). */
  readonly params?: readonly OperatorParam[];
  readonly keys: readonly SortKey[];
  readonly span: Span;
}

export interface TopOp {
  readonly kind: 'Top';
  /** Added by the parser, only when written (`top hint.progressive_top=true 5 by x`). */
  readonly params?: readonly OperatorParam[];
  readonly count: Expression;
  readonly keys: readonly SortKey[];
  readonly span: Span;
}

export interface TakeOp {
  readonly kind: 'Take';
  /** 'take' or 'limit', as written. */
  readonly keyword: string;
  /** Added by the parser, only when written. */
  readonly params?: readonly OperatorParam[];
  readonly count: Expression;
  readonly span: Span;
}

export interface CountOp {
  readonly kind: 'Count';
  /** Added by the parser: `count as Name` names the result column (default `Count`). */
  readonly as?: Identifier;
  readonly span: Span;
}

/**
 * `distinct a, b` or `distinct *`. Added by the parser: a list item may be `Name = expr` (a NamedArg: the column
 * gets that name) or `*` (a Star, in `distinct *, a`), and `params` (hints) appear only when written.
 */
export interface DistinctOp {
  readonly kind: 'Distinct';
  readonly params?: readonly OperatorParam[];
  readonly columns: readonly Expression[] | '*';
  readonly span: Span;
}

/**
 * `join kind=leftouter hint.remote=auto (Right) on Key, $left.A == $right.B`.
 * `on` conditions are NameRef (same name on both sides) or BinaryExpr `==` between JoinSideRefs, possibly
 * combined with `and`.
 */
export interface JoinOp {
  readonly kind: 'Join';
  readonly params: readonly OperatorParam[];
  readonly right: Expression;
  readonly on: readonly Expression[];
  /** Added by the parser: `join (R) where $left.a == $right.b` instead of `on` (on is then empty). */
  readonly where?: Expression;
  readonly span: Span;
}

export interface LookupOp {
  readonly kind: 'Lookup';
  readonly params: readonly OperatorParam[];
  readonly right: Expression;
  readonly on: readonly Expression[];
  readonly span: Span;
}

/** `union kind=outer withsource=T isfuzzy=true A, B, (C | where x), E*` (as a source or after a pipe). */
export interface UnionOp {
  readonly kind: 'Union';
  readonly params: readonly OperatorParam[];
  readonly tables: readonly Expression[];
  readonly span: Span;
}

export interface MvExpandItem {
  readonly kind: 'MvExpandItem';
  readonly name?: Identifier;
  readonly expression: Expression;
  readonly toType?: ScalarTypeRef;
  readonly span: Span;
}

/** `mv-expand kind=array with_itemindex=i bagexpansion=bag a to typeof(string), b limit 10`. */
export interface MvExpandOp {
  readonly kind: 'MvExpand';
  readonly params: readonly OperatorParam[];
  readonly items: readonly MvExpandItem[];
  readonly limit?: Expression;
  readonly span: Span;
}

/** `mv-apply x = arr to typeof(long) on (subquery)`. */
export interface MvApplyOp {
  readonly kind: 'MvApply';
  readonly params: readonly OperatorParam[];
  readonly items: readonly MvExpandItem[];
  readonly limit?: Expression;
  readonly subquery: Expression;
  readonly span: Span;
}

export interface MakeSeriesAggregate {
  readonly kind: 'MakeSeriesAggregate';
  readonly name?: Identifier;
  readonly expression: Expression;
  readonly defaultValue?: Expression;
  readonly span: Span;
}

/**
 * `make-series kind=nonempty Count=count() default=0 on Timestamp from a to b step 1d by Key`
 * or `... on Timestamp in range(a, b, 1d) by Key`.
 */
export interface MakeSeriesOp {
  readonly kind: 'MakeSeries';
  readonly params: readonly OperatorParam[];
  readonly aggregates: readonly MakeSeriesAggregate[];
  readonly on: Expression;
  readonly from?: Expression;
  readonly to?: Expression;
  readonly step?: Expression;
  /** `in range(start, stop, step)` form. */
  readonly inRange?: { readonly start: Expression; readonly stop: Expression; readonly step: Expression };
  readonly by: readonly Assignment[];
  readonly span: Span;
}

/**
 * `render timechart with (title="x", ysplit=axes)`. The legacy properties written without `with`
 * (`render barchart kind=stacked title="t"`) come first in `properties`, as if written inside `with (...)`.
 * A property value may be a call (`title=strcat(...)`) or a NameList (`ycolumns=a, b`).
 */
export interface RenderOp {
  readonly kind: 'Render';
  readonly chart: Identifier;
  readonly properties: readonly OperatorParam[];
  /** Added by the parser: the legacy `render piechart by a, b` (the chart's series / label columns). */
  readonly by?: readonly Identifier[];
  readonly span: Span;
}

/** One piece of a `parse` pattern: a string literal, a `*`, or a column `Name` / `Name:type`. */
export type ParsePatternPart =
  | StringLiteral
  | StarExpr
  | { readonly kind: 'ParseColumn'; readonly name: Identifier; readonly type?: ScalarTypeRef; readonly span: Span };

/** `parse kind=regex flags=Ui Source with "x" Col1:long "y" * ...`. */
export interface ParseOp {
  readonly kind: 'Parse';
  readonly params: readonly OperatorParam[];
  readonly source: Expression;
  readonly pattern: readonly ParsePatternPart[];
  readonly span: Span;
}

export interface AsOp {
  readonly kind: 'As';
  readonly params: readonly OperatorParam[];
  readonly name: Identifier;
  readonly span: Span;
}

export interface InvokeOp {
  readonly kind: 'Invoke';
  readonly call: CallExpr;
  readonly span: Span;
}

/** `evaluate bag_unpack(d)`, `evaluate pivot(k)`, with optional output schema `: (c:type, ...)`. */
export interface EvaluateOp {
  readonly kind: 'Evaluate';
  readonly params: readonly OperatorParam[];
  readonly call: CallExpr;
  readonly schema?: TabularTypeRef;
  readonly span: Span;
}

export interface SerializeOp {
  readonly kind: 'Serialize';
  /** Added by the parser, only when written. */
  readonly params?: readonly OperatorParam[];
  readonly items: readonly Assignment[];
  readonly span: Span;
}

export interface GetSchemaOp {
  readonly kind: 'GetSchema';
  /** Added by the parser, only when written (`getschema kind=csl`). */
  readonly params?: readonly OperatorParam[];
  readonly span: Span;
}

export interface SampleOp {
  readonly kind: 'Sample';
  /** Added by the parser, only when written. */
  readonly params?: readonly OperatorParam[];
  readonly count: Expression;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------------------------
// Operators added for issue #12 (parsed; the engine binds them or refuses them by name).

/**
 * `parse-kv Source as (k1:string, k2:long) with (pair_delimiter=",", kv_delimiter="=", quote='"', escape="\\",
 * greedy=true, regex=@"…")` (parse-kv-operator.md): extracts the declared keys from key/value text.
 */
export interface ParseKvOp {
  readonly kind: 'ParseKv';
  readonly source: Expression;
  readonly columns: readonly ColumnDecl[];
  readonly properties: readonly OperatorParam[];
  readonly span: Span;
}

/** `parse-where [kind=regex [flags=…]] Source with Pattern` (parse-where-operator.md): parse, dropping rows that do not match. */
export interface ParseWhereOp {
  readonly kind: 'ParseWhere';
  readonly params: readonly OperatorParam[];
  readonly source: Expression;
  readonly pattern: readonly ParsePatternPart[];
  readonly span: Span;
}

/**
 * `scan [with_match_id=Id] [order by …] [partition by …] [declare (c:type [= default], …)] with (step s1 [optional]
 * [output=all|last|none]: Condition [=> c = expr, …]; …)` (scan-operator.md).
 */
export interface ScanOp {
  readonly kind: 'Scan';
  readonly params: readonly OperatorParam[];
  readonly orderBy?: readonly SortKey[];
  readonly partitionBy?: readonly Expression[];
  /** The declared state columns (name, type, optional default), in the shape of lambda parameters. */
  readonly declare: readonly LambdaParam[];
  readonly steps: readonly ScanStep[];
  readonly span: Span;
}

export interface ScanStep {
  readonly kind: 'ScanStep';
  readonly name: Identifier;
  readonly optional: boolean;
  readonly output?: 'all' | 'last' | 'none';
  readonly condition: Expression;
  /** `=> c = expr, …`: each Assignment has exactly one name. */
  readonly assignments: readonly Assignment[];
  readonly span: Span;
}

/**
 * `top-nested [N] of Expr [with others = Literal] by Aggregation [asc|desc] [nulls first|last], top-nested …`
 * (top-nested-operator.md): one level per comma-separated clause.
 */
export interface TopNestedOp {
  readonly kind: 'TopNested';
  readonly levels: readonly TopNestedLevel[];
  readonly span: Span;
}

export interface TopNestedLevel {
  readonly kind: 'TopNestedLevel';
  /** Absent: all values (`top-nested of Col by …`). */
  readonly count?: Expression;
  /** The grouping expression, possibly named (`of c = Col`). */
  readonly of: Assignment;
  readonly others?: Expression;
  /** The aggregation, possibly named (`by s = sum(x)`). */
  readonly by: Assignment;
  readonly order?: 'asc' | 'desc';
  readonly nulls?: 'first' | 'last';
  readonly span: Span;
}

/** `reduce [kind=source] by Expr [with threshold=0.1, characters="…"]` (reduce-operator.md). */
export interface ReduceOp {
  readonly kind: 'Reduce';
  readonly params: readonly OperatorParam[];
  readonly by: Assignment;
  readonly properties: readonly OperatorParam[];
  readonly span: Span;
}

/** `top-hitters N of Expr [by Aggregation]` (top-hitters-operator.md). */
export interface TopHittersOp {
  readonly kind: 'TopHitters';
  readonly count: Expression;
  readonly of: Assignment;
  readonly by?: Assignment;
  readonly span: Span;
}

/** `sample-distinct N of Expr` (sample-distinct-operator.md). */
export interface SampleDistinctOp {
  readonly kind: 'SampleDistinct';
  readonly params?: readonly OperatorParam[];
  readonly count: Expression;
  readonly of: Assignment;
  readonly span: Span;
}

/**
 * `partition [hint.strategy=…] [hint.materialized=…] [hint.concurrency=…] by Col [in (function call or dynamic)]
 * (Subquery)` or `… by Col { Query }` (partition-operator.md). With `( … )`, `subquery` is Paren(Pipeline) whose
 * source is an empty Name (each partition), as for mv-apply; with `{ … }`, `subquery` is the query as written and
 * `braces` is true.
 */
export interface PartitionOp {
  readonly kind: 'Partition';
  readonly params: readonly OperatorParam[];
  readonly by: Expression;
  readonly scope?: Expression;
  readonly subquery: Expression;
  readonly braces?: true;
  readonly span: Span;
}

/** `fork (…) (…)` or `fork name1 = (…) name2 = (…)` (fork-operator.md): one result per branch. */
export interface ForkOp {
  readonly kind: 'Fork';
  readonly branches: readonly ForkBranch[];
  readonly span: Span;
}

export interface ForkBranch {
  readonly kind: 'ForkBranch';
  readonly name?: Identifier;
  /** Paren(Pipeline) whose source is an empty Name: the fork's input. */
  readonly subquery: Expression;
  readonly span: Span;
}

/**
 * `make-graph Src --> Dst [with Nodes on Key, … | with_node_id = Name] [partitioned-by Col (Subquery)]`
 * (make-graph-operator.md); `--` is an undirected edge.
 */
export interface MakeGraphOp {
  readonly kind: 'MakeGraph';
  readonly params: readonly OperatorParam[];
  readonly source: NameRef;
  readonly direction: '-->' | '--';
  readonly target: NameRef;
  /** `with Nodes on Key, …`: the node tables and their key columns. */
  readonly nodes: readonly { readonly table: Expression; readonly key: NameRef; readonly span: Span }[];
  /** `with_node_id = Name`. */
  readonly nodeId?: Identifier;
  readonly partitionedBy?: { readonly column: NameRef; readonly subquery: Expression };
  readonly span: Span;
}

/** `graph-match [cycles=…] (a)-[e]->(b), … [where Predicate] [project …]` (graph-match-operator.md). */
export interface GraphMatchOp {
  readonly kind: 'GraphMatch';
  readonly params: readonly OperatorParam[];
  readonly patterns: readonly GraphPattern[];
  readonly where?: Expression;
  readonly project: readonly Assignment[];
  readonly span: Span;
}

/** A path: nodes and edges in the order written, e.g. node, edge, node, edge, node. */
export interface GraphPattern {
  readonly kind: 'GraphPattern';
  readonly elements: readonly (GraphNode | GraphEdge)[];
  readonly span: Span;
}

/** `(name)` or `()`. */
export interface GraphNode {
  readonly kind: 'GraphNode';
  readonly name?: Identifier;
  readonly span: Span;
}

/** `-->`, `<--`, `--`, or `-[e]->`, `<-[e]-`, `-[e]-`, with an optional length range `-[e*1..3]->`. */
export interface GraphEdge {
  readonly kind: 'GraphEdge';
  readonly name?: Identifier;
  readonly direction: '-->' | '<--' | '--';
  readonly range?: { readonly min: Expression; readonly max: Expression };
  readonly span: Span;
}

export type Node =
  | Script | Statement | Identifier | Expression | Lambda | LambdaParam | TabularOperator | Assignment
  | OperatorParam | SortKey | ColumnPattern | MvExpandItem | MakeSeriesAggregate | ColumnDecl | ScalarTypeRef
  | TabularTypeRef | NameList | ScanStep | TopNestedLevel | ForkBranch | GraphPattern | GraphNode | GraphEdge;
