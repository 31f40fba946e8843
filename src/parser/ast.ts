// The KQL abstract syntax tree: syntax only, no types and no name resolution (that is the binder's job).
// Every node carries `span`, a half-open UTF-16 range into the query text (see src/diagnostics.ts).
// Nodes are plain, serialisable data tagged by `kind`, so tests can compare them structurally.

import type { Span } from '../diagnostics.js';
import type { ScalarType } from '../values/types.js';

export type { Span };

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
  readonly span: Span;
}

export interface Identifier {
  readonly kind: 'Identifier';
  readonly name: string;
  /** Written as ['x'] or ["x"] in the source. */
  readonly quoted: boolean;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------------------------
// Types in declarations: datatable columns, lambda parameters, `to typeof(...)`, `typeof(...)`, parse columns.

/** The ten KQL scalar types (src/values/types.ts owns the list). */
export type ScalarTypeName = ScalarType;

/** A scalar type, written with any alias (`boolean`, `double`, `date`, `time`, `int32`, `int64`, `uniqueid`...). */
export interface ScalarTypeRef {
  readonly kind: 'ScalarType';
  readonly type: ScalarTypeName;
  /** The spelling in the source. */
  readonly text: string;
  readonly span: Span;
}

export interface ColumnDecl {
  readonly kind: 'ColumnDecl';
  readonly name: Identifier;
  readonly type: ScalarTypeRef;
  readonly span: Span;
}

/** `(col:type, ...)` or `(*)` or `(*, col:type)`: a tabular parameter's schema. */
export interface TabularTypeRef {
  readonly kind: 'TabularType';
  readonly columns: readonly ColumnDecl[];
  readonly wildcard: boolean;
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
  readonly params: readonly LambdaParam[];
  readonly lets: readonly LetStatement[];
  readonly body: Expression;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------------------------
// Expressions. Scalar and tabular expressions share one union: whether `x` is a column, a let-bound table or a
// scalar is decided by the binder. A tabular pipeline is an expression too (`Pipeline`).

export type Expression =
  | NameRef
  | JoinSideRef
  | StringLiteral
  | LongLiteral
  | RealLiteral
  | BoolLiteral
  | TimespanLiteral
  | TypedLiteral
  | DynamicLiteral
  | UnaryExpr
  | BinaryExpr
  | ListOpExpr
  | BetweenExpr
  | CallExpr
  | MemberExpr
  | IndexExpr
  | StarExpr
  | NamedArg
  | TypeOfExpr
  | ParenExpr
  | Pipeline
  | TabularSource;

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

/** One or more adjacent string literals, concatenated; escapes decoded. */
export interface StringLiteral {
  readonly kind: 'StringLiteral';
  readonly value: string;
  /** True when written as h"..." / H"..." (obfuscated): same value, hidden in traces. */
  readonly obfuscated?: boolean;
  readonly span: Span;
}

/** Integer literal (decimal or 0x hex): type long, exact to 64 bits. */
export interface LongLiteral {
  readonly kind: 'LongLiteral';
  readonly value: bigint;
  readonly span: Span;
}

/** Literal with `.` or exponent: type real. */
export interface RealLiteral {
  readonly kind: 'RealLiteral';
  readonly value: number;
  readonly span: Span;
}

export interface BoolLiteral {
  readonly kind: 'BoolLiteral';
  readonly value: boolean;
  readonly span: Span;
}

/** `1d`, `1.5h`, `100ms`, `5microseconds`, `1tick`: decoded to 100-ns ticks. */
export interface TimespanLiteral {
  readonly kind: 'TimespanLiteral';
  readonly ticks: bigint;
  readonly text: string;
  readonly span: Span;
}

/**
 * `int(5)`, `long(null)`, `real(nan)`, `real(+inf)`, `bool(true)`, `datetime(2026-01-01 10:00)`, `timespan(1d)`,
 * `time(0.12:00:00)`, `guid(...)`, `decimal(1.5)`. `text` is the raw text between the parentheses, trimmed;
 * `null` when the content is the keyword null. Values are decoded by the binder (src/values), which owns the
 * value formats and reports bad ones.
 */
export interface TypedLiteral {
  readonly kind: 'TypedLiteral';
  readonly type: ScalarTypeRef;
  readonly text: string | null;
  readonly span: Span;
}

/** `dynamic(...)`: its content as a JSON-like tree whose leaves are literals. */
export interface DynamicLiteral {
  readonly kind: 'DynamicLiteral';
  readonly value: DynamicNode;
  readonly span: Span;
}

export type DynamicNode =
  | { readonly kind: 'DynNull'; readonly span: Span }
  | { readonly kind: 'DynArray'; readonly items: readonly DynamicNode[]; readonly span: Span }
  | {
      readonly kind: 'DynBag';
      readonly entries: readonly { readonly key: string; readonly value: DynamicNode }[];
      readonly span: Span;
    }
  | StringLiteral
  | LongLiteral
  | RealLiteral
  | BoolLiteral
  | TimespanLiteral
  | TypedLiteral;

export interface UnaryExpr {
  readonly kind: 'Unary';
  readonly op: '-' | '+';
  readonly operand: Expression;
  readonly span: Span;
}

/** Binary operators in canonical lower-case spelling. `in`/`has_any`-style list operators are ListOpExpr. */
export type BinaryOp =
  | 'or'
  | 'and'
  | '=='
  | '!='
  | '=~'
  | '!~'
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | StringOp
  | 'matches regex';

export type StringOp =
  | 'has'
  | '!has'
  | 'has_cs'
  | '!has_cs'
  | 'hasprefix'
  | '!hasprefix'
  | 'hasprefix_cs'
  | '!hasprefix_cs'
  | 'hassuffix'
  | '!hassuffix'
  | 'hassuffix_cs'
  | '!hassuffix_cs'
  | 'contains'
  | '!contains'
  | 'contains_cs'
  | '!contains_cs'
  | 'startswith'
  | '!startswith'
  | 'startswith_cs'
  | '!startswith_cs'
  | 'endswith'
  | '!endswith'
  | 'endswith_cs'
  | '!endswith_cs';

export interface BinaryExpr {
  readonly kind: 'Binary';
  readonly op: BinaryOp;
  readonly left: Expression;
  readonly right: Expression;
  readonly span: Span;
}

export type ListOp = 'in' | '!in' | 'in~' | '!in~' | 'has_any' | 'has_all';

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

/** `*` as an argument (`arg_max(x, *)`, `count(*)`?) or column wildcard. */
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
  | DatatableExpr
  | PrintExpr
  | RangeExpr
  | UnionOp
  | ExternaldataExpr
  | EvaluateOp
  | FindExpr;

export interface DatatableExpr {
  readonly kind: 'Datatable';
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
  readonly columns: readonly ColumnDecl[];
  readonly uris: readonly Expression[];
  readonly properties: readonly OperatorParam[];
  readonly span: Span;
}

/** `find ...`: parsed only so the binder can refuse it by name. */
export interface FindExpr {
  readonly kind: 'Find';
  readonly text: string;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------------------------
// Tabular operators (after a `|`).

export type TabularOperator =
  | WhereOp
  | ExtendOp
  | ProjectOp
  | ProjectAwayOp
  | ProjectKeepOp
  | ProjectRenameOp
  | ProjectReorderOp
  | SummarizeOp
  | SortOp
  | TopOp
  | TakeOp
  | CountOp
  | DistinctOp
  | JoinOp
  | LookupOp
  | UnionOp
  | MvExpandOp
  | MvApplyOp
  | MakeSeriesOp
  | RenderOp
  | ParseOp
  | AsOp
  | InvokeOp
  | EvaluateOp
  | SerializeOp
  | GetSchemaOp
  | SampleOp;

/** `kind=leftouter`, `hint.strategy=shuffle`, `withsource=T`, `isfuzzy=true`, `bagexpansion=array`, ... */
export interface OperatorParam {
  readonly kind: 'OperatorParam';
  readonly name: string;
  /** Identifiers are kept as NameRef; the binder interprets them per parameter. */
  readonly value: Expression;
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
  readonly keys: readonly SortKey[];
  readonly span: Span;
}

export interface TopOp {
  readonly kind: 'Top';
  readonly count: Expression;
  readonly keys: readonly SortKey[];
  readonly span: Span;
}

export interface TakeOp {
  readonly kind: 'Take';
  /** 'take' or 'limit', as written. */
  readonly keyword: string;
  readonly count: Expression;
  readonly span: Span;
}

export interface CountOp {
  readonly kind: 'Count';
  readonly span: Span;
}

/** `distinct a, b` or `distinct *`. */
export interface DistinctOp {
  readonly kind: 'Distinct';
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

/** `render timechart with (title="x", ysplit=axes)`. */
export interface RenderOp {
  readonly kind: 'Render';
  readonly chart: Identifier;
  readonly properties: readonly OperatorParam[];
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
  readonly items: readonly Assignment[];
  readonly span: Span;
}

export interface GetSchemaOp {
  readonly kind: 'GetSchema';
  readonly span: Span;
}

export interface SampleOp {
  readonly kind: 'Sample';
  readonly count: Expression;
  readonly span: Span;
}

export type Node =
  | Script
  | Statement
  | Identifier
  | Expression
  | Lambda
  | LambdaParam
  | TabularOperator
  | Assignment
  | OperatorParam
  | SortKey
  | ColumnPattern
  | MvExpandItem
  | MakeSeriesAggregate
  | ColumnDecl
  | ScalarTypeRef
  | TabularTypeRef;
